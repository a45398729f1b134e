"""Filter state that lives in the URL, so a copied link reproduces the view.

Stable parameter names (bookmarks depend on them): ``tema``, ``region``, ``enhet``,
``fra``, ``til``, ``q``, ``mote``, ``seksjon``, ``type``, ``belop``, ``status``, ``sak``.  Lists are comma-separated
(``?tema=forsvar,datasenter``), dates are ISO (``?fra=2025-01-01``).

Pattern on a page: ``init(key, value_from_url)`` before the widget (the widget
then takes its value from ``st.session_state[key]``), and ``sync({...})`` after
all widgets to write the current values back to ``st.query_params``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import streamlit as st

from dashboard.components.text import escape_markdown

PARAMS = ("tema", "region", "enhet", "fra", "til", "q", "mote", "seksjon", "type", "belop", "status", "sak")
# What a parameter is called in the notice about a value the view does not know.
PARAM_LABELS = {"tema": "tema", "region": "region", "enhet": "enhet", "fra": "dato", "til": "dato", "mote": "møte",
                "seksjon": "seksjon", "type": "type", "status": "status", "sak": "sak", "ko": "kø"}


def unknown_notice(name: str, values: Iterable[str]) -> None:
    """Say that a link's filter value is unknown and not applied (never silently show everything)."""
    shown = ", ".join(f"«{escape_markdown(v)}»" for v in values)
    if shown:
        st.warning(f"Ukjent {PARAM_LABELS.get(name, name)} i lenken: {shown}. Filteret er ikke brukt.",
                   icon=":material/filter_alt_off:")


def get_str(name: str) -> str | None:
    value = st.query_params.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def get_list(name: str) -> list[str]:
    """``?tema=forsvar,datasenter`` (or repeated ``?tema=a&tema=b``) → ``["forsvar", "datasenter"]``."""
    values = st.query_params.get_all(name)
    out: list[str] = []
    for v in values:
        for part in str(v).split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def get_date(name: str) -> dt.date | None:
    value = get_str(name)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        try:  # Norwegian 23.10.2025 is accepted too
            return dt.datetime.strptime(value, "%d.%m.%Y").date()
        except ValueError:
            unknown_notice(name, [value])
            return None


def init(key: str, value) -> None:
    """Seed a widget's state from the URL the first time the page renders in this session."""
    if key not in st.session_state:
        st.session_state[key] = value


def known(values: Iterable[str], options: Iterable[str], param: str | None = None) -> list[str]:
    """Keep only URL values that are valid options (a stale bookmark must not crash a widget);
    with ``param``, the others are named in a notice."""
    opts = list(options)
    lower = {str(o).lower(): o for o in opts}
    out, unknown = [], []
    for v in values:
        match = v if v in opts else lower.get(str(v).lower())
        if match is None:
            unknown.append(v)
        elif match not in out:
            out.append(match)
    if param:
        unknown_notice(param, unknown)
    return out


def encode(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value) or None
    if isinstance(value, dt.date):
        return value.isoformat()
    value = str(value).strip()
    return value or None


def sync(values: dict[str, object]) -> None:
    """Write the view's current filter values to the URL; empty/None values are removed."""
    for name, value in values.items():
        text = encode(value)
        current = st.query_params.get_all(name)
        if text is None:
            if current:
                del st.query_params[name]
        elif current != [text]:
            st.query_params[name] = text


def date_range(key_prefix: str, first: dt.date | None, last: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """Two date inputs "Fra"/"Til" bound to ``?fra=``/``?til=``; returns (fra, til) or (None, None) when unfiltered.

    The defaults are the first and last meeting date; only a narrower choice goes into the URL.
    """
    if first is None or last is None:
        return None, None
    fra_url, til_url = get_date("fra"), get_date("til")
    clamp = lambda d, default: min(max(d, first), last) if d else default  # noqa: E731
    init(f"{key_prefix}.fra", clamp(fra_url, first))
    init(f"{key_prefix}.til", clamp(til_url, last))
    c1, c2 = st.columns(2)
    with c1:
        fra = st.date_input("Fra", key=f"{key_prefix}.fra", min_value=first, max_value=last, format="DD.MM.YYYY")
    with c2:
        til = st.date_input("Til", key=f"{key_prefix}.til", min_value=first, max_value=last, format="DD.MM.YYYY")
    if fra and til and fra > til:
        fra, til = til, fra
    return (fra if fra and fra != first else None), (til if til and til != last else None)


def resolve_name(value: str | None, options: Iterable[str], known: Iterable[str] = ()) -> str | None:
    """Match a bookmark's short name to an option: ``Asker`` → ``Asker kommune``.

    Exact (case-insensitive) match first, then "<value> kommune", then a unique prefix,
    then a unique substring.  A value several options share (``a``) matches none: the page
    says so instead of picking one silently.  A value that is itself one of the ``known``
    names (every unit of the gazetteer) only matches exactly: ``Follo`` never opens
    ``Nordre Follo``, nor ``Nes`` ``Nesodden``.
    """
    if not value:
        return None
    opts = list(options)
    v = value.strip().lower()
    for o in opts:
        if o.lower() == v:
            return o
    for o in opts:
        if o.lower() == f"{v} kommune":
            return o
    if len(v) < 3:  # "a" or "os" is a typo or a probe, not a name
        return None
    if any(str(k).lower() in (v, f"{v} kommune") for k in known):
        return None
    for test in (lambda o: o.lower().startswith(v), lambda o: v in o.lower()):
        hits = [o for o in opts if test(o)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None
    return None
