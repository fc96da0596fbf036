package queries

import "github.com/xxgk/xxgk/queries/labels"

// ReportFix is a report field (agency, year, period, form) a reader
// corrected (etl/correct) and still in force: the field's name, the value
// in force and the one read, in words, and the reader's reason (untrusted
// text: each renderer escapes it for its medium).
type ReportFix struct {
	Field, Corrected, Read, Why string
}

// ReportFixes reads the report-field corrections in force and doing
// something from the result of the named query corrections, by report id,
// in the order of the file. A stale line (its report gone, or the value
// read now equal) marks nothing. The site and the workbooks both show them.
func ReportFixes(t *Table) map[string][]ReportFix {
	out := map[string][]ReportFix{}
	if t == nil {
		return out
	}
	for _, row := range t.Rows() {
		field := t.Str(row, "key")
		if !t.Bool(row, "in_force") || t.Str(row, "stale") != "" || t.Str(row, "kind") != "text" {
			continue
		}
		switch field {
		case "agency", "year", "period", "form":
		default:
			continue
		}
		id := t.Str(row, "report_id")
		out[id] = append(out[id], ReportFix{Field: labels.Correction("field_" + field),
			Corrected: fieldWords(field, t.Str(row, "corrected_text")), Read: fieldWords(field, t.Str(row, "extracted_text")),
			Why: t.Str(row, "why")})
	}
	return out
}

// fieldWords is a report field's value as a reader sees it: a period or
// form in words, an agency or year as written.
func fieldWords(field, v string) string {
	switch field {
	case "period":
		return labels.Period(v)
	case "form":
		return labels.Form(v)
	}
	return v
}
