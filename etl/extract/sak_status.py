"""The state a statement gives the sak it reports on (``vocab.SAK_STATUSES``).

Read from the words, in this order:

1. a closure sak is "nedlagt" when announced or carried out, "planlagt" while it
   is only feared or considered ("vurderer å legge ned"), and "stanset" when the
   closure itself is postponed or dropped;
2. a stop is the news whatever else is said ("satt på vent", "står stille");
3. otherwise the most advanced stage the statement says is *reached*
   (vedtatt beats regulering: "reguleringsplanen er vedtatt").  A stage said in
   the past tense is reached; one in the present or infinitive is not when it
   is announced for later ("åpner i mars", "regner med at første hall står
   ferdig mot slutten av året", "blir ferdig før jul");
4. a few words cap the stage: an application or a wait for a permit is
   "regulering" even though it names the permit ("har søkt om rammetillatelse"),
   an option or preparation is "planlagt" ("kjøpt opsjon", "forbereder
   reguleringen");
5. a plan or strategy is never built or opened: its stages stop at vedtatt, and
   one being worked on is "planlagt".

A statement that names no stage (only a figure, or a step announced for later)
gives no status.
"""

from __future__ import annotations

import re

_STOPPED = re.compile(
    r"\b(?:stopp(?:et|es|er)?|stans(?:et|es|er)?|på\s+vent|utsatt|utsettes|utsetter|skrinlagt|skrinlegges|avlyst"
    r"|lagt\s+på\s+is|legges\s+på\s+is|trukket|trekker\s+seg|pauset?|kansellert|avbrutt|droppet|avslått|avslag"
    r"|skrotet|blir\s+ikke\s+noe\s+av|sier\s+nei|sa\s+nei|lagt\s+bort|frosset|fryses|står\s+(?:fortsatt\s+)?stille"
    r"|i\s+påvente\s+av|lagt\s+på\s+hylla)\b"
)
CLOSED = re.compile(
    r"nedlegg|\b(?:legges|legger|lagt|lagde|legge)\s+ned\b|nedbemann|permitter|oppsigelse|\bsier\s+opp\b|konkurs"
    r"|avvikl|\bsteng(?:er|es|t|te|ning|ningen|e)\b|\bmist(?:er|et)\s+(?:\S+\s+){0,2}(?:jobb|arbeidsplass|stilling|årsverk)"
    r"|\bkutt(?:er|es)\s+(?:\S+\s+){0,2}\d|\bflytter\s+ut\b|\bgår\s+tapt\b"
)
_CLOSURE_FEARED = re.compile(r"\b(?:vurderer|vurderes|mulig|kan|frykter|risiko\s+for|usikker\w*|truet|varsler\s+at\s+de\s+kan)\b")

# Stages, each as (past: always reached, present: reached unless announced for later).
_STAGES: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    ("i_drift",
     re.compile(r"\b(?:åpnet|ble\s+åpnet|(?:ble|kom|satt)\s+i\s+(?:full\s+)?drift|ferdigstilt|sto\s+ferdig|stod\s+ferdig"
                r"|innviet|tatt\s+i\s+bruk|tok\s+i\s+bruk|startet\s+(?:opp\s+)?produksjon\w*|flyttet\s+inn|gjenåpnet"
                r"|(?:ble|var)\s+ferdig(?!\s+regulert)|ferdig\s+bygget|har\s+utvidet|utvidet\s+(?:med|produksjonen)"
                r"|fullt\s+utbygd|ferdig\s+opparbeidet|opparbeidet\s+med|har\s+fått\s+sine\s+første\s+kunder"
                r"|har\s+(?:nå\s+)?\d[\d\s]*\s+ansatte)\b"),
     re.compile(r"\b(?:åpner|åpnes|åpne|åpning(?:en)?|i\s+drift|ferdigstilles|står\s+ferdig|stå\s+ferdig|blir\s+ferdig"
                r"|er\s+ferdig(?!\s+regulert)"
                r"|operativt?|klar\s+til\s+åpning|i\s+full\s+drift)\b")),
    ("bygging",
     re.compile(r"\b(?:under\s+(?:ut)?bygging|startet\s+(?:ut)?byggingen|byggingen\s+(?:er|har)\s+(?:i\s+gang|startet|begynt)"
                r"|(?:ut)?byggingen\s+(?:\S+\s+){1,6}?(?:er|har)\s+(?:godt\s+)?(?:i\s+gang|startet|begynt)"
                r"|(?:ut)?byggingen\s+går|i\s+gang\s+med\s+(?:ut)?bygging\w*|godt\s+i\s+gang\s+med\s+\w+"
                r"|spadetak\w*|grunnarbeid\w*|anleggsarbeid\w*|råbygg\w*|byggearbeid\w*|reisegilde|fått\s+tak\s+på"
                r"|halvveis\s+i\s+byggingen|i\s+byggingen|er\s+reist|(?:utvidelsen|arbeidene)\s+(?:\S+\s+){0,5}?er\s+i\s+gang"
                r"|bygges\s+nå|er\s+i\s+rute\s+med\s+byggingen)\b"),
     re.compile(r"\b(?:byggestart\w*|bygges|bygger|starter\s+(?:opp\s+)?(?:ut)?byggingen|utbyggingen)\b")),
    ("vedtatt",
     re.compile(r"\b(?:vedtatt|vedtok|vedtatte|godkjent|godkjente|godkjennes|innvilget|tildelt|tilsagn"
                r"|byggetillatelse|rammetillatelse|igangsettingstillatelse|konsesjon(?:en)?|fått\s+tillatelse"
                r"|fikk\s+tillatelse|klarsignal|grønt\s+lys|signert|signerte|kontrakt(?:en)?|inngått|inngikk|solgt|solgte"
                r"|kjøpt|kjøpte|investeringsbeslutning|besluttet|endelig\s+ja|sa\s+ja|bevilget|bevilgning"
                r"|sikret\s+finansiering|ferdig\s+regulert|regulert|gave|gaven|mottatt|mottok|fått\s+ja|fikk\s+ja"
                r"|satt\s+av|setter\s+av|selges|sikret|er\s+gitt|ble\s+gitt"
                r"|(?:fått|fikk|får|gir|gis)\s+(?:\w+\s+)?\d[\d\s,.]*\s*(?:mill\w*|mrd|milliard\w*|kroner|kr))\b"),
     None),
    ("regulering",
     re.compile(r"\b(?:regulering\w*|reguleres|regulerer|omregulering\w*|detaljregulering\w*|planprogram\w*"
                r"|konsekvensutredning\w*|ku|høring\w*|høyring|offentlig\s+ettersyn|søkt|søker\s+(?:\w+\s+){0,2}?om|\w*søknad\w*"
                r"|sendt\s+inn|planforslag\w*|planinitiativ\w*|oppstartsmøte\w*|behandles|\w*behandling"
                r"|dispensasjon|venter\s+(?:fortsatt\s+)?på\s+\w*(?:vedtak|godkjenning|konsesjon|tillatelse"
                r"|behandling))\b"),
     None),
    ("planlagt",
     re.compile(r"\b(?:planlegg\w*|planlagt\w*|\w*planer|\w*planene|plan\s+om|vurderer|vurderes|mulig|mulige|ønsker"
                r"|interesse\w*|utreder|utredes|utredning\w*|forprosjekt\w*|mulighetsstudie\w*|skisse\w*|sonderinger"
                r"|tidlig\s+fase|skal\s+etablere|vil\s+etablere|vil\s+bygge|vil\s+utvide|ser\s+på|prosjekter(?:er|ing)"
                r"|kan\s+komme|meldt\s+interesse|nytt?\s+\w*prosjekt|nye\s+\w*prosjekter|ny\s+\w*plan|nytt?\s+\w*senter"
                r"|ny\s+\w*fabrikk|nytt\s+\w*hotell\w*|ny\s+\w*strategi|intensjonsavtale\w*|lover|lovet|dialog\w*"
                r"|tegnebrettet|tatt\s+opp\s+igjen|opsjon\w*|forbereder|utkast\w*|forslag|arbeidet\s+med|positive"
                r"|vil\s+(?:bruke|bygge|etablere|utvide|flytte|starte|åpne))\b"),
     None),
)
_ORDER = {name: i for i, (name, _, _) in enumerate(_STAGES)}
# A step announced for later: a time after the verb, or a future word before it.
_LATER_AFTER = re.compile(
    r"(?:\s+\S+){0,6}?\s+(?:i\s+(?:\d{4}|januar|februar|mars|april|mai|juni|juli|august|september|oktober|november"
    r"|desember|løpet|høst|vår|sommer|vinter)|til\s+(?:høsten|våren|sommeren|vinteren|neste|\d{4})|høsten|våren"
    r"|sommeren|vinteren|neste\s+(?:år|måned|uke)|før\s+(?:jul|sommeren|påske|nyttår|\w+skiftet)|etter\s+sommeren"
    r"|mot\s+slutten|innen|om\s+\w+\s+(?:år|måneder|uker))"
)
_LATER_BEFORE = re.compile(
    r"(?:planlagt|planlegger|forventet|forventer|ventet|ventes|antatt|regner\s+(?:nå\s+)?med|mål\s+om|skal|vil"
    r"|kan|før|når|snart|etter\s+planen|etter\s+sommeren)\b(?:\s+\S+){0,5}\s*$"
)
_APPLIED = re.compile(r"\b(?:søkt|søker|søknad\w*|venter\s+(?:fortsatt\s+)?på|sendt)\s+(?:\S+\s+){0,4}?"
                      r"\w*(?:tillatelse|konsesjon|godkjenning|tilskudd|vedtak|mill)")
_PREPARING = re.compile(r"\b(?:forbereder|opsjon\w*|intensjonsavtale\w*)\b")
_PLAN_STAGES = ("vedtatt", "regulering", "planlagt")
_AS_PLANNED = re.compile(r"\b(?:enn|som|etter)\s+(?:planlagt|planen)\b")


def _reached(present: re.Pattern[str], low: str) -> bool:
    for m in present.finditer(low):
        if _LATER_AFTER.match(low, m.end()) or _LATER_BEFORE.search(low, 0, m.start()):
            continue
        return True
    return False


def status_of(low: str, kind: str) -> str | None:
    """The state ``low`` (a lower-cased statement) gives a sak of ``kind``, or None."""
    if kind == "nedleggelse":
        if _STOPPED.search(low):
            return "stanset"  # the closure itself is postponed or dropped
        m = CLOSED.search(low)
        if m and _CLOSURE_FEARED.search(low, max(0, m.start() - 40), m.start() + 1):
            return "planlagt"
        return "nedlagt"  # announced or carried out, also a move out of the region
    if _STOPPED.search(low) or (CLOSED.search(low) and "etter nedlegg" not in low):
        return "stanset"  # a project "lagt ned" or stopped: the thing never came
    low = _AS_PLANNED.sub(" ", low)  # "flere enn planlagt", "går som planlagt": not a stage
    reached = [name for name, past, present in _STAGES
               if past.search(low) or (present is not None and _reached(present, low))]
    if kind == "plan":
        reached = [s for s in reached if s in _PLAN_STAGES]
    if not reached:
        return "planlagt" if kind == "plan" else None
    status = min(reached, key=_ORDER.__getitem__)  # the most advanced stage
    if status == "i_drift" and "råbygg" in low:
        status = "bygging"  # "råbygget står ferdig": the shell, not the building
    if status == "vedtatt" and _APPLIED.search(low) and not re.search(r"\b(?:godkjent|innvilget|vedtatt|gitt)\b", low):
        status = "regulering"
    if _PREPARING.search(low) and _ORDER[status] < _ORDER["planlagt"] and status != "i_drift":
        status = "planlagt"
    return status
