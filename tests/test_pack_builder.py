"""The Styrepakke builder's parts: the organisation template, citations in words, statements once
each, native charts from the pages' figures, and the page itself (AppTest)."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from exports_helpers import FILTERS, MADE, bar_figure, context, statements
from PIL import Image
from pptx import Presentation
from test_app_pages import run_app

from dashboard import charts, organisation, style
from dashboard.components import downloads
from dashboard.exports import api, native_chart, texts
from dashboard.exports.pack import SlideRequest, build_pack


def test_citation_in_words_a_board_reads():
    row = {"unit_name": "Asker", "unit_kind": "kommune", "meeting_date": dt.date(2025, 10, 23), "page": 1}
    assert texts.board_citation(row) == "Asker kommune, møtet 23. oktober 2025 (referat s. 1)"
    region = {"unit_name": "Follo", "unit_kind": "region", "meeting_date": pd.Timestamp("2026-03-12"), "kind": "innkalling"}
    assert texts.board_citation(region) == "Follo, møtet 12. mars 2026 (innkalling)"
    assert texts.board_citation({"unit_name": "Bærum kommune", "unit_kind": "kommune", "page": 2}) == \
        "Bærum kommune (referat s. 2)"
    # A statement from no unit (the secretariat's own text) starts with a capital.
    assert texts.board_citation({"unit_name": None, "meeting_date": dt.date(2025, 10, 23), "page": 1}) == \
        "Møtet 23. oktober 2025 (referat s. 1)"
    assert texts.date_words(dt.date(2026, 11, 30)) == "30. november 2026"


def test_same_words_from_the_same_unit_go_in_once():
    st = statements(4)
    st.loc[1, ["text", "unit_name"]] = [st.loc[0, "text"] + "  ", st.loc[0, "unit_name"]]  # a repeat, spaced
    st.loc[2, "text"] = st.loc[0, "text"]  # the same words from another unit stay
    pack = build_pack([], st, dict(FILTERS), made=MADE)
    assert [s.text for s in pack.statements] == [st.loc[0, "text"], st.loc[0, "text"], st.loc[3, "text"]]
    assert pack.n_statements_total == 3


def test_figures_become_native_chart_data_or_pictures():
    spec = native_chart.from_figure(bar_figure())
    assert (spec.kind, spec.stacked, spec.categories) == ("bar", False, ["Oslo", "Bærum", "Asker", "Lillestrøm", "Ås"])
    assert spec.series[0].values == [12, 7, 5, 4, 3] and spec.series[0].colour == style.PRIMARY
    trend = pd.DataFrame({"meeting_date": pd.to_datetime(["2025-10-23", "2025-10-27", "2025-10-23"]),
                          "theme_id": ["forsvar", "forsvar", "energi"], "theme_label": ["Forsvar", "Forsvar", "Energi"],
                          "n": [3, 2, 4]})  # fmt: skip
    spec = native_chart.from_figure(charts.theme_trend(trend))
    assert spec.kind == "column" and spec.stacked
    assert spec.categories == ["23.10.2025", "27.10.2025"]  # meetings four days apart: two bars
    assert {s.name: s.values for s in spec.series} == {"Energi": [4, None], "Forsvar": [3, 2]}
    heatmap = charts.region_theme_heatmap(pd.DataFrame({"region": ["Follo"], "theme_id": ["forsvar"],
                                                        "theme_label": ["Forsvar"], "n": [2], "region_total": [5]}))
    assert native_chart.from_figure(heatmap) is None  # a picture


def test_title_and_comment_per_slide_in_both_formats():
    ctx = context("Regionene driver veksten")
    req = [SlideRequest(ctx, fig=bar_figure(), data=None, comment="Follo   står for\nmest."),
           SlideRequest(ctx.__class__("Saker i utvalget", "saker", dict(FILTERS), ctx.period),
                        data=pd.DataFrame({"Sak": ["Nammo utvider"], "Status": ["Bygging"]}))]  # fmt: skip
    prs = Presentation(io.BytesIO(api.export_slides(req, statements(2), dict(FILTERS), "pptx", made=MADE)))
    slide = prs.slides[1]
    assert slide.shapes.title.text == "Regionene driver veksten"
    assert "Follo står for mest." in [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    table = next(s for s in prs.slides[2].shapes if s.has_table).table
    assert [table.cell(0, j).text for j in range(2)] == ["Sak", "Status"] and table.cell(1, 0).text == "Nammo utvider"
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(api.export_slides(req, statements(2), dict(FILTERS), "pdf", made=MADE)))
    assert "Follo står for mest." in pdf.pages[1].extract_text() and "Nammo utvider" in pdf.pages[2].extract_text()


@pytest.mark.parametrize("content,warning", [
    (None, "Finner ikke malfilen org.toml; standardmalen er brukt."),
    ("name = [", "Malfilen org.toml kunne ikke leses"),
    ('[organisation]\nprimary_colour = "red"\nlogo = "finnes-ikke.png"',
     "Malfilen org.toml: «primary_colour» må være en farge som #0072B2 (standardfargen er brukt)."),
])  # fmt: skip
def test_a_missing_or_broken_template_gives_defaults_and_says_why(tmp_path, content, warning):
    path = tmp_path / "org.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    org = organisation.load(path)
    assert org.primary == style.PRIMARY and org.name == organisation.DEFAULT_NAME and org.logo is None
    assert org.warnings and org.warnings[0].startswith(warning)


def test_template_sets_name_colours_footer_and_logo(tmp_path):
    Image.new("RGB", (300, 100), "#7A1F5C").save(tmp_path / "logo.png")
    (tmp_path / "not-a-logo.png").write_text("<svg/>", encoding="utf-8")
    path = tmp_path / "org.toml"
    path.write_text('[organisation]\nname = "Follo\\u0007 næringsråd"\nlogo = "logo.png"\nprimary_colour = "#7a1f5c"\n'
                    'footer = "Til styret"\n', encoding="utf-8")  # fmt: skip
    org = organisation.load(path)
    assert (org.name, org.primary, org.footer, org.warnings) == ("Follo næringsråd", "#7A1F5C", "Til styret", ())
    assert org.logo.startswith(b"\x89PNG")
    path.write_text('[organisation]\nlogo = "not-a-logo.png"\n', encoding="utf-8")
    why = "Malfilen org.toml: logoen not-a-logo.png er ikke PNG eller JPEG (ingen logo er brukt)."
    assert organisation.load(path).warnings == (why,)


def test_page_offers_slides_statements_and_says_when_the_template_is_broken(fixture_db, monkeypatch, tmp_path):
    bad = tmp_path / "mal.toml"
    bad.write_text("[organisation\n", encoding="utf-8")
    monkeypatch.setenv(organisation.ENV, str(bad))
    at = run_app(monkeypatch, fixture_db, "styrepakke")
    assert any("Malfilen mal.toml kunne ikke leses" in w.value.replace("\\", "") for w in at.warning)  # escaped markdown
    at.multiselect(key="styrepakke.lysbilder").set_value(["kart", "saker"]).run()
    assert not at.exception
    assert [t.value for t in at.text_input if t.key.startswith("styrepakke.tittel")] == ["Hvor det rapporteres",
                                                                                          "Saker i utvalget"]
    table = at.dataframe[0].value
    assert list(table.columns) == ["Utsagn", "Enhet", "Møte", "Kilde"]
    assert table["Kilde"].str.contains(r", møtet \d{1,2}\. [a-zæøå]+ \d{4} \(referat s\. \d+\)").any()
    assert not table.duplicated(["Utsagn", "Enhet"]).any()
    assert [b.label for b in at.get("download_button")] == ["PowerPoint", "PDF"]


def test_one_click_pack_links_to_the_builder_with_the_view(fixture_db, monkeypatch):
    at = run_app(monkeypatch, fixture_db, "tema", {"tema": "forsvar"})
    links = [m.value for m in at.markdown if "Sett sammen en egen styrepakke" in m.value]
    assert links == [f"[{downloads.BUILDER_LINK}](styrepakke?tema=forsvar)"]
    assert [b.label for b in at.get("download_button") if b.label == "PowerPoint"] == ["PowerPoint"]  # still one click


def test_slides_move_up_and_down_with_the_arrows(fixture_db, monkeypatch):
    at = run_app(monkeypatch, fixture_db, "styrepakke")
    at.multiselect(key="styrepakke.lysbilder").set_value(["kart", "saker", "nokkeltall"]).run()
    assert at.button(key="styrepakke.opp.kart").disabled and at.button(key="styrepakke.ned.nokkeltall").disabled
    at.button(key="styrepakke.ned.kart").click().run()
    assert at.multiselect(key="styrepakke.lysbilder").value == ["saker", "kart", "nokkeltall"]
    at.button(key="styrepakke.opp.nokkeltall").click().run()
    assert at.multiselect(key="styrepakke.lysbilder").value == ["saker", "nokkeltall", "kart"]
    # The title boxes follow their slides.
    assert [t.key for t in at.text_input if t.key.startswith("styrepakke.tittel")] == [
        "styrepakke.tittel.saker", "styrepakke.tittel.nokkeltall", "styrepakke.tittel.kart"]
