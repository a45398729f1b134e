"""Søk understands Norwegian: word forms by stem, hits marked safely, themes suggested (issue #11, point 8)."""

from __future__ import annotations

import re
import sys
from concurrent.futures import ThreadPoolExecutor

import duckdb
from test_app_pages import run_app

from dashboard import queries
from dashboard.components.highlight import highlight_markdown
from etl.extract.stemming import stem

SENTRE = "Store datasentre gir betydelig lokal effekt."  # the seed minutes' two statements on data centres
SENTERET = "Store datasenteretableringer (Microsoft + nytt prosjekt)."


def test_word_forms_share_a_stem():
    assert {stem(w) for w in ("datasenter", "datasentre", "datasenteret", "datasentrene", "Datasenterets")} == {
        "datasent"}
    assert stem("hoteller") == stem("hotellet") == "hotell"
    assert stem("eu") == "eu" and stem("Data") == "dat"
    assert stem("teater") == stem("teatre")


def test_stem_is_safe_on_many_threads():
    """DuckDB calls norwegian_stem from several threads; a shared Snowball stemmer keeps its
    cursor in the object and failed there (IndexError). Frequent thread switches make it show."""
    interval = sys.getswitchinterval()
    stem.cache_clear()
    words = [f"x{i}næringsarealutviklingene" for i in range(20000)]
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(8) as pool:
            got = [s for part in pool.map(lambda ws: [stem(w) for w in ws], [words[i::8] for i in range(8)])
                   for s in part]
    finally:
        sys.setswitchinterval(interval)
    assert len(set(got)) == 20000 and all(s.endswith("næringsarealutvikling") for s in got)


def test_datasenter_finds_datasentre_and_the_compound(seed_v):
    assert queries.word_forms(seed_v, "Datasenter") == ("datasenter", "datasentre")
    rows, total = queries.search(seed_v, ("datasenter",))
    assert total == 2 and set(rows["text"]) == {SENTRE, SENTERET}
    rows, total = queries.search(seed_v, ("datasenteret",))  # a form not in the archive finds the same
    assert total == 2 and set(rows["text"]) == {SENTRE, SENTERET}
    rows, total = queries.search(seed_v, ("datasentre",))
    assert total == 1 and list(rows["text"]) == [SENTRE]


def test_every_word_must_occur(seed_v):
    rows, total = queries.search(seed_v, ("datasenter", "microsoft"))
    assert total == 1 and list(rows["text"]) == [SENTERET]
    assert queries.search(seed_v, ("datasenter", "ordetfinnesikke"))[1] == 0


def test_hostile_words_are_parameters(seed_v):
    for word in ("'; DROP TABLE mart_search_vocab; --", "%", "$w0_0", "datasent'||'re"):
        assert queries.search(seed_v, (word,))[1] == 0
    assert queries.search(seed_v, ("datasenter",))[1] == 2  # the tables are still there


def test_vocabulary_stems_match_the_query_stemmer(seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    try:
        vocab = con.execute("SELECT word, stem, n FROM mart_search_vocab").fetchall()
        texts = [t for (t,) in con.execute("SELECT search_text FROM mart_statements").fetchall()]
    finally:
        con.close()
    assert vocab and all(s == stem(w) for w, s, _ in vocab)
    assert {w for w, _, _ in vocab} == {w for t in texts for w in re.findall(r"\w+", t)}
    assert ("datasentre", "datasent", 1) in vocab


def test_highlight_escapes_first_then_marks():
    text = "Nye *datasentre* i [Asker](javascript:x) og DATASENTERET <b>"
    md = highlight_markdown(text, ["datasenter", "datasentre"])
    assert md == (r"Nye \*:orange-background[**datasentre**]\* i \[Asker\]\(javascript\:x\) og "
                  r":orange-background[**DATASENTERET**] \<b\>")
    assert highlight_markdown("Store datasenteretableringer.", ["datasenter"]) == (
        r"Store :orange-background[**datasenteretableringer**]\.")
    assert highlight_markdown("a.b", []) == r"a\.b"


def test_theme_suggestions(seed_v):
    assert queries.suggested_themes(seed_v, "datasentre") == ["datasenter"]  # by the label's word form
    assert queries.suggested_themes(seed_v, "hotell") == ["reiseliv"]  # by a taxonomy keyword
    assert queries.suggested_themes(seed_v, "kommune") == []  # one word of "Næringsvennlig kommune" is not enough
    assert queries.suggested_themes(seed_v, "chemring") == []


def test_sok_page_marks_hits_and_offers_the_theme(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "sok", {"q": "datasenter"})
    marked = [m.value for m in at.markdown if ":orange-background[**" in m.value]
    assert len(marked) == 2
    assert any(":orange-background[**datasentre**] gir betydelig lokal effekt" in m for m in marked)
    assert [b.label for b in at.button if b.key.startswith("sok.forslag.")] == ["Vis temaet Datasentre"]
    assert any(m.value.endswith("Vil du se temaet Datasentre?") for m in at.markdown)
    at.button(key="sok.forslag.datasenter").click().run()
    assert at.multiselect(key="sok.tema").value == ["datasenter"]
    assert not [b for b in at.button if b.key.startswith("sok.forslag.")]  # offered only while not chosen
    assert at.query_params["tema"] == "datasenter"


def test_a_build_without_the_vocabulary_says_rebuild(monkeypatch, tmp_path, seed_db):
    old = tmp_path / "old.duckdb"
    old.write_bytes(seed_db.read_bytes())
    with duckdb.connect(str(old)) as con:  # built before Søk knew word forms
        con.execute("DROP TABLE mart_search_vocab")
    at = run_app(monkeypatch, old, "sok", {"q": "datasenter"})
    assert any("make db" in w.value for w in at.warning)


def test_search_vocabulary_counts_every_word_of_every_statement(fixture_db):
    """mart_search_vocab splits each distinct space-separated piece once (a build-speed measure):
    its words, stems and counts must equal splitting every statement's search text as Python's \\w+ does."""
    from collections import Counter

    with duckdb.connect(str(fixture_db), read_only=True) as con:
        texts = [t for (t,) in con.execute("SELECT search_text FROM mart_statements").fetchall()]
        vocab = con.execute("SELECT word, stem, n FROM mart_search_vocab").fetchall()
    expected = Counter(w for t in texts for w in re.findall(r"\w+", t))
    assert any("\n" in t or "  " in t for t in texts)  # the fixtures have pieces that are not one word
    assert {w: n for w, _, n in vocab} == dict(expected)
    assert all(s == stem(w) for w, s, _ in vocab)
