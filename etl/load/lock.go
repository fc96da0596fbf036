package load

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/xxgk/xxgk/internal/lockfile"
)

// RunLock is the exclusive lock one writer (ingest, load, run, a recording
// build) holds on a database, so two scheduled jobs never write it at once.
type RunLock struct{ l *lockfile.Lock }

// LockedError says another process holds the run lock.
type LockedError struct {
	DB  string
	PID int // 0 when the holder had not written its pid yet
}

func (e *LockedError) Error() string {
	if e.PID == 0 {
		return fmt.Sprintf("another xxgk run holds the lock on %s", e.DB)
	}
	return fmt.Sprintf("another xxgk run holds the lock on %s (pid %d)", e.DB, e.PID)
}

// LockPath is the lock file of the database at dbPath.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// Lock takes the run lock of the database at dbPath without waiting: when
// another process holds it, it returns a *LockedError at once. The lock is
// an flock(2) on DB.lock (package lockfile), so the kernel drops it when
// the holder dies, even by kill -9; the file keeps the holder's pid for the
// message, and Unlock removes it. Once it holds the lock it removes what
// killed runs left beside the database (RemoveTemps).
func Lock(dbPath string) (*RunLock, error) {
	l, ok, err := lockfile.TryLock(LockPath(dbPath))
	if err != nil {
		return nil, fmt.Errorf("lock %q: %w", dbPath, err)
	}
	if !ok {
		return nil, &LockedError{DB: dbPath, PID: HolderPID(dbPath)}
	}
	// No run of this database holds the lock but this one: what killed
	// runs left beside the database is theirs, and goes.
	if err := RemoveTemps(dbPath); err != nil {
		_ = l.Unlock()
		return nil, err
	}
	return &RunLock{l: l}, nil
}

// Unlock removes the lock file and releases the lock.
func (l *RunLock) Unlock() error { return l.l.Unlock() }

// Held reports whether a process holds the run lock of dbPath, and its pid
// when known. It does not touch the lock (a reader asking must not make a
// starting writer fail): the lock file exists only while its holder runs
// or after its holder was killed, and a live pid tells the two apart.
func Held(dbPath string) (bool, int) {
	if _, err := os.Stat(LockPath(dbPath)); err != nil {
		return false, 0
	}
	pid := HolderPID(dbPath)
	if pid <= 0 {
		return true, 0 // the holder has not written its pid yet
	}
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false, 0 // killed; its file stayed
	}
	return true, pid
}

// HolderPID reads the pid the lock holder wrote, 0 when unknown.
func HolderPID(dbPath string) int { return lockfile.PID(LockPath(dbPath)) }
