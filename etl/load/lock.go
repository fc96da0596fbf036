package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/gofrs/flock"
)

// RunLock is the exclusive lock one writer (ingest, load, run, a recording
// build) holds on a database, so two scheduled jobs never write it at once.
type RunLock struct {
	fl   *flock.Flock
	path string
}

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
// an flock(2) on DB.lock, so the kernel drops it when the holder dies, even
// by kill -9; the file keeps the holder's pid for the message, and Unlock
// removes it.
//
// Removing a lock file is safe only because a lock counts when the file
// locked is still the one at the path: a process that opened the file just
// before its holder removed it, and then locked the removed file, sees that
// the path names another file (or none) and tries again.
func Lock(dbPath string) (*RunLock, error) {
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
		return nil, fmt.Errorf("lock %q: %w", dbPath, err)
	}
	path := LockPath(dbPath)
	for range 100 {
		fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR))
		ok, err := fl.TryLock()
		if err != nil {
			return nil, fmt.Errorf("lock %q: %w", dbPath, err)
		}
		if !ok {
			return nil, &LockedError{DB: dbPath, PID: HolderPID(dbPath)}
		}
		held, err := fl.Stat()
		if err != nil {
			fl.Close()
			return nil, fmt.Errorf("lock %q: %w", dbPath, err)
		}
		if now, err := os.Stat(path); err != nil || !os.SameFile(held, now) {
			fl.Close() // locked a file its holder had just removed
			continue
		}
		if err := os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
			fl.Close()
			return nil, fmt.Errorf("lock %q: %w", dbPath, err)
		}
		return &RunLock{fl: fl, path: path}, nil
	}
	return nil, fmt.Errorf("lock %q: the lock file keeps being replaced", dbPath)
}

// Unlock removes the lock file and releases the lock, in that order: while
// the file is removed the lock is still held, so no one locks the path's
// file in between (see Lock).
func (l *RunLock) Unlock() error {
	rmErr := os.Remove(l.path)
	if errors.Is(rmErr, os.ErrNotExist) {
		rmErr = nil
	}
	if err := l.fl.Close(); err != nil {
		return fmt.Errorf("unlock %q: %w", l.path, err)
	}
	if rmErr != nil {
		return fmt.Errorf("unlock %q: %w", l.path, rmErr)
	}
	return nil
}

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
func HolderPID(dbPath string) int {
	b, err := os.ReadFile(LockPath(dbPath))
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid
}
