"""Does a statement report on a sak, and if so what kind of thing is it?

A *sak* is one concrete thing the minutes follow over meetings (``vocab.SAK_KINDS``).
This extractor looks at one statement at a time (``etl.enrich`` calls it after
the fact type, quantities, organisations and places are known); its state is
read by ``etl.extract.sak_status``, and linking the mentions of one sak across
meetings is ``etl.saker``'s job.

A statement reports on a sak when it has a *kind* and an *anchor*:

* anchor — what makes it one thing rather than a topic: an organisation, a
  place, a figure (jobs, kroner, dekar), a named thing ("Viken Park-prosjektet",
  "Teknologiparken Nord", "Askim vest", a "Fornebu:" topic at the start), a single
  new thing ("nytt hotellprosjekt") or a thing the members know ("fabrikken",
  "kunnskapsparken");
* kind, in this order — a plan or strategy document (also about datacenters:
  "datasenterstrategien"); a datacenter; a closure; a grant (an amount with a
  funding or receiving word); business land (an area, or land that is regulated,
  sold or made ready); an establishment (a facility a company builds, opens or
  runs, or a company hiring or building at a place).

Counts and topics are context: "Store datasentre gir betydelig lokal effekt",
"Rekordmange nyetableringer i Hamar", "to datasenterprosjekter i Follo", a
"datasenterkonferanse".  Action-programme points and announced events are the
group's own business and never saker.
"""

from __future__ import annotations

import re

from etl.extract.sak_status import CLOSED, status_of
from etl.vocab import SECTION_ACTION_PROGRAMME, SECTION_EVENTS

_DC_EVENT = re.compile(r"datasenter(?:konferanse|seminar|forum|dag|møte|nettverk)")
# "to datasenterprosjekter i Follo", "14 planlagte datasentre": unnamed projects counted, not one thing.
_DC_PLURAL = re.compile(r"datasent(?:re|rene|erprosjekter|erprosjektene|eretableringer|eretableringene|ertomter)\b"
                        r"|datahaller")
_DC_ONE = re.compile(
    r"\bdatasenter(?:et|prosjekt(?:et)?|etableringen|anlegget|tomta|tomten)\b"
    r"|\b(?:et|ett|nytt|stort|eget|sitt|første|andre)\s+(?:\w+\s+)?datasenter\w*\b|\bdatahall\w*\b|-datasenter\w*"
)
_ONE_PLOT = re.compile(r"\btomt(?:en|a)?\b|\b(?:et|eget)\s+(?:\w+\s+)?\w*areal\b")  # not "nye arealer"
_LAND_EVENT = re.compile(r"regul|solgt|selger|solgte|kjøpt|kjøper|omdisponer|klargjør|opparbeid|tilrettelegg"
                         r"|byggeklar|ferdig\s+regulert|avsatt|kjøpe|selge|salg|kommuneplan|høring|utbygd"
                         r"|grunneier|interesse|positive")
# Plans and strategies that are saker of their own.  A zoning plan for one project
# ("reguleringsplanen for datasenteret", "detaljplanen for innovasjonshuset") is a step
# of that project, read as its status, not a plan sak.
PLAN_DOC = re.compile(
    r"\b(?!regulering|detalj|område|bygge|tids|drifts|finansierings|forretnings|møte|arbeids|års|reise)"
    r"\w*(?<!sti)plan(?:en|ens)?\b|\b\w*strategi(?:en|ens)?\b|\bhandlingsprogram\w*|\bveikart\w*"
    r"|\bnæringskapittel\w*|\bsamfunnsdel\w*"
)
_NOT_PLAN_DOC = re.compile(r"\b(?:plan|planen)\s+(?:om|for\s+å|er\s+å|å)\b|\better\s+planen\b|\bmøteplan\w*|\barbeidsplan"
                           r"|\bårsplan|\bsom\s+planlagt\b|\better\s+planen\b")
_PLAN_WORK = re.compile(r"\bny(?:tt|e)?\b|\begen\b|\brevider|\butkast|\bhøring|\bvedt|\barbeidet\s+med|\bstarte[rt]?\b"
                        r"|\blegges\s+fram|\brullering|\bforslag|\blager\b|\binteresse\b|\bsendt\b|\bgodkjen")
_NEW_THING = re.compile(
    r"(?<!\bdet\s)(?<!\bden\s)\bny(?:tt|e)?\s+(?:\w+\s+)?\w*(?:fabrikk|hotell|kontor|anlegg|senter|bygg|terminal"
    r"|lager|park|stasjon|butikk|hall|produksjonslinje|prosjekt|virksomhet|kvartal|område|inkubator|lab)\w*\b"
)
# Facilities a company builds, opens, runs or closes, in any form ("lab", "laben", "produksjonshallene").
_THING = re.compile(
    r"\b\w*(?:fabrikk|hotell|kontorbygg|næringsbygg|anlegg|terminal|lagerbygg|lagerbygning|regionlager|produksjonshall"
    r"|produksjonslinje|driftsbase|forskningssenter|testsenter|kundesenter|logistikksenter|butikk|kjøpesenter"
    r"|kunnskapspark|innovasjonshus|laboratori|pakkeri|meieri|sagbruk|verksted|utvidelse|byggetrinn)\w*"
    r"|\b\w*lab(?:en|er|ene)?\b"
)
_DEFINITE = re.compile(
    r"\b\w*(?:fabrikken|hotellet|prosjektet|senteret|anlegget|bygget|terminalen|lageret|parken|kontoret"
    r"|tomten|tomta|arealet|etableringen|utbyggingen|byggetrinnet|hallen|laben|huset|pakkeriet|utvidelsen)\b"
)
# Named things: "Viken Park-prosjekt", "Ferrovik-fabrikken", "Teknologiparken Nord", "Askim vest".
_NAMED = re.compile(
    r"\b([A-ZÆØÅ][\wæøåÆØÅ]+(?:\s[A-ZÆØÅ][\wæøåÆØÅ]+)*)(?:-|\s)"
    r"(?:prosjekt\w*|fabrikk\w*|[Pp]ark\w*|senter\w*|sentret|hotell\w*|anlegg\w*|kvartal\w*|tomt\w*|lager\w*"
    r"|terminal\w*|utvidelse\w*|planene|datasenter\w*|arealet|næringsområde\w*|brygge)\b"
    r"|\b(\w*(?:park|parken|senteret|huset)\s+[A-ZÆØÅ][\wæøå]+)\b"
    r"|\b([A-ZÆØÅ][\wæøå]+\s(?:vest|øst|nord|sør|syd))\b"
)
# A company named first in the sentence, before a verb: "Ferrovik er godt i gang …",
# "Glåmdal Protein har ansatt 30", "Ferrovik i Brandbu har ansatt 15 flere".
_LEAD_NAME = re.compile(
    r"([A-ZÆØÅ][\wæøå]+(?:\s[A-ZÆØÅ][\wæøå]+){0,2})(?:\s(?:i|på|ved)\s[A-ZÆØÅ][\wæøå]+)?\s"
    r"(?:har|hadde|er|var|vil|skal|planlegger|bygger|forbereder|vurderer|melder|ønsker|åpner|åpnet|starter|startet"
    r"|utvider|legger|flytter|etablerer|ansetter|rekrutterer|kjøper|kjøpte|selger|søker|venter|regner|forventer"
    r"|får|fikk|tok|sier|varsler|nedbemanner|stenger|stanser|stopper)\b"
)
_NOT_LEAD = frozenset({"kommunen", "det", "den", "de", "vi", "dette", "regionen", "fylket", "arbeidet", "byggingen",
                       "prosjektet", "planen", "næringslivet", "bedriftene", "faggruppen", "sekretariatet", "styret",
                       "bystyret", "kommunestyret", "formannskapet", "regionrådet", "ny", "nye", "nytt", "flere",
                       "mange", "alle", "noen", "man", "hun", "han", "rådmannen", "ordføreren", "kommunene"})  # fmt: skip


def lead_name(text: str) -> str | None:
    """The company a statement starts with, when it starts with a name and a verb (else None)."""
    topic = _TOPIC.match(text)
    m = _LEAD_NAME.match(text, topic.end() if topic else 0)  # "Ottestad: Mjøsdata venter på …"
    if not m:
        return None
    name = m.group(1)
    first = name.split()[0].casefold()
    if first in _NOT_LEAD or first in _NOT_NAMES or (first.endswith(("en", "et", "ene")) and " " not in name):
        return None  # "Kommunen har …", "Arbeidet er …", "Fabrikken er …": a noun, not a name
    return name
_TOPIC = re.compile(r"^([A-ZÆØÅ][\wæøåÆØÅ-]+(?:\s[\wæøåÆØÅ-]+){0,2}):\s")  # "Fornebu: …", "Roa næringsområde: …"
# A capitalised common noun at the start is not a name: "Datasenterstrategien: …", "Næringsarealplanen: …".
_COMMON_NOUN = re.compile(r"^[A-ZÆØÅ][a-zæøå]+(?:en|et|ene|a|ne|ingen)$")
_LOCAL_PLACE = re.compile(r"\b(?:på|i|ved)\s+([A-ZÆØÅ][\wæøå]+(?:\s[A-ZÆØÅ][\wæøå]+)?)")
_NOT_NAMES = frozenset({"ny", "nytt", "nye", "stor", "store", "et", "en", "det", "den", "vårt", "eget", "sitt",
                        "kommunen", "regionen", "mange", "flere"})
# Many unnamed new businesses are a count, not a thing: "Rekordmange nyetableringer", "flere nye bedrifter".
_AGGREGATE = re.compile(r"\b(?:nyetableringer|oppstartsbedrifter|bedrifter|virksomheter|etableringer)\b")
_HIRING_OR_BUILDING = re.compile(r"\b(?:har\s+ansatt|ansetter|rekrutterer|byggingen|bygger|utvider|utvide"
                                 r"|produksjonen|grunnarbeid\w*|spadetak|konsesjon|bygge|byggestart)\b")
_FUNDING = re.compile(r"tilskudd|støtte|gave|midler|bevilg|tildel|finansier|stipend|\bfond|\bfått\b|\bfikk\b|\bfår\b"
                      r"|\bgir\b|\bsøkt\b|\bsøker\b|\bsøknad|\bsatt\s+av\b|\bsetter\s+av\b")
_SALE = re.compile(r"\b(?:solgt|selges|selger|solgte|kjøpt|kjøper|kjøpte|salg\w*|pris)\b")
_AWARD = re.compile(r"\b(?:vant|vinner|kåret|\w*prisen)\b")
_WORDS = re.compile(r"\w+")
_PARTS = re.compile(r"\(([^()]*\s\+\s[^()]*)\)|^([^()]*\s\+\s[^()]*)$")


def names_in(text: str) -> list[str]:
    """Named things and topics: "Viken Park" of "Viken Park-prosjektet", "Askim vest", "Teknologiparken Nord",
    "Fornebu" of "Fornebu: hotellet har fått tak"."""
    out = [g for m in _NAMED.finditer(text) for g in m.groups() if g and g.casefold() not in _NOT_NAMES]
    m = _TOPIC.match(text)
    if m and m.group(1).split()[0].casefold() not in _NOT_NAMES and not _COMMON_NOUN.match(m.group(1).split()[0]):
        out.append(m.group(1))
    return out


# Word-level forms of the patterns above, each distinct word tested once and cached:
# a statement's flags are the union of its words' flags (set look-ups, not regex scans).
_WORD_FLAGS: dict[str, re.Pattern[str]] = {
    "thing": _THING,
    "definite": _DEFINITE,
    "land": re.compile(r"næringsareal|næringsområde|næringstomt|^tomt|^tomta$|^tomten$|industriområde|industriareal"
                       r"|logistikkpark|næringspark|teknologipark|industripark|^arealet$|^arealer$|^areal$"),
    "plan": PLAN_DOC,
    "dc": re.compile(r"datasent|datahall|serverhall|hyperscale"),
    "aggregate": _AGGREGATE,
    "closed": re.compile(r"nedlegg|nedbemann|permitter|oppsigelse|konkurs|avvikl|^steng(?:er|es|t|te|ning|ningen|e)$"),
    "phrase": re.compile(r"^(?:ned|opp|mister|mistet|kutter|kuttes|ut|tapt|vest|øst|nord|sør|syd)$"),
}
_FLAG_CACHE: dict[str, frozenset[str]] = {}
_COMPASS_LAND = re.compile(r"\b[a-zæøå]+\s(?:vest|øst|nord|sør|syd)\b")  # "Askim vest"


def _flags(words: list[str]) -> frozenset[str]:
    out: set[str] = set()
    cache = _FLAG_CACHE
    for w in words:
        hit = cache.get(w)
        if hit is None:
            if len(cache) > 200_000:
                cache.clear()
            hit = frozenset(name for name, rx in _WORD_FLAGS.items() if rx.search(w))
            if "thing" in hit and not _THING.search(w.replace("byggetrinn", "")):
                hit = hit | {"only_byggetrinn"}
            cache[w] = hit
        out |= hit
    return frozenset(out)


class _Lazy:
    """Names and the leading company of one statement, found only if a rule asks (regex work)."""

    __slots__ = ("text", "_names", "_lead")

    def __init__(self, text: str) -> None:
        self.text = text
        self._names: list[str] | None = None
        self._lead: str | None | bool = False

    @property
    def names(self) -> list[str]:
        if self._names is None:
            self._names = names_in(self.text)
        return self._names

    @property
    def lead(self) -> str | None:
        if self._lead is False:
            self._lead = lead_name(self.text)
        return self._lead


def _anchored(text: str, low: str, found: _Lazy, flags, organisations, places, jobs, amount, area) -> bool:
    if organisations or places or jobs or amount or area or found.names or found.lead:
        return True
    if any(m.start() > 0 for m in _LOCAL_PLACE.finditer(text)):  # "på Roa", "i Askim" (not sentence-initial)
        return True
    return "definite" in flags or bool(_NEW_THING.search(low))


def _plan(low: str, flags) -> bool:
    if "plan" not in flags or _NOT_PLAN_DOC.search(low):
        return False
    return bool("definite" in flags or _PLAN_WORK.search(low) or re.search(r"\b\w+(?:planen|strategien)\b", low))


# Words without which no rule below can name a kind: most statements stop here, cheaply.
_ANY_KIND = re.compile(
    r"plan|strategi|handlingsprogram|veikart|næringskapittel|samfunnsdel|datasent|datahall|serverhall|hyperscale"
    r"|nedlegg|nedbemann|permitter|oppsigelse|konkurs|avvikl|steng|mist|kutt|tapt|areal|tomt|område|regul"
    r"|park|dekar|mål\b|hektar|daa|m2|m²|kvm|fabrikk|hotell|bygg|anlegg|terminal|lager|hall|linje|base|senter"
    r"|butikk|lab|huset|pakkeri|meieri|sagbruk|verksted|utvid|trinn|prosjekt|ansatt|ansetter|rekrutter|produksjon"
    r"|grunnarbeid|spadetak|konsesjon|midler|tilskudd|støtte|finansier|fabrikken|kontor|vest\b|øst\b|nord\b"
    r"|sør\b"
)


_TRIGGER_CACHE: dict[str, bool] = {}


def _may_name_a_kind(low: str, words: list[str] | None) -> bool:
    """``_ANY_KIND`` word by word, each distinct word tested once (a dictionary look-up after that)."""
    if words is None:
        return bool(_ANY_KIND.search(low))
    cache = _TRIGGER_CACHE
    for w in words:
        hit = cache.get(w)
        if hit is None:
            if len(cache) > 200_000:
                cache.clear()
            hit = cache[w] = _ANY_KIND.search(w) is not None
        if hit:
            return True
    return False


def kind_of(text: str, low: str, *, fact_type: str, themes, organisations, places, jobs, amount, area,
            words: list[str] | None = None) -> str | None:
    """The kind of thing the statement reports on, or None when it reports on no one thing.
    ``words`` is ``low`` split with ``\\w+`` when the caller has it (``etl.enrich``)."""
    if not (amount or area or fact_type in ("nedleggelse", "etablering", "finansiering") or _may_name_a_kind(low, words)):
        return None
    found = _Lazy(text)
    if fact_type == "arrangement" and not found.names:
        return None  # a seminar, a visit, a meeting series
    flags = _flags(words if words is not None else _WORDS.findall(low))
    land = "land" in flags or ("phrase" in flags and _COMPASS_LAND.search(low) is not None)
    if _plan(low, flags) and fact_type in ("plan", "utfordring", "annet", "etablering", "samarbeid"):
        land_in_plan = land and (area or re.search(r"\bregul\w*\s+(?:av|for)\b", low)
                                 or "kommuneplan" in low)  # an area taken into the kommuneplan
        if not land_in_plan:
            return "plan"
    if "dc" in flags and not _DC_EVENT.search(low):
        if _DC_PLURAL.search(low) and not _DC_ONE.search(low) and not parts_of(text):
            return None  # several unnamed projects: a count, not one thing
        if _anchored(text, low, found, flags, organisations, places, jobs, amount, area):
            return "datasenter"
        return None
    if not _anchored(text, low, found, flags, organisations, places, jobs, amount, area):
        return None
    names = found.names
    if "aggregate" in flags and not organisations and not names and "thing" not in flags:
        return None
    if fact_type == "nedleggelse" or "closed" in flags or ("phrase" in flags and CLOSED.search(low)):
        # "Hotellprosjektet er lagt ned": a project that never came is stopped, not a closure.
        return "etablering" if re.search(r"prosjekt|planene\b", low) and "nedlegg" not in low else "nedleggelse"
    if amount and _FUNDING.search(low) and not area and not _SALE.search(low):
        return "finansiering"  # a grant; a price ("solgt for 310 mill.") is not one
    if fact_type == "finansiering" and re.search(r"\b(?:midler|tilskudd|støtte|finansiering)\b", low):
        return "finansiering"  # "sender en ny søknad om midler til droneklyngen"
    lead = found.lead
    lead = lead if lead and lead not in places else None  # "Kongsberg rekrutterer …": the kommune, not a company
    owner = [o for o in organisations if "kommune" not in o.casefold()] or ([lead] if lead else [])
    # "første byggetrinn med 40 000 kvm næringsareal": a phase of land, not a facility
    facility = "thing" in flags and not (area and "only_byggetrinn" in flags and _only_byggetrinn(low))
    if owner and _ONE_PLOT.search(low) and not area and not names and not facility:
        return "etablering"  # "Glåmdal Protein er i dialog om tomt": the land belongs to the company's project
    if (land or area) and (area or _LAND_EVENT.search(low)) and not facility:
        return "naeringsareal"
    if land and names and not facility:
        return "naeringsareal"  # "Teknologiparken Nord: planforslaget er på høring"
    if fact_type == "etablering" or facility or _NEW_THING.search(low):
        return "etablering"
    if owner and (_HIRING_OR_BUILDING.search(low) or status_of(low, "etablering") not in (None, "planlagt")):
        return "etablering"  # "Vinge Elektronikk er i rute med byggingen", "Glåmdal Protein har ansatt 30"
    if fact_type == "finansiering" and (amount or organisations) and _FUNDING.search(low):
        return "finansiering"
    named = any(m.group(1) for m in _NAMED.finditer(text) if m.group(1) and m.group(1).casefold() not in _NOT_NAMES)
    if named and not _AWARD.search(low) and (owner or fact_type in ("utfordring", "plan", "etablering", "annet")):
        # "Viken Park-prosjekt møter innvendinger", "nytt møte om Heggedal-prosjektet" (not an award:
        # "Kompetansebehov-prosjekt vant Fyrlyktprisen" is no establishment)
        return "naeringsareal" if land or "naeringsarealer" in themes else "etablering"
    return None


def _only_byggetrinn(low: str) -> bool:
    return _THING.search(low.replace("byggetrinn", "")) is None


def parts_of(text: str) -> list[str]:
    """Two or more things listed with "+" ("Microsoft + nytt prosjekt"): one entry each."""
    m = _PARTS.search(text.strip().rstrip("."))
    if not m:
        return []
    items = [p.strip(" .,;") for p in (m.group(1) or m.group(2)).split("+")]
    return [p for p in items if p] if len(items) > 1 and all(len(p.split()) <= 5 for p in items) else []


def classify(text: str, low: str, *, section: str, fact_type: str, themes, organisations, places,
             jobs, amount, area, words: list[str] | None = None) -> tuple[str | None, str | None, list[str]]:
    """(kind, status, parts) of a statement; (None, None, []) for context."""
    if not text or section in (SECTION_ACTION_PROGRAMME, SECTION_EVENTS):
        return None, None, []
    kind = kind_of(text, low, fact_type=fact_type, themes=themes, organisations=organisations, places=places,
                   jobs=jobs, amount=amount, area=area, words=words)
    if kind is None:
        return None, None, []
    return kind, status_of(low, kind), parts_of(text)
