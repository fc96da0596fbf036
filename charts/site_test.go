package charts

import (
	"context"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/xxgk/charts/chartstest"
)

// asciiAllowed are the Latin words a reader may see: the tool's name and
// the chart library's, and a unit. File names, hashes, dates and the
// version are marked data-ascii-ok on the pages.
// CSV is the name of the download format, as KB is a unit.
var asciiAllowed = map[string]bool{"xxgk": true, "ECharts": true, "KB": true, "CSV": true}

// asciiScan lists the Latin words of the page's text outside elements
// marked data-ascii-ok, scripts and styles, with a little context. Chart
// labels (SVG text) and the data tables under the charts are included.
const asciiScan = `(function(){
	var out = [], w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n;
	while ((n = w.nextNode())) {
		var e = n.parentElement;
		if (!e || e.closest('[data-ascii-ok],script,style,noscript')) { continue; }
		(n.nodeValue.match(/[A-Za-z]{2,}/g) || []).forEach(function (wd) { out.push(wd + '\t' + n.nodeValue.trim().slice(0, 80)); });
	}
	return out;
})()`

// hostileDOM counts what an injected name or file name would have made of
// the page: script elements that are not the site's own, elements with an
// onerror attribute, and whether the injected code ran.
const hostileDOM = `(function(){
	var bad = 0;
	document.querySelectorAll('script').forEach(function (s) {
		if (!s.src && !/^xxgkDraw\(/.test(s.textContent.trim())) { bad++; }
	});
	bad += document.querySelectorAll('[onerror]').length;
	return bad;
})()`

// screenshotDir is where the browser test saves its screenshots: the
// test's artifact folder with -artifacts, else out/screenshots of the
// repository.
func screenshotDir(t *testing.T) string {
	if f := flag.Lookup("test.artifacts"); f != nil && f.Value.String() == "true" {
		return t.ArtifactDir()
	}
	dir := filepath.Join("..", "out", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestSite builds the site from a real fixture database through the named
// queries and checks every page type in one headless Chromium: no console
// error, every chart drawn, a CSV download on every table and chart, no
// Latin word outside the allow-list, nothing injected, a phone layout
// without sideways scrolling, screenshots at 1366 and 390 px, and a click
// on a table figure, a derived figure, a chart point and a ranking bar each
// landing on the highlighted span of its source page. The explorer is
// driven through a selection (testExplorer) and two downloads are read
// back (testTableDownloads).
func TestSite(t *testing.T) {
	db := chartstest.OpenDB(t)
	site := filepath.Join(t.TempDir(), "out", "site")
	paths, err := Build(context.Background(), db, site)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	checkFiles(t, site, paths)
	agencyPage := func(name string) string { return filepath.Join(site, "agencies", agencyID(name)+".html") }
	plain := readPage(t, agencyPage(chartstest.PlainAgency))
	// 2021 was not reported by the script agency: its cell is blank, not 0.
	script := readPage(t, agencyPage(chartstest.ScriptAgency))
	figures := script[strings.Index(script, `class="data figures"`)+1:]
	if row := regexp.MustCompile(`<tr><th>收到申请</th><td>件</td>(.*?)</tr>`).FindStringSubmatch(figures); row == nil || !strings.Contains(row[1], `title="该年无报告">—<`) {
		t.Errorf("received row of a series with a missing year shows no blank with its reason: %v", row)
	}
	if strings.Contains(plain, "本年新收政府信息公开申请") {
		t.Errorf("agency page copies source text; it should link to the source pages")
	}
	srcLink := regexp.MustCompile(`href="\.\./(source\.html#r=[0-9a-f]+&amp;k=apps_new\.total)"`).FindStringSubmatch(plain)
	if srcLink == nil {
		t.Fatalf("agency page has no link from a figure to its source")
	}
	sparse := readPage(t, agencyPage(chartstest.SparseAgency))
	noText := regexp.MustCompile(`href="\.\./(source\.html#r=[0-9a-f]+)"`).FindStringSubmatch(sparse)
	if noText == nil || !strings.Contains(sparse, `class="fig"`) || strings.Contains(sparse, `class="chart"`) {
		t.Errorf("an agency with one year should get figure cards and a source link, not charts")
	}

	// The fixture's hostile names and file names are data, not words of the
	// interface: their words (and the prefixes a truncated chart label
	// shows) are let through the scan.
	hostile := map[string]bool{}
	for _, s := range []string{chartstest.ScriptAgency, chartstest.FormulaAgency, chartstest.PathAgency, chartstest.HostilePath} {
		for _, w := range regexp.MustCompile(`[A-Za-z]{2,}`).FindAllString(s, -1) {
			for i := 2; i <= len(w); i++ {
				hostile[w[:i]] = true
			}
		}
	}
	b := chartstest.NewBrowser(t)
	shots := screenshotDir(t)
	pages := []struct{ name, url string }{
		{"overview", filepath.Join(site, "index.html")},
		{"overview-2021", filepath.Join(site, "index-2021.html")},
		{"agencies", filepath.Join(site, "agencies.html")},
		{"agency", agencyPage(chartstest.PlainAgency)},
		{"agency-script", agencyPage(chartstest.ScriptAgency)},
		{"agency-sparse", agencyPage(chartstest.SparseAgency)},
		{"agency-half-year", agencyPage(chartstest.HalfYearAgency)},
		{"agency-incomplete", agencyPage(chartstest.IncompleteAgency)},
		{"method", filepath.Join(site, "method.html")},
		{"quality", filepath.Join(site, "quality.html")},
		{"source", filepath.Join(site, html.UnescapeString(srcLink[1]))},
		{"source-without-text", filepath.Join(site, noText[1])},
		{"explorer", filepath.Join(site, "explorer.html") + "#a=" + agencyID(chartstest.PlainAgency) + "," + agencyID(chartstest.ScriptAgency) + "," +
			agencyID(chartstest.FormulaAgency) + "&m=received,proactive,grant_rate&y=2017-2023"},
		{"metrics", filepath.Join(site, "metrics.html")},
		{"metric", filepath.Join(site, "metrics", "received.html")},
		{"metric-rate", filepath.Join(site, "metrics", "grant_rate.html")},
		{"downloads", filepath.Join(site, "downloads.html")},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			b.Open(t, p.url)
			var charts []struct {
				ID    string
				Drawn bool
			}
			b.Eval(t, `Array.from(document.querySelectorAll('.chart')).map(function(c){return {ID: c.id, Drawn: c.getAttribute('data-drawn')==='true' && !!c.querySelector('svg path')}})`, &charts)
			for _, c := range charts {
				if !c.Drawn {
					t.Errorf("chart %s was not drawn", c.ID)
				}
			}
			var words []string
			b.Eval(t, asciiScan, &words)
			for _, w := range words {
				if word := strings.SplitN(w, "\t", 2)[0]; !asciiAllowed[word] && !hostile[word] {
					t.Errorf("Latin word on the page: %s", w)
				}
			}
			var missing struct{ Tables, Charts int }
			b.Eval(t, `({Tables: Array.from(document.querySelectorAll('table.data')).filter(function(t){return t.getAttribute('data-csv')!=='own' && !t.xxgkCSV}).length,
				Charts: document.querySelectorAll('.chart-card').length - document.querySelectorAll('.chart-card button.csv').length})`, &missing)
			if missing.Tables != 0 || missing.Charts != 0 {
				t.Errorf("%d tables and %d charts without a CSV download", missing.Tables, missing.Charts)
			}
			var bad int
			b.Eval(t, hostileDOM, &bad)
			if bad != 0 {
				t.Errorf("%d elements made from untrusted text", bad)
			}
			var empty bool
			b.Eval(t, `document.querySelector('main').innerText.replace(/\s/g,'').length < 60`, &empty)
			if empty {
				t.Errorf("page is (nearly) empty")
			}
			b.Shot(t, 1366, filepath.Join(shots, p.name+"-1366.png"))
			b.Width(t, 390)
			var wide float64
			b.Eval(t, `document.documentElement.scrollWidth`, &wide)
			if wide > 395 {
				t.Errorf("at 390 px the page is %v px wide: it scrolls sideways", wide)
			}
			b.Shot(t, 390, filepath.Join(shots, p.name+"-390.png"))
			b.Width(t, 1366)
			for _, e := range b.Errors() {
				t.Errorf("browser: %s", e)
			}
		})
	}
	var sp struct {
		Ready, Hit string
		Marks      int
		Text       string
	}
	b.Open(t, filepath.Join(site, noText[1]))
	b.Eval(t, `({Ready: document.body.getAttribute('data-ready') || '', Hit: '', Marks: document.querySelectorAll('mark').length,
		Text: document.getElementById('source-status').textContent})`, &sp)
	if sp.Marks != 0 || !strings.Contains(sp.Text, "原文未保存") || sp.Ready != "true" {
		t.Errorf("source page of a report without text: %+v", sp)
	}

	// One click from a number to its highlighted span.
	landed := func(t *testing.T, what string, wantHits int, wantText string) {
		t.Helper()
		var got struct {
			URL, Hit, Text string
			InView         bool
		}
		b.Eval(t, `(function(){var m=document.querySelectorAll('mark.hit');var r=m.length?m[0].getBoundingClientRect():null;
			return {URL: location.href, Hit: document.body.getAttribute('data-hit')||'', Text: m.length?m[0].textContent:'',
			InView: !!r && r.top >= 0 && r.bottom <= window.innerHeight}})()`, &got)
		if !strings.Contains(got.URL, "source.html#r=") || got.Hit != fmt.Sprint(wantHits) || !got.InView {
			t.Errorf("%s: landed on %s with %s of %d figures highlighted (in view: %v)", what, got.URL, got.Hit, wantHits, got.InView)
		}
		if wantText != "" && got.Text != wantText {
			t.Errorf("%s: highlighted span %q, want %q", what, got.Text, wantText)
		}
		for _, e := range b.Errors() {
			t.Errorf("browser: %s", e)
		}
	}
	t.Run("click-table-figure", func(t *testing.T) {
		b.Open(t, agencyPage(chartstest.PlainAgency))
		b.Click(t, `table.figures a[href*="k=apps_new.total"]`)
		landed(t, "figure of the table", 1, "收到申请数 80") // the first year, 2017, is a legacy report
	})
	t.Run("click-derived-figure", func(t *testing.T) {
		b.Open(t, agencyPage(chartstest.PlainAgency))
		b.Click(t, `table.figures a[href*="k=other_no_correction.total,other_no_fee.total,other_misc.total"]`)
		landed(t, "figure summed from three cells", 3, "")
	})
	clickPoint := func(t *testing.T, chart, point string) {
		t.Helper()
		var at []float64
		b.Eval(t, `(function(){var el=document.getElementById('`+chart+`');el.scrollIntoView({block:'center'});
			var c=el.xxgkChart, o=c.getOption(), s=o.series[0], i=0;
			while (s.data[i] === '-' || s.data[i] === undefined) { i++; }
			var p=c.convertToPixel({seriesIndex:0}, `+point+`);var r=el.getBoundingClientRect();return [r.left+p[0], r.top+p[1]]})()`, &at)
		if len(at) != 2 {
			t.Fatalf("no point on chart %s", chart)
		}
		b.ClickAt(t, at[0], at[1])
	}
	t.Run("click-chart-point", func(t *testing.T) {
		b.Open(t, agencyPage(chartstest.PlainAgency))
		clickPoint(t, "a-apps", `[i, s.data[i]]`)
		landed(t, "point of a line chart", 1, "")
	})
	t.Run("click-ranking-bar", func(t *testing.T) {
		b.Open(t, filepath.Join(site, "index.html"))
		clickPoint(t, "rank-1", `[s.data[i] / 2, i]`)
		landed(t, "bar of a ranking", 1, "")
	})
	t.Run("explorer-selection", func(t *testing.T) { testExplorer(t, b, site, db) })
	t.Run("table-downloads", func(t *testing.T) { testTableDownloads(t, b, site, db) })
	t.Run("hostile-names-as-text", func(t *testing.T) {
		b.Open(t, filepath.Join(site, "agencies.html"))
		var shown bool
		b.Eval(t, `document.body.innerText.indexOf(`+"`"+chartstest.ScriptAgency+"`"+`) >= 0`, &shown)
		if !shown {
			t.Errorf("the agency list does not show the hostile name as text")
		}
		b.Open(t, agencyPage(chartstest.IncompleteAgency))
		b.Click(t, `a[href*="source.html#r="]`)
		var path bool
		b.Eval(t, `document.getElementById('ident').innerText.indexOf("onerror=alert(1)>\"'.txt") >= 0`, &path)
		var bad int
		b.Eval(t, hostileDOM, &bad)
		if !path || bad != 0 {
			t.Errorf("the source page does not show the hostile file name as text (shown %v, %d elements made of it)", path, bad)
		}
	})
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
		// site links to its current version; the previous one is kept.
		if e.Name() != "site" && !strings.HasPrefix(e.Name(), ".site-v-") {
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
	checkFiles(t, site, paths)
}

func readPage(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkFiles asserts what every built site must satisfy on disk: pages and
// scripts present, nothing fetched from the network, untrusted names and
// file names escaped.
func checkFiles(t *testing.T, site string, paths []string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("build returned %s: %v", p, err)
		}
	}
	for _, f := range []string{"index.html", "agencies.html", "method.html", "quality.html", "source.html", "echarts.min.js", "site.js",
		"source.js", "labels.js", "style.css", "echarts-LICENSE.txt", "explorer.html", "explorer.js", "explore/index.js", "metrics.html",
		"downloads.html", "metrics/received.html", "metrics/grant_rate.html"} {
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
		if strings.Contains(s, "<script>alert(1)") || strings.Contains(s, "<img src=x onerror") {
			t.Errorf("%s contains a hostile name unescaped", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
