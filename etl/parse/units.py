"""Reporting units: is a piece of text a kommune, region or other member, and who reports for it.

Unit headers seen in minutes: "Oslo kommune (Anne Solheim)", "Lillestrøm kommune
v/ Kari Holm", "Hol v/ordfører Kari Nilsen", "Nordre Follo kommune – Per Hansen",
"Gran kommune, Silje Haug", "Asker kommune", "OSLO KOMMUNE", and the prose form
"Ordfører i Hol, Kari Nilsen, orienterte om …".  A unit the gazetteer does not
know is still a unit when the header's shape says so (a reporter after "v/" or
a dash); the enricher flags it ``unit_known`` false.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.parse.cleaning import ends_sentence
from etl.parse.names import is_person, reporter_name
from etl.parse.vocabulary import (
    BRIEFING_VERBS,
    LOWER_CASE_IN_NAMES,
    NOT_UNIT_LABELS,
    REPORTER_ROLES,
    alternation,
)

_UNIT_WORD_RE = re.compile(
    r"kommune\b|kommuna\b|fylkeskommune|region(en|råd|rådet)?\b|regionen\b|\w+regionen\b|næringsutvikling|"
    r"næringsselskap|næringsforening|næringsråd|næringshage|business region|osloregionen|sekretariat|\binvest\b|"
    r"\bAS\b|\b(follo|romerike|hadeland|østfold|innlandet|akershus|buskerud|vestfold|valdres|oslo|viken|"
    r"drammen|ringerike|gjøvik|hamar|kongsvinger|moss|sarpsborg|fredrikstad|halden|jessheim|lillestrøm)\b",
    re.IGNORECASE,
)
# Labels inside a report that look like a one-word proper noun but are no unit ("Status:").
GENERIC_LABELS = frozenset(NOT_UNIT_LABELS)
_LOWER_IN_NAMES = LOWER_CASE_IN_NAMES
UNIT_DASH_TEXT_RE = re.compile(r"^(?P<unit>[^–—:]+?)\s+[–—]\s+(?P<rest>\S.*)$")
# "2.3 Moss kommune": an outline number in front of a unit heading is not part of its name.
_OUTLINE_NO_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-ZÆØÅ])")
_PAREN_REP_RE = re.compile(r"^(?P<unit>[^()]+?)\s*\((?P<rep>[^()]+)\)$")
_VED_REP_RE = re.compile(r"^(?P<unit>.+?)\s*,?\s+(?:v/\s*|ved\s+)(?P<rep>.+)$")
_COMMA_REP_RE = re.compile(r"^(?P<unit>[^,]+?),\s+(?P<rep>[^,]+)$")
_DASH_REP_RE = re.compile(r"^(?P<unit>.+?)\s+[–—-]\s+(?P<rep>.+)$")  # "Nordvik – Kari Nilsen"
_FROM_RE = re.compile(r"^(?:[Ff]ra|[Ff]rå)\s+(?=[A-ZÆØÅ])")
# A party abbreviation in brackets after a name ("Nils Dale (Sp)", "(FrP)", "(KrF)"): no unit.
_PARTY_RE = re.compile(r"[A-ZÆØÅ][a-zæøå]?[A-ZÆØÅ]?[a-zæøå]?[A-ZÆØÅ]?")
_EXPLICIT_UNIT_RE = re.compile(r"(?:kommune|kommuna|regionen|regionråd|regionrådet)$", re.IGNORECASE)


def known_unit(text: str) -> bool:
    """A kommune or region of the gazetteer ("Eidsvoll", "ULLENSAKER")."""
    from etl.extract.units import resolve_unit

    return len(text.split()) <= 5 and resolve_unit(text) is not None


def looks_like_unit(text: str) -> bool:
    t = text.strip()
    if not t or len(t.split()) > 7 or t[0].islower():
        return False
    return bool(_UNIT_WORD_RE.search(t)) or known_unit(t)


def unit_case(text: str) -> str:
    """'OSLO KOMMUNE' → 'Oslo kommune', 'SØNDRE ØSTFOLD' → 'Søndre Østfold'; others unchanged."""
    if not text.isupper() or len(text) < 4:
        return text
    words = text.lower().split()
    return " ".join(w if (w in _LOWER_IN_NAMES and i) else w.capitalize() for i, w in enumerate(words))


def explicit_unit(text: str) -> bool:
    """'Asker kommune', 'Hamarregionen' or a gazetteer kommune/region — never a company."""
    t = unit_case(text.strip())
    if not t or len(t.split()) > 4 or not t[0].isupper():
        return False
    if _EXPLICIT_UNIT_RE.search(t):
        return True
    from etl.extract.units import resolve_unit

    found = resolve_unit(t)
    return found is not None and found.kind in ("kommune", "region")


def proper_name(text: str, max_words: int = 5) -> bool:
    """A short name-like phrase ("Nordvik", "Hallingdal Næringshage", "Nore og Uvdal"):
    capitalised first word, no sentence end, not a generic label — a unit only where the
    header's shape (a reporter, a heading in a round of reports) says so."""
    t = text.strip()
    words = t.split()
    if not words or len(words) > max_words or not t[0].isupper() or ends_sentence(t) or any(c.isdigit() for c in t):
        return False
    if t.lower() in GENERIC_LABELS or words[0].lower() in GENERIC_LABELS:
        return False
    return sum(w[0].isupper() for w in words) * 2 >= len(words)


def without_from(label: str) -> str:
    """A report's label names its unit after "Fra"/"Frå": "Frå Luster kommune" → "Luster kommune"."""
    return _FROM_RE.sub("", label)


def split_unit(text: str) -> tuple[str, str | None] | None:
    """'Oslo kommune (Anne Solheim)' → ('Oslo kommune', 'Anne Solheim'); 'Frå Luster kommune' → ('Luster
    kommune', None); None if not a unit."""
    t = unit_case(_OUTLINE_NO_RE.sub("", text.strip().rstrip(":").strip().strip("*").strip()))
    t = without_from(t)
    # Each reporter form needs its mark in the text ("(", "v/" or "ved", ",", a dash): cheap tests first.
    m = _PAREN_REP_RE.match(t) if t.endswith(")") else None
    if m and (rep := reporter_name(m.group("rep"))):
        return m.group("unit").strip(), rep
    if m and is_person(m.group("unit")) and _bracketed_unit(m.group("rep")):
        return m.group("rep").strip(), m.group("unit").strip()  # "Kari Nilsen (Ringsaker)": the person first
    m = _VED_REP_RE.match(t) if "v/" in t or "ved" in t else None
    if m and (rep := reporter_name(m.group("rep"))):
        return m.group("unit").strip(), rep
    m = _COMMA_REP_RE.match(t) if "," in t else None  # "Gran kommune, Silje Haug"
    if m and is_person(m.group("rep")) and explicit_unit(m.group("unit")):
        return m.group("unit").strip(), m.group("rep").strip()
    m = _DASH_REP_RE.match(t) if "-" in t or "–" in t or "—" in t else None
    if m and (rep := reporter_name(m.group("rep"))) and looks_like_unit(m.group("unit")):
        return m.group("unit").strip(), rep
    if looks_like_unit(t):
        return t, None
    return None


def _bracketed_unit(text: str) -> bool:
    """The unit in "Kari Nilsen (Ringsaker kommune)": a kommune or region, or a name of four letters
    or more that is not an abbreviation ("(Sp)", "(KrF)", "(MDG)" are parties)."""
    t = text.strip()
    return looks_like_unit(t) or (proper_name(t, 4) and len(t) >= 4 and not t.isupper() and not _PARTY_RE.fullmatch(t))


def heading_unit(text: str) -> tuple[str, str | None] | None:
    """A heading or bold line in a round of reports: split_unit, or else any short
    proper name ("Nordvik – Kari Nilsen", "Hallingdal Næringshage") — an unknown unit."""
    parts = split_unit(text)
    if parts is not None:
        return parts
    t = unit_case(_OUTLINE_NO_RE.sub("", text.strip().rstrip(":").strip()))
    m = _DASH_REP_RE.match(t)
    if m and (rep := reporter_name(m.group("rep"))) and proper_name(m.group("unit")):
        return m.group("unit").strip(), rep
    return (t, None) if proper_name(t, 4) else None


def reported_unit(text: str) -> tuple[str, str] | None:
    """A unit with its reporter on a line of its own: split_unit's forms, or "Fjellbygd –
    Linda Hauge" for a unit the gazetteer does not know (the person's name makes it a header)."""
    if ends_sentence(text) or len(text.split()) > 9:
        return None
    parts = split_unit(text) or heading_unit(text)
    return (parts[0], parts[1]) if parts is not None and parts[1] is not None else None


def unit_line(text: str) -> bool:
    """A line that is only a reporting unit ("Ås kommune", "Vestby", "HAMARREGIONEN")."""
    if not text[:1].isupper():
        return False
    dash = UNIT_DASH_TEXT_RE.match(text)
    if dash is not None:  # "Bærum kommune – Equinor flytter 400 ansatte.", "Fjellbygd – Linda Hauge"
        return explicit_unit(dash.group("unit")) or reported_unit(text) is not None
    if len(text.split()) > 5 or ends_sentence(text):
        return False
    parts = split_unit(text)
    return parts is not None and (parts[1] is not None or explicit_unit(parts[0]))


# "Ordfører i Hol, Kari Nilsen, orienterte om …" / "Ordførar i Nes, Per Dahl, informerte om …"
_ROLE_BRIEFING_RE = re.compile(
    r"^(?P<role>(?:" + "|".join(re.escape(r) for r in REPORTER_ROLES) + r"))\s+(?:i|for|frå|fra)\s+"
    r"(?P<unit>[A-ZÆØÅ][^,]{1,40}?),\s*(?P<rep>[^,]{3,40}?),?\s+"
    r"(?P<verb>orienterte|informerte|fortalte|redegjorde|orienterer|informerer|la fram|sa)\b",
    re.IGNORECASE,
)


# "Vestkyst Næringsråd v/Siv Nordal orienterte om at …": a member and its reporter, then the verb.
_VED_BRIEFING_RE = re.compile(
    rf"^(?P<unit>[A-ZÆØÅ][^,:()/]{{1,50}}?)\s*,?\s+(?:v/\s*|ved\s+)(?P<rep>[^,:()]{{3,50}}?)\s+(?:{alternation(BRIEFING_VERBS)})\b"
)
# "Ordfører Geir Ask (Kvalnes) informerte om at …": the reporter first, the unit in brackets.
_PAREN_BRIEFING_RE = re.compile(
    rf"^(?P<rep>[A-ZÆØÅ][^,:()]{{2,60}}?)\s*\((?P<unit>[^()]{{2,40}})\)\s+(?:{alternation(BRIEFING_VERBS)})\b"
)


def _member_name(text: str) -> bool:
    """A member's name in a briefing sentence: a kommune or region, or every word capitalised
    ("Vestkyst Næringsråd"), so "Daglig leder v/Per Hansen orienterte" names no unit."""
    words = text.split()
    return looks_like_unit(text) or (
        proper_name(text, 5) and all(w[0].isupper() or w in _LOWER_IN_NAMES for w in words)
    )


@dataclass(slots=True)
class UnitHeader:
    unit: str
    reporter: str | None
    inline: str | None  # "Unit: text" → "text"


def role_briefing(text: str) -> UnitHeader | None:
    """'Ordfører i Hol, Kari Nilsen, orienterte om ny skole.', 'Vestkyst Næringsråd v/Siv Nordal
    orienterte om …', 'Ordfører Geir Ask (Kvalnes) informerte om …' → a unit header whose sentence
    stays the report (it says what was told)."""
    m = _ROLE_BRIEFING_RE.match(text)
    if m is not None and m.group("role")[0].isupper():
        rep = reporter_name(m.group("rep"))
        unit = m.group("unit").strip()
        return UnitHeader(unit, rep, text.strip()) if rep is not None and proper_name(unit) else None
    m = _VED_BRIEFING_RE.match(text) if "v/" in text or " ved " in text else None
    if m is not None and (rep := reporter_name(m.group("rep"))) and _member_name(m.group("unit").strip()):
        return UnitHeader(m.group("unit").strip(), rep, text.strip())
    m = _PAREN_BRIEFING_RE.match(text) if "(" in text else None
    if m is not None and (rep := reporter_name(m.group("rep"))) and _bracketed_unit(m.group("unit")):
        return UnitHeader(m.group("unit").strip(), rep, text.strip())
    return None


__all__ = [
    "GENERIC_LABELS",
    "UNIT_DASH_TEXT_RE",
    "UnitHeader",
    "explicit_unit",
    "heading_unit",
    "known_unit",
    "looks_like_unit",
    "proper_name",
    "reported_unit",
    "role_briefing",
    "split_unit",
    "unit_case",
    "unit_line",
    "without_from",
]
