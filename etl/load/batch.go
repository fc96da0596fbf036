package load

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries/store"
)

// Batch is what one transaction writes: a whole ingest (SaveReports, a
// build's runs row) or one chunk of a started run. Commit writes it in one
// transaction, so a crash at any point leaves the database as it was before
// the batch or as it is after it.
type Batch struct {
	// Run is the runs row. Kind "" writes no row (SaveReports). A Run
	// without ID gets a new row and Commit sets its ID; a Run with the ID
	// of a row StartRun wrote updates that row's counts (Unfinished leaves
	// finished_at NULL, with the duration up to Finished). The run id is
	// written on every file, error and change row.
	Run     Run
	Reports []*report.Report // new contents; those already stored are skipped
	// Fresh says the caller has made sure no report of Reports is stored
	// yet (ingest checks each content hash), so Commit need not read every
	// stored id to skip them; a report stored after all fails the commit
	// on the primary key instead.
	Fresh   bool
	Files   []FileRecord // files rows to write or replace
	Errors  []Failure
	Changes []Change
	// Agencies whose preferred reports may have changed beyond those of
	// Reports (a superseded report's agency), for the cross-year checks.
	Agencies []string
	// CrossYear, when set, evaluates the identities between consecutive
	// years of an agency's preferred reports; Commit stores its checks
	// (replacing the earlier ones) for every agency the batch touched.
	CrossYear func(prev, cur *report.Report) []report.Check
}

// Run is one row of the runs table.
type Run struct {
	ID                int64
	Kind              string // ingest, run, build
	Started, Finished time.Time
	FilesSeen, Parsed int
	New, Changed      int
	Skipped, Removed  int
	Failed            int
	Note              string
	// Unfinished marks a run that committed some chunks and stopped (a
	// crash, a kill, a write error) before its last: its counts are those
	// of the committed chunks, and Finished is when the last one committed.
	Unfinished bool
}

// Duration is how long the run took.
func (r Run) Duration() time.Duration { return r.Finished.Sub(r.Started) }

// FileRecord is what a run saw at one path.
type FileRecord struct {
	Path     string
	Size     int64
	MtimeNS  int64
	Hash     string
	ReportID string // "" when the content failed
	Removed  bool   // the path is gone from the inputs; its data is kept
	Settled  bool   // the batch stored, failed anew or removed the path: its old errors close
}

// Failure is one ingest_errors row.
type Failure struct {
	Path    string
	Hash    string
	Stage   report.Stage
	Message string
}

// Change kinds of the change log.
const (
	ChangeNew     = "new"
	ChangeChanged = "changed"
	ChangeRemoved = "removed"
	ChangeFailed  = "failed"
)

// Change is one row of the change log. A changed report has one row without
// Key and one row per figure that changed; Old or New is nil when that side
// has no figure (blank is not zero).
type Change struct {
	Path     string
	Kind     string
	ReportID string
	OldID    string
	Key      string
	Old, New *float64
	Detail   string
}

// Commit writes the batch in one transaction on one connection: reports,
// checks, errors and changes through the DuckDB Appender (which appends
// inside the connection's open transaction), metrics from a CSV file
// DuckDB reads in the same transaction (copyMetrics), the files table and
// the current flags through set-based statements over scratch tables, and
// finally the cross-year checks of the touched agencies, computed against
// the database as it stands inside the transaction.
//
// A report without a year (report.SourceUnknown) is never stored: the
// commit fails naming it, before anything is written. Ingest and load turn
// such a report into an error row earlier; this is the last guard.
func (s *Store) Commit(ctx context.Context, b *Batch) (err error) {
	for _, r := range b.Reports {
		if r.Year == 0 {
			return fmt.Errorf("commit batch: %w", report.NoYear(r.Path))
		}
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, store.SQL("begin")); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	defer func() {
		if err != nil {
			// A failed statement aborts the transaction already; the
			// rollback error adds nothing.
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), store.SQL("rollback"))
		}
	}()
	if err := s.writeBatch(ctx, conn, b); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	if _, err := conn.ExecContext(ctx, store.SQL("commit")); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	return nil
}

func (s *Store) writeBatch(ctx context.Context, conn *sql.Conn, b *Batch) error {
	if err := writeRun(ctx, conn, &b.Run); err != nil {
		return err
	}
	reps := b.Reports
	if !b.Fresh {
		stored, err := storedIDs(ctx, conn)
		if err != nil {
			return err
		}
		reps = nil
		for _, r := range b.Reports {
			if stored[r.ID] {
				continue
			}
			stored[r.ID] = true // two paths with the same new content: one report
			reps = append(reps, r)
		}
	}
	if len(reps)+len(b.Files)+len(b.Errors)+len(b.Changes)+len(b.Agencies) == 0 {
		return nil // a runs row alone (StartRun, a build)
	}
	if _, err := conn.ExecContext(ctx, store.SQL("batch_tables")); err != nil {
		return fmt.Errorf("scratch tables: %w", err)
	}
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return errors.New("not a database/sql driver connection")
		}
		return appendBatch(c, b, reps, time.Now().UTC())
	})
	if err != nil {
		return err
	}
	if err := s.copyMetrics(ctx, conn, metricRows(reps)); err != nil {
		return err
	}
	for _, name := range []string{"supersede_reports", "upsert_files", "restore_current", "resolve_errors"} {
		if _, err := conn.ExecContext(ctx, store.SQL(name)); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	if err := conn.Raw(func(dc any) error {
		return appendRows(dc.(driver.Conn), "ingest_errors", len(b.Errors), func(i int) []driver.Value {
			e := b.Errors[i]
			return []driver.Value{runID(b), e.Path, nullString(e.Hash), string(e.Stage), e.Message, time.Now().UTC(), false}
		})
	}); err != nil {
		return err
	}
	if b.CrossYear != nil {
		if err := s.crossYear(ctx, conn, b, reps); err != nil {
			return err
		}
	}
	return nil
}

// writeRun inserts or updates the runs row of a batch (see Batch.Run).
func writeRun(ctx context.Context, conn *sql.Conn, r *Run) error {
	if r.Kind == "" {
		return nil
	}
	var fin, ms driver.Value
	if !r.Finished.IsZero() {
		fin, ms = r.Finished.UTC(), r.Duration().Milliseconds()
	}
	if r.Unfinished {
		fin = nil // the duration so far is kept
	}
	if r.ID != 0 {
		if _, err := conn.ExecContext(ctx, store.SQL("update_run"), fin, r.FilesSeen, r.Parsed, r.New, r.Changed,
			r.Skipped, r.Removed, r.Failed, ms, nullString(r.Note), r.ID); err != nil {
			return fmt.Errorf("record run %d: %w", r.ID, err)
		}
		return nil
	}
	if err := conn.QueryRowContext(ctx, store.SQL("next_run_id")).Scan(&r.ID); err != nil {
		return fmt.Errorf("next run id: %w", err)
	}
	if _, err := conn.ExecContext(ctx, store.SQL("insert_run"), r.ID, r.Kind, r.Started.UTC(), fin,
		r.FilesSeen, r.Parsed, r.New, r.Changed, r.Skipped, r.Removed, r.Failed, ms, nullString(r.Note)); err != nil {
		return fmt.Errorf("record run: %w", err)
	}
	return nil
}

// StartRun writes the runs row of a run that commits in chunks, unfinished
// (finished_at NULL), and sets r.ID; each chunk's Commit then updates its
// counts, and the last one finishes it. A run that dies between chunks
// stays unfinished in the history, with the counts of what it committed.
func (s *Store) StartRun(ctx context.Context, r *Run) error {
	if r.Kind == "" || r.ID != 0 {
		return fmt.Errorf("start run: want a kind and no id, got %q and %d", r.Kind, r.ID)
	}
	started := *r
	started.Finished, started.Unfinished = r.Started, true
	b := &Batch{Run: started}
	if err := s.Commit(ctx, b); err != nil {
		return fmt.Errorf("start run: %w", err)
	}
	r.ID = b.Run.ID
	return nil
}

// appendBatch appends the batch's own rows: reports, their texts, facts and
// identities, within-report checks, ambiguities, the scratch files rows and
// the change log (metrics go by copyMetrics).
func appendBatch(c driver.Conn, b *Batch, reps []*report.Report, now time.Time) error {
	// A new report is current unless the batch gives its path to another
	// report (a later version in the same batch).
	holds := map[string]string{}
	for _, f := range b.Files {
		holds[f.Path] = f.ReportID
	}
	current := func(r *report.Report) bool {
		id, ok := holds[r.Path]
		return !ok || id == r.ID
	}
	if err := appendRows(c, "reports", len(reps), func(i int) []driver.Value {
		r := reps[i]
		return []driver.Value{r.ID, r.Path, r.Format, nullString(r.Encoding), r.Size, r.Agency,
			nullString(AgencyKind(r.Agency, r.Level)), nullString(r.Level), nullString(r.Province), nullString(r.City),
			int32(r.Year), string(r.Period), string(r.Form), date(r.Published), int32(figures(r)), current(r),
			report.ParserVersion, now, nullString(DivisionCode(r.Agency, r.Level, r.Province, r.City))}
	}); err != nil {
		return err
	}
	var texts []*report.Report
	for _, r := range reps {
		if r.Text != "" {
			texts = append(texts, r)
		}
	}
	if err := appendRows(c, "report_texts", len(texts), func(i int) []driver.Value {
		return []driver.Value{texts[i].ID, texts[i].Text}
	}); err != nil {
		return err
	}
	if err := appendFacts(c, reps); err != nil {
		return err
	}
	if err := appendIdentity(c, reps); err != nil {
		return err
	}
	var cs []checkRow
	for _, r := range reps {
		for _, c := range r.Checks {
			cs = append(cs, checkRow{r.ID, "", c})
		}
	}
	if err := appendRows(c, "checks", len(cs), func(i int) []driver.Value { return cs[i].values() }); err != nil {
		return err
	}
	var as []ambiguityRow
	for _, r := range reps {
		for i, a := range r.Ambiguous {
			as = append(as, ambiguityRow{r.ID, i, a})
		}
	}
	if err := appendRows(c, "ambiguities", len(as), func(i int) []driver.Value { return as[i].values() }); err != nil {
		return err
	}
	if err := appendRows(c, "batch_files", len(b.Files), func(i int) []driver.Value {
		f := b.Files[i]
		return []driver.Value{f.Path, f.Size, f.MtimeNS, f.Hash, nullString(f.ReportID), runID(b), f.Removed, f.Settled}
	}); err != nil {
		return err
	}
	return appendRows(c, "changes", len(b.Changes), func(i int) []driver.Value {
		ch := b.Changes[i]
		return []driver.Value{runID(b), ch.Path, ch.Kind, nullString(ch.ReportID), nullString(ch.OldID),
			nullString(ch.Key), nullFloat(ch.Old), nullFloat(ch.New), nullString(ch.Detail)}
	})
}

// appendRows appends n rows to table with one Appender. Appender errors
// surface at Close and void what it buffered, so the caller's transaction
// must fail with it, which returning the error does.
func appendRows(c driver.Conn, table string, n int, row func(i int) []driver.Value) error {
	if n == 0 {
		return nil
	}
	a, err := duckdb.NewAppenderFromConn(c, "", table)
	if err != nil {
		return fmt.Errorf("append %s: %w", table, err)
	}
	for i := 0; i < n; i++ {
		if err := a.AppendRow(row(i)...); err != nil {
			a.Close()
			return fmt.Errorf("append %s: %w", table, err)
		}
	}
	if err := a.Close(); err != nil {
		return fmt.Errorf("append %s: %w", table, err)
	}
	return nil
}

type metricRow struct {
	id string
	m  report.Metric
}

// metricRows lists the metrics rows of the reports: one per report and
// key, the first figure of a key winning as extract.Merge does (metrics
// has no primary key since schema version 3; this is what keeps it unique).
func metricRows(reps []*report.Report) []metricRow {
	n := 0
	for _, r := range reps {
		n += len(r.Metrics)
	}
	ms := make([]metricRow, 0, n)
	seen := map[string]bool{}
	for _, r := range reps {
		clear(seen)
		for _, m := range r.Metrics {
			if seen[m.Key] {
				continue
			}
			seen[m.Key] = true
			ms = append(ms, metricRow{r.ID, m})
		}
	}
	return ms
}

// ambiguityRow is one ambiguities row: a figure a reader saw and would not
// store, the seq-th of its report.
type ambiguityRow struct {
	id  string
	seq int
	a   report.Ambiguity
}

func (r ambiguityRow) values() []driver.Value {
	a, p := r.a, r.a.Prov
	return []driver.Value{r.id, int32(r.seq), nullString(a.Key), string(a.Reason), nullString(a.Detail),
		nullString(p.Source), nullString(p.Table), nullString(p.Row), nullString(p.Col), p.Text,
		int32(p.Start), int32(p.End), nullString(p.Rule), nullString(p.Note)}
}

type checkRow struct {
	id, prev string
	c        report.Check
}

func (r checkRow) values() []driver.Value {
	c := r.c
	var ok driver.Value
	if c.Status != report.NotAssessable {
		ok = c.Status == report.Pass
	}
	return []driver.Value{r.id, c.Rule, c.Scope, nullFloat(c.Expected), nullFloat(c.Actual), string(c.Status), ok,
		nullString(c.Detail), nullString(r.prev)}
}

func storedIDs(ctx context.Context, conn *sql.Conn) (map[string]bool, error) {
	rows, err := conn.QueryContext(ctx, store.SQL("report_ids"))
	if err != nil {
		return nil, fmt.Errorf("stored reports: %w", err)
	}
	defer rows.Close()
	ids := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("stored reports: %w", err)
		}
		ids[id] = true
	}
	return ids, rows.Err()
}

func figures(r *report.Report) int {
	n := 0
	for _, m := range r.Metrics {
		if m.IsNumber() {
			n++
		}
	}
	return n
}

// runID is the run the batch's rows belong to; 0 for a batch without a
// runs row (SaveReports), since files.seen_run and changes.run_id are NOT NULL.
func runID(b *Batch) driver.Value { return b.Run.ID }

func nullString(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

func nullFloat(f *float64) driver.Value {
	if f == nil {
		return nil
	}
	return *f
}

// date turns a YYYY-MM-DD publication date into a DATE value; anything else
// is unknown, not a guess.
func date(s string) driver.Value {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return nil
	}
	return t
}
