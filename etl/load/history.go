package load

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/store"
)

// KnownFile is what earlier runs recorded at one path.
type KnownFile struct {
	Path     string
	Size     int64
	MtimeNS  int64
	Hash     string
	ReportID string // "" when the content failed
	Removed  bool
	// RecordedAt is the start of the run that recorded Size and MtimeNS;
	// zero when no run did (SaveReports).
	RecordedAt time.Time
}

// KnownFiles returns every path earlier runs saw, by path.
func (s *Store) KnownFiles(ctx context.Context) (map[string]KnownFile, error) {
	rows, err := s.db.QueryContext(ctx, store.SQL("known_files"))
	if err != nil {
		return nil, fmt.Errorf("known files: %w", err)
	}
	defer rows.Close()
	out := map[string]KnownFile{}
	for rows.Next() {
		var f KnownFile
		var rid sql.NullString
		var at sql.NullTime
		if err := rows.Scan(&f.Path, &f.Size, &f.MtimeNS, &f.Hash, &rid, &f.Removed, &at); err != nil {
			return nil, fmt.Errorf("known files: %w", err)
		}
		f.ReportID, f.RecordedAt = rid.String, at.Time
		out[f.Path] = f
	}
	return out, rows.Err()
}

// ReportIDs returns the content hashes already stored.
func (s *Store) ReportIDs(ctx context.Context) (map[string]bool, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	return storedIDs(ctx, conn)
}

// Runs returns the last n runs, newest first.
func (s *Store) Runs(ctx context.Context, n int) ([]Run, error) {
	return s.runs(ctx, store.SQL("last_runs"), n)
}

// RunByID returns one run; ok is false when there is none with that id.
func (s *Store) RunByID(ctx context.Context, id int64) (r Run, ok bool, err error) {
	runs, err := s.runs(ctx, store.SQL("run_by_id"), id)
	if err != nil || len(runs) == 0 {
		return Run{}, false, err
	}
	return runs[0], true, nil
}

func (s *Store) runs(ctx context.Context, query string, args ...any) ([]Run, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		var r Run
		var fin sql.NullTime
		var seen, parsed, nw, ch, sk, rm, fl, ms sql.NullInt64
		var note sql.NullString
		if err := rows.Scan(&r.ID, &r.Kind, &r.Started, &fin, &seen, &parsed, &nw, &ch, &sk, &rm, &fl, &ms, &note); err != nil {
			return nil, fmt.Errorf("runs: %w", err)
		}
		// A run without finished_at stopped before its last chunk; its
		// duration is up to the last chunk it committed.
		r.Finished, r.Unfinished = fin.Time, !fin.Valid && r.Kind != "build"
		if !fin.Valid {
			r.Finished = r.Started.Add(time.Duration(ms.Int64) * time.Millisecond)
		}
		r.FilesSeen, r.Parsed, r.New, r.Changed = int(seen.Int64), int(parsed.Int64), int(nw.Int64), int(ch.Int64)
		r.Skipped, r.Removed, r.Failed, r.Note = int(sk.Int64), int(rm.Int64), int(fl.Int64), note.String
		out = append(out, r)
	}
	return out, rows.Err()
}

// RecordRun writes one runs row on its own (a build after an ingest) and
// sets r.ID.
func (s *Store) RecordRun(ctx context.Context, r *Run) error {
	b := &Batch{Run: *r}
	if err := s.Commit(ctx, b); err != nil {
		return err
	}
	r.ID = b.Run.ID
	return nil
}

// LoggedChange is a change-log row with the identity of its report and,
// for a changed file, of the report it replaced ("" and 0 when a report is
// not stored).
type LoggedChange struct {
	Change
	Agency  string
	Year    int
	Period  string
	Form    string
	Figures int // numeric figures stored for the report
	// The report the file held before (OldID).
	OldAgency, OldPeriod, OldForm string
	OldYear                       int
}

// LastIngestRun is the id of the latest ingest or run, 0 when none.
func (s *Store) LastIngestRun(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	if err := s.db.QueryRowContext(ctx, store.SQL("last_ingest_run")).Scan(&id); err != nil {
		return 0, fmt.Errorf("last run: %w", err)
	}
	return id.Int64, nil
}

// Changes returns the change log of one run: new, changed (a report row and
// one row per changed figure), removed, failed.
func (s *Store) Changes(ctx context.Context, runID int64) ([]LoggedChange, error) {
	rows, err := s.db.QueryContext(ctx, store.SQL("changes_of_run"), runID)
	if err != nil {
		return nil, fmt.Errorf("changes of run %d: %w", runID, err)
	}
	defer rows.Close()
	var out []LoggedChange
	for rows.Next() {
		var c LoggedChange
		var rid, oid, key, detail, agency, period, form, oAgency, oPeriod, oForm sql.NullString
		var old, nw sql.NullFloat64
		var year, figures, oYear sql.NullInt64
		if err := rows.Scan(&c.Kind, &c.Path, &rid, &oid, &key, &old, &nw, &detail, &agency, &year, &period, &form, &figures,
			&oAgency, &oYear, &oPeriod, &oForm); err != nil {
			return nil, fmt.Errorf("changes of run %d: %w", runID, err)
		}
		c.ReportID, c.OldID, c.Key, c.Detail = rid.String, oid.String, key.String, detail.String
		c.Agency, c.Year, c.Period, c.Form, c.Figures = agency.String, int(year.Int64), period.String, form.String, int(figures.Int64)
		c.OldAgency, c.OldYear, c.OldPeriod, c.OldForm = oAgency.String, int(oYear.Int64), oPeriod.String, oForm.String
		if old.Valid {
			c.Old = &old.Float64
		}
		if nw.Valid {
			c.New = &nw.Float64
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// OpenError is an ingest error no later run has settled.
type OpenError struct {
	RunID   int64
	Path    string
	Stage   string
	Message string
	At      time.Time
}

// OpenErrors returns the unsettled ingest errors, latest first.
func (s *Store) OpenErrors(ctx context.Context) ([]OpenError, error) {
	rows, err := s.db.QueryContext(ctx, store.SQL("open_errors"))
	if err != nil {
		return nil, fmt.Errorf("open errors: %w", err)
	}
	defer rows.Close()
	var out []OpenError
	for rows.Next() {
		var e OpenError
		var run sql.NullInt64
		if err := rows.Scan(&run, &e.Path, &e.Stage, &e.Message, &e.At); err != nil {
			return nil, fmt.Errorf("open errors: %w", err)
		}
		e.RunID = run.Int64
		out = append(out, e)
	}
	return out, rows.Err()
}

// ConflictReport is one of several stored reports for the same agency,
// year and period.
type ConflictReport struct {
	Agency    string
	Year      int
	Period    string
	ID        string
	Path      string
	Published string
	Figures   int
	Current   bool
	Preferred bool // the one preferred_reports picks
}

// Conflicts lists every stored report of an agency x year x period that has
// more than one (revisions of one file, copies under other names), the
// preferred one first within each group. It reads the named query
// `conflicts`, so `xxgk status` and `xxgk query conflicts` list the same.
func (s *Store) Conflicts(ctx context.Context) ([]ConflictReport, error) {
	res, err := queries.Run(ctx, s.db, "conflicts", queries.Filter{})
	if err != nil {
		return nil, fmt.Errorf("conflicts: %w", err)
	}
	t := queries.NewTable(res)
	out := make([]ConflictReport, 0, len(res.Rows))
	for _, row := range t.Rows() {
		out = append(out, ConflictReport{
			Agency: t.Str(row, "agency"), Year: t.Int(row, "year"), Period: t.Str(row, "period"),
			ID: t.Str(row, "report_id"), Path: t.Str(row, "path"), Published: t.Str(row, "published"),
			Figures: t.Int(row, "n_figures"), Current: t.Bool(row, "current"), Preferred: t.Bool(row, "preferred"),
		})
	}
	return out, nil
}

// LastBuild returns the note of the latest build run, whether one exists,
// and whether the data changed after it (an ingest stored, changed or
// removed something since).
func (s *Store) LastBuild(ctx context.Context) (note string, built, stale bool, err error) {
	var buildID, changeID sql.NullInt64
	var n sql.NullString
	if err := s.db.QueryRowContext(ctx, store.SQL("last_build")).Scan(&buildID, &n, &changeID); err != nil {
		return "", false, false, fmt.Errorf("last build: %w", err)
	}
	return n.String, buildID.Valid, changeID.Valid && (!buildID.Valid || changeID.Int64 > buildID.Int64), nil
}

// MemoryUsage is the memory DuckDB's buffer manager holds, in bytes.
func (s *Store) MemoryUsage(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.QueryRowContext(ctx, store.SQL("memory_usage")).Scan(&n); err != nil {
		return 0, fmt.Errorf("memory usage: %w", err)
	}
	return n, nil
}
