package charts

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/xxgk/charts/chartstest"
)

// TestBuildFromDuckDB renders the site from a real fixture database through
// the named queries and checks it in a real browser.
func TestBuildFromDuckDB(t *testing.T) {
	db := chartstest.OpenDB(t)
	site := filepath.Join(t.TempDir(), "out", "site")
	paths, err := Build(context.Background(), db, site)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	checkSite(t, site, paths)

	script := readPage(t, filepath.Join(site, "agencies", agencyID(chartstest.ScriptAgency)+".html"))
	for _, want := range []string{
		"本年新收政府信息公开申请40件", // the source sentence behind a figure
		html.EscapeString(chartstest.ScriptAgency),
	} {
		if !strings.Contains(script, want) {
			t.Errorf("agency page lacks %q", want)
		}
	}
	// 2021 was not reported: its cell is blank, not 0.
	row := regexp.MustCompile(`<tr><th>收到申请</th>(.*?)</tr>`).FindStringSubmatch(script)
	if row == nil || !strings.Contains(row[1], ">—<") {
		t.Errorf("received row of a series with a missing year shows no blank: %v", row)
	}
	quality := readPage(t, filepath.Join(site, "quality.html"))
	for _, want := range []string{"收支平衡", html.EscapeString(chartstest.FormulaAgency), html.EscapeString(chartstest.PlainAgency)} {
		if !strings.Contains(quality, want) {
			t.Errorf("quality page lacks %q", want)
		}
	}
	if n := strings.Count(quality, "总计列：本年新收与上年结转之和"); n != 2 {
		t.Errorf("quality page lists %d failed 收支平衡 checks, want 2", n)
	}
	if strings.Contains(quality, "I1.flow") {
		t.Errorf("quality page shows the rule code I1.flow")
	}
	method := readPage(t, filepath.Join(site, "method.html"))
	if !strings.Contains(method, "一、本年新收政府信息公开申请数量 × 总计") || strings.Contains(method, "apps_new.total") {
		t.Errorf("method page lacks the crosswalk")
	}
	dom := chartstest.DumpDOM(t, filepath.Join(site, "agencies", agencyID(chartstest.PlainAgency)+".html"))
	if !regexp.MustCompile(`(?s)id="a-apps"[^>]*data-drawn="true"[^>]*>.*?<svg`).MatchString(dom) {
		t.Errorf("agency page: chart a-apps was not drawn")
	}
	if dir := os.Getenv("XXGK_SCREENSHOTS"); dir != "" {
		chartstest.Screenshot(t, filepath.Join(site, "index.html"), filepath.Join(dir, "index.png"), 1300, 2200)
		chartstest.Screenshot(t, filepath.Join(site, "agencies", agencyID(chartstest.PlainAgency)+".html"), filepath.Join(dir, "agency.png"), 1300, 3000)
		chartstest.Screenshot(t, filepath.Join(site, "quality.html"), filepath.Join(dir, "quality.png"), 1300, 1400)
		chartstest.Screenshot(t, filepath.Join(site, "method.html"), filepath.Join(dir, "method.png"), 1300, 2400)
	}
}

// TestBuildReplacesSiteWhole checks the swap: a second build replaces every
// file of the first, leaves no temporary folder, and a failed build leaves
// the previous site untouched.
func TestBuildReplacesSiteWhole(t *testing.T) {
	out := t.TempDir()
	site := filepath.Join(out, "site")
	res := resultFixture(3, 2020, 2)
	if _, err := build(context.Background(), fixtureRun(res), site, time.Now()); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(site, "stale.html")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build(context.Background(), fixtureRun(res), site, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("file of the old site survived the swap: %v", err)
	}
	delete(res, "trust")
	if _, err := build(context.Background(), fixtureRun(res), site, time.Now()); err == nil {
		t.Fatalf("build with a failing query succeeded")
	}
	if _, err := os.Stat(filepath.Join(site, "index.html")); err != nil {
		t.Errorf("failed build damaged the previous site: %v", err)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if e.Name() != "site" {
			t.Errorf("left behind in the output folder: %s", e.Name())
		}
	}
}

func TestBuildFromResults(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	paths, err := build(context.Background(), fixtureRun(resultFixture(5, 2019, 5)), site, time.Now())
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	checkSite(t, site, paths)
}

func readPage(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkSite asserts what every built site must satisfy: pages and scripts
// present, nothing fetched from the network, untrusted names escaped, and
// the overview chart drawn by a real browser from file:// with the network
// closed.
func checkSite(t *testing.T, site string, paths []string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("build returned %s: %v", p, err)
		}
	}
	for _, f := range []string{"index.html", "method.html", "quality.html", "echarts.min.js", "site.js", "style.css", "echarts-LICENSE.txt"} {
		if _, err := os.Stat(filepath.Join(site, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	remote := regexp.MustCompile(`(?i)(src|href)\s*=\s*"(https?:)?//`)
	err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		s := readPage(t, p)
		if m := remote.FindString(s); m != "" {
			t.Errorf("%s references the network: %s", p, m)
		}
		if strings.Contains(s, "<script>alert(1)") {
			t.Errorf("%s contains the hostile agency name unescaped", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	dom := chartstest.DumpDOM(t, filepath.Join(site, "index.html"))
	chart := regexp.MustCompile(`(?s)<div class="chart" id="trend-received"[^>]*data-drawn="true"[^>]*>.*?<svg.*?<path`)
	if !chart.MatchString(dom) {
		t.Errorf("index.html: trend chart was not drawn (no <svg> with paths in #trend-received)\n%.2000s", dom)
	}
	if strings.Contains(dom, "<script>alert(1)") {
		t.Errorf("index.html DOM holds a script element made from an agency name")
	}
	if !strings.Contains(dom, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("index.html DOM does not show the hostile agency name as text")
	}
}
