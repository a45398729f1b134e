"""Agenda items: heading detection, number normalisation, kind and decision."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.parse.lines import Block, Line

_SAK_RE = re.compile(
    r"^(?:sak|saksnr\.?|punkt)\s*(?:nr\.?\s*)?(?P<no>\d{1,3}(?:\s*/\s*\d{1,4})?|\d{4}\s*/\s*\d{1,4})\b\s*[.:)\-–—]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
# Standard item titles recognised without a number or heading style (after the first item).
_STANDARD_TITLE_RE = re.compile(
    r"^(?:eventuelt|evt\.?|runde rundt bordet|bordrunde|kommende arrangementer|orienteringer fra sekretariatet)\s*:?$",
    re.IGNORECASE,
)
_ROMAN_RE = re.compile(r"^(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})$")  # upper case only: "i." is a list
_ROMAN_TITLE_RE = re.compile(r"^(?P<no>(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3}))[.)]\s+(?P<title>\S.*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def number_value(no: str) -> int | None:
    """The item's integer: '03/26' → 3, '2026/14' → 14, 'IV' → 4, '' → None."""
    m = re.match(r"(\d{4})/(\d{1,4})$", no) or re.match(r"\d+", no)  # "2026/14": item 14 of 2026
    if m:
        return int(m.group(m.lastindex or 0))
    if no and _ROMAN_RE.match(no):
        vals = [_ROMAN_VALUES[c] for c in no]
        return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    return None


_NUM_TITLE_RE = re.compile(r"^(?P<no>\d{1,2})[.):]?\s+(?P<title>\S.*)$")

# Title keywords → ItemKind, checked in this order.
KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "approval",
        re.compile(
            r"godkjenning av (innkalling|dagsorden|saksliste|referat|møtebok|protokoll)|"
            r"^(innkalling|dagsorden|saksliste)\b|referat fra (forrige|siste)|konstituering",
            re.IGNORECASE,
        ),
    ),
    (
        "round_table",
        re.compile(
            r"rundt bordet|bordrunde|runde(n)? (fra|blant|med) |"
            r"(orientering(er)?|nytt|status|aktuelt|oppdatering(er)?|informasjon|innspill) fra "
            r"(kommunene|medlemmene|regionene|deltakerne|medlemskommunene|regionrådene|eierne)|"
            r"gjensidig orientering|erfaringsutveksling",
            re.IGNORECASE,
        ),
    ),
    ("action_programme", re.compile(r"handlingsprogram|handlingsplan|arbeidsprogram", re.IGNORECASE)),
    ("secretariat", re.compile(r"sekretariat", re.IGNORECASE)),
    (
        "events",
        re.compile(r"arrangement|kalender|konferanser og|kommende (møter|aktiviteter)|aktiviteter fremover", re.I),
    ),
    ("any_other_business", re.compile(r"^eventuelt\b|^evt\.?$|\beventuelt$", re.IGNORECASE)),
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
    """'1' → '1', '03 / 26' → '03/26'."""
    return re.sub(r"\s+", "", no)


def _clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", title.strip().strip("*").strip()).rstrip(":").strip()


@dataclass(slots=True)
class ItemSpan:
    heading: Line
    number: str
    title: str
    body: list[Line] = field(default_factory=list)


def _heading_candidate(ln: Line) -> tuple[str, str, bool] | None:
    """(number, title, explicit) if the line could open an agenda item."""
    if ln.cells is not None or ln.blank or ln.noise:
        return None
    if ln.marker and ln.marker not in ("list",) and ln.marker[-1] in ".)" and (
        ln.marker[0].isdigit() or _ROMAN_RE.match(ln.marker[:-1])
    ):
        # "3. Runde rundt bordet" / "II. Runde rundt bordet" as a numbered line
        if ln.level == 1 and ln.indent < 3:
            return ln.marker[:-1], _clean_title(ln.text), False
        return None
    if ln.is_bullet:
        return None
    m = _SAK_RE.match(ln.text)
    if m and (m.group("title") or ln.heading):
        return normalise_number(m.group("no")), _clean_title(m.group("title")), True
    if not ln.heading and _STANDARD_TITLE_RE.match(ln.text):
        return "", _clean_title(ln.text), True  # "Eventuelt" on a line of its own
    if ln.heading:
        m = _NUM_TITLE_RE.match(ln.text) or _ROMAN_TITLE_RE.match(ln.text)
        if m:
            return m.group("no"), _clean_title(m.group("title")), True
        return "", _clean_title(ln.text), True
    return None


def _plausible_title(title: str) -> bool:
    words = title.split()
    return 0 < len(words) <= 14 and not title.endswith((".", ",", ";")) and (title[0].isupper() or title[0] in "«\"")


# A numbered list under these labels is the agenda announced up front or the attendee
# list ("Deltakere:" / "1. Ole Dahl, Ullensaker kommune"), never agenda items.
_AGENDA_LABEL_RE = re.compile(
    r"^(?:saksliste|sakliste|dagsorden|agenda|(?:til ?stede|deltakere|deltagere|møtt|forfall)(?: på møtet)?\s*:)\s*:?$",
    re.IGNORECASE,
)
_SUBNO_RE = re.compile(r"^(?P<no>\d{1,2})\.(?P<sub>\d{1,2})\.?\s+(?P<title>[A-ZÆØÅ«\"].*)$")


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


def split_items(lines: list[Line]) -> tuple[list[Line], list[ItemSpan]]:
    """Split the document into a preamble and agenda items.

    A numbered list right after "Saksliste"/"Dagsorden" is the agenda announced up
    front, not the items; "2.1 Oslo kommune" inside item 2 is a sub-heading; an
    unnumbered Word/Markdown heading at the level of earlier item headings is an
    item too (Word's automatic heading numbers are not in the text).
    """
    preamble: list[Line] = []
    items: list[ItemSpan] = []
    last_no = 0  # last integer item number seen
    list_no: int | None = None  # a running numbered list that is not agenda items
    agenda_list = False  # inside the "Saksliste" list before the items
    item_levels: set[int] = set()  # heading levels of accepted item headings
    for ln in lines:
        if not items and ln.cells is None and _AGENDA_LABEL_RE.match(ln.text) and not ln.is_bullet:
            agenda_list = True
            preamble.append(ln)
            continue
        if agenda_list and not ln.blank and not ln.noise:
            agenda_list = ln.numbered and not ln.heading
            if agenda_list:
                preamble.append(ln)
                continue
        if items and last_no and _sub_heading(ln, last_no):
            items[-1].body.append(ln)
            continue
        cand = _heading_candidate(ln)
        accepted = False
        if cand is not None:
            no, title, explicit = cand
            kind = item_kind(title) if title else "other"
            if explicit and no:
                accepted = bool(title) or ln.heading > 0
            elif explicit:  # unnumbered markdown / Word heading, or a standard title line
                accepted = (kind != "other" or ln.heading in item_levels) and bool(
                    items or (kind in ("approval", "round_table") and ln.heading)
                )
                no = str(last_no + 1)
            else:
                n = number_value(no) or 0
                sequential = n == last_no + 1
                in_list = list_no is not None and n == list_no + 1
                accepted = sequential and not in_list and _plausible_title(title)
                if not accepted:
                    list_no = n
            if accepted:
                value = number_value(no)
                if value is not None:
                    last_no = value
                list_no = None
                if ln.heading:
                    item_levels.add(ln.heading)
                items.append(ItemSpan(ln, no, title))
                continue
        (items[-1].body if items else preamble).append(ln)
    return preamble, items


# --- decisions ----------------------------------------------------------------
_DECISION_LABEL_RE = re.compile(r"^(vedtak|konklusjon|beslutning|vedtatt)\s*[:.–-]\s*(?P<rest>.*)$", re.I)
_NOT_HANDLED_RE = re.compile(r"^(ikke behandlet|saken (ble )?utsatt|utsatt\b|saken utgår|utgikk)", re.I)
_APPROVED_RE = re.compile(r"\b(ble|er|blir) (enstemmig )?(godkjent|vedtatt)\b|\bgodkjennes\b|\bvedtas\b", re.I)
_APPROVAL_WORD_RE = re.compile(r"\bgodkjen|\bvedtatt\b|\bingen merknader\b", re.I)


def take_decision(blocks: list[Block], kind: str) -> tuple[str | None, list[Block]]:
    """Pull the decision out of an item's blocks; return (decision, remaining blocks)."""
    decisions: list[str] = []
    rest: list[Block] = []
    pending_label = False
    for b in blocks:
        if b.first.cells is not None:
            rest.append(b)
            continue
        text = b.text
        if pending_label and not b.is_bullet:
            decisions.append(text)
            pending_label = False
            continue
        pending_label = False
        m = _DECISION_LABEL_RE.match(text)
        if m and not b.first.heading:
            if m.group("rest"):
                decisions.append(m.group("rest").strip())
            else:
                pending_label = True
            continue
        if not b.is_bullet and _NOT_HANDLED_RE.match(text):
            decisions.append(text)
            continue
        if kind == "approval" and _APPROVAL_WORD_RE.search(text):
            decisions.append(text)
            continue
        if kind not in ("round_table", "events") and not b.is_bullet and _APPROVED_RE.search(text):
            decisions.append(text)
            continue
        rest.append(b)
    return (" ".join(decisions) if decisions else None), rest
