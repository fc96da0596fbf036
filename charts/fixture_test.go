package charts

import (
	"context"
	"fmt"
	"slices"

	"github.com/xxgk/xxgk/queries"
)

// hostileName is an agency name that must come out of every page as text.
const hostileName = `<script>alert(1)</script>司法局`

// resultFixture builds query results in the shape of the named-query
// contract, for rendering tests that must not depend on the analysis SQL.
// Blank figures are nil, as the driver returns NULL.
func resultFixture(nAgencies, firstYear, nYears int) map[string]*queries.Result {
	res := map[string]*queries.Result{
		"harmonised":    {Columns: []string{"agency", "agency_kind", "level", "province", "city", "year", "period", "metric", "value", "mapped", "approx", "form", "report_id", "source_keys"}},
		"rates":         {Columns: []string{"agency", "agency_kind", "level", "year", "period", "rate", "numerator", "denominator", "value", "scope"}},
		"peers":         {Columns: []string{"agency", "agency_kind", "level", "peer_group", "year", "metric", "value", "rank", "peer_rank", "peer_n", "peer_median", "percentile", "outlier"}},
		"trust":         {Columns: []string{"agency", "year", "period", "checks_total", "checks_pass", "checks_fail", "checks_na", "pass_share", "blank_share", "trust_score"}},
		"sources":       {Columns: []string{"agency", "year", "period", "key", "value", "kind", "approx", "source", "tbl", "row_label", "col_label", "provenance", "rule", "path", "report_id"}},
		"failed_checks": {Columns: []string{"agency", "year", "report_id", "path", "rule", "scope", "expected", "actual", "detail"}},
		"crosswalk":     {Columns: []string{"metric", "modern_source", "legacy_source", "confidence", "note"}},
		"coverage":      {Columns: []string{"agency", "year", "period", "form", "n_reports", "n_figures"}},
		"conflicts":     {Columns: []string{"agency", "year", "period", "report_id", "path", "published", "n_figures", "preferred"}},
		"quality":       {Columns: []string{"agency", "year", "period", "report_id", "path", "kind", "rule", "scope", "expected", "actual", "detail"}},
		"ingest_errors": {Columns: []string{"run_id", "path", "hash", "stage", "message", "failed_at"}},
		"stamp":         {Columns: []string{"changed_at", "run_id", "n_reports", "n_preferred", "n_agencies", "fingerprint"}},
		"source_pages":  {Columns: []string{"report_id", "agency", "year", "period", "form", "path", "preferred", "has_text", "page"}},
		"metric_distribution": {Columns: []string{"kind", "indicator", "year", "scope", "peer_group", "n", "n_mapped", "min", "q1", "median", "q3",
			"max", "n_change", "median_change"}},
		"metric_extremes": {Columns: []string{"kind", "indicator", "year", "agency", "value", "top_rank", "bottom_rank", "n", "n_equal",
			"numerator", "denominator", "mapped", "approx", "report_id", "source_keys"}},
		"report_quality": {Columns: []string{"agency", "agency_kind", "level", "peer_group", "year", "report_id", "path", "form",
			"timeliness_status", "deadline_basis", "days_late", "on_time", "completeness", "missing_parts", "missing_rows", "pass_share", "checks_fail",
			"copy_status", "prev_share", "closest_share", "closest_agency", "stale_figures", "original_share", "quality_score", "quality_rank", "peer_n"}},
		"consistency": {Columns: []string{"agency", "year", "period", "report_id", "path", "preferred", "kind", "rule", "scope", "expected", "actual",
			"status", "detail", "prev_id", "ord"}},
		"corrections": {Columns: []string{"line", "report_ref", "report_id", "agency", "year", "period", "key", "kind", "corrected_value",
			"corrected_text", "extracted_kind", "extracted_value", "extracted_text", "who", "at", "why", "source", "in_force", "stale"}},
		"repeated_sentences": {Columns: []string{"agency", "year", "period", "report_id", "seq", "start_offset", "end_offset", "from_prev", "from_peer",
			"prev_report_id", "peer_report_id", "peer_agency"}},
	}
	add := func(name string, row ...any) { res[name].Rows = append(res[name].Rows, row) }
	for i := range nAgencies {
		name := fmt.Sprintf("测试市第%d区司法局", i+1)
		if i == 1 {
			name = hostileName
		}
		if i == 2 {
			name = `=HYPERLINK("http://example.invalid","x")人民政府`
		}
		for k := range nYears {
			y := firstYear + k
			rid := fmt.Sprintf("r%d-%d", i, y)
			path := fmt.Sprintf("reports/%d/%d.txt", i, y)
			received := float64(10*(i+1) + 3*k)
			vals := map[string]any{"received": received, "handled": received - 1, "granted": received / 2, "partial": float64(1),
				"denied": float64(k), "unavailable": nil, "unprocessed": float64(0), "other": float64(1), "proactive": float64(100 * (i + 1)),
				"review_total": float64(k % 3), "review_corrected": nil}
			for m, v := range vals {
				add("harmonised", name, "司法局", "county", "测试省", "测试市", int32(y), "year", m, v, true, false, "table2021", rid, "apps_new.total")
				add("sources", name, int32(y), "year", "apps_new.total", v, "number", false, "table", "applications", "一、本年新收政府信息公开申请数量", "总计",
					fmt.Sprintf("本年新收申请%v件 %s", v, name), "", path, rid)
			}
			var den any = received
			add("rates", name, "司法局", "county", int32(y), "year", "denial_rate", float64(k), den, float64(k)/received, "denied / handled")
			add("rates", name, "司法局", "county", int32(y), "year", "review_correction_rate", nil, float64(0), nil, "review_corrected / review_total")
			add("peers", name, "司法局", "county", "司法局/county", int32(y), "received", received, int64(i+1), int64(i+1), int64(nAgencies), received, 0.5, i == 0)
			add("trust", name, int32(y), "year", int64(10), int64(9), int64(1), int64(0), 0.9, 0.1, 0.85)
			add("coverage", name, int32(y), "year", "table2021", int64(1), int64(40))
			add("metric_extremes", "metric", "received", int32(y), name, received, int64(nAgencies-i), int64(i+1), int64(nAgencies), int64(1),
				nil, nil, true, false, rid, "apps_new.total")
			if i == 0 {
				for _, scope := range []string{"all", "peer_group"} {
					var g any
					if scope == "peer_group" {
						g = "county·司法局"
					}
					add("metric_distribution", "metric", "received", int32(y), scope, g, int64(nAgencies), int64(0), 10.0, 12.0, 15.0, 20.0,
						float64(10*nAgencies), int64(nAgencies), 0.1)
				}
			}
			add("report_quality", name, "司法局", "county", "county·司法局", int32(y), rid, path, "table2021", "late", "art49_department", int64(3), 0.0,
				0.9, []any{"review"}, []any{"review", "litigation"}, 0.9, int64(1), "copied_prev", 0.8, nil, nil, false, 0.2, 0.5, int64(i+1), int64(nAgencies))
			if k == 0 {
				add("failed_checks", name, int32(y), rid, path, "I1.flow", "total", float64(12), float64(11), "新收+结转 ≠ 办结+结转下年 "+name)
				add("quality", name, int32(y), "year", rid, path, "yoy_jump", "yoy.above_5x", "received", float64(2), float64(12), "english detail")
			}
		}
	}
	add("crosswalk", "received", "apps_new.total", "legacy.apps_received", "high", "收到申请数")
	add("conflicts", hostileName, int32(firstYear), "year", "rx", "a.txt", "2020-03-01", int64(30), true)
	add("ingest_errors", int64(1), "bad/</script>.pdf", "ab", "read", "pdftotext not found", "2024-01-01 10:00:00")
	add("stamp", nil, nil, int64(nAgencies*nYears), int64(nAgencies*nYears), int64(nAgencies), "abcdef012345")
	return res
}

// fixtureRun answers named queries from res, applying an agency filter as
// queries.Run does.
func fixtureRun(res map[string]*queries.Result) QueryFunc {
	return func(_ context.Context, name string, f queries.Filter) (*queries.Result, error) {
		r, ok := res[name]
		if !ok {
			return nil, fmt.Errorf("query %q: not in fixture", name)
		}
		if len(f.Agencies) == 0 {
			return r, nil
		}
		col := slices.Index(r.Columns, "agency")
		out := &queries.Result{Columns: r.Columns}
		for _, row := range r.Rows {
			if col >= 0 && slices.Contains(f.Agencies, row[col].(string)) {
				out.Rows = append(out.Rows, row)
			}
		}
		return out, nil
	}
}
