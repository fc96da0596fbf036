-- name: common_sentences
-- description: sentences that the annual reports of ten or more agencies print in the same year: stock phrasing, which does not count as copying
--
-- A sentence is a masked sentence hash of report_grade (etl/grade). Counted
-- over the preferred annual reports, one per agency and year, each
-- sentence once per report: the count is the number of agencies. Ten
-- agencies is far more than a copied report involves (two: the one copied
-- from and the copy) and far fewer than the reports a national or
-- provincial model sentence reaches. The similarity and
-- repeated_sentences queries leave these sentences out of every share.
SELECT year, h AS hash, count(*) AS agencies
FROM (SELECT p.year, unnest(list_distinct(g.sentences)) AS h
      FROM preferred_reports p
      JOIN report_grade g ON g.report_id = p.id
      WHERE p.period = 'year')
GROUP BY year, h
HAVING count(*) >= 10
ORDER BY year, agencies DESC, hash
