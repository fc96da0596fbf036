package exports

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/etl/report"
)

// The tests read every workbook back twice: through excelize, as a
// reader's spreadsheet would, and as the XML inside the .xlsx, where the
// machine-readable promises live (<dimension>, <col> order, chart
// language and axis titles, alternative text).

// sheetXML is what the tests check of one worksheet part.
type sheetXML struct {
	dim            string
	cols           [][2]int     // <col min max>, in document order
	maxCol, maxRow int          // the range of the <c> elements written
	numeric        map[int]bool // columns with a number below the header
	merges         int
}

// chartXML is what the tests check of one chart part.
type chartXML struct {
	part        string
	lang        string
	kinds       []string // barChart, lineChart…
	axes        int
	axisTitles  int
	legend      bool
	orientation []string // of the category axes
	series      []string // the value range of each series
	seriesNames []string
	valFormat   string  // the number format of the value axis
	majorUnit   float64 // of the value axis, 0 when automatic
}

// bookXML is the parts of one .xlsx.
type bookXML struct {
	sheets   map[string]*sheetXML // by sheet name
	charts   []*chartXML
	altTexts []string
	frames   int // graphic frames (charts) in the drawings
}

func readXML(t *testing.T, file string) *bookXML {
	t.Helper()
	z, err := zip.OpenReader(file)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	defer z.Close()
	parts := map[string]*zip.File{}
	for _, f := range z.File {
		parts[f.Name] = f
	}
	read := func(name string) []byte {
		f := parts[name]
		if f == nil {
			t.Fatalf("%s: no part %s", file, name)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(read("xl/workbook.xml"), &wb); err != nil {
		t.Fatal(err)
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(read("xl/_rels/workbook.xml.rels"), &rels); err != nil {
		t.Fatal(err)
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		target[r.ID] = r.Target
	}
	out := &bookXML{sheets: map[string]*sheetXML{}}
	for _, s := range wb.Sheets {
		p := strings.TrimPrefix(target[s.RID], "/")
		if !strings.HasPrefix(p, "xl/") {
			p = path.Join("xl", p)
		}
		out.sheets[s.Name] = parseSheet(t, read(p))
	}
	for name := range parts {
		switch {
		case strings.HasPrefix(name, "xl/charts/chart") && strings.HasSuffix(name, ".xml"):
			c := parseChart(t, read(name))
			c.part = name
			out.charts = append(out.charts, c)
		case strings.HasPrefix(name, "xl/drawings/drawing") && strings.HasSuffix(name, ".xml"):
			d := string(read(name))
			out.frames += strings.Count(d, "</xdr:graphicFrame>")
			for _, m := range regexp.MustCompile(`descr="([^"]*)"`).FindAllStringSubmatch(d, -1) {
				out.altTexts = append(out.altTexts, m[1])
			}
		}
	}
	slices.SortFunc(out.charts, func(a, b *chartXML) int { return strings.Compare(a.part, b.part) })
	return out
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func parseSheet(t *testing.T, b []byte) *sheetXML {
	t.Helper()
	s := &sheetXML{numeric: map[int]bool{}}
	dec := xml.NewDecoder(strings.NewReader(string(b)))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "dimension":
			s.dim = attr(se, "ref")
		case "col":
			lo, _ := strconv.Atoi(attr(se, "min"))
			hi, _ := strconv.Atoi(attr(se, "max"))
			s.cols = append(s.cols, [2]int{lo, hi})
		case "mergeCell":
			s.merges++
		case "c":
			c, r, err := excelize.CellNameToCoordinates(attr(se, "r"))
			if err != nil {
				t.Fatalf("cell %q: %v", attr(se, "r"), err)
			}
			s.maxCol, s.maxRow = max(s.maxCol, c), max(s.maxRow, r)
			if typ := attr(se, "t"); (typ == "" || typ == "n") && r > headerRow {
				// A styled cell without a value is not a number.
				var cell struct {
					V *string `xml:"v"`
				}
				if err := dec.DecodeElement(&cell, &se); err != nil {
					t.Fatal(err)
				}
				if cell.V != nil {
					s.numeric[c] = true
				}
			}
		}
	}
	return s
}

func parseChart(t *testing.T, b []byte) *chartXML {
	t.Helper()
	c := &chartXML{}
	dec := xml.NewDecoder(strings.NewReader(string(b)))
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			stack = append(stack, x.Name.Local)
			parent := ""
			if len(stack) > 1 {
				parent = stack[len(stack)-2]
			}
			switch x.Name.Local {
			case "lang":
				if parent == "chartSpace" {
					c.lang = attr(x, "val")
				}
			case "barChart", "lineChart", "pieChart", "areaChart", "scatterChart":
				c.kinds = append(c.kinds, x.Name.Local)
			case "catAx", "valAx", "dateAx", "serAx":
				c.axes++
			case "title":
				if strings.HasSuffix(parent, "Ax") {
					c.axisTitles++
				}
			case "legend":
				c.legend = true
			case "numFmt":
				if parent == "valAx" {
					c.valFormat = attr(x, "formatCode")
				}
			case "majorUnit":
				if parent == "valAx" {
					c.majorUnit, _ = strconv.ParseFloat(attr(x, "val"), 64)
				}
			case "orientation":
				if len(stack) > 2 && stack[len(stack)-3] == "catAx" {
					c.orientation = append(c.orientation, attr(x, "val"))
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) >= 3 && stack[len(stack)-1] == "f" {
				switch stack[len(stack)-3] {
				case "val":
					c.series = append(c.series, string(x))
				case "tx":
					c.seriesNames = append(c.seriesNames, string(x))
				}
			}
		}
	}
	return c
}

// asciiWord is a word of Latin letters a reader would see as English.
var asciiWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// allowedWords are the Latin words a workbook may show that do not come
// from the reports themselves: the tool's name and the file type.
var allowedWords = map[string]bool{"xxgk": true, "xlsx": true}

// inputWords are the Latin words of the reports (agency names, sentences,
// table labels, file paths): text a workbook shows as printed.
func inputWords(reps []*report.Report) map[string]bool {
	words := map[string]bool{}
	add := func(s string) {
		for _, w := range asciiWord.FindAllString(s, -1) {
			words[w] = true
		}
	}
	for _, r := range reps {
		add(r.Agency)
		add(FileName(r.Agency))
		add(r.Path)
		for _, m := range r.Metrics {
			add(m.Prov.Text)
			add(m.Prov.Row)
			add(m.Prov.Col)
		}
	}
	for _, w := range asciiWord.FindAllString(Version, -1) {
		words[w] = true
	}
	return words
}

// checkBook checks what every workbook promises, reading it back.
func checkBook(t *testing.T, file string, words map[string]bool) *excelize.File {
	t.Helper()
	f := openBook(t, file)
	x := readXML(t, file)
	sheets := f.GetSheetList()
	if len(sheets) < 4 || sheets[0] != coverSheet || sheets[1] != contentsSheet || sheets[2] != notesSheet {
		t.Fatalf("%s: sheets %v, want 封面, 目录, 注释 first", file, sheets)
	}
	checkProps(t, f, file)
	checkCover(t, f, file)
	checkContents(t, f, file, sheets)
	checkNotes(t, f, file, sheets)
	for _, sh := range sheets {
		checkSheet(t, f, x, file, sh, words)
	}
	checkCharts(t, f, x, file)
	return f
}

func checkProps(t *testing.T, f *excelize.File, file string) {
	t.Helper()
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatalf("%s: doc props: %v", file, err)
	}
	if p.Title == "" || p.Subject == "" || p.Language != "zh-CN" || p.Creator != "xxgk "+Version {
		t.Errorf("%s: doc props title %q subject %q language %q creator %q; want all set, zh-CN, xxgk %s", file, p.Title, p.Subject, p.Language, p.Creator, Version)
	}
	if _, err := time.Parse(time.RFC3339, p.Created); err != nil {
		t.Errorf("%s: created %q: %v", file, p.Created, err)
	}
}

func checkCover(t *testing.T, f *excelize.File, file string) {
	t.Helper()
	rows, _ := f.GetRows(coverSheet)
	if len(rows) < 5 || len(rows[0]) == 0 || rows[0][0] == "" {
		t.Fatalf("%s: cover %v, want a title and lines", file, rows)
	}
	labels := map[string]bool{}
	for _, r := range rows[1:] {
		if len(r) == 2 && r[1] != "" {
			labels[r[0]] = true
		}
	}
	for _, want := range []string{"数据版本", "来源", "联系"} {
		if !labels[want] {
			t.Errorf("%s: cover lacks %s: %v", file, want, rows)
		}
	}
}

// checkContents checks that the contents sheet links every other sheet.
func checkContents(t *testing.T, f *excelize.File, file string, sheets []string) {
	t.Helper()
	rows, _ := f.GetRows(contentsSheet)
	linked := map[string]bool{}
	for i := headerRow; i < len(rows); i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		ok, target, err := f.GetCellHyperLink(contentsSheet, cell)
		if err != nil || !ok {
			t.Errorf("%s: 目录!%s (%v) has no hyperlink", file, cell, rows[i])
			continue
		}
		name := strings.TrimSuffix(strings.TrimPrefix(target, "'"), "'!A1")
		if !slices.Contains(sheets, name) || target != "'"+name+"'!A1" {
			t.Errorf("%s: 目录!%s links %q, not a sheet of the workbook", file, cell, target)
		}
		if rows[i][0] != name || len(rows[i]) < 2 || rows[i][1] == "" {
			t.Errorf("%s: 目录 row %v: want the sheet's name and a description", file, rows[i])
		}
		linked[name] = true
	}
	for _, sh := range sheets[2:] {
		if !linked[sh] {
			t.Errorf("%s: 目录 does not link sheet %s", file, sh)
		}
	}
}

var noteRef = regexp.MustCompile(`〔注([0-9、]+)〕`)

// checkNotes checks that every 〔注N〕 of the titles, descriptions and
// headers is a numbered note of the notes sheet.
func checkNotes(t *testing.T, f *excelize.File, file string, sheets []string) {
	t.Helper()
	rows, _ := f.GetRows(notesSheet)
	n := 0
	for i := headerRow; i < len(rows); i++ {
		n++
		if rows[i][0] != strconv.Itoa(n) || len(rows[i]) < 2 || rows[i][1] == "" {
			t.Errorf("%s: 注释 row %d = %v, want note %d with its text", file, i+1, rows[i], n)
		}
	}
	if n < len(alwaysNotes) {
		t.Errorf("%s: %d notes, want at least %d", file, n, len(alwaysNotes))
	}
	// A note that wraps gets the height of its lines, so printed notes
	// do not overlap.
	for i := headerRow; i < len(rows); i++ {
		if len(rows[i]) < 2 {
			continue
		}
		want := rowHeight(wrappedLines(rows[i][1], 110))
		if h, err := f.GetRowHeight(notesSheet, i+1); err != nil || h < want {
			t.Errorf("%s: 注释 row %d is %v points high, its %d lines need %v", file, i+1, h, wrappedLines(rows[i][1], 110), want)
		}
	}
	refs := 0
	for _, sh := range sheets {
		rs, _ := f.GetRows(sh)
		for i := 0; i < min(len(rs), headerRow); i++ {
			for _, c := range rs[i] {
				for _, m := range noteRef.FindAllStringSubmatch(c, -1) {
					for _, num := range strings.Split(m[1], "、") {
						refs++
						if k, _ := strconv.Atoi(num); k < 1 || k > n {
							t.Errorf("%s: %s refers to note %s; the notes sheet has %d", file, sh, num, n)
						}
					}
				}
			}
		}
	}
	if refs == 0 {
		t.Errorf("%s: no header refers to a note", file)
	}
}

// unitRE is a unit in a header: （件）, （%）, （0–100）…
var unitRE = regexp.MustCompile(`（[^）]+）`)

func checkSheet(t *testing.T, f *excelize.File, x *bookXML, file, sh string, words map[string]bool) {
	t.Helper()
	sx := x.sheets[sh]
	if sx == nil {
		t.Fatalf("%s: no XML for sheet %s", file, sh)
	}
	// Machine-readable: the declared dimension is the written range, and
	// the columns come in ascending order.
	if want := "A1:" + cellName(sx.maxCol, sx.maxRow); sx.maxRow > 0 && sx.dim != want && !(sx.maxCol == 1 && sx.maxRow == 1 && sx.dim == "A1") {
		t.Errorf("%s: %s declares <dimension ref=%q>, cells span %s", file, sh, sx.dim, want)
	}
	for i := 1; i < len(sx.cols); i++ {
		if sx.cols[i][0] <= sx.cols[i-1][1] {
			t.Errorf("%s: %s <col> elements out of order: %v", file, sh, sx.cols)
			break
		}
	}
	if sx.merges > 0 {
		t.Errorf("%s: %s has %d merged cells", file, sh, sx.merges)
	}
	if sx.maxRow > maxSheetRows {
		t.Errorf("%s: %s has %d rows", file, sh, sx.maxRow)
	}
	// Print: landscape, one page wide, footer with sheet, page and stamp.
	pl, err := f.GetPageLayout(sh)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
		pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("%s: %s page layout %+v, %v; want landscape, one page wide", file, sh, pl, err)
	}
	if p, err := f.GetSheetProps(sh); err != nil || p.FitToPage == nil || !*p.FitToPage {
		t.Errorf("%s: %s does not fit to page: %+v %v", file, sh, p, err)
	}
	hf, err := f.GetHeaderFooter(sh)
	if err != nil || hf == nil || !strings.Contains(hf.OddFooter, "&A") || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "数据校验码") {
		t.Errorf("%s: %s footer %+v, want sheet name, page and data stamp", file, sh, hf)
	}
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	// Chinese in every cell: no Latin word outside the allow-list and the
	// reports' own text.
	for i, r := range rows {
		for j, v := range r {
			for _, w := range asciiWord.FindAllString(v, -1) {
				if !allowedWords[strings.ToLower(w)] && !words[w] {
					t.Errorf("%s: %s!%s = %q holds the Latin word %q", file, sh, cellName(j+1, i+1), v, w)
				}
			}
			if strings.HasPrefix(v, "=") {
				t.Errorf("%s: %s!%s = %q starts a formula", file, sh, cellName(j+1, i+1), v)
			}
		}
	}
	checkFont(t, f, file, sh, "A1", mustBold)
	if sh == coverSheet {
		return
	}
	tables, err := f.GetTables(sh)
	if err != nil {
		t.Fatal(err)
	}
	if sh == chartsSheet {
		if len(tables) != 0 {
			t.Errorf("%s: chart sheet has tables %v", file, tables)
		}
		return
	}
	// One table per sheet, at A3 under the title and description, named,
	// with its header row printed on every page.
	if len(tables) != 1 || !strings.HasPrefix(tables[0].Range, "A3:") || !strings.HasPrefix(tables[0].Name, "表") {
		t.Fatalf("%s: %s tables %+v, want one named table from A3", file, sh, tables)
	}
	if len(rows) < headerRow+1 || rows[0][0] == "" || rows[1][0] == "" {
		t.Errorf("%s: %s lacks a title, a description or a data row", file, sh)
		return
	}
	checkFont(t, f, file, sh, "A3", mustBold)
	checkFont(t, f, file, sh, "A4", anyWeight) // the agency's own row among its peers is bold
	names := f.GetDefinedName()
	found := false
	for _, n := range names {
		found = found || n.Name == "_xlnm.Print_Titles" && n.Scope == sh && n.RefersTo == "'"+sh+"'!$3:$3"
	}
	if !found {
		t.Errorf("%s: %s has no print titles repeating row 3", file, sh)
	}
	header := rows[headerRow-1]
	hasUnitCol := slices.Contains(header, "单位") || slices.ContainsFunc(header, func(h string) bool { return strings.HasPrefix(h, "单位〔") })
	for c := range sx.numeric {
		if c > len(header) {
			t.Errorf("%s: %s has a number outside its table, column %d", file, sh, c)
			continue
		}
		h := header[c-1]
		if !unitRE.MatchString(h) && !strings.HasPrefix(h, "年份") && !strings.HasSuffix(h, "年份") && !strings.HasPrefix(h, "编号") && !hasUnitCol {
			t.Errorf("%s: %s column %q holds numbers but its header gives no unit", file, sh, h)
		}
	}
}

// Weights checkFont wants.
const (
	anyWeight = iota
	mustBold
)

// checkFont checks a cell's explicit font: 等线 11 (14 for titles), bold
// for headers and titles.
func checkFont(t *testing.T, f *excelize.File, file, sh, cell string, weight int) {
	t.Helper()
	id, err := f.GetCellStyle(sh, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st.Font == nil || st.Font.Family != fontName || st.Font.Size < fontSize || weight == mustBold && !st.Font.Bold {
		t.Errorf("%s: %s!%s font %+v (%v), want %s ≥ %v (bold: %v)", file, sh, cell, st.Font, err, fontName, fontSize, weight == mustBold)
	}
}

// checkCharts checks every chart: Chinese, titled axes, alternative text,
// something to draw in every series, one colour and no legend for a
// single series, ranking bars from the largest down.
func checkCharts(t *testing.T, f *excelize.File, x *bookXML, file string) {
	t.Helper()
	if x.frames != len(x.charts) || len(x.altTexts) < len(x.charts) {
		t.Errorf("%s: %d charts, %d frames, %d alternative texts", file, len(x.charts), x.frames, len(x.altTexts))
	}
	for _, a := range x.altTexts {
		if a == "" {
			t.Errorf("%s: a chart without alternative text", file)
		}
	}
	for _, c := range x.charts {
		if c.lang != "zh-CN" {
			t.Errorf("%s: %s language %q, want zh-CN", file, c.part, c.lang)
		}
		if c.axes == 0 || c.axisTitles != c.axes {
			t.Errorf("%s: %s has %d axes and %d axis titles", file, c.part, c.axes, c.axisTitles)
		}
		if len(c.series) == 0 {
			t.Errorf("%s: %s has no series", file, c.part)
		}
		if len(c.series) == 1 && c.legend {
			t.Errorf("%s: %s has one series and a legend", file, c.part)
		}
		// A count axis steps by whole numbers, never 0.5.
		if c.valFormat == "#,##0" && (c.majorUnit < 1 || c.majorUnit != float64(int(c.majorUnit))) {
			t.Errorf("%s: %s counts on an axis stepping by %v", file, c.part, c.majorUnit)
		}
		if c.valFormat == "" {
			t.Errorf("%s: %s value axis has no number format", file, c.part)
		}
		drawn := false
		for _, s := range c.series {
			vals := rangeValues(t, f, s)
			for _, v := range vals {
				if v == "" {
					continue
				}
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					t.Errorf("%s: %s series %s holds text %q (drawn as 0)", file, c.part, s, v)
				}
				drawn = true
			}
			if slices.Contains(c.kinds, "barChart") && len(c.series) == 1 && slices.Contains(c.orientation, "maxMin") {
				var prev float64
				for i, v := range vals {
					n, _ := strconv.ParseFloat(v, 64)
					if i > 0 && n > prev {
						t.Errorf("%s: %s ranking bars out of order: %v", file, c.part, vals)
						break
					}
					prev = n
				}
			}
		}
		if !drawn {
			t.Errorf("%s: %s is an empty chart", file, c.part)
		}
	}
}

// rangeValues reads the raw values of a chart range 'Sheet'!$A$1:$B$2.
func rangeValues(t *testing.T, f *excelize.File, ref string) []string {
	t.Helper()
	sh, rng, ok := strings.Cut(ref, "!")
	if !ok {
		t.Fatalf("range %q", ref)
	}
	sh = strings.Trim(sh, "'")
	a, z, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
	if z == "" {
		z = a
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(z)
	if err1 != nil || err2 != nil {
		t.Fatalf("range %q", ref)
	}
	var out []string
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			v, err := f.GetCellValue(sh, cellName(c, r), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatalf("%s: %v", ref, err)
			}
			out = append(out, v)
		}
	}
	return out
}

func cellName(c, r int) string {
	n, _ := excelize.CoordinatesToCellName(c, r)
	return n
}

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
