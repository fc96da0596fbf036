package exports

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/xxgk/xxgk/internal/atomicout"
	"github.com/xxgk/xxgk/internal/parallel"
	"github.com/xxgk/xxgk/queries"
)

// ComparisonFile is the name of the comparison workbook in the output folder.
const ComparisonFile = "xxgk-comparison.xlsx"

// AgencyDir is the folder of per-agency workbooks in the output folder.
const AgencyDir = "workbooks"

// Build writes the comparison workbook and one workbook per agency under
// outDir from the named queries of db, and returns the comparison file and
// the per-agency folder. Each file is written under a temporary name and
// renamed into place; the per-agency folder is built beside its target and
// swapped in whole.
func Build(ctx context.Context, db *sql.DB, outDir string) ([]string, error) {
	return build(ctx, queries.DB(db), outDir, time.Now())
}

// BuildWith is Build reading the named queries through run.
func BuildWith(ctx context.Context, run QueryFunc, outDir string) ([]string, error) {
	return build(ctx, run, outDir, time.Now())
}

func build(ctx context.Context, run QueryFunc, outDir string, now time.Time) ([]string, error) {
	d, err := loadData(ctx, run)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("write workbooks: %w", err)
	}
	comp := filepath.Join(outDir, ComparisonFile)
	if err := writeBook(comp, true, func(b *book) error { return writeComparison(b, d, now) }); err != nil {
		return nil, err
	}
	dir := filepath.Join(outDir, AgencyDir)
	if err := writeAgencies(ctx, run, d, dir, now); err != nil {
		return nil, err
	}
	return []string{comp, dir}, nil
}

// writeBook fills a new workbook and saves it atomically at path: written to
// a temporary file beside it, synced when sync is set, closed, then renamed
// over the target. Files inside a folder that is swapped in whole skip the
// sync: an fsync per agency would dominate the build time.
func writeBook(path string, sync bool, fill func(*book) error) error {
	b, err := newBook()
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

// writeAgencies writes one workbook per agency into a temporary folder on
// all cores, then swaps the folder in place of dir.
func writeAgencies(ctx context.Context, run QueryFunc, d *data, dir string, now time.Time) error {
	err := atomicout.Dir(dir, AgencyDir, now, func(tmp string) error { return fillAgencies(ctx, run, d, dir, tmp, now) })
	if err != nil {
		return fmt.Errorf("write workbooks: %w", err)
	}
	return nil
}

// fillAgencies writes the agency workbooks into tmp, reusing those of dir
// whose inputs did not change.
func fillAgencies(ctx context.Context, run QueryFunc, d *data, dir, tmp string, now time.Time) error {
	names := make([]string, len(d.agencies))
	for i, a := range d.agencies {
		names[i] = a.Name
	}
	stems := uniqueNames(names)
	prev := readManifest(dir)
	next := make(map[string]string, len(d.agencies))
	var nextMu sync.Mutex
	for batch := range slices.Chunk(d.agencies, queries.SourceBatch) {
		if err := d.loadSources(ctx, run, batch); err != nil {
			return err
		}
		err := writeAgencyBatch(ctx, batch, func(a *agency) error {
			stem := stems[a.Name]
			path := filepath.Join(tmp, stem+".xlsx")
			sum := agencyDigest(d, a, stem)
			nextMu.Lock()
			next[stem] = sum
			nextMu.Unlock()
			// An agency whose rows did not change keeps its workbook: a
			// hard link into the new folder costs nothing, while writing
			// 3,000 workbooks costs most of a build.
			if prev[stem] == sum && reuse(filepath.Join(dir, stem+".xlsx"), path) {
				return nil
			}
			return writeBook(path, false, func(b *book) error { return writeAgency(b, d, a, now) })
		})
		for _, a := range batch {
			delete(a.rows, queries.SourcesQuery)
		}
		if err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return writeManifest(tmp, next)
}

// writeAgencyBatch runs write for each agency of batch on all cores and
// returns the first error.
func writeAgencyBatch(ctx context.Context, batch []*agency, write func(*agency) error) error {
	return parallel.Each(ctx, batch, func(a *agency) error {
		if err := write(a); err != nil {
			return fmt.Errorf("agency %q: %w", a.Name, err)
		}
		return nil
	})
}

// agencyLayout versions the layout of the per-agency workbook; it is part of
// each workbook's digest, so changing the layout must change it.
const agencyLayout = "agency-workbook-2"

// manifestFile records the digest of each workbook's inputs, to reuse
// unchanged workbooks on the next build.
const manifestFile = ".digests.json"

// agencyDigest hashes everything an agency workbook is made from: the
// layout version, its file stem, the agency's rows of every query and the
// crosswalk of its 说明 sheet.
func agencyDigest(d *data, a *agency, stem string) string {
	h := sha256.New()
	io.WriteString(h, agencyLayout+"\x00"+stem+"\x00"+a.Name+"\x00")
	for _, name := range append(workbookQueries, queries.SourcesQuery) {
		io.WriteString(h, name+"\x00")
		rows := a.rows[name]
		if name == "crosswalk" {
			rows = d.res[name].Rows()
		}
		for _, row := range rows {
			for _, v := range row {
				hashValue(h, v)
			}
			h.Write([]byte{'\n'})
		}
	}
	return hex.EncodeToString(h.Sum(nil))
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
