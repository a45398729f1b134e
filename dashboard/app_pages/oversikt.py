"""Oversikt (/): key figures of the register of saker (each thing counted once), the map of
activity (for a chosen theme and period), themes per region, and what the latest meeting said about the saker."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import charts, queries
from dashboard.components import figures
from dashboard.components.common import context, page_header, version
from dashboard.components.downloads import chart_with_downloads
from dashboard.components.selection import points
from dashboard.components.statements import source_ref
from dashboard.components.text import escape_markdown, from_plotly, quote
from dashboard.components.saker import fmt_daa
from dashboard.exports import naming, news_pdf
from dashboard.formatting import fmt_count, fmt_date_short, fmt_int, fmt_period
from dashboard.queries.overview import unit_map_filtered

v = version()
summ = queries.summary(v)
period = (summ["first_date"], summ["last_date"])
page_header(
    "Næringspuls – oversikt",
    f"{fmt_count(summ['n_meetings'], 'møte', 'møter')} i faggruppen for Næringssamarbeid, "
    f"{fmt_period(*period) if period[0] else 'uten dato'}.",
)

k = queries.sak_key_figures(v)
stats = queries.activity(v)
meeting, news = queries.latest_sak_news(v)
several = stats["meetings"] > 1  # "siden forrige møte" needs a previous meeting


def note(text: str | None) -> dict:
    """A neutral line under a figure (no arrow, no red/green: more closures is not "up")."""
    return dict(delta=text, delta_color="off", delta_arrow="off") if several and text else {}


# Things, each counted once however often it was reported (the register of saker).
cols = st.columns(4)
cols[0].metric("Datasenterprosjekter", fmt_int(k["datacenters"]), **note(f"{fmt_count(k['datacenters_new'], 'ny', 'nye')} siden forrige møte"),
               help="Datasenterprosjekter i sakregisteret, hvert telt én gang (stansede prosjekter er ikke med). "
                    f"Nevnt {fmt_int(k['datacenter_mentions'])} ganger i referatene.")
cols[1].metric("Nedleggelser", fmt_int(k["closures"]), **note(f"{fmt_count(k['closures_new'], 'ny', 'nye')} siden forrige møte"),
               help="Nedleggelser og nedbemanninger som er varslet eller gjennomført, hver telt én gang. "
                    "Fryktede og utsatte nedleggelser er ikke med.")
cols[2].metric("Tapte arbeidsplasser", fmt_int(k["closure_jobs"]), **note(f"{fmt_int(k['closure_jobs_new'])} i nye saker"),
               help="Summen av arbeidsplasser i nedleggelsene over, hver sak telt én gang med siste tall som er nevnt.")
cols[3].metric("Næringsareal", fmt_daa(k["area_daa"]) or "0 daa", **note(f"{fmt_daa(k['area_daa_new']) or '0 daa'} i nye saker"),
               help=f"Areal nevnt i {fmt_int(k['area_saker'])} saker (næringsarealer, tomter til datasentre og "
                    "etableringer), hver sak telt én gang med siste tall. Stansede saker er ikke med.")
cols = st.columns(4)
cols[0].metric("Etableringer", fmt_int(k["establishments"]), **note(f"{fmt_count(k['establishments_new'], 'ny', 'nye')} siden forrige møte"),
               help="Nye eller utvidede fabrikker, kontorer, hoteller og anlegg, hver telt én gang.")
cols[1].metric("Nye arbeidsplasser", fmt_int(k["establishment_jobs"]),
               help="Arbeidsplasser i etableringene over, hver sak telt én gang med siste tall.")
cols[2].metric("Saker i alt", fmt_int(k["saker"]), **note(f"nevnt {fmt_int(k['mentions'])} ganger"),
               help="Alle ting referatene følger: prosjekter, nedleggelser, arealer, tilskudd og planer.")
cols[3].metric("Møter", fmt_int(stats["meetings"]), **note(meeting and f"siste {fmt_date_short(meeting['meeting_date'])}"),
               help=f"{fmt_int(stats['units'])} kommuner og regioner har rapportert {fmt_int(stats['statements'])} utsagn.")

# Every key figure can be traced: each link opens Saker with exactly the saker behind it.
KEY_FIGURE_SOURCES = (
    ("Datasenterprosjekter", {"type": "datasenter"}),
    ("Nedleggelser", {"type": "nedleggelse", "status": "nedlagt"}),
    ("Etableringer", {"type": "etablering"}),
    ("Næringsarealer", {"type": "naeringsareal"}),
    ("Alle saker", {}),
)
with st.container(horizontal=True, gap="small", vertical_alignment="center", key="oversikt-kilder"):
    st.caption("Sakene bak tallene:", width="content")
    for label, params in KEY_FIGURE_SOURCES:
        st.page_link("app_pages/saker.py", label=label, icon=":material/work:", query_params=params)

@st.cache_resource(max_entries=64, show_spinner=False)
def filtered_map(v, theme: str | None, fra, til, measure_label: str):
    """The map for one theme and period, built once per view (plotly's validators cost tens of ms)."""
    return charts.unit_map(unit_map_filtered(v, (theme,) if theme else (), fra, til), measure_label=measure_label)


# The map's own theme and period (Oversikt has no page filter): the point sizes count only those
# statements. "Alle møter" and all themes is the cached overview map.
MAP_PERIODS = ("Alle møter", "Siste år", "Siste møte")  # short: one line with the heading
with st.container():
    # Heading and the map's filters on one line, labels hidden (the placeholder and the options say
    # what they are): a second line would push the map below the fold at 1440×900.
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="oversikt-kart-filter"):
        st.subheader("Aktivitet per kommune og region", width="content")
        theme_rows = queries.themes(v)
        theme_labels = dict(zip(theme_rows["theme_id"], theme_rows["label"]))
        map_theme = st.selectbox("Tema", [t for t, n in zip(theme_rows["theme_id"], theme_rows["n"]) if n > 0],
                                 index=None, placeholder="Alle temaer", format_func=lambda t: theme_labels.get(t, t),
                                 key="oversikt.kart.tema", width=200, label_visibility="collapsed")
        map_period = st.segmented_control("Periode", MAP_PERIODS, default=MAP_PERIODS[0], required=True,
                                          key="oversikt.kart.periode", label_visibility="collapsed")
    last = period[1]
    fra = til = None
    if last and map_period == MAP_PERIODS[1]:
        fra = last - dt.timedelta(days=365)
    elif last and map_period == MAP_PERIODS[2]:
        fra = til = last
    measure_label = f"utsagn om {theme_labels.get(map_theme, map_theme).lower()}" if map_theme else "utsagn"
    if map_theme or fra:
        units = unit_map_filtered(v, (map_theme,) if map_theme else (), fra, til)
        fig = filtered_map(v, map_theme, fra, til, measure_label)
    else:
        units, fig = queries.unit_map(v), figures.unit_map(v)
    map_span = (fra or period[0], til or period[1])
    ctx = context("Aktivitet per kommune og region", "aktivitet-kart",
                  {"Tema": theme_labels.get(map_theme, map_theme) if map_theme else "Alle",
                   "Periode": fmt_period(*map_span) if map_span[0] else "Alle"}, map_span)
    data = units.rename(columns={"unit_name": "Enhet", "unit_kind": "Type", "region": "Region", "lat": "Breddegrad",
                                 "lon": "Lengdegrad", "n_statements": "Utsagn", "n_meetings": "Møter"})
    event = chart_with_downloads(fig, ctx, data, key="oversikt-kart", on_select="rerun", selection_mode="points")
    st.caption(f"Punktstørrelse = antall {escape_markdown(measure_label)} i runden rundt bordet"
               f"{' i valgt periode' if fra else ''}. Grå punkter: ingen. "
               "Klikk på et punkt for å se alt enheten har rapportert. "
               "Kartet tegnes uten nettilgang (koordinater fra stedsregisteret, fylkesgrenser fra Kartverket).")
    picked = [from_plotly(p["customdata"][0]) for p in points(event) if p.get("customdata")]
    if picked:  # drill down: the unit's own page
        st.switch_page("app_pages/enhet.py", query_params={"enhet": picked[0]})
# Themes per region at full width: in a column beside the map the theme names had to be
# rotated and the numbers were too small to read.
HEATMAP_MEASURES = ("Antall", "Andel av regionens utsagn")
with st.container(key="oversikt-tema-per-region"):
    st.subheader("Tema per region")
    heat = queries.themes_by_region(v)
    measure = st.segmented_control("Vis som", HEATMAP_MEASURES, default=HEATMAP_MEASURES[0], required=True,
                                   key="oversikt.tema-region.vis")
    share = measure == HEATMAP_MEASURES[1]
    fig = figures.region_theme_heatmap(v, share)
    ctx = context("Tema per region" + (" – andel av regionens utsagn" if share else ""), "tema-per-region",
                  {"Periode": fmt_period(*period), "Vis som": measure}, period)
    data = heat.rename(columns={"region": "Region", "theme_id": "Tema-id", "theme_label": "Tema", "n": "Utsagn",
                                "region_total": "Utsagn i regionen"})
    if share:
        data["Andel av regionens utsagn (%)"] = (100 * heat["n"] / heat["region_total"]).round(1)
    event = chart_with_downloads(fig, ctx, data, key="oversikt-tema-region", on_select="rerun",
                                 selection_mode="points")
    st.caption("De hyppigste temaene og regionene. **Andel** er temaets del av alle utsagn fra regionen "
               "(et utsagn kan ha flere temaer). Klikk på en rute for å se utsagnene under **Tema**.")
    cells = [p["customdata"] for p in points(event) if p.get("customdata") and p["customdata"][0]]
    if cells:  # drill down: that theme in that region
        st.switch_page("app_pages/tema.py", query_params={"tema": cells[0][0], "region": from_plotly(cells[0][1])})

if meeting:
    # "Siden forrige møte": what the latest meeting brought, grouped, with a one-page PDF to send on.
    news_groups = queries.group_sak_news(news)
    news_summary = news_pdf.summary_line({key: news_groups.count(key) for key, _ in queries.NEWS_GROUPS},
                                         news_groups.jobs_lost, news_groups.area_daa, news_groups.unchanged)
    meeting_day = pd.Timestamp(meeting["meeting_date"]).date()
    st.subheader(news_pdf.title(meeting_day))
    groups = [(label, news_groups.groups[key]) for key, label in queries.NEWS_GROUPS]
    news_ctx = context("Siden forrige møte", "siden-forrige-mote", {}, (meeting_day, meeting_day))
    with st.container(horizontal=True, gap="small", vertical_alignment="center", key="oversikt-nytt"):
        st.caption(escape_markdown(news_summary), width="stretch")
        st.download_button(
            "Last ned som PDF (én side)",
            lambda: news_pdf.news_pdf(meeting, news_summary, groups, news_ctx.period, news_ctx.corrections),
            file_name=naming.file_name(news_ctx, "pdf"), mime=naming.MIME["pdf"], key="oversikt-nytt-pdf",
            on_click="ignore", icon=":material/picture_as_pdf:", help="Gruppene under på én A4-side, til medlemmene",
        )  # fmt: skip
    if news.empty:
        st.info("Siste møte nevnte ingen prosjekter, nedleggelser, arealer, tilskudd eller planer.")
    for label, rows in groups:
        if rows.empty:
            continue
        st.markdown(f"**{label}** ({fmt_int(len(rows))})")
        for row in rows.to_dict("records"):
            with st.container(border=True):
                st.markdown(f"**{escape_markdown(row['title'])}**")
                st.caption(" · ".join(escape_markdown(x) for x in news_pdf.facts(row)))
                st.markdown(quote(row["text"]))
                st.caption(f"Kilde: {escape_markdown(source_ref(row['source_file'], row['page'], row['line_start'], row['line_end']))}")
                st.page_link("app_pages/saker.py", label="Åpne saken", icon=":material/work:",
                             query_params={"sak": row["sak_id"]})
    st.page_link("app_pages/moter.py", label="Se hele møtet under Møter", icon=":material/description:",
                 query_params={"mote": meeting["meeting_id"]})
