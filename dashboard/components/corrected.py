"""How a corrected value is marked wherever it is shown: "Rettet", with the original one line away.

The originals come from ``v_corrections.old`` (JSON: what the machine had read);
text from documents is escaped by the caller before Markdown.
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from dashboard import queries
from dashboard.components.text import escape_markdown
from dashboard.formatting import fmt_date_short, fmt_int, fmt_nok
from etl.vocab import FACT_TYPE_LABELS, SAK_STATUS_LABELS

# What each correction changed, as a reader names it.
FIELD_LABELS = {
    "set_unit": "Enhet", "set_themes": "Tema", "set_fact_type": "Type", "set_jobs": "Arbeidsplasser",
    "set_amount": "Beløp", "set_date": "Dato", "set_meeting_date": "Møtedato", "set_organ": "Organ",
    "set_kind": "Type møte", "rename": "Tittel", "set_status": "Status",
}  # fmt: skip
ACTION_LABELS = {
    **FIELD_LABELS, "not_a_fact": "Ikke et faktum", "split": "Delt opp", "add": "Lagt til", "merge": "Slått sammen",
    "move": "Omtale flyttet", "approve": "Godkjent", "flag": "Merket",
}  # fmt: skip
MEETING_KIND_LABELS = {"referat": "Referat", "innkalling": "Innkalling (bare saksliste)", "annet": "Annet"}


def original_value(action: str, old_json, theme_labels: dict[str, str] | None = None) -> str:
    """The machine's value before a correction, in words (``old`` is JSON, as in v_corrections)."""
    try:
        old = json.loads(old_json) if isinstance(old_json, str) else old_json
    except ValueError:
        old = old_json
    if old in (None, "", []):
        return "tomt"
    if action == "set_themes":
        return "«" + ", ".join((theme_labels or {}).get(t, t) for t in old) + "»"
    if action == "set_fact_type":
        return f"«{FACT_TYPE_LABELS.get(old, old)}»"
    if action == "set_status":
        return f"«{SAK_STATUS_LABELS.get(old, old)}»"
    if action == "set_kind":
        return f"«{MEETING_KIND_LABELS.get(old, old)}»"
    if action == "set_jobs":
        return fmt_int(old)
    if action == "set_amount":
        return fmt_nok(old)
    if action in ("set_date", "set_meeting_date"):
        return fmt_date_short(old)
    return f"«{old}»"


def change_text(action: str, old, theme_labels: dict[str, str] | None = None) -> str | None:
    if action == "add":
        return "lagt til fra kildelinjene"
    if action == "split":
        return "delt opp"
    if action == "merge":
        return "slått sammen med en annen sak"
    if action == "move":
        return "en omtale er flyttet"
    if action in FIELD_LABELS:
        return f"{FIELD_LABELS[action]} var {original_value(action, old, theme_labels)}"
    return None


def is_true(value) -> bool:
    """A BOOLEAN from a query (numpy or Python, NULL as False)."""
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and bool(value)


def correction_note(corrected, originals, theme_labels: dict[str, str] | None = None) -> str:
    """``Rettet: Tema var «Energi»; Arbeidsplasser var 70`` (plain text, for a table cell)."""
    if not is_true(corrected):
        return ""
    items = list(originals) if originals is not None and not isinstance(originals, float) else []
    parts = [p for p in (change_text(i["action"], i["old"], theme_labels) for i in items) if p]
    return "Rettet" + (": " + "; ".join(parts) if parts else " (lagt til av en person)")


def corrected_caption(v, target: str, target_id: str) -> None:
    """Under a corrected meeting or sak: who corrected what, and what the machine had."""
    df = queries.review.corrections_of(v, target, target_id)
    if df.empty:
        return
    parts = [p for p in (change_text(a, o) for a, o in zip(df["action"], df["old"])) if p]
    who = sorted(set(df["corrected_by"].dropna()))
    last = df["corrected_at"].max()
    when = fmt_date_short(last.date()) if isinstance(last, pd.Timestamp) else ""
    st.caption(f":material/edit_note: **Rettet** av {escape_markdown(', '.join(who))} {when}: "
               + escape_markdown("; ".join(parts)))
