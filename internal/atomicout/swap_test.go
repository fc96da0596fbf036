package atomicout

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// versions lists the version folders of tag in parent.
func versions(t *testing.T, parent, tag string) []string {
	t.Helper()
	var out []string
	for _, n := range listDir(t, parent) {
		if strings.HasPrefix(n, "."+tag+"-v-") {
			out = append(out, n)
		}
	}
	return out
}

// build fills a site whose two pages both carry gen, the mark of one
// build: a complete output has both, with the same mark.
func build(parent string, gen int) error {
	page := fmt.Sprintf("build %d", gen)
	err := Dir(filepath.Join(parent, "site"), "site", time.Now(), writeFiles(map[string]string{
		"index.html": page, "agency.html": page,
	}))
	if err != nil {
		return err
	}
	return File(filepath.Join(parent, "book.xlsx"), true, func(w io.Writer) error {
		_, err := io.WriteString(w, page)
		return err
	})
}

// complete reports the build mark of the output under parent, or an error
// when a page is missing or two pages disagree.
func complete(parent string) (string, error) {
	a, err := os.ReadFile(filepath.Join(parent, "site", "index.html"))
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(parent, "site", "agency.html"))
	if err != nil {
		return "", err
	}
	if string(a) != string(b) {
		return "", fmt.Errorf("index says %q, agency says %q", a, b)
	}
	if _, err := os.ReadFile(filepath.Join(parent, "book.xlsx")); err != nil {
		return "", err
	}
	return string(a), nil
}

// At the instant of every rename, before and after it, the output a reader
// opens by path is complete: the switch is one rename of a link.
func TestDirSwitchesInOneRename(t *testing.T) {
	parent := t.TempDir()
	if err := build(parent, 1); err != nil {
		t.Fatal(err)
	}
	var seen []string
	restore := SetRenameHook(func(from, to string) {
		mark, err := complete(parent)
		if err != nil {
			t.Errorf("before rename %s → %s: %v", filepath.Base(from), filepath.Base(to), err)
		}
		seen = append(seen, mark)
	})
	defer restore()
	for gen := 2; gen <= 4; gen++ {
		if err := build(parent, gen); err != nil {
			t.Fatal(err)
		}
		if mark, err := complete(parent); err != nil || mark != fmt.Sprintf("build %d", gen) {
			t.Errorf("after build %d: %q, %v", gen, mark, err)
		}
	}
	if len(seen) == 0 {
		t.Fatal("the hook saw no rename")
	}
	// The current version and the one before it stay; older ones go.
	if v := versions(t, parent, "site"); len(v) != 2 {
		t.Errorf("versions = %v, want the current one and the previous one", v)
	}
}

// A plain folder from before the versioned layout is switched to a link
// without an instant where site/ is missing.
func TestDirReplacesPlainFolder(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "site")
	if err := os.Mkdir(site, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFiles(map[string]string{"index.html": "build 0", "agency.html": "build 0"})(site)
	os.WriteFile(filepath.Join(parent, "book.xlsx"), []byte("build 0"), 0o644)
	restore := SetRenameHook(func(from, to string) {
		if _, err := complete(parent); err != nil {
			t.Errorf("before rename %s → %s: %v", filepath.Base(from), filepath.Base(to), err)
		}
	})
	defer restore()
	if err := build(parent, 1); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(site); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("site is not a link after the build: %v", err)
	}
	if mark, err := complete(parent); err != nil || mark != "build 1" {
		t.Errorf("after the build: %q, %v", mark, err)
	}
}

// Without symbolic links the output is a plain folder swapped by rename.
func TestDirWithoutSymlinks(t *testing.T) {
	old := symlink
	symlink = func(string, string) error { return errors.New("no symbolic links here") }
	defer func() { symlink = old }()
	parent := t.TempDir()
	for gen := 1; gen <= 2; gen++ {
		if err := build(parent, gen); err != nil {
			t.Fatal(err)
		}
		if mark, err := complete(parent); err != nil || mark != fmt.Sprintf("build %d", gen) {
			t.Errorf("after build %d: %q, %v", gen, mark, err)
		}
	}
	if fi, err := os.Lstat(filepath.Join(parent, "site")); err != nil || !fi.IsDir() {
		t.Errorf("site is not a folder: %v", err)
	}
	if names := listDir(t, parent); len(names) != 2 {
		t.Errorf("left behind: %v", names)
	}
}

// TestHelperBuild is not a test: it is the child process of
// TestKillAtEveryRename, a build that exits at its Nth rename the way a
// kill -9 would stop it, with no deferred cleanup.
func TestHelperBuild(t *testing.T) {
	at, err := strconv.Atoi(os.Getenv("ATOMICOUT_KILL_AT"))
	if err != nil {
		return
	}
	parent := os.Getenv("ATOMICOUT_DIR")
	n := 0
	SetRenameHook(func(string, string) {
		if n++; n == at {
			os.Exit(9)
		}
	})
	gen, _ := strconv.Atoi(os.Getenv("ATOMICOUT_GEN"))
	if err := build(parent, gen); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// A build killed at any of its renames leaves a complete output, the old
// one or the new one; the next build removes what the killed one left.
func TestKillAtEveryRename(t *testing.T) {
	parent := t.TempDir()
	if err := build(parent, 0); err != nil {
		t.Fatal(err)
	}
	gen := 0
	for at := 1; ; at++ {
		gen++
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBuild$")
		cmd.Env = append(os.Environ(), "ATOMICOUT_KILL_AT="+strconv.Itoa(at), "ATOMICOUT_DIR="+parent,
			"ATOMICOUT_GEN="+strconv.Itoa(gen))
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		killed := errors.As(err, &ee) && ee.ExitCode() == 9
		if err != nil && !killed {
			t.Fatalf("build %d: %v\n%s", gen, err, out)
		}
		if _, err := complete(parent); err != nil {
			t.Fatalf("killed at rename %d: output incomplete: %v", at, err)
		}
		if !killed {
			if at < 3 {
				t.Fatalf("a build has %d renames, want at least 3 (version, link, workbook)", at-1)
			}
			break // the build had fewer renames than at: all were tried
		}
	}
	// What the killed builds left is gone after a build that holds the
	// lock cleans first.
	if err := Clean(parent, "site", "book.xlsx"); err != nil {
		t.Fatal(err)
	}
	if err := build(parent, gen+1); err != nil {
		t.Fatal(err)
	}
	for _, n := range listDir(t, parent) {
		if n != "site" && n != "book.xlsx" && !strings.HasPrefix(n, ".site-v-") {
			t.Errorf("left behind after the next build: %s", n)
		}
	}
	if v := versions(t, parent, "site"); len(v) > 2 {
		t.Errorf("versions = %v, want at most the current one and the previous one", v)
	}
}

func TestClean(t *testing.T) {
	parent := t.TempDir()
	if err := build(parent, 1); err != nil {
		t.Fatal(err)
	}
	if err := build(parent, 2); err != nil {
		t.Fatal(err)
	}
	current, _ := os.Readlink(filepath.Join(parent, "site"))
	// Leftovers of every kind, all young: Clean removes them whatever their age.
	for _, n := range []string{".site-tmp-1", ".site-old-2", ".site-v-00000000T000000.000000000-old"} {
		os.Mkdir(filepath.Join(parent, n), 0o755)
	}
	for _, n := range []string{".site-link-3", ".book.xlsx.tmp-4", ".other-tmp-5", ".xxgk.duckdb.snapshot-tmp-6"} {
		os.WriteFile(filepath.Join(parent, n), []byte("x"), 0o644)
	}
	if err := Clean(parent, "site", "book.xlsx"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range listDir(t, parent) {
		if strings.HasPrefix(n, ".site-v-") && n != current {
			n = ".site-v-(previous)"
		}
		got = append(got, n)
	}
	sort.Strings(got)
	// Other names' temporaries are not Clean's to remove.
	want := []string{".other-tmp-5", ".site-v-(previous)", current, ".xxgk.duckdb.snapshot-tmp-6", "book.xlsx", "site"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("after Clean: %v, want %v", got, want)
	}
	if mark, err := complete(parent); err != nil || mark != "build 2" {
		t.Errorf("output after Clean: %q, %v", mark, err)
	}
}
