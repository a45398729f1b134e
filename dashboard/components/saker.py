"""The register of saker as a table, and one sak's story: used by Saker and Enhet.

Text from documents (titles, quotes, unit names) is escaped before Markdown and
before plotly; tables show it as text.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import queries
from dashboard.components import figures
from dashboard.components import correct
from dashboard.components.common import context
from dashboard.components.corrected import corrected_caption, is_true
from dashboard.components.downloads import chart_with_downloads, table_downloads
from dashboard.components.statements import source_ref
from dashboard.components.text import escape_markdown, quote
from dashboard.formatting import fmt_date_long, fmt_date_short, fmt_int, fmt_nok
from etl.vocab import SAK_KIND_LABELS, SAK_STATUS_LABELS

NO_STATUS = "–"
MAX_MENTIONS_SHOWN = 25  # a sak reported at every meeting for years: the rest is in the download
def fmt_daa(value) -> str:
    """``1234.5`` → ``1 234,5 daa`` (whole dekar without decimals)."""
    if value is None or pd.isna(value):
        return ""
    v = float(value)
    if v == int(v):
        return f"{fmt_int(v)} daa"
    return f"{fmt_int(int(v))},{round((v - int(v)) * 10):d} daa"


def register_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The register as a Norwegian table: what a reader scans first, then the figures."""
    if df.empty:
        return pd.DataFrame(columns=["Sak", "Type", "Status", "Enhet", "Først nevnt", "Sist nevnt", "Nevnt",
                                     "Arbeidsplasser", "Beløp", "Areal", "Sak-ID"])
    return pd.DataFrame({
        "Sak": df["title"],
        "Type": [SAK_KIND_LABELS.get(k, k) for k in df["kind"]],
        "Status": [SAK_STATUS_LABELS.get(s, NO_STATUS) if isinstance(s, str) else NO_STATUS for s in df["status"]],
        "Enhet": df["unit_name"].fillna("–"),
        "Først nevnt": [fmt_date_short(d) for d in df["first_mentioned"]],
        "Sist nevnt": [fmt_date_short(d) for d in df["last_mentioned"]],
        "Nevnt": [int(n) for n in df["n_mentions"]],
        "Arbeidsplasser": [fmt_int(v) if pd.notna(v) else "" for v in df["jobs"]],
        "Beløp": [fmt_nok(v) if pd.notna(v) else "" for v in df["amount_nok"]],
        "Areal": [fmt_daa(v) for v in df["area_daa"]],
        "Sak-ID": df["sak_id"],
        **({"Rettet": ["Rettet" if is_true(c) else "" for c in df["corrected"]]}
           if "corrected" in df.columns and df["corrected"].fillna(False).astype(bool).any() else {}),
    })  # fmt: skip


def show_register(df: pd.DataFrame, total: int, ctx, *, key: str, selectable: bool = True):
    """The register table with its count and downloads; returns the selected sak id, if any."""
    frame = register_frame(df)
    if df.empty:
        st.info("Ingen saker for valgt filter. Prøv å fjerne et filter eller velge en lengre periode.")
        return None
    shown = f"Viser {fmt_int(len(df))} av {fmt_int(total)} saker (sist nevnt først)." if total > len(df) \
        else f"{fmt_int(total)} saker."
    st.caption(shown + (" Velg en rad for å se saken." if selectable else ""))
    event = st.dataframe(
        frame, hide_index=True, width="stretch", key=key,
        on_select="rerun" if selectable else "ignore", selection_mode="single-row",
        column_config={"Sak": st.column_config.TextColumn("Sak", width="large"),
                       "Nevnt": st.column_config.NumberColumn("Nevnt", help="Antall utsagn om saken", format="%d")},
    )  # fmt: skip
    table_downloads(frame, ctx, key=f"{key}-dl")
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or []) if selectable else []
    return df.iloc[rows[0]]["sak_id"] if rows else None


def show_sak(v, sak_id: str, *, key: str) -> bool:
    """One sak: its facts, its timeline of mentions with quote and source. False if it does not exist."""
    s = queries.sak(v, sak_id)
    if s is None:
        st.warning(f"Fant ingen sak med ID «{escape_markdown(sak_id)}». Den kan ha blitt slått sammen med en annen "
                   "sak eller fjernet sammen med referatet sitt.", icon=":material/search_off:")
        return False
    mentions = queries.sak_mentions(v, sak_id)
    st.subheader(escape_markdown(s["title"]), anchor=False)  # a title is text from the minutes, or a person's
    status = SAK_STATUS_LABELS.get(s["status"], "ingen status ennå") if isinstance(s["status"], str) else "ingen status ennå"
    where = s["unit_name"] or "ukjent enhet"
    st.caption(" · ".join(escape_markdown(x) for x in (
        SAK_KIND_LABELS.get(s["kind"], s["kind"]), where, f"status: {status}" + (
            f" ({fmt_date_short(s['status_date'])})" if pd.notna(s["status_date"]) else ""),
        f"først nevnt {fmt_date_long(s['first_mentioned'])}", f"sist nevnt {fmt_date_long(s['last_mentioned'])}",
    )))  # fmt: skip
    if is_true(s.get("corrected")):
        corrected_caption(v, "sak", sak_id)
    cols = st.columns(4)
    cols[0].metric("Nevnt", fmt_int(s["n_mentions"]), help=f"Utsagn i {fmt_int(s['n_meetings'])} møter")
    cols[1].metric("Arbeidsplasser", fmt_int(s["jobs"]) if pd.notna(s["jobs"]) else "–",
                   help="Siste tall som er nevnt" + (f"; høyeste: {fmt_int(s['jobs_max'])}" if pd.notna(s["jobs_max"]) else ""))
    cols[2].metric("Beløp", fmt_nok(s["amount_nok"]) if pd.notna(s["amount_nok"]) else "–", help="Siste beløp som er nevnt")
    cols[3].metric("Areal", fmt_daa(s["area_daa"]) or "–", help="Siste areal som er nevnt, i dekar")
    names = [*(s["organisations"] if s["organisations"] is not None else []), *(s["places"] if s["places"] is not None else [])]
    if len(names):
        st.caption("Navn og steder: " + escape_markdown(", ".join(names)))
    period = (s["first_mentioned"], s["last_mentioned"])
    ctx = context(f"Saken over tid: {s['title']}", f"sak-{sak_id}", {"Sak": s["title"]}, period)
    data = mentions.assign(meeting_date=[fmt_date_short(d) for d in mentions["meeting_date"]],
                           status=[SAK_STATUS_LABELS.get(x, NO_STATUS) if isinstance(x, str) else NO_STATUS
                                   for x in mentions["status"]])[
        ["meeting_date", "unit_name", "status", "text", "source_file", "page", "line_start", "line_end"]]
    chart_with_downloads(figures.sak_timeline(v, sak_id), ctx, data, key=f"{key}-tidslinje")
    shown = mentions if len(mentions) <= MAX_MENTIONS_SHOWN else pd.concat(
        [mentions.head(5), mentions.tail(MAX_MENTIONS_SHOWN - 5)])
    st.markdown("**Omtaler, eldste først**")
    if len(shown) < len(mentions):
        st.caption(f"Viser de 5 første og de {fmt_int(MAX_MENTIONS_SHOWN - 5)} siste av {fmt_int(len(mentions))} "
                   "omtaler. Alle ligger i CSV- og Excel-filen under tidslinjen.")
    for r in shown.itertuples():
        with st.container(border=True):
            head = f"**{fmt_date_long(r.meeting_date)}** · {escape_markdown(r.unit_name or '–')}"
            if isinstance(r.status, str):
                head += f" · {escape_markdown(SAK_STATUS_LABELS.get(r.status, r.status))}"
            st.markdown(head)
            st.markdown(quote(r.text))
            st.caption(f"Kilde: {escape_markdown(source_ref(r.source_file, r.page, r.line_start, r.line_end))}"
                       + (" · **Rettet** (se utsagnet i Møter for det opprinnelige)" if is_true(r.corrected) else ""))
            st.page_link("app_pages/moter.py", label="Se i referatet", icon=":material/description:",
                         query_params={"mote": r.meeting_id})
    # A toggle, not an expander: the form (with every sak as a choice) is only built when asked for.
    if correct.enabled() and st.toggle("Rett saken: tittel, status, slå sammen, flytt en omtale", key=f"{key}-rett-vis"):
        correct.sak_form(v, s, mentions, key=f"{key}-rett")
    return True
