-- One accepted line of the corrections file (etl/correct.Apply).
INSERT INTO corrections (seq, file, report_ref, report_id, field, kind, value, text_value, agency_kind,
                         agency_level, agency_province, agency_city, who, "at", why, source)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
