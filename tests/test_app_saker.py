"""AppTest for Saker (/saker), the links from statements to their sak, and the register's
counts in the board pack."""

from __future__ import annotations

import io
import json

import duckdb
import pytest
from pptx import Presentation

from test_app_pages import run_app, spec, statements_table, table_text


@pytest.fixture(autouse=True)
def no_first_chart_pause(monkeypatch):
    from dashboard.components import downloads

    monkeypatch.setattr(downloads, "FIRST_CHART_PAUSE_S", 0.0)


def sak_id(db, like: str) -> str:
    """The sak of the statement whose text is ``like`` (a LIKE pattern)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT sak_id FROM v_sak_mentions WHERE text LIKE ? ORDER BY meeting_date, sak_id",
                           [like]).fetchone()[0]


def test_url_filters_narrow_the_register(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "saker", {"type": "nedleggelse", "status": "nedlagt"})
    assert at.multiselect(key="saker.type").value == ["nedleggelse"]
    assert at.multiselect(key="saker.status").value == ["nedlagt"]
    rows = table_text(at, 0)
    assert rows and {r["Type"] for r in rows} == {"Nedleggelse"} and {r["Status"] for r in rows} == {"Nedlagt/tapte jobber"}
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        n = con.execute("SELECT count(*) FROM v_saker WHERE kind = 'nedleggelse' AND status = 'nedlagt'").fetchone()[0]
    assert len(rows) == n
    at = run_app(monkeypatch, fixture_db, "saker", {"q": "Blowtech"})
    assert at.text_input(key="saker.q").value == "Blowtech"
    rows = table_text(at, 0)
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        n = con.execute("SELECT count(*) FROM v_saker WHERE title ILIKE '%blowtech%' "
                        "OR list_contains(organisations, 'Blowtech')").fetchone()[0]
    assert len(rows) == n > 0 and all("Blowtech" in r["Sak"] for r in rows)


def test_filters_write_the_url(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "saker")
    at.multiselect(key="saker.type").set_value(["datasenter"]).run()
    assert at.query_params["type"] in ("datasenter", ["datasenter"])
    assert {r["Type"] for r in table_text(at, 0)} == {"Datasenter"}
    region = at.multiselect(key="saker.region").options[0]
    at.multiselect(key="saker.region").set_value([region]).run()
    assert not at.exception and "region" in at.query_params


def test_a_sak_opens_with_its_timeline_quotes_and_sources(monkeypatch, fixture_db):
    sid = sak_id(fixture_db, "Chemring Nobel har åpnet den nye fabrikken i Heggedal%")
    at = run_app(monkeypatch, fixture_db, "saker", {"sak": sid})
    assert at.selectbox(key="saker.sak").value == sid
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        title = con.execute("SELECT title FROM v_saker WHERE sak_id = ?", [sid]).fetchone()[0]
    assert at.subheader[0].value.replace("\\", "") == title  # shown escaped: text, never Markdown
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        mentions = con.execute("SELECT count(*) FROM v_sak_mentions WHERE sak_id = ?", [sid]).fetchone()[0]
    timeline = spec(at, 0)
    assert len(timeline["data"][0]["x"]) == mentions > 1
    assert "Åpnet/i drift" in timeline["data"][0]["y"]
    text = "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)
    assert "Heggedal" in text and "Kilde:" in text
    links = [p for p in at.get("page_link") if p.proto.label == "Se i referatet"]
    assert len(links) == mentions and all("mote=" in p.proto.query_string for p in links)


def test_choosing_a_sak_writes_the_url_and_an_unknown_one_says_so(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "saker")
    blowtech = sak_id(seed_db, "Nedleggelse av Blowtech%")
    at.selectbox(key="saker.sak").set_value(blowtech).run()
    assert at.query_params["sak"] in (blowtech, [blowtech])
    assert any(m.label == "Arbeidsplasser" and m.value == "70" for m in at.metric)
    at = run_app(monkeypatch, seed_db, "saker", {"sak": "sak-0000000000"})
    assert any("0000000000" in w.value and "Fant ingen sak" in w.value for w in at.warning)


def test_the_map_places_every_sak_and_is_offline(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "saker")
    fig = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if "Saker på kartet" in c.proto.alt)
    ids = [d[0] for t in fig["data"] if t.get("customdata") and str(t["customdata"][0][0]).startswith("sak-")
           for d in t["customdata"]]
    with duckdb.connect(str(seed_db), read_only=True) as con:
        placed = con.execute("SELECT count(*) FROM v_saker WHERE lat IS NOT NULL").fetchone()[0]
    assert len(ids) == placed == 11
    assert {t.get("type", "scatter") for t in fig["data"]} == {"scatter"}


@pytest.mark.parametrize(("page", "params"), [("tema", {"tema": "industri"}), ("sok", {"q": "Blowtech"}),
                                              ("enhet", {"enhet": "Kongsvingerregionen"})])
def test_statements_link_to_their_sak(monkeypatch, seed_db, page, params):
    at = run_app(monkeypatch, seed_db, page, params)
    row = next(r for r in statements_table(at) if "Blowtech" in r["Utsagn"])
    assert row["Sak"] == f"/saker?sak={sak_id(seed_db, 'Nedleggelse av Blowtech%')}"


def test_the_board_pack_carries_the_registers_counts(seed_db, monkeypatch):
    from dashboard import db as dbmod
    from dashboard.exports import api
    from dashboard.queries import sak_key_figures

    monkeypatch.setenv("NAERINGSPULS_DB", str(seed_db))
    k = sak_key_figures(dbmod.db_version())
    prs = Presentation(io.BytesIO(api.export_pack([], None, {"Tema": "Alle"}, "pptx", key_figures=k)))
    slide = list(prs.slides)[1]
    text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert slide.shapes.title.text == "Nøkkeltall – saker"
    for line in ("Datasenterprosjekter\n2", "Nedleggelser\n1\n70 tapte arbeidsplasser", "Saker i alt\n11"):
        assert line in text, line
