-- A synthetic database for the query benchmark (not a named query): fills
-- reports, metrics and checks with bench_params.n_reports reports — one per
-- agency × year over ten years (2014–2023) — in the forms of their era, with
-- every key of spec/metrics.tsv that the form carries (temp table
-- bench_keys, filled by BenchFill), 5% blank cells, 2% revised reports and
-- ten checks per table report. Values are pseudo-random from hashes, so the
-- same size always gives the same database.
INSERT INTO reports (id, path, format, encoding, size, agency, agency_kind, level, province, city,
                     year, period, form, published, n_figures, current, parser_version, ingested_at)
WITH params AS (SELECT n_reports FROM bench_params),
base AS (
    SELECT a AS agency_no, 2014 + y AS year
    FROM params,
         range(CAST(ceil(n_reports / 10.0) AS BIGINT)) AS t(a),
         range(10) AS u(y)
),
numbered AS (
    SELECT *, row_number() OVER (ORDER BY agency_no, year) AS n FROM base
)
SELECT sha256('bench-' || agency_no || '-' || year) AS id,
       'bench/' || agency_no || '/' || year || '.txt' AS path,
       'txt', 'utf-8', 10000 + hash(agency_no, year) % 50000,
       '合成' || ['省', '市', '县', '镇'][1 + agency_no % 4] || agency_no
           || ['司法局', '人民政府', '公安局', '统计局', '信访局', '街道办事处'][1 + agency_no % 6] AS agency,
       ['司法局', '人民政府', '公安局', '统计局', '信访局', '街道办事处'][1 + agency_no % 6],
       ['province', 'city', 'county', 'township'][1 + agency_no % 4],
       '合成省' || agency_no % 31, '合成市' || agency_no % 300,
       year, 'year',
       CASE WHEN year < 2019 THEN CASE WHEN hash(agency_no, year, 'f') % 10 < 6 THEN 'legacy' ELSE 'narrative' END
            WHEN hash(agency_no, year, 'f') % 10 = 0 THEN 'narrative'
            WHEN year < 2021 THEN 'table2019'
            ELSE 'table2021' END,
       make_date(year + 1, CAST(1 + hash(agency_no, year) % 3 AS BIGINT), CAST(1 + hash(year, agency_no) % 28 AS BIGINT)),
       0, true, 'bench', TIMESTAMP '2026-01-01 00:00:00'
FROM numbered, params
WHERE n <= n_reports;

-- 2% of the reports have an earlier version at another path (a revision).
INSERT INTO reports (id, path, format, encoding, size, agency, agency_kind, level, province, city,
                     year, period, form, published, n_figures, current, parser_version, ingested_at)
SELECT sha256(id || '-old'), path || '.old', format, encoding, size - 100, agency, agency_kind, level, province, city,
       year, period, form, published - INTERVAL 30 DAY, 0, true, parser_version, ingested_at
FROM reports
WHERE parser_version = 'bench' AND hash(id) % 50 = 0;

INSERT INTO metrics (report_id, key, kind, value, approx, source, tbl, row_label, col_label, provenance,
                     start_offset, end_offset, rule, unit)
SELECT r.id, k.key,
       CASE WHEN hash(r.id, k.key, 'b') % 20 = 0 THEN 'empty' ELSE 'number' END,
       CASE WHEN hash(r.id, k.key, 'b') % 20 = 0 THEN NULL
            WHEN k.key LIKE '%.total' OR k.key LIKE 'outcome_total.%' THEN hash(r.id, k.key) % 200
            ELSE hash(r.id, k.key) % 40 END,
       hash(r.id, k.key, 'a') % 50 = 0,
       CASE WHEN r.form = 'narrative' THEN 'prose' ELSE 'table' END,
       CASE WHEN r.form = 'narrative' THEN NULL ELSE 'applications' END,
       k.key, '总计', '合成单元 ' || k.key, 0, 0, NULL, NULL
FROM reports r
JOIN bench_keys k ON list_contains(k.forms, r.form)
WHERE r.parser_version = 'bench'
  AND (r.form <> 'narrative' OR hash(r.id, k.key, 'n') % 3 = 0);

UPDATE reports SET n_figures = m.n
FROM (SELECT report_id, count(value) AS n FROM metrics GROUP BY report_id) m
WHERE m.report_id = reports.id AND reports.parser_version = 'bench';

INSERT INTO checks (report_id, rule, scope, expected, actual, status, ok, detail)
SELECT r.id, ['I1.flow', 'I2.outcome', 'I3.rowsum', 'I4.review'][1 + c % 4], 'total' || c,
       100, CASE WHEN hash(r.id, c) % 20 = 0 THEN 99 ELSE 100 END,
       CASE WHEN hash(r.id, c) % 20 = 0 THEN 'FAIL' WHEN hash(r.id, c) % 20 = 1 THEN 'NOT_ASSESSABLE' ELSE 'PASS' END,
       CASE WHEN hash(r.id, c) % 20 = 0 THEN false WHEN hash(r.id, c) % 20 = 1 THEN NULL ELSE true END,
       NULL
FROM reports r, range(10) AS t(c)
WHERE r.parser_version = 'bench' AND r.form IN ('table2019', 'table2021');
