"""Fill every statement's enrichment fields from the gazetteer, taxonomy and extractors.

``enrich`` is pure apart from mutating the meeting it is given: reference data is
loaded once per process (cached loaders) and all patterns are precompiled, so a
statement costs a handful of dict look-ups and regex scans. Each statement is
lower-cased and split into words once, and its capitalised words found once; the
extractors share those (themes and fact type the words, organisations and places
the capitalised words). Nothing is cached by statement text.
"""

from __future__ import annotations

import re

from etl.extract import fact_type, saker, themes
from etl.extract.organisations import capitalised_words, exclude_keys, organisations_in
from etl.extract.quantities import amount_in, area_in, jobs_in
from etl.extract.themes import Taxonomy, load_taxonomy
from etl.extract.units import Gazetteer, canonical_person, clean_unit_name, load_gazetteer, places_in, resolve_unit
from etl.model import Meeting, ParseWarning, Statement
from etl.vocab import SECTION_EVENTS, SECTION_ROUND_TABLE, UNIT_UNKNOWN

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")  # the split themes and fact_type expect


def _person_name(entry: str | None) -> str | None:
    """'Eli Arnkværn Bryhni, leder Næringsgruppen' → 'Eli Arnkværn Bryhni'."""
    if not entry:
        return None
    return entry.split(",")[0].split("(")[0].strip() or None


def enrich(meeting: Meeting, *, gazetteer: Gazetteer | None = None, taxonomy: Taxonomy | None = None) -> Meeting:
    """Fill unit, reporter, themes, fact type, organisations, places, jobs, amount, area,
    event date and what the statement says about a sak (kind, status) for every statement of ``meeting`` (in place) and return it.

    A round-table unit missing from the gazetteer is kept as written (cleaned),
    with ``unit_kind`` "ukjent", ``unit_known`` False and one ``unknown_unit``
    warning per distinct unit. Statements without a unit keep the unit fields None.
    """
    from etl.extract.dates import find_dates

    gaz = gazetteer or load_gazetteer()
    tax = taxonomy or load_taxonomy()
    people = tuple(p for p in (_person_name(x) for x in [*meeting.attendees, meeting.chair, meeting.secretary]) if p)
    skip = exclude_keys(people)
    warned: set[str] = set()
    reporters: dict[str, str | None] = {}
    areas: dict[str, list[str]] = {}  # action-programme area heading -> its themes (a few per meeting)
    for s in meeting.statements:
        _unit(s, gaz, meeting, warned)
        if s.reporter:
            if s.reporter not in reporters:
                reporters[s.reporter] = canonical_person(s.reporter, people, gaz)
            s.reporter_canonical = reporters[s.reporter]
        else:
            s.reporter_canonical = None
        text = s.text or ""
        low = text.lower()
        words = _WORD.findall(low)
        s.themes = themes.classify_words(low, words, tax) if words else []
        if s.area:
            # An action-programme area ("c) Helsenæring") is the theme of every
            # point under it, even when the point itself does not name it.
            if s.area not in areas:
                areas[s.area] = themes.classify(s.area, tax)
            s.themes = _merge_ordered(areas[s.area], s.themes, tax)
        digit = _DIGIT.search(text) is not None
        s.amount_nok = amount_in(text, low, digit) if text else None
        s.jobs = jobs_in(text, low, words, digit) if text else None
        if s.section == SECTION_EVENTS:
            s.fact_type = "arrangement"
        else:
            s.fact_type = fact_type.classify_words(low, words, s.amount_nok, text=text, gazetteer=gaz)
        caps = capitalised_words(text)
        s.organisations = organisations_in(text, caps, words, skip, gaz) if caps else []
        s.places = [p.name for p in places_in(text, caps, gaz)] if caps else []
        dates = find_dates(text, meeting.meeting_date) if digit else []  # every date has a digit
        s.event_date = dates[0] if dates else None
        s.area_daa = area_in(text, digit) if text else None
        s.sak_kind, s.sak_status, s.sak_parts = saker.classify(
            text, low, section=s.section, fact_type=s.fact_type, themes=s.themes, organisations=s.organisations,
            places=s.places, jobs=s.jobs, amount=s.amount_nok, area=s.area_daa, words=words,
        )
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
    if not first or first == second:
        return second
    wanted = set(first) | set(second)
    return sorted(wanted, key=lambda t: tax.order.get(t, len(tax.order)))
