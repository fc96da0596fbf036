package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gofrs/flock"
)

// RunLock is the exclusive lock one ingest or run holds on a database, so
// two scheduled jobs never write the same file at once.
type RunLock struct {
	fl *flock.Flock
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
// by kill -9; the file keeps the holder's pid for the message. Once it
// holds the lock it removes what killed runs left beside the database
// (RemoveTemps).
func Lock(dbPath string) (*RunLock, error) {
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
		return nil, fmt.Errorf("lock %q: %w", dbPath, err)
	}
	path := LockPath(dbPath)
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %q: %w", dbPath, err)
	}
	if !ok {
		return nil, &LockedError{DB: dbPath, PID: HolderPID(dbPath)}
	}
	if err := os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		fl.Unlock()
		return nil, fmt.Errorf("lock %q: %w", dbPath, err)
	}
	// No run of this database holds the lock but this one: what killed
	// runs left beside the database is theirs, and goes.
	if err := RemoveTemps(dbPath); err != nil {
		fl.Unlock()
		return nil, err
	}
	return &RunLock{fl: fl}, nil
}

// Unlock releases the lock. The file stays: removing it would let a third
// process lock a new file while a second still waits on the old one.
func (l *RunLock) Unlock() error { return l.fl.Unlock() }

// Held reports whether another process holds the run lock of dbPath, and
// its pid when known. It takes and releases the lock to find out.
func Held(dbPath string) (bool, int) {
	if _, err := os.Stat(LockPath(dbPath)); err != nil {
		return false, 0
	}
	fl := flock.New(LockPath(dbPath), flock.SetFlag(os.O_RDONLY))
	ok, err := fl.TryLock()
	if err != nil {
		return false, 0
	}
	if ok {
		fl.Unlock()
		return false, 0
	}
	return true, HolderPID(dbPath)
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
