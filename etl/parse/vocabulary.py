"""Every word list the structure parser reads, bokmål and nynorsk, in one place.

The parser finds structure (labels, numbering, tables, headings) first; these
lists only name what a structure is.  Add a new body's wording here, not in the
module that uses it.  Each list is plain data (strings, dicts); the modules
compile their own patterns from them with ``alternation``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from etl.extract.dates import MONTHS as DATE_MONTHS
from etl.extract.dates import WEEKDAYS as DATE_WEEKDAYS


def alternation(words: Iterable[str]) -> str:
    """The words as a regular-expression alternation, escaped, longest first (so "styremøte"
    is tried before "møte"): what every module builds its patterns from these lists with."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- dates ------------------------------------------------------------------------
# Month names and abbreviations; nynorsk spells the months as bokmål does.
MONTHS = DATE_MONTHS  # one table for the whole project: etl/extract/dates.py
WEEKDAYS = DATE_WEEKDAYS  # bokmål and nynorsk, etl/extract/dates.py

# --- the meeting header -------------------------------------------------------------
# "Label: value" → the header field it fills.  Keys are lower case, without the colon.
HEADER_LABELS: dict[str, str] = {
    "tid": "time", "tidspunkt": "time", "klokkeslett": "time", "dato og tid": "time", "møtetidspunkt": "time",
    "dato": "date", "møtedato": "date", "dato for møtet": "date", "møtedag": "time", "dag og tid": "time",
    "dato/tid": "time", "dato/klokkeslett": "time", "møtetid": "time", "tid/dato": "time",
    "sted": "place", "møtested": "place", "møtelokale": "place", "møtestad": "place", "stad": "place",
    "møtestad/tid": "time_place", "møtested/tid": "time_place",
    "møteleder": "chair", "leder": "chair", "ordstyrer": "chair", "møteleiar": "chair", "leiar": "chair",
    "sekretariat": "secretary", "referent": "secretary", "sekretær": "secretary", "referat skrevet av": "secretary",
    "protokollfører": "secretary", "sekretariatet": "secretary", "skrivar": "secretary",
    "tilstede": "attendees", "til stede": "attendees", "deltakere": "attendees", "møtt": "attendees",
    "tilstede på møtet": "attendees", "til stede på møtet": "attendees", "deltagere": "attendees",
    "møtt fra": "attendees", "til stades": "attendees", "tilstades": "attendees", "deltakarar": "attendees",
    "møtande": "attendees", "møtende": "attendees", "møtende medlemmer": "attendees",
    "forfall": "absent", "meldt forfall": "absent", "ikke til stede": "absent", "kopi": "absent",
    "fraværende": "absent", "fravær": "absent", "meldt fravær": "absent", "fråvær": "absent", "meldt fråvær": "absent", "forhindret": "absent", "ikkje til stades": "absent",
    "møteleder/referent": "chair_secretary", "møteleder og referent": "chair_secretary",
    "møteleder/sekretær": "chair_secretary", "leder/referent": "chair_secretary",
    "tid og sted": "time_place", "dato og sted": "time_place", "tid/sted": "time_place", "dato/sted": "time_place",
    "tid og møtested": "time_place", "tid og stad": "time_place", "dato og stad": "time_place",
    "møte": "organ", "utvalg": "organ", "utval": "organ", "organ": "organ", "styre": "organ",
    "neste møte": "ignore", "saksbehandler": "ignore", "arkivsak": "ignore", "vår ref": "ignore",
    "sakshandsamar": "ignore", "arkivsaksnr": "ignore", "deres ref": "ignore",
}  # fmt: skip

# Sentence-like attendance headings of case-handling systems ("Følgende faste
# medlemmer møtte:", "Følgende varamedlemmer møtte", "Fra administrasjonen møtte"):
# the words that say who is listed below.  Checked as regular expressions on the
# lower-cased line; the first that matches wins.
ATTENDANCE_HEADINGS: tuple[tuple[str, str], ...] = (
    (r"\b(hadde|hadd|har|meldte)\s+forfall\b|\bforfall\b|\bmøtte\s+ikk(e|je)\b|\bikk(e|je)\s+møtt", "absent"),
    (r"\b(faste\s+)?medlem(mer)?\b.*\bmøtte\b|\bvaramedlem(mer)?\b.*\bmøtte\b|\bmøtte\s+(for|frå|fra)\b", "attendees"),
    (r"^(fra|frå)\s+(administrasjonen|sekretariatet)\b|\b(administrasjonen|sekretariatet)\s+møtte\b", "attendees"),
    (r"^(andre|øvrige)\s+(til\s+stede|møtende|deltakere)\b", "attendees"),
    (r"^(følgende|følgjande|desse|disse)\b.*\bmøtte\b|^møtande\b|^møtende\b", "attendees"),
    (r"^(dessuten|i tillegg|òg|også)\s+møtte\b", "attendees"),  # "Dessuten møtte :" in old protocols
)
# "Protokollen godkjennes av …" / nynorsk "Protokollen vert godkjend av …": signatories, not items.
PROTOCOL_SIGNERS: tuple[str, ...] = (
    "protokollen godkjennes av", "protokollen godkjent av", "protokollen vert godkjend av",
    "protokollen vert godkjent av", "godkjenning av protokoll ved", "underskrift", "underskrifter",
    "valg av to til å underskrive", "protokollen underskrives av",
)  # fmt: skip

# --- titles ---------------------------------------------------------------------------
# Words that open a minutes title ("Referat fra …", "Protokoll …", "Møtebok …").
TITLE_WORDS: tuple[str, ...] = (
    "referat", "møtereferat", "protokoll", "møteprotokoll", "møtebok", "styreprotokoll",
    "styrereferat", "protokoll fra", "møteprotokoll fra", "program for", "møteprogram",
)  # fmt: skip
# Words that make a title a notice ("MØTEINNKALLING", "Innkalling til møte i …").
NOTICE_WORDS: tuple[str, ...] = (
    "innkalling", "møteinnkalling", "innkalling til møte", "innkalling til", "møteinnkalling til",
    "saksliste for", "saksliste til", "sakliste for", "sakliste til", "sakskart for", "sakskart til",
    "dagsorden for", "dagsorden til",
)  # fmt: skip
# Meeting nouns between a title word and the organ ("Referat fra styremøte i X").
MEETING_NOUNS: tuple[str, ...] = (
    "møte", "møtet", "styremøte", "styremøtet", "rådsmøte", "rådsmøtet", "årsmøte", "årsmøtet", "medlemsmøte",
    "representantskapsmøte", "fellesmøte", "arbeidsmøte", "ekstraordinært møte", "ekstraordinært styremøte",
    "telefonmøte", "digitalt møte", "nettmøte", "dialogmøte", "samling",
)  # fmt: skip

# How the name of a body ends ("Hallingdal næringsråd", "Vikdal Næringsforening",
# "Styret i Fjordby AS"): a line of its own in the header that names the organ when no title does.
BODY_NAME_ENDINGS: tuple[str, ...] = (
    "råd", "rådet", "forum", "forumet", "forening", "foreningen", "nettverk", "nettverket", "styre", "styret",
    "utval", "utvalet", "utvalg", "utvalget", "samarbeid", "samarbeidet", "selskap", "gruppe", "gruppa",
    "gruppen", "regionen", "region", " as", " iks", "hage", "hagen", "klynge", "klyngen",
)  # fmt: skip

# --- the agenda ----------------------------------------------------------------------
# Headings of the agenda announced up front (a list or table that adds no items).
AGENDA_LIST_HEADINGS: tuple[str, ...] = (
    "saksliste", "sakliste", "sakskart", "dagsorden", "agenda", "innhold", "innhald", "innholdsfortegnelse",
    "innhaldsliste", "saker til behandling", "saker til handsaming", "program", "møteprogram",
    "oversikt over saker", "saksoversikt",
)  # fmt: skip
# Labels in front of a case's title on the line below its number ("Tittel: Budsjett 2027"), including
# the document type an old case-handling system prints there ("SAKSPROTOKOLL: GODKJENNING AV …").
TITLE_LABELS: tuple[str, ...] = (
    "sakstittel", "saktittel", "tittel", "sak", "emne", "saksprotokoll", "saksframlegg", "saksfremlegg",
    "særutskrift",
)  # fmt: skip
# Words that open a numbered case heading ("Sak 3", "Sak nr.: 14/26", "Saksnr. 2/24", "Punkt 3").
CASE_WORDS: tuple[str, ...] = (
    "sak", "saksnr", "saksnummer", "punkt", "pkt", "post", "styresak", "rådssak", "utvalgssak", "utvalssak",
)  # fmt: skip
# Case-type prefixes of case-handling systems: politisk sak, orienteringssak,
# referatsak, delegert sak, and "SR-sak" / "AU-sak" style body prefixes (any
# capitals followed by "-sak").
CASE_TYPES: tuple[str, ...] = ("PS", "OS", "RS", "DS", "FS", "VS", "ES", "MS", "US")

# --- decisions -------------------------------------------------------------------------
# A label that introduces the decision; also "<Body>s vedtak" ("Rådets vedtak",
# "Styrets vedtak", "Utvalgets vedtak", nynorsk "Styret sitt vedtak").
DECISION_LABELS: tuple[str, ...] = (
    "vedtak", "konklusjon", "beslutning", "vedtatt", "avgjerd", "avgjørelse", "endelig vedtak",
    "enstemmig vedtak", "samrøystes vedtak", "vedtak i saka", "vedtak i saken", "konklusjonar",
    "oppsummering og konklusjon",
)  # fmt: skip
# Labels that look like a decision but are not one: a proposal, a recommendation,
# the vote, the debate.  Their text is never the decision.
NOT_DECISION_LABELS: tuple[str, ...] = (
    "forslag til vedtak", "framlegg til vedtak", "fremlegg til vedtak", "innstilling", "tilråding",
    "tilrådning", "forslag", "framlegg", "votering", "avstemning", "røysting", "behandling", "handsaming",
    "saksopplysninger", "saksutgreiing", "vurdering", "bakgrunn", "saksframstilling", "dokumenter",
    "vedlegg", "sakens bakgrunn", "innstilling til vedtak", "daglig leders forslag til vedtak",
    "sekretariatets forslag til vedtak", "administrasjonens forslag til vedtak",
)  # fmt: skip
# Sentences that are a decision wherever they stand (regular expressions, lower case).
DECISION_PHRASES: tuple[str, ...] = (
    r"\b(ble|er|blir|vart|vert|blei) (enstemmig |samrøystes |einstemmig )?(godkjent|godkjend|godkjende|godkjente|vedtatt|vedtatte|vedteke|vedteken|vedtekne)\b",
    r"\bgodkjennes\b", r"\bvedtas\b", r"\bgodkjenast\b", r"\bvert godkjend\b", r"\bvedtakast\b",
    r"\b(tas|tatt|tages|blir tatt|ble tatt) til (orientering|etterretning)\b",
    r"\b(teke|tekne|tatt|takast|vert teke|vart teke|vart tekne) til (vitande|orientering|etterretning)\b",
    r"^(enstemmig|samrøystes|einstemmig) (vedtatt|vedteke|vedteken|vedtekne|godkjent|godkjend|godkjende)\b",
    # "Styret vedtok …" — the meeting body itself, never "Kommunestyret i Lia vedtok …" reported by a member
    r"(?:^|(?<=[.!?] ))(?![Kk]ommune|[Bb]ystyret|[Ff]ylkes)(?:[\wæøå-]*(?:rådet|styret|utvalget|utvalet|forumet|møtet|gruppa|gruppen))"
    r" (?:samrøystes |enstemmig )?vedtok\b",
    r"\bgjorde (følgende|følgjande|slikt|slik) vedtak\b",
)  # fmt: skip
# Words of a vote report that leads into the decision ("Eit samrøystes fylkesutval vedtok:",
# "Med 9 mot 4 stemmer vedtok styret:"): the lead-in is not part of the decision.
VOTE_WORDS: tuple[str, ...] = (
    "vedtok", "vedtatt", "vedteke", "vedteken", "enstemmig", "einstemmig", "samrøystes", "røyster", "røyst",
    "stemmer", "stemme", "stemmar",
)  # fmt: skip
# Sentences that say an item was not dealt with.
NOT_HANDLED_PHRASES: tuple[str, ...] = (
    r"^(ikke behandlet|ikkje handsama|saken (ble )?utsatt|saka (vart )?utsett|utsatt\b|utsett\b|saken utgår|"
    r"saka går ut|utgikk)",
)

# --- item kinds --------------------------------------------------------------------------
# Title patterns → item kind (vocab.ITEM_KINDS), checked in this order.
ITEM_KIND_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "approval",
        r"godkjenning av (innkalling|dagsorden|saksliste|sakliste|referat|møtebok|protokoll)|"
        r"godkjenning av (innkalling og )?(saksliste|sakliste|dagsorden)|godkjenning av møteprotokoll|"
        r"godkjenning av (innkalling|innkalling, saksliste)|godkjenning av referat|"
        r"godkjenning av (protokoll|møtebok)|godkjenning av (innkallinga|sakslista|saklista|protokollen)|"
        r"^(innkalling|dagsorden|saksliste|sakliste)\b|referat fra (forrige|siste)|konstituering|"
        r"^val av (to )?(representantar|medlemmer) til å (skrive under|signere)|"
        r"^valg av (to )?(representanter|medlemmer) til å (underskrive|signere)",
    ),
    (
        "round_table",
        r"rundt bordet|bordrunde|runde(n)? (fra|frå|blant|med) |kommunerunde|medlemsrunde|felles bord|"
        r"(orientering(er|ar)?|nytt|status|aktuelt|oppdatering(er|ar)?|informasjon|innspel|innspill|"
        r"(innmeldte |aktuelle )?saker|rapport(er|ar)?|tilbakemelding(er|ar)?) (fra|frå|i) "
        r"(kommunene|kommunane|medlemmene|medlemane|regionene|regionane|deltakerne|deltakarane|"
        r"medlemskommunene|medlemskommunane|regionrådene|regionråda|eierne|eigarane|ordførerne|ordførarane|"
        r"fylkeskommunene|delregionene)|"
        r"gjensidig (orientering|informasjon)|erfaringsutveksling|^orienteringssaker$",
    ),
    ("action_programme", r"handlingsprogram|handlingsplan|arbeidsprogram"),
    ("secretariat", r"sekretariat"),
    ("events", r"arrangement|kalender|konferanser og|kommende (møter|aktiviteter)|aktiviteter fremover"),
    ("any_other_business", r"^eventuelt\b|^evt\.?$|\beventuelt$|^ymse\b|^eventuelle saker"),
)
# Item titles recognised without a number or heading style (after the first item).
STANDARD_TITLES: tuple[str, ...] = (
    "eventuelt", "evt", "evt.", "runde rundt bordet", "bordrunde", "kommende arrangementer",
    "orienteringer fra sekretariatet", "ymse",
)  # fmt: skip
# Meeting kinds (v_meetings.kind).
MEETING_KINDS: tuple[str, ...] = ("referat", "innkalling")

# --- the round of reports (units.py, names.py, round_table.py) ------------------------------
# A role written before a reporter's name ("v/ ordfører Kari Nilsen", "Ordførar i Vik, …").
REPORTER_ROLES: tuple[str, ...] = (
    "ordfører", "ordførar", "varaordfører", "varaordførar", "fylkesordfører", "fylkesordførar",
    "rådmann", "rådmannen", "kommunedirektør", "kommunedirektøren", "kommunalsjef", "næringssjef",
    "næringsrådgiver", "næringsrådgjevar", "rådgiver", "rådgjevar", "daglig leder", "dagleg leiar",
    "styreleder", "styreleiar", "prosjektleder", "prosjektleiar", "leder", "leiar", "sekretær",
    "direktør", "næringsutvikler", "næringsutviklar", "plansjef", "konsulent",
)  # fmt: skip
# Verbs of a briefing sentence that names its reporter ("Kari Nilsen orienterte om …").
BRIEFING_VERBS: tuple[str, ...] = (
    "orienterte", "informerte", "redegjorde", "fortalte", "innledet", "innleidde", "orienterer", "informerer",
)  # fmt: skip
# Words in a short label that make it no unit ("Status:", "Vedtak:") though capitalised.
NOT_UNIT_LABELS: tuple[str, ...] = (
    "tiltak", "innspill", "status", "oppsummering", "merknad", "merknader", "kommentar", "kommentarer",
    "konklusjon", "vedtak", "annet", "diverse", "info", "informasjon", "formål", "ambisjon", "endring",
    "bakgrunn", "utfordringer", "muligheter", "nytt", "aktuelt", "saker", "innstilling",
    "forslag til vedtak", "behandling", "votering", "referat", "sak", "tema", "orientering",
    "orienteringar", "orienteringer", "oppfølging", "frist", "ansvar", "ansvarleg", "ansvarlig",
    "innledning", "innleiing", "presentasjon", "foredrag", "innlegg", "diskusjon", "drøfting", "spørsmål",
    "velkommen", "åpning", "opning", "avslutning", "lunsj", "pause", "kaffe",
)  # fmt: skip

# --- e-mail furniture (mail.py) ------------------------------------------------------------------
# Mail header labels, Norwegian and English ("Fra:", "Sendt:", "Emne:" / "From:", "Subject:").
MAIL_HEADER_LABELS: tuple[str, ...] = (
    "fra", "frå", "sendt", "til", "kopi", "emne", "from", "sent", "to", "cc", "subject", "date", "dato", "vedlegg",
    "attachments",
)  # fmt: skip
# Separators above a quoted or forwarded message.
MAIL_SEPARATORS: tuple[str, ...] = (
    "opprinnelig melding", "original message", "videresendt melding", "forwarded message",
    "begin forwarded message", "opphavleg melding", "vidaresendt melding",
)  # fmt: skip
# Sign-offs that open a signature, bokmål and nynorsk (regular expressions, lower case).
SIGN_OFFS: tuple[str, ...] = (
    r"(?:med\s+)?(?:vennlig|vennleg|venleg|beste)\s+(?:hilsen|helsing|helsingar)\b", r"mvh\.?\b", r"hilsen\b",
    r"helsing\b", r"vh\b",
)


# --- sentences and titles ------------------------------------------------------------
# Abbreviations whose full stop ends no sentence ("ca. 40", "bl.a. Asker"), bokmål and nynorsk
# (t.d. = til dømes, m.a. = mellom anna, osb. = og så bortetter).
ABBREVIATIONS: frozenset[str] = frozenset({
    "inkl", "f.eks", "bl.a", "mill", "mrd", "ca", "kl", "nr", "jf", "evt", "dvs", "mv", "osv", "ev", "iht",
    "mht", "pga", "tlf", "st", "stk", "kr", "ref", "m.fl", "m.m", "o.l", "bl.annet", "etc", "vs",
    "t.d", "m.a", "osb", "o.a", "ifb", "isb", "iflg", "jfr", "pr", "mnd", "hhv", "bl.anna", "m.a.o",
})  # fmt: skip
# Small words after which a capitalised word still belongs to a title ("Ny skole i Asker").
TITLE_LINK_WORDS: frozenset[str] = frozenset({
    "i", "for", "av", "om", "fra", "frå", "til", "på", "med", "og", "ved", "mot", "etter", "under",
    "mellom", "hos", "or", "eller", "the", "de", "den", "det", "ny", "nye", "nytt",
})  # fmt: skip
# Sub-headings of an action programme that name no area of it ("Oppsummering", "Videre arbeid").
GENERIC_AREA_HEADINGS: frozenset[str] = frozenset({
    "oppsummering", "konklusjon", "vedtak", "innspill", "merknad", "merknader", "diskusjon",
    "kommentarer", "oppfølging", "videre arbeid",
})  # fmt: skip
# Joining words after a suspended compound ("inn- og utflytting"): the hyphen stays.
SUSPENSION_JOINERS: frozenset[str] = frozenset({"og", "eller", "samt", "til", "enn"})
# Small words kept lower case inside a unit's name ("Nes kommune", "Hadeland og Ringerike").
LOWER_CASE_IN_NAMES: frozenset[str] = frozenset({
    "kommune", "fylkeskommune", "og", "i", "for", "av", "på", "regionråd", "næringsråd",
})  # fmt: skip

# --- events --------------------------------------------------------------------------
# Group headings of an event list that name no organiser ("Andre arrangementer", "Fra medlemmene").
GENERIC_EVENT_GROUPS: frozenset[str] = frozenset({
    "medlemmer", "medlemmene", "fra medlemmene", "andre", "eksterne", "øvrige", "andre arrangementer",
    "regionale", "nasjonale", "diverse", "arrangementer", "kommende arrangementer", "eksterne arrangementer",
    "fra kommunene", "kommunene", "arrangementer hos medlemmene", "annet",
})  # fmt: skip
# Words of a link (host and path, ASCII-folded) that say nothing about which event it is.
LINK_STOP_WORDS: frozenset[str] = frozenset({
    "om", "og", "i", "pa", "for", "til", "med", "av", "de", "vi", "the", "www", "no", "com", "https", "http",
    "kalender", "arrangement", "arrangementer", "event", "events", "html", "php", "index", "ifm",
})  # fmt: skip
# Kinds of event that half-count when a link and an event title share them.
GENERIC_EVENT_WORDS: frozenset[str] = frozenset({
    "seminar", "workshop", "konferanse", "konferansen", "mote", "frokostmote", "webinar", "kurs", "samling",
})  # fmt: skip
# Stems of the outcome words that may stand on an item's heading line ("– godkjent", "vart vedteke"):
# a cheap test before the heading-decision pattern.
OUTCOME_STEMS: tuple[str, ...] = ("godkj", "vedt", "orienter", "vitande", "utsat", "utset")
