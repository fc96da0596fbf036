package detect

import (
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// FuzzIdentify checks identification never panics and never returns a
// report of year 0, whatever the text and the page's title.
func FuzzIdentify(f *testing.F) {
	f.Add("临沂市兰山区司法局2021年政府信息公开工作年度报告"+reportBody, "")
	f.Add("本报告由襄阳市樊城区统\n计局编制。如有疑问，请与宁波市公安局鄞州分局联系。"+reportBody, "泉州市商务局_泉州市人民政府网")
	f.Add("一、总体情况\n2021年，区司法局在越秀区开展。我局。\n"+yearless, "")
	f.Fuzz(func(t *testing.T, text, title string) {
		id, err := IdentifyWith(normalize.New(text), report.Meta{Title: title}, report.Supplied{})
		if err == nil && id.Year == 0 {
			t.Errorf("year 0 without an error: %+v", id)
		}
	})
}
