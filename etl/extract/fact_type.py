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

from etl.extract.quantities import extract_amount_nok

_F = re.IGNORECASE

_CLOSURE = re.compile(
    r"nedlegg|\blegges?\s+ned\b|\blagt\s+ned\b|\bstenge[rst]?\b|\bstengning|permitter|oppsigelse|\bsier\s+opp\b"
    r"|\bmist(?:er|et)\s+(?:\S+\s+){0,2}(?:arbeidsplass|jobb|årsverk|ansatt|stilling)|nedbemann|\bkonkurs|avvikl"
    r"|\bflytter\s+ut\b|\btap\s+av\s+\d",
    _F,
)
_FUNDING = re.compile(
    r"\bgave\b|gaven\b|tilskudd|\bstøtte[rt]?\s+(?:fra|på|med)\b|økonomisk\s+støtte|støttemidler|\bmidler\b|bevilg"
    r"|finansier|\bstipend|\bfond(?:et)?\b"
    r"|\btildel|\bsponse|\bspleis",
    _F,
)
_NEW = re.compile(
    r"\båpne[rst]?\b|\båpning|etabler(?:ing|inger|ingen|ingene|er|es|e|t)?\b|\bnyetabler|\blanser"
    r"|\bny(?:e|tt)?\s+(?:\w+\s+)?(?:\w*fabrikk|\w*hotell|hotell\w*|\w*datasent\w*|\w*næringspark\w*|\w*kontor\w*"
    r"|\w*anlegg|\w*butikk\w*|\w*senter|\w*arbeidsplass\w*|\w*stilling\w*|\w*bedrift\w*|\w*virksomhet\w*"
    r"|\w*produksjon\w*|\w*hovedkontor\w*|\w*lager)\b|\bbyggestart|\bansetter\b|\bflytter\s+(?:til|inn)\b",
    _F,
)
_CHALLENGE = re.compile(
    r"bekymr|kutt|utfordring|\bmotstand|innvending|\bstram\w*\s+økonomi|\btrang\w*\s+økonomi|ventemodus|\bmangel"
    r"|\bmangler\b|\bproblem|\bkrevende\b|usikker|\bnedgang|\bsvikt|\bforsink|\brisiko|\bbegrensning|\bfjern(?:et|es)\b"
    r"|\bunder\s+press|\bpress\s+på|\bfrafall|\bsvekke|\bvanskelig|\bmister\b|\btrussel|\bkonflikt",
    _F,
)
_EVENT = re.compile(
    r"seminar|konferanse(?!muligh)|workshop|webinar|frokostmøte|møterekke|møteplass|\bmesse\b|\bsamling\b"
    r"|festival|\bkurs(?:et|ene)?\b|\bdialogmøte|\bfagdag|\bnettverksmøte|\btreff\b|\bbefaring",
    _F,
)
_COOPERATION = re.compile(r"samarbeid|partnerskap|\bpartner(?:e|ne)?\b|\ballianse|\bintensjonsavtale|\bsamarbeider", _F)
_AWARD = re.compile(r"\bvant\b|\bvinner\s+av\b|\bkåret\b|\bprisvinn|\bfikk\s+\w*prisen\b", _F)
_PLAN = re.compile(
    r"plan(?:er|en|ene|lagt|legg\w*|arbeid\w*)?\b|strategi|kartlegg|analyse|prosjekt|\barbeid\s+med\b|\bjobber\s+med\b"
    r"|\bfokus\s+på\b|\bsatsing|\bsatser\b|\bønske[rt]?\b|\butred|\bvurder|\bforslag|\btiltak|\binnsikt|utvikling"
    r"|\bforbered|\bmål\s+om\b|\bambisjon|\bvidereføring|\bfornyelse|\bomorganiser",
    _F,
)


def classify_fact_type(text: str, amount_nok: int | None = None) -> str:
    """One of ``vocab.FACT_TYPES``. ``amount_nok`` may be passed when already known."""
    if not text:
        return "annet"
    if amount_nok is None:
        amount_nok = extract_amount_nok(text)
    if _CLOSURE.search(text):
        return "nedleggelse"
    funding = _FUNDING.search(text) is not None
    if funding and amount_nok is not None:
        return "finansiering"
    if _NEW.search(text):
        return "etablering"
    if _CHALLENGE.search(text):
        return "utfordring"
    if funding:
        return "finansiering"
    if _EVENT.search(text):
        return "arrangement"
    if _COOPERATION.search(text):
        return "samarbeid"
    if _AWARD.search(text):
        return "annet"
    if _PLAN.search(text):
        return "plan"
    if amount_nok is not None:
        return "finansiering"
    return "annet"
