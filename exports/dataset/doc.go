// Package dataset writes the whole harmonised dataset for researchers to
// take away (`xxgk export`, and out/data/ of `xxgk build`): the long table
// of comparable figures, the stored reports and the identity checks, as
// CSV, Parquet or one Excel workbook, with a data dictionary and a
// Frictionless Data Package (datapackage.json) describing every file.
//
// The files and their columns:
//
//	dataset.csv, dataset/year=YYYY/*.parquet  one row per agency × year × period × comparable
//	                                          metric (the named query `dataset`)
//	reports.csv, reports.parquet              every stored report (`dataset_reports`)
//	checks.csv, checks.parquet                every identity checked (`dataset_checks`)
//	dictionary.csv                            every column of every file, every comparable
//	                                          metric, every raw metric key, every code
//	dataset.xlsx                              the same tables in one workbook (FormatXLSX; `xxgk export
//	                                          --format xlsx` writes the workbooks of package exports instead)
//	datapackage.json                          the Data Package: resources, schemas, licence, stamp
//
// The rows are those of the named queries, through queries.Statement: a
// file holds exactly what `xxgk query dataset` prints. Parquet is written
// by DuckDB itself (COPY … TO … (FORMAT parquet, PARTITION_BY (year))), in
// the Hive layout Spark, Trino, pandas, R and DuckDB read as one table.
//
// Blank is never zero: a figure the report left empty or marked not
// applicable is a row of `dataset` with no value and value_kind empty or
// not_applicable; an empty CSV cell, a Parquet NULL and an empty workbook
// cell all mean "no figure".
//
// CSV is for people and programs alike: UTF-8 with a byte-order mark (so
// Excel on Windows reads the Chinese), Chinese headers (Header; the
// Parquet files keep the column codes), whole numbers without a decimal
// point, and formula injection neutralised reversibly (Escape, Unescape):
// a text cell
// that starts with = + - @, a tab, a carriage return or an apostrophe gets
// one apostrophe in front, so a program restores the text by removing one
// leading apostrophe. The dataset's CSV files are written by DuckDB too
// (COPY, with the same rules in SQL): scanning every value into Go would
// cost most of a national export. The workbook stores text as text, never
// as a formula, and needs no escaping. NewCSV and WriteCSV write any query
// result by the same rules in Go, with units in the headers or as a second
// row, for the site's downloads.
//
// The Chinese words for columns and codes (headers, what each column
// holds, the names of types and codes) are in the one table of labels,
// queries/labels/labels.tsv; columns.go lists each file's columns and
// types.
package dataset
