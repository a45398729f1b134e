"""Saker (/saker): the register of things the minutes follow, counted once each, and one sak's story.

URL: ``?type=datasenter,nedleggelse&status=bygging&tema=forsvar&region=Follo&fra=2025-01-01&til=2025-12-31``
filters the register (``type`` and ``status`` use the ids of ``vocab.SAK_KINDS`` and
``vocab.SAK_STATUSES``), ``&q=Nammo`` searches titles, units, organisations and
places, and ``?sak=<sak_id>`` opens one sak with its timeline of mentions.
"""

from __future__ import annotations

import streamlit as st

from dashboard import filters, queries
from dashboard.components.common import context, page_header, period_label, theme_labels, version
from dashboard.components.downloads import board_pack_downloads, chart_with_downloads
from dashboard.components import figures
from dashboard.components.saker import fmt_daa, register_frame, show_register, show_sak
from dashboard.components.selection import points
from dashboard.formatting import fmt_int
from etl.vocab import SAK_KIND_LABELS, SAK_KINDS, SAK_STATUS_LABELS, SAK_STATUSES

v = version()
summ = queries.summary(v)
themes_df = queries.themes(v)
labels = theme_labels(v)
all_regions = queries.regions(v)

page_header("Saker", "Hver sak telles én gang: prosjekter, nedleggelser, næringsarealer, tilskudd og planer, "
                     "slik de har utviklet seg fra møte til møte.")

filters.init("saker.type", filters.known(filters.get_list("type"), SAK_KINDS, "type"))
filters.init("saker.status", filters.known(filters.get_list("status"), SAK_STATUSES, "status"))
filters.init("saker.tema", filters.known(filters.get_list("tema"), themes_df["theme_id"], "tema"))
filters.init("saker.region", filters.known(filters.get_list("region"), all_regions, "region"))
filters.init("saker.q", filters.get_str("q") or "")

c1, c2, c3, c4 = st.columns(4)
with c1:
    kinds = st.multiselect("Type sak", options=list(SAK_KINDS), format_func=SAK_KIND_LABELS.get, key="saker.type",
                           placeholder="Alle typer")
with c2:
    statuses = st.multiselect("Status", options=list(SAK_STATUSES), format_func=SAK_STATUS_LABELS.get,
                              key="saker.status", placeholder="Alle statuser")
with c3:
    chosen = st.multiselect("Tema", options=themes_df["theme_id"].tolist(), format_func=lambda t: labels.get(t, t),
                            key="saker.tema", placeholder="Alle temaer")
with c4:
    chosen_regions = st.multiselect("Region", options=all_regions, key="saker.region", placeholder="Alle regioner")
c1, c2 = st.columns([1, 1])
with c1:
    q = st.text_input("Søk i saker", key="saker.q", placeholder="f.eks. Nammo, Gardermoen, hotell",
                      icon=":material/search:")
with c2:
    fra, til = filters.date_range("saker", summ["first_date"], summ["last_date"])
f = queries.SakFilter(themes=tuple(chosen), kinds=tuple(kinds), statuses=tuple(statuses),
                      regions=tuple(chosen_regions), fra=fra, til=til, q=q or None)

rows, total = queries.saker(v, f)
options = rows["sak_id"].tolist()
titles = dict(zip(rows["sak_id"], rows["title"]))
url_sak = filters.get_str("sak")
if url_sak and url_sak not in titles:
    extra = queries.sak(v, url_sak)  # a bookmark outside the filter still opens
    if extra is not None:
        options.insert(0, url_sak)
        titles[url_sak] = extra["title"]
filters.init("saker.sak", url_sak)
if st.session_state.get("saker.sak") not in (None, *options):
    st.session_state["saker.sak"] = None
picked = st.selectbox("Åpne sak", options=options, index=None, format_func=lambda s: titles.get(s, s),
                      key="saker.sak", placeholder="Velg en sak for å se hele historien")
filters.sync({"type": kinds, "status": statuses, "tema": chosen, "region": chosen_regions, "fra": fra, "til": til,
              "q": q, "sak": picked or (url_sak if url_sak and url_sak not in titles else None)})

if url_sak and picked is None and url_sak not in titles:
    show_sak(v, url_sak, key="sak")  # says the sak is gone

if picked:
    with st.container(border=True, key="sak-detalj"):
        show_sak(v, picked, key="sak")
        st.button("Lukk saken", icon=":material/close:", key="saker-lukk",
                  on_click=lambda: st.session_state.update({"saker.sak": None}))

k = queries.sak_key_figures(v, f)
cols = st.columns(4)
cols[0].metric("Saker", fmt_int(k["saker"]), help=f"Nevnt {fmt_int(k['mentions'])} ganger i referatene.")
cols[1].metric("Datasenterprosjekter", fmt_int(k["datacenters"]), help="Datasentre som ikke er stanset.")
cols[2].metric("Nedleggelser", fmt_int(k["closures"]),
               help=f"{fmt_int(k['closure_jobs'])} tapte arbeidsplasser, hver sak telt én gang (siste tall).")
cols[3].metric("Areal", fmt_daa(k["area_daa"]) or "0 daa", help="Areal i sakene som ikke er stanset, i dekar.")

filter_labels = {
    "Type": ", ".join(SAK_KIND_LABELS[x] for x in kinds) or "Alle",
    "Status": ", ".join(SAK_STATUS_LABELS[x] for x in statuses) or "Alle",
    "Tema": ", ".join(labels.get(t, t) for t in chosen) or "Alle",
    "Region": ", ".join(chosen_regions) or "Alle",
    **({"Søk": q} if q else {}),
    "Periode": period_label(fra, til, summ["first_date"], summ["last_date"]),
}
period = (fra or summ["first_date"], til or summ["last_date"])

st.subheader("Registeret")
selected = show_register(rows, total, context("Saker", "saker", filter_labels, period), key="saker-register")
if selected and selected != picked:
    st.session_state["saker.sak"] = selected
    st.rerun()

left, right = st.columns([3, 2])
with left:
    st.subheader("Hvor sakene er")
    spots = queries.saker_map(v, f)
    map_fig = figures.saker_map(v, f)
    map_ctx = context("Saker på kartet", "saker-kart", filter_labels, period)
    map_data = register_frame(spots.assign(first_mentioned=None, last_mentioned=None, amount_nok=None)).drop(
        columns=["Først nevnt", "Sist nevnt", "Beløp"])
    event = chart_with_downloads(map_fig, map_ctx, map_data, key="saker-kart", on_select="rerun",
                                 selection_mode="points")
    st.caption("Punktene står ved kommunen (eller regionen) som eier saken; størrelse = antall omtaler. "
               "Klikk på et punkt for å åpne saken.")
    hit = [p["customdata"][0] for p in points(event) if p.get("customdata")]
    if hit and hit[0] != picked:
        st.session_state["saker.sak"] = hit[0]
        st.rerun()
with right:
    st.subheader("Hvor langt de har kommet")
    bars = queries.saker_by_kind_and_status(v, f)
    bars_fig = figures.saker_status(v, f)
    bars_ctx = context("Saker per type og status", "saker-status", filter_labels, period)
    bars_data = bars.assign(kind=[SAK_KIND_LABELS.get(x, x) for x in bars["kind"]],
                            status=[SAK_STATUS_LABELS.get(x, "Uten status") for x in bars["status"]]).rename(
        columns={"kind": "Type", "status": "Status", "n": "Saker"})
    chart_with_downloads(bars_fig, bars_ctx, bars_data, key="saker-status")

st.divider()
board_pack_downloads([(map_fig, map_ctx, map_data), (bars_fig, bars_ctx, bars_data)], None, filter_labels,
                     key="saker-styrepakke", key_figures=queries.sak_key_figures(v, f))
