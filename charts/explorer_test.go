package charts

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/xxgk/charts/chartstest"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// shownCell is a figure cell of the explorer's table as the browser shows it.
type shownCell struct {
	A, M, V, Text, Href string
	Y                   int
	Mapped, Approx      bool
}

const readCells = `Array.from(document.querySelectorAll('#x-data td[data-m]')).map(function(td){var a=td.querySelector('a');
	return {A: td.getAttribute('data-a'), M: td.getAttribute('data-m'), Y: Number(td.getAttribute('data-y')), V: td.getAttribute('data-v'),
	Text: td.textContent, Href: a ? a.getAttribute('href') : '', Mapped: td.classList.contains('mapped'), Approx: td.hasAttribute('data-approx')}})`

// waitExplorer waits until the explorer has drawn its selection.
func waitExplorer(t *testing.T, b *chartstest.Browser) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var state string
		b.Eval(t, `document.body.getAttribute('data-explorer') || ''`, &state)
		if state == "ready" {
			return
		}
		if state == "missing" {
			t.Fatalf("the explorer found no index")
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the explorer did not finish drawing")
}

// readCSV checks that a download is UTF-8 with a byte-order mark and
// returns its records.
func readCSV(t *testing.T, name string, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatalf("%s does not start with the UTF-8 byte-order mark: % x", name, data[:min(8, len(data))])
	}
	r := csv.NewReader(bytes.NewReader(data[3:]))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s is not CSV: %v", name, err)
	}
	if len(recs) < 2 {
		t.Fatalf("%s has no rows: %q", name, data)
	}
	return recs
}

// testExplorer drives the explorer from file:// with a scripted selection
// (two agencies, two metrics, a year range) and checks the numbers shown,
// their marks and links against the harmonised query of the database; the
// address round-trips the selection; the CSV download of the selection
// has a byte-order mark and the same numbers; and many agencies draw as
// small multiples.
func testExplorer(t *testing.T, b *chartstest.Browser, site string, db *sql.DB) {
	agencies := []string{chartstest.PlainAgency, "丙市司法局"}
	metrics := []string{"received", "proactive"}
	from, to := 2017, 2021
	b.Open(t, filepath.Join(site, "explorer.html"))
	waitExplorer(t, b)
	for _, name := range agencies {
		nj, _ := json.Marshal(name)
		b.Eval(t, `(function(){var s=document.getElementById('x-search');s.value=`+string(nj)+`;s.dispatchEvent(new Event('input'));return true})()`, new(bool))
		b.Click(t, `#x-results button[data-id="`+agencyID(name)+`"]`)
		waitExplorer(t, b)
	}
	for _, m := range metrics {
		b.Click(t, `#x-metrics input[data-code="`+m+`"]`)
		waitExplorer(t, b)
	}
	b.Eval(t, fmt.Sprintf(`(function(){var f=document.getElementById('x-from'),t=document.getElementById('x-to');
		f.value='%d';f.dispatchEvent(new Event('change'));t.value='%d';t.dispatchEvent(new Event('change'));return true})()`, from, to), new(bool))
	waitExplorer(t, b)

	var years []int
	for y := from; y <= to; y++ {
		years = append(years, y)
	}
	res, err := queries.Run(context.Background(), db, "harmonised", queries.Filter{Agencies: agencies, Years: years})
	if err != nil {
		t.Fatal(err)
	}
	h := queries.NewTable(res)
	type key struct {
		id, metric string
		year       int
	}
	want := map[key][]any{}
	for _, row := range h.Rows() {
		if queries.Annual(h.Str(row, "period")) && slices.Contains(metrics, h.Str(row, "metric")) {
			want[key{agencyID(h.Str(row, "agency")), h.Str(row, "metric"), h.Int(row, "year")}] = row
		}
	}
	var cells []shownCell
	b.Eval(t, readCells, &cells)
	if len(cells) != len(agencies)*len(metrics)*len(years) {
		t.Fatalf("explorer shows %d figure cells, want %d agencies × %d metrics × %d years", len(cells), len(agencies), len(metrics), len(years))
	}
	var mapped, approx, blank int
	for _, c := range cells {
		row, ok := want[key{c.A, c.M, c.Y}]
		if !ok {
			if c.Text != "—" || c.V != "" || c.Href != "" {
				t.Errorf("%s %s %d: the database has no figure, the explorer shows %q (%q)", c.A, c.M, c.Y, c.Text, c.V)
			}
			blank++
			continue
		}
		delete(want, key{c.A, c.M, c.Y})
		v, _ := h.Num(row, "value")
		text := labels.Number(v)
		if h.Bool(row, "approx") {
			text = "约 " + text
			approx++
		}
		if got, err := strconv.ParseFloat(c.V, 64); err != nil || got != v || c.Text != text {
			t.Errorf("%s %s %d: explorer shows %q (%q), the database has %v (%q)", c.A, c.M, c.Y, c.Text, c.V, v, text)
		}
		if c.Mapped != h.Bool(row, "mapped") {
			t.Errorf("%s %s %d: marked mapped %v, the database says %v", c.A, c.M, c.Y, c.Mapped, h.Bool(row, "mapped"))
		}
		if h.Bool(row, "mapped") {
			mapped++
		}
		link := sourceHref("", h.Str(row, "report_id"), strings.Split(h.Str(row, "source_keys"), " + "))
		if c.Href != link {
			t.Errorf("%s %s %d: links to %q, want its source %q", c.A, c.M, c.Y, c.Href, link)
		}
	}
	for k := range want {
		t.Errorf("the database has %v, the explorer does not show it", k)
	}
	if mapped == 0 || approx == 0 || blank == 0 {
		t.Errorf("the selection should hold a mapped, an approximate and a blank figure: %d, %d, %d", mapped, approx, blank)
	}
	var charts int
	b.Eval(t, `document.querySelectorAll('#x-charts .chart[data-drawn="true"]').length`, &charts)
	if charts != len(metrics) {
		t.Errorf("%d charts drawn, want one per metric (%d)", charts, len(metrics))
	}

	// The address holds the selection: opened anew, it shows the same.
	url := b.URL(t)
	for _, part := range []string{"a=" + agencyID(agencies[0]) + "," + agencyID(agencies[1]), "m=received,proactive", fmt.Sprintf("y=%d-%d", from, to)} {
		if !strings.Contains(url, part) {
			t.Errorf("address %s lacks %s", url, part)
		}
	}
	b.Open(t, url)
	waitExplorer(t, b)
	var again []shownCell
	b.Eval(t, readCells, &again)
	if !slices.Equal(again, cells) {
		t.Errorf("reloading %s shows another table:\n%v\nwant\n%v", url, again, cells)
	}
	var picks struct {
		Checked  []string
		From, To string
		Chosen   int
	}
	b.Eval(t, `({Checked: Array.from(document.querySelectorAll('#x-metrics input:checked')).map(function(c){return c.value}),
		From: document.getElementById('x-from').value, To: document.getElementById('x-to').value,
		Chosen: document.querySelectorAll('#x-chosen li').length})`, &picks)
	slices.Sort(picks.Checked)
	if !slices.Equal(picks.Checked, slices.Sorted(slices.Values(metrics))) || picks.From != strconv.Itoa(from) || picks.To != strconv.Itoa(to) || picks.Chosen != 2 {
		t.Errorf("reloaded pickers: %+v", picks)
	}

	// The download is exactly the selection: an agency-year a row.
	name, data := b.Download(t, "#x-csv")
	recs := readCSV(t, name, data)
	head := recs[0]
	col := func(h string) int {
		i := slices.Index(head, h)
		if i < 0 {
			t.Fatalf("%s has no column %q: %v", name, h, head)
		}
		return i
	}
	cAgency, cYear := col("机关"), col("年份")
	if len(recs)-1 != len(agencies)*len(years) {
		t.Errorf("%s has %d rows, want %d agencies × %d years", name, len(recs)-1, len(agencies), len(years))
	}
	byName := map[string]string{}
	for _, a := range agencies {
		byName[a] = agencyID(a)
	}
	checked := 0
	for _, r := range recs[1:] {
		y, _ := strconv.Atoi(r[cYear])
		for _, m := range metrics {
			v := r[col(labels.Metric(m)+"（"+labels.Unit(m)+"）")]
			ap, mp := r[col(labels.Metric(m)+"·约数")], r[col(labels.Metric(m)+"·旧表口径换算")]
			c := slices.IndexFunc(cells, func(c shownCell) bool { return c.A == byName[r[cAgency]] && c.M == m && c.Y == y })
			if c < 0 {
				t.Errorf("%s: row %v is not in the selection", name, r)
				continue
			}
			shown := cells[c]
			if shown.V == "" {
				if v != "" || ap != "" || mp != "" {
					t.Errorf("%s: blank %s %d %s written as %q %q %q, want empty cells", name, r[cAgency], y, m, v, ap, mp)
				}
				continue
			}
			checked++
			if v != shown.V || ap != map[bool]string{true: "是", false: "否"}[shown.Approx] || mp != map[bool]string{true: "是", false: "否"}[shown.Mapped] {
				t.Errorf("%s: %s %d %s = %q (约数 %q, 换算 %q), the table shows %q (approx %v, mapped %v)", name, r[cAgency], y, m, v, ap, mp,
					shown.V, shown.Approx, shown.Mapped)
			}
		}
	}
	if checked == 0 {
		t.Errorf("%s: no figure compared", name)
	}

	// Sorting by a year: ascending, blanks last; again: descending.
	for _, dir := range []int{1, -1} {
		b.Click(t, fmt.Sprintf(`#x-data thead th:nth-child(%d) button`, 4+(2019-from)))
		var col []string
		b.Eval(t, `Array.from(document.querySelectorAll('#x-data tbody tr')).map(function(tr){return tr.cells[3+`+strconv.Itoa(2019-from)+`].getAttribute('data-v')})`, &col)
		for i := 1; i < len(col); i++ {
			x, errx := strconv.ParseFloat(col[i-1], 64)
			y, erry := strconv.ParseFloat(col[i], 64)
			if (col[i-1] == "" && col[i] != "") || (errx == nil && erry == nil && float64(dir)*(y-x) < 0) {
				t.Errorf("sorted by 2019 (direction %d): %v", dir, col)
				break
			}
		}
	}

	// Many agencies: small multiples, one grid each.
	b.Eval(t, `(function(){var s=document.getElementById('x-search');s.value='';s.dispatchEvent(new Event('input'));return true})()`, new(bool))
	b.Click(t, "#x-add-all")
	waitExplorer(t, b)
	var grids, chosen int
	b.Eval(t, `document.getElementById('x-chart-0').xxgkChart.getOption().grid.length`, &grids)
	b.Eval(t, `document.querySelectorAll('#x-chosen li').length`, &chosen)
	if chosen <= 6 || grids != chosen {
		t.Errorf("with %d agencies the chart has %d grids, want small multiples, one per agency", chosen, grids)
	}
	for _, e := range b.Errors() {
		t.Errorf("browser: %s", e)
	}
}

// testTableDownloads checks the CSV download of two tables built on the
// server: an agency's figures (one line per figure, with its marks and
// report, the same numbers as the database) and the list of agencies,
// whose formula-like name must not become a formula.
func testTableDownloads(t *testing.T, b *chartstest.Browser, site string, db *sql.DB) {
	b.Open(t, filepath.Join(site, "agencies", agencyID(chartstest.PlainAgency)+".html"))
	name, data := b.Download(t, `button.csv:has(+ .scroll table.figures)`)
	recs := readCSV(t, name, data)
	wantHead := []string{"指标", "单位", "年份", "数值", "约数", "旧表口径换算", "报告编号"}
	if !slices.Equal(recs[0], wantHead) {
		t.Fatalf("%s header %v, want %v", name, recs[0], wantHead)
	}
	res, err := queries.Run(context.Background(), db, "harmonised", queries.Filter{Agencies: []string{chartstest.PlainAgency}})
	if err != nil {
		t.Fatal(err)
	}
	h := queries.NewTable(res)
	want := map[string][]any{}
	for _, row := range h.Rows() {
		if queries.Annual(h.Str(row, "period")) {
			want[labels.Metric(h.Str(row, "metric"))+"|"+h.Str(row, "year")] = row
		}
	}
	blanks := 0
	for _, r := range recs[1:] {
		row, ok := want[r[0]+"|"+r[2]]
		if !ok {
			if r[3] != "" || r[4] != "" || r[5] != "" {
				t.Errorf("%s: %v has a value where the database has none", name, r)
			}
			blanks++
			continue
		}
		delete(want, r[0]+"|"+r[2])
		v, _ := h.Num(row, "value")
		yes := map[bool]string{true: "是", false: "否"}
		if r[3] != strconv.FormatFloat(v, 'f', -1, 64) || r[4] != yes[h.Bool(row, "approx")] || r[5] != yes[h.Bool(row, "mapped")] ||
			r[6] != shortID(h.Str(row, "report_id")) || r[1] != labels.Unit(h.Str(row, "metric")) {
			t.Errorf("%s: %v, the database has %v", name, r, row)
		}
	}
	if len(want) > 0 || blanks == 0 {
		t.Errorf("%s: %d figures of the database missing, %d blanks", name, len(want), blanks)
	}

	b.Open(t, filepath.Join(site, "agencies.html"))
	name, data = b.Download(t, `#agencies button.csv`)
	recs = readCSV(t, name, data)
	found := false
	for _, r := range recs[1:] {
		if strings.HasPrefix(r[0], "=") || strings.HasPrefix(r[0], "+") || strings.HasPrefix(r[0], "-") || strings.HasPrefix(r[0], "@") {
			t.Errorf("%s: %q would run as a formula", name, r[0])
		}
		if r[0] == "'"+chartstest.FormulaAgency {
			found = true
		}
	}
	if !found {
		t.Errorf("%s: no row of %q escaped with an apostrophe", name, chartstest.FormulaAgency)
	}
	for _, e := range b.Errors() {
		t.Errorf("browser: %s", e)
	}
}

// exploreFiles reads the explorer's data files of a built site: the index
// and every data file, without their call wrappers.
func exploreFiles(t *testing.T, site string) (map[string]any, map[int][][]any, int64) {
	t.Helper()
	unwrap := func(p, prefix string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.TrimSuffix(strings.TrimSpace(string(b)), ");")
		s = strings.TrimPrefix(s, prefix)
		return []byte(s)
	}
	var index map[string]any
	if err := json.Unmarshal(unwrap(filepath.Join(site, exploreDir, "index.js"), "xxgkExploreIndex("), &index); err != nil {
		t.Fatalf("index.js: %v", err)
	}
	files := map[int][][]any{}
	var largest int64
	ents, _ := os.ReadDir(filepath.Join(site, exploreDir))
	for _, e := range ents {
		info, _ := e.Info()
		largest = max(largest, info.Size())
		if e.Name() == "index.js" {
			continue
		}
		b := unwrap(filepath.Join(site, exploreDir, e.Name()), "xxgkExplore(")
		n, rest, ok := strings.Cut(string(b), ",")
		no, err := strconv.Atoi(n)
		if !ok || err != nil || e.Name() != "d"+n+".js" {
			t.Fatalf("%s: not a data file: %.40s", e.Name(), b)
		}
		var rows [][]any
		if err := json.Unmarshal([]byte(rest), &rows); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		files[no] = rows
	}
	return index, files, largest
}

// TestExplorerData builds a site of 250 agencies in one province and
// checks the explorer's files: no file holds more than ShardAgencies
// agencies or mixes provinces, every agency of the index is in the file
// the index names, and every value is the figure of the harmonised result
// (a blank one null, never 0), with its report and source keys.
func TestExplorerData(t *testing.T) {
	res := resultFixture(250, 2015, 4)
	site := filepath.Join(t.TempDir(), "site")
	if _, err := build(context.Background(), fixtureRun(res), site, time.Now()); err != nil {
		t.Fatal(err)
	}
	index, files, _ := exploreFiles(t, site)
	if len(files) != 3 {
		t.Errorf("250 agencies of one province in %d files, want 3 (at most %d each)", len(files), ShardAgencies)
	}
	metrics := index["metrics"].([]any)
	rules := index["rules"].([]any)
	where := map[string]int{}
	for _, a := range index["agencies"].([]any) {
		e := a.([]any)
		where[e[0].(string)] = int(e[7].(float64))
	}
	rows := map[string][]any{}
	for n, list := range files {
		if len(list) > ShardAgencies {
			t.Errorf("data file %d holds %d agencies", n, len(list))
		}
		for _, r := range list {
			id := r[0].(string)
			if where[id] != n {
				t.Errorf("agency %s is in file %d, the index says %d", id, n, where[id])
			}
			rows[id] = r
		}
	}
	if len(rows) != len(where) {
		t.Errorf("%d agencies in the data files, %d in the index", len(rows), len(where))
	}
	h := queries.NewTable(res["harmonised"])
	checked := 0
	for _, row := range h.Rows() {
		r := rows[agencyID(h.Str(row, "agency"))]
		if r == nil {
			t.Fatalf("agency %q has no data", h.Str(row, "agency"))
		}
		i := h.Int(row, "year") - int(r[1].(float64))
		var series []any
		for _, m := range r[4].([]any) {
			m := m.([]any)
			if metrics[int(m[0].(float64))].(map[string]any)["code"] == h.Str(row, "metric") {
				series = m
			}
		}
		v := h.OptNum(row, "value")
		if series == nil {
			if v != nil {
				t.Errorf("%s %s: no series, want %v", h.Str(row, "agency"), h.Str(row, "metric"), *v)
			}
			continue
		}
		got := series[1].([]any)[i]
		switch {
		case v == nil && got != nil:
			t.Errorf("%s %s %d: blank figure stored as %v", h.Str(row, "agency"), h.Str(row, "metric"), h.Int(row, "year"), got)
		case v != nil && (got == nil || got.(float64) != *v):
			t.Errorf("%s %s %d: %v, want %v", h.Str(row, "agency"), h.Str(row, "metric"), h.Int(row, "year"), got, *v)
		case v != nil:
			rule := rules[int(series[2].([]any)[i].(float64))].([]any)
			if rule[0] != strings.ReplaceAll(h.Str(row, "source_keys"), " + ", ",") || (rule[1].(float64) == 1) != h.Bool(row, "mapped") {
				t.Errorf("%s %s %d: rule %v, want keys %q mapped %v", h.Str(row, "agency"), h.Str(row, "metric"), h.Int(row, "year"), rule,
					h.Str(row, "source_keys"), h.Bool(row, "mapped"))
			}
			if r[2].([]any)[i] != shortID(h.Str(row, "report_id")) {
				t.Errorf("%s %d: report %v, want %s", h.Str(row, "agency"), h.Int(row, "year"), r[2].([]any)[i], shortID(h.Str(row, "report_id")))
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no figure checked")
	}
}

func TestShardOf(t *testing.T) {
	var as []*agency
	for i := range 230 {
		as = append(as, &agency{Agency: queries.Agency{Name: fmt.Sprintf("甲省第%03d局", i), Province: "甲省"}})
	}
	for i := range 7 {
		as = append(as, &agency{Agency: queries.Agency{Name: fmt.Sprintf("乙省第%d局", i), Province: "乙省"}})
	}
	as = append(as, &agency{Agency: queries.Agency{Name: "不明局"}})
	shards := shardOf(as)
	var sizes []int
	seen := map[string]bool{}
	for _, s := range shards {
		sizes = append(sizes, len(s))
		for _, a := range s {
			if a.Province != s[0].Province {
				t.Errorf("file of %s mixes in %s", s[0].Province, a.Province)
			}
			if seen[a.Name] {
				t.Errorf("%s in two files", a.Name)
			}
			seen[a.Name] = true
		}
	}
	if want := []int{1, 7, 100, 100, 30}; !slices.Equal(sizes, want) {
		t.Errorf("file sizes %v, want %v (provinces in name order, at most %d a file)", sizes, want, ShardAgencies)
	}
	if len(seen) != len(as) {
		t.Errorf("%d agencies placed, want %d", len(seen), len(as))
	}
}
