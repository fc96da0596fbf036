package atomicout

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// StaleAfter is how old a leftover temporary must be before a build that
// does not hold its output's lock removes it: younger ones may belong to a
// build still running. A build that holds the lock calls Clean, which
// removes them whatever their age.
const StaleAfter = time.Hour

// Dir builds the folder dst: fill writes into an empty temporary folder
// beside dst (".TAG-tmp-…"), which is renamed to a version of its own
// (".TAG-v-…") once complete; dst is a symbolic link to the current
// version, and a single rename of a new link over it switches every reader
// from the old version to the new one. At every instant dst is the old
// output or the new one, both complete. A reader that opened a page of the
// old version keeps it: the previous version is kept until the next build,
// older ones are removed.
//
// If fill fails, its error is returned as is, the temporary folder is
// removed and dst is untouched. Where symbolic links cannot be made, dst
// is a plain folder replaced by two renames (the old one moved aside, the
// new one moved in). A dst that is a plain folder from before is switched
// to a link in one step where the system can exchange two names (Linux).
// Temporaries of this tag left more than StaleAfter before now are removed
// first.
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
	unique := strings.TrimPrefix(filepath.Base(tmp), "."+tag+"-tmp-")
	version := filepath.Join(parent, "."+tag+"-v-"+now.UTC().Format("20060102T150405.000000000")+"-"+unique)
	// Not yet visible: only the link makes a version the output.
	if err := rename(tmp, version); err != nil {
		return err
	}
	tmp = version // removed if the switch fails
	prev, err := switchTo(dst, tag, version, unique)
	if err != nil {
		return err
	}
	ok = true
	prune(dst, tag, filepath.Base(version), prev)
	return nil
}

// switchTo points dst at version and returns the version dst pointed at
// before ("" if none). The new link is made under a temporary name and
// renamed over dst.
func switchTo(dst, tag, version, unique string) (prev string, err error) {
	parent := filepath.Dir(dst)
	fi, err := os.Lstat(dst)
	exists := err == nil
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	if exists && fi.Mode()&os.ModeSymlink != 0 {
		if target, err := os.Readlink(dst); err == nil {
			prev = filepath.Base(target)
		}
	}
	link := filepath.Join(parent, "."+tag+"-link-"+unique)
	if err := symlink(filepath.Base(version), link); err != nil {
		// No symbolic links here: fall back to a plain folder.
		return "", swapFolders(version, dst, filepath.Join(parent, "."+tag+"-old-"+unique))
	}
	if !exists || fi.Mode()&os.ModeSymlink != 0 {
		if err := rename(link, dst); err != nil {
			os.Remove(link)
			return "", err
		}
		return prev, nil
	}
	// dst is a plain folder from an older build: exchange it with the link
	// in one step where the system can; the link's name then holds the old
	// folder, removed below.
	if err := exchange(link, dst); err == nil {
		os.RemoveAll(link)
		return "", nil
	}
	old := filepath.Join(parent, "."+tag+"-old-"+unique)
	if err := rename(dst, old); err != nil {
		os.Remove(link)
		return "", err
	}
	if err := rename(link, dst); err != nil {
		os.Rename(old, dst)
		os.Remove(link)
		return "", err
	}
	os.RemoveAll(old)
	return "", nil
}

// swapFolders puts the finished folder tmp in place of the plain folder
// dst: the old folder is renamed away (to old), the new one renamed in,
// then the old one removed. If the second rename fails the old folder is
// put back.
func swapFolders(tmp, dst, old string) error {
	moved := false
	if _, err := os.Stat(dst); err == nil {
		if err := rename(dst, old); err != nil {
			return err
		}
		moved = true
	} else if !os.IsNotExist(err) {
		return err
	}
	if err := rename(tmp, dst); err != nil {
		if moved {
			os.Rename(old, dst)
		}
		return err
	}
	if moved {
		return os.RemoveAll(old)
	}
	return nil
}

// prune removes the versions of tag beside dst other than current, prev
// and the one dst links to now (read again: a build that did not take the
// lock may have switched it since).
func prune(dst, tag, current, prev string) {
	parent := filepath.Dir(dst)
	linked := ""
	if target, err := os.Readlink(dst); err == nil {
		linked = filepath.Base(target)
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, "."+tag+"-v-") && n != current && n != prev && n != linked {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// removeStale deletes the temporaries of tag that builds which crashed
// left in parent more than StaleAfter before now.
func removeStale(parent, tag string, now time.Time) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !isTemp(n, tag) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > StaleAfter {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// isTemp reports a name Dir or File of tag makes for a moment: a folder
// being filled, a folder moved aside, a link not yet renamed, a file
// being written.
func isTemp(name, tag string) bool {
	for _, p := range []string{"-tmp-", "-old-", "-link-"} {
		if strings.HasPrefix(name, "."+tag+p) {
			return true
		}
	}
	return strings.HasPrefix(name, "."+tag+".tmp-")
}

// Clean removes from parent, whatever their age, every temporary that Dir
// and File left there for the given names (folder tags such as "site", or
// file names such as "xxgk-comparison.xlsx"), and the versions of each
// folder other than the current one and the one before it. Only a build
// that holds the lock excluding every other build into parent may call
// it: the temporaries of a running build look the same.
func Clean(parent string, names ...string) error {
	entries, err := os.ReadDir(parent)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("clean %q: %w", parent, err)
	}
	var errs []error
	for _, name := range names {
		var versions []string
		for _, e := range entries {
			n := e.Name()
			switch {
			case isTemp(n, name):
				errs = append(errs, os.RemoveAll(filepath.Join(parent, n)))
			case strings.HasPrefix(n, "."+name+"-v-"):
				versions = append(versions, n)
			}
		}
		current := ""
		if target, err := os.Readlink(filepath.Join(parent, name)); err == nil {
			current = filepath.Base(target)
		}
		// The newest version but the current one is the previous output.
		sort.Sort(sort.Reverse(sort.StringSlice(versions)))
		prev := ""
		for _, v := range versions {
			if v != current {
				prev = v
				break
			}
		}
		for _, v := range versions {
			if v != current && v != prev {
				errs = append(errs, os.RemoveAll(filepath.Join(parent, v)))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("clean %q: %w", parent, err)
	}
	return nil
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
	return rename(tmp.Name(), path)
}

// rename is os.Rename behind the test hook.
func rename(from, to string) error {
	if renameHook != nil {
		renameHook(from, to)
	}
	return os.Rename(from, to)
}

var renameHook func(from, to string)

// SetRenameHook makes every rename of Dir and File call h first, and
// returns the function that removes it. It is a seam for tests that kill
// a build at each rename (h calls os.Exit) and check that the output is
// complete after each one; nothing else should set it.
func SetRenameHook(h func(from, to string)) (restore func()) {
	old := renameHook
	renameHook = h
	return func() { renameHook = old }
}

// symlink is os.Symlink, a variable so a test can take symbolic links away.
var symlink = os.Symlink
