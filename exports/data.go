package exports

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"

	"github.com/xxgk/xxgk/queries"
)

// workbookQueries are the named queries the workbooks read whole. They
// also read sourcesQuery, a batch of agencies at a time.
var workbookQueries = []string{"harmonised", "rates", "yoy", "peers", "trust", "failed_checks", "crosswalk"}

// sourcesQuery lists every printed cell; at 3,000 agencies it is a million
// rows, so the agency workbooks read it a batch of agencies at a time.
const sourcesQuery = "sources"

// sourceBatch is how many agencies' sources are held at once.
const sourceBatch = 200

// Queries returns the names of the named queries the workbooks read whole
// (with an empty filter), so a caller building several outputs can run
// each once and share the results (see BuildWith).
func Queries() []string { return slices.Clone(workbookQueries) }

// QueryFunc runs one named query with a filter. Build uses queries.Run;
// BuildWith takes any QueryFunc, such as one that shares results with the
// chart site.
type QueryFunc func(ctx context.Context, name string, f queries.Filter) (*queries.Result, error)

type runner = QueryFunc

func dbRunner(db *sql.DB) runner {
	return func(ctx context.Context, name string, f queries.Filter) (*queries.Result, error) {
		return queries.Run(ctx, db, name, f)
	}
}

// data is the query results, with the rows of each agency indexed.
type data struct {
	res      map[string]*table
	years    []int // years with annual figures, ascending
	agencies []*agency
	byName   map[string]*agency
}

type agency struct {
	Name, Kind, Level, Province string
	figures                     map[string]map[int]any // metric → year → figure or nil
	rows                        map[string][][]any     // query → this agency's rows
}

func loadData(ctx context.Context, run runner) (*data, error) {
	d := &data{res: map[string]*table{}, byName: map[string]*agency{}}
	for _, name := range workbookQueries {
		r, err := run(ctx, name, queries.Filter{})
		if err != nil {
			return nil, fmt.Errorf("load workbook data: %w", err)
		}
		d.res[name] = newTable(r)
	}
	years := map[int]bool{}
	for _, name := range workbookQueries {
		t := d.res[name]
		if _, ok := t.idx["agency"]; !ok {
			continue
		}
		for _, row := range t.rows() {
			who := t.str(row, "agency")
			if who == "" {
				continue // an aggregate row (peer group, all agencies)
			}
			a := d.agency(who)
			a.rows[name] = append(a.rows[name], row)
			if a.Kind == "" {
				a.Kind = t.str(row, "agency_kind")
			}
			if a.Level == "" {
				a.Level = t.str(row, "level")
			}
			if a.Province == "" {
				a.Province = t.str(row, "province")
			}
			if name == "harmonised" && annual(t.str(row, "period")) {
				m, y := t.str(row, "metric"), t.int(row, "year")
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
func (d *data) loadSources(ctx context.Context, run runner, batch []*agency) error {
	names := make([]string, len(batch))
	for i, a := range batch {
		names[i] = a.Name
	}
	r, err := run(ctx, sourcesQuery, queries.Filter{Agencies: names})
	if err != nil {
		return fmt.Errorf("load sources: %w", err)
	}
	t := newTable(r)
	d.res[sourcesQuery] = t
	for _, row := range t.rows() {
		if a := d.byName[t.str(row, "agency")]; a != nil {
			a.rows[sourcesQuery] = append(a.rows[sourcesQuery], row)
		}
	}
	return nil
}

func (d *data) agency(name string) *agency {
	a := d.byName[name]
	if a == nil {
		a = &agency{Name: name, figures: map[string]map[int]any{}, rows: map[string][][]any{}}
		d.byName[name] = a
	}
	return a
}

// figure returns the agency's annual figure, or nil when blank or missing.
func (a *agency) figure(metric string, year int) any { return a.figures[metric][year] }

func annual(period string) bool { return period == "" || period == "year" }

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

var metricLabels = map[string]string{
	"received": "收到申请", "carried_over": "上年结转", "handled": "办理结果总计", "granted": "予以公开",
	"partial": "部分公开", "denied": "不予公开", "unavailable": "无法提供", "unprocessed": "不予处理",
	"other": "其他处理", "carried_forward": "结转下年度", "proactive": "主动公开", "review_total": "行政复议",
	"review_corrected": "复议纠正", "litigation_total": "行政诉讼", "litigation_corrected": "诉讼纠正", "fees": "收费（元）",
}

var metricOrder = []string{"received", "carried_over", "handled", "granted", "partial", "denied", "unavailable", "unprocessed", "other",
	"carried_forward", "proactive", "review_total", "review_corrected", "litigation_total", "litigation_corrected", "fees"}

func metricLabel(m string) string {
	if l, ok := metricLabels[m]; ok {
		return l
	}
	return m
}
