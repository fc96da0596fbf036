// Command xxgk turns government information-disclosure annual reports into
// comparable data: extract, ingest into DuckDB, query, and build the chart
// site and Excel workbooks.
package main
