"""Enhet (/enhet): everything one kommune or sub-region reported, by theme and fact type.

URL: ``?enhet=Asker`` (short names are resolved: "Asker" → "Asker kommune").
A kommune also shows what its sub-region reported.
"""

from __future__ import annotations

import streamlit as st

from dashboard import filters, queries
from dashboard.components import figures
from dashboard.components.common import context, page_header, theme_labels, version
from dashboard.components.downloads import board_pack_downloads, chart_with_downloads
from dashboard.components.saker import show_register
from dashboard.components.statements import show_statements
from dashboard.components.text import escape_markdown
from dashboard.formatting import fmt_date_long, fmt_date_short, fmt_int, fmt_period
from etl.vocab import FACT_TYPE_LABELS, UNIT_KIND_LABELS

v = version()
labels = theme_labels(v)
units = queries.units(v)
options = units["unit_name"].tolist()

page_header("Enhet", "Alt en kommune eller region har rapportert, over tid, per tema og type.")

if not options:
    st.info("Ingen enheter har rapportert ennå. Når referater med «Runde rundt bordet» er lastet inn, vises de her.")
    st.stop()

kinds = dict(zip(units["unit_name"], units["unit_kind"]))
asked = filters.get_str("enhet")
resolved = filters.resolve_name(asked, options)
if asked and resolved is None and "enhet.enhet" not in st.session_state:
    # A bookmark, or a grey point on Oversikt's map: a member that has not reported yet; or a value
    # several names share ("a"), which must never silently pick one of them.
    shared = [o for o in options if asked.strip().lower() in o.lower()]
    if len(shared) > 1:
        st.warning(f"Ukjent enhet i lenken: «{escape_markdown(asked)}» passer på {fmt_int(len(shared))} enheter. "
                   f"Viser {escape_markdown(options[0])} – velg enheten nedenfor.", icon=":material/filter_alt_off:")
    else:
        st.info(f"«{escape_markdown(asked)}» har ikke rapportert noe i referatene ennå. "
                f"Viser {escape_markdown(options[0])} – velg en annen enhet nedenfor.", icon=":material/info:")
filters.init("enhet.enhet", resolved or options[0])
unit = st.selectbox(
    "Kommune eller region",
    options=options,
    key="enhet.enhet",
    format_func=lambda u: f"{u} ({UNIT_KIND_LABELS.get(kinds.get(u), 'ukjent').lower()})",
)
filters.sync({"enhet": unit})

info = queries.unit_info(v, unit)
if info is None:
    st.info("Fant ingen utsagn fra denne enheten.")
    st.stop()

rows, total = queries.unit_statements(v, unit)
period = (info.get("first_date"), info.get("last_meeting_date") or (rows["meeting_date"].max() if len(rows) else None))
kind_label = UNIT_KIND_LABELS.get(info.get("unit_kind"), "Ukjent")
meta = [kind_label]
if info.get("region") and info.get("region") != unit:
    meta.append(f"region {info['region']}")
if info.get("county"):
    meta.append(f"{info['county']}")
st.caption(" · ".join(escape_markdown(str(m)) for m in meta))

c = st.columns(3)
c[0].metric("Utsagn", fmt_int(info["n_all"]))
c[1].metric("Møter med rapport", fmt_int(info["n_meetings"]))
c[2].metric("Sist rapportert", fmt_date_long(info["last_meeting_date"]) if info["last_meeting_date"] else "–")

filter_labels = {"Enhet": unit, "Periode": fmt_period(*period) if period[0] else "Alle"}
left, right = st.columns([3, 2])
with left:
    grain = queries.trend_grain(queries.meeting_dates(v), info.get("first_date"), info.get("last_meeting_date"))
    st.subheader(f"Per tema over tid ({queries.GRAIN_LABELS[grain]})")
    trend = queries.unit_theme_trend(v, unit, grain)
    trend_fig = figures.unit_theme_trend(v, unit, grain)
    trend_ctx = context(f"{unit}: utsagn per tema", "enhet-tema", filter_labels, period)
    trend_data = trend.assign(meeting_date=[fmt_date_short(d) for d in trend["meeting_date"]]).rename(
        columns={"meeting_date": "Møtedato", "theme_id": "Tema-id", "theme_label": "Tema", "n": "Utsagn"})
    chart_with_downloads(trend_fig, trend_ctx, trend_data, key="enhet-tema")
with right:
    st.subheader("Per type")
    facts = queries.unit_fact_types(v, unit)
    type_fig = figures.unit_fact_types(v, unit)
    type_ctx = context(f"{unit}: utsagn per type", "enhet-type", filter_labels, period)
    type_data = facts.assign(fact_type=[FACT_TYPE_LABELS.get(f, f) for f in facts["fact_type"]]).rename(
        columns={"fact_type": "Type", "n": "Utsagn"})
    chart_with_downloads(type_fig, type_ctx, type_data, key="enhet-type")

# The unit's saker: a kommune's own; for a sub-region also its members' (each counted once).
sak_filter = queries.SakFilter(regions=(unit,)) if info.get("unit_kind") == "region" else queries.SakFilter(units=(unit,))
sak_rows, sak_total = queries.saker(v, sak_filter)
st.subheader("Saker", anchor=False)
st.caption("Ting enheten har rapportert om, hver telt én gang, med siste status. "
           + ("Regionens egne saker og medlemskommunenes." if info.get("unit_kind") == "region" else ""))
picked = show_register(sak_rows, sak_total, context(f"Saker – {unit}", "enhet-saker", filter_labels, period),
                       key="enhet-saker")
if picked:
    st.switch_page("app_pages/saker.py", query_params={"sak": picked})

st.subheader(f"Utsagn fra {escape_markdown(unit)}")
show_statements(rows, total, theme_labels=labels, ctx=context(f"Utsagn fra {unit}", "enhet-utsagn", filter_labels, period),
                key="enhet-utsagn", empty_text="Ingen utsagn fra denne enheten.")

region = info.get("region")
if info.get("unit_kind") == "kommune" and region and region != unit:
    st.subheader(f"Fra regionen: {escape_markdown(region)}")
    st.caption(f"Det regionen {escape_markdown(region)} selv rapporterte (kommunen er en del av regionen).")
    rrows, rtotal = queries.region_statements(v, region, unit)
    show_statements(rrows, rtotal, theme_labels=labels,
                    ctx=context(f"Utsagn fra {region}", "region-utsagn", {"Region": region}, period),
                    key="enhet-region-utsagn", empty_text=f"Regionen {escape_markdown(region)} har ikke rapportert egne utsagn ennå.")
    if region in options:
        st.button(f"Åpne {escape_markdown(region)}", icon=":material/arrow_forward:", key="enhet-open-region",
                  on_click=lambda: st.session_state.update({"enhet.enhet": region}))

st.divider()
board_pack_downloads(
    [(trend_fig, trend_ctx, trend_data), (type_fig, type_ctx, type_data)], rows, filter_labels, key="enhet-styrepakke",
    key_figures=queries.sak_key_figures(v, sak_filter),
)
