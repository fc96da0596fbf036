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

// Report loads one stored report back into a report.Report: its identity,
// its metrics with provenance and its ambiguities (not its checks). ok is
// false when no report has that id.
func (s *Store) Report(ctx context.Context, id string) (r *report.Report, ok bool, err error) {
	reps, err := loadReports(ctx, s.db, store.SQL("report_by_id"), store.SQL("metrics_by_id"), id)
	if err != nil {
		return nil, false, fmt.Errorf("load report %s: %w", id, err)
	}
	if len(reps) == 0 {
		return nil, false, nil
	}
	if reps[0].Ambiguous, err = ambiguities(ctx, s.db, id); err != nil {
		return nil, false, fmt.Errorf("load report %s: %w", id, err)
	}
	return reps[0], true, nil
}

// ambiguities reads back the ambiguities of one report.
func ambiguities(ctx context.Context, q querier, id string) ([]report.Ambiguity, error) {
	rows, err := q.QueryContext(ctx, store.SQL("ambiguities_by_id"), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.Ambiguity
	for rows.Next() {
		var a report.Ambiguity
		var reason string
		var key, detail, src, tbl, row, col, rule, note sql.NullString
		var start, end sql.NullInt64
		if err := rows.Scan(&key, &reason, &detail, &src, &tbl, &row, &col, &a.Prov.Text, &start, &end, &rule, &note); err != nil {
			return nil, err
		}
		a.Key, a.Reason, a.Detail = key.String, report.AmbiguityReason(reason), detail.String
		a.Prov.Source, a.Prov.Table, a.Prov.Row, a.Prov.Col = src.String, tbl.String, row.String, col.String
		a.Prov.Rule, a.Prov.Note = rule.String, note.String
		a.Prov.Start, a.Prov.End = int(start.Int64), int(end.Int64)
		out = append(out, a)
	}
	return out, rows.Err()
}

// ReportFigures loads the stored reports with the given ids in two queries
// however many there are (a chunk's old versions, for the change log): the
// identity and the figures (key, kind, value, approx) but, unlike Report,
// no provenance. An id not stored is absent from the map.
func (s *Store) ReportFigures(ctx context.Context, ids []string) (map[string]*report.Report, error) {
	out := map[string]*report.Report{}
	if len(ids) == 0 {
		return out, nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("load reports: %w", err)
	}
	defer conn.Close()
	if err := wantIDs(ctx, conn, ids); err != nil {
		return nil, fmt.Errorf("load reports: %w", err)
	}
	reps, err := scanReports(ctx, conn, store.SQL("report_by_ids"))
	if err != nil {
		return nil, fmt.Errorf("load reports: %w", err)
	}
	for _, r := range reps {
		out[r.ID] = r
	}
	if err := scanFigures(ctx, conn, out); err != nil {
		return nil, fmt.Errorf("load reports: %w", err)
	}
	return out, nil
}

// wantIDs fills the connection's scratch table want_ids.
func wantIDs(ctx context.Context, conn *sql.Conn, ids []string) error {
	if _, err := conn.ExecContext(ctx, store.SQL("want_ids")); err != nil {
		return err
	}
	return conn.Raw(func(dc any) error {
		return appendRows(dc.(driver.Conn), "want_ids", len(ids), func(i int) []driver.Value {
			return []driver.Value{ids[i]}
		})
	})
}

// loadReports runs a reports query and the matching metrics query (same
// arguments) and joins them by report id, keeping the reports' order.
func loadReports(ctx context.Context, q querier, reportsSQL, metricsSQL string, args ...any) ([]*report.Report, error) {
	out, err := scanReports(ctx, q, reportsSQL, args...)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*report.Report, len(out))
	for _, r := range out {
		byID[r.ID] = r
	}
	return out, scanMetrics(ctx, q, metricsSQL, byID, args...)
}

// scanReports runs a query of report identities (the columns of
// report_by_id), without metrics.
func scanReports(ctx context.Context, q querier, query string, args ...any) ([]*report.Report, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*report.Report
	for rows.Next() {
		var r report.Report
		var enc, level, prov, city, pub sql.NullString
		var period, form string
		if err := rows.Scan(&r.ID, &r.Path, &r.Format, &enc, &r.Size, &r.Agency, &level, &prov, &city,
			&r.Year, &period, &form, &pub); err != nil {
			return nil, err
		}
		r.Encoding, r.Level, r.Province, r.City, r.Published = enc.String, level.String, prov.String, city.String, pub.String
		r.Period, r.Form = report.Period(period), report.Form(form)
		out = append(out, &r)
	}
	return out, rows.Err()
}

// scanMetrics runs a metrics query (the columns of metrics_by_id) and
// appends each metric to its report in byID.
func scanMetrics(ctx context.Context, q querier, query string, byID map[string]*report.Report, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
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
			return err
		}
		m.Kind = report.ValueKind(kind)
		m.Value = value.Float64 // meaningful only for numbers; blank stays blank by Kind
		m.Prov.Table, m.Prov.Row, m.Prov.Col, m.Prov.Rule, m.Prov.Unit = tbl.String, row.String, col.String, rule.String, unit.String
		m.Prov.Start, m.Prov.End = int(start.Int64), int(end.Int64)
		if r := byID[id]; r != nil {
			r.Metrics = append(r.Metrics, m)
		}
	}
	return rows.Err()
}

// scanFigures reads the figures of the reports in want_ids (figures_by_ids)
// into byID.
func scanFigures(ctx context.Context, q querier, byID map[string]*report.Report) error {
	rows, err := q.QueryContext(ctx, store.SQL("figures_by_ids"))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, kind string
		var m report.Metric
		var value sql.NullFloat64
		if err := rows.Scan(&id, &m.Key, &kind, &value, &m.Approx); err != nil {
			return err
		}
		m.Kind = report.ValueKind(kind)
		m.Value = value.Float64 // meaningful only for numbers; blank stays blank by Kind
		if r := byID[id]; r != nil {
			r.Metrics = append(r.Metrics, m)
		}
	}
	return rows.Err()
}

// crossYear recomputes the cross-year checks of every agency the batch
// touched: it lists the preferred reports of those agencies as the
// transaction sees them, compares each with the same agency's preferred
// report of the year before (same period), and replaces the stored
// cross-year checks. A check is attached to the later report and names the
// earlier one in prev_id. The batch's own reports are compared as they are
// in memory; only the metrics of the others (an earlier year stored by an
// earlier chunk or run) are read back, so a chunk of a first ingest reads
// back next to nothing. The identities compare values, so the figures are
// read without their provenance.
func (s *Store) crossYear(ctx context.Context, conn *sql.Conn, b *Batch, reps []*report.Report) error {
	agencies := map[string]bool{}
	inMemory := make(map[string]*report.Report, len(reps))
	for _, r := range reps {
		agencies[r.Agency] = true
		inMemory[r.ID] = r
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
	pref, err := scanReports(ctx, conn, store.SQL("preferred_ids_of_batch"))
	if err != nil {
		return fmt.Errorf("cross-year checks: preferred reports: %w", err)
	}
	// pref is ordered by agency, period, year: consecutive entries of the
	// same agency and period one year apart are the pairs to compare. Only
	// reports in such a pair need their metrics.
	paired := func(i int) bool {
		return i > 0 && pref[i-1].Agency == pref[i].Agency && pref[i-1].Period == pref[i].Period &&
			pref[i].Year == pref[i-1].Year+1
	}
	load := map[string]*report.Report{}
	var ids []string
	for i := range pref {
		if !paired(i) && !(i+1 < len(pref) && paired(i+1)) {
			continue
		}
		if m := inMemory[pref[i].ID]; m != nil {
			pref[i] = m
			continue
		}
		if load[pref[i].ID] == nil {
			load[pref[i].ID] = pref[i]
			ids = append(ids, pref[i].ID)
		}
	}
	if len(ids) > 0 {
		if err := wantIDs(ctx, conn, ids); err != nil {
			return fmt.Errorf("cross-year checks: %w", err)
		}
		if err := scanFigures(ctx, conn, load); err != nil {
			return fmt.Errorf("cross-year checks: load metrics: %w", err)
		}
	}
	var rows []checkRow
	for i := range pref {
		if !paired(i) {
			continue
		}
		prev, cur := pref[i-1], pref[i]
		for _, c := range b.CrossYear(prev, cur) {
			rows = append(rows, checkRow{cur.ID, prev.ID, c})
		}
	}
	return conn.Raw(func(dc any) error {
		return appendRows(dc.(driver.Conn), "checks", len(rows), func(i int) []driver.Value { return rows[i].values() })
	})
}
