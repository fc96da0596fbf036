package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/internal/termtext"
)

// esc escapes what status prints from the database: paths, messages and
// agency names come from the inputs, and a terminal must not act on the
// control characters they may hold.
func esc[S ~string](s S) string { return termtext.Escape(string(s)) }

func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "[--db FILE] [--runs N] [--changes [--run N]]",
		"Prints the last runs, the open errors and the conflicts, or with --changes what a run changed, from the published snapshot.",
		"xxgk status --changes")
	dbFlag := fs.String("db", defaultDB, "the DuckDB file")
	nRuns := fs.Int("runs", 10, "how many of the last runs to list")
	changes := fs.Bool("changes", false, "print what the last ingest changed: new, changed (figures old → new), removed, failed")
	runID := fs.Int64("run", 0, "with --changes: the run to show instead of the last one")
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q: status takes only flags", pos[0])
	case *nRuns < 1:
		return usagef("--runs %d: want at least 1", *nRuns)
	case *runID < 0:
		return usagef("--run %d: run numbers start at 1", *runID)
	case *runID != 0 && !*changes:
		return usagef("--run %d goes with --changes (`xxgk status --changes --run %d`)", *runID, *runID)
	}
	db := canonical(*dbFlag)
	s, err := openRead(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if held, pid := load.Held(db); held {
		// The snapshot is what readers see; say that a writer is at work.
		fmt.Fprintf(e.stdout, "A run (pid %d) is writing the database now: this is its last published snapshot.\n\n", pid)
	} else if ahead(db) {
		fmt.Fprintf(e.stdout, "A run stopped (crash or kill) after this snapshot was published: the chunks it committed "+
			"are in the working copy, and the next ingest or run publishes them.\n\n")
	}
	if *changes {
		return printChanges(ctx, s, *runID, e.stdout)
	}
	return printStatus(ctx, s, *nRuns, e.stdout)
}

// ahead reports whether the working copy was written after the snapshot
// was published (by a run that died before it could publish).
func ahead(db string) bool {
	snap, err1 := os.Stat(db)
	work, err2 := os.Stat(load.WorkPath(db))
	wal, err3 := os.Stat(load.WALPath(load.WorkPath(db)))
	if err1 != nil || err2 != nil {
		return false
	}
	latest := work.ModTime()
	if err3 == nil && wal.Size() > 0 && wal.ModTime().After(latest) {
		latest = wal.ModTime()
	}
	return latest.After(snap.ModTime())
}

func printStatus(ctx context.Context, s *load.Store, n int, w io.Writer) error {
	runs, err := s.Runs(ctx, n)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Database %s\n\n", esc(s.Path()))
	if len(runs) == 0 {
		fmt.Fprintln(w, "No runs yet.")
	} else {
		fmt.Fprintln(w, "Last runs (newest first):")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  RUN\tKIND\tSTARTED (UTC)\tTOOK\tFILES\tPARSED\tNEW\tCHANGED\tSKIPPED\tREMOVED\tFAILED")
		var stopped []int64
		for _, r := range runs {
			if r.Kind == "build" {
				fmt.Fprintf(tw, "  %d\t%s\t%s\t%v\t\t\t\t\t\t\t\n", r.ID, r.Kind, r.Started.UTC().Format(time.DateTime), r.Duration().Round(time.Millisecond))
				continue
			}
			took := r.Duration().Round(time.Millisecond).String()
			if r.Unfinished {
				took = "UNFINISHED after " + took
				stopped = append(stopped, r.ID)
			}
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", r.ID, r.Kind,
				r.Started.UTC().Format(time.DateTime), took,
				r.FilesSeen, r.Parsed, r.New, r.Changed, r.Skipped, r.Removed, r.Failed)
		}
		tw.Flush()
		for _, id := range stopped {
			// Honest about a crash: the counts are of the chunks it
			// committed, and nothing after them was written.
			fmt.Fprintf(w, "  run %d stopped before the end (crash or kill): its counts are those of the chunks it committed;\n"+
				"  removed files were not recorded; the next run carries on with the rest\n", id)
		}
	}
	errs, err := s.OpenErrors(ctx)
	if err != nil {
		return err
	}
	if len(errs) == 0 {
		fmt.Fprintln(w, "\nOpen errors: none")
	} else {
		fmt.Fprintf(w, "\nOpen errors (%d): files that failed and have not changed since\n", len(errs))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, e := range errs {
			fmt.Fprintf(tw, "  %s\t%s: %s\n", esc(e.Path), esc(e.Stage), esc(e.Message))
		}
		tw.Flush()
	}
	conf, err := s.Conflicts(ctx)
	if err != nil {
		return err
	}
	printConflicts(w, conf)
	return nil
}

// printConflicts lists agency-years with several reports, preferred first.
func printConflicts(w io.Writer, conf []load.ConflictReport) {
	if len(conf) == 0 {
		fmt.Fprintln(w, "\nConflicts: none (one report per agency and year)")
		return
	}
	groups := 0
	for i, c := range conf {
		if i == 0 || !sameGroup(conf[i-1], c) {
			groups++
		}
	}
	fmt.Fprintf(w, "\nConflicts (%d agency-years with more than one report; * = preferred: current, later publication, more figures, later ingest):\n", groups)
	for i, c := range conf {
		if i == 0 || !sameGroup(conf[i-1], c) {
			fmt.Fprintf(w, "  %s %d %s\n", esc(c.Agency), c.Year, esc(c.Period))
		}
		mark := " "
		if c.Preferred {
			mark = "*"
		}
		pub := c.Published
		if pub == "" {
			pub = "unknown"
		}
		state := "current"
		if !c.Current {
			state = "superseded"
		}
		fmt.Fprintf(w, "    %s %s  published %s, %d figures, %s\n", mark, esc(c.Path), esc(pub), c.Figures, state)
	}
}

func sameGroup(a, b load.ConflictReport) bool {
	return a.Agency == b.Agency && a.Year == b.Year && a.Period == b.Period
}

func printChanges(ctx context.Context, s *load.Store, id int64, w io.Writer) error {
	if id == 0 {
		var err error
		if id, err = s.LastIngestRun(ctx); err != nil {
			return err
		}
		if id == 0 {
			fmt.Fprintln(w, "No ingest yet.")
			return nil
		}
	}
	r, ok, err := s.RunByID(ctx, id)
	if err != nil {
		return fail(err, "cannot read run %d from %s", id, s.Path())
	}
	if !ok {
		last, _ := s.LastIngestRun(ctx)
		return usagef("there is no run %d in %s (the last ingest is run %d; `xxgk status` lists the runs)", id, s.Path(), last)
	}
	chs, err := s.Changes(ctx, id)
	if err != nil {
		return fail(err, "cannot read the changes of run %d from %s", id, s.Path())
	}
	fmt.Fprintf(w, "Changes in run %d:\n", id)
	if r.Unfinished {
		fmt.Fprintf(w, "  (UNFINISHED: the run stopped before the end; these are the changes of the chunks it committed)\n")
	}
	if len(chs) == 0 {
		fmt.Fprintln(w, "  nothing changed (`xxgk status` lists the runs; --run N shows an earlier one)")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range chs {
		switch {
		case c.Key != "":
			fmt.Fprintf(tw, "\t    %s\t%s → %s\n", esc(c.Key), esc(changeSide(c.Old, c.Detail, true)), esc(changeSide(c.New, c.Detail, false)))
		default:
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", esc(c.Kind), esc(c.Path), esc(c.Detail))
		}
	}
	return tw.Flush()
}

// changeSide prints one side of a changed figure: the number, or what the cell
// held instead (blank is not zero).
func changeSide(v *float64, detail string, old bool) string {
	if v != nil {
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	// detail is "oldkind → newkind".
	var a, b string
	if _, err := fmt.Sscanf(detail, "%s → %s", &a, &b); err != nil {
		return "?"
	}
	if old {
		return "(" + a + ")"
	}
	return "(" + b + ")"
}
