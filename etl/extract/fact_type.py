"""What kind of fact a statement reports (one of ``vocab.FACT_TYPES``).

Rules are tried in priority order; the first that matches wins:

1. nedleggelse  — closures and job losses outrank everything said alongside them
   ("Nedleggelse av fabrikken, 70 ansatte mister jobben").
2. finansiering — a funding word (gave, tilskudd, støtte, midler, bevilgning, …)
   together with an amount: "nytt senter med støtte fra X (70 mill. gave)" is
   news about money, even though something new is built.
3. etablering   — something new opens or is established (åpner, etablerer, ny
   fabrikk, nytt hotellprosjekt, datasenteretableringer, lanseres).
4. utfordring   — concern, cuts, resistance, shortage, waiting
   ("Ny fylkesplan … – stor motstand" is a challenge, not a plan).
5. finansiering — a funding word without an amount ("søker tilskudd").
6. arrangement  — seminar, konferanse, workshop, møterekke, webinar, frokostmøte.
7. samarbeid    — cooperation and partnership.
8. annet        — awards ("vant Fyrlyktprisen"): neither a plan nor an event.
9. plan         — plans, strategies, surveys, analyses, projects, "satsing på".
10. finansiering — a bare amount of money.
11. annet.
"""

from __future__ import annotations

import re
from types import EllipsisType

from etl.extract.quantities import extract_amount_nok

# Patterns run on one lower-cased word at a time ("^" = start of the word), so
# each distinct word is classified once and cached; multi-word patterns run on
# the whole text, only when one of their gate words occurs in it.
_WORD_RULES: dict[str, str] = {
    "nedleggelse": r"nedlegg|^permitter|oppsigelse|^nedbemann|konkurs|^avvikl|^stengning|^nedstenging|^steng(?:er|es|t|e)$",
    "funding": r"^(?:gave|gaven|midler|stipend|fond|fondet)$|tilskudd|^bevilg|finansier|støttemidl|^tildel|^spons|^spleis",
    "etablering": r"^(?:åpner|åpnet|åpnes|ansetter|etablert)$|^åpning|^nyetabler|^lanser|^byggestart|etablering|^etablere",
    "utfordring": r"bekymr|utfordring|^motstand|innvending|ventemodus|mangel|^mangler$|problem|^krevende$|^usikker"
    r"|^nedgang|^svikt|^forsink|^risiko|^begrensning|^frafall|^svekke|^vanskelig|^trussel|^konflikt|kutt"
    r"|^(?:mister|fjernet|fjernes)$",
    "arrangement": r"seminar|konferanse|workshop|webinar|frokostmøte|møterekke|møteplass|festival|dialogmøte|fagdag"
    r"|nettverksmøte|^befaring|^(?:messe|messen|samling|kurs|kurset|kursene|treff)$",
    "samarbeid": r"samarbeid|partnerskap|^allianse|^intensjonsavtale|^(?:partner|partnere|partnerne|dialog)$",
    "award": r"^(?:vant|kåret)$|^prisvinn",
    # Receiving verbs count as funding only together with an amount ("har fått 3 mill. kroner").
    "receive": r"^(?:fått|får|fikk|mottar|mottok|mottatt|innvilget|henter|hentet)$",
    "plan": r"plan(?:er|en|ene|lagt|legg\w*|arbeid\w*)?$|strategi|kartlegg|analyse|prosjekt|^satsing|^satser$"
    r"|^ønske[rt]?$|^utred|^vurder|^forslag|^tiltak|^innsikt|utvikling|^forbered|^ambisjon|^videreføring|^fornyelse"
    r"|^omorganiser",
}
_PHRASE_RULES: list[tuple[str, tuple[str, ...], str]] = [  # (rule, gate words, pattern)
    ("nedleggelse", ("ned",), r"\b(?:legges?|lagt|legger)\s+ned\b"),
    ("nedleggelse", ("mister", "mistet"), r"\bmist(?:er|et)\s+(?:\S+\s+){0,2}(?:arbeidsplass|jobb|årsverk|ansatt|stilling)"),
    ("nedleggelse", ("sier",), r"\bsier\s+opp\b"),
    ("nedleggelse", ("flytter",), r"\bflytter\s+ut\b"),
    # "Equinor flytter 400 ansatte fra Fornebu til Bergen": jobs leave the region.
    ("nedleggelse", ("flytter",), r"\bflytter\s+\d[\d\s]*\s+(?:ansatte|arbeidsplasser|stillinger|årsverk)\s+fra\b"),
    ("nedleggelse", ("tap",), r"\btap\s+av\s+\d"),
    ("funding", ("støtte", "støtter", "støttet", "økonomisk"), r"\bstøtte[rt]?\s+(?:fra|på|med)\b|\bøkonomisk\s+støtte\b"),
    ("etablering", ("ny", "nye", "nytt"), r"\bny(?:e|tt)?\s+(?:\w+\s+)?(?:\w*(?:fabrikk|hotell|datasent|næringspark"
     r"|kontor|anlegg|butikk|senter|arbeidsplass|stilling|bedrift|virksomhet|produksjon)\w*|\w*lager)\b"),
    ("etablering", ("flytter",), r"\bflytter\s+(?:til|inn)\b"),
    ("etablering", ("bygging", "bygger", "bygges"), r"\bunder\s+bygging\b|\bbygg(?:er|es)\s+(?:et\s+|en\s+)?ny(?:tt|e)?\b"),
    ("utfordring", ("økonomi", "økonomien"), r"\b(?:stram|trang)\w*\s+økonomi"),
    ("utfordring", ("press",), r"\bunder\s+press\b|\bpress\s+på\b"),
    ("award", ("vinner",), r"\bvinner\s+av\b"),
    ("award", ("fikk",), r"\bfikk\s+\w*prisen\b"),
    ("plan", ("arbeid", "jobber"), r"\b(?:arbeid|jobber)\s+med\b"),
    ("plan", ("fokus",), r"\bfokus\s+på\b"),
    ("plan", ("mål",), r"\bmål\s+om\b"),
]
_WORD = re.compile(r"\w+")
_WORD_RX = [(rule, re.compile(rx)) for rule, rx in _WORD_RULES.items()]
_PHRASE_RX = [(rule, frozenset(gates), re.compile(rx)) for rule, gates, rx in _PHRASE_RULES]
_CACHE: dict[str, frozenset[str]] = {}


def _word_rules(w: str) -> frozenset[str]:
    hit = _CACHE.get(w)
    if hit is None:
        if len(_CACHE) > 200_000:
            _CACHE.clear()
        hit = _CACHE[w] = frozenset(rule for rule, rx in _WORD_RX if rx.search(w))
    return hit


def _signals(text: str) -> set[str]:
    low = text.lower()
    found: set[str] = set()
    words = set(_WORD.findall(low))
    for w in words:
        found |= _word_rules(w)
    for rule, gates, rx in _PHRASE_RX:
        if rule not in found and not gates.isdisjoint(words) and rx.search(low):
            found.add(rule)
    return found


def classify_fact_type(text: str, amount_nok: int | None | EllipsisType = ...) -> str:
    """One of ``vocab.FACT_TYPES``. Pass ``amount_nok`` (even None) when already extracted."""
    if not text:
        return "annet"
    if amount_nok is ...:
        amount_nok = extract_amount_nok(text)
    sig = _signals(text)
    if "nedleggelse" in sig:
        return "nedleggelse"
    funding = "funding" in sig
    if (funding or "receive" in sig) and amount_nok is not None:
        return "finansiering"
    for rule in ("etablering", "utfordring"):
        if rule in sig:
            return rule
    if funding:
        return "finansiering"
    for rule in ("arrangement", "samarbeid"):
        if rule in sig:
            return rule
    if "award" in sig:
        return "annet"
    if "plan" in sig:
        return "plan"
    return "finansiering" if amount_nok is not None else "annet"
