-- mart_search_vocab: every distinct word of mart_statements.search_text with its Norwegian stem and how
-- often it occurs (n), for Søk (dashboard/queries/search.py): a query word finds every word form
-- that shares its stem ("datasenter" -> datasentre, datasenteret). The stems come from Snowball's
-- Norwegian stemmer, registered as norwegian_stem by the build (etl/extract/stemming.py): each
-- distinct word is stemmed once, not every statement. Words split as Python's \w+ does.
WITH w AS (
    SELECT word, count(*) AS n
    FROM (
        SELECT statement_id, unnest(regexp_split_to_array(search_text, '[^\p{L}\p{N}_]+')) AS word
        FROM mart_statements
    )
    WHERE word <> ''
    GROUP BY word
)
SELECT word, norwegian_stem(word) AS stem, n
FROM w
ORDER BY stem, n DESC, word
