package exports

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/xxgk/xxgk/queries"
)

// workbookQueries are the named queries the workbooks read whole. They
// also read queries.SourcesQuery, a batch of agencies at a time.
var workbookQueries = []string{"harmonised", "rates", "yoy", "peers", "trust", "failed_checks", "crosswalk"}

// Queries returns the names of the named queries the workbooks read whole
// (with an empty filter), so a caller building several outputs can run
// each once and share the results (see BuildWith).
func Queries() []string { return slices.Clone(workbookQueries) }

// QueryFunc runs one named query with a filter. Build uses queries.Run;
// BuildWith takes any QueryFunc, such as one that shares results with the
// chart site.
type QueryFunc = queries.RunFunc

// data is the query results, with the rows of each agency indexed.
type data struct {
	res      map[string]*table
	years    []int // years with annual figures, ascending
	agencies []*agency
	byName   map[string]*agency
}

type agency struct {
	queries.Agency
	figures map[string]map[int]any // metric → year → figure or nil
	rows    map[string][][]any     // query → this agency's rows
}

func loadData(ctx context.Context, run QueryFunc) (*data, error) {
	d := &data{res: map[string]*table{}, byName: map[string]*agency{}}
	tables, err := queries.LoadTables(ctx, run, workbookQueries)
	if err != nil {
		return nil, fmt.Errorf("load workbook data: %w", err)
	}
	for name, t := range tables {
		d.res[name] = &table{t}
	}
	years := map[int]bool{}
	for _, name := range workbookQueries {
		t := d.res[name]
		if !t.Has("agency") {
			continue
		}
		for _, row := range t.Rows() {
			who := t.str(row, "agency")
			if who == "" {
				continue // an aggregate row (peer group, all agencies)
			}
			a := d.agency(who)
			a.rows[name] = append(a.rows[name], row)
			t.FillAgency(row, &a.Agency)
			if name == "harmonised" && queries.Annual(t.str(row, "period")) {
				m, y := t.str(row, "metric"), t.Int(row, "year")
				if a.figures[m] == nil {
					a.figures[m] = map[int]any{}
				}
				a.figures[m][y] = t.cell(row, "value")
				years[y] = true
			}
		}
	}
	for _, a := range d.byName {
		d.agencies = append(d.agencies, a)
	}
	sort.Slice(d.agencies, func(i, j int) bool { return d.agencies[i].Name < d.agencies[j].Name })
	for y := range years {
		d.years = append(d.years, y)
	}
	slices.Sort(d.years)
	return d, nil
}

// loadSources reads the sources of a batch of agencies into their rows.
func (d *data) loadSources(ctx context.Context, run QueryFunc, batch []*agency) error {
	names := make([]string, len(batch))
	for i, a := range batch {
		names[i] = a.Name
	}
	s, err := queries.LoadSources(ctx, run, names)
	if err != nil {
		return err
	}
	t := &table{s}
	d.res[queries.SourcesQuery] = t
	for _, row := range t.Rows() {
		if a := d.byName[t.str(row, "agency")]; a != nil {
			a.rows[queries.SourcesQuery] = append(a.rows[queries.SourcesQuery], row)
		}
	}
	return nil
}

func (d *data) agency(name string) *agency {
	a := d.byName[name]
	if a == nil {
		a = &agency{Agency: queries.Agency{Name: name}, figures: map[string]map[int]any{}, rows: map[string][][]any{}}
		d.byName[name] = a
	}
	return a
}

// figure returns the agency's annual figure, or nil when blank or missing.
func (a *agency) figure(metric string, year int) any { return a.figures[metric][year] }

// metricSheets are the figures compared agency × year, one sheet each, in
// the order of the application table.
var metricSheets = []struct{ Metric, Sheet string }{
	{"received", "收到申请"},
	{"handled", "办理结果总计"},
	{"granted", "予以公开"},
	{"partial", "部分公开"},
	{"denied", "不予公开"},
	{"unavailable", "无法提供"},
	{"unprocessed", "不予处理"},
	{"carried_forward", "结转下年度"},
	{"proactive", "主动公开"},
	{"review_total", "行政复议"},
	{"review_corrected", "复议纠正"},
	{"litigation_total", "行政诉讼"},
	{"litigation_corrected", "诉讼纠正"},
}
