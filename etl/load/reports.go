package load

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sort"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries/store"
)

// querier is what a *sql.DB, *sql.Conn and *sql.Tx have in common, so the
// loader reads the committed database or a transaction's own view alike.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Report loads one stored report back into a report.Report: its identity and
// its metrics with provenance (not its checks). ok is false when no report
// has that id.
func (s *Store) Report(ctx context.Context, id string) (r *report.Report, ok bool, err error) {
	reps, err := loadReports(ctx, s.db, store.SQL("report_by_id"), store.SQL("metrics_by_id"), id)
	if err != nil {
		return nil, false, fmt.Errorf("load report %s: %w", id, err)
	}
	if len(reps) == 0 {
		return nil, false, nil
	}
	return reps[0], true, nil
}

// loadReports runs a reports query and the matching metrics query (same
// arguments) and joins them by report id, keeping the reports' order.
func loadReports(ctx context.Context, q querier, reportsSQL, metricsSQL string, args ...any) ([]*report.Report, error) {
	rows, err := q.QueryContext(ctx, reportsSQL, args...)
	if err != nil {
		return nil, err
	}
	var out []*report.Report
	byID := map[string]*report.Report{}
	for rows.Next() {
		var r report.Report
		var enc, level, prov, city, pub sql.NullString
		var period, form string
		if err := rows.Scan(&r.ID, &r.Path, &r.Format, &enc, &r.Size, &r.Agency, &level, &prov, &city,
			&r.Year, &period, &form, &pub); err != nil {
			rows.Close()
			return nil, err
		}
		r.Encoding, r.Level, r.Province, r.City, r.Published = enc.String, level.String, prov.String, city.String, pub.String
		r.Period, r.Form = report.Period(period), report.Form(form)
		out = append(out, &r)
		byID[r.ID] = &r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, metricsSQL, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, kind string
		var m report.Metric
		var value sql.NullFloat64
		var tbl, row, col, rule, unit sql.NullString
		var start, end sql.NullInt64
		if err := rows.Scan(&id, &m.Key, &kind, &value, &m.Approx, &m.Prov.Source, &tbl, &row, &col,
			&m.Prov.Text, &start, &end, &rule, &unit); err != nil {
			return nil, err
		}
		m.Kind = report.ValueKind(kind)
		m.Value = value.Float64 // meaningful only for numbers; blank stays blank by Kind
		m.Prov.Table, m.Prov.Row, m.Prov.Col, m.Prov.Rule, m.Prov.Unit = tbl.String, row.String, col.String, rule.String, unit.String
		m.Prov.Start, m.Prov.End = int(start.Int64), int(end.Int64)
		if r := byID[id]; r != nil {
			r.Metrics = append(r.Metrics, m)
		}
	}
	return out, rows.Err()
}

// crossYear recomputes the cross-year checks of every agency the batch
// touched: it reads the preferred reports of those agencies as the
// transaction sees them, compares each with the same agency's preferred
// report of the year before (same period), and replaces the stored
// cross-year checks. A check is attached to the later report and names the
// earlier one in prev_id.
func (s *Store) crossYear(ctx context.Context, conn *sql.Conn, b *Batch, reps []*report.Report) error {
	agencies := map[string]bool{}
	for _, r := range reps {
		agencies[r.Agency] = true
	}
	for _, a := range b.Agencies {
		agencies[a] = true
	}
	if len(agencies) == 0 {
		return nil
	}
	names := make([]string, 0, len(agencies))
	for a := range agencies {
		names = append(names, a)
	}
	sort.Strings(names)
	if err := conn.Raw(func(dc any) error {
		return appendRows(dc.(driver.Conn), "batch_agencies", len(names), func(i int) []driver.Value {
			return []driver.Value{names[i]}
		})
	}); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, store.SQL("delete_cross_year")); err != nil {
		return fmt.Errorf("cross-year checks: %w", err)
	}
	pref, err := loadReports(ctx, conn, store.SQL("preferred_of_batch"), store.SQL("metrics_of_batch"))
	if err != nil {
		return fmt.Errorf("cross-year checks: load preferred reports: %w", err)
	}
	// pref is ordered by agency, period, year: consecutive entries of the
	// same agency and period one year apart are the pairs to compare.
	var rows []checkRow
	for i := 1; i < len(pref); i++ {
		prev, cur := pref[i-1], pref[i]
		if prev.Agency != cur.Agency || prev.Period != cur.Period || cur.Year != prev.Year+1 {
			continue
		}
		for _, c := range b.CrossYear(prev, cur) {
			rows = append(rows, checkRow{cur.ID, prev.ID, c})
		}
	}
	return conn.Raw(func(dc any) error {
		return appendRows(dc.(driver.Conn), "checks", len(rows), func(i int) []driver.Value { return rows[i].values() })
	})
}
