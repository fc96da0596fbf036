package atomicout

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// StaleAfter is how old a leftover temporary folder must be before a build
// removes it: younger ones may belong to a build still running.
const StaleAfter = time.Hour

// Dir builds the folder dst: fill writes into an empty temporary folder
// beside dst (named ".TAG-tmp-…"), which then replaces dst whole. If fill
// fails, its error is returned as is, the temporary folder is removed and
// dst is untouched. Temporary folders of this tag that crashed builds left
// more than StaleAfter before now are removed first.
func Dir(dst, tag string, now time.Time, fill func(tmp string) error) error {
	parent := filepath.Dir(dst)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	removeStale(parent, tag, now)
	tmp, err := os.MkdirTemp(parent, "."+tag+"-tmp-")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil { // MkdirTemp makes it private
		return err
	}
	if err := fill(tmp); err != nil {
		return err
	}
	if err := swap(tmp, dst, "."+tag+"-old-"+strconv.FormatInt(now.UnixNano(), 36)+"-"+strconv.Itoa(os.Getpid())); err != nil {
		return err
	}
	ok = true
	return nil
}

// swap puts the finished folder tmp in place of dst: the old folder is
// renamed away (to oldName beside it), the new one renamed in, then the old
// one removed. If the second rename fails the old folder is put back.
func swap(tmp, dst, oldName string) error {
	old := ""
	if _, err := os.Stat(dst); err == nil {
		old = filepath.Join(filepath.Dir(dst), oldName)
		if err := os.Rename(dst, old); err != nil {
			return err
		}
	} else if !os.IsNotExist(err) {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		if old != "" {
			os.Rename(old, dst)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// removeStale deletes the temporary and replaced folders of tag that
// builds which crashed left in parent.
func removeStale(parent, tag string, now time.Time) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() || !(strings.HasPrefix(n, "."+tag+"-tmp-") || strings.HasPrefix(n, "."+tag+"-old-")) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > StaleAfter {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// File writes the file path: write fills a temporary file beside it, which
// is synced when sync is set, closed, made readable (0644) and renamed over
// path. On any error the temporary file is removed and path is untouched.
// Files inside a folder that Dir swaps in whole may skip the sync: an fsync
// per file can dominate a build.
func File(path string, sync bool, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if sync {
		if err = tmp.Sync(); err != nil {
			return fmt.Errorf("sync %q: %w", tmp.Name(), err)
		}
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
