"""Møter (/moter): the list of meetings; one meeting's parse next to its source text.

URL: ``?mote=<meeting_id>`` opens a meeting, ``&seksjon=round_table`` limits the
statements to one part of the minutes.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import filters, queries
from dashboard.components import correct, figures
from dashboard.components.common import context, page_header, theme_labels, version
from dashboard.components.corrected import MEETING_KIND_LABELS, corrected_caption, is_true
from dashboard.components.downloads import chart_with_downloads, table_downloads
from dashboard.components.statements import display_frame, line_range
from dashboard.components.source import numbered
from dashboard.components.text import escape_markdown
from dashboard.formatting import fmt_count, fmt_date_short, fmt_date_span, fmt_int
from etl.vocab import SECTION_LABELS, SECTIONS

HIGHLIGHT = "background-color: #FFE8A3"  # light amber: readable with any colour vision

v = version()
labels = theme_labels(v)
meetings = queries.meetings(v)
page_header("Møter", "Hvert referat slik det er tolket, ved siden av kildeteksten – så du kan kontrollere tolkningen.")

ids = meetings["meeting_id"].tolist()
names = queries.meeting_names(v)
url_mote = filters.get_str("mote")
if url_mote and url_mote not in names:
    filters.unknown_notice("mote", [url_mote])
filters.init("moter.mote", url_mote if url_mote in names else None)
mote = st.selectbox("Møte", options=ids, format_func=lambda m: names.get(m, m), key="moter.mote",
                    index=None, placeholder="Velg et møte for å se detaljer")

if mote is None:
    filters.sync({"mote": None, "seksjon": None})
    st.subheader("Alle møter")
    table = pd.DataFrame({
        "Dato": [fmt_date_short(d) for d in meetings["meeting_date"]],
        "Organ": meetings["organ"].fillna("–"),
        "Type": [MEETING_KIND_LABELS.get(k, k) for k in meetings["kind"].fillna("referat")],
        "Sted": meetings["place"].fillna("–"),
        "Møteleder": meetings["chair"].fillna("–"),
        "Deltakere": meetings["n_attendees"],
        "Utsagn": meetings["n_statements"],
        "Advarsler": meetings["n_warnings"],
        "Fil": meetings["source_file"],
        "Møte-id": meetings["meeting_id"],
    })
    period = (meetings["meeting_date"].min(), meetings["meeting_date"].max())
    ctx = context("Møter i faggruppen", "moter", {}, period)
    fig = figures.meetings_timeline(v)
    chart_with_downloads(fig, context("Utsagn per møte", "utsagn-per-mote", {}, period),
                         table[["Dato", "Utsagn", "Fil"]], key="moter-tidslinje")
    st.caption(f"{fmt_count(len(table), 'møte', 'møter')}. Velg et møte i listen over for å se tolkningen og kildeteksten."
               + (f" Tabellen viser de {fmt_int(queries.LIST_LIMIT)} nyeste; alle er med i nedlastingen."
                  if len(table) > queries.LIST_LIMIT else ""))
    st.dataframe(table.head(queries.LIST_LIMIT), hide_index=True, width="stretch", key="moter-liste")
    table_downloads(table, ctx, key="moter-liste-dl")
    st.stop()

m = queries.meeting(v, mote)
if m is None:
    st.info("Fant ikke møtet. Velg et annet i listen.")
    st.stop()

sections_present = [s for s in SECTIONS if s in set(queries.meeting_statements(v, mote)["section"])]
url_sec = filters.get_str("seksjon")
if url_sec and url_sec not in sections_present:
    filters.unknown_notice("seksjon", [url_sec])
filters.init("moter.seksjon", url_sec if url_sec in sections_present else None)
end = m.get("end_date")
st.markdown(
    f"**{escape_markdown(fmt_date_span(m['meeting_date'], None if pd.isna(end) else end))}**"
    f" · {escape_markdown(m.get('organ') or 'ukjent organ')} · {escape_markdown(m.get('place') or 'ukjent sted')}"
    f" · møteleder {escape_markdown(m.get('chair') or '–')} · {fmt_int(m.get('n_attendees'))} deltakere"
)
if (m.get("kind") or "referat") != "referat":
    note = " Den har bare en saksliste, og viser ingen vedtak." if m["kind"] == "innkalling" else ""
    st.info(f"Dokumenttype: {MEETING_KIND_LABELS.get(m['kind'], m['kind'])}.{note}", icon=":material/event_note:")
st.caption(f"Kilde: {escape_markdown(m['source_file'])}")
if is_true(m.get("corrected")):
    corrected_caption(v, "meeting", mote)
if correct.enabled():
    with st.expander("Rett møtet eller legg til et utsagn som mangler", icon=":material/edit:"):
        correct.meeting_form(v, m, key="moter-rett-mote")
        correct.add_statement_form(v, m, queries.source_lines(v, m["source_file"]), key="moter-legg-til")

statements = queries.meeting_statements(v, mote)
left, right = st.columns(2)
with left:
    st.subheader("Tolket struktur")
    agenda = queries.meeting_agenda(v, mote)
    with st.expander(f"Saksliste ({fmt_int(len(agenda))} saker) med vedtak", expanded=True):
        if agenda.empty:
            st.caption("Ingen saker funnet.")
        else:
            st.dataframe(pd.DataFrame({
                "Sak": agenda["item_no"].fillna(""),
                "Tittel": agenda["title"].fillna(""),
                "Vedtak": agenda["decision"].fillna(""),
                "Linjer": [line_range(a, b) for a, b in zip(agenda["line_start"], agenda["line_end"])],
            }), hide_index=True, width="stretch", key="moter-saker")

    section = st.selectbox("Del av referatet", options=sections_present, key="moter.seksjon", index=None,
                           format_func=lambda s: SECTION_LABELS.get(s, s), placeholder="Alle deler")
    shown = statements if section is None else statements[statements["section"] == section]
    frame = display_frame(shown, labels).drop(columns=["Dato", "Kilde"], errors="ignore")
    frame.insert(0, "Linjer", [line_range(a, b) for a, b in zip(shown["line_start"], shown["line_end"])])
    if section is None and "Del" not in frame.columns:
        frame.insert(1, "Del", [SECTION_LABELS.get(s, s) for s in shown["section"]])
    st.caption(f"{fmt_int(len(shown))} utsagn" + ("" if section is None else f" i «{SECTION_LABELS.get(section, section)}»")
               + ". Runde rundt bordet er gruppert per enhet (sortert i dokumentrekkefølge).")
    st.dataframe(frame, hide_index=True, width="stretch", key="moter-utsagn",
                 column_config={"Utsagn": st.column_config.TextColumn("Utsagn", width="large")})
    table_downloads(frame, context(f"Utsagn {fmt_date_short(m['meeting_date'])}", "mote-utsagn", {},
                                   (m["meeting_date"], m["meeting_date"])), key="moter-utsagn-dl")

    stmt_ids = shown["statement_id"].tolist()
    stmt_text = dict(zip(shown["statement_id"], shown["text"]))
    stmt_lines = {r.statement_id: (r.line_start, r.line_end) for r in shown.itertuples()}
    pick = st.selectbox(
        "Vis kildelinjene til et utsagn, og rett det",
        options=stmt_ids,
        index=None,
        key="moter.utsagn",
        placeholder="Velg et utsagn",
        format_func=lambda s: f"linje {line_range(*stmt_lines[s])}: {stmt_text[s][:90]}",
    )
    if pick is not None:
        correct.statement_form(v, pick, key="moter-rett-utsagn")
        correct.flag_button(v, pick, key="moter-merk")

    events = queries.meeting_events(v, mote)
    with st.expander(f"Arrangementer ({fmt_int(len(events))})"):
        if events.empty:
            st.caption("Ingen arrangementer funnet.")
        else:
            st.dataframe(pd.DataFrame({
                "Dato": [fmt_date_short(d) if pd.notna(d) else "uten dato" for d in events["event_date"]],
                "Arrangement": events["title"],
                "Arrangør": events["organiser"].fillna(""),
                "Lenke": events["url"].fillna(""),
                "Linjer": [line_range(a, b) for a, b in zip(events["line_start"], events["line_end"])],
            }), hide_index=True, width="stretch", key="moter-arr",
                column_config={"Lenke": st.column_config.LinkColumn("Lenke")})

    warnings = queries.meeting_warnings(v, m["source_file"])
    with st.expander(f"Advarsler fra tolkningen ({fmt_int(len(warnings))})", expanded=not warnings.empty):
        if warnings.empty:
            st.caption("Ingen advarsler.")
        else:
            st.dataframe(pd.DataFrame({
                "Kode": warnings["code"], "Melding": warnings["message"],
                "Linje": [fmt_int(x) if pd.notna(x) else "–" for x in warnings["line_no"]],
            }), hide_index=True, width="stretch", key="moter-adv")

filters.sync({"mote": mote, "seksjon": section})

with right:
    st.subheader("Kildetekst")
    lines = queries.source_lines(v, m["source_file"])
    if lines.empty:
        st.info("Kildeteksten er ikke lagret for dette møtet. Bygg databasen på nytt med `make db`.")
    else:
        lo = hi = None
        if pick is not None:
            lo, hi = stmt_lines[pick]
            if pd.notna(lo):
                lo, hi = int(lo), int(hi if pd.notna(hi) else lo)
                excerpt = lines[(lines["line_no"] >= lo) & (lines["line_no"] <= hi)]
                st.caption(f"Utsagnet står på linje {line_range(lo, hi)} (side {fmt_int(excerpt['page'].iloc[0]) if len(excerpt) else '–'}):")
                st.code(numbered(excerpt), language=None)
            else:
                lo = hi = None
        view = lines.rename(columns={"line_no": "Linje", "page": "Side", "text": "Tekst"})
        if lo is not None:
            # Start the table a few lines above the statement so it is in view, and mark its lines.
            view = view[view["Linje"] >= max(1, lo - 5)]
            styled = view.style.apply(
                lambda r: [HIGHLIGHT if lo <= r["Linje"] <= hi else ""] * len(r), axis=1
            )
            st.dataframe(styled, hide_index=True, width="stretch", height=640, key="moter-kilde")
            st.caption("Tabellen starter rett over utsagnet; markerte rader er utsagnets linjer. "
                       "Fjern valget for å se hele teksten.")
        else:
            st.dataframe(view, hide_index=True, width="stretch", height=640, key="moter-kilde",
                         column_config={"Tekst": st.column_config.TextColumn("Tekst", width="large")})
