"""AppTest for every dashboard page: smoke, URL parameters and filter interactions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "streamlit_app.py")
PAGES = ("oversikt", "saker", "tema", "enhet", "moter", "kalender", "sok", "gjennomgang", "legg_til")


@pytest.fixture(autouse=True)
def no_first_chart_pause(monkeypatch):
    """The pause before a session's first chart is for real browsers; tested on its own below."""
    from dashboard.components import downloads

    monkeypatch.setattr(downloads, "FIRST_CHART_PAUSE_S", 0.0)


def run_app(monkeypatch, db: Path, page: str | None = None, params: dict | None = None) -> AppTest:
    monkeypatch.setenv("NAERINGSPULS_DB", str(db))
    return open_app(page, params)


def open_app(page: str | None = None, params: dict | None = None) -> AppTest:
    """The app on ``page`` with ``params`` in the URL, for the database the environment names."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py")
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def spec(at: AppTest, i: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def table_text(at: AppTest, i: int = -1) -> list[dict]:
    return at.dataframe[i].value.to_dict("records")


def statements_table(at: AppTest) -> list[dict]:
    """The first table of statements on the page (a page may show a register of saker first)."""
    return next(d.value for d in at.dataframe if "Utsagn" in d.value.columns).to_dict("records")


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


# --- smoke ----------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("which", ["seed_db", "fixture_db"])
def test_every_page_serves(monkeypatch, request, page, which):
    at = run_app(monkeypatch, request.getfixturevalue(which), page)
    assert at.title, "page has a title"
    assert not at.error
    for chart in at.get("plotly_chart"):  # every chart has an accessible name for screen readers
        assert chart.proto.alt.startswith("Diagram: ") and len(chart.proto.alt) > len("Diagram: ")


def test_first_chart_of_a_session_waits_once_for_the_browser(monkeypatch, seed_db):
    """Key figures must reach the browser before plotly.js is requested (docs/benchmarks.md)."""
    from dashboard.components import downloads

    pauses: list[float] = []
    monkeypatch.setattr(downloads, "FIRST_CHART_PAUSE_S", 0.2)
    monkeypatch.setattr(downloads, "_sleep", pauses.append)
    at = run_app(monkeypatch, seed_db)  # Oversikt: two charts, after the key figures
    assert len(at.get("plotly_chart")) == 2 and at.metric
    assert pauses == [0.2], "one pause, before the first chart only"
    at.switch_page("app_pages/tema.py").run()
    assert at.get("plotly_chart") and pauses == [0.2], "the same session is not delayed again"
    AppTest.from_file(APP, default_timeout=60).run()
    assert pauses == [0.2, 0.2], "a new session (a new browser tab) pauses once"


# --- Oversikt -------------------------------------------------------------------------


def number(text: str) -> int:
    return int(text.replace("\u00a0", "").replace(" ", "").removesuffix("daa"))


def test_oversikt_key_figures_and_map(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db)
    metrics = {m.label: m.value for m in at.metric}
    # Things, each counted once (the seed's register: Microsoft and "nytt prosjekt" in Indre Østfold,
    # the Blowtech closure with its 70 jobs, four establishments, no area given).
    assert {k: metrics[k] for k in ("Datasenterprosjekter", "Nedleggelser", "Tapte arbeidsplasser", "Næringsareal",
                                    "Etableringer", "Nye arbeidsplasser", "Saker i alt", "Møter")} == {
        "Datasenterprosjekter": "2", "Nedleggelser": "1", "Tapte arbeidsplasser": "70", "Næringsareal": "0 daa",
        "Etableringer": "4", "Nye arbeidsplasser": "0", "Saker i alt": "11", "Møter": "1"}
    # Map: plain scatter (no geo/mapbox → no internet), reporting units labelled.
    fig = spec(at, 0)
    types = {t.get("type", "scatter") for t in fig["data"]}
    assert types == {"scatter"}
    labels = [x for t in fig["data"] if "text" in t and "markers+text" == t.get("mode") for x in t["text"]]
    assert "Asker" in labels and "Hamarregionen" in labels
    assert fig["layout"]["yaxis"]["scaleanchor"] == "x"
    assert 1.8 < fig["layout"]["yaxis"]["scaleratio"] < 2.2
    # What the latest meeting said about the saker, with quotes, sources and a link to each sak.
    text = all_text(at)
    assert "Blowtech" in text and "Kilde:" in text and "ny sak" in text
    assert "23. oktober 2025" in "\n".join(s.value for s in at.subheader)
    assert sum(1 for p in at.get("page_link") if p.proto.label == "Åpne saken") == 11


@pytest.mark.parametrize("which", ["seed_db", "fixture_db"])
def test_oversikt_key_figures_link_to_exactly_their_saker(monkeypatch, request, which):
    """Each "Sakene bak tallene" link opens Saker listing the saker its key figure counts."""
    from urllib.parse import parse_qsl

    db = request.getfixturevalue(which)
    at = run_app(monkeypatch, db)
    metrics = {m.label: m.value for m in at.metric}
    links = {p.proto.label: dict(parse_qsl(p.proto.query_string)) for p in at.get("page_link")
             if p.proto.page == "saker" and p.proto.label != "Åpne saken"}
    assert set(links) == {"Datasenterprosjekter", "Nedleggelser", "Etableringer", "Næringsarealer", "Alle saker"}

    def register(label):
        page = run_app(monkeypatch, db, "saker", links[label])
        return page, table_text(page, 0)

    page, rows = register("Datasenterprosjekter")
    assert {r["Type"] for r in rows} <= {"Datasenter"}
    assert sum(r["Status"] != "Stanset/på vent" for r in rows) == number(metrics["Datasenterprosjekter"]) > 0
    assert {m.label: m.value for m in page.metric}["Datasenterprosjekter"] == metrics["Datasenterprosjekter"]
    page, rows = register("Nedleggelser")
    assert len(rows) == number(metrics["Nedleggelser"]) > 0
    assert sum(number(r["Arbeidsplasser"] or "0") for r in rows) == number(metrics["Tapte arbeidsplasser"])
    page, rows = register("Etableringer")
    assert sum(r["Status"] != "Stanset/på vent" for r in rows) == number(metrics["Etableringer"]) > 0
    page, rows = register("Alle saker")
    assert {m.label: m.value for m in page.metric}["Saker"] == metrics["Saker i alt"]
    assert len(rows) == min(number(metrics["Saker i alt"]), 200)


def test_sok_by_fact_type_and_amount(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "sok", {"type": "nedleggelse"})
    rows = table_text(at)
    assert rows and all(r["Type"] == "Nedleggelse" for r in rows) and any("Blowtech" in r["Utsagn"] for r in rows)
    at.multiselect(key="sok.type").set_value([]).run()
    at.checkbox(key="sok.belop").check().run()
    assert at.query_params["belop"] in ("ja", ["ja"]) and "type" not in at.query_params
    rows = table_text(at)
    assert rows and any("70" in r["Utsagn"] for r in rows)


def test_oversikt_figures_say_what_the_latest_meeting_added(monkeypatch, seed_db, fixture_db):
    at = run_app(monkeypatch, fixture_db)
    deltas = {m.label: m.delta for m in at.metric}
    assert deltas["Møter"].startswith("siste ") and deltas["Møter"][6:8].isdigit(), deltas["Møter"]
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        new = dict(con.execute(
            "SELECT kind, count(*) FROM v_saker WHERE first_mentioned = (SELECT max(meeting_date) FROM v_meetings) "
            "AND status IS DISTINCT FROM 'stanset' GROUP BY kind").fetchall())
    for label, kind in (("Datasenterprosjekter", "datasenter"), ("Etableringer", "etablering")):
        n = new.get(kind, 0)
        assert deltas[label] == f"{n} {'ny' if n == 1 else 'nye'} siden forrige møte", (label, deltas[label])
    # One meeting: nothing is "since the previous meeting".
    at = run_app(monkeypatch, seed_db)
    assert all(not m.delta for m in at.metric)


def test_oversikt_themes_per_region_heatmap(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db)
    heat = spec(at, 1)
    assert heat["data"][0]["type"] == "heatmap"
    assert len(heat["data"][0]["y"]) > 3


# --- Tema -----------------------------------------------------------------------------


def test_tema_forsvar_url_lists_chemring_not_blowtech(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "tema", {"tema": "forsvar"})
    assert at.multiselect(key="tema.tema").value == ["forsvar"]
    rows = table_text(at)
    assert any("Chemring Nobel" in r["Utsagn"] and r["Enhet"].startswith("Asker") for r in rows)
    assert not any("Blowtech" in r["Utsagn"] for r in rows)
    assert all("Forsvar" in r["Tema"] for r in rows)


def test_tema_trend_over_many_meetings(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "tema", {"tema": "forsvar"})
    trend = spec(at, 0)
    xs = [x for t in trend["data"] for x in t["x"]]
    ys = [y for t in trend["data"] for y in t["y"]]
    assert len(set(xs)) > 1, "trend needs more than one meeting date"
    assert len(set(ys)) > 1, "counts should vary over time"
    assert trend["layout"]["barmode"] == "stack"
    units = spec(at, 1)
    assert units["data"][0]["orientation"] == "h" and len(units["data"][0]["y"]) > 3


def test_tema_filters_write_the_url(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "tema")
    assert "tema" not in at.query_params
    at.multiselect(key="tema.tema").set_value(["forsvar", "datasenter"]).run()
    assert at.query_params["tema"] == "forsvar,datasenter" or at.query_params["tema"] == ["forsvar,datasenter"]
    n_two = len(table_text(at))
    region = at.multiselect(key="tema.region").options[0]
    at.multiselect(key="tema.region").set_value([region]).run()
    assert not at.exception
    assert "region" in at.query_params
    at.date_input(key="tema.fra").set_value(dt.date(2025, 1, 1)).run()
    assert not at.exception
    fra = at.query_params["fra"]
    assert (fra if isinstance(fra, str) else fra[0]) == "2025-01-01"
    assert len(table_text(at)) <= n_two


def test_tema_bookmark_with_all_params(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "tema",
                 {"tema": "forsvar,ukjent-tema", "fra": "2025-01-01", "til": "2026-12-31", "region": "Follo"})
    assert at.multiselect(key="tema.tema").value == ["forsvar"]  # stale ids are dropped, not fatal
    assert at.date_input(key="tema.fra").value == dt.date(2025, 1, 1)
    trend = spec(at, 0)
    assert all(x >= "2025-01-01" for t in trend["data"] for x in t["x"])


# --- Enhet -----------------------------------------------------------------------------


def test_enhet_short_name_and_region(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "enhet", {"enhet": "Asker"})
    assert at.selectbox(key="enhet.enhet").value.startswith("Asker")
    saker = table_text(at, 0)  # the unit's saker come first
    assert [r["Sak"] for r in saker] == ["Stor satsing på forsvarsindustri, inkl. mulig ny fabrikk fra Chemring Nobel"]
    rows = statements_table(at)
    assert any("Chemring" in r["Utsagn"] for r in rows)
    assert all(r["Enhet"].startswith("Asker") for r in rows)
    assert any("Fra regionen" in s.value for s in at.subheader)  # Asker is a kommune in a sub-region
    # Switching unit updates the URL.
    at.selectbox(key="enhet.enhet").set_value("Hamarregionen").run()
    assert not at.exception
    assert at.query_params["enhet"] in ("Hamarregionen", ["Hamarregionen"])
    assert any("forsvar" in r["Utsagn"] for r in statements_table(at))


def test_enhet_explains_a_unit_that_has_not_reported(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "enhet", {"enhet": "Hurdal"})
    assert any("Hurdal" in i.value and "ikke rapportert" in i.value for i in at.info)
    assert at.selectbox(key="enhet.enhet").value, "another unit is shown instead"
    at = run_app(monkeypatch, seed_db, "enhet", {"enhet": "Asker"})
    assert not any("«Asker»" in i.value for i in at.info)


def test_enhet_charts_over_time(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "enhet", {"enhet": "Asker"})
    trend = spec(at, 0)
    assert len({x for t in trend["data"] for x in t["x"]}) > 1
    facts = spec(at, 1)
    assert facts["data"][0]["orientation"] == "h"


# --- Møter ------------------------------------------------------------------------------


def test_moter_list_and_detail(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "moter")
    listing = at.dataframe[0].value
    assert len(listing) >= 20
    mote = listing["Møte-id"].iloc[-1]
    at.selectbox(key="moter.mote").set_value(mote).run()
    assert not at.exception
    assert at.query_params["mote"] in (mote, [mote])
    assert any("Kildetekst" in s.value for s in at.subheader)


def test_moter_parse_next_to_source(monkeypatch, seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    mote, = con.execute("SELECT meeting_id FROM v_meetings").fetchone()
    sid, line_start = con.execute(
        "SELECT statement_id, line_start FROM v_statements WHERE text LIKE '%Chemring%'"
    ).fetchone()
    con.close()
    at = run_app(monkeypatch, seed_db, "moter", {"mote": mote})
    subheads = [s.value for s in at.subheader]
    assert "Tolket struktur" in subheads and "Kildetekst" in subheads
    assert at.selectbox(key="moter.mote").value == mote
    saker = at.dataframe[0].value
    assert any("Orienteringene tas til etterretning" in d for d in saker["Vedtak"])
    # Selecting a statement shows its source lines, with line numbers, next to the parse.
    at.selectbox(key="moter.utsagn").set_value(sid).run()
    assert not at.exception
    excerpt = at.code[0].value
    assert "Chemring" in excerpt and str(line_start) in excerpt
    assert any(f"linje {line_start}" in c.value for c in at.caption)
    # Narrow to the round table through the section selectbox → ?seksjon=round_table
    at.selectbox(key="moter.seksjon").set_value("round_table").run()
    assert not at.exception
    assert at.query_params["seksjon"] in ("round_table", ["round_table"])


# --- Kalender -----------------------------------------------------------------------------


def test_kalender_ics_download(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "kalender")
    subheads = [s.value for s in at.subheader]
    assert "Kommende arrangementer" in subheads and "Tidligere arrangementer" in subheads
    labels = [b.label for b in at.get("download_button")]
    assert any(".ics" in label for label in labels)
    events = [r["Arrangement"] for df in at.dataframe for r in df.value.to_dict("records")]
    assert "Hadelandskonferansen" in events


# --- Søk ------------------------------------------------------------------------------------


def test_sok_query_and_filters(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "sok", {"q": "chemring"})
    rows = table_text(at)
    assert len(rows) == 1 and "Chemring Nobel" in rows[0]["Utsagn"] and rows[0]["Kilde"].startswith("seed-")
    at.text_input(key="sok.q").set_value("Blowtech").run()
    assert at.query_params["q"] in ("Blowtech", ["Blowtech"])
    assert any("Blowtech" in r["Utsagn"] for r in table_text(at))
    # Blowtech is not a forsvar statement.
    at.multiselect(key="sok.tema").set_value(["forsvar"]).run()
    assert not at.exception
    assert any("Ingen treff" in i.value for i in at.info)


def test_sok_injection_is_just_text(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "sok", {"q": "'; DROP TABLE statements; --"})
    assert any("Ingen treff" in i.value for i in at.info)
    at = run_app(monkeypatch, seed_db, "sok", {"q": "forsvar", "enhet": "Asker", "seksjon": "round_table"})
    rows = table_text(at)
    assert rows and all(r["Enhet"] == "Asker" for r in rows)


# --- Legg til referat ---------------------------------------------------------------------------


def _upload(at: AppTest, *paths: Path) -> AppTest:
    files = [(p.name, p.read_bytes(), "application/octet-stream") for p in paths]
    at.file_uploader(key="legg-til.filer").set_value(files)
    return next(b for b in at.button if b.label == "Legg til og oppdater").click().run()


def test_legg_til_from_no_database_to_a_loaded_meeting(monkeypatch, tmp_path):
    """The very first minutes can be added in the browser: a PDF in, its meeting out."""
    minutes = ROOT / "tests" / "fixtures" / "minutes"
    monkeypatch.setenv("NAERINGSPULS_RAW", str(tmp_path / "raw"))
    db = tmp_path / "naering.duckdb"
    at = run_app(monkeypatch, db)
    assert any("Legg til referat" in i.value for i in at.info), "the empty state points to the upload page"
    at = run_app(monkeypatch, db, "legg_til")
    at = _upload(at, minutes / "referat-2026-01-14.pdf", ROOT / "tests" / "fixtures" / "bad" / "encrypted.pdf")
    assert not at.exception
    assert any("lagt til: møtet 14. januar 2026" in s.value for s in at.success), [s.value for s in at.success]
    assert any("encrypted" in e.value and "passordbeskyttet" in e.value for e in at.error)
    links = [p.proto for p in at.get("page_link") if p.proto.page == "moter"]
    assert links and links[0].query_string.startswith("mote=2026-01-14")
    assert sorted(p.name for p in (tmp_path / "raw").iterdir()) == ["referat-2026-01-14.pdf"]
    # Every page now shows the new meeting.
    at.switch_page("app_pages/oversikt.py").run()
    assert {m.label: m.value for m in at.metric}["Møter"] == "1"


def test_fjern_referat_asks_for_confirmation_then_removes(monkeypatch, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = ROOT / "data" / "raw" / "referat-faggruppe-naering-2025-10-23.txt"
    other = ROOT / "tests" / "fixtures" / "minutes" / "referat-2026-02-19.txt"
    for f in (seed, other):
        (raw / f.name).write_bytes(f.read_bytes())
    monkeypatch.setenv("NAERINGSPULS_RAW", str(raw))
    from etl.warehouse.build import build

    db = tmp_path / "naering.duckdb"
    assert build(raw, db).ok
    at = run_app(monkeypatch, db, "legg_til")
    at.multiselect(key="fjern.filer").set_value([other.name])
    fjern = next(b for b in at.button if b.label == "Fjern")
    fjern.click().run()
    assert any("bekrefte" in w.value for w in at.warning) and (raw / other.name).exists()
    at.multiselect(key="fjern.filer").set_value([other.name])
    at.checkbox(key="fjern.sikker").check()
    next(b for b in at.button if b.label == "Fjern").click().run()
    assert not at.exception
    assert any("er fjernet" in s.value for s in at.success)
    assert not (raw / other.name).exists()
    assert at.multiselect(key="fjern.filer").options == [seed.name]
    at.switch_page("app_pages/oversikt.py").run()
    assert {m.label: m.value for m in at.metric}["Møter"] == "1"


def test_legg_til_without_files_asks_for_one(monkeypatch, seed_db, tmp_path):
    monkeypatch.setenv("NAERINGSPULS_RAW", str(tmp_path / "raw"))
    at = run_app(monkeypatch, seed_db, "legg_til")
    next(b for b in at.button if b.label == "Legg til og oppdater").click().run()
    assert any("Velg minst én fil" in w.value for w in at.warning)
    assert not (tmp_path / "raw").exists() or not any((tmp_path / "raw").iterdir())


# --- empty and unavailable states -------------------------------------------------------------


def test_no_database_shows_how_to_load(monkeypatch, tmp_path):
    for page in (None, "tema"):
        at = run_app(monkeypatch, tmp_path / "missing.duckdb", page)
        assert any("Ingen referater er lastet inn ennå" in i.value and "data/raw" in i.value for i in at.info)


def test_empty_database(monkeypatch, tmp_path):
    from etl.warehouse.schema import create_tables, create_views

    db = tmp_path / "empty.duckdb"
    con = duckdb.connect(str(db))
    create_tables(con)
    create_views(con)
    con.close()
    at = run_app(monkeypatch, db, "sok")
    assert any("Ingen referater er lastet inn ennå" in i.value for i in at.info)


def test_unreadable_database_no_traceback(monkeypatch, tmp_path):
    db = tmp_path / "broken.duckdb"
    db.write_bytes(b"this is not a duckdb file" * 100)
    at = run_app(monkeypatch, db)
    assert not at.exception
    assert any("Databasen kunne ikke leses" in w.value and "make db" in w.value for w in at.warning)


def test_database_from_an_older_schema_says_rebuild(monkeypatch, tmp_path, seed_db):
    import shutil

    old = tmp_path / "old.duckdb"
    shutil.copy(seed_db, old)
    with duckdb.connect(str(old)) as con:  # an older build: a helper view without a column
        con.execute("CREATE OR REPLACE VIEW v_statement_themes AS SELECT statement_id FROM v_statements")
    at = run_app(monkeypatch, old)
    at.switch_page("app_pages/tema.py").run()
    assert not at.exception
    assert any("make db" in w.value for w in at.warning)


def test_enhet_offers_the_board_pack(monkeypatch, seed_db):
    monkeypatch.setenv("NAERINGSPULS_DB", str(seed_db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["enhet"] = "Asker"
    at.run()
    at.switch_page("app_pages/enhet.py").run()
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    assert "PowerPoint" in labels, labels
