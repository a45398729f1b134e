"""Controlled vocabularies shared by the parser, the warehouse and the dashboard.

The theme taxonomy itself lives in ``etl/resources/taxonomy.toml`` so users can edit it;
everything here is part of the data contract and changes only with the code.
"""

from __future__ import annotations

# Where in the minutes a statement comes from (v_statements.section).
SECTION_ROUND_TABLE = "round_table"  # reports from members ("Runde rundt bordet")
SECTION_ACTION_PROGRAMME = "action_programme"  # "Handlingsprogram" areas
SECTION_SECRETARIAT = "secretariat"  # "Orienteringer fra sekretariatet"
SECTION_EVENTS = "events"  # "Kommende arrangementer"
SECTION_AGENDA = "agenda"  # any other agenda item body
SECTION_OTHER = "other"  # "Eventuelt" and text outside agenda items
SECTIONS: tuple[str, ...] = (
    SECTION_ROUND_TABLE,
    SECTION_ACTION_PROGRAMME,
    SECTION_SECRETARIAT,
    SECTION_EVENTS,
    SECTION_AGENDA,
    SECTION_OTHER,
)

# What kind of agenda item a heading introduces (model.AgendaItem.kind).
ITEM_KINDS: tuple[str, ...] = (
    "approval",  # godkjenning av innkalling / referat
    "round_table",
    "action_programme",
    "secretariat",
    "events",
    "any_other_business",  # eventuelt
    "other",
)

FACT_TYPES: tuple[str, ...] = (
    "etablering",  # something new: factory, datacenter, hotel, office
    "nedleggelse",  # closure, layoffs, jobs lost
    "utfordring",  # problem, concern, cut, resistance
    "finansiering",  # grants, gifts, budgets, funding
    "arrangement",  # seminar, conference, workshop, meeting series
    "samarbeid",  # cooperation, partnership
    "plan",  # plans, strategies, projects under work
    "annet",
)

FACT_TYPE_LABELS: dict[str, str] = {
    "etablering": "Etablering",
    "nedleggelse": "Nedleggelse",
    "utfordring": "Utfordring",
    "finansiering": "Finansiering",
    "arrangement": "Arrangement",
    "samarbeid": "Samarbeid",
    "plan": "Plan",
    "annet": "Annet",
}

SECTION_LABELS: dict[str, str] = {
    SECTION_ROUND_TABLE: "Runde rundt bordet",
    SECTION_ACTION_PROGRAMME: "Handlingsprogram",
    SECTION_SECRETARIAT: "Orienteringer fra sekretariatet",
    SECTION_EVENTS: "Kommende arrangementer",
    SECTION_AGENDA: "Saker",
    SECTION_OTHER: "Annet",
}

# What a sak is (v_saker.kind): one real-world thing the minutes follow over meetings.
SAK_KINDS: tuple[str, ...] = (
    "datasenter",  # a datacenter project, whatever its status
    "etablering",  # a company's new or expanded factory, office, hotel or park at a place
    "nedleggelse",  # a closure or downsizing: the thing is the closure and the jobs it costs
    "naeringsareal",  # an area of business land being regulated, sold or developed
    "finansiering",  # a grant, gift or funding decision
    "plan",  # a plan or strategy document
)
SAK_KIND_LABELS: dict[str, str] = {
    "datasenter": "Datasenter",
    "etablering": "Etablering",
    "nedleggelse": "Nedleggelse",
    "naeringsareal": "Næringsareal",
    "finansiering": "Finansiering",
    "plan": "Plan/strategi",
}

# The state one mention gives a sak (v_sak_mentions.status), in the order a project
# usually moves; the sak's status is that of its latest mention that gives one.
SAK_STATUSES: tuple[str, ...] = (
    "planlagt",  # planned, considered, interest shown, being studied
    "regulering",  # applied for, being regulated, on hearing, impact assessment
    "vedtatt",  # approved, adopted, permit or funding granted, agreement signed, land sold
    "bygging",  # construction started or under way
    "i_drift",  # opened, in operation, completed
    "stanset",  # paused, stopped, postponed, cancelled
    "nedlagt",  # closed, jobs lost, closure or downsizing announced
)
SAK_STATUS_LABELS: dict[str, str] = {
    "planlagt": "Planlagt/vurderes",
    "regulering": "Søkt/under regulering",
    "vedtatt": "Vedtatt/godkjent",
    "bygging": "Under bygging",
    "i_drift": "Åpnet/i drift",
    "stanset": "Stanset/på vent",
    "nedlagt": "Nedlagt/tapte jobber",
}

# v_statements.unit_kind
UNIT_KOMMUNE = "kommune"
UNIT_REGION = "region"  # a sub-region / regional council (Follo, Hamarregionen…)
UNIT_COUNTY = "fylke"
UNIT_OTHER = "annen"  # secretariat, Osloregionen itself, organisations
UNIT_UNKNOWN = "ukjent"  # not in the gazetteer: kept and flagged
UNIT_KINDS: tuple[str, ...] = (UNIT_KOMMUNE, UNIT_REGION, UNIT_COUNTY, UNIT_OTHER, UNIT_UNKNOWN)

UNIT_KIND_LABELS: dict[str, str] = {
    UNIT_KOMMUNE: "Kommune",
    UNIT_REGION: "Region",
    UNIT_COUNTY: "Fylke",
    UNIT_OTHER: "Annen",
    UNIT_UNKNOWN: "Ukjent",
}

# model.ParseWarning.code
WARNING_CODES: tuple[str, ...] = (
    "no_date",  # no meeting date found
    "unknown_unit",  # reporting unit not in the gazetteer
    "empty_round_table",  # a round-table heading with no reports under it
    "no_round_table",  # no round table found at all
    "unparsed_line",  # a line the parser could not place
    "duplicate_meeting",  # same organ and date as another document
)

# Norwegian month names, January first: one list for parsing, writing and display.
MONTH_NAMES: tuple[str, ...] = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip
