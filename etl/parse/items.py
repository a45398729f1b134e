"""Agenda items: heading detection, number normalisation, kind, and a decision on the heading line
(the decision inside an item is read by ``decisions``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.parse.decisions import label_heading
from etl.parse.heading_text import (
    clean_title,
    heading_decision,
    plausible_title,
    title_and_rest,
)
from etl.parse.lines import Line
from etl.parse.vocabulary import (
    AGENDA_LIST_HEADINGS,
    CASE_TYPES,
    CASE_WORDS,
    ITEM_KIND_PATTERNS,
    MONTHS,
    STANDARD_TITLES,
    TITLE_LABELS,
    WEEKDAYS,
    alternation,
)

_NO = r"\d{1,3}(?:\s*/\s*\d{1,4})?|\d{4}\s*/\s*\d{1,4}"
# "Sak 3", "Sak nr.: 14/26", "Saksnr. 2/24", "Punkt 3": the case word is dropped from the number.
_SAK_RE = re.compile(
    rf"^(?:{alternation(CASE_WORDS)})\.?\s*(?:nr\.?\s*)?:?\s*(?P<no>{_NO})\b\s*[.:)\-–—]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
# "PS 1/26", "OS 2/26", "SR-sak 32/14", "AU-sak 3/25": a case type kept in the number.
_TYPED_RE = re.compile(
    rf"^(?P<type>(?:{'|'.join(CASE_TYPES)})|[A-ZÆØÅ]{{1,5}}-sak)\s*(?:nr\.?\s*)?(?P<no>\d{{1,3}}\s*/\s*\d{{2,4}}|\d{{1,3}})\b"
    r"\s*[.:)\-–—]?\s*(?P<title>.*)$"
)
# A time-slot programme: "Kl. 12:10 Åpning", "09.00–09.30 Runde rundt bordet".
_SLOT_RE = re.compile(
    r"^(?:kl\.?\s*)?(?P<no>\d{1,2}[:.]\d{2})(?:\s*[-–—]\s*\d{1,2}[:.]\d{2})?\s*[:.–—-]?\s+(?P<title>[A-ZÆØÅ«\"].*)$",
    re.IGNORECASE,
)
_DAY_LINE_RE = re.compile(
    rf"^(?:{alternation(WEEKDAYS)})\s+(?:den\s+)?\d{{1,2}}\.\s*(?:{alternation(tuple(MONTHS))})?\.?(?:\s+\d{{4}})?\s*:?$", re.IGNORECASE
)
_SLOT_FIRST = frozenset("0123456789kK")
_SLOT_NO_RE = re.compile(r"\d{1,2}[:.]\d{2}")
# "2/25 Orientering frå kommunane": a case number with its year and no case word.
_YEAR_CASE_RE = re.compile(r"^(?P<no>(?P<n>\d{1,3})\s*/\s*(?P<y>\d{2}|\d{4}))\s+(?P<title>[A-ZÆØÅ«\"].*)$")
# "1: Godkjenning av innkalling": a number and a colon (no list marker for the cleaner).
_COLON_NO_RE = re.compile(r"^(?P<no>\d{1,2}):\s+(?P<title>[A-ZÆØÅ«\"].*)$")
# Standard item titles recognised without a number or heading style (after the first item).
_STANDARD_TITLE_RE = re.compile(rf"^(?:{alternation(STANDARD_TITLES)})\s*:?$", re.IGNORECASE)
_ROMAN_RE = re.compile(r"^(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})$")  # upper case only: "i." is a list
_ROMAN_TITLE_RE = re.compile(r"^(?P<no>(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3}))[.)]\s+(?P<title>\S.*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


_CASE_TYPE_PREFIX_RE = re.compile(r"^[A-ZÆØÅa-zæøå-]+\s+(?=\d)")
_YEAR_NO_RE = re.compile(r"(\d{4})/(\d{1,4})$")
_DIGITS_RE = re.compile(r"\d+")
_SPACES_RE = re.compile(r"\s+")
_SLASH_RE = re.compile(r"\s*/\s*")


def number_value(no: str) -> int | None:
    """The item's integer: '03/26' → 3, '2026/14' → 14, 'PS 1/26' → 1, 'IV' → 4, '' → None."""
    if ":" in no:
        return None  # a time slot
    no = _CASE_TYPE_PREFIX_RE.sub("", no)  # "PS 1/26", "SR-sak 32/14"
    m = _YEAR_NO_RE.match(no) or _DIGITS_RE.match(no)  # "2026/14": item 14 of 2026
    if m:
        return int(m.group(m.lastindex or 0))
    if no and _ROMAN_RE.match(no):
        vals = [_ROMAN_VALUES[c] for c in no]
        return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    return None


_NUM_TITLE_RE = re.compile(r"^(?P<no>\d{1,2})[.):]?\s+(?P<title>\S.*)$")

# Title keywords → ItemKind, checked in this order (etl.parse.vocabulary).
KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in ITEM_KIND_PATTERNS
)

KIND_TO_SECTION = {
    "round_table": "round_table",
    "action_programme": "action_programme",
    "secretariat": "secretariat",
    "events": "events",
    "any_other_business": "other",
    "other": "agenda",
    "approval": None,  # approvals are decisions, not statements
}


def item_kind(title: str) -> str:
    t = title.strip()
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(t):
            return kind
    return "other"


def normalise_number(no: str) -> str:
    """'1' → '1', '03 / 26' → '03/26', 'PS  1 / 26' → 'PS 1/26'."""
    return _SLASH_RE.sub("/", _SPACES_RE.sub(" ", no.strip()))


@dataclass(slots=True)
class ItemSpan:
    heading: Line
    number: str
    title: str
    body: list[Line] = field(default_factory=list)
    numbered: bool = True  # the number is printed (not counted on from the previous item)


def _typed(text: str) -> re.Match[str] | None:
    """'PS 1/26 …', 'SR-sak 32/14 …' (a cheap look at the first characters before the pattern)."""
    if (text[:2].isupper() and text[2:3] in " 0123456789") or "-sak" in text[:10].lower():
        return _TYPED_RE.match(text)
    return None


def _bullet_topics(lines: list[Line]) -> tuple[list[Line], list[ItemSpan]] | None:
    """Minutes written as one bullet list (web pages, e-mails): no numbered or headed items, but
    outer bullets that are short topics, each over more deeply indented bullets with its text
    ("• Økonomiplan 2021 (JB)" over "  • Vedtak: …"). Each topic is an item; None otherwise."""
    bullets = [i for i, ln in enumerate(lines) if ln.is_bullet and ln.cells is None and not ln.noise]
    if len(bullets) < 4:
        return None
    outer = min(lines[i].indent for i in bullets)
    tops = [i for i in bullets if lines[i].indent == outer]
    if len(tops) < 2:
        return None
    for k, i in enumerate(tops):
        nxt = next((j for j in range(i + 1, len(lines)) if not lines[j].blank and not lines[j].noise), None)
        text = lines[i].text
        if (
            nxt is None or not lines[nxt].is_bullet or lines[nxt].indent <= outer
            or len(text.split()) > 10 or text.rstrip().endswith((".", "!", "?"))
        ):
            return None  # an outer bullet that is a sentence, or has nothing under it: a plain list
    spans = [ItemSpan(lines[i], "", clean_title(lines[i].text), [], False) for i in tops]
    for k, i in enumerate(tops):
        end = tops[k + 1] if k + 1 < len(tops) else len(lines)
        spans[k].body = lines[i + 1 : end]
    return lines[: tops[0]], spans


def _has_cases(lines: list[Line]) -> bool:
    """Two or more numbered case headings ("Sak 21/24 …", "PS 3/26 …"): the document's items."""
    found = 0
    for ln in lines:
        if ln.cells is None and not ln.noise and ln.text[:1].isalpha() and (m := _typed(ln.text) or _SAK_RE.match(ln.text)):
            found += bool(m.group("no"))
            if found == 2:
                return True
    return False


def _year_cases(lines: list[Line]) -> frozenset[str]:
    """The years of bare case numbers ("1/25 …", "2/25 …"): those with two consecutive numbers. A
    single "24/12 Julebord" (a date) or "24/12" and "31/12" are no cases."""
    seen: dict[str, set[int]] = {}
    for ln in lines:
        if ln.text[:1].isdigit() and ln.cells is None and not ln.noise and (m := _YEAR_CASE_RE.match(ln.text)):
            seen.setdefault(m.group("y"), set()).add(int(m.group("n")))
    return frozenset(y for y, ns in seen.items() if any(n + 1 in ns for n in ns))


def _heading_candidate(ln: Line, slots: bool, year_cases: frozenset[str] = frozenset()) -> tuple[str, str, bool] | None:
    """(number, title, explicit) if the line could open an agenda item."""
    if ln.cells is not None or ln.blank or ln.noise:
        return None
    if ln.marker and ln.marker not in ("list",) and ln.marker[-1] in ".)" and (
        ln.marker[0].isdigit() or _ROMAN_RE.match(ln.marker[:-1])
    ):
        # "3. Runde rundt bordet" / "II. Runde rundt bordet" as a numbered line
        if ln.level == 1 and ln.indent < 3:
            return ln.marker[:-1], clean_title(ln.text), False
        return None
    if ln.is_bullet:
        return None
    first = ln.text[:1]
    m = (_typed(ln.text) or _SAK_RE.match(ln.text)) if first.isalpha() else None
    if m and (m.group("title") or ln.heading):
        no = normalise_number(m.group("no"))
        if "type" in m.groupdict():
            no = f"{m.group('type')} {no}"
        return no, clean_title(m.group("title")), True
    if slots and (m := _SLOT_RE.match(ln.text)):
        return m.group("no"), clean_title(m.group("title")), True
    if year_cases and first.isdigit() and (m := _YEAR_CASE_RE.match(ln.text)) and m.group("y") in year_cases:
        return normalise_number(m.group("no")), clean_title(m.group("title")), True
    if first.isdigit() and (m := _COLON_NO_RE.match(ln.text)) is not None:
        return m.group("no"), clean_title(m.group("title")), False
    if not ln.heading and _STANDARD_TITLE_RE.match(ln.text):
        return "", clean_title(ln.text), True  # "Eventuelt" on a line of its own
    if ln.heading:
        m = _NUM_TITLE_RE.match(ln.text) or _ROMAN_TITLE_RE.match(ln.text)
        if m:
            return m.group("no"), clean_title(m.group("title")), True
        return "", clean_title(ln.text), True
    return None


_TITLE_LABEL_RE = re.compile(rf"^(?:{alternation(TITLE_LABELS)})\s*:\s*(?P<title>\S.*)$", re.IGNORECASE)


def _bare_case(ln: Line, lines: list[Line], idx: int) -> tuple[tuple[str, str, bool], int] | None:
    """'Sak nr.: 14/26' alone on its line, the title on the next ('Tittel: Budsjett 2027'
    or a short line): (candidate, index of the title line)."""
    if len(ln.text) > 30 or ln.cells is not None or ln.is_bullet or ln.heading or not ln.text[:1].isalpha():
        return None  # a bare case line is short: "Sak nr.: 14/26", "SR-sak 32/14"
    m = _typed(ln.text) or _SAK_RE.match(ln.text)
    if m is None or m.group("title"):
        return None
    nxt = next((j for j in range(idx + 1, min(idx + 4, len(lines))) if not lines[j].blank and not lines[j].noise), None)
    if nxt is None or lines[nxt].cells is not None or lines[nxt].is_bullet:
        return None
    text = lines[nxt].text
    t = _TITLE_LABEL_RE.match(text)
    title = t.group("title") if t else (text if plausible_title(text) and not text.endswith(":") else None)
    if title is None:
        return None
    no = normalise_number(m.group("no"))
    if "type" in m.groupdict():
        no = f"{m.group('type')} {no}"
    return (no, clean_title(title), True), nxt


_AGENDA_LABEL_RE = re.compile(
    rf"^(?:{alternation(AGENDA_LIST_HEADINGS)}|(?:til ?stede|til stades|deltakere|deltagere|møtt|forfall)(?: på møtet)?\s*:)\s*:?$",
    re.IGNORECASE,
)
_AGENDA_HEADING_RE = re.compile(rf"^(?:{alternation(AGENDA_LIST_HEADINGS)})\s*:?$", re.IGNORECASE)
_COLUMNS_RE = re.compile(r"\S(?:\s{2,}|\t)\S")
_SUBNO_RE = re.compile(r"^(?P<no>\d{1,2})\.(?P<sub>\d{1,2})\.?\s+(?P<title>[A-ZÆØÅ«\"].*)$")
_ROW_NO_RE = re.compile(rf"^(?:(?P<type>(?:{'|'.join(CASE_TYPES)})|[A-ZÆØÅ]{{1,5}}-sak)\s*|(?:sak|saksnr)\.?\s*)?(?P<no>{_NO})\.?$", re.IGNORECASE)


def _sub_heading(ln: Line, item_no: int) -> bool:
    """'2.1 Oslo kommune' inside item 2 is a sub-heading; the line becomes a heading."""
    if ln.cells is not None or ln.heading or ln.is_bullet or ln.blank or ln.noise:
        return False
    m = _SUBNO_RE.match(ln.text)
    if not m or int(m.group("no")) != item_no:
        return False
    title = m.group("title").strip()
    if len(title.split()) > 10 or title.endswith((".", ",", ";")):
        return False
    ln.text, ln.heading = title, 4
    return True


def _listed_item(ln: Line) -> ItemSpan | None:
    """An entry of the agenda announced up front: a numbered line, a case line or a
    table row 'PS 1/26 | Godkjenning av innkalling'."""
    row = ln.cells if ln.cells is not None else (ln.text.split("|") if ln.text.count("|") >= 1 else None)
    if row is not None:  # a table row, or one copied as text "PS 1/26 | Godkjenning | 2"
        cells = [c.strip() for c in row if c.strip()]
        m = _ROW_NO_RE.match(cells[0]) if len(cells) >= 2 else None
        if m is None or not plausible_title(cells[1]):
            return None
        no = normalise_number(m.group("no"))
        return ItemSpan(ln, f"{m.group('type')} {no}" if m.group("type") else no, clean_title(cells[1]))
    cand = _heading_candidate(ln, slots=False)
    if cand is None or not cand[0] or not plausible_title(cand[1]):
        return None
    return ItemSpan(ln, cand[0], cand[1])


def _norm(text: str) -> str:
    return _SPACES_RE.sub(" ", text.casefold()).strip(" .:")


def _drop_listings(preamble: list[Line], items: list[ItemSpan]) -> list[ItemSpan]:
    """A sakliste or table of contents read as items: an item whose number (or, when
    unnumbered, title) comes again later is the listing, not the item. Its heading is
    page furniture; text under it goes back where it stood."""
    keep: list[ItemSpan] = []
    numbers = [it.number.casefold() if it.numbered else None for it in items]
    titles = [_norm(it.title) for it in items]
    for i, it in enumerate(items):
        no, title = numbers[i], titles[i]
        if no and not _SLOT_NO_RE.fullmatch(no):
            dup = no in numbers[i + 1 :]
        elif no:  # a time slot comes again on the next day: the title must match too
            dup = any(numbers[j] == no and titles[j] == title for j in range(i + 1, len(items)))
        else:
            dup = title in titles[i + 1 :]
        if not dup:
            keep.append(it)
            continue
        it.heading.noise = True
        (keep[-1].body if keep else preamble).extend([it.heading, *it.body])
    return keep


def split_items(lines: list[Line]) -> tuple[list[Line], list[ItemSpan]]:
    """Split the document into a preamble and agenda items.

    A numbered list or table right after "Saksliste"/"Dagsorden" is the agenda
    announced up front, not the items (unless no items follow: a notice); an item
    number met again later marks the earlier line as a listing; "2.1 Oslo kommune"
    inside item 2 is a sub-heading; an unnumbered Word/Markdown heading at the level
    of earlier item headings is an item too (Word's automatic heading numbers are
    not in the text); "Kl. 12:10 Åpning" lines are items of a time-slot programme.
    """
    preamble: list[Line] = []
    items: list[ItemSpan] = []
    listed: list[ItemSpan] = []  # the agenda announced up front
    last_no = 0  # last integer item number seen
    list_no: int | None = None  # a running numbered list that is not agenda items
    agenda_list = False  # inside the "Saksliste" list before the items
    gap = False  # a blank line since the last line of that list
    agenda_entries = first_row = False  # the list is the agenda (not attendees); at its first line
    listed_header: list[Line] = []
    item_levels: set[int] = set()  # heading levels of accepted item headings
    slots = (
        sum(
            1
            for ln in lines
            if ln.text[:1] in _SLOT_FIRST and ln.cells is None and not ln.is_bullet and not ln.noise and _SLOT_RE.match(ln.text)
        )
        >= 2
        and not _has_cases(lines)  # a programme in clock times before numbered cases is a schedule
    )
    consumed: set[int] = set()  # indexes of title lines read with the case number above them
    year_cases = _year_cases(lines)
    for idx, ln in enumerate(lines):
        if idx in consumed:
            continue
        if not items and ln.cells is None and not ln.noise and len(ln.text) < 40 and _AGENDA_LABEL_RE.match(ln.text) and not ln.is_bullet:
            agenda_list = True
            agenda_entries = not ln.text.rstrip().endswith(":") or _AGENDA_HEADING_RE.match(ln.text) is not None
            first_row = True
            preamble.append(ln)
            continue
        if agenda_list and ln.blank:
            gap = True
        if agenda_list and not ln.blank and not ln.noise:
            # A case line after a blank line is the first real item, not the list.
            listing = agenda_entries and not ln.heading and (ln.numbered or ln.cells is not None or not gap)
            entry = _listed_item(ln) if listing else None
            header_row = agenda_entries and first_row and (
                ln.cells is not None
                or ((_COLUMNS_RE.search(ln.text) is not None or "|" in ln.text) and len(ln.text.split()) <= 8
                    and not any(ch.isdigit() for ch in ln.text))
            )  # "Saksnr | Tittel" or "Saksnr      Innhold" over the list (a row with a case number is an entry)
            agenda_list = (ln.numbered and not ln.heading) or entry is not None or header_row
            restart = entry is not None and listed and (number_value(entry.number) or 0) <= (
                number_value(listed[-1].number) or 0
            )
            if restart and gap:  # "1. Godkjenning" again after the list: the items begin
                agenda_list, entry = False, None
            if header_row:
                listed_header.append(ln)
            gap = first_row = False
            if agenda_list:
                if entry is not None:
                    listed.append(entry)
                preamble.append(ln)
                continue
        if slots and ln.cells is None and _DAY_LINE_RE.match(ln.text):
            ln.heading = ln.heading or 6  # "Fredag 19. september" over the day's time slots
            (items[-1].body if items else preamble).append(ln)
            continue
        if items and last_no and _sub_heading(ln, last_no):
            items[-1].body.append(ln)
            continue
        cand = _heading_candidate(ln, slots and (not items or _SLOT_NO_RE.fullmatch(items[0].number) is not None),
                                  year_cases)
        if cand is None and (bare := _bare_case(ln, lines, idx)) is not None:
            cand, title_idx = bare
            consumed.add(title_idx)
        accepted = False
        extra: list[Line] = []
        numbered = True
        if cand is not None:
            no, title, explicit = cand
            kind = item_kind(title) if title else "other"
            if explicit and no:
                split = title_and_rest(ln, title) if title else (title, [])
                accepted = split is not None and (bool(split[0]) or ln.heading > 0)
                if split is not None:
                    title, extra = split
            elif explicit and label_heading(ln.text):  # a bold "Vedtak:" is the item's, never an item
                accepted = False
            elif explicit:  # unnumbered markdown / Word heading, or a standard title line
                # At the level of item headings, unless every item so far printed its number
                # ("I.", "II.", "Sak 3"): then an unnumbered heading is a sub-heading ("Eidsvoll kommune").
                same_level = ln.heading in item_levels and not (items and all(it.numbered for it in items))
                accepted = (kind != "other" or same_level) and bool(
                    items or (kind in ("approval", "round_table") and ln.heading)
                )
                no, numbered = str(last_no + 1), False
                if accepted and (decided := heading_decision(ln, title)) is not None:
                    title, extra = decided
            else:
                n = number_value(no) or 0
                sequential = n == last_no + 1
                in_list = list_no is not None and n == list_no + 1
                split = title_and_rest(ln, title) if sequential and not in_list else None
                accepted = split is not None
                if accepted and split is not None:
                    title, extra = split
                if not accepted:
                    list_no = n
            if accepted:
                value = number_value(no)
                if value is not None:
                    last_no = value
                list_no = None
                if ln.heading:
                    item_levels.add(ln.heading)
                items.append(ItemSpan(ln, no, title, extra, numbered))
                continue
        (items[-1].body if items else preamble).append(ln)
    if not items and not listed and (topics := _bullet_topics(preamble)) is not None:
        return topics
    if not items and listed:  # a notice: the sakliste is the agenda
        used = {id(it.heading) for it in listed}
        return [ln for ln in preamble if id(ln) not in used], listed
    for ln in [*listed_header, *(it.heading for it in listed)]:
        ln.noise = True  # the agenda announced up front is furniture once the items follow
    numbers = {_norm(it.title): it.number for it in listed}
    for it in items:  # Word numbers its headings itself: the sakliste printed the number
        if not it.numbered and _norm(it.title) in numbers:
            it.number, it.numbered = numbers[_norm(it.title)], True
    return preamble, _drop_listings(preamble, items)
