"""Friendly empty and error states (no tracebacks for users)."""

from __future__ import annotations

import streamlit as st

HOW_TO_LOAD = (
    "Legg referatene (.txt, .md, .pdf eller .docx) i mappen `data/raw` og kjør "
    "`make db` (eller `python -m etl build`). Last deretter siden på nytt."
)


def no_data(*, missing_db: bool) -> None:
    st.title("Næringspuls")
    if missing_db:
        st.info(f"**Ingen referater er lastet inn ennå** – fant ingen database.\n\n{HOW_TO_LOAD}",
                icon=":material/info:")
    else:
        st.info(f"**Ingen referater er lastet inn ennå** – databasen er tom.\n\n{HOW_TO_LOAD}",
                icon=":material/info:")


def unavailable(reason: str) -> None:
    st.info(
        "**Databasen oppdateres akkurat nå.** Vent noen sekunder og last siden på nytt.\n\n"
        f"Detaljer: {reason}",
        icon=":material/hourglass_top:",
    )
