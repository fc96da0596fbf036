package dataset

import "github.com/xxgk/xxgk/queries/labels"

// The columns of the dataset's files: their codes and types live here,
// beside the queries that fill them; every word a reader sees (headers,
// descriptions, the names of types, entries and codes) is in the one
// table of labels, queries/labels/labels.tsv (domains header,
// dataset_column, data_type, dictionary_entry).

// column describes one column of a file of the dataset.
type column struct {
	file string // the file (dataset, reports, checks, dictionary)
	name string // the code: the query's and the Parquet file's column name
	typ  string // Frictionless type: string, integer, number, boolean, date, datetime
}

// title is the Chinese header of the column in the CSV and xlsx files.
func (c column) title() string { return Header(c.name) }

// desc says what the column holds, in Chinese (labels.tsv).
func (c column) desc() string { return labels.ColumnNote(c.file, c.name) }

// Header is the Chinese header of a query column; a column not named in
// labels.tsv keeps its code, so a new column is never dropped (a test
// keeps the table complete for the named queries).
func Header(col string) string { return labels.Header(col) }

// cols makes the columns of file from (name, type) pairs.
func cols(file string, pairs ...string) []column {
	out := make([]column, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, column{file: file, name: pairs[i], typ: pairs[i+1]})
	}
	return out
}

// The files of the dataset, and the columns of each in order. The query
// that fills a file returns exactly these columns (a test holds them to
// it); the types are those of the Frictionless schemas in datapackage.json.
var (
	datasetColumns = cols("dataset",
		"agency_id", "string", "agency", "string", "agency_aliases", "string", "division_code", "string",
		"level", "string", "province", "string", "city", "string", "agency_kind", "string",
		"year", "integer", "period", "string", "form", "string", "metric", "string", "label", "string",
		"unit", "string", "value", "number", "value_kind", "string", "approx", "boolean",
		"mapped", "boolean", "confidence", "string", "source_keys", "string", "report_id", "string",
		"source", "string")
	reportsColumns = cols("reports",
		"report_id", "string", "agency_id", "string", "agency", "string", "agency_kind", "string",
		"level", "string", "province", "string", "city", "string", "year", "integer", "period", "string",
		"form", "string", "published", "date", "n_figures", "integer", "preferred", "boolean",
		"current", "boolean", "format", "string", "encoding", "string", "size", "integer",
		"file", "string", "parser_version", "string")
	checksColumns = cols("checks",
		"report_id", "string", "agency_id", "string", "agency", "string", "year", "integer",
		"period", "string", "preferred", "boolean", "rule", "string", "scope", "string",
		"status", "string", "expected", "number", "actual", "number", "ok", "boolean",
		"detail", "string", "prev_id", "string")
	dictionaryColumns = cols("dictionary",
		"entry", "string", "of", "string", "name", "string", "title", "string", "type", "string",
		"unit", "string", "forms", "string", "definition", "string", "remark", "string")
)

// codedColumns are the columns of the dataset whose values are codes,
// explained in the dictionary with the words of the labels domain of the
// same name.
var codedColumns = []string{"level", "period", "form", "value_kind", "confidence", "status"}

// formWord names a form code.
func formWord(code string) string { return labels.Form(code) }

// keyUnit is the unit of a raw metric key, "" when none is known.
func keyUnit(key string) string { return labels.Unit(key) }
