package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xxgk/xxgk/queries/store"
)

// The published database and its working copy.
//
// The path a user names (--db, database in xxgk.toml) is the published,
// read-only snapshot: `xxgk query`, `xxgk status`, `xxgk build` and users'
// own DuckDB sessions open it read-only, so no reader ever waits on a
// writer. The writers (ingest, load, run, a build that records itself)
// hold the run lock and work on a working copy beside it, WorkPath, and
// publish it with Publish: CHECKPOINT, copy to SnapshotTempPrefix+random
// beside the target, fsync, chmod 0444, rename over the target, fsync the
// folder. A reader that opened the old snapshot keeps reading it (the
// rename leaves its open file alone); the next open sees the new one.

// WorkPath is the working copy of the database published at path: a dot
// file beside it, so a walk over the folder skips it.
func WorkPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".work")
}

// WALPath is where DuckDB keeps the write-ahead log of the database file
// at path: path+".wal", except that DuckDB, reading the name as a URL,
// inserts ".wal" before the first "?" of a name that holds one
// ("x?a.duckdb" logs to "x.wal?a.duckdb"; connect refuses a "?" in the
// folder part, so the first one is in the file name).
func WALPath(path string) string {
	dir, base := filepath.Split(path)
	if i := strings.IndexByte(base, '?'); i >= 0 {
		return dir + base[:i] + ".wal" + base[i:]
	}
	return path + ".wal"
}

// SnapshotTempPrefix starts the name of a snapshot being written beside the
// database published at path (the random rest follows). One left behind by
// a kill during a copy is a stale temporary: anything that removes stale
// temporaries may remove files with this prefix once no run holds the lock.
func SnapshotTempPrefix(path string) string {
	return "." + filepath.Base(path) + ".snapshot-tmp-"
}

// OpenWork opens the working copy of the database published at path,
// read-write, for a writer holding the run lock. When there is no working
// copy yet but a database at path (one written before snapshots, or a
// working copy lost), the working copy starts as a copy of it.
func OpenWork(ctx context.Context, path string) (*Store, error) {
	work := WorkPath(path)
	if !exists(work) && exists(path) {
		if err := adopt(path, work); err != nil {
			return nil, fmt.Errorf("open database %q: start the working copy from it: %w", path, err)
		}
	}
	return open(ctx, work, path)
}

// adopt copies the database at path (and its write-ahead log, which DuckDB
// replays on open) to the working copy work, through a temporary name so a
// kill leaves either no working copy or a whole one.
func adopt(path, work string) error {
	if exists(WALPath(path)) {
		if err := copyFile(WALPath(path), WALPath(work), 0o644); err != nil {
			return err
		}
	}
	return copyFile(path, work, 0o644)
}

// Published is the path readers open, "" for a store not opened by OpenWork.
func (s *Store) Published() string { return s.published }

// Publish writes the working copy's committed state to the published path
// as a read-only snapshot and returns how long the copy took. Only the run
// lock's holder may call it, between transactions.
func (s *Store) Publish(ctx context.Context) (time.Duration, error) {
	if s.published == "" {
		return 0, errors.New("publish: the store is not a working copy")
	}
	start := time.Now()
	if _, err := s.db.ExecContext(ctx, store.SQL("checkpoint")); err != nil {
		return 0, fmt.Errorf("publish %q: checkpoint: %w", s.published, err)
	}
	// After a checkpoint the log holds nothing: a copy of the file alone
	// is the whole database. Anything in it would be lost by the copy.
	if fi, err := os.Stat(WALPath(s.path)); err == nil && fi.Size() > 0 {
		return 0, fmt.Errorf("publish %q: the write-ahead log still holds %d bytes after a checkpoint", s.published, fi.Size())
	}
	if err := copyFile(s.path, s.published, 0o444); err != nil {
		return 0, fmt.Errorf("publish %q: %w", s.published, err)
	}
	// The snapshot is the working copy again: a note that it was kept
	// would now be stale.
	if err := os.Remove(KeptPath(s.published)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return 0, fmt.Errorf("publish %q: %w", s.published, err)
	}
	return time.Since(start), nil
}

// KeptPath is the note a writer leaves beside the database published at
// path when it did not publish because the snapshot already showed what
// readers see of the working copy (a run that stored, removed and failed
// nothing): the note says which run was the last one not copied, and its
// time says when the working copy was last in step with the snapshot.
// Publish removes it.
func KeptPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".kept")
}

// KeepSnapshot records that the published snapshot stays as it is although
// the working copy recorded runs after it (lastRun the latest): the working
// copy is checkpointed, so its file is final, then the note KeptPath is
// written. Only the run lock's holder may call it, between transactions.
func (s *Store) KeepSnapshot(ctx context.Context, lastRun int64) error {
	if s.published == "" {
		return errors.New("keep snapshot: the store is not a working copy")
	}
	if _, err := s.db.ExecContext(ctx, store.SQL("checkpoint")); err != nil {
		return fmt.Errorf("keep snapshot %q: checkpoint: %w", s.published, err)
	}
	if err := os.WriteFile(KeptPath(s.published), fmt.Appendf(nil, "%d\n", lastRun), 0o644); err != nil {
		return fmt.Errorf("keep snapshot %q: %w", s.published, err)
	}
	return nil
}

// Kept reads the note of KeepSnapshot beside the database published at
// path: the last run the snapshot does not hold and when the note was
// written. ok is false when there is no note or it is older than the
// snapshot (a publish that could not remove it).
func Kept(path string) (lastRun int64, at time.Time, ok bool) {
	note, err1 := os.Stat(KeptPath(path))
	snap, err2 := os.Stat(path)
	if err1 != nil || err2 != nil || note.ModTime().Before(snap.ModTime()) {
		return 0, time.Time{}, false
	}
	b, err := os.ReadFile(KeptPath(path))
	if err != nil {
		return 0, time.Time{}, false
	}
	if _, err := fmt.Sscan(string(b), &lastRun); err != nil {
		return 0, time.Time{}, false
	}
	return lastRun, note.ModTime(), true
}

// SchemaVersions lists the migrations applied to the database, in order
// ("1,2,3"): with the data stamp, what tells two copies of a database
// apart for a reader.
func (s *Store) SchemaVersions(ctx context.Context) (string, error) {
	applied, _, err := s.versions(ctx)
	if err != nil {
		return "", err
	}
	vs := make([]int, 0, len(applied))
	for v := range applied {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(v))
	}
	return b.String(), nil
}

// copyFile copies src to dst through a temporary file beside dst (named
// with SnapshotTempPrefix), synced, with mode perm, renamed over dst, and
// the folder synced: at every instant dst is the old file or the new one.
func copyFile(src, dst string, perm os.FileMode) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), SnapshotTempPrefix(dst)+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// io.Copy between two files uses copy_file_range on Linux: the kernel
	// copies (or, on btrfs and XFS, shares) the blocks without a round
	// trip through this process.
	if _, err = io.Copy(tmp, in); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), dst); err != nil {
		return err
	}
	return syncDir(filepath.Dir(dst))
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// ReadOnly reports whether the store was opened by OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Files lists what a database at path consists of on disk: the published
// file, the working copy, their logs and the lock, those that exist. A
// command that created a database and then failed removes them.
func Files(path string) []string {
	var out []string
	for _, p := range []string{path, WALPath(path), WorkPath(path), WALPath(WorkPath(path)), LockPath(path), KeptPath(path)} {
		if exists(p) {
			out = append(out, p)
		}
	}
	tmps, _ := filepath.Glob(filepath.Join(filepath.Dir(path), globEscape(SnapshotTempPrefix(path))+"*"))
	return append(out, tmps...)
}

// Exists reports whether a database is at path: published or only a
// working copy (a first ingest that has not published yet).
func Exists(path string) bool { return exists(path) || exists(WorkPath(path)) }

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// globEscape quotes the glob characters of a file name.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
