package exports

import (
	"strings"

	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// reportFixes gives the report fields a reader corrected
// (queries.ReportFixes), by report id, as the words of a 标记 cell:
// 人工校正, then each field with the value in force, the one read and the
// reason, as correctionWords says a figure's. The reason is the reader's
// text; safeText neutralises it when written.
func reportFixes(t *table) map[string]string {
	out := map[string]string{}
	if t == nil {
		return out
	}
	for id, fs := range queries.ReportFixes(t.Table) {
		parts := make([]string, len(fs))
		for i, f := range fs {
			parts[i] = f.Field + "：" + f.Corrected + "，" + labels.Correction("extracted") + "：" + f.Read + "，" +
				labels.Correction("why") + "：" + f.Why
		}
		out[id] = labels.Correction("mark") + "（" + strings.Join(parts, "；") + "）"
	}
	return out
}
