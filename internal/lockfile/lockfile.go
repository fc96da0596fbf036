package lockfile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// Lock is a held lock; Unlock releases it and removes its file.
type Lock struct {
	fl   *flock.Flock
	path string
}

// TryLock takes the lock of the file at path without waiting, creating
// the file (and its folder) as needed, and writes this process's pid into
// it. It reports false, without an error, when another process holds it.
//
// Removing a lock file is safe only because a lock counts when the file
// locked is still the one at the path: a process that opened the file just
// before its holder removed it, and then locked the removed file, sees that
// the path names another file (or none) and tries again.
func TryLock(path string) (*Lock, bool, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, false, err
	}
	for range 100 {
		fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR))
		ok, err := fl.TryLock()
		if err != nil {
			return nil, false, err
		}
		if !ok {
			return nil, false, nil
		}
		held, err := fl.Stat()
		if err != nil {
			fl.Close()
			return nil, false, err
		}
		if now, err := os.Stat(path); err != nil || !os.SameFile(held, now) {
			fl.Close() // locked a file its holder had just removed
			continue
		}
		if err := os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
			fl.Close()
			return nil, false, err
		}
		return &Lock{fl: fl, path: path}, true, nil
	}
	return nil, false, errors.New("the lock file keeps being replaced")
}

// Wait takes the lock of the file at path, waiting for its holder to
// release it until ctx is done. waiting, when not nil, is called once if
// the lock is held by another process, with its pid (0 when unknown), so
// the caller can say what it waits for.
func Wait(ctx context.Context, path string, waiting func(pid int)) (*Lock, error) {
	const poll = 100 * time.Millisecond
	told := false
	for {
		l, ok, err := TryLock(path)
		if err != nil || ok {
			return l, err
		}
		if !told && waiting != nil {
			waiting(PID(path))
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(poll):
		}
	}
}

// Unlock removes the lock file and releases the lock, in that order: while
// the file is removed the lock is still held, so no one locks the path's
// file in between (see TryLock).
func (l *Lock) Unlock() error {
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

// PID reads the pid the holder of the lock at path wrote, 0 when unknown.
func PID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid
}
