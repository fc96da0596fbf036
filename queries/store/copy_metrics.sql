-- The metrics rows of a batch, from the CSV file etl/load wrote for it
-- (see etl/load/csv.go): every string quoted, \N for NULL, so an empty
-- provenance stays empty and a blank figure stays NULL. No hive
-- partitioning: a folder named like "year=2023" above the database must
-- not add a column.
INSERT INTO metrics
SELECT * FROM read_csv(?, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"',
    new_line = '\n', nullstr = '\N', allow_quoted_nulls = false, hive_partitioning = false,
    columns = {'report_id': 'VARCHAR', 'key': 'VARCHAR', 'kind': 'VARCHAR', 'value': 'DOUBLE',
               'approx': 'BOOLEAN', 'source': 'VARCHAR', 'tbl': 'VARCHAR', 'row_label': 'VARCHAR',
               'col_label': 'VARCHAR', 'provenance': 'VARCHAR', 'start_offset': 'INTEGER',
               'end_offset': 'INTEGER', 'rule': 'VARCHAR', 'unit': 'VARCHAR'})
