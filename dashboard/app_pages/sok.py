"""Søk (/sok): full-text search over statements with theme, unit, period and section filters.

URL: ``?q=chemring&tema=forsvar&enhet=Asker kommune&fra=2025-01-01&til=2025-12-31&seksjon=round_table``,
``&type=nedleggelse,etablering`` (fact types) and ``&belop=ja`` (only statements with a NOK amount):
Oversikt's key figures link here with those.
Every word must occur (case-insensitive) in the statement, its unit or its organisations, in any
of its Norwegian word forms ("datasenter" also finds "datasentre", dashboard/queries/search.py).
The newest hits are shown with the words marked; a query that names a theme offers its filter.
"""

from __future__ import annotations

import streamlit as st

from dashboard import filters, queries
from dashboard.components.common import context, page_header, period_label, theme_labels, version
from dashboard.components.highlight import highlight_markdown
from dashboard.components.statements import show_statements, source_ref
from dashboard.components.text import escape_markdown
from dashboard.formatting import fmt_date_short
from etl.vocab import FACT_TYPE_LABELS, FACT_TYPES, SECTION_LABELS, SECTIONS

HIGHLIGHTED = 10  # hits shown with the words marked, above the full table


def add_theme(theme_id: str) -> None:
    """The suggestion's button: add the theme to the Tema filter (before the widget is drawn again)."""
    st.session_state["sok.tema"] = [*st.session_state.get("sok.tema", []), theme_id]

v = version()
summ = queries.summary(v)
themes_df = queries.themes(v)
labels = theme_labels(v)
unit_options = queries.units(v)["unit_name"].tolist()

page_header("Søk", "Søk i alle utsagn fra referatene. Alle ordene må forekomme, i en hvilken som helst bøyningsform "
            "(«datasenter» finner også «datasentre» og «datasenteret»).")

filters.init("sok.q", filters.get_str("q") or "")
filters.init("sok.tema", filters.known(filters.get_list("tema"), themes_df["theme_id"], "tema"))
url_units = {x: filters.resolve_name(x, unit_options) for x in filters.get_list("enhet")}
filters.unknown_notice("enhet", [x for x, u in url_units.items() if u is None])
filters.init("sok.enhet", list(dict.fromkeys(u for u in url_units.values() if u)))
url_sec = filters.get_str("seksjon")
if url_sec and url_sec not in SECTIONS:
    filters.unknown_notice("seksjon", [url_sec])
filters.init("sok.seksjon", url_sec if url_sec in SECTIONS else None)
filters.init("sok.type", filters.known(filters.get_list("type"), FACT_TYPES, "type"))
filters.init("sok.belop", (filters.get_str("belop") or "").lower() in ("ja", "1", "true"))

q = st.text_input("Søk", key="sok.q", placeholder="f.eks. datasenter, Chemring, hotell", icon=":material/search:")
for tid in [t for t in queries.suggested_themes(v, q or "") if t not in st.session_state["sok.tema"]][:2]:
    with st.container(key=f"sok-forslag-{tid}", horizontal=True, vertical_alignment="center"):
        st.markdown(f":material/lightbulb: Vil du se temaet {escape_markdown(labels.get(tid, tid))}?")
        st.button(f"Vis temaet {escape_markdown(labels.get(tid, tid))}", key=f"sok.forslag.{tid}",
                  on_click=add_theme, args=(tid,), help="Legger temaet til i Tema-filteret under")
c1, c2, c3 = st.columns([2, 2, 1])
with c1:
    chosen = st.multiselect("Tema", options=themes_df["theme_id"].tolist(), format_func=lambda t: labels.get(t, t),
                            key="sok.tema", placeholder="Alle temaer")
with c2:
    chosen_units = st.multiselect("Enhet", options=unit_options, key="sok.enhet", placeholder="Alle enheter")
with c3:
    section = st.selectbox("Del av referatet", options=list(SECTIONS), index=None, key="sok.seksjon",
                           format_func=lambda s: SECTION_LABELS.get(s, s), placeholder="Alle deler")
c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
with c1:
    types = st.multiselect("Type", options=list(FACT_TYPES), format_func=lambda t: FACT_TYPE_LABELS.get(t, t),
                           key="sok.type", placeholder="Alle typer")
with c2:
    with_amount = st.checkbox("Bare med kronebeløp", key="sok.belop")
fra, til = filters.date_range("sok", summ["first_date"], summ["last_date"])
filters.sync({"q": q, "tema": chosen, "enhet": chosen_units, "fra": fra, "til": til, "seksjon": section,
              "type": types, "belop": "ja" if with_amount else None})

words = tuple(w for w in (q or "").split() if w)
if not (words or chosen or chosen_units or types or with_amount) and section is None and fra is None and til is None:
    st.info("Skriv ett eller flere ord, eller velg et filter, for å søke i utsagnene.")
    st.stop()

rows, total = queries.search(v, words, tuple(chosen), tuple(chosen_units), fra, til, section,
                             types_sel=tuple(types), with_amount=with_amount)
filter_labels = {
    "Søk": q or "–",
    "Tema": ", ".join(labels.get(t, t) for t in chosen) or "Alle",
    "Enhet": ", ".join(chosen_units) or "Alle",
    "Type": ", ".join(FACT_TYPE_LABELS.get(t, t) for t in types) or "Alle",
    **({"Beløp": "Bare utsagn med kronebeløp"} if with_amount else {}),
    "Periode": period_label(fra, til, summ["first_date"], summ["last_date"]),
}
forms = [f for fs in queries.query_forms(v, words) for f in fs]
if forms and not rows.empty:
    with st.container(key="sok-utdrag"):
        n = min(HIGHLIGHTED, len(rows))
        st.caption(f"De {n} nyeste treffene med søkeordene markert (alle bøyningsformer). Hele listen står i "
                   "tabellen under." if n > 1 else "Treffet med søkeordene markert (alle bøyningsformer).")
        for r in rows.head(HIGHLIGHTED).itertuples(index=False):
            unit = r.unit_name if isinstance(r.unit_name, str) else "–"
            source = source_ref(r.source_file, r.page, r.line_start, r.line_end)
            head = " · ".join(escape_markdown(x) for x in (fmt_date_short(r.meeting_date), unit, source))
            st.markdown(f"{head}  \n{highlight_markdown(r.text, forms)}")
show_statements(
    rows, total, theme_labels=labels,
    ctx=context(f"Søk: {q}" if q else "Søk", "sok", filter_labels, (fra or summ["first_date"], til or summ["last_date"])),
    key="sok-treff",
    correctable=True,
    empty_text="Ingen treff. Prøv færre eller kortere ord (f.eks. «datasenter» i stedet for «datasenteretableringer»), "
               "eller fjern filtre.",
)
