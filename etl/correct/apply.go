package correct

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/xxgk/xxgk/etl/detect"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/store"
)

// Result is what one Apply did.
type Result struct {
	File    string
	Applied int         // lines copied into the database
	Refused []*RowError // lines that cannot apply, each with its reason
	Stale   []Line      // lines in force that no longer do anything (Line.Stale says why)
	Changes []Change    // since the last apply: lines added, removed, gone stale
}

// Line is a row of the named query `corrections`, the fields Apply and
// the change log need.
type Line struct {
	Seq      int
	Ref      string
	ReportID string
	Field    string
	Kind     string
	Value    sql.NullFloat64
	Text     string
	Why      string
	Extract  sql.NullFloat64 // the extracted figure
	Stale    string          // gone, superseded, equal, flag_gone; "" when it applies
}

// identity is what makes two lines the same correction across applies.
func (l Line) identity() string {
	v := ""
	if l.Value.Valid {
		v = fmt.Sprint(l.Value.Float64)
	}
	return strings.Join([]string{l.Ref, l.Field, l.Kind, v, l.Text, l.Why}, "\x00")
}

// Change kinds of the change log (changes.change).
const (
	ChangeAdded   = "correction_added"
	ChangeRemoved = "correction_removed"
	ChangeStale   = "correction_stale"
)

// Change is one entry of the change log about a correction.
type Change struct {
	Kind string // ChangeAdded, ChangeRemoved, ChangeStale
	Line
}

// Apply reads the corrections file at path and makes it the corrections
// table of db, in one transaction: every valid line is copied, the lines
// refused are returned with their reasons (the others still apply). A
// missing file means no corrections: a database whose file was deleted
// loses them, and the change log says so.
func Apply(ctx context.Context, db *sql.DB, path string) (*Result, error) {
	rows, bad, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	res := &Result{File: path, Refused: bad}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("apply corrections %q: %w", path, err)
	}
	defer tx.Rollback()
	before, err := lines(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("apply corrections %q: %w", path, err)
	}
	// Whether a line was stale is what the last apply saw: the reports may
	// have changed since.
	was, err := storedStale(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("apply corrections %q: %w", path, err)
	}
	for i := range before {
		before[i].Stale = was[before[i].Seq]
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM corrections"); err != nil {
		return nil, fmt.Errorf("apply corrections %q: %w", path, err)
	}
	ins, err := tx.PrepareContext(ctx, store.SQL("insert_correction"))
	if err != nil {
		return nil, fmt.Errorf("apply corrections %q: %w", path, err)
	}
	defer ins.Close()
	for _, r := range rows {
		c, err := Parse(r)
		if err != nil {
			res.Refused = append(res.Refused, rowError(path, r.Line, err))
			continue
		}
		id, level, err := resolve(ctx, tx, r.Report)
		var amb *Refusal
		if errors.As(err, &amb) {
			res.Refused = append(res.Refused, rowError(path, r.Line, err))
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("apply corrections %q: %w", path, err)
		}
		var value, text, kind, plLevel, plProvince, plCity any
		if c.Kind == KindNumber {
			value = c.Value
		}
		if c.Text != "" {
			text = c.Text
		}
		if c.Field == FieldAgency {
			kind = nullString(load.AgencyKind(c.Text, correctedLevel(c.Text, level)))
			// The place of the corrected name files the report under the
			// corrected body (migrate_010.sql); a name that does not place
			// leaves the report where it was read.
			if p, ok := detect.Place(c.Text); ok && p.Level != "" {
				plLevel, plProvince, plCity = p.Level, nullString(p.Province), nullString(p.City)
			}
		}
		if _, err := ins.ExecContext(ctx, r.Line, path, r.Report, nullString(id), c.Field, c.Kind, value, text, kind,
			plLevel, plProvince, plCity, nullString(r.Who), nullString(r.When), r.Why, nullString(r.Source)); err != nil {
			return nil, fmt.Errorf("apply corrections %q line %d: %w", path, r.Line, err)
		}
		res.Applied++
	}
	after, err := lines(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("apply corrections %q: %w", path, err)
	}
	for _, l := range after {
		if l.Stale == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, store.SQL("mark_stale_correction"), l.Stale, l.Seq); err != nil {
			return nil, fmt.Errorf("apply corrections %q: %w", path, err)
		}
	}
	if err := setDivisionCodes(ctx, tx); err != nil {
		return nil, fmt.Errorf("apply corrections %q: %w", path, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("apply corrections %q: %w", path, err)
	}
	res.Changes = diff(before, after)
	for _, l := range after {
		if l.Stale != "" {
			res.Stale = append(res.Stale, l)
		}
	}
	return res, nil
}

// correctedLevel is the level of a report whose agency a reader corrected
// to name: the level the name places it at, as identification would read
// it (a county report corrected to 鸭溪镇人民政府 is a township's, whose kind
// of body is 乡镇人民政府), else the level the report was read at.
func correctedLevel(name, level string) string {
	if p, ok := detect.Place(name); ok && p.Level != "" {
		return p.Level
	}
	return level
}

// diff lists the lines added and removed between two applies, and the
// lines that went stale (stale now, fresh or absent before).
func diff(before, after []Line) []Change {
	old := map[string]Line{}
	for _, l := range before {
		old[l.identity()] = l
	}
	now := map[string]bool{}
	var out []Change
	for _, l := range after {
		id := l.identity()
		now[id] = true
		prev, had := old[id]
		if !had {
			out = append(out, Change{Kind: ChangeAdded, Line: l})
		}
		if l.Stale != "" && (!had || prev.Stale == "") {
			out = append(out, Change{Kind: ChangeStale, Line: l})
		}
	}
	for _, l := range before {
		if !now[l.identity()] {
			out = append(out, Change{Kind: ChangeRemoved, Line: l})
		}
	}
	return out
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// lines reads the named query `corrections` (the stale verdicts are its).
func lines(ctx context.Context, q querier) ([]Line, error) {
	nq, ok := queries.Get("corrections")
	if !ok {
		return nil, errors.New("the named query corrections is missing")
	}
	rows, err := q.QueryContext(ctx, "SELECT line, report_ref, report_id, key, kind, corrected_value, corrected_text, why, "+
		"extracted_value, stale FROM ("+nq.SQL+") WHERE in_force")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Line
	for rows.Next() {
		var l Line
		var id, text, stale sql.NullString
		if err := rows.Scan(&l.Seq, &l.Ref, &id, &l.Field, &l.Kind, &l.Value, &text, &l.Why, &l.Extract, &stale); err != nil {
			return nil, err
		}
		l.ReportID, l.Text, l.Stale = id.String, text.String, stale.String
		out = append(out, l)
	}
	return out, rows.Err()
}

// storedStale is the stale verdict of each line at the last apply, by line.
func storedStale(ctx context.Context, q querier) (map[int]string, error) {
	rows, err := q.QueryContext(ctx, store.SQL("stale_corrections"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var seq int
		var stale string
		if err := rows.Scan(&seq, &stale); err != nil {
			return nil, err
		}
		out[seq] = stale
	}
	return out, rows.Err()
}

// resolve finds the stored report a reference names: by content hash (a
// prefix of it), or the preferred extracted report of AGENCY:YEAR[:h1]. id
// is "" when none does; level is that report's level, for the kind of
// body of a corrected agency.
func resolve(ctx context.Context, q querier, ref string) (id, level string, err error) {
	hash, agency, year, err := splitRef(ref)
	if err != nil {
		return "", "", err
	}
	var rows *sql.Rows
	if hash != "" {
		rows, err = q.QueryContext(ctx, store.SQL("resolve_hash"), hash)
	} else {
		rows, err = q.QueryContext(ctx, store.SQL("resolve_agency_year"), agency, year, refPeriod(ref), agency, year, refPeriod(ref))
	}
	if err != nil {
		return "", "", fmt.Errorf("resolve report %q: %w", ref, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var lv sql.NullString
		if err := rows.Scan(&id, &lv); err != nil {
			return "", "", fmt.Errorf("resolve report %q: %w", ref, err)
		}
		level = lv.String
		n++
	}
	if err := rows.Err(); err != nil {
		return "", "", fmt.Errorf("resolve report %q: %w", ref, err)
	}
	if n > 1 {
		return "", "", refuse(RefusedAmbiguousRef, ref, "report %q: several stored reports start with that hash; give more digits", ref)
	}
	return id, level, nil
}

// Resolve is resolve for callers outside a transaction (`xxgk correct`):
// the id of the report ref names, "" when none.
func Resolve(ctx context.Context, db *sql.DB, ref string) (string, error) {
	id, _, err := resolve(ctx, db, ref)
	return id, err
}

// Record writes the changes into the change log of run runID. old_value
// is the extracted figure, new_value the corrected one; detail is the
// reason given (added, removed) or the stale code, preceded by the
// corrected text and a newline for a report field or a flag.
func Record(ctx context.Context, db *sql.DB, runID int64, file string, changes []Change) error {
	for _, c := range changes {
		var detail string
		switch c.Kind {
		case ChangeStale:
			detail = c.Stale
		default:
			detail = c.Why
		}
		if c.Line.Kind == KindText || c.Line.Kind == KindVerdict {
			detail = c.Text + "\n" + detail
		}
		var nv any
		if c.Value.Valid {
			nv = c.Value.Float64
		}
		var ov any
		if c.Extract.Valid {
			ov = c.Extract.Float64
		}
		if _, err := db.ExecContext(ctx, store.SQL("insert_correction_change"), runID, file, c.Kind,
			nullString(c.ReportID), c.Field, ov, nv, detail); err != nil {
			return fmt.Errorf("record correction changes of run %d: %w", runID, err)
		}
	}
	return nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
