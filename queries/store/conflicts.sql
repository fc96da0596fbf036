-- Agency x year x period with more than one stored report (a revision, a
-- copy): all are kept; preferred_reports picks one by its documented rule.
SELECT r.agency, r.year, r.period, r.id, r.path, strftime(r.published, '%Y-%m-%d'), r.n_figures,
       r.current, r.id = p.id AS preferred
FROM reports r
JOIN preferred_reports p ON p.agency = r.agency AND p.year = r.year AND p.period = r.period
WHERE (r.agency, r.year, r.period) IN (
    SELECT agency, year, period FROM reports GROUP BY ALL HAVING count(*) > 1
)
ORDER BY r.agency, r.year, r.period, preferred DESC, r.id
