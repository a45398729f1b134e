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

# Job nouns, compounds included ("industriarbeidsplasser", "heltidsstillinger").
_JOB_NOUNS = (
    r"\w*arbeidsplass(?:er|ene)?|\w*årsverk(?:ene)?|(?:heltids|deltids|fast|faste|ny|fag)?stillinger|stilling"
    r"|(?:ny|fast)?ansatte|jobber|sysselsatte|medarbeider(?:e|ne)|(?:ny)?ansettelser|lærlingplasser"
)
# Adjectives between the number and the noun ("150 nye, grønne arbeidsplasser").
_JOB_ADJ = (
    r"nye|flere|faste|grønne|lokale|direkte|indirekte|midlertidige|permanente|varige|kvalifiserte|høyt|spesialiserte"
    r"|kompetansekrevende|kunnskapsbaserte|industrielle|tekniske|ordinære|\w+ige|\w+iske"
)
_JOBS = re.compile(
    rf"{_N}\s+(?:(?:{_JOB_ADJ}),?\s+){{0,2}}(?:{_JOB_NOUNS})\b",
    re.IGNORECASE,
)
# Verb first: "ansetter 60", "sysselsetter rundt 250 personer", "permitterer 25".
_APPROX = r"(?:(?:ca\.?|cirka|rundt|om\s+lag|omkring|opptil|inntil|over|nesten|totalt|hele|bortimot)\s*)?"
_JOBS_VERB = re.compile(
    rf"(?<!\w)(?:nyansetter|ansetter|ansette|ansatt|rekrutterer|rekruttere|permitterer|permittere|sysselsetter"
    rf"|sysselsette|sysselsatte|sier\s+opp|si\s+opp|nedbemanner\s+med)\s+{_APPROX}{_N}"
    rf"(?!\s*(?:%|prosent|kr\b|kroner|mill|mrd|milliard|nok\b|år\b|måned|uke|dag|timer|av\b))",
    re.IGNORECASE,
)
# Recruiting: "søker 200 ingeniører", "trenger 300 fagarbeidere".
_JOBS_HIRING = re.compile(
    rf"(?<!\w)(?:søker|trenger|rekrutterer|skal\s+rekruttere|vil\s+rekruttere|mangler|mangel\s+på)\s+{_APPROX}{_N}\s+(?:nye\s+)?"
    rf"(?:ingeniører|fagarbeidere|fagfolk|arbeidere|operatører|sykepleiere|utviklere|lærlinger|rådgivere|personer)\b",
    re.IGNORECASE,
)
# People who lose or get work: "70 personer mister jobben".
_JOBS_PEOPLE = re.compile(
    rf"{_N}\s+(?:personer|mennesker|arbeidstakere)\s+(?:\w+\s+){{0,2}}?(?:mister|mistet|miste|får\s+jobb"
    rf"|permitteres|permittert|sies\s+opp|sagt\s+opp|(?:er|blir|ble|vil\s+bli)\s+ansatt\b)",
    re.IGNORECASE,
)
# Numbers in words, for jobs ("Ti nye arbeidsplasser") and amounts ("en halv milliard").
_WORD_NUMBERS = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10,
    "elleve": 11, "tolv": 12, "femten": 15, "tjue": 20, "tretti": 30, "førti": 40, "femti": 50,
    "seksti": 60, "sytti": 70, "åtti": 80, "nitti": 90, "hundre": 100, "ett hundre": 100, "to hundre": 200,
    "tre hundre": 300, "fire hundre": 400, "fem hundre": 500, "tusen": 1000,
}  # fmt: skip
_NUMBER_WORDS = frozenset(w for k in _WORD_NUMBERS for w in k.split()) | {"én"}
_WORD = re.compile(r"\w+")
_ONE = {"en": 1, "ett": 1, "ei": 1, "én": 1, "et": 1, "en halv": 0.5, "ei halv": 0.5, "halvannen": 1.5, "halvannet": 1.5}
_WORD_NUM_RX = "|".join(sorted(map(re.escape, _WORD_NUMBERS), key=len, reverse=True))
_JOBS_WORDS = re.compile(
    rf"(?<!\w)(?P<wnum>én|{_WORD_NUM_RX})\s+(?:(?:{_JOB_ADJ}),?\s+){{0,2}}(?:{_JOB_NOUNS})\b", re.IGNORECASE
)
# "halvparten av de 80 ansatte" → 40
_FRACTIONS = {"halvparten": 0.5, "en tredjedel": 1 / 3, "en tredel": 1 / 3, "en fjerdedel": 0.25, "en firedel": 0.25,
              "to tredjedeler": 2 / 3, "to tredeler": 2 / 3}  # fmt: skip
_FRACTION_BEFORE = re.compile(
    rf"(?:^|\W)(?P<frac>{'|'.join(_FRACTIONS)})\s+av\s+(?:de|dei|disse|totalt|alle|sine|bedriftens|selskapets)?\s*$",
    re.IGNORECASE,
)

_SCALE = {
    "mill": 10**6, "mill.": 10**6, "million": 10**6, "millioner": 10**6, "mnok": 10**6, "mkr": 10**6,
    "millionar": 10**6, "mrd": 10**9, "mrd.": 10**9, "milliard": 10**9, "milliarder": 10**9, "milliardar": 10**9,
    "mia": 10**9, "mia.": 10**9,
    "tnok": 10**3,
}  # fmt: skip
_SCALE_WORDS = r"millioner|millionar|million|mill\.?|mnok|mkr|milliarder|milliardar|milliard|mrd\.?|mia\.?|tnok"
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


# 4: number in words + scale word ("en halv milliard kroner", "to millioner")
_AMOUNT_WORDS = re.compile(
    rf"(?<!\w)(?P<wnum>en\s+halv|ei\s+halv|halvannen|halvannet|en|ett|ei|én|et|{_WORD_NUM_RX})\s+"
    rf"(?P<scale>millioner|millionar|million|mill\.?|milliarder|milliardar|milliard|mrd\.?)(?!\w)(?!\s+(?:{_NOT_MONEY})\b)",
    re.IGNORECASE,
)


def _word_number(s: str) -> float:
    s = " ".join(s.lower().split())
    return _ONE.get(s) or _WORD_NUMBERS[s]


# Cheap gates (substring checks) so the regexes only run on text that can match.
_DIGIT = re.compile(r"\d")
_JOB_GATES = ("ansatt", "arbeidsplass", "stilling", "jobb", "årsverk", "sysselsatt", "medarbeider", "ansettelse",
              "lærlingplass", "ansett", "sysselsett", "rekrutter", "permitter", "sier opp", "si opp", "nedbemanner",
              "miste", "sies opp", "sagt opp", "søker", "trenger", "mangler", "mangel på")  # fmt: skip
# The gates as one regex each: one scan of the text instead of one `in` per gate.
_JOB_GATE = re.compile("|".join(map(re.escape, _JOB_GATES)))
_MONEY_GATES = ("mill", "mrd", "mia", "kr", "nok", ",-")  # "milliard" contains "mill"
_MONEY_GATE = re.compile("|".join(map(re.escape, _MONEY_GATES)))


def _to_number(s: str) -> float:
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?", s):
        s = s.replace(" ", "").replace(".", "")
    return float(s.replace(",", "."))


def extract_jobs(text: str) -> int | None:
    """Number of jobs/employees mentioned ("70 ansatte", "ca. 1 200 jobber", "ansetter 60",
    "Ti nye arbeidsplasser", "halvparten av de 80 ansatte" → 40), or None.
    Fractions ("1,5 årsverk") are rounded; a range gives its upper bound; the first
    mention wins."""
    if not text:
        return None
    low = text.lower()
    return jobs_in(text, low, _WORD.findall(low), _DIGIT.search(text) is not None)


def jobs_in(text: str, low: str, words: list[str], digit: bool) -> int | None:
    """``extract_jobs`` for a caller that has already lower-cased ``text``, split it
    with ``\\w+`` and checked it for a digit (``etl.enrich``)."""
    if not digit and _NUMBER_WORDS.isdisjoint(words):  # no number at all
        return None
    if not _JOB_GATE.search(low):
        return None
    best: tuple[int, float] | None = None  # (position, value)
    if digit:
        for rx in (_JOBS, _JOBS_VERB, _JOBS_HIRING, _JOBS_PEOPLE):
            m = rx.search(text)
            if m and (best is None or m.start() < best[0]):
                value = _to_number(m.group("num"))
                if rx is _JOBS:
                    f = _FRACTION_BEFORE.search(text, 0, m.start())
                    if f:
                        value *= _FRACTIONS[" ".join(f.group("frac").lower().split())]
                best = (m.start(), value)
    m = _JOBS_WORDS.search(text)
    if m and (best is None or m.start() < best[0]):
        best = (m.start(), _word_number(m.group("wnum")))
    return round(best[1]) if best else None


def extract_amount_nok(text: str) -> int | None:
    """First amount of money in NOK ("70 mill." → 70_000_000, "en halv milliard" →
    500_000_000), or None."""
    if not text:
        return None
    return amount_in(text, text.lower(), _DIGIT.search(text) is not None)


def amount_in(text: str, low: str, digit: bool) -> int | None:
    """``extract_amount_nok`` for a caller that has already lower-cased ``text`` and
    checked it for a digit (``etl.enrich``)."""
    best: tuple[int, int] | None = None  # (position, value)
    if digit and _MONEY_GATE.search(low) is not None:
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
    if "mill" in low or "mrd" in low:  # "million", "milliard" contain "mill"
        m = _AMOUNT_WORDS.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), round(_word_number(m.group("wnum")) * _SCALE[m.group("scale").lower()]))
    return best[1] if best else None


# --- land area ------------------------------------------------------------------
# Land is counted in dekar (1 daa = 1 000 m²; "mål" is the same as a dekar).
# Square metres count only next to a land word ("tomt på 50 000 m²", "50 000 m²
# næringsareal"): "et bygg på 8 000 m²" is floor space, not business land.
_DAA_PER = {"dekar": 1.0, "daa": 1.0, "mål": 1.0, "hektar": 10.0, "ha": 10.0, "km2": 1000.0, "km²": 1000.0,
            "kvadratkilometer": 1000.0}  # fmt: skip
_AREA_UNITS = re.compile(
    rf"{_N}\s*(?P<unit>dekar|daa|hektar|ha|km2|km²|kvadratkilometer|mål(?!\s+(?:om|for|å|er|var|med\s+å|i\s+sikte"
    r"|og\s+ambisjon)\b))(?![\w²])",  # "mål om 300 arbeidsplasser" is a goal, "35 mål" an area
    re.IGNORECASE,
)
_LAND_WORDS = r"\w*(?:tomt|areal|område|grunn|eiendom)\w*"
_M2 = r"\s*(?:m2|m²|kvm|kvadratmeter)(?![\w²])"
_AREA_M2 = (
    re.compile(rf"{_LAND_WORDS}\s+(?:på|over|av)\s+(?:ca\.?\s+|cirka\s+|rundt\s+|om\s+lag\s+)?{_N}{_M2}", re.IGNORECASE),
    re.compile(rf"{_N}{_M2}\s+(?:\w+\s+)?{_LAND_WORDS}", re.IGNORECASE),
)
_AREA_GATE = re.compile(r"dekar|daa|mål|hektar|\bha\b|km2|km²|kvadratkilometer|m2|m²|kvm|kvadratmeter", re.IGNORECASE)


def extract_area_daa(text: str) -> float | None:
    """Land area in dekar: "200 dekar næringsareal" → 200, "35 mål" → 35, "12 hektar" → 120,
    "tomt på 50 000 m²" → 50, "1,5 km²" → 1 500; a range gives its upper bound; the
    first area wins. Floor space ("et bygg på 8 000 m²") and goals ("mål om …") are not land."""
    if not text:
        return None
    return area_in(text, _DIGIT.search(text) is not None)


def area_in(text: str, digit: bool) -> float | None:
    """``extract_area_daa`` for a caller that has already checked ``text`` for a digit."""
    if not digit or _AREA_GATE.search(text) is None:
        return None
    best: tuple[int, float] | None = None  # (position, dekar)
    m = _AREA_UNITS.search(text)
    if m:
        best = (m.start(), _to_number(m.group("num")) * _DAA_PER[m.group("unit").lower()])
    for rx in _AREA_M2:
        m = rx.search(text)
        if m and (best is None or m.start("num") < best[0]):
            best = (m.start("num"), _to_number(m.group("num")) / 1000.0)
    if best is None:
        return None
    value = round(best[1], 1)
    return float(int(value)) if value == int(value) else value
