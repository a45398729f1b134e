"""Norwegian stems for Søk: "datasenter" also finds "datasentre" and "datasenteret".

The build stems every distinct word of the statements once (``stem``, called as
the SQL function ``norwegian_stem`` by etl/sql/materialised/060_mart_search_vocab.sql);
the dashboard stems the query with the same ``stem`` and searches for every word form
of the archive that shares a query word's stem.
"""

from __future__ import annotations

import functools
import re
import threading

import duckdb
import snowballstemmer
from duckdb.sqltypes import VARCHAR

# Words as the taxonomy splits them (etl/extract/themes.py): letters and digits.
WORD = re.compile(r"\w+")
SQL_FUNCTION = "norwegian_stem"

# A Snowball stemmer keeps its cursor in the object, and DuckDB calls the SQL function from
# several threads at once: shared, two words interleave and it fails (IndexError). One per thread.
_LOCAL = threading.local()
# Snowball's Norwegian stemmer keeps the -er/-re alternation of loanwords apart
# ("datasenter" -> "datasent", "datasentre" -> "datasentr", "datasenteret" -> "datasenter";
# likewise teater/teatre, meter/metre): a stem ending in consonant + "r" or "er" after a
# consonant loses it, so all three meet at "datasent".
_ER_RE = re.compile(r"(?<=[bcdfghjklmnpqstvwxz])e?r$")


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The search stem of one word (lower-cased); words shorter than four letters are kept
    whole, so "eu" or "ks" never meet an unrelated word."""
    low = word.lower()
    if len(low) < 4:
        return low
    stemmer = getattr(_LOCAL, "stemmer", None)
    if stemmer is None:
        stemmer = _LOCAL.stemmer = snowballstemmer.stemmer("norwegian")
    s = stemmer.stemWord(low)
    cut = _ER_RE.sub("", s)
    return cut if len(cut) >= 3 else s


def words(text: str | None) -> list[str]:
    """The lower-cased words of ``text``."""
    return WORD.findall((text or "").lower())


def register(con: duckdb.DuckDBPyConnection) -> None:
    """Make ``norwegian_stem(word)`` callable in SQL on ``con`` (once per connection)."""
    try:
        con.create_function(SQL_FUNCTION, stem, [VARCHAR], VARCHAR,
                            null_handling="default", side_effects=False)
    except (duckdb.NotImplementedException, duckdb.CatalogException):
        pass  # already registered on this connection, or on another cursor of its database
