package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/queries"
)

// canonical is the absolute, symlink-free form of a path, so the same file
// or folder has one name whatever the working directory of the command
// (cron, systemd and a manual run share one state). A path that does not
// exist yet is made absolute, its existing parent resolved.
func canonical(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	dir, base := filepath.Split(abs)
	if dir != abs && dir != "" {
		return filepath.Join(canonical(filepath.Clean(dir)), base)
	}
	return abs
}

// openRead opens the published snapshot of the database at path read-only,
// for query, status and build: a reader never waits on a writer, and a
// read-only file or mount is fine. When there is nothing to open the
// error says why and what to do.
func openRead(ctx context.Context, path string) (*load.Store, error) {
	if _, err := os.Stat(path); err != nil && !publishedMeanwhile(path) {
		if held, pid := load.Held(path); held && load.Exists(path) {
			return nil, &failure{msg: fmt.Sprintf("%s has not been published yet: the first ingest (pid %d) is still "+
				"writing its first chunk; try again in a moment", path, pid), err: err}
		}
		if load.Exists(path) {
			return nil, &failure{msg: fmt.Sprintf("%s has not been published: the last ingest stopped before it "+
				"could; run `xxgk ingest` or `xxgk run` again", path), err: err}
		}
		return nil, &failure{msg: fmt.Sprintf("there is no database at %s; run `xxgk ingest --db %s FOLDER` or "+
			"`xxgk run` first", path, path), err: err}
	}
	s, err := load.OpenReadOnly(ctx, path)
	if err != nil {
		return nil, fail(err, "cannot open the database %s", path)
	}
	return s, nil
}

// publishedMeanwhile reports whether a writer published path and let go of
// its lock just after a look found no snapshot: then there is one to read,
// and "stopped before it could" would be wrong.
func publishedMeanwhile(path string) bool {
	if held, _ := load.Held(path); held {
		return false
	}
	_, err := os.Stat(path)
	return err == nil
}

// writer is a command's hold on a database it writes: the run lock, the
// working copy, and the publishing of its read snapshot.
type writer struct {
	path    string
	lock    *load.RunLock
	s       *load.Store
	fresh   bool     // no database was there before this command
	madeDir []string // folders this command created, deepest first
	// Publishing: after a chunk, at most every interval (the larger of
	// minPublish and ten times the last copy, so copying stays under a
	// tenth of an ingest's time however large the database grows).
	last time.Time
	cost time.Duration
}

// minPublish is the shortest time between two snapshots an ingest
// publishes between chunks; the last chunk is always published.
var minPublish = 30 * time.Second

// openWrite takes the run lock of the database at path and opens its
// working copy.
func openWrite(ctx context.Context, path string) (*writer, error) {
	w := &writer{path: path, fresh: !load.Exists(path)}
	for d := filepath.Dir(path); !exists(d); d = filepath.Dir(d) {
		w.madeDir = append(w.madeDir, d)
	}
	lock, err := load.Lock(path)
	if err != nil {
		w.cleanFresh()
		return nil, fail(err, "cannot take the run lock of %s", path)
	}
	w.lock = lock
	s, err := load.OpenWork(ctx, path)
	if err != nil {
		w.close(err)
		return nil, fail(err, "cannot open the database %s", path)
	}
	w.s = s
	if exists(path) {
		w.last = time.Now() // readers have a snapshot: the next one can wait
	}
	return w, nil
}

// committed publishes the snapshot when the interval has passed since the
// last one (or there is none yet): the hook ingest calls between chunks.
func (w *writer) committed(ctx context.Context) error {
	// A committed chunk is data the next run carries on from: a later
	// failure no longer removes the database.
	w.fresh = false
	if !w.last.IsZero() && time.Since(w.last) < max(minPublish, 10*w.cost) {
		return nil
	}
	return w.publish(ctx)
}

// publish publishes the snapshot, unless it already shows what readers
// see of the working copy (see publishAfter).
func (w *writer) publish(ctx context.Context) error {
	return w.publishAfter(ctx, false, false)
}

// publishAfter refreshes the stale named-query caches when asked (so
// readers of the snapshot answer from them) and publishes the snapshot.
// Copying is the dear part (seconds for a large database), so it is
// skipped when the run changed nothing a reader sees (changed is false:
// nothing stored, removed or failed) and the snapshot already has the
// working copy's generation — the same data stamp, migrations and cached
// results; what it then lacks are the rows of the runs that changed
// nothing, which status reports through load.Kept.
func (w *writer) publishAfter(ctx context.Context, refresh, changed bool) error {
	if refresh {
		if err := queries.Refresh(ctx, w.s.DB()); err != nil {
			return fail(err, "cannot refresh the named queries of %s", w.path)
		}
	}
	if !changed && w.snapshotCurrent(ctx) {
		runs, err := w.s.Runs(ctx, 1)
		if err == nil && len(runs) > 0 {
			err = w.s.KeepSnapshot(ctx, runs[0].ID)
		}
		if err != nil {
			return fail(err, "cannot keep the read snapshot %s", w.path)
		}
		w.last = time.Now()
		return nil
	}
	took, err := w.s.Publish(ctx)
	if err != nil {
		return fail(err, "cannot publish the read snapshot %s", w.path)
	}
	w.last, w.cost = time.Now(), took
	return nil
}

// snapshotCurrent reports whether the published snapshot has the working
// copy's generation. Any doubt (no snapshot, an error reading either)
// answers false: publish.
func (w *writer) snapshotCurrent(ctx context.Context) bool {
	if !exists(w.path) {
		return false
	}
	snap, err := load.OpenReadOnly(ctx, w.path)
	if err != nil {
		return false
	}
	defer snap.Close()
	a, err1 := generation(ctx, snap)
	b, err2 := generation(ctx, w.s)
	return err1 == nil && err2 == nil && a == b
}

// generation is what a reader of a copy of the database sees, as one
// string: the data stamp (reports, their kinds and checks), the applied
// migrations and the stamps of the cached named-query results.
func generation(ctx context.Context, s *load.Store) (string, error) {
	data, err := queries.DataStamp(ctx, s.DB())
	if err != nil {
		return "", err
	}
	schema, err := s.SchemaVersions(ctx)
	if err != nil {
		return "", err
	}
	cache, err := queries.CacheStamps(ctx, s.DB())
	if err != nil {
		return "", err
	}
	return data + "|" + schema + "|" + cache, nil
}

// close closes the working copy and releases the lock. When the command
// failed (err != nil) on a database it created, it removes the database
// and the folders it made: a failed command creates nothing.
func (w *writer) close(err error) {
	if w.s != nil {
		w.s.Close()
	}
	if w.lock != nil {
		w.lock.Unlock()
	}
	if err != nil {
		w.cleanFresh()
	}
}

func (w *writer) cleanFresh() {
	if !w.fresh {
		return
	}
	for _, p := range load.Files(w.path) {
		os.Remove(p)
	}
	for _, d := range w.madeDir {
		os.Remove(d) // only when empty
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil || !errors.Is(err, os.ErrNotExist)
}
