// Package load writes parsed reports into the DuckDB database: schema
// migrations, reports, metrics, checks, and the bookkeeping of runs. It does
// not parse or render.
package load
