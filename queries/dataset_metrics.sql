-- name: dataset_metrics
-- description: the comparable metrics of `harmonised` in display order, with their Chinese label and unit (the dataset's units; xxgk export)
-- uses: crosswalk
--
-- The one list of the units of the comparable metrics: counts of
-- applications and cases are 件, items published proactively 条, fees 万元
-- (the money unit of spec/metrics.tsv). The dataset (`dataset`) and its
-- dictionary read the unit from here; a metric added to the crosswalk
-- without a unit here has a NULL unit, which the tests of exports/dataset
-- refuse.
WITH units(metric, unit) AS (
    VALUES ('received', '件'), ('carried_over', '件'), ('handled', '件'), ('granted', '件'),
           ('partial', '件'), ('denied', '件'), ('unavailable', '件'), ('unprocessed', '件'),
           ('other', '件'), ('carried_forward', '件'), ('proactive', '条'), ('review_total', '件'),
           ('review_corrected', '件'), ('litigation_total', '件'), ('litigation_corrected', '件'),
           ('fees', '万元'), ('fees_info_processing', '万元')
)
SELECT c.metric_no, c.metric, any_value(c.label) AS label, any_value(u.unit) AS unit
FROM crosswalk c
LEFT JOIN units u USING (metric)
GROUP BY c.metric_no, c.metric
ORDER BY c.metric_no
