"""Friendly empty and error states (no tracebacks for users)."""

from __future__ import annotations

import streamlit as st

HOW_TO_LOAD = (
    "Last dem opp under **Legg til referat** i menyen, eller legg referatene (.txt, .md, .pdf "
    "eller .docx) i mappen `data/raw` og kjør `make db` (eller `python -m etl build`). "
    "Last deretter siden på nytt."
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
    """The file is being swapped in by a build (a moment's wait fixes it)."""
    st.info(
        "**Databasen oppdateres akkurat nå.** Vent noen sekunder og last siden på nytt.\n\n"
        f"Detaljer: {reason}",
        icon=":material/hourglass_top:",
    )


def unreadable(reason: str) -> None:
    """The file opens but is not a warehouse this version understands (old build, foreign file)."""
    st.warning(
        "**Databasen kunne ikke leses.** Den kan være bygget av en eldre versjon av Næringspuls "
        "eller være en annen fil. Bygg den på nytt med `make db` (eller `python -m etl build`) "
        f"og last siden på nytt.\n\nDetaljer: {reason}",
        icon=":material/build:",
    )
