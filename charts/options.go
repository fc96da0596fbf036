package charts

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// chartBlock is one chart on a page: its element id, its ECharts option as
// HTML-safe JSON, and the scripts it needs (resolved by go-echarts from the
// asset host, so they point at the local copy).
type chartBlock struct {
	ID      string
	Title   string
	Note    string
	Height  int // pixels
	Option  template.JS
	Scripts []string
}

// series is one named line or bar; nil points are gaps, never zero.
type series struct {
	Name   string
	Points []*float64
}

// chartRenderer is SVG: it draws crisp text for Chinese labels, keeps the DOM
// inspectable by tests, and stays light at the sizes drawn here.
const chartRenderer = "svg"

func initOpts(id, host string) gecharts.GlobalOpts {
	return gecharts.WithInitializationOpts(opts.Initialization{ChartID: id, AssetsHost: host, Renderer: chartRenderer, Width: "100%", Height: "100%"})
}

// finish validates a go-echarts chart and turns it into a block. The option
// is marshalled with HTML escaping on, so untrusted names like "</script>"
// cannot end the script element (go-echarts' own page escapes nothing).
func finish(id, title, note string, height int, c interface {
	Validate()
	JSON() map[string]any
	GetAssets() opts.Assets
}) (chartBlock, error) {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		return chartBlock{}, fmt.Errorf("chart %s: %w", id, err)
	}
	return chartBlock{ID: id, Title: title, Note: note, Height: height, Option: template.JS(b), Scripts: c.GetAssets().JSAssets.Values}, nil
}

func point(v *float64, scale float64) any {
	if v == nil {
		return "-" // ECharts' empty value: a gap, not a zero
	}
	return round(*v*scale, 4)
}

func round(v float64, digits int) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', digits, 64), 64)
	return f
}

func commonOpts(id, host string, legend bool) []gecharts.GlobalOpts {
	return []gecharts.GlobalOpts{
		initOpts(id, host),
		gecharts.WithAnimation(false),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: types.Bool(ptr(true)), Trigger: "axis"}),
		gecharts.WithLegendOpts(opts.Legend{Show: types.Bool(ptr(legend)), Type: "scroll", Top: "0"}),
		gecharts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: "40", Bottom: "3%", ContainLabel: types.Bool(ptr(true))}),
	}
}

func ptr[T any](v T) *T { return &v }

// lineChart draws one line per series over the x labels. percent scales
// ratios to percentages.
func lineChart(id, host, title, note string, xs []string, ss []series, percent bool) (chartBlock, error) {
	c := gecharts.NewLine()
	c.SetGlobalOptions(commonOpts(id, host, true)...)
	scale, ax := 1.0, opts.YAxis{Type: "value"}
	if percent {
		scale = 100
		ax.AxisLabel = &opts.AxisLabel{Formatter: "{value}%"}
	}
	c.SetGlobalOptions(gecharts.WithYAxisOpts(ax))
	c.SetXAxis(xs)
	for _, s := range ss {
		data := make([]opts.LineData, len(s.Points))
		for i, p := range s.Points {
			data[i] = opts.LineData{Value: point(p, scale)}
		}
		c.AddSeries(s.Name, data, gecharts.WithLineChartOpts(opts.LineChart{ShowSymbol: types.Bool(ptr(true)), ConnectNulls: types.Bool(ptr(false))}))
	}
	return finish(id, title, note, 420, c)
}

// barChart draws bars per category; horizontal puts categories on the y
// axis (rankings), stack stacks the series (outcome mixes).
func barChart(id, host, title, note string, cats []string, ss []series, horizontal, stack, percent bool) (chartBlock, error) {
	c := gecharts.NewBar()
	c.SetGlobalOptions(commonOpts(id, host, len(ss) > 1)...)
	scale := 1.0
	valAxisLabel := (*opts.AxisLabel)(nil)
	if percent {
		scale = 100
		valAxisLabel = &opts.AxisLabel{Formatter: "{value}%"}
	}
	if horizontal {
		// ECharts lists y categories bottom-up; reverse so rank 1 is on top.
		c.SetGlobalOptions(
			gecharts.WithXAxisOpts(opts.XAxis{Type: "value", AxisLabel: valAxisLabel}),
			gecharts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: types.Bool(ptr(true)), AxisLabel: &opts.AxisLabel{Width: 200, Overflow: "truncate"}}),
		)
		c.XYReversal()
	} else {
		c.SetGlobalOptions(gecharts.WithYAxisOpts(opts.YAxis{Type: "value", AxisLabel: valAxisLabel}))
	}
	c.SetXAxis(cats)
	for _, s := range ss {
		data := make([]opts.BarData, len(s.Points))
		for i, p := range s.Points {
			data[i] = opts.BarData{Value: point(p, scale)}
		}
		bo := opts.BarChart{}
		if stack {
			bo.Stack = "total"
		}
		c.AddSeries(s.Name, data, gecharts.WithBarChartOpts(bo))
	}
	height := 420
	if horizontal {
		height = max(240, 60+26*len(cats))
	}
	return finish(id, title, note, height, c)
}

// rootHost is the go-echarts asset host of pages at the site root: the
// vendored script beside them. go-echarts treats "" as unset and would fall
// back to its CDN.
const rootHost = "./"
