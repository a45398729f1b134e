"""Lists of statements with their quote and source (file, page, lines)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.components import correct
from dashboard.components.corrected import correction_note
from dashboard.components.downloads import table_downloads
from dashboard.exports.spec import ExportContext
from dashboard.formatting import fmt_date_short, fmt_int, fmt_nok
from etl.vocab import FACT_TYPE_LABELS, SECTION_LABELS

SAKER_PATH = "/saker"  # the Saker page's URL path (dashboard/streamlit_app.py)


def sak_link(sak_id) -> str | None:
    """A link to one sak (relative, so it works behind any host name)."""
    return None if sak_id is None or pd.isna(sak_id) else f"{SAKER_PATH}?sak={sak_id}"




def source_ref(source_file, page, line_start, line_end) -> str:
    """``referat.txt, s. 1, linje 45–46``."""
    parts = [str(source_file)]
    if page is not None and not pd.isna(page):
        parts.append(f"s. {int(page)}")
    if line_start is not None and not pd.isna(line_start):
        a = int(line_start)
        b = int(line_end) if line_end is not None and not pd.isna(line_end) else a
        parts.append(f"linje {a}" if a == b else f"linje {a}–{b}")
    return ", ".join(parts)


def line_range(line_start, line_end) -> str:
    if line_start is None or pd.isna(line_start):
        return "–"
    a = int(line_start)
    b = int(line_end) if line_end is not None and not pd.isna(line_end) else a
    return f"{a}" if a == b else f"{a}–{b}"


def display_frame(df: pd.DataFrame, theme_labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Statements as a Norwegian table: Dato, Enhet, Utsagn, Kilde, Tema, Type (text only, no markup)."""
    theme_labels = theme_labels or {}
    if df.empty:
        return pd.DataFrame(columns=["Dato", "Enhet", "Utsagn", "Kilde", "Tema", "Type"])
    # The quote and its source come first: they are what a reader scans for.
    out = pd.DataFrame(
        {
            "Dato": [fmt_date_short(d) for d in df["meeting_date"]],
            "Enhet": df["unit_name"].fillna("–"),
            "Utsagn": df["text"],
            "Kilde": [
                source_ref(*r)
                for r in df[["source_file", "page", "line_start", "line_end"]].itertuples(index=False, name=None)
            ],
            "Tema": [
                ", ".join(theme_labels.get(t, t) for t in (themes if themes is not None else []))
                for themes in df["themes"]
            ],
            "Type": [FACT_TYPE_LABELS.get(f, f or "–") for f in df["fact_type"]],
        }
    )
    if "section" in df.columns and df["section"].nunique() > 1:
        out["Del"] = [SECTION_LABELS.get(s, s) for s in df["section"]]
    extra = []
    if "jobs" in df.columns and df["jobs"].notna().any():
        out["Arbeidsplasser"] = [fmt_int(v) if pd.notna(v) else "" for v in df["jobs"]]
        extra.append("Arbeidsplasser")
    if "amount_nok" in df.columns and df["amount_nok"].notna().any():
        out["Beløp"] = [fmt_nok(v) if pd.notna(v) else "" for v in df["amount_nok"]]
    if "corrected" in df.columns and df["corrected"].fillna(False).astype(bool).any():
        # Marked where it is shown, with what the machine had read one column away.
        originals = df["originals"] if "originals" in df.columns else [None] * len(df)
        out["Rettet"] = [correction_note(c, o, theme_labels)
                         for c, o in zip(df["corrected"], originals)]
    if "sak_id" in df.columns and df["sak_id"].notna().any():
        out["Sak"] = [sak_link(v) for v in df["sak_id"]]  # opens the sak the statement reports on
    return out


def count_note(shown: int, total: int, noun: str = "utsagn") -> str:
    if total > shown:
        return f"Viser {fmt_int(shown)} av {fmt_int(total)} {noun} (de nyeste). Snevre inn filteret for å se resten."
    return f"{fmt_int(total)} {noun}."


def show_statements(
    df: pd.DataFrame,
    total: int,
    *,
    theme_labels: dict[str, str] | None,
    ctx: ExportContext,
    key: str,
    empty_text: str = "Ingen utsagn for valgt filter. Prøv å fjerne et filter eller velge en lengre periode.",
    correctable: bool = False,
) -> pd.DataFrame:
    """Render a statement table with its count note and downloads; returns the display frame.
    ``correctable``: a row can be selected, and the selected statement corrected or flagged below."""
    frame = display_frame(df, theme_labels)
    if df.empty:
        st.info(empty_text)
        return frame
    can_correct = correctable and correct.enabled()
    st.caption(count_note(len(df), total) + (" Velg en rad for å rette utsagnet." if can_correct else ""))
    event = st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        key=key,
        on_select="rerun" if can_correct else "ignore",
        selection_mode="single-row",
        column_config={
            "Utsagn": st.column_config.TextColumn("Utsagn", width="large"),
            "Kilde": st.column_config.TextColumn("Kilde", width="medium"),
            "Sak": st.column_config.LinkColumn("Sak", display_text="Åpne sak", width="small",
                                               help="Saken utsagnet handler om, med hele historien"),
        },
    )
    table_downloads(frame, ctx, key=f"{key}-dl")
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or []) if can_correct else []
    if rows:
        statement_id = df.iloc[rows[0]]["statement_id"]
        correct.statement_form(db.db_version(), statement_id, key=f"{key}-rett")
        correct.flag_button(db.db_version(), statement_id, key=f"{key}-merk")
    return frame
