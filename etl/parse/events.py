"""Upcoming events ("Kommende arrangementer"): title, date, organiser, link."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from urllib.parse import urlparse

from etl.extract.dates import MONTHS, find_date_spans
from etl.model import Event, Link, Statement
from etl.parse.lines import URL_RE, Block, prov_for
from etl.parse.round_table import looks_like_unit
from etl.parse.vocabulary import (
    GENERIC_EVENT_GROUPS,
    GENERIC_EVENT_WORDS,
    LINK_STOP_WORDS,
)

SECTION = "events"

_GENERIC_GROUPS = GENERIC_EVENT_GROUPS
_ORG_HINT_RE = re.compile(
    r"kommune|region|næringsutvikling|næringsforening|næringsråd|næringshage|\bAS\b|\bASA\b|forening|klynge|"
    r"cluster|NHO|Innovasjon Norge|universitet|høgskole|fylkeskommune|Business|Osloregionen|Forum|senter|nettverk",
    re.IGNORECASE,
)
_ORG_LABEL_RE = re.compile(r"(?:arrangør|arr\.|i regi av|arrangeres av)\s*:?\s*(?P<org>[^,;()]+)", re.IGNORECASE)
_SKIP_PAREN_RE = re.compile(r"^(kontakt|påmelding|se |lenke|mer info|info|frist|gratis|digitalt|hybrid)", re.I)


def _paren_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]


def parse_event_text(text: str, ref: dt.date | None) -> tuple[str, dt.date | None, str | None]:
    """'Seminar om kjernekraft, Asker kommune (11. november) (kontakt …)' → title, date, organiser."""
    dates = find_date_spans(text, ref)
    event_date = dates[0][0] if dates else None
    # Remove parenthesised dates / contact notes, then a bare date.
    cut: list[tuple[int, int]] = []
    for s, e in _paren_spans(text):
        inner = text[s + 1 : e - 1].strip()
        if any(s <= ds and de <= e for _, ds, de in dates) or _SKIP_PAREN_RE.match(inner):
            cut.append((s, e))
    for _, ds, de in dates[:1]:
        if not any(s <= ds < e for s, e in cut):
            cut.append((ds, de))
    title = text
    for s, e in sorted(cut, reverse=True):
        title = title[:s] + " " + title[e:]
    title = URL_RE.sub(" ", title)  # the link is the event's url, not part of its title
    organiser = None
    m = _ORG_LABEL_RE.search(title)
    if m:
        organiser = m.group("org").strip(" .")
        title = title[: m.start()] + title[m.end() :]
    title = re.sub(r"\(\s*\)", " ", title)
    if organiser is None:  # "(Asker kommune)"
        for pm in re.finditer(r"\(([^()]+)\)", title):
            inner = pm.group(1).strip()
            if not re.search(r"\d", inner) and (_ORG_HINT_RE.search(inner) or looks_like_unit(inner)):
                organiser = inner
                title = title[: pm.start()] + " " + title[pm.end() :]
                break
    title = re.sub(r"\s+", " ", title).strip()
    title = re.sub(r"^(?:kl\.?\s*\d{1,2}[.:]\d{2}\s*)?[:–—\-,]\s*", "", title)
    title = re.sub(r"\s+([,.;:])", r"\1", title).strip(" .,;:–—-")
    sep = next((x for x in (", ", " – ", " — ", " - ") if x in title), None)
    if organiser is None and sep:
        head, tail = title.rsplit(sep, 1)
        tail = tail.strip()
        if tail and tail[0].isupper() and not re.search(r"\d", tail) and len(tail.split()) <= 6:
            if _ORG_HINT_RE.search(tail) or looks_like_unit(tail):
                organiser, title = tail, head.strip()
    return title, event_date, organiser


# --- links -------------------------------------------------------------------------
def fold(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


_STOP = LINK_STOP_WORDS
_GENERIC = GENERIC_EVENT_WORDS


def _tokens(text: str) -> set[str]:
    return {t for t in re.split(r"[^a-z0-9]+", fold(text)) if t and t not in _STOP}


def _token_score(title_tokens: set[str], slug_tokens: set[str]) -> float:
    score = 0.0
    for s in slug_tokens:
        if s.isdigit() or len(s) < 3:
            continue
        for t in title_tokens:
            hit = s == t or (len(s) >= 5 and s in t) or (len(t) >= 5 and t in s)
            hit = hit or (len(s) >= 6 and len(t) >= 6 and s[:7] == t[:7] and len(s[:7]) >= 6)
            if hit:
                score += 0.5 if s in _GENERIC or t in _GENERIC else 1.0
                break
    return score


def _date_in_slug(d: dt.date | None, slug: str | list[str]) -> bool:
    """Is day and month of ``d`` in the slug ("…/27-november-…")? ``slug`` may come split already."""
    if d is None:
        return False
    toks = re.split(r"[^a-z0-9]+", fold(slug)) if isinstance(slug, str) else slug
    month_names = {name for name, num in MONTHS.items() if num == d.month}
    for i, t in enumerate(toks):
        if t == str(d.day) and (
            (i + 1 < len(toks) and toks[i + 1] in month_names) or (i > 0 and toks[i - 1] in month_names)
        ):
            return True
    return False


def match_links(events: list[Event], links: list[Link]) -> None:
    """Give each event the document link that best matches its title and date."""
    scored: list[tuple[float, int, int]] = []
    if not events or not links:
        return
    title_tokens = [_tokens(ev.title) for ev in events]  # once per event, not once per pair
    for li, link in enumerate(links):
        parsed = urlparse(link.url if "://" in link.url else "https://" + link.url)
        host = parsed.netloc.split(":")[0]
        host_tokens = {t for t in host.split(".") if t not in ("www", "no", "com", "org", "osloregionen")}
        slug = f"{' '.join(host_tokens)} {parsed.path}"
        slug_tokens = _tokens(slug)
        path_tokens = re.split(r"[^a-z0-9]+", fold(parsed.path))
        for ei, ev in enumerate(events):
            ts = _token_score(title_tokens[ei], slug_tokens)
            ds = _date_in_slug(ev.event_date, path_tokens)
            if ts >= 1.0 or (ts >= 0.5 and ds):
                scored.append((ts + (2.0 if ds else 0.0), li, ei))
    used_l: set[int] = set()
    used_e: set[int] = set()
    for score, li, ei in sorted(scored, key=lambda x: (-x[0], x[1], x[2])):
        if li in used_l or ei in used_e:
            continue
        events[ei].url = links[li].url
        used_l.add(li)
        used_e.add(ei)


# The group's own next meeting is not an event (it stays a statement of the item).
_OWN_MEETING_RE = re.compile(r"^(?:neste|kommende|nytt) (?:møte|faggruppemøte)\b", re.IGNORECASE)
_COLUMNS = {
    "date": re.compile(r"^(?:dato|når|tidspunkt|tid)$", re.I),
    "title": re.compile(r"^(?:arrangement|arrangementer|hva|tittel|aktivitet|navn)$", re.I),
    "organiser": re.compile(r"^(?:arrangør|arrangører|ansvarlig|i regi av|hvem)$", re.I),
}


def _header_columns(cells: tuple[str, ...]) -> dict[str, int] | None:
    """'Dato | Arrangement | Arrangør' → {"date": 0, "title": 1, "organiser": 2}."""
    cols: dict[str, int] = {}
    for i, c in enumerate(cells):
        for name, pattern in _COLUMNS.items():
            if pattern.match(c.strip().rstrip(":")) and name not in cols:
                cols[name] = i
    return cols if "title" in cols and len(cols) >= 2 else None


def _table_event(cells: tuple[str, ...], cols: dict[str, int], ref: dt.date | None) -> tuple[str, dt.date | None, str | None]:
    def cell(name: str) -> str:
        i = cols.get(name)
        return cells[i].replace("\n", " ").strip() if i is not None and i < len(cells) else ""

    title, when, organiser = parse_event_text(cell("title"), ref)
    dates = find_date_spans(cell("date"), ref)
    return title, (dates[0][0] if dates else when), (cell("organiser") or organiser or None)


def _starts_with_date(text: str, ref: dt.date | None) -> bool:
    spans = find_date_spans(text, ref)
    return bool(spans) and spans[0][1] == 0


def _split_dated_lines(blocks: list[Block], ref: dt.date | None) -> list[Block]:
    """Unbulleted lines that each start with a date are separate events, even when the
    line breaks between them were lost and they were read as one paragraph."""
    out: list[Block] = []
    for b in blocks:
        content = b.content
        if b.is_bullet or b.first.cells is not None or len(content) < 2:
            out.append(b)
        elif all(_starts_with_date(ln.text, ref) for ln in content):
            out.extend(Block([ln]) for ln in content)
        else:
            out.append(b)
    return out


def events_from_blocks(
    blocks: list[Block], source_file: str, item_no: str | None, ref: dt.date | None
) -> tuple[list[Event], list[Statement]]:
    events: list[Event] = []
    stmts: list[Statement] = []
    group: str | None = None
    cols: dict[str, int] | None = None
    for b in _split_dated_lines(blocks, ref):
        if b.is_url:
            continue
        text = b.text
        if b.first.cells is not None:
            header = _header_columns(b.first.cells)
            if header is not None:
                cols = header
                continue
            cells = [c for c in (b.first.cells or ()) if c.strip()]
            if not cells or not find_date_spans(" ".join(cells), ref):
                continue
            text = ", ".join(c.replace("\n", " ") for c in cells)
            if cols is not None:
                prov = prov_for(b.lines, source_file)
                stmts.append(Statement(SECTION, text, prov, item_no=item_no))
                title, when, organiser = _table_event(b.first.cells, cols, ref)
                events.append(Event(title=title, prov=prov, event_date=when, organiser=organiser or group))
                continue
        elif b.first.heading or (b.is_label and not find_date_spans(text, ref)):
            label = text.rstrip(":").strip()
            group = None if label.lower() in _GENERIC_GROUPS else label
            continue
        prov = prov_for(b.lines, source_file)
        stmts.append(Statement(SECTION, text, prov, item_no=item_no))
        if _OWN_MEETING_RE.match(text):
            continue  # "Neste møte: 11. juni" — a statement, not an event
        title, when, organiser = parse_event_text(text, ref)
        if when is None and not b.is_bullet:
            continue  # a remark, not an event
        events.append(Event(title=title, prov=prov, event_date=when, organiser=organiser or group))
    return events, stmts
