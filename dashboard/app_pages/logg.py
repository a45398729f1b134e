"""Logg (/logg): the audit log, newest first: who uploaded, removed or corrected what, when, and how it went.

Only for a redaktør (left out of the navigation for anyone else, and guarded here).
Every value is user data (file names, e-mail addresses, statement text), so each is escaped.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import streamlit as st

from dashboard import audit, auth, corrections, db
from dashboard.components.common import page_header
from dashboard.components.text import escape_markdown
from dashboard.formatting import fmt_count, fmt_date_long

SHOWN = 200  # the newest entries on the page; the file keeps them all
OSLO = ZoneInfo("Europe/Oslo")

auth.require_editor(reading=True)
page_header("Logg", "Hvem som har lastet opp, fjernet og rettet referater, og hvordan det gikk. Nyeste først.")

path = audit.audit_path(corrections.minutes_dir(db.db_path()))
entries, bad = audit.read(path)
if bad:
    st.warning(f"{fmt_count(bad, 'linje', 'linjer')} i {escape_markdown(path.name)} kunne ikke leses og er hoppet over.",
               icon=":material/warning:")
if not entries:
    st.info("Loggen er tom: ingen har lastet opp, fjernet eller rettet noe ennå.", icon=":material/history:")
    st.stop()

kinds = {k: v for k, v in audit.ACTION_LABELS.items() if any(e.get("action") == k for e in entries)}
chosen = st.pills("Vis", list(kinds), format_func=kinds.get, selection_mode="multi", key="logg.type")
if chosen:
    entries = [e for e in entries if e.get("action") in chosen]
st.caption(f"{fmt_count(len(entries), 'hendelse', 'hendelser')}"
           + (f", de {SHOWN} nyeste vises." if len(entries) > SHOWN else "."))


def when(at: str) -> str:
    """UTC in the file; Oslo time on screen."""
    try:
        t = dt.datetime.fromisoformat(at).astimezone(OSLO)
    except (TypeError, ValueError):
        return escape_markdown(at)
    return f"{fmt_date_long(t.date())} kl. {t:%H:%M:%S}"


for e in entries[:SHOWN]:
    label = audit.ACTION_LABELS.get(e.get("action"), str(e.get("action")))
    icon = ":material/check_circle:" if e.get("ok", True) else ":material/error:"
    files = ", ".join(escape_markdown(f) for f in e.get("files") or [])
    with st.container(border=True):
        st.markdown(f"{icon} **{escape_markdown(label)}** · {when(e.get('at'))} · {escape_markdown(e.get('by'))}"
                    + (f"  \n{files}" if files else ""))
        for part in (e.get("summary"), e.get("outcome")):
            if part:
                st.caption(escape_markdown(part))
