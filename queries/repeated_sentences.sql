-- name: repeated_sentences
-- description: per stored report, each counted sentence it repeats from the same agency's previous report or from the closest other agency of its peer group, with its span in the text, for marking on the report's page
-- uses: similarity, common_sentences
--
-- The sentences behind similarity's prev_shared and closest_shared: seq is
-- the sentence's place among the report's sentences (1 = first),
-- start_offset and end_offset its byte span in the original text (as
-- metrics.start_offset), from_prev and from_peer where it is repeated
-- from (both can hold). Stock phrasing (common_sentences) is not listed:
-- it is not counted as copied. A sentence printed twice in the report is
-- listed at each place.
WITH s AS (
    SELECT m.report_id, m.agency, m.year, m.period, m.prev_report_id, m.closest_report_id, m.closest_agency,
           unnest(g.sentences) AS h, unnest(g.sentence_start) AS start_offset, unnest(g.sentence_end) AS end_offset,
           generate_subscripts(g.sentences, 1) AS seq
    FROM similarity m
    JOIN report_grade g ON g.report_id = m.report_id
    WHERE m.prev_shared > 0 OR m.closest_shared > 0
),
prev_set AS (
    SELECT DISTINCT m.report_id, x.h
    FROM similarity m
    JOIN report_grade g ON g.report_id = m.prev_report_id, unnest(g.sentences) x(h)
    WHERE m.prev_shared > 0
),
peer_set AS (
    SELECT DISTINCT m.report_id, x.h
    FROM similarity m
    JOIN report_grade g ON g.report_id = m.closest_report_id, unnest(g.sentences) x(h)
    WHERE m.closest_shared > 0
),
marked AS (
    SELECT s.*, p.h IS NOT NULL AS from_prev, q.h IS NOT NULL AS from_peer
    FROM s
    LEFT JOIN prev_set p ON p.report_id = s.report_id AND p.h = s.h
    LEFT JOIN peer_set q ON q.report_id = s.report_id AND q.h = s.h
    ANTI JOIN common_sentences c ON c.year = s.year AND c.hash = s.h
)
SELECT agency, year, period, report_id, seq, start_offset, end_offset, from_prev, from_peer,
       CASE WHEN from_prev THEN prev_report_id END AS prev_report_id,
       CASE WHEN from_peer THEN closest_report_id END AS peer_report_id,
       CASE WHEN from_peer THEN closest_agency END AS peer_agency
FROM marked
WHERE from_prev OR from_peer
ORDER BY agency, year, period, report_id, seq
