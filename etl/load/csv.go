package load

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/queries/store"
)

// copyMetrics inserts the metrics rows of a batch by writing them to a CSV
// file beside the database and having DuckDB read it (copy_metrics), inside
// the batch's transaction. About a hundred rows a report make metrics the
// bulk of every batch, and the Appender sets each of their fourteen cells
// through its own cgo call: DuckDB's CSV reader parses the same rows for a
// fraction of the CPU. The file is removed once read; one left by a crash
// is hidden (a dot name), so an input walk beside the database skips it.
func (s *Store) copyMetrics(ctx context.Context, conn *sql.Conn, ms []metricRow) error {
	if len(ms) == 0 {
		return nil
	}
	// Beside the database: the same disk, and writable since DuckDB
	// writes its log there. read_csv takes an existing file's name as it
	// is, glob characters and all (TestCommitInGlobLikeFolder). A crash
	// leaves the file behind; the next run to lock the database removes
	// it (RemoveTemps).
	f, err := os.CreateTemp(filepath.Dir(s.path), metricsTempPrefix(s.path)+"*.csv")
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	var buf []byte
	for _, r := range ms {
		buf = r.csv(buf[:0])
		if _, err := w.Write(buf); err != nil {
			f.Close()
			return fmt.Errorf("metrics: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("metrics: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	if _, err := conn.ExecContext(ctx, store.SQL("copy_metrics"), f.Name()); err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	return nil
}

// csv appends the row as one CSV line in the columns of copy_metrics.
func (r metricRow) csv(b []byte) []byte {
	m, p := r.m, r.m.Prov
	b = quoted(b, r.id, false)
	b = quoted(append(b, ','), m.Key, false)
	b = quoted(append(b, ','), string(m.Kind), false)
	b = append(b, ',')
	if m.IsNumber() {
		b = strconv.AppendFloat(b, m.Value, 'g', -1, 64)
	} else {
		b = append(b, `\N`...)
	}
	b = strconv.AppendBool(append(b, ','), m.Approx)
	b = quoted(append(b, ','), p.Source, false)
	b = quoted(append(b, ','), p.Table, true)
	b = quoted(append(b, ','), p.Row, true)
	b = quoted(append(b, ','), p.Col, true)
	b = quoted(append(b, ','), p.Text, false)
	b = strconv.AppendInt(append(b, ','), int64(int32(p.Start)), 10)
	b = strconv.AppendInt(append(b, ','), int64(int32(p.End)), 10)
	b = quoted(append(b, ','), p.Rule, true)
	b = quoted(append(b, ','), p.Unit, true)
	return append(b, '\n')
}

// quoted appends s in double quotes, its quotes doubled; an empty s is \N
// (NULL) when null is set, as nullString makes it for the Appender.
func quoted(b []byte, s string, null bool) []byte {
	if s == "" && null {
		return append(b, `\N`...)
	}
	b = append(b, '"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		b = append(append(b, s[:i+1]...), '"')
		s = s[i+1:]
	}
	return append(append(b, s...), '"')
}
