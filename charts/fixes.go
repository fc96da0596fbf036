package charts

import (
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// reportFix is a corrected report field as the agency page shows it.
type reportFix struct{ queries.ReportFix }

// reportFixes reads the report-field corrections (queries.ReportFixes)
// for the agency pages.
func reportFixes(t *queries.Table) map[string][]reportFix {
	out := map[string][]reportFix{}
	for id, fs := range queries.ReportFixes(t) {
		for _, f := range fs {
			out[id] = append(out[id], reportFix{f})
		}
	}
	return out
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
