"""Correction forms, shown where the data is (Møter, Søk, Saker, Gjennomgang).

Each form writes one correction per changed field to the corrections file
(``dashboard.corrections``), rebuilds the warehouse once, and reruns the page:
the correction is then the data everywhere.  Keys name the target by its text
(``etl.corrections.keys``).  Only a redaktør sees them (``dashboard.auth``); read-only dashboards
(``NAERINGSPULS_READ_ONLY=1``, ``NAERINGSPULS_UPLOAD=0``, or a
corrections file with a broken line) show no forms.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import auth, corrections, db, queries
from dashboard.components.corrected import MEETING_KIND_LABELS
from dashboard.components.text import escape_markdown
from etl.corrections import MEETING_KINDS
from etl.corrections.keys import lines_key, meeting_key, statement_key
from etl.vocab import FACT_TYPE_LABELS, FACT_TYPES, SAK_STATUS_LABELS, SAK_STATUSES

FLASH = "_naeringspuls_correction_result"


def who() -> str | None:
    """The signed-in user, when there is one (st.login); else None: the local user is recorded."""
    access = auth.current()
    return access.user if access.logged_in else None


def enabled() -> bool:
    """Correction forms are shown: a redaktør (never a leser), not read-only, and a clean corrections file."""
    access = auth.current()
    return access.can_edit and auth.serving_allowed(access) and corrections.writable(db.db_path())


def flash() -> None:
    """The outcome of the last correction, once, at the top of the page that made it."""
    saved = st.session_state.pop(FLASH, None)
    if saved is not None:
        (st.success if saved.ok else st.warning)(escape_markdown(saved.message), icon=":material/edit_note:")


def _save(changes: list[tuple[str, str, dict, object, object, dict | None]], why: str) -> None:
    """Write (target, action, key, value, old, other) corrections, rebuild once, rerun."""
    path = db.db_path()
    saved = None
    with st.spinner("Lagrer rettelsen og oppdaterer databasen …"):
        for i, (target, action, key, value, old, other) in enumerate(changes):
            saved = corrections.record(path, target, action, key, value=value, old=old, why=why, other=other,
                                       by=who(), rebuild=i == len(changes) - 1)
    st.session_state[FLASH] = saved
    st.rerun()


def _plain(value):
    """A value from a query as plain JSON-able Python (numpy arrays to lists, NaN/NaT to None)."""
    if hasattr(value, "tolist") and not isinstance(value, (int, float)):
        value = value.tolist()
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


def statement_key_of(info: dict, part: int | None = None) -> dict:
    return statement_key(info["source_file"], info["meeting_date"], info["text"], int(info["n"]), part)


def statement_form(v, statement_id: str, *, key: str) -> None:
    """Correct one statement: unit, themes, fact type, jobs, amount, date; not a fact; split it."""
    info = queries.review.statement_key_info(v, statement_id)
    if info is None or not enabled():
        return
    if "added" in (_plain(info["corrected_fields"]) or []):
        # Not in the minutes as the parser read them, so no key can name it: its own correction is the place.
        if statement_id.rsplit("-", 1)[-1].startswith("d"):  # "<id>-d1": a piece of a split (etl.corrections.apply)
            st.info("Dette utsagnet er en del av et utsagn en person har delt opp, og kan ikke rettes for seg. "
                    "Oppdelingen står i listen over rettelser i Gjennomgang.", icon=":material/info:")
        else:
            st.info("Dette utsagnet er lagt til av en person. Vil du endre det, legg det til på nytt fra de samme "
                    "kildelinjene i Møter: den nye rettelsen erstatter den gamle.", icon=":material/info:")
        return
    labels = dict(zip(queries.themes(v)["theme_id"], queries.themes(v)["label"]))
    units = queries.review.unit_choices(v)
    current_unit = info["unit_name"]
    unit_options = ([current_unit] if current_unit and current_unit not in units else []) + units
    with st.form(f"{key}-form", border=True):
        st.markdown("**Rett utsagnet**")
        c1, c2, c3 = st.columns(3)
        unit = c1.selectbox("Enhet", unit_options, index=unit_options.index(current_unit) if current_unit in unit_options
                            else None, key=f"{key}-enhet", placeholder="Ingen enhet")
        fact = c2.selectbox("Type", list(FACT_TYPES), index=list(FACT_TYPES).index(info["fact_type"]),
                            format_func=FACT_TYPE_LABELS.get, key=f"{key}-type")
        date = c3.date_input("Dato i utsagnet", value=_plain(info["event_date"]) and dt.date.fromisoformat(_plain(info["event_date"])),
                             format="DD.MM.YYYY", key=f"{key}-dato")
        themes = st.multiselect("Tema", list(labels), default=[t for t in _plain(info["themes"]) or [] if t in labels],
                                format_func=labels.get, key=f"{key}-tema")
        c1, c2 = st.columns(2)
        jobs = c1.number_input("Arbeidsplasser", min_value=0, step=1, value=_plain(info["jobs"]), key=f"{key}-jobber")
        amount = c2.number_input("Beløp (kr)", min_value=0, step=1_000_000, value=_plain(info["amount_nok"]),
                                 key=f"{key}-belop")
        split = st.text_area("Del opp i flere utsagn (ett per linje)", key=f"{key}-del",
                             help="Skriv hver del på sin egen linje; utsagnet erstattes av delene.")
        not_fact = st.checkbox("Dette er ikke et faktum (fjern det fra tallene)", key=f"{key}-ikke")
        why = st.text_input("Hvorfor (valgfritt)", key=f"{key}-hvorfor")
        if not st.form_submit_button("Lagre rettelse av utsagnet", type="primary", icon=":material/save:"):
            return
    k = statement_key_of(info)
    changes = []
    for action, new, old in (("set_unit", unit, current_unit), ("set_fact_type", fact, info["fact_type"]),
                             ("set_themes", themes, _plain(info["themes"]) or []),
                             ("set_jobs", _plain(jobs), _plain(info["jobs"])),
                             ("set_amount", _plain(amount), _plain(info["amount_nok"])),
                             ("set_date", _plain(date), _plain(info["event_date"]))):  # fmt: skip
        if new != old and not (action == "set_unit" and new is None):
            changes.append(("statement", action, k, new, old, None))
    pieces = [p.strip() for p in (split or "").splitlines() if p.strip()]
    if len(pieces) >= 2:
        changes.append(("statement", "split", k, pieces, info["text"], None))
    if not_fact:
        changes.append(("statement", "not_a_fact", k, False, True, None))
    if not changes:
        st.info("Ingen endringer å lagre.")
        return
    _save(changes, why)


def meeting_form(v, meeting: dict, *, key: str) -> None:
    """Correct a meeting's date, organ or kind."""
    if not enabled():
        return
    with st.form(f"{key}-form", border=True):
        st.markdown("**Rett møtet**")
        c1, c2, c3 = st.columns([1, 2, 1])
        date = c1.date_input("Møtedato", value=_plain(meeting["meeting_date"]) and dt.date.fromisoformat(_plain(meeting["meeting_date"])),
                             format="DD.MM.YYYY", key=f"{key}-dato")
        organ = c2.text_input("Organ", value=meeting.get("organ") or "", key=f"{key}-organ")
        kind = c3.selectbox("Type", list(MEETING_KINDS), index=list(MEETING_KINDS).index(meeting.get("kind") or "referat"),
                            format_func=MEETING_KIND_LABELS.get, key=f"{key}-type")
        why = st.text_input("Hvorfor (valgfritt)", key=f"{key}-hvorfor")
        if not st.form_submit_button("Lagre rettelse av møtet", icon=":material/save:"):
            return
    k = meeting_key(meeting["source_file"], queries.review.first_line(v, meeting["source_file"]))
    changes = [("meeting", a, k, new, old, None) for a, new, old in (
        ("set_meeting_date", _plain(date), _plain(meeting["meeting_date"])),
        ("set_organ", organ.strip() or None, meeting.get("organ")),
        ("set_kind", kind, meeting.get("kind") or "referat")) if new and new != old]  # fmt: skip
    if changes:
        _save(changes, why)
    else:
        st.info("Ingen endringer å lagre.")


def add_statement_form(v, meeting: dict, lines: pd.DataFrame, *, key: str) -> None:
    """Add a statement the parser missed, from a range of source lines."""
    if not enabled() or lines.empty:
        return
    top = int(lines["line_no"].max())
    with st.form(f"{key}-form", border=True):
        st.markdown("**Legg til et utsagn som mangler**")
        c1, c2, c3 = st.columns([1, 1, 2])
        lo = c1.number_input("Fra linje", min_value=1, max_value=top, step=1, value=1, key=f"{key}-fra")
        hi = c2.number_input("Til linje", min_value=1, max_value=top, step=1, value=1, key=f"{key}-til")
        units = queries.review.unit_choices(v)
        unit = c3.selectbox("Enhet", units, index=None, key=f"{key}-enhet", placeholder="Ingen enhet")
        text = st.text_area("Utsagnet (tomt: linjenes tekst)", key=f"{key}-tekst")
        why = st.text_input("Hvorfor (valgfritt)", key=f"{key}-hvorfor")
        if not st.form_submit_button("Legg til utsagn", icon=":material/add:"):
            return
    lo, hi = sorted((int(lo), int(hi)))
    chosen = lines[(lines["line_no"] >= lo) & (lines["line_no"] <= hi)]
    value = {"text": text.strip() or None, "unit": unit, "section": "round_table" if unit else "other"}
    _save([("statement", "add", lines_key(meeting["source_file"], lo, hi, chosen["text"]), value, None, None)], why)


def sak_form(v, sak: dict, mentions: pd.DataFrame, *, key: str) -> None:
    """Correct a sak: rename it, set its status, merge it with another, move one of its mentions."""
    if not enabled() or mentions.empty:
        return
    first = queries.review.statement_key_info(v, sak["first_statement_id"]) if sak.get("first_statement_id") else None
    anchor = mentions.iloc[0]
    anchor_info = first or queries.review.statement_key_info(v, anchor["statement_id"])
    if anchor_info is None:
        return
    anchor_key = statement_key_of(anchor_info, int(anchor["part"]) or None)
    others = queries.review.sak_choices(v)
    others = others[others["sak_id"] != sak["sak_id"]]
    names = dict(zip(others["sak_id"], [f"{t} ({u or '–'})" for t, u in zip(others["title"], others["unit_name"])]))
    with st.form(f"{key}-form", border=True):
        st.markdown("**Rett saken**")
        c1, c2 = st.columns([3, 2])
        title = c1.text_input("Tittel", value=sak["title"], key=f"{key}-tittel")
        status = c2.selectbox("Status", list(SAK_STATUSES), format_func=SAK_STATUS_LABELS.get, key=f"{key}-status",
                              index=list(SAK_STATUSES).index(sak["status"]) if isinstance(sak.get("status"), str) else None,
                              placeholder="Ingen status")
        merge = st.selectbox("Slå sammen med en annen sak (samme ting)", list(names), index=None, format_func=names.get,
                             key=f"{key}-slaa-sammen", placeholder="Velg saken den er den samme som")
        mention_ids = [f"{r.statement_id}#{int(r.part)}" for r in mentions.itertuples()]
        texts = {f"{r.statement_id}#{int(r.part)}": f"{r.meeting_date:%d.%m.%Y}: {r.text[:80]}" for r in mentions.itertuples()}
        c1, c2 = st.columns(2)
        moved = c1.selectbox("Flytt en omtale …", mention_ids, index=None, format_func=texts.get, key=f"{key}-omtale",
                             placeholder="Velg en omtale")
        target = c2.selectbox("… til saken", ["__egen__", *names], index=None, key=f"{key}-til",
                              format_func=lambda s: "En egen, ny sak" if s == "__egen__" else names.get(s, s),
                              placeholder="Velg sak")
        why = st.text_input("Hvorfor (valgfritt)", key=f"{key}-hvorfor")
        if not st.form_submit_button("Lagre rettelse av saken", type="primary", icon=":material/save:"):
            return
    changes = []
    if title.strip() and title.strip() != sak["title"]:
        changes.append(("sak", "rename", anchor_key, title.strip(), sak["title"], None))
    if status and status != sak.get("status"):
        changes.append(("sak", "set_status", anchor_key, status, sak.get("status"), None))
    if merge:
        other_info = queries.review.statement_key_info(v, others.set_index("sak_id").loc[merge, "first_statement_id"])
        if other_info is not None:
            changes.append(("sak", "merge", anchor_key, None, None, statement_key_of(other_info)))
    if moved and target:
        sid, part = moved.split("#")
        info = queries.review.statement_key_info(v, sid)
        other = None
        if target != "__egen__":
            other_info = queries.review.statement_key_info(v, others.set_index("sak_id").loc[target, "first_statement_id"])
            other = statement_key_of(other_info) if other_info is not None else None
        if info is not None:
            changes.append(("sak", "move", statement_key_of(info, int(part) or None), None, sak["sak_id"], other))
    if changes:
        _save(changes, why)
    else:
        st.info("Ingen endringer å lagre.")


def approve_button(item: str, *, key: str, label: str = "Godkjent") -> None:
    """Take an entry out of the review queue (keyed by its item, so it stays out across rebuilds)."""
    if enabled() and st.button(label, key=key, icon=":material/check:", help="Tolkningen er riktig: fjern fra køen"):
        _save([("review", "approve", {"item": item}, True, None, None)], "")


def flag_button(v, statement_id: str, *, key: str) -> None:
    """Put a statement in the review queue for someone to look at."""
    info = queries.review.statement_key_info(v, statement_id)
    if info is None or not enabled():
        return
    with st.popover("Merk for gjennomgang", icon=":material/flag:"):
        note = st.text_input("Hva bør sjekkes?", key=f"{key}-notat")
        if st.button("Merk", key=f"{key}-merk"):
            k = statement_key_of(info) | {"item": f"flagg|{info['source_file']}|{queries.review.text_hash(info['text'])}"}
            _save([("review", "flag", k, note or "Merket for gjennomgang", None, None)], "")


def read_only_notice() -> None:
    """In the sidebar: why corrections cannot be made right now (only a redaktør could make them)."""
    if not auth.current().can_edit:
        return
    problems = corrections.problems(db.db_path())
    if problems:
        st.warning("**Rettelser er slått av:** rettelsesfilen har feil, og dashbordet er skrivebeskyttet til den er "
                   "rettet.\n\n" + "\n\n".join(escape_markdown(p) for p in problems[:3]), icon=":material/lock:")


def merge_button(v, statement_a: str, statement_b: str, *, key: str) -> None:
    """Merge two saker (a candidate duplicate) in one click: the first sak's mention joins the second's."""
    a, b = queries.review.statement_key_info(v, statement_a), queries.review.statement_key_info(v, statement_b)
    if a is None or b is None or not enabled():
        return
    if st.button("Slå sammen – det er samme sak", key=key, icon=":material/merge:", type="primary"):
        _save([("sak", "merge", statement_key_of(a), None, None, statement_key_of(b))], "")
