package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/xxgk/xxgk/charts"
	"github.com/xxgk/xxgk/etl/correct"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/exports"
	"github.com/xxgk/xxgk/exports/dataset"
	"github.com/xxgk/xxgk/internal/atomicout"
	"github.com/xxgk/xxgk/internal/lockfile"
	"github.com/xxgk/xxgk/internal/termtext"
	"github.com/xxgk/xxgk/queries"
)

func runBuild(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "[--db FILE] [--out DIR] [--license ID]",
		"Writes the chart site and the Excel workbooks from the database. It never waits for an ingest: "+
			"while one runs it builds from the last published snapshot.",
		"xxgk build --db out/xxgk.duckdb --out out   # writes out/site/index.html, out/xxgk-comparison.xlsx, out/workbooks/, out/data/")
	dbFlag := fs.String("db", defaultDB, "the DuckDB file to read")
	cf := addCorrectionsFlag(fs)
	outFlag := fs.String("out", "out", "the output folder: site/, "+exports.ComparisonFile+", "+exports.AgencyDir+"/ and "+dataDir+"/ go here")
	license := fs.String("license", "", "the licence of the compilation in "+dataDir+"/datapackage.json (an SPDX id such as CC-BY-4.0; default NOASSERTION)")
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q: build takes only flags (--db, --out)", pos[0])
	}
	dbPath, outDir := canonical(*dbFlag), canonical(*outFlag)
	if !load.Exists(dbPath) {
		_, err := openRead(ctx, dbPath) // says what to do
		return err
	}
	// With the run lock free, build from the working copy and record the
	// build, so `xxgk run` knows the outputs are up to date; an ingest
	// holding the lock is not waited for: build from the snapshot.
	w, err := openWrite(ctx, dbPath)
	var locked *load.LockedError
	if errors.As(err, &locked) {
		return buildFromSnapshot(ctx, e, dbPath, outDir, dataset.License{Name: *license}, locked)
	}
	if err != nil {
		return err
	}
	defer func() { w.close(err) }()
	started := time.Now()
	// The corrections file may have changed since the last ingest: the
	// outputs are made from it as it is now.
	res, err := applyCorrections(ctx, w, correctionsFile(*cf, dbPath), e.stderr)
	if err != nil {
		return err
	}
	if err := queries.Refresh(ctx, w.s.DB()); err != nil {
		return fail(err, "cannot refresh the named queries of %s", w.path)
	}
	paths, err := buildOutputs(ctx, w.s.DB(), outDir, dataset.License{Name: *license}, e.stderr)
	if err != nil {
		return err
	}
	return recordBuild(ctx, w, started, outDir, paths, e.stdout, res)
}

// buildFromSnapshot builds while another run holds the lock. The build is
// not recorded (the database is the other run's to write), so the next
// `xxgk run` builds again.
func buildFromSnapshot(ctx context.Context, e *env, dbPath, outDir string, lic dataset.License, locked *load.LockedError) error {
	s, err := openRead(ctx, dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	paths, err := buildOutputs(ctx, s.DB(), outDir, lic, e.stderr)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "已写入：")
	printPaths(e.stdout, paths)
	who := "另一个 xxgk 运行"
	if locked.PID != 0 {
		who = fmt.Sprintf("另一个 xxgk 运行（进程 %d）", locked.PID)
	}
	fmt.Fprintf(e.stderr, "xxgk build：%s正在写入 %s，所以这次生成读的是它最近发布的快照，不记入运行记录；"+
		"下一次 `xxgk run` 会重新生成\n", who, termtext.Escape(dbPath))
	return nil
}

// recordBuild records a build as a runs row, with the stamp of the data it
// was made from and the canonical paths it wrote, so `xxgk run` can tell
// whether the outputs are up to date; publishes the snapshot with it; and
// prints the paths.
func recordBuild(ctx context.Context, w *writer, started time.Time, outDir string, paths []string, stdout io.Writer,
	corrections *correct.Result) error {
	stamp, err := queries.DataStamp(ctx, w.s.DB())
	if err != nil {
		return fail(err, "cannot read the data stamp of %s", w.path)
	}
	note, err := json.Marshal(buildNote{Version: version, Output: outDir, Paths: paths, Data: stamp})
	if err != nil {
		return err
	}
	run := &load.Run{Kind: "build", Started: started, Finished: time.Now(), Note: string(note)}
	if err := w.s.RecordRun(ctx, run); err != nil {
		return fail(err, "cannot record the build in %s", w.path)
	}
	if err := recordCorrections(ctx, w, run.ID, corrections); err != nil {
		return err
	}
	if err := w.publish(ctx); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "已写入：")
	printPaths(stdout, paths)
	return nil
}

// buildOutputs writes the site, the workbooks and the dataset release
// (out/data/, with lic as its licence) under outDir from db and returns
// the paths it wrote. run calls it after ingest. Each output is
// built beside its target and swapped in by rename, so a failed or
// interrupted build leaves the previous outputs as they were.
func buildOutputs(ctx context.Context, db *sql.DB, outDir string, lic dataset.License, stderr io.Writer) ([]string, error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fail(err, "cannot create the output folder %s", outDir)
	}
	lock, err := lockOutputs(ctx, outDir, stderr)
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	if err := cleanOutputs(outDir); err != nil {
		return nil, err
	}
	t0 := time.Now()
	run, err := sharedResults(ctx, db, append(charts.Queries(), exports.Queries()...))
	if err != nil {
		return nil, fail(err, "cannot run the named queries for the outputs")
	}
	t1 := time.Now()
	charts.Version = version
	site, err := charts.BuildWith(ctx, run, filepath.Join(outDir, "site"))
	if err != nil {
		return nil, fail(err, "cannot write the site under %s", filepath.Join(outDir, "site"))
	}
	t2 := time.Now()
	books, err := exports.BuildWith(ctx, run, outDir)
	if err != nil {
		return nil, fail(err, "cannot write the workbooks under %s", outDir)
	}
	t3 := time.Now()
	data, err := writeRelease(ctx, db, outDir, lic)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "xxgk build：查询用时 %s，网站 %s，工作簿 %s，数据 %s\n", took(t1.Sub(t0)), took(t2.Sub(t1)), took(t3.Sub(t2)), took(time.Since(t3)))
	return append(append(site, books...), data), nil
}

// cleanOutputs removes what killed builds left in outDir (temporary
// folders, links and workbooks, old versions), whatever its age. Its
// callers hold the build lock of outDir, so no other build is writing
// there.
func cleanOutputs(outDir string) error {
	if err := atomicout.Clean(outDir, "site", exports.AgencyDir, exports.ComparisonFile, dataDir); err != nil {
		return fail(err, "cannot remove what an earlier build left in %s", outDir)
	}
	return nil
}

// buildLockName is the lock file in an output folder that builds into it
// take turns on.
const buildLockName = ".xxgk-build.lock"

// lockOutputs takes the build lock of outDir: every build into one folder
// holds it while it writes and cleans, so no build removes another's
// temporaries. It is not the database's run lock: a build reading the
// snapshot during an ingest takes it too, and a run holding the run lock
// waits here for a build from the snapshot to finish (saying so). The run
// lock, when held, is always taken first, so the two cannot deadlock.
func lockOutputs(ctx context.Context, outDir string, stderr io.Writer) (*lockfile.Lock, error) {
	l, err := lockfile.Wait(ctx, filepath.Join(outDir, buildLockName), func(pid int) {
		who := "另一次生成"
		if pid != 0 {
			who = fmt.Sprintf("另一次生成（进程 %d）", pid)
		}
		fmt.Fprintf(stderr, "xxgk build：%s正在写入 %s，等它结束\n", who, termtext.Escape(outDir))
	})
	if err != nil {
		return nil, fail(err, "cannot take the build lock of %s", outDir)
	}
	return l, nil
}

// cleanOutputsLocked is cleanOutputs under the build lock, for a run whose
// outputs are up to date: what builds killed before it left still goes.
func cleanOutputsLocked(ctx context.Context, outDir string, stderr io.Writer) error {
	if _, err := os.Stat(outDir); err != nil {
		return nil // nothing built there, nothing left
	}
	lock, err := lockOutputs(ctx, outDir, stderr)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	return cleanOutputs(outDir)
}

// sharedResults runs each named query the outputs read whole once, a few
// at a time, so the site and the workbooks share the results; filtered
// calls (the per-agency batches of sources) go to queries.Run.
func sharedResults(ctx context.Context, db *sql.DB, names []string) (queries.RunFunc, error) {
	uniq := map[string]bool{}
	var todo []string
	for _, n := range names {
		if !uniq[n] {
			uniq[n] = true
			todo = append(todo, n)
		}
	}
	results := make(map[string]*queries.Result, len(todo))
	var mu sync.Mutex
	var firstErr error
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				r, err := queries.Run(ctx, db, n, queries.Filter{})
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				results[n] = r
				mu.Unlock()
			}
		}()
	}
	for _, n := range todo {
		jobs <- n
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	return func(ctx context.Context, name string, f queries.Filter) (*queries.Result, error) {
		if r, ok := results[name]; ok && len(f.Agencies) == 0 && len(f.Years) == 0 {
			return r, nil
		}
		return queries.Run(ctx, db, name, f)
	}, nil
}
