-- mart_search_vocab: every distinct word of mart_statements.search_text with its Norwegian stem and how
-- often it occurs (n), for Søk (dashboard/queries/search.py): a query word finds every word form
-- that shares its stem ("datasenter" -> datasentre, datasenteret). The stems come from Snowball's
-- Norwegian stemmer, registered as norwegian_stem by the build (etl/extract/stemming.py): each
-- distinct word is stemmed once, not every statement. Words split as Python's \w+ does.
-- The text is first cut at spaces and each distinct piece split once: the regular expression is what
-- costs, and most pieces repeat (1.2 s -> 0.19 s for bench_pages' 2 million statements, 0.10 -> 0.02 s
-- for bench_build's 1 000 documents).
WITH pieces AS (
    SELECT piece, count(*) AS k
    FROM (SELECT unnest(string_split(search_text, ' ')) AS piece FROM mart_statements)
    GROUP BY piece
),
w AS (
    SELECT word, CAST(sum(k) AS BIGINT) AS n
    FROM (SELECT unnest(regexp_split_to_array(piece, '[^\p{L}\p{N}_]+')) AS word, k FROM pieces)
    WHERE word <> ''
    GROUP BY word
)
SELECT word, norwegian_stem(word) AS stem, n
FROM w
ORDER BY stem, n DESC, word
