package lockfile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// One holder at a time (flock(2) excludes a second open of the file even
// in the same process); the file names the holder and goes with it.
func TestTryLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.lock")
	l, ok, err := TryLock(path)
	if err != nil || !ok {
		t.Fatalf("TryLock: %v, %v", ok, err)
	}
	if pid := PID(path); pid != os.Getpid() {
		t.Errorf("PID = %d, want %d", pid, os.Getpid())
	}
	if l2, ok, err := TryLock(path); ok || err != nil {
		if l2 != nil {
			l2.Unlock()
		}
		t.Fatalf("second TryLock while held: %v, %v; want false, nil", ok, err)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file after Unlock: %v, want gone", err)
	}
	if PID(path) != 0 {
		t.Errorf("PID of no lock = %d, want 0", PID(path))
	}
	l, ok, err = TryLock(path)
	if err != nil || !ok {
		t.Fatalf("TryLock after Unlock: %v, %v", ok, err)
	}
	l.Unlock()
}

// Wait says once whom it waits for, takes the lock when it is released,
// and gives up when its context ends.
func TestWait(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	held, _, err := TryLock(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if _, err := Wait(ctx, path, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Wait while held until the deadline: %v, want DeadlineExceeded", err)
	}
	told := 0
	go func() {
		time.Sleep(200 * time.Millisecond)
		held.Unlock()
	}()
	l, err := Wait(context.Background(), path, func(pid int) {
		told++
		if pid != os.Getpid() {
			t.Errorf("waiting for pid %d, want %d", pid, os.Getpid())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	if told != 1 {
		t.Errorf("waiting called %d times, want 1", told)
	}
}
