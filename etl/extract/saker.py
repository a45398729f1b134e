"""Does a statement report on a sak, and if so what kind of thing and in what state?

A *sak* is one concrete thing the minutes follow over meetings (``vocab.SAK_KINDS``).
This extractor looks at one statement at a time (``etl.enrich`` calls it after
the fact type, quantities, organisations and places are known); linking the
mentions of the same sak across meetings is ``etl.saker``'s job.

A statement reports on a sak when it has a *kind* and an *anchor*:

* kind — a datacenter word ("datasenter", "datahall"); a closure (fact type
  nedleggelse); an establishment, or a new thing that is stopped or postponed;
  land in dekar or land that is regulated or sold (næringsareal); a grant with an
  amount or a funder (finansiering); a plan or strategy document (plan);
* anchor — something that makes it one thing rather than a topic: an
  organisation, a place, a number of jobs, kroner or dekar, a named project
  ("Viken Park-prosjekt"), a single new thing ("nytt hotellprosjekt") or a thing
  referred to as known ("datasenteret", "fabrikken").

"Store datasentre gir betydelig lokal effekt" has a kind but no anchor: context.
Action-programme points and announced events are the group's own business and
never saker.

The status is read from the words (``vocab.SAK_STATUSES``): a stop or closure is
the news whatever else is said; otherwise the most advanced stage named wins
("reguleringsplanen er vedtatt" is vedtatt), except that a stage announced for
later ("åpner i 2027", "planlagt byggestart") does not count as reached.
"""

from __future__ import annotations

import re

from etl.vocab import SECTION_ACTION_PROGRAMME, SECTION_EVENTS

_DC = re.compile(r"datasent|datahall|serverhall|hyperscale")
# "to datasenterprosjekter i Follo", "14 planlagte datasentre": unnamed projects counted, not one thing.
_DC_PLURAL = re.compile(r"datasent(?:re|rene|erprosjekter|erprosjektene|eretableringer|eretableringene|ertomter)\b"
                        r"|datahaller")
_DC_DEFINITE_OR_SINGLE = re.compile(
    r"\bdatasenter(?:et|prosjekt(?:et)?|etableringen|anlegget|tomta|tomten)\b"
    r"|\b(?:et|ett|nytt|stort|eget|sitt|første|andre)\s+(?:\w+\s+)?datasenter\w*\b|\bdatahall\w*\b"
)
_LAND = re.compile(r"næringsareal|næringsområde|næringstomt|\btomt|tomta\b|tomten\b|industriområde|industriareal"
                   r"|logistikkpark|næringspark|\barealet\b|\barealer\b|\bareal\b")
_LAND_EVENT = re.compile(r"regul|solgt|selger|solgte|kjøpt|kjøper|omdisponer|klargjør|opparbeid|tilrettelegg"
                         r"|byggeklar|ferdig\s+regulert|avsatt|kjøpe|selge")
_PLAN_DOC = re.compile(r"\b\w*(?<!sti)plan(?:en)?\b|\b\w*strategi(?:en)?\b|\bhandlingsprogram\w*|\bveikart\w*")
_NEW_PLAN = re.compile(r"\bny(?:tt|e)?\s+(?:\w+\s+)?\w*(?:plan|strategi|handlingsprogram)(?:en|et)?\b")
_NOT_PLAN_DOC = re.compile(r"\b(?:plan|planen)\s+(?:om|for\s+å|er\s+å|å)\b|\better\s+planen\b")
_NEW_THING = re.compile(
    r"(?<!\bdet\s)(?<!\bden\s)\bny(?:tt|e)?\s+(?:\w+\s+)?\w*(?:fabrikk|hotell|kontor|anlegg|senter|bygg|terminal"
    r"|lager|park|stasjon|butikk|hall|produksjonslinje|prosjekt|virksomhet|plan|strategi|kvartal|område"
    r"|forskningssenter|inkubator)\w*\b"
)
# Things a company builds, opens or closes (any form: "fabrikk", "fabrikken", "produksjonshallen").
_THING = re.compile(r"\b\w*(?:fabrikk|hotell|kontorbygg|anlegg|terminal|lagerbygg|lagerbygning|produksjonshall"
                    r"|produksjonslinje|driftsbase|forskningssenter|testsenter|butikk|kjøpesenter)\w*")
_DEFINITE = re.compile(
    r"\b\w*(?:fabrikken|hotellet|prosjektet|senteret|anlegget|bygget|terminalen|lageret|parken|kontoret"
    r"|planen|strategien|tomten|tomta|området|arealet|etableringen|utbyggingen|byggetrinnet|hallen)\b"
)
_NAMED = re.compile(
    r"(?<![.!?:]\s)(?<!^)\b([A-ZÆØÅ][\wæøåÆØÅ]+(?:\s[A-ZÆØÅ][\wæøåÆØÅ]+)*)(?:-|\s)"
    r"(?:prosjekt\w*|fabrikk\w*|[Pp]ark\w*|senter\w*|sentret|hotell\w*|anlegg\w*|kvartal\w*|tomt\w*|området)\b"
)
_LOCAL_PLACE = re.compile(r"\b(?:på|i|ved)\s+([A-ZÆØÅ][\wæøå]+(?:\s[A-ZÆØÅ][\wæøå]+)?)")
_NOT_NAMES = frozenset({"ny", "nytt", "nye", "stor", "store", "et", "en", "det", "den", "vårt", "eget", "sitt"})
_PARTS = re.compile(r"\(([^()]*\s\+\s[^()]*)\)|^([^()]*\s\+\s[^()]*)$")

# --- status words, most decisive first ---------------------------------------------
_STOPPED = re.compile(
    r"\b(?:stopp(?:et|es|er)?|stans(?:et|es|er)?|på\s+vent|utsatt|utsettes|utsetter|skrinlagt|skrinlegges|avlyst"
    r"|lagt\s+på\s+is|legges\s+på\s+is|trukket|trekker\s+seg|pauset?|kansellert|avbrutt|droppet|avslått|avslag"
    r"|skrotet|blir\s+ikke\s+noe\s+av|sier\s+nei|sa\s+nei|lagt\s+bort|frosset|fryses)\b"
)
_CLOSED = re.compile(
    r"nedlegg|\b(?:legges|legger|lagt|lagde)\s+ned\b|nedbemann|permitter|oppsigelse|\bsier\s+opp\b|konkurs"
    r"|avvikl|\bsteng(?:er|es|t|te|ning)\b|\bmist(?:er|et)\s+(?:\S+\s+){0,2}(?:jobb|arbeidsplass|stilling|årsverk)"
    r"|\bkutt(?:er|es)\s+(?:\S+\s+){0,2}\d|\bflytter\s+ut\b|\bgår\s+tapt\b"
)
_RUNNING = re.compile(
    r"\b(?:åpnet|åpnes|åpner|åpning(?:en)?|(?:satt|settes|er|kom)\s+i\s+(?:full\s+)?drift|i\s+drift|ferdigstilt"
    r"|ferdigstilles|står\s+ferdig|sto\s+ferdig|stod\s+ferdig|innviet|innvies|innvielse|tatt\s+i\s+bruk"
    r"|startet\s+produksjon\w*|produksjonsstart|flyttet\s+inn|operativt?|gjenåpnet|i\s+gang\s+med\s+produksjon"
    r"|stå\s+ferdig|(?:er|ble|var)\s+ferdig(?!\s+regulert)|ferdig\s+bygget|har\s+utvidet|utvidet)\b"
)
_BUILDING = re.compile(
    r"\b(?:byggestart|(?:ut)?byggingen\s+(?:er\s+|har\s+)?(?:i\s+gang|startet|begynt)|under\s+(?:ut)?bygging"
    r"|starter\s+(?:opp\s+)?(?:ut)?byggingen|(?:ut)?byggingen\s+(?:\S+\s+){1,6}?(?:er|har)\s+(?:i\s+gang|startet|begynt)"
    r"|bygges\s+nå|bygges|bygger|spadetak\w*|grunnarbeid\w*|anleggsarbeid\w*|startet\s+(?:ut)?byggingen"
    r"|i\s+gang\s+med\s+(?:ut)?bygging\w*|råbygg\w*|byggearbeid\w*|reisegilde|byggeplass(?:en)?)\b"
)
_APPROVED = re.compile(
    r"\b(?:vedtatt|vedtok|vedtatte|godkjent|godkjente|godkjennes|godkjenner|innvilget|tildelt|tilsagn"
    r"|byggetillatelse|rammetillatelse|igangsettingstillatelse|konsesjon(?:en)?|fått\s+tillatelse|fikk\s+tillatelse"
    r"|klarsignal|grønt\s+lys|signert|signerte|kontrakt(?:en)?|avtale(?:n)?\s+er\s+(?:inngått|signert)"
    r"|inngått|inngikk|solgt|solgte|kjøpt|kjøpte|investeringsbeslutning|besluttet|endelig\s+ja|sa\s+ja"
    r"|bevilget|bevilgning|sikret\s+finansiering|ferdig\s+regulert|regulert|gave|gaven|fått\s+\d|fikk\s+\d"
    r"|mottatt|mottok|satt\s+av|setter\s+av|selges)\b"
)
_REGULATION = re.compile(
    r"\b(?:regulering\w*|reguleres|omregulering\w*|detaljregulering\w*|planprogram\w*|konsekvensutredning\w*"
    r"|ku|høring|høringen|høyring|søkt|søker\s+om|søknad(?:en)?|sendt\s+inn|planforslag\w*|behandles"
    r"|til\s+behandling|saksbehandling\w*|dispensasjon|venter\s+på\s+(?:vedtak|godkjenning|svar|konsesjon"
    r"|tillatelse|behandling))\b"
)
_PLANNED = re.compile(
    r"\b(?:planlegg\w*|planlagt\w*|planer|plan\s+om|vurderer|vurderes|mulig|mulige|ønsker|interesse\w*|utreder"
    r"|utredes|utredning\w*|forprosjekt\w*|mulighetsstudie\w*|skisse\w*|sonderinger|tidlig\s+fase"
    r"|skal\s+etablere|vil\s+etablere|ser\s+på|prosjekter(?:er|ing)|kan\s+komme|meldt\s+interesse|nytt?\s+\w*prosjekt"
    r"|intensjonsavtale\w*|lover|lovet"
    r"|nye\s+\w*prosjekter|ny\s+\w*plan|nytt?\s+\w*senter|ny\s+\w*fabrikk|nytt\s+\w*hotell\w*|ny\s+\w*strategi)\b"
)
# A stage announced for later is not reached: "åpner i 2027", "planlagt byggestart".
_LATER_AFTER = re.compile(
    r"\s+(?:i\s+(?:\d{4}|januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
    r"|løpet|neste|år\b)|til\s+(?:høsten|våren|sommeren|vinteren|neste|\d{4})|høsten|våren|sommeren|vinteren"
    r"|neste|om\s+\w+\s+(?:år|måneder|uker))"
)
_LATER_BEFORE = re.compile(r"(?:planlagt|planlegger|forventet|ventet|ventes|antatt|mål\s+om|skal|vil|kan|før)\s+(?:\w+\s+)?$")
_FUNDERS = re.compile(r"tilskudd|støtte|gave|midler|bevilg|tildel|finansier|stipend|fond")


def _reached(rx: re.Pattern[str], low: str) -> bool:
    """``rx`` names a stage that is reached (not one planned for later)."""
    for m in rx.finditer(low):
        if _LATER_AFTER.match(low, m.end()) or _LATER_BEFORE.search(low[max(0, m.start() - 30):m.start()]):
            continue
        return True
    return False


def status_of(low: str, kind: str) -> str | None:
    """The state the statement gives its sak (``vocab.SAK_STATUSES``), or None."""
    if kind == "nedleggelse":
        return "stanset" if _STOPPED.search(low) and not _CLOSED.search(low) else "nedlagt"
    if _STOPPED.search(low) or _CLOSED.search(low):
        return "stanset"  # a project "lagt ned" or stopped: the thing never came
    for status, rx in (("i_drift", _RUNNING), ("bygging", _BUILDING)):
        if _reached(rx, low):
            return status
    if _APPROVED.search(low) and "intensjonsavtale" not in low and not re.search(r"\b(?:søkt|søker|søknad\w*|venter\s+på)\s+(?:\w+\s+){0,2}?"
                                               r"(?:om\s+)?(?:\w+\s+)?(?:byggetillatelse|konsesjon|godkjenning"
                                               r"|tilskudd|tillatelse|vedtak)", low):
        return "vedtatt"
    if _REGULATION.search(low):
        return "regulering"
    if _PLANNED.search(low) or _RUNNING.search(low) or _BUILDING.search(low):
        return "planlagt"  # a new project, or a stage only announced for later
    if kind == "finansiering":
        return "vedtatt"  # "støtte fra Sparebankstiftelsen (70 mill. gave)"
    return None


def _anchored(text: str, low: str, organisations, places, jobs, amount, area) -> bool:
    if organisations or places or jobs or amount or area:
        return True
    if any(m.group(1).lower() not in _NOT_NAMES for m in _NAMED.finditer(text)):
        return True
    if any(m.start() > 0 for m in _LOCAL_PLACE.finditer(text)):  # "på Roa", "i Askim" (not sentence-initial)
        return True
    return bool(_NEW_THING.search(low) or _DEFINITE.search(low))


def kind_of(text: str, low: str, *, fact_type: str, themes, organisations, places, jobs, amount, area) -> str | None:
    """The kind of thing the statement reports on, or None when it reports on no one thing."""
    if _DC.search(low):
        if _DC_PLURAL.search(low) and not _DC_DEFINITE_OR_SINGLE.search(low) and not parts_of(text):
            return None  # several unnamed projects: a count, not one thing
        specific = bool(organisations or places or jobs or amount or area or _DC_DEFINITE_OR_SINGLE.search(low))
        if specific or (_anchored(text, low, organisations, places, jobs, amount, area)
                        and fact_type in ("etablering", "utfordring", "plan")):
            return "datasenter"
        return None
    if not _anchored(text, low, organisations, places, jobs, amount, area):
        return None
    if fact_type == "nedleggelse":
        return "nedleggelse"
    if _NEW_PLAN.search(low):  # "vedtatt en ny strategi for helsenæringen, med mål om 5 000 nye arbeidsplasser"
        return "plan"
    land = _LAND.search(low)
    if land and (area or _LAND_EVENT.search(low)) and ("naeringsarealer" in themes or not _THING.search(low)):
        return "naeringsareal"
    if fact_type == "etablering" or (_NEW_THING.search(low) and fact_type != "arrangement"):
        return "naeringsareal" if (land and area and not _NEW_THING.search(low)) else "etablering"
    if fact_type == "finansiering" and (amount or organisations) and _FUNDERS.search(low):
        return "finansiering"
    if _THING.search(low) and status_of(low, "etablering") not in (None, "planlagt"):
        return "etablering"  # "Kommunen har godkjent Nammo sin fabrikk", "Byggingen av hallen er i gang"
    if fact_type == "utfordring" and _STOPPED.search(low) and (_NEW_THING.search(low) or _DEFINITE.search(low)
                                                              or _NAMED.search(text)):
        return "naeringsareal" if land and "prosjekt" not in low else "etablering"
    if _PLAN_DOC.search(low) and not _NOT_PLAN_DOC.search(low) and fact_type in ("plan", "utfordring", "annet"):
        if _NEW_THING.search(low) or _DEFINITE.search(low) or _APPROVED.search(low) or _REGULATION.search(low) \
                or any(m.group(1).lower() not in _NOT_NAMES for m in re.finditer(r"\b([A-ZÆØÅ][\w/]+)[\s-]\w*plan", text)):
            return "plan"
    if fact_type == "utfordring" and any(m.group(1).lower() not in _NOT_NAMES for m in _NAMED.finditer(text)):
        return "naeringsareal" if land or "naeringsarealer" in themes else "etablering"  # "Viken Park-prosjekt møter …"
    return None


def parts_of(text: str) -> list[str]:
    """Two or more things listed with "+" ("Microsoft + nytt prosjekt"): one entry each."""
    m = _PARTS.search(text.strip().rstrip("."))
    if not m:
        return []
    items = [p.strip(" .,;") for p in (m.group(1) or m.group(2)).split("+")]
    return [p for p in items if p] if len(items) > 1 and all(len(p.split()) <= 5 for p in items) else []


def classify(text: str, low: str, *, section: str, fact_type: str, themes, organisations, places,
             jobs, amount, area) -> tuple[str | None, str | None, list[str]]:
    """(kind, status, parts) of a statement; (None, None, []) for context."""
    if not text or section in (SECTION_ACTION_PROGRAMME, SECTION_EVENTS):
        return None, None, []
    kind = kind_of(text, low, fact_type=fact_type, themes=themes, organisations=organisations, places=places,
                   jobs=jobs, amount=amount, area=area)
    if kind is None:
        return None, None, []
    return kind, status_of(low, kind), parts_of(text)
