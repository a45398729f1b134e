"""Oversikt (/): key figures, map of activity, themes per region, highlights of the latest meeting."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, queries
from dashboard.components.common import context, page_header, theme_labels, version
from dashboard.components.downloads import chart_with_downloads
from dashboard.components.selection import points
from dashboard.components.statements import source_ref
from dashboard.components.text import escape_markdown, quote
from dashboard.formatting import fmt_count, fmt_date_long, fmt_date_short, fmt_int, fmt_nok, fmt_period
from etl.vocab import FACT_TYPE_LABELS

v = version()
summ = queries.summary(v)
period = (summ["first_date"], summ["last_date"])
page_header(
    "Næringspuls – oversikt",
    f"{fmt_count(summ['n_meetings'], 'møte', 'møter')} i faggruppen for Næringssamarbeid, "
    f"{fmt_period(*period) if period[0] else 'uten dato'}.",
)

k = queries.key_figures(v)
meeting, highlights = queries.latest_highlights(v)
# With several meetings, each figure also says what the latest meeting added.
latest = queries.key_figures(v, meeting["meeting_id"]) if meeting and k["meetings"] > 1 else None


def note(text: str | None) -> dict:
    """A neutral line under a figure (no arrow, no red/green: more closures is not "up")."""
    return {} if latest is None else dict(delta=text, delta_color="off", delta_arrow="off")


def since(key: str, fmt=fmt_int) -> dict:
    return note(latest and f"{fmt(latest[key])} i siste møte")


cols = st.columns(4)
cols[0].metric("Møter", fmt_int(k["meetings"]), **note(latest and f"siste {fmt_date_short(meeting['meeting_date'])}"))
cols[1].metric("Rapporterende enheter", fmt_int(k["units"]), **since("units"),
               help="Kommuner og regioner som rapporterte i runden rundt bordet.")
cols[2].metric("Utsagn", fmt_int(k["statements"]), **since("statements"))
cols[3].metric("Nye datasenterprosjekter", fmt_int(k["datacenter_new"]), **since("datacenter_new"),
               help="Utsagn med tema datasenter og type etablering. "
                    f"Alle utsagn om datasentre: {fmt_int(k['datacenter_all'])}.")
cols = st.columns(4)
cols[0].metric("Utsagn om datasentre (alle)", fmt_int(k["datacenter_all"]), **since("datacenter_all"))
cols[1].metric("Nedleggelser", fmt_int(k["closures"]), **since("closures"), help="Utsagn av typen nedleggelse.")
cols[2].metric("Berørte arbeidsplasser", fmt_int(k["closure_jobs"]), **since("closure_jobs"),
               help="Ved nedleggelser og permitteringer: summen av antall ansatte/arbeidsplasser nevnt i utsagn om nedleggelse.")
cols[3].metric("Nevnte beløp (sum)", fmt_nok(k["amount_nok"]), **since("amount_nok", fmt_nok),
               help=f"Summen av kronebeløp nevnt i {fmt_int(k['n_amounts'])} utsagn (tilskudd, gaver, budsjetter).")

# Every key figure can be traced: each link opens Søk with exactly the statements behind it.
KEY_FIGURE_SOURCES = (
    ("Nye datasenterprosjekter", {"tema": "datasenter", "type": "etablering"}),
    ("Utsagn om datasentre", {"tema": "datasenter"}),
    ("Nedleggelser", {"type": "nedleggelse"}),
    ("Utsagn med beløp", {"belop": "ja"}),
)
with st.container(horizontal=True, gap="small", vertical_alignment="center", key="oversikt-kilder"):
    st.caption("Utsagnene bak tallene:", width="content")
    for label, params in KEY_FIGURE_SOURCES:
        st.page_link("app_pages/sok.py", label=label, icon=":material/search:", query_params=params)

left, right = st.columns([3, 2])
with left:
    st.subheader("Aktivitet per kommune og region")
    units = queries.unit_map(v)
    fig = charts.unit_map(units)
    ctx = context("Aktivitet per kommune og region", "aktivitet-kart", {"Periode": fmt_period(*period)}, period)
    data = units.rename(columns={"unit_name": "Enhet", "unit_kind": "Type", "region": "Region", "lat": "Breddegrad",
                                 "lon": "Lengdegrad", "n_statements": "Utsagn", "n_meetings": "Møter"})
    event = chart_with_downloads(fig, ctx, data, key="oversikt-kart", on_select="rerun", selection_mode="points")
    st.caption("Punktstørrelse = antall utsagn i runden rundt bordet. Grå punkter: ingen utsagn ennå. "
               "Klikk på et punkt for å se alt enheten har rapportert. "
               "Kartet tegnes uten nettilgang (koordinater fra stedsregisteret).")
    picked = [p["customdata"][0] for p in points(event) if p.get("customdata")]
    if picked:  # drill down: the unit's own page
        st.switch_page("app_pages/enhet.py", query_params={"enhet": picked[0]})
with right:
    st.subheader("Tema per region")
    heat = queries.themes_by_region(v)
    fig = charts.region_theme_heatmap(heat)
    ctx = context("Tema per region", "tema-per-region", {"Periode": fmt_period(*period)}, period)
    data = heat.rename(columns={"region": "Region", "theme_id": "Tema-id", "theme_label": "Tema", "n": "Utsagn"})
    event = chart_with_downloads(fig, ctx, data, key="oversikt-tema-region", on_select="rerun",
                                 selection_mode="points")
    st.caption("De hyppigste temaene og regionene. Klikk på en rute for å se utsagnene under **Tema**.")
    cells = [p["customdata"] for p in points(event) if p.get("customdata") and p["customdata"][0]]
    if cells:  # drill down: that theme in that region
        st.switch_page("app_pages/tema.py", query_params={"tema": cells[0][0], "region": cells[0][1]})

if meeting:
    st.subheader(f"Høydepunkter fra siste møte, {fmt_date_long(meeting['meeting_date'])}")
    if highlights.empty:
        st.info("Ingen etableringer, nedleggelser eller beløp ble nevnt i siste møte.")
    labels = theme_labels(v)
    for row in highlights.itertuples():
        with st.container(border=True):
            head = FACT_TYPE_LABELS.get(row.fact_type, row.fact_type or "Annet")
            extras = []
            if pd.notna(row.jobs):
                extras.append(f"{fmt_int(row.jobs)} arbeidsplasser")
            if pd.notna(row.amount_nok):
                extras.append(fmt_nok(row.amount_nok))
            tema = ", ".join(labels.get(t, t) for t in row.themes)
            st.markdown(
                f"**{escape_markdown(head)}** · {escape_markdown(row.unit_name or '–')}"
                + (f" · {escape_markdown(', '.join(extras))}" if extras else "")
                + (f" · _{escape_markdown(tema)}_" if tema else "")
            )
            st.markdown(quote(row.text))
            st.caption(f"Kilde: {escape_markdown(source_ref(row.source_file, row.page, row.line_start, row.line_end))}")
    st.page_link("app_pages/moter.py", label="Se hele møtet under Møter", icon=":material/description:",
                 query_params={"mote": meeting["meeting_id"]})
