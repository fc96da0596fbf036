package dataset

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/xxgk/xxgk/internal/atomicout"
)

// parquet writes the tables as Parquet with DuckDB's own writer (COPY):
// the dataset as a folder partitioned by year, the reports and checks as
// one file each. The values are those of the query, unescaped: Parquet is
// read by programs, not spreadsheets.
func (w *writer) parquet() error {
	for _, t := range tables {
		text, args, err := w.statement(t)
		if err != nil {
			return err
		}
		if t.name == "dataset" {
			if err := w.partitioned(t, text, args); err != nil {
				return err
			}
			continue
		}
		name := t.name + ".parquet"
		if err := w.copyFile(name, "COPY ("+text+") TO %s (FORMAT parquet)", args); err != nil {
			return fmt.Errorf("write %q: %w", w.path(name), err)
		}
		w.paths = append(w.paths, w.path(name))
		w.written = append(w.written, parquetResource(t.name, []string{name}, t.columns, ""))
	}
	return nil
}

// partitioned writes the dataset into the folder DatasetParquet, one
// subfolder per year (year=2020), swapped in whole.
func (w *writer) partitioned(t table, text string, args []any) error {
	dst := w.path(DatasetParquet)
	err := atomicout.Dir(dst, "dataset", w.o.Now, func(tmp string) error {
		q := fmt.Sprintf("COPY (%s) TO %s (FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE)", text, literal(tmp))
		if _, err := w.conn.ExecContext(w.ctx, q, args...); err != nil {
			return fmt.Errorf("copy %q to parquet: %w", t.query, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("write %q: %w", dst, err)
	}
	files, err := parquetFiles(w.dir, dst)
	if err != nil {
		return err
	}
	cols := make([]column, 0, len(t.columns))
	for _, c := range t.columns {
		if c.name != "year" { // in the folder names, not in the files
			cols = append(cols, c)
		}
	}
	w.paths = append(w.paths, dst)
	if len(files) > 0 { // a resource needs a path: an empty table has no file
		w.written = append(w.written, parquetResource(t.name, files, cols, "year"))
	}
	return nil
}

// copyFile runs copy, a COPY statement whose %s is its target, into a
// temporary file beside the file name of the folder, renamed into place.
func (w *writer) copyFile(name, copy string, args []any) error {
	dst := w.path(name)
	tmp := filepath.Join(w.dir, "."+name+".tmp-"+fmt.Sprint(os.Getpid()))
	defer os.Remove(tmp)
	q := strings.Replace(copy, "%s", literal(tmp), 1)
	if _, err := w.conn.ExecContext(w.ctx, q, args...); err != nil {
		return err
	}
	if w.o.Sync {
		if err := syncFile(tmp); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// literal quotes a path as an SQL string literal (COPY takes no parameter
// for its target).
func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// parquetFiles lists the Parquet files under sub, relative to dir with
// forward slashes (the form datapackage.json paths take), sorted.
func parquetFiles(dir, sub string) ([]string, error) {
	var out []string
	// sub is a link to its current version (atomicout.Dir): the trailing
	// separator makes the walk follow it; the paths stay under sub's name.
	err := filepath.WalkDir(sub+string(filepath.Separator), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".parquet") {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
