"""Reporter names: is a piece of text a person's name, and who is named in a unit header.

"Kari Nilsen", "v/ Kari Nilsen", "ved ordfører Kari Nilsen", "v/rådmann Per
Dahl og Eli Lie" (the first person names the report), "Kari Nilsen
orienterte." (a briefing sentence).  No gazetteer: a name is two to four
capitalised words or initials; a role word in front is dropped.  Imports only
the parser's vocabulary, so both the unit and the header modules may use it.
"""

from __future__ import annotations

import re

from etl.parse.vocabulary import BRIEFING_VERBS, REPORTER_ROLES, alternation

_NAME_WORD = r"[A-ZÆØÅÉ][a-zæøåéü'\-]+(?:-[A-ZÆØÅÉ][a-zæøåéü']+)?"  # also "Anne-Lise"
_PERSON_RE = re.compile(rf"^(?:v/\s*)?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[A-ZÆØÅ]\.)){{1,3}}$")
_ROLE_RE = re.compile(
    r"^(?:" + alternation(REPORTER_ROLES) + r")\s+",
    re.IGNORECASE,
)
_LEAD_RE = re.compile(r"^(?:v/\s*|ved\s+)", re.IGNORECASE)
_ROLE_AFTER_RE = re.compile(r"\s*(?:\([^()]*\)|,\s*[a-zæøå][\wæøå ]*)$")  # "Kari Nilsen (ordfører)", ", ordfører"
_BRIEFED_RE = re.compile(
    r"^(?P<person>[A-ZÆØÅ][\w'\-]+(?:\s+[A-ZÆØÅ][\w'\-]+){1,3})\s+"
    r"(?:" + "|".join(BRIEFING_VERBS) + r")(?P<rest>\b.*)$"
)


def is_person(text: str) -> bool:
    """'Kari Nilsen', 'Per A. Dahl', 'v/ Anne-Lise Berg' — two to four capitalised words."""
    return bool(_PERSON_RE.match(text.strip()))


def reporter_name(text: str) -> str | None:
    """The person in a header's reporter part: 'v/ ordfører Kari Nilsen' → 'Kari Nilsen';
    'Per Dahl og Eli Lie' → 'Per Dahl' (the first names the report); None if not a name."""
    t = _LEAD_RE.sub("", text.strip()).strip()
    t = _ROLE_RE.sub("", t).strip()
    t = re.split(r"\s+(?:og|and|\+|&)\s+|\s*/\s*", t)[0].strip()
    t = _ROLE_AFTER_RE.sub("", t).strip().rstrip(".").strip()
    return t if is_person(t) else None


def briefing(text: str, person_known: bool) -> tuple[str | None, bool]:
    """'Anne Solheim orienterte.' → ('Anne Solheim', True: the sentence says nothing else)."""
    m = _BRIEFED_RE.match(text)
    if not m or person_known or not is_person(m.group("person")):
        return None, False
    return m.group("person"), m.group("rest").strip() in ("", ".", ":")


__all__ = ["briefing", "is_person", "reporter_name"]
