"""Legg til referat (/legg-til): upload minutes (PDF, Word, text) and see at once what was read;
remove minutes that should not be there.

The files go into the minutes folder (``data/raw``, or ``$NAERINGSPULS_RAW``) and
the warehouse is rebuilt as ``make db`` does it (``dashboard.ingest``).  Works with
no database yet, so the very first minutes can be added here.
Only for a redaktør, and hidden in a read-only dashboard (``dashboard.auth``); the page checks that
itself too, so a typed-in URL or a page run on its own shows no form. Every upload and removal is
written to the audit log (``dashboard.audit``), with who did it and how it went.
"""

from __future__ import annotations

import streamlit as st

from dashboard import audit, auth, corrections, db, ingest, queries
from dashboard.components.common import page_header
from dashboard.components.text import escape_markdown
from dashboard.formatting import fmt_count, fmt_date_long

RESULT_KEY = "legg-til.resultat"
REMOVED_KEY = "fjern.resultat"
OUTCOME_NB = {ingest.ADDED: "lagt til", ingest.REPLACED: "erstattet", ingest.UNCHANGED: "uendret",
              ingest.FAILED: "feilet", ingest.REJECTED: "avvist", ingest.REMOVED: "fjernet"}


def log_result(action: str, result: ingest.AddResult) -> None:
    """One audit entry per request: every file with its outcome, and the build error if there was one."""
    outcome = "; ".join(f"{f.name}: {OUTCOME_NB.get(f.status, f.status)}" + (f" ({f.message})" if f.message else "")
                        for f in result.files)
    entry = audit.record(audit.audit_path(corrections.minutes_dir(db.db_path())), action, auth.user_label(),
                         files=[f.name for f in result.files], ok=result.build_error is None and all(
                             f.status not in (ingest.FAILED, ingest.REJECTED) for f in result.files),
                         outcome=(f"{result.build_error} " if result.build_error else "") + outcome)
    if entry.get("logged") is False:
        st.warning(f"Endringen er gjort, men kunne ikke skrives i loggen ({escape_markdown(entry['error'])}).",
                   icon=":material/warning:")


auth.require_editor()

page_header(
    "Legg til referat",
    "Last opp nye referater som PDF, Word (.docx) eller tekst. De leses inn med en gang og vises på alle sidene.",
)

with st.form("legg-til", clear_on_submit=True, border=True):
    files = st.file_uploader(
        "Referater", type=[ext.lstrip(".") for ext in ingest.SUPPORTED_EXTENSIONS], accept_multiple_files=True,
        key="legg-til.filer", help="Ett referat per fil. Møtedatoen må stå i referatet.",
    )  # fmt: skip
    replace = st.checkbox("Erstatt filer som har samme navn", key="legg-til.erstatt")
    submitted = st.form_submit_button("Legg til og oppdater", type="primary", icon=":material/upload_file:")

if submitted:
    if not files:
        st.warning("Velg minst én fil først.")
    else:
        with st.spinner(f"Leser {fmt_count(len(files), 'referat', 'referater')} og oppdaterer databasen …"):
            st.session_state[RESULT_KEY] = ingest.add_minutes(
                [(f.name, f.getvalue()) for f in files], ingest.raw_dir(), db.db_path(), replace=replace,
                corrections=corrections.corrections_path(db.db_path()),
            )
        log_result(audit.UPLOAD, st.session_state[RESULT_KEY])

result: ingest.AddResult | None = st.session_state.get(RESULT_KEY)
if result is not None:
    if result.build_error:
        st.error(escape_markdown(result.build_error), icon=":material/error:")
    version = db.db_version()
    loaded = queries.meetings(version) if version is not None and result.loaded else None
    for f in result.files:
        name = escape_markdown(f.name)
        if f.status in (ingest.FAILED, ingest.REJECTED):
            (st.error if f.status == ingest.FAILED else st.warning)(
                f"**{name}** ble ikke lagt til. {escape_markdown(f.message)}", icon=":material/warning:"
            )
            continue
        rows = loaded[loaded["source_file"] == f.name] if loaded is not None else None
        if rows is None or rows.empty:
            st.info(f"**{name}**: {escape_markdown(f.message or 'lagret.')}", icon=":material/info:")
            continue
        row = rows.iloc[0]
        verb = {ingest.ADDED: "lagt til", ingest.REPLACED: "erstattet", ingest.UNCHANGED: "uendret"}[f.status]
        st.success(
            f"**{name}** {verb}: møtet {fmt_date_long(row.meeting_date)}, "
            f"{fmt_count(int(row.n_statements), 'utsagn', 'utsagn')}"
            + (f", {fmt_count(int(row.n_warnings), 'advarsel', 'advarsler')} ved tolkningen" if row.n_warnings else "")
            + "." + (f" {escape_markdown(f.message)}" if f.status != ingest.UNCHANGED and f.message else ""),
            icon=":material/check_circle:",
        )
        st.page_link("app_pages/moter.py", label="Kontroller tolkningen under Møter", icon=":material/description:",
                     query_params={"mote": row.meeting_id})

st.caption(
    # Never the server's absolute path: it tells an outsider how the server is laid out (issue #12).
    f"Filene lagres i referatmappen «{escape_markdown(ingest.raw_dir().name)}». Du kan også legge filer der selv og kjøre "
    "`make db`. En fil som ikke kan leses, blir ikke liggende i mappen, og databasen fra før brukes videre."
)

st.subheader("Fjern referat")
present = ingest.minutes_files(ingest.raw_dir())
if not present:
    st.caption("Mappen har ingen referater ennå.")
else:
    with st.form("fjern", clear_on_submit=True, border=True):
        doomed = st.multiselect("Referater som skal fjernes", options=present, key="fjern.filer",
                                placeholder="Velg ett eller flere referater")
        sure = st.checkbox("Ja, fjern filene fra mappen og fra databasen", key="fjern.sikker")
        remove = st.form_submit_button("Fjern", icon=":material/delete:")
    if remove:
        if not doomed:
            st.warning("Velg minst ett referat som skal fjernes.")
        elif not sure:
            st.warning("Kryss av for å bekrefte at filene skal fjernes.")
        else:
            with st.spinner("Fjerner og oppdaterer databasen …"):
                st.session_state[REMOVED_KEY] = ingest.remove_minutes(
                    doomed, ingest.raw_dir(), db.db_path(), corrections=corrections.corrections_path(db.db_path()))
            log_result(audit.REMOVE, st.session_state[REMOVED_KEY])
            st.rerun()  # list the folder as it is now
removed: ingest.AddResult | None = st.session_state.get(REMOVED_KEY)
if removed is not None:
    if removed.build_error:
        st.error(escape_markdown(removed.build_error), icon=":material/error:")
    for f in removed.files:
        if f.status == ingest.REMOVED:
            st.success(f"**{escape_markdown(f.name)}** er fjernet.", icon=":material/check_circle:")
        else:
            st.warning(f"**{escape_markdown(f.name)}**: {escape_markdown(f.message)}", icon=":material/warning:")
