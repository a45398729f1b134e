"""Numbered source lines: the minutes as they were read, next to what was made of them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import queries
from dashboard.components.statements import line_range
from dashboard.components.text import escape_markdown
from dashboard.formatting import fmt_int

MARK = "▶"  # marks the lines an entry was read from (st.code cannot colour rows)


def numbered(lines: pd.DataFrame, lo: int | None = None, hi: int | None = None) -> str:
    """``  63  text`` per line; the lines ``lo``–``hi`` marked with ▶."""
    out = []
    for n, t in zip(lines["line_no"], lines["text"]):
        marked = lo is not None and lo <= n <= (hi or lo)
        out.append(f"{MARK if marked else ' '}{int(n):>4}  {t}")
    return "\n".join(out) or " "


def show_excerpt(v, source_file: str, lo: int | None, hi: int | None, *, around: int = 4, height="content") -> None:
    """The lines ``lo``–``hi`` of a document with ``around`` lines of context (the start when no line is known)."""
    lines = queries.source_lines(v, source_file)
    if lines.empty:
        st.info("Kildeteksten er ikke lagret for dette møtet. Bygg databasen på nytt med `make db`.")
        return
    if lo is None:
        excerpt = lines.head(2 * around + 8)
        st.caption(f"Starten av {escape_markdown(source_file)}:")
    else:
        hi = hi or lo
        excerpt = lines[(lines["line_no"] >= lo - around) & (lines["line_no"] <= hi + around)]
        page = lines.loc[lines["line_no"] == lo, "page"]
        st.caption(f"Linje {line_range(lo, hi)}" + (f", side {fmt_int(page.iloc[0])}" if len(page) else "")
                   + " (markert med ▶):")
    st.code(numbered(excerpt, lo, hi), language=None, height=height, wrap_lines=True)
