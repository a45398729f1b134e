"""Enhet (/enhet): everything one kommune or sub-region reported, by theme and fact type.

URL: ``?enhet=Asker`` (short names are resolved: "Asker" → "Asker kommune").
A kommune also shows what its sub-region reported.
A sub-region (``?enhet=Follo``) is the sum of its member kommuner and what the region
itself reported, with a row per member; every sub-region of the gazetteer is in the
selector, also one that never reports under its own name (Vestregionen).  A region
sharing a kommune's name is "Indre Østfold (region)": the bare name is the kommune.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, filters, queries
from dashboard.components import figures
from dashboard.components.common import context, page_header, theme_labels, version
from dashboard.components.downloads import (
    board_pack_downloads,
    chart_with_downloads,
    table_downloads,
)
from dashboard.components.saker import show_register
from dashboard.components.statements import show_statements
from dashboard.components.text import escape_markdown
from dashboard.formatting import (
    fmt_date_long,
    fmt_date_short,
    fmt_int,
    fmt_nok,
    fmt_period,
)
from etl.extract.units import all_units
from etl.vocab import FACT_TYPE_LABELS, UNIT_KIND_LABELS

v = version()
labels = theme_labels(v)
units = queries.units(v)
regions = {r.option: r for r in queries.gazetteer_regions()}
kinds = dict(zip(units["unit_name"], units["unit_kind"])) | dict.fromkeys(regions, "region")
# Norwegian order: æ, ø, å after z.
options = sorted(set(units["unit_name"]) | set(regions), key=lambda o: o.casefold().translate(str.maketrans("æøå", "{|}")))

page_header("Enhet", "Alt en kommune eller region har rapportert, over tid, per tema og type.")

if units.empty:
    st.info("Ingen enheter har rapportert ennå. Når referater med «Runde rundt bordet» er lastet inn, vises de her.")
    st.stop()

asked = filters.get_str("enhet")
resolved = filters.resolve_name(asked, options, known=[u.name for u in all_units()])
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
    format_func=lambda u: (f"{regions[u].name} (region)" if u in regions
                           else f"{u} ({UNIT_KIND_LABELS.get(kinds.get(u), 'ukjent').lower()})"),
)
filters.sync({"enhet": unit})

region = regions.get(unit)
if region is not None:
    # A sub-region: its members' statements and its own, summed.
    name = region.name
    info = queries.region_summary(v, region) | {"unit_kind": "region"}
    rows, total = queries.region_all_statements(v, region)
    st.caption(f"Region · {fmt_int(len(region.members))} medlemskommuner: "
               + escape_markdown(", ".join(region.members) or "ingen i stedsregisteret"))
else:
    name = unit
    info = queries.unit_info(v, unit)
    if info is None:
        st.info("Fant ingen utsagn fra denne enheten.")
        st.stop()
    rows, total = queries.unit_statements(v, unit)
    meta = [UNIT_KIND_LABELS.get(info.get("unit_kind"), "Ukjent")]
    if info.get("region") and info.get("region") != unit:
        meta.append(f"region {info['region']}")
    if info.get("county"):
        meta.append(f"{info['county']}")
    st.caption(" · ".join(escape_markdown(str(m)) for m in meta))
period = (info.get("first_date"), info.get("last_meeting_date") or (rows["meeting_date"].max() if len(rows) else None))

c = st.columns(3)
c[0].metric("Utsagn", fmt_int(info["n_all"]))
c[1].metric("Møter med rapport", fmt_int(info["n_meetings"]))
c[2].metric("Sist rapportert", fmt_date_long(info["last_meeting_date"]) if info["last_meeting_date"] else "–")

filter_labels = {"Enhet": name, "Periode": fmt_period(*period) if period[0] else "Alle"}
if region is not None:
    st.subheader("Per medlemskommune", anchor=False)
    st.caption("Tallene over er summen av radene: det regionen selv rapporterte og hver medlemskommune.")
    breakdown = queries.region_breakdown(v, region)
    kind_col = ["Regionen selv" if k == "region" else "Medlemskommune" for k in breakdown["unit_kind"]]
    shown = breakdown.assign(
        unit_kind=kind_col, n_statements=[fmt_int(n) for n in breakdown["n_statements"]],
        n_meetings=[fmt_int(n) for n in breakdown["n_meetings"]],
        jobs=[fmt_int(j) if pd.notna(j) else "–" for j in breakdown["jobs"]],
        amount_nok=[fmt_nok(a) if pd.notna(a) else "–" for a in breakdown["amount_nok"]],
        last_meeting_date=[fmt_date_short(d) if pd.notna(d) else "–" for d in breakdown["last_meeting_date"]])
    names = {"unit_name": "Enhet", "unit_kind": "Type", "n_statements": "Antall utsagn", "n_meetings": "Møter med rapport",
             "jobs": "Arbeidsplasser", "amount_nok": "Beløp (kr)", "last_meeting_date": "Sist rapportert"}
    st.dataframe(shown.rename(columns=names | {"amount_nok": "Beløp"}), hide_index=True, width="stretch", key="enhet-medlemmer")
    table_downloads(breakdown.assign(unit_kind=kind_col).rename(columns=names),
                    context(f"{name}: per medlemskommune", "region-medlemmer", filter_labels, period),
                    key="enhet-medlemmer-dl")

left, right = st.columns([3, 2])
with left:
    grain = queries.trend_grain(queries.meeting_dates(v), info.get("first_date"), info.get("last_meeting_date"))
    st.subheader(f"Per tema over tid ({queries.GRAIN_LABELS[grain]})")
    if region is not None:
        trend = queries.region_theme_trend(v, region, grain)
        trend_fig = charts.theme_trend(trend, grain=grain)
    else:
        trend = queries.unit_theme_trend(v, unit, grain)
        trend_fig = figures.unit_theme_trend(v, unit, grain)
    trend_ctx = context(f"{name}: utsagn per tema", "enhet-tema", filter_labels, period)
    trend_data = trend.assign(meeting_date=[fmt_date_short(d) for d in trend["meeting_date"]]).rename(
        columns={"meeting_date": "Møtedato", "theme_id": "Tema-id", "theme_label": "Tema", "n": "Utsagn"})
    chart_with_downloads(trend_fig, trend_ctx, trend_data, key="enhet-tema")
with right:
    st.subheader("Per type")
    if region is not None:
        facts = queries.region_fact_types(v, region)
        type_fig = charts.fact_type_bars(facts)
    else:
        facts = queries.unit_fact_types(v, unit)
        type_fig = figures.unit_fact_types(v, unit)
    type_ctx = context(f"{name}: utsagn per type", "enhet-type", filter_labels, period)
    type_data = facts.assign(fact_type=[FACT_TYPE_LABELS.get(f, f) for f in facts["fact_type"]]).rename(
        columns={"fact_type": "Type", "n": "Utsagn"})
    chart_with_downloads(type_fig, type_ctx, type_data, key="enhet-type")

# The unit's saker: a kommune's own; for a sub-region its own and its members' (each counted once).
if region is not None:
    sak_filter = queries.SakFilter(units=(region.name, *region.members))
else:
    sak_filter = queries.SakFilter(units=(unit,))
sak_rows, sak_total = queries.saker(v, sak_filter)
st.subheader("Saker", anchor=False)
st.caption("Ting enheten har rapportert om, hver telt én gang, med siste status. "
           + ("Regionens egne saker og medlemskommunenes." if region is not None else ""))
picked = show_register(sak_rows, sak_total, context(f"Saker – {name}", "enhet-saker", filter_labels, period),
                       key="enhet-saker")
if picked:
    st.switch_page("app_pages/saker.py", query_params={"sak": picked})

st.subheader(f"Utsagn fra {escape_markdown(name)}" + (" og medlemskommunene" if region is not None else ""))
show_statements(rows, total, theme_labels=labels, ctx=context(f"Utsagn fra {name}", "enhet-utsagn", filter_labels, period),
                key="enhet-utsagn", empty_text="Ingen utsagn fra denne enheten." if region is None
                else "Verken regionen eller medlemskommunene har rapportert ennå.")

home = info.get("region")
if region is None and info.get("unit_kind") == "kommune" and home and home != unit:
    st.subheader(f"Fra regionen: {escape_markdown(home)}")
    st.caption(f"Det regionen {escape_markdown(home)} selv rapporterte (kommunen er en del av regionen).")
    rrows, rtotal = queries.region_statements(v, home, unit)
    show_statements(rrows, rtotal, theme_labels=labels,
                    ctx=context(f"Utsagn fra {home}", "region-utsagn", {"Region": home}, period),
                    key="enhet-region-utsagn", empty_text=f"Regionen {escape_markdown(home)} har ikke rapportert egne utsagn ennå.")
    target = next((o for o, r in regions.items() if r.name == home), None)
    if target:
        st.button(f"Åpne {escape_markdown(home)}", icon=":material/arrow_forward:", key="enhet-open-region",
                  on_click=lambda: st.session_state.update({"enhet.enhet": target}))

st.divider()
board_pack_downloads(
    [(trend_fig, trend_ctx, trend_data), (type_fig, type_ctx, type_data)], rows, filter_labels, key="enhet-styrepakke",
    key_figures=queries.sak_key_figures(v, sak_filter),
)
