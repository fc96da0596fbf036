-- name: timeliness
-- description: per stored report: the statutory publication deadline for its period and kind of body, its publication date (or none), days late, and a flag when it is dated before its period ended
-- filter: agency
--
-- deadline_basis (codes, named in Chinese by the labels table):
--   art31_2008       a report for a year up to 2018, published under the
--                    2008 text: every administrative body by 31 March of
--                    the next year (Art. 31)
--   art49_government a report for 2019 on of a 人民政府 at county level
--                    or above: by 31 March of the next year (2019 text,
--                    Art. 49: the government's own report)
--   art49_department a report for 2019 on of any other body, at county
--                    level or above (a department of a government, its
--                    office, a body that follows the departments): by 31
--                    January of the next year (Art. 49)
--   none_half_year   a half-year report: the regulations set no deadline
--   none_township    a report for 2019 on of a township government or a
--                    street office: Art. 49 names no deadline for them
--                    (a province may)
--   unknown_level    a 人民政府 whose level is not known, 2019 on: county
--                    and above have 31 March, townships no statutory date
--   unknown_agency   the text does not name its agency
-- deadline is NULL for the none_* and unknown_* bases: none is invented.
--
-- status:
--   no_date           the page shows no publication date (none is assumed)
--   before_period_end dated on or before the last day of the period it
--                     reports on: a copied page or a wrong date
--   no_deadline       dated, but no statutory deadline applies or is known
--   on_time           published on or before the deadline
--   late              published after it
-- days_after_deadline = published − deadline (negative: early), NULL when
-- either is unknown; days_late is it when late, 0 when on time.
-- preferred tells the report the other queries read for its agency-year.
WITH r AS (
    SELECT r.*, r.id IN (SELECT id FROM preferred_reports) AS preferred
    FROM reports r
    WHERE TRUE /* filter: agency */
),
basis AS (
    SELECT *,
           CASE
               WHEN period <> 'year' THEN 'none_half_year'
               WHEN starts_with(agency, '未识别机关:') THEN 'unknown_agency'
               WHEN year <= 2018 THEN 'art31_2008'
               WHEN level = 'township' OR agency_kind IN ('乡镇人民政府', '街道办事处') THEN 'none_township'
               WHEN agency_kind = '人民政府' AND level IS NULL THEN 'unknown_level'
               WHEN agency_kind = '人民政府' THEN 'art49_government'
               ELSE 'art49_department'
           END AS deadline_basis,
           CASE WHEN period = 'h1' THEN make_date(year, 6, 30) ELSE make_date(year, 12, 31) END AS period_end
    FROM r
),
dated AS (
    SELECT *,
           CASE deadline_basis
               WHEN 'art31_2008' THEN make_date(year + 1, 3, 31)
               WHEN 'art49_government' THEN make_date(year + 1, 3, 31)
               WHEN 'art49_department' THEN make_date(year + 1, 1, 31)
           END AS deadline
    FROM basis
)
SELECT agency, agency_kind, level, year, period, form, id AS report_id, path, preferred,
       published, deadline_basis, deadline, period_end,
       CASE
           WHEN published IS NULL THEN 'no_date'
           WHEN published <= period_end THEN 'before_period_end'
           WHEN deadline IS NULL THEN 'no_deadline'
           WHEN published <= deadline THEN 'on_time'
           ELSE 'late'
       END AS status,
       datediff('day', deadline, published) AS days_after_deadline,
       -- greatest() passes over NULL: no date or no deadline must stay unknown
       CASE WHEN published IS NOT NULL AND deadline IS NOT NULL
            THEN greatest(datediff('day', deadline, published), 0) END AS days_late,
       published <= period_end AS before_period_end
FROM dated
ORDER BY agency, year, period, preferred DESC, report_id
