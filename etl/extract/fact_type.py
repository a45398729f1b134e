"""What kind of fact a statement reports (one of ``vocab.FACT_TYPES``).

Rules are tried in priority order; the first that matches wins:

1. nedleggelse  — closures and job losses outrank everything said alongside them
   ("Nedleggelse av fabrikken, 70 ansatte mister jobben"), unless the closure is
   only the background ("… omstillingsmidler etter nedleggelsen").
2. finansiering — a funding word (gave, tilskudd, støtte, midler, bevilgning, …)
   together with an amount: "nytt senter med støtte fra X (70 mill. gave)" is
   news about money, even though something new is built.
3. etablering   — something new opens, is established, built or expanded (åpner,
   etablerer, ny fabrikk, nytt hotellprosjekt, datasenteretableringer, lanseres,
   utvides, står ferdig, under utbygging); "etablere et samarbeid" is samarbeid.
4. utfordring   — concern, cuts, resistance, shortage, waiting
   ("Ny fylkesplan … – stor motstand" is a challenge, not a plan).
5. finansiering — a funding word without an amount ("søker tilskudd").
6. arrangement  — seminar, konferanse, workshop, møterekke, webinar, frokostmøte.
7. samarbeid    — cooperation and partnership.
8. annet        — awards ("vant Fyrlyktprisen"): neither a plan nor an event.
9. plan         — plans, strategies, surveys, analyses, projects, drafts, "satsing på";
   investigating or considering something new ("utreder ny godsterminal",
   "vurderer å etablere") is a plan even though it names a new thing.
10. finansiering — a bare amount of money (not turnover: "omsetter for 2 mrd.").
11. samarbeid    — something done "sammen med" others, when nothing above matched.
12. annet.

A business moved to a place outside the member region ("flytter produksjonen
til Polen") is a closure: its jobs leave.  A closure, establishment or challenge
word is cancelled by a negation word
shortly before it ("Ingen nye datasenteretableringer", "uten problemer"), and
by "etter" when it is only the background ("etter nedleggelsen").
"""

from __future__ import annotations

import re
from types import EllipsisType

from etl.extract.quantities import extract_amount_nok
from etl.extract.units import resolve_unit

# Patterns run on one lower-cased word at a time ("^" = start of the word), so
# each distinct word is classified once and cached; multi-word patterns run on
# the whole text, only when one of their gate words occurs in it.
_WORD_RULES: dict[str, str] = {
    "nedleggelse": r"nedlegg|^permitter|oppsigelse|^nedbemann|konkurs|^avvikl|^stengning|^nedstenging|^steng(?:er|es|t|e)$"
    r"|^nedlagt$",
    "funding": r"^(?:gave|gaven|stipend|avsatt)$|(?<!virke)midle(?:r|ne)$|fond(?:et|ene)?$|tilskudd|^bevilg|finansier"
    r"|støttemidl|^tildel|^spons|^spleis",
    "etablering": r"^(?:åpner|åpnet|åpnes|ansetter|etablert|ferdigstilt|innviet|innvies)$|^byggetillatelse|spadetak|^åpning|^nyetabler|^lanser"
    r"|^byggestart|etablering|^etablere|^gjenåpn|^utvid(?:er|es|et|ede|else|elsen)$",
    "utfordring": r"bekymr|utfordring|^motstand|innvending|ventemodus|mangel|^mangl|problem|^krevende$|^usikker"
    r"|^nedgang|^svikt|^forsink|^risiko|^begrensning|^frafall|^svekke|^vanskelig|^trussel|^konflikt|kutt"
    r"|^(?:mister|fjernet|fjernes)$|^flaskehals|^slit(?:er|e)$|^strev|^stopp(?:er|et|es|e)?$|^stans(?:er|et|es)?$"
    r"|^utsatt$|^utsett(?:es|er)$|^ventetid|underskudd|^klag(?:er|e|et|es|en)?$|^reager(?:er|te|t)$|^reaksjon"
    r"|^ramm(?:er|es|et)$|^svak(?:e|t|ere)?$|^færre$|^kø(?:er|en|ene)?$|^skade[rt]?$",
    "rejected": r"^avsl(?:år|ått|ag|aget)$|^avvis(?:er|t|es)$",
    "arrangement": r"seminar|konferanse|workshop|webinar|frokostmøte|møterekke|møteplass|festival|dialogmøte|fagdag"
    r"|nettverksmøte|^befaring|^arranger|^(?:messe|messen|samling|treff)$|(?<!kon)kurs(?:et|ene)?$",
    "samarbeid": r"samarbeid|partnerskap|^allianse|^intensjonsavtale|^(?:partner|partnere|partnerne|dialog)$",
    "award": r"^(?:vant|kåret)$|^prisvinn",
    # Receiving verbs (and a "ramme") count as funding only together with an amount
    # ("har fått 3 mill. kroner", "Statsbudsjettet gir 40 millioner").
    "receive": r"^(?:fått|får|fikk|mottar|mottok|mottatt|innvilget|henter|hentet|gir|gis|sikret|ramme|rammen)$",
    # Turnover and value creation are amounts, but not money given to anyone.
    "turnover": r"^omset(?:ter|ning|ningen|te)$|^omsatte$|^verdiskaping",
    # Investigating or considering something new is a plan, not (yet) an establishment.
    "tentative": r"^utred|^vurder|^mulighetsstudie|^konseptvalg",
    # Stopped or postponed: the new thing is not (yet) established ("nytt datasenter er stoppet").
    "halted": r"^stopp(?:et|es)$|^stans(?:et|es)$|^utsatt$|^utsett(?:es|er)$|^avlys(?:t|es)$|^skrinlagt$",
    "plan": r"plan(?:er|en|ene|lagt|legg\w*|arbeid\w*)?$|strategi|kartlegg|analyse|prosjekt|^satsing|^satser$"
    r"|^ønske[rt]?$|^forslag|^tiltak|^innsikt|utvikling|^forbered|^ambisjon|^videreføring|^fornyelse"
    r"|^omorganiser|^innfør|^oppstart$|^reguler|^transformer|^utkast",
}
_NEW_THINGS = (
    r"fabrikk|hotell|datasent|næringspark|kontor|anlegg|butikk|senter|arbeidsplass|stilling|bedrift|virksomhet"
    r"|produksjon|bygg|kai|terminal|tilbud|inkubator|lokale|sykehus|stasjon|hall|park|produsent|leietaker"
)
_PHRASE_RULES: list[tuple[str, tuple[str, ...], str]] = [  # (rule, gate words, pattern)
    ("nedleggelse", ("ned",), r"\b(?:legges?|lagt|legger)\s+ned\b"),
    ("nedleggelse", ("mister", "mistet"), r"\bmist(?:er|et)\s+(?:\S+\s+){0,2}(?:arbeidsplass|jobb|årsverk|ansatt|stilling)"),
    ("nedleggelse", ("sier",), r"\bsier\s+opp\b"),
    ("nedleggelse", ("flytter",), r"\bflytter\s+ut\b"),
    # "Equinor flytter 400 ansatte fra Fornebu til Bergen": jobs leave the region.
    ("nedleggelse", ("flytter",), r"\bflytter\s+\d[\d\s]*\s+(?:ansatte|arbeidsplasser|stillinger|årsverk)\s+fra\b"),
    ("nedleggelse", ("tap",), r"\btap\s+av\s+\d"),
    ("nedleggelse", ("kutter", "kuttes", "kutte"),
     r"\bkutt(?:er|es|e)\s+(?:\S+\s+){0,2}\d[\d\s]*\s*(?:årsverk|stillinger|arbeidsplasser|ansatte|jobber)\b"),
    ("nedleggelse", ("tapt",), r"\btapt\s+(?:\S+\s+){0,3}\w*(?:arbeidsplass|jobb|årsverk|stilling)|\bgår\s+tapt\b"),
    ("nedleggelse", ("forsvinner",), r"(?:arbeidsplass|stilling|jobb|årsverk)\w*\s+forsvinner\b"),
    ("funding", ("støtte", "støtter", "støttet", "økonomisk"), r"\bstøtte[rt]?\s+(?:fra|på|med)\b|\bøkonomisk\s+støtte\b"),
    ("funding", ("av",), r"\b(?:satt|setter|settes|sette)\s+av\b"),
    # "ny fabrikk", but not "i det nye næringsbygget" (a reference to something known)
    ("etablering", ("ny", "nye", "nytt"), rf"(?<!\bdet\s)(?<!\bden\s)(?<!\bde\s)\bny(?:e|tt)?\s+(?:\w+\s+)?(?:\w*(?:{_NEW_THINGS})\w*|\w*lager)\b"),
    ("etablering", ("flytter",), r"\bflytter\s+(?:(?:\w+\s+)?til|inn)\b"),
    ("etablering", ("bygging", "utbygging", "bygger", "bygges", "bygge"),
     r"\bunder\s+(?:ut)?bygging\b|\bbygg(?:er|es)\s+(?:et\s+|en\s+)?ny(?:tt|e)?\b|\bbygg(?:e|es|er)\s+ut\b"),
    ("etablering", ("ferdig",), r"\bst(?:å|år)\s+ferdig\b"),
    # "har solgt 40 dekar næringsareal til en logistikkaktør": a business is coming.
    ("etablering", ("solgt", "solgte", "selger"), r"\bsol(?:gt|gte|ger)\s+(?:\S+\s+){0,4}?\w*(?:tomt|areal|dekar|eiendom)\w*\b"),
    # "starter byggingen av den nye fabrikken": construction begins
    ("etablering", ("byggingen", "utbyggingen"), r"\bstart(?:er|et|es)?\s+(?:opp\s+)?(?:ut)?byggingen\b"),
    ("etablering", ("bruk",), r"\btatt\s+i\s+bruk\b"),
    ("utfordring", ("økonomi", "økonomien"), r"\b(?:stram|trang)\w*\s+økonomi"),
    ("utfordring", ("press",), r"\bunder\s+press\b|\bpress\s+på\b"),
    ("utfordring", ("vent",), r"\bpå\s+vent\b"),
    # Rising prices and costs are bad news: "strømprisen har doblet seg", "høye renter".
    ("utfordring", ("doblet", "økt", "øker", "stiger", "steget", "tredoblet"),
     r"\b\w*(?:pris|kostnad|rente|avgift|husleie)\w*\s+(?:\S+\s+){0,3}?(?:doblet|økt|øker|stiger|steget|tredoblet)\b"),
    ("utfordring", ("høye", "høyere", "økte", "økende", "stigende"),
     r"\b(?:høye|høyere|økte|økende|stigende)\s+(?:\w+\s+)?\w*(?:priser|prisene|renter|rentene|kostnader|kostnadene)\b"),
    # A public service cut back: "togtilbudet reduseres", "færre avganger" (færre is a word rule).
    ("utfordring", ("reduseres", "redusert", "reduserer", "halveres", "halvert"),
     r"\b\w*(?:tilbud|avgang|rute|frekvens|åpningstid)\w*\s+(?:\S+\s+){0,4}?(?:reduseres|redusert|reduserer|halveres|halvert)\b"),
    ("rejected", ("nei",), r"\b(?:sier|sa|svarer|sagt)\s+nei\b|\bnei\s+til\b"),
    ("utfordring", ("ledig",), r"\bikke\s+(?:\w+\s+){0,2}ledig\b"),
    # A recruitment need is a challenge, as "mangler 400 fagarbeidere" is: "trenger 250 nye operatører".
    # ("søker 200 ingeniører" is recruiting, not yet a problem: left alone, as in the goldens.)
    ("utfordring", ("trenger", "behøver"),
     r"\b(?:trenger|behøver)\s+(?:\S+\s+){0,2}?\d[\d\s]*\s+(?:nye\s+)?\w*(?:operatør|fagarbeider|ansatt"
     r"|medarbeider|ingeniør|arbeidstaker|sykepleier|lærer|sjåfør|lærling|hender)\w*"),
    # "profilerer seg på Expo Real": a trade fair, even when it is not called one.
    ("arrangement", ("profilerer", "profilere", "expo"), r"\bprofiler(?:er|e|te)\s+(?:seg|regionen)\s+på\b|\bexpo\b"),
    ("award", ("vinner",), r"\bvinner\s+av\b"),
    ("award", ("fikk",), r"\bfikk\s+\w*prisen\b"),
    ("arrangement", ("deltar", "deltok"), r"\bdelt(?:ar|ok)\s+på\b"),
    # "satt ned en gruppe sammen med NAV": cooperation, but weaker than a plan ("lager en plan sammen med NAV").
    ("together", ("sammen",), r"\bsammen\s+med\b"),
    ("plan", ("arbeid", "arbeidet", "jobber"), r"\b(?:arbeid(?:et)?|jobber)\s+med\b"),
    ("plan", ("fokus",), r"\bfokus\s+på\b"),
    ("plan", ("mål",), r"\bmål\s+om\b"),
    ("plan", ("ser",), r"\bser\s+på\b"),
]
# "etablere et tettere samarbeid": establishing cooperation is cooperation, not an establishment.
_ESTABLISH_SOFT = re.compile(
    r"\betabler\w*\s+(?:(?:et|en|ei)\s+)?(?:\w+\s+)?(?:samarbeid|nettverk|dialog|partnerskap|forum|møteplass"
    r"|arbeidsgruppe|kontakt)"
)
_LAUNCH_PLAN = re.compile(r"\blanser\w*\s+(?:(?:en|et|ei)\s+)?(?:\w+\s+)?\w*(?:strategi|plan|handlingsplan|program)\w*")
_WORD = re.compile(r"\w+")
_WORD_RX = [(rule, re.compile(rx)) for rule, rx in _WORD_RULES.items()]
_PHRASE_RX = [(rule, frozenset(gates), re.compile(rx)) for rule, gates, rx in _PHRASE_RULES]
_PHRASE_BY_GATE: dict[str, list[tuple[str, re.Pattern[str]]]] = {}  # gate word -> its rules, in order
for _rule, _gates, _rx in _PHRASE_RX:
    for _g in _gates:
        _PHRASE_BY_GATE.setdefault(_g, []).append((_rule, _rx))
_PHRASE_GATES = frozenset(_PHRASE_BY_GATE)
_CACHE: dict[str, frozenset[str]] = {}
# "etter nedleggelsen", "etter at kjøpesenteret åpnet": a closure or opening after
# "etter" is the background of the statement, not its news.
_BACKDROP_WINDOW = 4


def _word_rules(w: str) -> frozenset[str]:
    hit = _CACHE.get(w)
    if hit is None:
        if len(_CACHE) > 200_000:
            _CACHE.clear()
        hit = _CACHE[w] = frozenset(rule for rule, rx in _WORD_RX if rx.search(w))
    return hit


_EVENTS = frozenset({"nedleggelse", "etablering"})
# "Ingen nedleggelser i perioden", "ikke planer om nye etableringer", "uten problemer":
# a negation word shortly before an event or a challenge word cancels it.
_NEGATORS = frozenset({"ingen", "ikke", "ikkje", "uten", "verken", "aldri", "inga", "intet", "ingenting"})
_NEGATION_WINDOW = 4
_NEGATABLE = frozenset({"nedleggelse", "etablering", "utfordring"})
# "ikke bare nye arbeidsplasser, men også …", "ikke minst": emphasis, not negation.
_NOT_NEGATING_NEXT = frozenset({"bare", "minst", "kun", "lenge", "uvanlig", "uten"})


def _backdrop(words: list[str], i: int) -> bool:
    """Word ``i`` follows "etter" directly, or "etter at" within a few words."""
    if i and words[i - 1] == "etter":
        return True
    lo = max(0, i - _BACKDROP_WINDOW)
    return any(words[j] == "etter" and words[j + 1] == "at" for j in range(lo, i - 1))


def _negated(words: list[str], i: int) -> bool:
    """A negation word among the few words before word ``i`` ("ingen nye nedleggelser")."""
    for j in range(max(0, i - _NEGATION_WINDOW), i):
        if words[j] in _NEGATORS and (j + 1 >= len(words) or words[j + 1] not in _NOT_NEGATING_NEXT):
            return True
    return False


def _phrase_negated(low: str, start: int) -> bool:
    """The words just before a phrase match at ``start`` negate it ("ingen nye fabrikker")."""
    before = _WORD.findall(low[max(0, start - 60):start])
    return _negated(before + [""], len(before))


def _signals(low: str, words: list[str]) -> set[str]:
    found: set[str] = set()
    establish_words: list[str] = []
    cache = _CACHE
    for i, w in enumerate(words):
        rules = cache.get(w)
        if rules is None:
            rules = _word_rules(w)
        if rules:
            if ("nedleggelse" in rules or "etablering" in rules) and _backdrop(words, i):
                rules = rules - _EVENTS
            if rules & _NEGATABLE and _negated(words, i):
                rules = rules - _NEGATABLE
            if "etablering" in rules:
                establish_words.append(w)
            found |= rules
    if establish_words and all(w.startswith("etabler") for w in establish_words) and _ESTABLISH_SOFT.search(low):
        found.discard("etablering")
    # "lanserer en ny næringsstrategi": a new plan is a plan, not an establishment.
    if establish_words and all(w.startswith("lanser") for w in establish_words) and _LAUNCH_PLAN.search(low):
        found.discard("etablering")
        found.add("plan")
    gates = _PHRASE_GATES.intersection(words)
    if gates:
        for g in gates:
            for rule, rx in _PHRASE_BY_GATE[g]:
                if rule in found:
                    continue
                for m in rx.finditer(low):
                    if rule not in _NEGATABLE or not _phrase_negated(low, m.start()):
                        found.add(rule)
                        break
    return found


# "flytter produksjonen til Polen": the business moves and its jobs leave the region.
_MOVE_OUT = re.compile(
    r"\bflytt(?:er|es|et)\s+(?:\w+\s+)?(?:produksjon|virksomhet|hovedkontor|fabrikk|arbeidsplass|drift|avdeling"
    r"|lager|kontor)\w*\s+(?:\S+\s+){0,3}?til\s+(utlandet|[A-ZÆØÅ][\w-]+)"
)
_STREET = re.compile(r"(?:gata|gate|gaten|veien|vegen|vei|veg|plass|plassen|torg|torget|bygget|huset|parken)$", re.I)


# Destinations known to be outside the region besides the gazetteer's own "outside"
# units: other Norwegian cities and the countries production usually moves to.  A
# destination nobody knows ("til Lysaker", a business district) stays a move.
_FAR_AWAY = frozenset({
    "bergen", "trondheim", "stavanger", "kristiansand", "tromsø", "bodø", "ålesund", "haugesund", "sandnes",
    "sverige", "danmark", "finland", "polen", "tyskland", "litauen", "latvia", "estland", "baltikum",
    "kina", "india", "vietnam", "asia", "europa", "usa", "nederland", "storbritannia", "spania", "portugal",
})


def _moves_out_of_region(text: str, gazetteer) -> bool:
    """The statement moves a business abroad or to a place known to be outside the member region."""
    for m in _MOVE_OUT.finditer(text):
        dest = m.group(1)
        if dest == "utlandet" or dest.lower() in _FAR_AWAY:
            return True
        if _STREET.search(dest):  # "flytter kontoret til Storgata 5": a move within the town
            continue
        unit = resolve_unit(dest, gazetteer)
        if unit is not None and unit.outside:
            return True
    return False


def classify_fact_type(text: str, amount_nok: int | None | EllipsisType = ...) -> str:
    """One of ``vocab.FACT_TYPES``. Pass ``amount_nok`` (even None) when already extracted."""
    if not text:
        return "annet"
    if amount_nok is ...:
        amount_nok = extract_amount_nok(text)
    low = text.lower()
    return classify_words(low, _WORD.findall(low), amount_nok, text=text)


def classify_words(low: str, words: list[str], amount_nok: int | None, *, text: str | None = None,
                   gazetteer=None) -> str:
    """``classify_fact_type`` for a caller that has already lower-cased the text and
    split it with ``\\w+`` (``etl.enrich`` shares one split across extractors).
    ``text`` (the original, with capitals) lets a move out of the region count as
    a closure; ``gazetteer`` is the one to place its destination with."""
    if not words:
        return "annet"
    sig = _signals(low, words)
    if "nedleggelse" in sig:
        return "nedleggelse"
    if text is not None and "flytt" in low and _moves_out_of_region(text, gazetteer):
        return "nedleggelse"
    if "turnover" in sig:
        amount_nok = None
    funding = "funding" in sig
    if (funding or "receive" in sig) and amount_nok is not None:
        return "finansiering"
    if "tentative" in sig:
        sig.discard("etablering")
        sig.add("plan")
    if "rejected" in sig or "halted" in sig:  # "sier nei til nytt datasenter": nothing is established
        sig.discard("etablering")
        sig.add("utfordring")
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
    if amount_nok is not None:
        return "finansiering"
    return "samarbeid" if "together" in sig else "annet"
