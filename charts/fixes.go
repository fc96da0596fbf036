package charts

import (
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// reportFix is a report field (agency, year, period, form) a reader
// corrected (etl/correct), as the agency page shows it: the field, the
// value in force and the one read, in words, and the reader's reason.
type reportFix struct {
	Field, Corrected, Read, Why string
}

// reportFixes reads the report-field corrections in force and doing
// something from the named query corrections, by report id. A stale line
// (its report gone, or the value read now equal) marks nothing.
func reportFixes(t *queries.Table) map[string][]reportFix {
	out := map[string][]reportFix{}
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
		out[id] = append(out[id], reportFix{Field: labels.Correction("field_" + field),
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

// Text is the fix in one line: 发布机关：丙市人民政府（原读取值：丙市司法局；校正理由：…）.
func (f reportFix) Text() string {
	return f.Field + "：" + f.Corrected + "（" + labels.Correction("extracted") + "：" + f.Read + "；" +
		labels.Correction("why") + "：" + f.Why + "）"
}

// fixTitle is the hover text of a corrected report's 人工校正 mark, as a
// corrected figure's: each field with the value in force, the one read
// and the reason. html/template escapes it.
func fixTitle(fs []reportFix) string {
	s := labels.Correction("mark")
	for i, f := range fs {
		if i > 0 {
			s += "；"
		}
		s += "（" + f.Field + "：" + f.Corrected + "，" + labels.Correction("extracted") + "：" + f.Read + "，" +
			labels.Correction("why") + "：" + f.Why + "）"
	}
	return s
}
