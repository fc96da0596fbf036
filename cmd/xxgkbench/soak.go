package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/etl/load"
)

// The soak stage: kills at random moments of `xxgk run`, then a rerun.
const (
	soakKills    = 20
	soakAgencies = 100 // at scale 1: 1,000 reports
	soakChunks   = 10  // chunks of the ingest, so kills land between chunks too
)

// soak runs `xxgk run` on a corpus of the first agencies of the generated
// one and kills it with SIGKILL soakKills times, at random moments across
// its ingest and its build (half around the moments its chunks commit;
// once the ingest is through, `xxgk build` is killed instead), then
// runs it once to the end. The database and the outputs must then equal
// those of a clean run of the same job: the same reports, metrics, checks,
// files and errors, the same pages and the same workbook cells, and no
// temporary left anywhere.
func (b *bench) soak(ctx context.Context, corpus string) {
	const stage = "soak: 20 random kills, then a rerun"
	agencies := max(5, int(math.Round(soakAgencies*b.cfg.scale)))
	root := filepath.Join(b.cfg.work, "soak")
	os.RemoveAll(root)
	in := filepath.Join(root, "in")
	if err := linkAgencies(corpus, in, agencies); err != nil {
		b.fail(stage, err)
		return
	}
	batch := max(1, agencies*10/soakChunks)
	clean, err := soakJob(root, "clean", in, batch)
	if err != nil {
		b.fail(stage, err)
		return
	}
	killed, err := soakJob(root, "killed", in, batch)
	if err != nil {
		b.fail(stage, err)
		return
	}
	// The clean run, timed: when its first chunk commits, when its ingest
	// ends and when the build does tell when to kill.
	firstCommit, ingestTime, full, err := timeRun(ctx, b.cfg.xxgk, clean.config)
	if err != nil {
		b.fail(stage, fmt.Errorf("clean run: %w", err))
		return
	}
	rng := rand.New(rand.NewPCG(b.cfg.seed, 18))
	var inIngest, inBuild, done int
	ingestDone := false
	for attempt := 0; inIngest+inBuild < soakKills && attempt < 5*soakKills; attempt++ {
		var args []string
		var delay time.Duration
		if !ingestDone && inIngest < soakKills/2 {
			// Around the moment a chunk commits: each run commits a chunk
			// or none before it dies, so the ingest takes many kills.
			args = []string{"run", "--config", killed.config, "--log-format", "json"}
			delay = time.Duration((0.5 + rng.Float64()) * float64(firstCommit))
		} else {
			args = []string{"build", "--db", killed.db, "--out", killed.out}
			delay = time.Duration(rng.Float64() * float64(full-ingestTime))
		}
		phase, err := killAfter(ctx, b.cfg.xxgk, args, delay)
		if err != nil {
			b.fail(stage, err)
			return
		}
		switch phase {
		case "ingest":
			inIngest++
		case "build":
			inBuild++
			ingestDone = true
		default:
			done++
			ingestDone = true
		}
	}
	res := measure(ctx, nil, io.Discard, b.cfg.xxgk, "run", "--config", killed.config)
	if res.err != nil && !partial(res.err) {
		b.fail(stage, fmt.Errorf("rerun after the kills: %w", res.err))
		return
	}
	note := fmt.Sprintf("%d reports; %d kills in ingest, %d in build, %d runs ended first", agencies*10, inIngest, inBuild, done)
	if err := sameJob(clean, killed); err != nil {
		b.add(row{stage: stage, measured: "DIFFERS", target: "= a clean run", vs: "MISS", note: note + ": " + err.Error()})
		return
	}
	b.add(row{stage: stage, measured: "equal", target: "= a clean run", vs: "ok", note: note})
}

// soakTarget is one job of the soak: its config, database and output.
type soakTarget struct {
	config, db, out string
}

func soakJob(root, name, in string, batch int) (soakTarget, error) {
	dir := filepath.Join(root, name)
	t := soakTarget{config: filepath.Join(dir, "xxgk.toml"), db: filepath.Join(dir, "x.duckdb"), out: filepath.Join(dir, "out")}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return t, err
	}
	in, err := filepath.Abs(in)
	if err != nil {
		return t, err
	}
	cfg := fmt.Sprintf("inputs = [%q]\ndatabase = \"x.duckdb\"\noutput = \"out\"\nbatch = %d\n", in, batch)
	return t, os.WriteFile(t.config, []byte(cfg), 0o644)
}

// timeRun runs the job to the end and returns when its first chunk was
// committed, when its ingest ended (the "run finished" record) and when
// the run did.
func timeRun(ctx context.Context, bin, config string) (firstCommit, ingest, full time.Duration, err error) {
	cmd := exec.CommandContext(ctx, bin, "run", "--config", config, "--log-format", "json")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return 0, 0, 0, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, 0, err
	}
	sc := bufio.NewScanner(stderr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var rec struct{ Msg string }
		if json.Unmarshal(sc.Bytes(), &rec) != nil {
			continue
		}
		switch {
		case rec.Msg == "chunk committed" && firstCommit == 0:
			firstCommit = time.Since(start)
		case rec.Msg == "run finished":
			ingest = time.Since(start)
		}
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if err != nil && (!errors.As(err, &ee) || ee.ExitCode() != 1) {
		return 0, 0, 0, err
	}
	return firstCommit, ingest, time.Since(start), nil
}

// killAfter starts xxgk with args and kills it with SIGKILL after delay.
// It returns where the kill landed: "ingest" before the ingest finished,
// "build" after (or for `xxgk build`), "" when the process ended first.
func killAfter(ctx context.Context, bin string, args []string, delay time.Duration) (string, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return "", err
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		return "", err
	}
	ingested := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		closed := false
		for sc.Scan() {
			var rec struct{ Msg string }
			if !closed && json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "run finished" {
				close(ingested)
				closed = true
			}
		}
		if !closed && args[0] == "build" {
			close(ingested)
		}
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		var ee *exec.ExitError
		if err != nil && (!errors.As(err, &ee) || ee.ExitCode() != 1) {
			return "", fmt.Errorf("%s %s: %w", filepath.Base(bin), args[0], err)
		}
		return "", nil
	case <-time.After(delay):
	}
	phase := "ingest"
	select {
	case <-ingested:
		phase = "build"
	default:
		if args[0] == "build" {
			phase = "build"
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	<-exited
	return phase, nil
}

// sameJob compares what two jobs stored and built.
func sameJob(a, b soakTarget) error {
	da, err := dumpDB(a.db)
	if err != nil {
		return err
	}
	db, err := dumpDB(b.db)
	if err != nil {
		return err
	}
	if err := sameLines("database", da, db); err != nil {
		return err
	}
	oa, err := dumpOutputs(a.out)
	if err != nil {
		return err
	}
	ob, err := dumpOutputs(b.out)
	if err != nil {
		return err
	}
	if err := sameLines("outputs", oa, ob); err != nil {
		return err
	}
	return leftovers(b)
}

// soakTables are the stored data a rerun must reproduce, without what
// differs by design: timestamps, run ids, and the runs and changes rows of
// the killed runs.
var soakTables = []string{
	"SELECT * EXCLUDE (ingested_at) FROM reports",
	"SELECT * FROM metrics",
	"SELECT * FROM checks",
	"SELECT * EXCLUDE (seen_run) FROM files",
	"SELECT path, hash, stage, message, resolved FROM ingest_errors",
}

// dumpDB prints every row of soakTables, sorted, one line each.
func dumpDB(path string) ([]string, error) {
	s, err := load.OpenReadOnly(context.Background(), path)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var out []string
	for _, q := range soakTables {
		rows, err := s.DB().Query(q)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", q, err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		var lines []string
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			lines = append(lines, q[:min(len(q), 40)]+"\t"+fmt.Sprint(vals...))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		sort.Strings(lines)
		out = append(out, lines...)
	}
	return out, nil
}

// stamp is a build time as pages and workbooks print it.
var stamp = regexp.MustCompile(`\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?( ?UTC|Z)?`)

// dumpOutputs lists every file under out (through the links to the current
// versions, without the versions themselves) with a digest of its content:
// pages with their build time blanked, workbooks by the text of their
// cells.
func dumpOutputs(out string) ([]string, error) {
	var lines []string
	for _, top := range []string{"site", "workbooks", "xxgk-comparison.xlsx"} {
		root := filepath.Join(out, top)
		err := filepath.WalkDir(root+string(filepath.Separator), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			rel, _ := filepath.Rel(out, p)
			sum, err := digest(p)
			if err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			lines = append(lines, rel+"\t"+sum)
			return nil
		})
		if errors.Is(err, syscall.ENOTDIR) {
			sum, derr := digest(root)
			if derr != nil {
				return nil, derr
			}
			lines = append(lines, top+"\t"+sum)
			continue
		}
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(lines)
	return lines, nil
}

func digest(path string) (string, error) {
	h := sha256.New()
	if strings.HasSuffix(path, ".xlsx") {
		f, err := excelize.OpenFile(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				return "", err
			}
			fmt.Fprintln(h, sheet)
			for _, r := range rows {
				fmt.Fprintln(h, stamp.ReplaceAllString(strings.Join(r, "\t"), "<time>"))
			}
		}
		return hex.EncodeToString(h.Sum(nil)), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	h.Write(stamp.ReplaceAll(b, []byte("<time>")))
	return hex.EncodeToString(h.Sum(nil)), nil
}

// sameLines names the first difference between two dumps.
func sameLines(what string, a, b []string) error {
	if slices.Equal(a, b) {
		return nil
	}
	for i := 0; i < max(len(a), len(b)); i++ {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return fmt.Errorf("%s differ (%d vs %d lines): clean %q, killed %q", what, len(a), len(b), firstLine(x), firstLine(y))
		}
	}
	return nil
}

// leftovers names a temporary left in the output folder or beside the
// database after the rerun. The working copy the published database is
// made from is not one, nor the note of a kept snapshot (a rerun that
// changed nothing does not copy the database again).
func leftovers(t soakTarget) error {
	work, kept := filepath.Base(load.WorkPath(t.db)), filepath.Base(load.KeptPath(t.db))
	for _, dir := range []string{t.out, filepath.Dir(t.db)} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range ents {
			n := e.Name()
			if strings.HasPrefix(n, ".") && n != work && n != kept && !strings.HasPrefix(n, ".site-v-") && !strings.HasPrefix(n, ".workbooks-v-") {
				return fmt.Errorf("left behind after the rerun: %s", filepath.Join(dir, n))
			}
		}
	}
	return nil
}
