"""Søk: statements containing every query word in any of its Norwegian word forms, and the
themes a query names.

A query word matches a statement whose ``search_text`` contains the word itself (so "senter"
still finds "datasenter") or any word form of the archive with the same stem
(``mart_search_vocab``, stemmed by the build with etl/extract/stemming.py; the query is stemmed
the same way): "datasenter" finds "datasentre" and "datasenteret".
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.queries.common import CACHE, LIST_LIMIT, rows_and_total, theme_filter, themes
from etl.extract.stemming import stem
from etl.extract.stemming import words as split_words
from etl.extract.themes import classify

MAX_WORDS = 8  # query words searched; the rest are ignored
MAX_FORMS = 30  # word forms per query word, most frequent first (a bounded OR per word)


@st.cache_data(**CACHE)
def word_forms(version, word: str) -> tuple[str, ...]:
    """``word`` (lower-cased) and the archive's word forms sharing its stem, none containing another:
    the search is a substring test, so "datasenteret" adds nothing once "datasenter" is there."""
    w = word.lower()
    df = db.query(
        version,
        "SELECT word FROM mart_search_vocab WHERE stem = $s ORDER BY n DESC, word LIMIT $lim",
        {"s": stem(w), "lim": MAX_FORMS},
    )
    forms = list(dict.fromkeys([w, *df["word"]]))
    return tuple(f for f in forms if not any(o != f and o in f for o in forms))


def query_forms(version, words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The word forms searched for each query word (the first ``MAX_WORDS`` non-empty words)."""
    return tuple(word_forms(version, w) for w in tuple(w for w in words if w)[:MAX_WORDS])


@st.cache_data(**CACHE)
def search(
    version,
    words: tuple[str, ...],
    themes_sel: tuple[str, ...] = (),
    units_sel: tuple[str, ...] = (),
    fra: dt.date | None = None,
    til: dt.date | None = None,
    section: str | None = None,
    limit: int = LIST_LIMIT,
    types_sel: tuple[str, ...] = (),
    with_amount: bool = False,
) -> tuple[pd.DataFrame, int]:
    """Statements whose text (or unit, or an organisation) contains every word, case-insensitively,
    in any of its word forms (``word_forms``).

    ``types_sel`` keeps statements of those fact types; ``with_amount`` only those
    that mention a NOK amount (the statements behind Oversikt's key figures)."""
    themes_sql, params = theme_filter(version, themes_sel)
    where = [themes_sql]
    # One bound parameter per word form; only the placeholders are generated, never the values.
    for i, forms in enumerate(query_forms(version, words)):
        where.append("(" + " OR ".join(f"contains(search_text, $w{i}_{j})" for j in range(len(forms))) + ")")
        params |= {f"w{i}_{j}": f for j, f in enumerate(forms)}
    # Each condition only when asked for: a parameter test evaluated on every row costs too.
    for value, sql, name in (
        (units_sel, "list_contains(CAST($units AS VARCHAR[]), unit_name)", "units"),
        (fra, "meeting_date >= CAST($fra AS DATE)", "fra"),
        (til, "meeting_date <= CAST($til AS DATE)", "til"),
        (section, "section = CAST($sec AS VARCHAR)", "sec"),
        (types_sel, "list_contains(CAST($types AS VARCHAR[]), fact_type)", "types"),
    ):
        if value:
            where.append(sql)
            params[name] = list(value) if isinstance(value, tuple) else value
    if with_amount:
        where.append("amount_nok IS NOT NULL")
    return rows_and_total(version, " AND ".join(where), params, limit=limit)


@st.cache_data(**CACHE)
def suggested_themes(version, query: str) -> list[str]:
    """Theme ids (taxonomy order) the query names: by the taxonomy's own keywords (its terms and
    stems, as the build tags statements) or by every word of the theme's label in any word form
    ("datasenter" names "Datasentre"; "kommune" alone does not name "Næringsvennlig kommune")."""
    df = themes(version)
    by_keyword = set(classify(query or ""))
    query_stems = {stem(w) for w in split_words(query)}
    return [
        tid for tid, label in zip(df["theme_id"], df["label"])
        if tid in by_keyword or {stem(w) for w in split_words(label) if len(w) > 2} <= query_stems
    ]
