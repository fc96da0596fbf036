-- Agency x year x period with more than one current report (a revision
-- published under another name, a copy): all are kept, and
-- preferred_reports picks one by its documented rule. Older versions of one
-- path are history, not conflicts: the change log shows them.
SELECT r.agency, r.year, r.period, r.id, r.path, strftime(r.published, '%Y-%m-%d'), r.n_figures,
       r.current, r.id = p.id AS preferred
FROM reports r
JOIN preferred_reports p ON p.agency = r.agency AND p.year = r.year AND p.period = r.period
WHERE r.current AND (r.agency, r.year, r.period) IN (
    SELECT agency, year, period FROM reports WHERE current GROUP BY ALL HAVING count(*) > 1
)
ORDER BY r.agency, r.year, r.period, preferred DESC, r.path, r.id
