"""Jobs and Norwegian-kroner amounts mentioned in a statement.

Numbers are written the Norwegian way: thousands separated by a space, a
no-break space (U+00A0), a narrow no-break space (U+202F) or a dot ("1 200",
"1.200"), decimals with a comma ("4,5"). A number counts only next to a word
that says what it counts — a bare number is never an amount, so years, dates,
percentages, kommunenummer, road names (E134) and phone numbers are ignored.

Ranges ("100 000 til 300 000 kroner", "100–150 arbeidsplasser") give their upper
bound: the figure the minutes are reporting as the ceiling. The first quantity
in the text wins.
"""

from __future__ import annotations

import re

# An integer with optional thousand groups, optionally a decimal comma part. A dot
# is a thousand separator only before exactly three digits ("1.200"); otherwise it
# is read as a decimal point ("1.5 mill").
_NUM = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?![\d])(?:,\d+)?|\d+(?:[.,]\d+)?"
_RANGE = rf"(?P<lo>{_NUM})\s*(?:[-–—]|til)\s*"
_N_CORE = rf"(?:{_RANGE})?(?P<num>{_NUM})"
_N = rf"(?<![\w.,]){_N_CORE}"  # not glued to a word or another number ("E134", "3.5")

_JOB_NOUNS = (
    r"ansatte|arbeidsplasser|arbeidsplass|stillinger|stilling|jobber|årsverk|sysselsatte|medarbeidere"
    r"|ansettelser|nyansettelser|lærlingplasser"
)
_JOBS = re.compile(
    rf"{_N}\s+"
    rf"(?:(?:nye|faste|midlertidige|direkte|indirekte|lokale|permanente|flere)\s+){{0,2}}(?:{_JOB_NOUNS})\b",
    re.IGNORECASE,
)

_SCALE = {
    "mill": 10**6, "mill.": 10**6, "million": 10**6, "millioner": 10**6, "mnok": 10**6, "mkr": 10**6,
    "mrd": 10**9, "mrd.": 10**9, "milliard": 10**9, "milliarder": 10**9, "mia": 10**9, "mia.": 10**9,
    "tnok": 10**3,
}  # fmt: skip
_SCALE_WORDS = r"millioner|million|mill\.?|mnok|mkr|milliarder|milliard|mrd\.?|mia\.?|tnok"
_MONEY_AFTER = r"kroner|kr\b\.?|nok\b|,-"
# Things counted in millions that are not money.
_NOT_MONEY = (
    r"innbyggere|mennesker|personer|passasjerer|reisende|besøkende|turister|brukere|kunder|tonn|liter|kwh|"
    r"gwh|twh|kvadratmeter|m2|m²|kilometer|km|reiser|overnattinger|visninger|kroner i året i tap"
)
# 1: number + scale word ("70 mill.", "2,3 milliarder kroner", "15 MNOK"), not followed by a non-money noun
_AMOUNT_SCALED = re.compile(
    rf"{_N}\s*(?P<scale>{_SCALE_WORDS})(?!\w)(?!\s+(?:{_NOT_MONEY})\b)", re.IGNORECASE
)
# 2: number + money word ("500 000 kroner", "250 000 kr", "50 000,-")
_AMOUNT_PLAIN = re.compile(rf"{_N}\s*(?:{_MONEY_AFTER})(?!\w)", re.IGNORECASE)
# 3: money word first ("kr 250 000", "NOK 1,2 millioner", "MNOK 15")
_AMOUNT_PREFIX = re.compile(
    rf"(?<!\w)(?P<cur>kr\.?|nok|mnok|mkr)\s*{_N_CORE}(?:\s*(?P<scale>{_SCALE_WORDS})(?!\w))?",
    re.IGNORECASE,
)


# Cheap gates (substring checks) so the regexes only run on text that can match.
_DIGIT = re.compile(r"\d")
_JOB_GATES = ("ansatt", "arbeidsplass", "stilling", "jobb", "årsverk", "sysselsatt", "medarbeider", "ansettelse",
              "lærlingplass")  # fmt: skip
_MONEY_GATES = ("mill", "mrd", "milliard", "mia", "kr", "nok", ",-")


def _to_number(s: str) -> float:
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?", s):
        s = s.replace(" ", "").replace(".", "")
    return float(s.replace(",", "."))


def extract_jobs(text: str) -> int | None:
    """Number of jobs/employees mentioned ("70 ansatte", "ca. 1 200 jobber"), or None.
    Fractions ("1,5 årsverk") are rounded; a range gives its upper bound."""
    if not text or not _DIGIT.search(text):
        return None
    low = text.lower()
    if not any(g in low for g in _JOB_GATES):
        return None
    m = _JOBS.search(text)
    if not m:
        return None
    return round(_to_number(m.group("num")))


def extract_amount_nok(text: str) -> int | None:
    """First amount of money in NOK ("70 mill." → 70_000_000), or None."""
    if not text or not _DIGIT.search(text):
        return None
    low = text.lower()
    if not any(g in low for g in _MONEY_GATES):
        return None
    best: tuple[int, int] | None = None  # (position, value)
    for rx in (_AMOUNT_SCALED, _AMOUNT_PLAIN, _AMOUNT_PREFIX):
        m = rx.search(text)
        if not m:
            continue
        value = _to_number(m.group("num"))
        scale = (m.groupdict().get("scale") or "").lower()
        if not scale and m.groupdict().get("cur"):
            scale = m.group("cur").lower().rstrip(".")
        value *= _SCALE.get(scale, 1)
        if best is None or m.start() < best[0]:
            best = (m.start(), round(value))
    return best[1] if best else None
