"""Hostile minutes through every page and every export (issue #12, findings 5 and 6).

``tests/fixtures/hostile_minutes/`` holds minutes written as an attacker would: Markdown
(images that call another host, links, LaTeX, colours, code), HTML (``<b>``,
``<a href>``, ``<script>``) and spreadsheet formulas (``=HYPERLINK``, ``+cmd|``,
``@SUM``, ``-2+3``) in the organ, the agenda, a unit's name, the statements and
the file name itself.  Text from documents is data: every page must show it
literally, and every download must carry it without running it.

How "literally" is checked: Streamlit renders Markdown in titles, captions,
alerts, expander and tab labels, button and widget labels, help texts and radio
options.  The escaped form of each payload has a backslash inside it (``\\*fet\\*``),
so an element whose Markdown source still holds the bare payload would render it.
Plotly renders a subset of HTML in labels, hovers and ticks: the escaped form is
``&lt;b&gt;``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from google.protobuf.json_format import MessageToDict

from tests.test_app_pages import run_app

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile_minutes"
UNIT = "Ondby *fet* $x$ <b>x</b> `kode` kommune"

# Bare payloads that Markdown would render (image beacon, link, colour, LaTeX, emphasis, code, HTML).
MARKDOWN_PAYLOADS = ("*fet*", "$x$", "$$x^2$$", "<b>", "<a href", "`kode`", ":red[", ":blue-background[",
                     "](http", "<script>", "<img ")  # fmt: skip
# Bare HTML that plotly would render in a label, hover or tick.
PLOTLY_PAYLOADS = ("<b>x</b>", "<b>fet</b>", "<a href", "<i>kursiv</i>", "<script>")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A payload counts only where its first character is not backslash-escaped (``\<a href`` is inert).
BARE_MARKDOWN = re.compile("|".join(r"(?<!\\)" + re.escape(p) for p in MARKDOWN_PAYLOADS))


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    from etl.warehouse.build import build

    folder = tmp_path_factory.mktemp("hostile-input")
    for doc in HOSTILE.iterdir():
        shutil.copy(doc, folder / doc.name)
    shutil.copy(Path(__file__).resolve().parent / "fixtures" / "minutes" / "seed-referat-2025-10-23.txt", folder)
    db = tmp_path_factory.mktemp("hostile-db") / "naering.duckdb"
    report = build(folder, db)
    assert report.ok, report.failures
    return db


@pytest.fixture
def downloads(monkeypatch) -> list[dict]:
    """Every download button a page shows: its label, file name and data (called later, as a click would)."""
    seen: list[dict] = []
    original = st.download_button

    def recording(label, data, *args, **kwargs):
        seen.append({"label": label, "data": data, "file_name": kwargs.get("file_name")})
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return seen


def _hostile_ids(db: Path) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        meeting = con.execute("SELECT meeting_id FROM v_meetings WHERE meeting_date = DATE '2026-02-05'").fetchone()[0]
        sak = con.execute(
            "SELECT m.sak_id FROM v_sak_mentions m JOIN v_statements s USING (statement_id) "
            "WHERE s.unit_name = ? ORDER BY m.sak_id LIMIT 1", [UNIT],
        ).fetchone()[0]  # fmt: skip
    return {"mote": meeting, "sak": sak}


def _page_cases(ids: dict[str, str]) -> list[tuple[str, dict]]:
    return [
        ("oversikt", {}),
        ("saker", {}),
        ("saker", {"sak": ids["sak"]}),
        ("tema", {"tema": "industri"}),
        ("enhet", {"enhet": UNIT}),
        ("moter", {"mote": ids["mote"]}),
        ("kalender", {}),
        ("sok", {"q": "Fabrikken"}),
        ("sok", {"q": "<b>fet</b>"}),
        ("gjennomgang", {}),
        ("moter", {}),
        ("styrepakke", {"tema": "industri"}),
    ]


def _markdown_sources(at) -> list[tuple[str, str]]:
    """(where, markdown source) of every string Streamlit renders as Markdown on the page."""
    out: list[tuple[str, str]] = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success",
                 "toast", "latex"):  # fmt: skip
        for el in at.get(kind):
            out.append((kind, str(getattr(el, "value", "") or getattr(el.proto, "body", ""))))
    for kind in ("expander", "tabs"):
        for el in at.get(kind):
            out.append((kind, str(getattr(el, "label", ""))))
    for kind in ("button", "download_button", "checkbox", "toggle", "radio", "selectbox", "multiselect",
                 "text_input", "text_area", "number_input", "date_input", "slider", "select_slider",
                 "metric"):  # fmt: skip
        for el in at.get(kind):
            d = MessageToDict(el.proto)
            out += [(f"{kind}.label", str(d.get("label", ""))), (f"{kind}.help", str(d.get("help", "")))]
            if kind == "radio":  # radio options are Markdown; selectbox options are plain text
                out += [("radio.option", str(o)) for o in d.get("options", [])]
    return out


def _plotly_strings(at) -> list[str]:
    strings: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            strings.append(node)
        elif isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for chart in at.get("plotly_chart"):
        walk(json.loads(chart.proto.spec))
    return strings


def _check_download(item: dict) -> None:
    """Call the button's data as a click would and check the file carries the payload inertly."""
    name, data = item["file_name"] or "", item["data"]
    assert all(ch not in name for ch in '<>*$`/\\"|?:'), f"unsafe download file name {name!r}"
    blob = data() if callable(data) else data
    blob = blob.encode() if isinstance(blob, str) else blob
    assert isinstance(blob, bytes) and blob, name
    if name.endswith(".csv"):
        for row in csv.reader(io.StringIO(blob.decode("utf-8-sig")), delimiter=";"):
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS) or _is_number(cell), (name, cell)
    elif name.endswith(".xlsx"):
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(blob))
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (name, sheet.title, cell.coordinate, cell.value)
    elif name.endswith(".svg"):
        text = blob.decode()
        assert "evil.example" not in text and "<b>x</b>" not in text and "<a " not in text, name
    elif name.endswith(".pptx"):
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            slides = [z.read(n).decode() for n in z.namelist() if n.startswith("ppt/slides/slide")]
        assert slides and not any("<b>x</b>" in s or "<script>" in s for s in slides), name  # XML-escaped text
    elif name.endswith(".ics"):
        assert blob.startswith(b"BEGIN:VCALENDAR"), name


def _is_number(cell: str) -> bool:
    try:
        float(cell.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
        return True
    except ValueError:
        return False


def test_hostile_fixture_parses_into_every_place_an_attacker_aims_at(hostile_db):
    with duckdb.connect(str(hostile_db), read_only=True) as con:
        units = {r[0] for r in con.execute("SELECT DISTINCT unit_name FROM v_statements").fetchall()}
        texts = " ".join(r[0] for r in con.execute("SELECT text FROM v_statements").fetchall())
        organ, source = con.execute(
            "SELECT organ, source_file FROM v_meetings WHERE meeting_date = DATE '2026-02-05'").fetchone()
    assert UNIT in units
    assert ":red[RØDT]" in organ and "<b>" in source and "**fet**" in source
    for payload in ("=HYPERLINK(", "+cmd|", "@SUM(", "-2+3", "<b>fet</b>", "<a href", "$$x^2$$", ":red[rødt]"):
        assert payload in texts, payload


@pytest.mark.parametrize("case", range(12))
def test_every_page_shows_hostile_text_literally_and_exports_it_inertly(monkeypatch, hostile_db, downloads, case):
    page, params = _page_cases(_hostile_ids(hostile_db))[case]
    at = run_app(monkeypatch, hostile_db, page, params)
    assert not at.exception
    rendered = [(where, src) for where, src in _markdown_sources(at) if BARE_MARKDOWN.search(src)]
    assert not rendered, f"{page}: Markdown would render document text: {rendered[:5]}"
    plotly = [s for s in _plotly_strings(at) for p in PLOTLY_PAYLOADS if p in s]
    assert not plotly, f"{page}: plotly would render document text as HTML: {plotly[:5]}"
    chart_formats_done: set[str] = set()
    for item in downloads:
        ext = (item["file_name"] or "").rsplit(".", 1)[-1]
        if ext in ("png", "pdf") and ext in chart_formats_done:
            continue  # one picture per format per page is enough; SVG (the text-bearing one) is checked always
        chart_formats_done.add(ext)
        _check_download(item)


def test_the_upload_page_lists_a_hostile_file_name_literally(monkeypatch, hostile_db, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for doc in HOSTILE.iterdir():
        shutil.copy(doc, raw / doc.name)
    monkeypatch.setenv("NAERINGSPULS_RAW", str(raw))
    at = run_app(monkeypatch, hostile_db, "legg_til")
    rendered = [(where, src) for where, src in _markdown_sources(at) if BARE_MARKDOWN.search(src)]
    assert not rendered, rendered[:5]
    assert str(raw) not in "\n".join(src for _, src in _markdown_sources(at)), "server path shown to the user"


def test_a_chart_selection_reads_an_escaped_name_back_and_its_caption_escapes_it():
    """Tema's caption of what a click selected shows the unit name from the minutes: never as Markdown."""
    import datetime as dt

    from dashboard import charts
    from dashboard.components.selection import parse_selection, selection_caption
    import pandas as pd

    fig = charts.unit_bars(pd.DataFrame({"unit_name": [UNIT, "Asker kommune"], "n": [3, 5]}))
    shown = list(fig.data[0].customdata[:, 0])
    assert UNIT not in shown and "Ondby *fet* $x$ &lt;b&gt;x&lt;/b&gt; `kode` kommune" in shown
    event = {"selection": {"points": [{"customdata": [shown[shown.index(next(s for s in shown if "Ondby" in s))]]}]}}
    trend = {"selection": {"points": [{"customdata": ["industri", "2026-02-05"]}]}}
    sel = parse_selection(trend, event)
    assert sel.units == [UNIT] and sel.dates == [dt.date(2026, 2, 5)]
    caption = selection_caption(sel, {"industri": "Industri"}, "day", all_themes=3)
    assert not BARE_MARKDOWN.search(caption), caption
    assert caption == ("Utvalg fra diagrammet: møter 05.02.2026; tema Industri; "
                       "Ondby \\*fet\\* \\$x\\$ \\<b\\>x\\</b\\> \\`kode\\` kommune. "
                       "«Fjern utvalg» viser alt igjen.")
