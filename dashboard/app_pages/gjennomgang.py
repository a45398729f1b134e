"""Gjennomgang (/gjennomgang): the review queue, and every correction people have made.

URL: ``?ko=enheter`` opens one kind of the queue (ids of ``review_queue.KINDS``).
Each entry shows what was read beside the numbered source lines, a "Godkjent"
button that takes it out of the queue, and the corrections that fit it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import filters, queries
from dashboard.components import correct
from dashboard.components.common import context, page_header, theme_labels, version
from dashboard.components.corrected import ACTION_LABELS, FIELD_LABELS, original_value
from dashboard.components.downloads import table_downloads
from dashboard.components.source import show_excerpt
from dashboard.components.statements import source_ref
from dashboard.components.text import escape_markdown
from dashboard.formatting import fmt_count, fmt_date_long, fmt_date_short, fmt_int, fmt_nok
from dashboard.review_queue import KINDS, Entry, review_queue
from etl.corrections import STALE, STATUS_LABELS
from etl.vocab import FACT_TYPE_LABELS, SAK_KIND_LABELS, SAK_STATUS_LABELS

v = version()
labels = theme_labels(v)
page_header("Gjennomgang", "Det maskinen kan ha lest feil, med det som betyr mest for tallene først. Rett det der "
                           "det står, eller trykk «Godkjent» når tolkningen er riktig.")
if not correct.enabled():
    st.info("Dashbordet er skrivebeskyttet: du kan se køen, men ikke rette eller godkjenne.", icon=":material/lock:")

queue = review_queue(v)
log = queries.review.corrections(v)
stale = log[log["status"] == STALE]
if len(stale):
    st.warning(f"{fmt_int(len(stale))} rettelse{'r' if len(stale) != 1 else ''} er **foreldet**: kildeteksten er "
               "endret eller borte, så de brukes ikke. Se listen over rettelser nederst.", icon=":material/history:")

counts = {k: len(queue[k]) for k in KINDS}
st.caption(f"{fmt_int(sum(counts.values()))} oppføringer å se på. Godkjente oppføringer kommer ikke tilbake før "
           "teksten de gjelder, endres.")
if filters.get_str("ko") and filters.get_str("ko") not in KINDS:
    filters.unknown_notice("ko", [filters.get_str("ko")])
filters.init("gjennomgang.ko", filters.get_str("ko") if filters.get_str("ko") in KINDS
             else next((k for k in KINDS if counts[k]), next(iter(KINDS))))
kind = st.radio("Hva vil du se på?", list(KINDS), horizontal=True, key="gjennomgang.ko",
                format_func=lambda k: f"{KINDS[k]} ({fmt_int(counts[k])})")
filters.sync({"ko": kind})
entries = queue[kind]


def statement_parse(info: dict) -> pd.DataFrame:
    themes = info["themes"] if info["themes"] is not None else []
    rows = [
        ("Enhet", info["unit_name"] or "–"),
        ("Tema", ", ".join(labels.get(t, t) for t in themes) or "–"),
        ("Type", FACT_TYPE_LABELS.get(info["fact_type"], info["fact_type"])),
        ("Arbeidsplasser", fmt_int(info["jobs"]) if pd.notna(info["jobs"]) else "–"),
        ("Beløp", fmt_nok(info["amount_nok"]) if pd.notna(info["amount_nok"]) else "–"),
        ("Dato i utsagnet", fmt_date_short(info["event_date"]) if pd.notna(info["event_date"]) else "–"),
        ("Sak", info["sak_id"] if isinstance(info["sak_id"], str) else "–"),
        ("Kilde", source_ref(info["source_file"], info["page"], info["line_start"], info["line_end"])),
    ]
    return pd.DataFrame(rows, columns=["Felt", "Tolket som"])


def show_statement_entry(e: Entry, key: str) -> None:
    info = queries.review.statement_key_info(v, e.statement_id) if e.statement_id else None
    if info is None:
        st.info("Utsagnet finnes ikke lenger (det kan være rettet bort).")
        return
    if e.note:
        st.markdown(f"**Merknad:** {escape_markdown(e.note)} ({escape_markdown(e.extra.get('by') or '')})")
    left, right = st.columns(2)
    with left:
        st.markdown(f"**Utsagnet:** «{escape_markdown(info['text'])}»")
        st.dataframe(statement_parse(info), hide_index=True, width="stretch", key=f"{key}-tolket")
    with right:
        show_excerpt(v, info["source_file"], int(info["line_start"]), int(info["line_end"]))
    correct.approve_button(e.item, key=f"{key}-godkjent", label="Ferdig" if e.kind == "merket" else "Godkjent")
    correct.statement_form(v, e.statement_id, key=f"{key}-rett")


def show_meeting_entry(e: Entry, key: str) -> None:
    m = queries.meeting(v, e.meeting_id)
    if m is None:
        st.info("Møtet finnes ikke lenger.")
        return
    left, right = st.columns(2)
    with left:
        st.dataframe(pd.DataFrame([
            ("Dato", fmt_date_long(m["meeting_date"]) if pd.notna(m["meeting_date"]) else "–"),
            ("Organ", m["organ"] or "–"), ("Type", m.get("kind") or "referat"),
            ("Deltakere", fmt_int(m["n_attendees"]) if pd.notna(m["n_attendees"]) else "–"),
            ("Fil", m["source_file"]),
        ], columns=["Felt", "Tolket som"]), hide_index=True, width="stretch", key=f"{key}-tolket")
        warnings = queries.meeting_warnings(v, m["source_file"])
        if not warnings.empty:
            st.caption("Advarsler: " + escape_markdown("; ".join(warnings["message"].head(5))))
        st.page_link("app_pages/moter.py", label="Åpne møtet (legg til utsagn som mangler)", icon=":material/description:",
                     query_params={"mote": m["meeting_id"]})
    with right:
        show_excerpt(v, m["source_file"], e.line_start, e.line_end, height=360)
    correct.approve_button(e.item, key=f"{key}-godkjent")
    correct.meeting_form(v, m, key=f"{key}-rett")


def show_sak_brief(sak_id: str) -> dict | None:
    s = queries.sak(v, sak_id)
    if s is None:
        st.info("Saken finnes ikke lenger.")
        return None
    status = SAK_STATUS_LABELS.get(s["status"], "ingen status") if isinstance(s["status"], str) else "ingen status"
    st.markdown(f"**{escape_markdown(s['title'])}**")
    st.caption(escape_markdown(f"{SAK_KIND_LABELS.get(s['kind'], s['kind'])} · {s['unit_name'] or '–'} · {status} · "
                               f"nevnt {fmt_count(int(s['n_mentions']), 'gang', 'ganger')}"))
    st.page_link("app_pages/saker.py", label="Åpne saken", icon=":material/work:", query_params={"sak": sak_id})
    return s


def show_sak_entry(e: Entry, key: str) -> None:
    left, right = st.columns(2)
    with left:
        s = show_sak_brief(e.sak_ids[0])
    if s is None:
        return
    info = queries.review.statement_key_info(v, s["first_statement_id"])
    with right:
        if info is not None:
            show_excerpt(v, info["source_file"], int(info["line_start"]), int(info["line_end"]))
    correct.approve_button(e.item, key=f"{key}-godkjent")
    correct.sak_form(v, s, queries.sak_mentions(v, s["sak_id"]), key=f"{key}-rett")


def show_duplicate_entry(e: Entry, key: str) -> None:
    cols = st.columns(2)
    for col, sak_id, sid in zip(cols, e.sak_ids, (e.statement_id, e.extra["statement_b"])):
        with col, st.container(border=True):
            show_sak_brief(sak_id)
            info = queries.review.statement_key_info(v, sid)
            if info is not None:
                show_excerpt(v, info["source_file"], int(info["line_start"]), int(info["line_end"]), around=2)
    c1, c2 = st.columns(2)
    with c1:
        correct.merge_button(v, e.statement_id, e.extra["statement_b"], key=f"{key}-slaa-sammen")
    with c2:
        correct.approve_button(e.item, key=f"{key}-godkjent", label="Ikke samme sak")


def oslo_time(t) -> str:
    if t is None or pd.isna(t):
        return "–"
    t = pd.Timestamp(t)
    t = t.tz_convert("Europe/Oslo") if t.tzinfo else t
    return f"{fmt_date_short(t.date())} {t:%H:%M}"


SHOW = {"moter": show_meeting_entry, "enheter": show_statement_entry, "tall": show_statement_entry,
        "enkeltsaker": show_sak_entry, "dubletter": show_duplicate_entry, "merket": show_statement_entry}

if not entries:
    st.success(f"Ingenting å se på under «{KINDS[kind]}».", icon=":material/task_alt:")
else:
    titles = [f"{i}. {e.title}" for i, e in enumerate(entries, 1)]
    if st.session_state.get("gjennomgang.oppforing") not in range(len(entries)):
        st.session_state["gjennomgang.oppforing"] = 0
    pick = st.selectbox(f"Oppføring ({fmt_int(len(entries))})", list(range(len(entries))), key="gjennomgang.oppforing",
                        format_func=lambda i: titles[i])
    with st.container(border=True, key="gjennomgang-oppforing"):
        SHOW[kind](entries[pick], f"gj-{kind}")

st.divider()
st.subheader("Rettelser", anchor="rettelser")
if log.empty:
    st.caption("Ingen rettelser ennå. Rettelser lagres i en egen fil og brukes ved hver oppbygging av databasen.")
else:
    ordered = pd.concat([log[log["status"] == STALE], log[log["status"] != STALE]])
    table = pd.DataFrame({
        "Tidspunkt": [oslo_time(t) for t in ordered["corrected_at"]],
        "Av": ordered["corrected_by"],
        "Hva": [ACTION_LABELS.get(a, a) for a in ordered["action"]],
        "Ny verdi": [original_value(a, val, labels) if a in FIELD_LABELS else "" for a, val in zip(ordered["action"], ordered["value"])],
        "Var": [original_value(a, old, labels) if a in FIELD_LABELS else "" for a, old in zip(ordered["action"], ordered["old"])],
        "Hvorfor": ordered["why"].fillna(""),
        "Status": [STATUS_LABELS.get(s, s) for s in ordered["status"]],
        "Tekst": ordered["text"].fillna(""),
        "Kilde": [source_ref(f, None, a, b) if isinstance(f, str) else "" for f, a, b in
                  zip(ordered["source_file"], ordered["line_start"], ordered["line_end"])],
        "Rettelse-ID": ordered["correction_id"],
    })  # fmt: skip
    st.caption(f"{fmt_int(len(log))} rettelser, foreldede først. En foreldet rettelse tas vare på: rett den på nytt "
               "der teksten står nå, så erstatter den nye den gamle.")
    st.dataframe(table, hide_index=True, width="stretch", key="gjennomgang-rettelser",
                 column_config={"Tekst": st.column_config.TextColumn("Tekst", width="large")})
    table_downloads(table, context("Rettelser", "rettelser", {}, (None, None)), key="gjennomgang-rettelser-dl")
