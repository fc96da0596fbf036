-- name: form_cells
-- description: the cells the 2019 and 2021 national forms print: form, table, row (a scope code) and metric key, in the order of the form
--
-- The cells of spec/metrics.tsv whose forms column names table2019 or
-- table2021, laid out by table and row (a test holds the two equal).
-- Article 20 rows are named by their scope code (rules, normative,
-- licensing, other_services, penalty, enforcement, fees, procurement), the
-- application table's rows by their key's row (apps_new, granted,
-- denied_state_secret, …, apps_carried_forward) and the review table's by
-- their group (review, lit_direct, lit_after_review). ord is the cell's
-- place in its form: tables in printed order, rows top to bottom, columns
-- left to right.
WITH art20(form, row, key, ord) AS (VALUES
    ('table2021', 'rules', 'art20.rules.issued', 1),
    ('table2021', 'rules', 'art20.rules.repealed', 2),
    ('table2021', 'rules', 'art20.rules.in_force', 3),
    ('table2021', 'normative', 'art20.normative.issued', 4),
    ('table2021', 'normative', 'art20.normative.repealed', 5),
    ('table2021', 'normative', 'art20.normative.in_force', 6),
    ('table2021', 'licensing', 'art20.licensing.decisions', 7),
    ('table2021', 'penalty', 'art20.penalty.decisions', 8),
    ('table2021', 'enforcement', 'art20.enforcement.decisions', 9),
    ('table2021', 'fees', 'art20.fees.amount', 10),
    ('table2019', 'rules', 'art20.rules.made', 1),
    ('table2019', 'rules', 'art20.rules.published', 2),
    ('table2019', 'rules', 'art20.rules.public_total', 3),
    ('table2019', 'normative', 'art20.normative.made', 4),
    ('table2019', 'normative', 'art20.normative.published', 5),
    ('table2019', 'normative', 'art20.normative.public_total', 6),
    ('table2019', 'licensing', 'art20.licensing.prev_items', 7),
    ('table2019', 'licensing', 'art20.licensing.change', 8),
    ('table2019', 'licensing', 'art20.licensing.decisions', 9),
    ('table2019', 'other_services', 'art20.other_services.prev_items', 10),
    ('table2019', 'other_services', 'art20.other_services.change', 11),
    ('table2019', 'other_services', 'art20.other_services.decisions', 12),
    ('table2019', 'penalty', 'art20.penalty.prev_items', 13),
    ('table2019', 'penalty', 'art20.penalty.change', 14),
    ('table2019', 'penalty', 'art20.penalty.decisions', 15),
    ('table2019', 'enforcement', 'art20.enforcement.prev_items', 16),
    ('table2019', 'enforcement', 'art20.enforcement.change', 17),
    ('table2019', 'enforcement', 'art20.enforcement.decisions', 18),
    ('table2019', 'fees', 'art20.fees.prev_items', 19),
    ('table2019', 'fees', 'art20.fees.change', 20),
    ('table2019', 'procurement', 'art20.procurement.items', 21),
    ('table2019', 'procurement', 'art20.procurement.amount', 22)
),
-- The application table's rows; the 2019 form prints （六）其他处理 as one
-- row, the 2021 form as three.
app_rows(row, ord, in2019, in2021) AS (VALUES
    ('apps_new', 1, true, true),
    ('apps_carried_over', 2, true, true),
    ('granted', 3, true, true),
    ('partial', 4, true, true),
    ('denied_state_secret', 5, true, true),
    ('denied_law', 6, true, true),
    ('denied_safety', 7, true, true),
    ('denied_third_party', 8, true, true),
    ('denied_internal', 9, true, true),
    ('denied_process', 10, true, true),
    ('denied_enforcement', 11, true, true),
    ('denied_inquiry', 12, true, true),
    ('unavailable_not_held', 13, true, true),
    ('unavailable_need_create', 14, true, true),
    ('unavailable_unclear', 15, true, true),
    ('unprocessed_petition', 16, true, true),
    ('unprocessed_repeat', 17, true, true),
    ('unprocessed_publication', 18, true, true),
    ('unprocessed_mass', 19, true, true),
    ('unprocessed_confirm', 20, true, true),
    ('other', 21, true, false),
    ('other_no_correction', 22, false, true),
    ('other_no_fee', 23, false, true),
    ('other_misc', 24, false, true),
    ('outcome_total', 25, true, true),
    ('apps_carried_forward', 26, true, true)
),
app_cols(col, ord) AS (VALUES
    ('person', 1), ('business', 2), ('research', 3), ('ngo', 4), ('legal', 5), ('other_org', 6), ('total', 7)
),
review_rows(row, ord) AS (VALUES ('review', 1), ('lit_direct', 2), ('lit_after_review', 3)),
review_cols(col, ord) AS (VALUES ('upheld', 1), ('corrected', 2), ('other', 3), ('pending', 4), ('total', 5)),
forms(form) AS (VALUES ('table2019'), ('table2021'))
SELECT form, tbl, row, key, ord FROM (
    SELECT form, 'article20' AS tbl, row, key, ord FROM art20
    UNION ALL
    SELECT f.form, 'applications', r.row, r.row || '.' || c.col, 100 + r.ord * 10 + c.ord
    FROM forms f CROSS JOIN app_rows r CROSS JOIN app_cols c
    WHERE (f.form = 'table2019' AND r.in2019) OR (f.form = 'table2021' AND r.in2021)
    UNION ALL
    SELECT f.form, 'review', r.row, r.row || '.' || c.col, 1000 + r.ord * 10 + c.ord
    FROM forms f CROSS JOIN review_rows r CROSS JOIN review_cols c
)
ORDER BY form, ord
