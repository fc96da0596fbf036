package charts

import (
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/queries/labels"
)

// The ECharts options are built here as plain values rather than through an
// option library: every point carries the link to its source and the n
// behind a rate, which ECharts keeps beside the option (chartMeta) and
// site.js reads on click and in tooltips, and the axes, gaps, form-change
// marks and aria settings are all the pages need.

// chartKind is how a chart draws its series.
type chartKind int

const (
	lineChart    chartKind = iota // years across, one line per series
	barChart                      // years across, bars (stacked when stack)
	rankingChart                  // agencies down, one bar each
	heatmapChart                  // years across, rows down, one cell each
)

// series is one named line or set of bars; a nil point is a gap, never a
// zero. Links and N, when set, have one entry per point: the source of the
// figure and the count a rate was computed over.
type series struct {
	Name   string
	Points []*float64
	Links  []string
	N      []*float64
	// Approx and Mapped, when set, mark the points printed as approximate
	// (约) and those mapped from a legacy table, in the data table.
	Approx, Mapped []bool
}

// chartSpec is everything one chart shows.
type chartSpec struct {
	ID, Title, Note string
	Kind            chartKind
	Cats            []string // the years (line, bar, heatmap) or the agencies (ranking)
	Rows            []string // the rows of a heatmap
	Series          []series
	Unit            string // 件, 条, 万元, % …
	Percent         bool   // values are ratios, drawn as percentages
	Stack           bool
	// Heat holds a heatmap's cells: [x, y, value] with value a count, or a
	// form index into Pieces.
	Heat   [][3]float64
	Pieces []string // heatmap: the category of each value 1, 2 … (forms)
	Links  []string // heatmap: a link per cell of Heat
	HeatN  []int    // heatmap: the n behind each cell of Heat, when it has one
	// Diverging draws a heatmap of changes: colours from blue (less) through
	// white (0) to red (more), values with one decimal and the unit.
	Diverging bool
	Height    int // pixels; 0 for the default
	// LinkFrom, when set, is a CSS selector of the page's tables that hold
	// the chart's figures with their links (a row per series, named as the
	// series, a column per category): the data table under the chart then
	// carries no links of its own and a click finds the link there. Agency
	// pages use it, so each link is written once.
	LinkFrom string
}

// chartBlock is a chart ready for the templates: its options as HTML-safe
// JSON, and its data as a table below it.
type chartBlock struct {
	ID, Title, Note string
	Height          int
	Option          template.JS
	Meta            template.JS
	Data            dataTable
}

// chartMeta is what site.js needs beside the option: the unit for tooltips,
// the counts behind rates and, for a heatmap, the link of each cell.
type chartMeta struct {
	Unit    string       `json:"unit"`
	Percent bool         `json:"pct,omitempty"`
	Links   [][]string   `json:"links,omitempty"` // heatmaps only: the table under one is laid out by rows
	From    string       `json:"from,omitempty"`  // see chartSpec.LinkFrom
	N       [][]*float64 `json:"n,omitempty"`
	Heat    bool         `json:"heat,omitempty"`
	HeatN   []int        `json:"hn,omitempty"`  // heatmaps: the n behind each cell
	Digits  int          `json:"dec,omitempty"` // heatmaps: decimals of a value
}

// formYears are the years whose reports follow a new national form: the
// 2019 table (report year 2019) and the 2021 table.
var formYears = map[string]string{"2019": "2019 年版表格", "2021": "2021 年版表格"}

// build turns the spec into a block. Options are marshalled with HTML
// escaping on, so untrusted names like "</script>" cannot end the inline
// script element.
func (s chartSpec) build() (chartBlock, error) {
	opt := map[string]any{
		"animation": false,
		"aria":      map[string]any{"enabled": true},
		"textStyle": map[string]any{"fontFamily": chartFont},
	}
	scale := 1.0
	if s.Percent {
		scale = 100
	}
	unit := s.Unit
	if s.Percent {
		unit = "%"
	}
	valueAxis := map[string]any{"type": "value", "name": unit, "nameTextStyle": map[string]any{"align": "left"}}
	if s.Percent {
		valueAxis["axisLabel"] = map[string]any{"formatter": "{value}%"}
	} else if unit != "万元" && unit != "" {
		valueAxis["minInterval"] = 1 // counts tick on whole numbers
	}
	meta := chartMeta{Unit: unit, Percent: s.Percent, From: s.LinkFrom}
	var ss []map[string]any
	for i, se := range s.Series {
		data := make([]any, len(se.Points))
		for j, p := range se.Points {
			data[j] = point(p, scale)
		}
		m := map[string]any{"name": se.Name, "data": data}
		switch s.Kind {
		case lineChart:
			m["type"], m["connectNulls"], m["showSymbol"], m["symbolSize"] = "line", false, true, 8
		default:
			m["type"] = "bar"
			if s.Stack {
				m["stack"] = "total"
			}
			if s.Kind == rankingChart {
				m["colorBy"] = "series" // one colour for every bar
			}
		}
		if i == 0 && s.Kind != rankingChart {
			if ml := formMarks(s.Cats); ml != nil {
				m["markLine"] = ml
			}
		}
		ss = append(ss, m)
		// The links are in the data table under the chart, where site.js
		// finds them on click; only the counts behind rates go along.
		meta.N = append(meta.N, se.N)
	}
	grid := map[string]any{"left": 8, "right": 24, "top": 40, "bottom": 8, "containLabel": true}
	switch s.Kind {
	case rankingChart:
		opt["xAxis"] = valueAxis
		opt["yAxis"] = map[string]any{"type": "category", "data": s.Cats, "inverse": true,
			"axisLabel": map[string]any{"width": 180, "overflow": "truncate"}}
		opt["tooltip"] = map[string]any{"trigger": "axis", "axisPointer": map[string]any{"type": "shadow"}}
		opt["legend"] = map[string]any{"show": false}
	case heatmapChart:
		opt["xAxis"] = map[string]any{"type": "category", "data": s.Cats, "name": "年份", "splitArea": map[string]any{"show": true}}
		opt["yAxis"] = map[string]any{"type": "category", "data": s.Rows, "axisLabel": map[string]any{"width": 140, "overflow": "truncate"}}
		opt["tooltip"] = map[string]any{"trigger": "item"}
		cells := make([]any, len(s.Heat))
		for i, h := range s.Heat {
			cells[i] = []any{int(h[0]), int(h[1]), h[2]}
		}
		hs := map[string]any{"type": "heatmap", "data": cells, "name": s.Title}
		ss = []map[string]any{hs}
		meta.Heat = true
		meta.Links = [][]string{s.Links}
		meta.HeatN = s.HeatN
		if s.Diverging {
			meta.Digits = 1
			hi := heatRange(s.Heat)
			opt["visualMap"] = map[string]any{"type": "continuous", "min": -hi, "max": hi, "orient": "horizontal", "top": 0, "left": "center",
				"calculable": false, "text": []string{"增加", "减少"}, "inRange": map[string]any{"color": []string{"#2166ac", "#ece6d2", "#b2182b"}}}
			// White borders part the cells, so a change of 0 (beige) is
			// told from a cell without one (no cell).
			hs["itemStyle"] = map[string]any{"borderColor": "#fff", "borderWidth": 1}
		} else if len(s.Pieces) > 0 {
			var pieces []any
			for i, p := range s.Pieces {
				pieces = append(pieces, map[string]any{"value": i + 1, "label": p, "color": pieceColors[i%len(pieceColors)]})
			}
			opt["visualMap"] = map[string]any{"type": "piecewise", "pieces": pieces, "orient": "horizontal", "top": 0, "left": "center"}
		} else {
			hi := 1.0
			for _, h := range s.Heat {
				hi = math.Max(hi, h[2])
			}
			opt["visualMap"] = map[string]any{"type": "continuous", "min": 0, "max": hi, "orient": "horizontal", "top": 0, "left": "center",
				"calculable": false, "text": []string{"多", "少"}}
		}
		grid["top"] = 56
	default:
		opt["xAxis"] = map[string]any{"type": "category", "data": s.Cats, "name": "年份", "boundaryGap": s.Kind == barChart}
		opt["yAxis"] = valueAxis
		opt["tooltip"] = map[string]any{"trigger": "axis"}
		opt["legend"] = map[string]any{"show": len(s.Series) > 1, "type": "scroll", "top": 0}
	}
	opt["grid"] = grid
	opt["series"] = ss
	b, err := json.Marshal(opt)
	if err != nil {
		return chartBlock{}, fmt.Errorf("chart %s: %w", s.ID, err)
	}
	mb, err := json.Marshal(meta)
	if err != nil {
		return chartBlock{}, fmt.Errorf("chart %s: %w", s.ID, err)
	}
	h := s.Height
	if h == 0 {
		h = 380
		if s.Kind == rankingChart {
			h = max(200, 60+26*len(s.Cats))
		}
		if s.Kind == heatmapChart {
			h = max(220, 90+18*len(s.Rows))
		}
	}
	return chartBlock{ID: s.ID, Title: s.Title, Note: s.Note, Height: h, Option: template.JS(b), Meta: template.JS(mb), Data: s.table()}, nil
}

// pieceColors tell the categories of a heatmap apart (the forms: 2021,
// 2019, legacy, narrative).
var pieceColors = []string{"#1d5fa0", "#63a4e0", "#e8890c", "#8bc34a"}

// chartFont is the font list of the charts, the same as the pages'.
const chartFont = `"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif`

// formMarks marks the years a new national form took effect, when the year
// axis shows them.
func formMarks(cats []string) map[string]any {
	var data []any
	for _, c := range cats {
		if l, ok := formYears[c]; ok {
			data = append(data, map[string]any{"xAxis": c, "label": map[string]any{"formatter": l}})
		}
	}
	if data == nil {
		return nil
	}
	return map[string]any{"symbol": "none", "silent": true, "data": data,
		"lineStyle": map[string]any{"type": "dashed", "color": "#9aa5b1"},
		"label":     map[string]any{"position": "insideEndTop", "color": "#52606d"}}
}

func point(v *float64, scale float64) any {
	if v == nil || math.IsNaN(*v) {
		return "-" // ECharts' empty value: a gap, not a zero
	}
	return round(*v*scale, 4)
}

func round(v float64, digits int) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', digits, 64), 64)
	return f
}

// dataTable is a chart's data as a table: a header row and rows of cells.
//
// How its CSV download (site.js) lays it out: a Long table is figures by
// row × column (series × years) and becomes one line per figure, with the
// row's label (headed Label), the column's header (headed Col), the value
// (its unit Unit in the header), whether it is approximate or mapped, its
// n and its report; any other table keeps its shape, and the columns in
// Flags get a column each for approximate and mapped beside them.
type dataTable struct {
	Head             []string
	Rows             []dataRow
	Long             bool
	Col, Label, Unit string
	Flags            []int
}

type dataRow struct {
	Label string
	Cells []cellView
}

// cellView is one figure in a table: its text, the link to its source, and
// a title saying more (a rate's numerator and denominator, why a cell is
// blank). N, when set, is the count behind it (agencies in a median, the
// denominator of a rate), written as data-n for the CSV download.
type cellView struct {
	Text, Href, Title, Class, N string
	Mark                        string // a word shown beside the value (人工校正)
}

// table lays the chart's series out as a table: one row per series with a
// cell per category, or, for a ranking, one row per agency.
func (s chartSpec) table() dataTable {
	unit := s.Unit
	if s.Percent {
		unit = "%"
	}
	cell := func(se series, j int) cellView {
		c := cellView{Text: "—"}
		if p := se.Points[j]; p != nil {
			if s.Percent {
				c.Text = percent(p)
			} else {
				c.Text = labels.Number(*p)
			}
			if j < len(se.Links) && s.LinkFrom == "" {
				c.Href = se.Links[j]
			}
			if j < len(se.N) && se.N[j] != nil {
				c.Title = "n = " + labels.Number(*se.N[j])
				c.N = strconv.FormatFloat(*se.N[j], 'f', -1, 64)
			}
			if j < len(se.Approx) && se.Approx[j] {
				c.Text = "约 " + c.Text
			}
			if j < len(se.Mapped) && se.Mapped[j] {
				c.Class, c.Title = "mapped", "由旧表口径换算"
			}
		}
		return c
	}
	switch s.Kind {
	case rankingChart:
		t := dataTable{Head: []string{"机关", withUnit("数值", unit)}, Flags: []int{1}}
		for j, c := range s.Cats {
			t.Rows = append(t.Rows, dataRow{Label: c, Cells: []cellView{cell(s.Series[0], j)}})
		}
		return t
	case heatmapChart:
		t := dataTable{Head: append([]string{""}, s.Cats...), Long: true, Col: "年份", Label: "项目", Unit: unit}
		grid := make([][]cellView, len(s.Rows))
		for i := range grid {
			grid[i] = make([]cellView, len(s.Cats))
			for j := range grid[i] {
				grid[i][j] = cellView{Text: "—"}
			}
		}
		for i, h := range s.Heat {
			x, y := int(h[0]), int(h[1])
			c := cellView{Text: labels.Number(h[2])}
			if s.Diverging {
				c.Text = strconv.FormatFloat(h[2], 'f', 1, 64)
			}
			if i < len(s.HeatN) {
				c.N = strconv.Itoa(s.HeatN[i])
				c.Title = "n = " + c.N
			}
			if len(s.Pieces) > 0 && int(h[2]) >= 1 && int(h[2]) <= len(s.Pieces) {
				c.Text = s.Pieces[int(h[2])-1]
			}
			if i < len(s.Links) {
				c.Href = s.Links[i]
			}
			grid[y][x] = c
		}
		for i, r := range s.Rows {
			t.Rows = append(t.Rows, dataRow{Label: r, Cells: grid[i]})
		}
		return t
	}
	t := dataTable{Head: append([]string{withUnit("", unit)}, s.Cats...), Long: true, Col: "年份", Label: "项目", Unit: unit}
	for _, se := range s.Series {
		row := dataRow{Label: se.Name}
		for j := range se.Points {
			row.Cells = append(row.Cells, cell(se, j))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// withUnit appends a unit to a header: 数值（件）.
func withUnit(h, unit string) string {
	if unit == "" {
		return h
	}
	if h == "" {
		return "单位：" + unit
	}
	return h + "（" + unit + "）"
}

// HTML renders the table. Tables of figures are most of an agency page and
// html/template's per-value escaping dominated the build at 3,000
// agencies, so they are written here, every piece of text through
// html.EscapeString.
func (t dataTable) HTML() template.HTML {
	var b strings.Builder
	b.Grow(256 + 64*len(t.Rows)*(len(t.Head)+1))
	b.WriteString(`<div class="scroll"><table class="data"`)
	if t.Long {
		b.WriteString(` data-csv="long" data-col="` + html.EscapeString(t.Col) + `" data-label="` + html.EscapeString(t.Label) + `"`)
		if t.Unit != "" {
			b.WriteString(` data-unit="` + html.EscapeString(t.Unit) + `"`)
		}
	}
	b.WriteString(`><thead><tr>`)
	for i, h := range t.Head {
		switch {
		case i > 0 && slices.Contains(t.Flags, i):
			b.WriteString(`<th class="num" data-flags>`)
		case i > 0:
			b.WriteString(`<th class="num">`)
		default:
			b.WriteString(`<th>`)
		}
		b.WriteString(html.EscapeString(h))
		b.WriteString(`</th>`)
	}
	b.WriteString("</tr></thead><tbody>")
	for _, r := range t.Rows {
		b.WriteString("<tr><th>")
		b.WriteString(html.EscapeString(r.Label))
		b.WriteString("</th>")
		writeCells(&b, r.Cells)
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table></div>")
	return template.HTML(b.String())
}

// cellsHTML renders a row's cells (see dataTable.HTML).
func cellsHTML(cs []cellView) template.HTML {
	var b strings.Builder
	writeCells(&b, cs)
	return template.HTML(b.String())
}

func writeCells(b *strings.Builder, cs []cellView) {
	for _, c := range cs {
		b.WriteString(`<td class="num`)
		if c.Class != "" {
			b.WriteString(" " + html.EscapeString(c.Class))
		}
		b.WriteString(`"`)
		if c.Title != "" {
			b.WriteString(` title="` + html.EscapeString(c.Title) + `"`)
		}
		if c.N != "" {
			b.WriteString(` data-n="` + html.EscapeString(c.N) + `"`)
		}
		b.WriteString(">")
		if c.Href != "" {
			b.WriteString(`<a href="` + html.EscapeString(c.Href) + `">` + html.EscapeString(c.Text) + "</a>")
		} else {
			b.WriteString(html.EscapeString(c.Text))
		}
		if c.Mark != "" {
			b.WriteString(` <span class="mark">` + html.EscapeString(c.Mark) + "</span>")
		}
		b.WriteString("</td>")
	}
}
