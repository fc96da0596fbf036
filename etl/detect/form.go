package detect

import (
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

// formCues are the cheap textual cues of domain.md §0, most specific first:
// each table form prints column headers no other form uses.
var formCues = []struct {
	form report.Form
	cues []string
}{
	{report.FormTable2021, []string{"本年制发件数", "本年废止件数"}},
	{report.FormTable2019, []string{"本年新制作数量", "采购总金额", "其他对外管理服务事项"}},
	{report.FormLegacy, []string{"收费及减免", "申请答复数", "不同意公开", "维持具体行政行为", "同意公开答复"}},
}

// Form guesses the form from cheap textual cues; the table extractor may
// refine it from the tables themselves.
func Form(norm string) report.Form {
	for _, fc := range formCues {
		for _, c := range fc.cues {
			if strings.Contains(norm, c) {
				return fc.form
			}
		}
	}
	return report.FormNarrative
}
