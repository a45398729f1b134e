"""Styrepakke (/styrepakke): put a board pack together and download it as PowerPoint or PDF.

Pick the slides (map, heatmap, key figures, the saker table, trends …) for the chosen
Tema, Region and period, in the order they should come; give each a title and a comment;
pick the key statements by hand from a searchable table (each statement once).  Nothing
is rendered until a download button is clicked.  URL: ``?tema=…&region=…&fra=…&til=…``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import filters, organisation, pack_slides, queries, style
from dashboard.charts import GRAIN_CHOICES
from dashboard.components.common import page_header, period_label, theme_labels, version
from dashboard.components.text import escape_markdown
from dashboard.exports import api, naming, render
from dashboard.exports.pack import unique_statements
from dashboard.exports.texts import board_citation
from dashboard.formatting import fmt_date_short, fmt_int

PICKED = "styrepakke.valgte"  # the multiselect of picked statement ids (its order is the pack's)
ROWS = "styrepakke.rader"  # id → statement row, for every statement ever picked in this session
SEEN = "styrepakke.sett"  # per table: the rows it had selected at the last run (a new tick adds, once)

v = version()
summ = queries.summary(v)
themes_df = queries.themes(v)
labels = theme_labels(v)
all_regions = queries.regions(v)

page_header("Styrepakke", "Sett sammen en styrepakke: velg lysbilder og rekkefølge, skriv tittel og kommentar, "
                          "og velg de sentrale utsagnene selv.")  # fmt: skip
org = organisation.load()
for warning in org.warnings:
    st.warning(escape_markdown(warning), icon=":material/warning:")

filters.init("styrepakke.tema", filters.known(filters.get_list("tema"), themes_df["theme_id"], "tema"))
filters.init("styrepakke.region", filters.known(filters.get_list("region"), all_regions, "region"))
c1, c2 = st.columns([3, 2])
with c1:
    chosen_themes = st.multiselect("Tema", options=themes_df["theme_id"].tolist(), format_func=lambda t: labels.get(t, t),
                                   key="styrepakke.tema", placeholder="Alle temaer – velg ett eller flere")  # fmt: skip
with c2:
    chosen_regions = st.multiselect("Region", options=all_regions, key="styrepakke.region", placeholder="Alle regioner")
c1, c2 = st.columns([3, 2])
with c1:
    fra, til = filters.date_range("styrepakke", summ["first_date"], summ["last_date"])
with c2:
    grain = st.radio("Tidsinndeling i trendene", options=list(GRAIN_CHOICES), format_func=GRAIN_CHOICES.get,
                     index=1, horizontal=True, key="styrepakke.inndeling")  # fmt: skip
filters.sync({"tema": chosen_themes, "region": chosen_regions, "fra": fra, "til": til})

view = pack_slides.PackView(
    themes=tuple(chosen_themes), regions=tuple(chosen_regions), fra=fra, til=til, grain=grain,
    labels={"Tema": ", ".join(labels.get(t, t) for t in chosen_themes) or "Alle temaer",
            "Region": ", ".join(chosen_regions) or "Alle",
            "Periode": period_label(fra, til, summ["first_date"], summ["last_date"])},
    period=(fra or summ["first_date"], til or summ["last_date"]),
    corrections=queries.review.applied_count(v),
)  # fmt: skip

SLIDES_KEY = "styrepakke.lysbilder"


def move_slide(kind: str, step: int) -> None:
    """Move one picked slide up (-1) or down (+1); runs before the multiselect is drawn again."""
    order = list(st.session_state.get(SLIDES_KEY, []))
    i = order.index(kind)
    j = min(max(i + step, 0), len(order) - 1)
    order[i], order[j] = order[j], order[i]
    st.session_state[SLIDES_KEY] = order


st.subheader("Lysbilder")
kinds = st.multiselect(
    "Lysbilder, i den rekkefølgen de skal komme", options=list(pack_slides.SLIDES),
    format_func=lambda k: pack_slides.SLIDES[k].label, key=SLIDES_KEY,
    placeholder="Velg grafer, nøkkeltall eller sakstabellen",
)  # fmt: skip
st.caption("Forsiden og de sentrale utsagnene kommer alltid med. Rekkefølgen er den du velger i; "
           "flytt et lysbilde med pilene.")  # fmt: skip
texts: dict[str, tuple[str, str]] = {}
for n, kind in enumerate(kinds, start=1):
    spec = pack_slides.SLIDES[kind]
    with st.container(border=True, key=f"styrepakke-lysbilde-{kind}"):
        h1, h2, h3 = st.columns([8, 1, 1], vertical_alignment="center")
        h1.markdown(f"**Lysbilde {n + 1}: {escape_markdown(spec.label)}**")
        h2.button("", icon=":material/arrow_upward:", key=f"styrepakke.opp.{kind}", help="Flytt opp",
                  disabled=n == 1, on_click=move_slide, args=(kind, -1))  # fmt: skip
        h3.button("", icon=":material/arrow_downward:", key=f"styrepakke.ned.{kind}", help="Flytt ned",
                  disabled=n == len(kinds), on_click=move_slide, args=(kind, 1))  # fmt: skip
        t1, t2 = st.columns([2, 3])
        title = t1.text_input("Tittel", value=spec.title, key=f"styrepakke.tittel.{kind}", max_chars=120)
        comment = t2.text_area("Kommentar", value=spec.comment, key=f"styrepakke.kommentar.{kind}", max_chars=400,
                               height=68)  # fmt: skip
        texts[kind] = (title, comment)

st.subheader("Sentrale utsagn")
st.caption(f"Huk av utsagnene som skal med (høyst {style.PACK_MAX_STATEMENTS}); søket og filtrene over "
           "bytter tabellen, de du har valgt blir stående.")  # fmt: skip
s1, s2 = st.columns([3, 2])
query = s1.text_input("Søk i utsagnene", key="styrepakke.sok", placeholder="f.eks. datasenter, Gardermoen")
rows, total = queries.filtered_statements(v, view.statement_filter, (), (), ())
rows = unique_statements(rows)
unit_pick = s2.multiselect("Enhet", options=sorted(rows["unit_name"].dropna().unique()) if not rows.empty else [],
                           key="styrepakke.enhet", placeholder="Alle enheter")  # fmt: skip
if query:
    rows = rows[rows["text"].str.contains(query, case=False, regex=False, na=False)]
if unit_pick:
    rows = rows[rows["unit_name"].isin(unit_pick)]
meetings = queries.meetings(v)
kind_of = dict(zip(meetings["meeting_id"], meetings["kind"]))
rows = rows.assign(kind=[kind_of.get(m) for m in rows["meeting_id"]]).reset_index(drop=True)
table = pd.DataFrame({
    "Utsagn": rows["text"], "Enhet": rows["unit_name"].fillna("–"),
    "Møte": [fmt_date_short(d) for d in rows["meeting_date"]],
    "Kilde": [board_citation(r) for r in rows.to_dict("records")],
})  # fmt: skip
sig = f"{hash((view.statement_filter, query, tuple(unit_pick))) & 0xFFFFFFFF:x}"
event = st.dataframe(table, hide_index=True, on_select="rerun", selection_mode="multi-row", key=f"styrepakke-utsagn-{sig}",
                     height=320, column_config={"Utsagn": st.column_config.TextColumn(width="large")})  # fmt: skip
if total > len(rows) and not query and not unit_pick:
    st.caption(f"Viser de {fmt_int(len(rows))} nyeste av {fmt_int(total)} utsagn; søk for å finne eldre.")

store: dict = st.session_state.setdefault(ROWS, {})
seen: dict = st.session_state.setdefault(SEEN, {})
ticked = [rows.at[i, "statement_id"] for i in event.selection.rows if i < len(rows)]
picked = list(st.session_state.get(PICKED, []))
keys = {(" ".join(str(store[p]["text"]).split()).casefold(), store[p].get("unit_name")) for p in picked if p in store}
for sid in ticked:
    if sid in seen.get(sig, ()) or sid in picked:
        continue
    row = rows[rows["statement_id"] == sid].iloc[0].to_dict()
    key = (" ".join(str(row["text"]).split()).casefold(), row.get("unit_name"))
    if key not in keys:  # the same words from the same unit go in once
        store[sid] = row
        picked.append(sid)
        keys.add(key)
seen[sig] = set(ticked)
st.session_state[PICKED] = picked
chosen_ids = st.multiselect(
    "Valgte utsagn (i denne rekkefølgen)", options=list(store), key=PICKED,
    format_func=lambda sid: f"{store[sid].get('unit_name') or '–'}: {str(store[sid]['text'])[:80]}",
    placeholder="Ingen utsagn valgt – huk av i tabellen over",
)  # fmt: skip
if len(chosen_ids) > style.PACK_MAX_STATEMENTS:
    st.warning(f"Styrepakken tar med de {style.PACK_MAX_STATEMENTS} første av {len(chosen_ids)} valgte utsagn.")
picked_rows = pd.DataFrame([store[s] for s in chosen_ids]) if chosen_ids else pd.DataFrame()

st.subheader("Last ned")
if not render.chromium_available():
    st.caption(f"{render.CHROMIUM_MISSING}. Styrepakken lages likevel: stolpe- og linjediagrammer blir "
               "PowerPoint-diagrammer, kart og varmekart blir tabeller.")  # fmt: skip
else:
    render.prewarm()


def make(fmt: str):
    chosen = [(k, *texts[k]) for k in kinds]
    return lambda: api.export_slides([pack_slides.make_slide(v, view, k, t, c) for k, t, c in chosen], picked_rows,
                                     dict(view.labels), fmt)  # fmt: skip


with st.container(horizontal=True, gap="small", key="styrepakke-knapper"):
    for fmt, label, kind_help in (("pptx", "PowerPoint", "redigerbare diagrammer"), ("pdf", "PDF", "til utsending")):
        st.download_button(
            label, make(fmt), file_name=naming.pack_file_name(view.labels, view.period[1], fmt), mime=naming.MIME[fmt],
            key=f"styrepakke-{fmt}", on_click="ignore", type="primary" if fmt == "pptx" else "secondary",
            help=f"Styrepakken som {label} ({kind_help})",
        )  # fmt: skip
