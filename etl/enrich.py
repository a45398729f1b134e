"""Fill every statement's enrichment fields from the gazetteer, taxonomy and extractors.

``enrich`` is pure apart from mutating the meeting it is given: reference data is
loaded once per process (cached loaders) and all patterns are precompiled, so a
statement costs a handful of dict look-ups and regex scans.
"""

from __future__ import annotations

import re

from etl.extract.fact_type import classify_fact_type
from etl.extract.organisations import extract_organisations
from etl.extract.quantities import extract_amount_nok, extract_jobs
from etl.extract.themes import Taxonomy, classify, load_taxonomy
from etl.extract.units import Gazetteer, canonical_person, clean_unit_name, find_places, load_gazetteer, resolve_unit
from etl.model import Meeting, ParseWarning, Statement
from etl.vocab import SECTION_EVENTS, SECTION_ROUND_TABLE, UNIT_UNKNOWN

_DIGIT = re.compile(r"\d")


def _person_name(entry: str | None) -> str | None:
    """'Eli Arnkværn Bryhni, leder Næringsgruppen' → 'Eli Arnkværn Bryhni'."""
    if not entry:
        return None
    return entry.split(",")[0].split("(")[0].strip() or None


def enrich(meeting: Meeting, *, gazetteer: Gazetteer | None = None, taxonomy: Taxonomy | None = None) -> Meeting:
    """Fill unit, reporter, themes, fact type, organisations, places, jobs, amount and
    event date for every statement of ``meeting`` (in place) and return it.

    A round-table unit missing from the gazetteer is kept as written (cleaned),
    with ``unit_kind`` "ukjent", ``unit_known`` False and one ``unknown_unit``
    warning per distinct unit. Statements without a unit keep the unit fields None.
    """
    from etl.extract.dates import find_dates

    gaz = gazetteer or load_gazetteer()
    tax = taxonomy or load_taxonomy()
    people = tuple(p for p in (_person_name(x) for x in [*meeting.attendees, meeting.chair, meeting.secretary]) if p)
    warned: set[str] = set()
    reporters: dict[str, str | None] = {}
    for s in meeting.statements:
        _unit(s, gaz, meeting, warned)
        if s.reporter:
            if s.reporter not in reporters:
                reporters[s.reporter] = canonical_person(s.reporter, people, gaz)
            s.reporter_canonical = reporters[s.reporter]
        else:
            s.reporter_canonical = None
        text = s.text or ""
        s.themes = classify(text, tax)
        if s.area:
            # An action-programme area ("c) Helsenæring") is the theme of every
            # point under it, even when the point itself does not name it.
            s.themes = _merge_ordered(classify(s.area, tax), s.themes, tax)
        s.amount_nok = extract_amount_nok(text)
        s.jobs = extract_jobs(text)
        s.fact_type = "arrangement" if s.section == SECTION_EVENTS else classify_fact_type(text, s.amount_nok)
        s.organisations = extract_organisations(text, exclude=people, gazetteer=gaz)
        s.places = [p.name for p in find_places(text, gaz)]
        dates = find_dates(text, meeting.meeting_date) if _DIGIT.search(text) else []  # every date has a digit
        s.event_date = dates[0] if dates else None
    return meeting


def _unit(s: Statement, gaz: Gazetteer, meeting: Meeting, warned: set[str]) -> None:
    if not s.unit_raw or not s.unit_raw.strip():
        s.unit_name = s.unit_kind = s.kommunenummer = s.region = s.county = None
        return
    match = resolve_unit(s.unit_raw, gaz)
    if match is not None:
        s.unit_name, s.unit_kind, s.unit_known = match.name, match.kind, True
        s.kommunenummer, s.region, s.county = match.kommunenummer, match.region, match.county
        return
    name = clean_unit_name(s.unit_raw)
    s.unit_name, s.unit_kind, s.unit_known = name, UNIT_UNKNOWN, False
    s.kommunenummer = s.region = s.county = None
    if s.section == SECTION_ROUND_TABLE and name not in warned:
        warned.add(name)
        warning = ParseWarning("unknown_unit", f"round-table unit not in the gazetteer: {name!r}", s.prov.line_start)
        if warning not in meeting.warnings:  # enrich twice, warn once
            meeting.warnings.append(warning)


def _merge_ordered(first: list[str], second: list[str], tax: Taxonomy) -> list[str]:
    """Union of two theme lists, in taxonomy order (as ``classify`` returns them)."""
    wanted = set(first) | set(second)
    return sorted(wanted, key=lambda t: tax.order.get(t, len(tax.order)))
