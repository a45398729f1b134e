"""The body's name in a minutes title: "Referat fra styremøte i X 14. juni 2013" → "X",
"Innkalling til møte i Rådet for X" → "Rådet for X", "Fylkesutvalet 4. juni 2024" → "Fylkesutvalet"."""

from __future__ import annotations

import re

from etl.parse.meeting_dates import DATE_TEXT, MONTH_ALT
from etl.parse.vocabulary import (
    BODY_NAME_ENDINGS,
    MEETING_NOUNS,
    NOTICE_WORDS,
    TITLE_WORDS,
    alternation,
)

# "… – referat fra samling 2.–3. juni 2025": a title word after the organ.
TITLE_AFTER_RE = re.compile(rf"\s+[–—-]\s+(?:{alternation(TITLE_WORDS + NOTICE_WORDS)})\b.*$", re.IGNORECASE)
_MEETING_NOUN_RE = re.compile(
    rf"^(?:(?:fra|frå|til|for|om)\s+)?(?:(?:det|eit|et)\s+)?(?:{alternation(MEETING_NOUNS)})\s+(?:(?:i|for|med|hos|til)\s+)?"
    r"(?=[A-ZÆØÅ])",
    re.IGNORECASE,
)
# "X Møte 22. mai 2012" / "X – møte 3/2025": a meeting noun and what follows it after the organ.
_TRAILING_MEETING_RE = re.compile(rf"[\s,]+[–—-]?\s*(?:{alternation(MEETING_NOUNS)})\b[\s\d./–—-]*$", re.IGNORECASE)
_ORGAN_CUT_RE = re.compile(rf"[\s,–—(-]+(?:(?:{DATE_TEXT})|kl\.?\s*\d)", re.IGNORECASE)
# One word that is a kind of meeting ("haustmøtet", "vårsamlinga", "fellesmøtet"): never a body's name.
_COMPOUND_MEETING_RE = re.compile(r"[a-zæøå]*(?:møte|møtet|møta|samling|samlinga|samlingen)")
_MEETING_NO_RE = re.compile(r"[\s,–—-]+(?:nr\.?\s*)?\d{1,2}\s*/\s*(?:\d{2}|\d{4})$|[\s,–—-]+nr\.?\s*\d{1,3}$", re.IGNORECASE)
# "Fylkesutvalet 4. juni 2024": a body's name and a date make the whole title line.
_DATED_NAME_RE = re.compile(rf"^(?P<name>[A-ZÆØÅ][^.:,\d]{{2,60}}?)[\s,–—-]+(?:{DATE_TEXT})\s*$", re.IGNORECASE)
_TITLE_PREFIX_RE = re.compile(
    rf"^(?:{alternation(TITLE_WORDS + NOTICE_WORDS)})(?:\s+(?:fra|frå|for|til|i))?(?:\s*[-–—:]\s*|\s+|$)", re.IGNORECASE
)


def organ_from_title(title: str) -> str | None:
    """The body's name from a title: "Referat fra styremøte i X 14. juni 2013" → "X",
    "Innkalling til møte i Rådet for X" → "Rådet for X", "X Møte 22. mai 2012" → "X"."""
    t = TITLE_AFTER_RE.sub("", title.strip())  # "X – referat fra samling 2.–3. juni"
    t = _TITLE_PREFIX_RE.sub("", t)
    t = _MEETING_NOUN_RE.sub("", t)
    # Cut at the date ("… 12. mars 2026, kl. 10, Gol", "… 12.03.2026", "… 18.–19. september") or a time.
    cut = _ORGAN_CUT_RE.search(t)
    if cut and cut.start() > 0:
        t = t[: cut.start()]
    t = re.sub(r"[\s,–—-]*\d{1,2}\.\d{1,2}\.\d{2,4}$|[\s,–—-]*\d{4}-\d{2}-\d{2}$", "", t)
    t = _MEETING_NO_RE.sub("", t)  # "Styremøte 4/2024", "Møte nr. 3"
    t = re.sub(rf"[\s,–—-]+(?:(?:{MONTH_ALT})\.?\s+)?(?:19|20)\d\d$", "", t, flags=re.IGNORECASE)  # "– mars 2023"
    t = _TRAILING_MEETING_RE.sub("", t)  # "Regionrådet Møte"
    t = re.sub(r"\s*[–—:-]\s*(?:møte)?referat$", "", t, flags=re.IGNORECASE)  # "Næringsgruppen – møtereferat"
    t = t.strip(" ,–—-:")
    if re.fullmatch(r"nr\.?(?:\s*\d{1,3}(?:\s*/\s*\d{2,4})?)?|\d{1,3}(?:\s*/\s*\d{2,4})?", t, re.IGNORECASE):
        return None  # "Protokoll fra møte nr. 3/24, …": a meeting number names no body
    if t.lower() in MEETING_NOUNS or _COMPOUND_MEETING_RE.fullmatch(t.lower()):
        return None  # "Referat – Styremøte 14.06.2013", "Protokoll frå haustmøtet": no body named
    if t.isupper() and len(t) > 3:  # "FAGGRUPPE FOR NÆRINGSSAMARBEID"
        t = t.lower()
    return (t[0].upper() + t[1:]) if t else None


def dated_body(text: str) -> bool:
    """A title line that is only a body's name and a date ("Fylkesutvalet 4. juni 2024"); the name
    must end as bodies' names do, so "Hamar 4. juni 2024" (a place) is no title."""
    m = _DATED_NAME_RE.match(text.strip())
    return m is not None and len(m.group("name").split()) <= 6 and m.group("name").strip().lower().endswith(BODY_NAME_ENDINGS)


__all__ = ["TITLE_AFTER_RE", "dated_body", "organ_from_title"]
