package read

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/xxgk/xxgk/etl/report"
)

func TestPageMeta(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="gbk"><title>遵义市司法局2020年度政府信息公开工作年度报告_遵义市人民政府网</title>
<meta name="SiteName" content="遵义市人民政府">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ArticleTitle" content="遵义市司法局2020年度政府信息公开工作年度报告">
<meta name="PubDate" content="2021-03-09 15:23">
<meta name="ContentSource" content="遵义市司法局">
</head><body><p>本报告根据条例编制。</p></body></html>`
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	want := report.Meta{Title: "遵义市司法局2020年度政府信息公开工作年度报告_遵义市人民政府网", ArticleTitle: "遵义市司法局2020年度政府信息公开工作年度报告",
		SiteName: "遵义市人民政府", ColumnName: "政府信息公开年报", PubDate: "2021-03-09 15:23", ContentSource: "遵义市司法局"}
	for name, raw := range map[string]string{"utf-8": page, "gbk": gbk} {
		p := filepath.Join(t.TempDir(), "page.html")
		if err := os.WriteFile(p, []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
		doc, err := File(context.Background(), p, Limits{})
		if err != nil {
			t.Fatalf("%s: File: %v", name, err)
		}
		if doc.Meta != want {
			t.Errorf("%s: Meta = %+v,\n want %+v", name, doc.Meta, want)
		}
	}
	if m := pageMeta([]byte("<p>no head</p>"), "utf-8"); m != (report.Meta{}) {
		t.Errorf("pageMeta(no head) = %+v, want none", m)
	}
}

// TestWalkCompanions checks label files and sidecars beside reports are not
// returned as reports, while a JSON file of its own and a path named
// explicitly are.
func TestWalkCompanions(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "a.json", "b.html", "b.meta.json", "c.html", "c.html.meta.json", "lonely.json"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Walk([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, filepath.Base(p))
	}
	if want := []string{"a.txt", "b.html", "c.html", "lonely.json"}; !slices.Equal(names, want) {
		t.Errorf("Walk = %v, want %v", names, want)
	}
	explicit := filepath.Join(dir, "a.json")
	if got, _ := Walk([]string{explicit}); len(got) != 1 || got[0] != explicit {
		t.Errorf("Walk(explicit label) = %v, want it kept", got)
	}
}
