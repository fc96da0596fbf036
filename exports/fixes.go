package exports

import (
	"strings"

	"github.com/xxgk/xxgk/queries/labels"
)

// reportFixes reads the report fields (agency, year, period, form) a
// reader corrected from the named query corrections, by report id, as the
// words of a 标记 cell: 人工校正, then each field with the value in force,
// the one read and the reason, as correctionWords says a figure's. A stale
// line (its report gone, the value read now equal) marks nothing. The
// reason is the reader's text; safeText neutralises it when written.
func reportFixes(t *table) map[string]string {
	out := map[string]string{}
	if t == nil {
		return out
	}
	parts := map[string][]string{}
	var order []string
	for _, r := range t.Rows() {
		field := t.str(r, "key")
		if !t.Bool(r, "in_force") || t.str(r, "stale") != "" || t.str(r, "kind") != "text" {
			continue
		}
		switch field {
		case "agency", "year", "period", "form":
		default:
			continue
		}
		id := t.str(r, "report_id")
		if parts[id] == nil {
			order = append(order, id)
		}
		parts[id] = append(parts[id], labels.Correction("field_"+field)+"："+fieldWords(field, t.str(r, "corrected_text"))+"，"+
			labels.Correction("extracted")+"："+fieldWords(field, t.str(r, "extracted_text"))+"，"+
			labels.Correction("why")+"："+t.str(r, "why"))
	}
	for _, id := range order {
		out[id] = labels.Correction("mark") + "（" + strings.Join(parts[id], "；") + "）"
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
