-- name: similarity
-- description: per stored report: the share of its sentences repeated from the same agency's previous report and from the closest other agency of its peer group and year, copy flags, and figures identical to last year's (stale data)
-- uses: common_sentences, stale_figures
--
-- Sentences are the masked content sentences etl/grade stored for each
-- report (numbers, dates and the agency's own names masked; the forms'
-- fixed text left out). A report's counted sentences are its distinct
-- sentences that are not common_sentences of its year (stock phrasing);
-- n_counted says how many.
--   prev_*     the preferred report of the same agency and period a year
--              before: prev_shared counted sentences of this report are in
--              it, prev_share = prev_shared / n_counted.
--   closest_*  among the preferred reports of other agencies of the same
--              peer group (level × agency_kind), year and period, the one
--              holding most of this report's counted sentences, with that
--              share. peers_compared is how many were compared, peers_over
--              how many hold half or more.
--   *_estimate the share of equal places of the two reports' stored MinHash
--              signatures: an estimate of the Jaccard similarity of their
--              whole sentence sets, stock phrasing included.
-- Candidate peers come from locality-sensitive hashing, never from all
-- pairs: each report's counted sentences get a one-permutation MinHash of
-- 16 bins (a sentence falls into the bin the top four bits of its hash
-- name; the bin keeps its least hash), each filled bin is a band of one row, and two
-- reports of one peer group and year are compared when a band agrees. A
-- pair whose counted sentences have Jaccard similarity J agrees in a
-- filled bin with probability J, so copies (J of a half and more) are
-- compared all but surely, and reports that share no counted sentence
-- never. The shares of the pairs compared are exact.
-- Flags (an annual report with 5 counted sentences or more is assessed; a
-- half-year self-assessment follows the notice that asked for it, and its
-- shares are given but not flagged):
--   copied_prev        prev_share ≥ 0.5
--   copied_peer        closest_share ≥ 0.5 and the other report was
--                      published earlier: this one took its text
--   copied_by_peer     closest_share ≥ 0.5 and the other report was
--                      published later: it took this report's text
--   shared_with_peer   closest_share ≥ 0.5 and the dates cannot tell who
--                      took whose text (one unknown, or the same day)
--   stale_figures      every table figure equals last year's (stale_figures)
-- copy_status, the first that holds: no_facts (stored without facts),
-- half_year, too_few_sentences, copied_prev_and_peer (copied_prev and
-- copied_peer or shared_with_peer), copied_prev, copied_peer,
-- shared_with_peer, copied_by_peer, not_copied.
WITH r AS (
    SELECT id, agency, agency_kind, level, year, period, published, path,
           id IN (SELECT id FROM preferred_reports) AS preferred
    FROM reports
),
g AS (
    SELECT r.*, f.grade_version, f.minhash, list_distinct(f.sentences) AS distinct_sentences,
           -- the peer group a report is compared within; NULL: no peers
           CASE WHEN r.agency_kind IS NOT NULL AND r.level IS NOT NULL
                THEN hash(r.year, r.period, r.level, r.agency_kind, f.grade_version) END AS peer_key
    FROM r
    JOIN report_grade f ON f.report_id = r.id
),
counted_rows AS (
    SELECT s.id, s.h
    FROM (SELECT id, year, unnest(distinct_sentences) AS h FROM g) s
    ANTI JOIN common_sentences c ON c.year = s.year AND c.hash = s.h
),
counted AS (
    SELECT id, list(h) AS hashes, count(*) AS n_counted
    FROM counted_rows
    GROUP BY id
),
prev AS (
    SELECT a.id, b.id AS prev_id, b.year AS prev_year,
           len(list_intersect(c.hashes, b.distinct_sentences)) AS shared,
           list_sum(list_transform(range(1, 65), lambda i: (a.minhash[i] = b.minhash[i])::INTEGER)) / 64 AS estimate
    FROM g a
    JOIN g b ON b.agency = a.agency AND b.period = a.period AND b.year = a.year - 1
            AND b.preferred AND b.grade_version = a.grade_version
    LEFT JOIN counted c ON c.id = a.id
),
-- The one-permutation MinHash: hashed and sorted, a report's counted
-- sentences fall into runs by the top four bits of their hash (the bin);
-- the first of each run is the bin's least value, its band.
bins AS (
    SELECT id, list_sort(list_transform(hashes, lambda h: hash(h))) AS sorted
    FROM counted
),
bands AS (
    SELECT b.id, hash(g.peer_key, unnest(list_filter(b.sorted, lambda x, i: i = 1 OR (b.sorted[i - 1] >> 60) <> (x >> 60)))) AS band,
           g.agency, g.preferred
    FROM bins b
    JOIN g USING (id)
    WHERE g.peer_key IS NOT NULL
),
candidates AS (
    SELECT DISTINCT a.id, b.id AS other_id
    FROM bands a
    JOIN bands b ON b.band = a.band
    WHERE b.preferred AND b.agency <> a.agency
),
peer_shared AS (
    SELECT k.id, k.other_id, len(list_intersect(c.hashes, o.distinct_sentences)) AS shared
    FROM candidates k
    JOIN g a ON a.id = k.id
    JOIN g o ON o.id = k.other_id
    JOIN counted c ON c.id = k.id
    -- the band is a hash of the peer group with the bin: make sure
    WHERE a.peer_key = o.peer_key
),
ranked AS (
    SELECT p.id, p.other_id, p.shared, o.agency AS other_agency, o.published AS other_published,
           list_sum(list_transform(range(1, 65), lambda i: (a.minhash[i] = o.minhash[i])::INTEGER)) / 64 AS estimate,
           row_number() OVER (PARTITION BY p.id ORDER BY p.shared DESC, o.agency, p.other_id) AS rk,
           count(*) OVER (PARTITION BY p.id) AS compared,
           count(*) FILTER (WHERE p.shared >= 0.5 * c.n_counted) OVER (PARTITION BY p.id) AS over
    FROM peer_shared p
    JOIN g o ON o.id = p.other_id
    JOIN g a ON a.id = p.id
    JOIN counted c ON c.id = p.id
    WHERE p.shared > 0
),
joined AS (
    SELECT r.agency, r.agency_kind, r.level, r.year, r.period, r.id AS report_id, r.path, r.preferred, r.published,
           g.grade_version, len(g.distinct_sentences) AS n_sentences, nc.n_counted,
           p.prev_id AS prev_report_id, p.prev_year,
           -- a count of shared sentences: none shared is 0, not a blank figure
           CASE WHEN p.prev_id IS NOT NULL AND nc.n_counted > 0 THEN p.shared END AS prev_shared,
           p.estimate AS prev_estimate,
           k.other_agency AS closest_agency, k.other_id AS closest_report_id, k.other_published AS closest_published,
           k.shared AS closest_shared, k.estimate AS closest_estimate,
           CASE WHEN g.id IS NOT NULL AND nc.n_counted > 0 THEN coalesce(k.compared, 0) END AS peers_compared, -- lint:allow-coalesce
           CASE WHEN g.id IS NOT NULL AND nc.n_counted > 0 THEN coalesce(k.over, 0) END AS peers_over, -- lint:allow-coalesce
           s.report_id IS NOT NULL AS stale_figures, s.prev_report_id AS stale_prev_report_id,
           g.id IS NOT NULL AS has_facts
    FROM r
    LEFT JOIN g ON g.id = r.id
    LEFT JOIN counted nc ON nc.id = r.id
    LEFT JOIN prev p ON p.id = r.id
    LEFT JOIN ranked k ON k.id = r.id AND k.rk = 1
    LEFT JOIN stale_figures s ON s.report_id = r.id
),
flagged AS (
    SELECT *,
           prev_shared / n_counted AS prev_share,
           closest_shared / n_counted AS closest_share,
           n_counted >= 5 AND period = 'year' AS assessed
    FROM joined
),
flags AS (
    SELECT *,
           assessed AND prev_share >= 0.5 AS copied_prev,
           assessed AND closest_share >= 0.5 AND closest_published < published AS copied_peer,
           assessed AND closest_share >= 0.5 AND closest_published > published AS copied_by_peer,
           assessed AND closest_share >= 0.5 AND (published IS NULL OR closest_published IS NULL
                                                  OR published = closest_published) AS shared_with_peer
    FROM flagged
)
SELECT agency, agency_kind, level, year, period, report_id, path, preferred, published, n_sentences, n_counted,
       prev_report_id, prev_year, prev_shared, prev_share, prev_estimate,
       closest_agency, closest_report_id, closest_published, closest_shared, closest_share, closest_estimate,
       peers_compared, peers_over,
       copied_prev IS TRUE AS copied_prev, copied_peer IS TRUE AS copied_peer,
       copied_by_peer IS TRUE AS copied_by_peer, shared_with_peer IS TRUE AS shared_with_peer,
       stale_figures, stale_prev_report_id,
       CASE
           WHEN NOT has_facts THEN 'no_facts'
           WHEN period <> 'year' THEN 'half_year'
           WHEN assessed IS NOT TRUE THEN 'too_few_sentences'
           WHEN copied_prev AND (copied_peer OR shared_with_peer) THEN 'copied_prev_and_peer'
           WHEN copied_prev THEN 'copied_prev'
           WHEN copied_peer THEN 'copied_peer'
           WHEN shared_with_peer THEN 'shared_with_peer'
           WHEN copied_by_peer THEN 'copied_by_peer'
           ELSE 'not_copied'
       END AS copy_status,
       grade_version
FROM flags
ORDER BY agency, year, period, preferred DESC, report_id
