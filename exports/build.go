package exports

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/xxgk/xxgk/internal/atomicout"
	"github.com/xxgk/xxgk/internal/parallel"
	"github.com/xxgk/xxgk/queries"
)

// ComparisonFile is the name of the comparison workbook in the output folder.
const ComparisonFile = "xxgk-comparison.xlsx"

// AgencyDir is the folder of per-agency workbooks in the output folder:
// one sub-folder per province, and IndexFile linking every workbook.
const AgencyDir = "workbooks"

// IndexFile is the workbook inside AgencyDir that links every agency's
// workbook (the comparison workbook has the same index as a sheet).
const IndexFile = "机关索引.xlsx"

// Version is the version of xxgk the workbooks name as their creator
// (cover and document properties). It defaults to what the build recorded
// (module version or VCS revision); the command line sets its own.
var Version = buildVersion()

func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 7 {
		rev = rev[:7]
	}
	switch {
	case rev == "":
		return "dev"
	case dirty:
		return rev + "-dirty"
	}
	return rev
}

// beijingTime is the time zone the workbooks state times in.
var beijingTime = time.FixedZone("CST", 8*3600)

// beijing is a time for readers: minutes, Beijing time.
func beijing(t time.Time) string {
	return t.In(beijingTime).Format("2006-01-02 15:04") + "（北京时间）"
}

// Stats is what a build did and how long its parts took.
type Stats struct {
	Load       time.Duration // running the queries and indexing the data
	Agencies   time.Duration // the per-agency workbooks, their sources read in batches
	Comparison time.Duration // the comparison workbook
	Written    int           // agency workbooks written
	Reused     int           // agency workbooks kept from the previous build
}

// Build writes the comparison workbook and one workbook per agency under
// outDir from the named queries of db, and returns the comparison file and
// the per-agency folder. Each file is written under a temporary name and
// renamed into place; the per-agency folder is built beside its target and
// swapped in whole.
func Build(ctx context.Context, db *sql.DB, outDir string) ([]string, error) {
	paths, _, err := BuildStats(ctx, queries.DB(db), outDir)
	return paths, err
}

// BuildWith is Build reading the named queries through run.
func BuildWith(ctx context.Context, run QueryFunc, outDir string) ([]string, error) {
	paths, _, err := BuildStats(ctx, run, outDir)
	return paths, err
}

// BuildStats is BuildWith that also says how long each part took.
func BuildStats(ctx context.Context, run QueryFunc, outDir string) ([]string, Stats, error) {
	return build(ctx, run, outDir, time.Now())
}

func build(ctx context.Context, run QueryFunc, outDir string, now time.Time) ([]string, Stats, error) {
	var st Stats
	t0 := time.Now()
	d, err := loadData(ctx, run, now)
	if err != nil {
		return nil, st, err
	}
	st.Load = time.Since(t0)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, st, fmt.Errorf("write workbooks: %w", err)
	}
	// The agency workbooks go first: reading their sources in batches
	// tells which cells the reports left blank, which the comparison says.
	t1 := time.Now()
	dir := filepath.Join(outDir, AgencyDir)
	if err := writeAgencies(ctx, run, d, dir, &st); err != nil {
		return nil, st, err
	}
	st.Agencies = time.Since(t1)
	t2 := time.Now()
	comp := filepath.Join(outDir, ComparisonFile)
	if err := writeBook(comp, true, d.stamp, func(b *book) error { return writeComparison(b, d) }); err != nil {
		return nil, st, err
	}
	st.Comparison = time.Since(t2)
	return []string{comp, dir}, st, nil
}

// ExportComparison writes the comparison workbook alone to path.
func ExportComparison(ctx context.Context, run QueryFunc, path string) error {
	d, err := loadData(ctx, run, time.Now())
	if err != nil {
		return err
	}
	assignFiles(d)
	if err := scanSources(ctx, run, d, d.agencies, nil); err != nil {
		return err
	}
	return writeBook(path, true, d.stamp, func(b *book) error { return writeComparison(b, d) })
}

// ErrNoAgency is returned by ExportAgency for an agency the database does
// not hold.
var ErrNoAgency = errors.New("no such agency in the database")

// ExportAgency writes the workbook of one agency to path: the same
// workbook Build writes into its folder.
func ExportAgency(ctx context.Context, run QueryFunc, name, path string) error {
	d, err := loadData(ctx, run, time.Now())
	if err != nil {
		return err
	}
	a := d.byName[name]
	if a == nil {
		return fmt.Errorf("export %q: %w", name, ErrNoAgency)
	}
	assignFiles(d)
	if err := d.loadSources(ctx, run, []*agency{a}); err != nil {
		return err
	}
	return writeBook(path, true, digits(agencyHash(d, a)), func(b *book) error { return writeAgency(b, d, a) })
}

// ExportAgencies writes the workbooks of the named agencies into dir, one
// file each (FileName-based, unique in the folder), reading the data once
// rather than once per agency. It returns the paths in the order of names;
// an agency the database does not hold fails the whole call before any
// file is written (ErrNoAgency).
func ExportAgencies(ctx context.Context, run QueryFunc, names []string, dir string) ([]string, error) {
	d, err := loadData(ctx, run, time.Now())
	if err != nil {
		return nil, err
	}
	list := make([]*agency, 0, len(names))
	for _, n := range names {
		a := d.byName[n]
		if a == nil {
			return nil, fmt.Errorf("export %q: %w", n, ErrNoAgency)
		}
		if !slices.Contains(list, a) {
			list = append(list, a)
		}
	}
	assignFiles(d)
	if err := d.loadSources(ctx, run, list); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	paths := make([]string, 0, len(list))
	for _, a := range list {
		path := filepath.Join(dir, a.stem+".xlsx")
		if err := writeBook(path, true, digits(agencyHash(d, a)), func(b *book) error { return writeAgency(b, d, a) }); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// writeBook fills a new workbook and saves it atomically at path: written to
// a temporary file beside it, synced when sync is set, closed, then renamed
// over the target. Files inside a folder that is swapped in whole skip the
// sync: an fsync per agency would dominate the build time.
func writeBook(path string, sync bool, stamp string, fill func(*book) error) error {
	b, err := newBook(stamp)
	if err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	defer b.f.Close() // removes the stream writers' temporary files
	if err := fill(b); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err := atomicout.File(path, sync, func(w io.Writer) error {
		_, err := b.f.WriteTo(w)
		return err
	}); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	return nil
}

// assignFiles gives every agency its file stem (unique in the whole
// folder, sanitised) and its province folder.
func assignFiles(d *data) {
	names := make([]string, len(d.agencies))
	for i, a := range d.agencies {
		names[i] = a.Name
	}
	stems := uniqueNames(names)
	for _, a := range d.agencies {
		a.stem = stems[a.Name]
		a.folder = provinceFolder(a)
	}
}

// writeAgencies writes one workbook per agency into a temporary folder on
// all cores, then swaps the folder in place of dir.
func writeAgencies(ctx context.Context, run QueryFunc, d *data, dir string, st *Stats) error {
	assignFiles(d)
	err := atomicout.Dir(dir, AgencyDir, d.now, func(tmp string) error { return fillAgencies(ctx, run, d, dir, tmp, st) })
	if err != nil {
		return fmt.Errorf("write workbooks: %w", err)
	}
	return nil
}

// fillAgencies writes the agency workbooks into tmp, reusing those of dir
// whose inputs did not change, and the index workbook.
func fillAgencies(ctx context.Context, run QueryFunc, d *data, dir, tmp string, st *Stats) error {
	prev := readManifest(dir)
	next := make(map[string]string, len(d.agencies))
	var nextMu sync.Mutex
	var written, reused atomic.Int64
	made := map[string]bool{}
	for _, a := range d.agencies {
		if !made[a.folder] {
			made[a.folder] = true
			if err := os.MkdirAll(filepath.Join(tmp, a.folder), 0o755); err != nil {
				return err
			}
		}
	}
	err := scanSources(ctx, run, d, d.agencies, func(a *agency) error {
		rel := filepath.Join(a.folder, a.stem+".xlsx")
		path := filepath.Join(tmp, rel)
		h := agencyHash(d, a)
		sum := fmt.Sprintf("%x", h.Sum(nil))
		nextMu.Lock()
		next[filepath.ToSlash(rel)] = sum
		nextMu.Unlock()
		// An agency whose inputs did not change keeps its workbook: a
		// hard link into the new folder costs nothing, while writing
		// 3,000 workbooks costs most of a build.
		if prev[filepath.ToSlash(rel)] == sum && reuse(filepath.Join(dir, rel), path) {
			reused.Add(1)
			return nil
		}
		written.Add(1)
		return writeBook(path, false, digits(h), func(b *book) error { return writeAgency(b, d, a) })
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	st.Written, st.Reused = int(written.Load()), int(reused.Load())
	if err := writeBook(filepath.Join(tmp, IndexFile), false, d.stamp, func(b *book) error { return writeIndex(b, d) }); err != nil {
		return err
	}
	return writeManifest(tmp, next)
}

// scanSources reads the sources of the agencies a batch at a time, and
// calls write (when not nil) for each agency of the batch on all cores
// while the batch's sources are held.
func scanSources(ctx context.Context, run QueryFunc, d *data, as []*agency, write func(*agency) error) error {
	for batch := range slices.Chunk(as, queries.SourceBatch) {
		if err := d.loadSources(ctx, run, batch); err != nil {
			return err
		}
		var err error
		if write != nil {
			err = parallel.Each(ctx, batch, func(a *agency) error {
				if err := write(a); err != nil {
					return fmt.Errorf("agency %q: %w", a.Name, err)
				}
				return nil
			})
		}
		for _, a := range batch {
			delete(a.rows, queries.SourcesQuery)
		}
		if err != nil {
			return err
		}
	}
	d.sourcesSeen = true
	return nil
}

// writeIndex fills the index workbook of the agency folder.
func writeIndex(b *book, d *data) error {
	if err := b.open(); err != nil {
		return err
	}
	if err := b.writeTable(indexSheet(b, d, "")); err != nil {
		return err
	}
	title := "机关索引：各机关的政府信息公开年度报告工作簿"
	if err := b.setDocProps(title, "本文件夹中每个机关工作簿的索引", "数据校验码 "+d.stamp, d.now); err != nil {
		return err
	}
	return b.close(title, []coverLine{
		{"内容", fmt.Sprintf("本文件夹中 %d 个机关工作簿的索引，按区划代码排列，每个机关一行，点击“打开”即可打开该机关的工作簿。", len(d.agencies))},
		{"数据版本", fmt.Sprintf("生成于 %s；数据校验码 %s。", beijing(d.now), d.stamp)},
		{"来源", sourceLine},
		{"联系", contactLine},
	})
}

// agencyLayout versions the layout of the per-agency workbook; it is part of
// each workbook's digest, so changing the layout must change it.
const agencyLayout = "agency-workbook-3"

// manifestFile records the digest of each workbook's inputs, to reuse
// unchanged workbooks on the next build.
const manifestFile = ".digests.json"

// agencyHash hashes everything an agency workbook is made from: the
// layout version and the creator, its file, the agency's rows of every
// query, the crosswalk and its peer group.
func agencyHash(d *data, a *agency) interface{ Sum([]byte) []byte } {
	h := sha256.New()
	io.WriteString(h, agencyLayout+"\x00"+Version+"\x00"+a.folder+"/"+a.stem+"\x00"+a.Name+"\x00"+a.code+"\x00")
	if a.group != nil {
		io.WriteString(h, a.group.key+"\x00"+a.group.digest)
	}
	src := d.res[queries.SourcesQuery]
	for _, name := range append(workbookQueries, queries.SourcesQuery) {
		io.WriteString(h, name+"\x00")
		rows := a.rows[name]
		if name == "crosswalk" {
			rows = d.res[name].Rows()
		}
		for _, row := range rows {
			if name == queries.SourcesQuery && !d.cw.keys[src.str(row, "key")] {
				continue // not shown (see sourcesSheet)
			}
			for _, v := range row {
				hashValue(h, v)
			}
			h.Write([]byte{'\n'})
		}
	}
	return h
}

func hashValue(w io.Writer, v any) {
	var buf [8]byte
	switch x := v.(type) {
	case nil:
		w.Write([]byte{0})
	case string:
		io.WriteString(w, x)
		w.Write([]byte{1})
	case float64:
		binary.LittleEndian.PutUint64(buf[:], math.Float64bits(x))
		w.Write(buf[:])
	case bool:
		if x {
			w.Write([]byte{2})
		} else {
			w.Write([]byte{3})
		}
	default:
		if f, ok := queries.Number(x); ok {
			binary.LittleEndian.PutUint64(buf[:], math.Float64bits(f))
			w.Write(buf[:])
			return
		}
		io.WriteString(w, text(x))
		w.Write([]byte{4})
	}
}

func readManifest(dir string) map[string]string {
	m := map[string]string{}
	b, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		return m
	}
	if json.Unmarshal(b, &m) != nil {
		return map[string]string{}
	}
	return m
}

func writeManifest(dir string, m map[string]string) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, manifestFile), b, 0o644)
}

// reuse links the previous workbook old into the new folder at path, or
// copies it when links are not possible; false means write it afresh.
func reuse(old, path string) bool {
	if err := os.Link(old, path); err == nil {
		return true
	}
	b, err := os.ReadFile(old)
	if err != nil {
		return false
	}
	return os.WriteFile(path, b, 0o644) == nil
}
