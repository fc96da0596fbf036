package atomicout

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// listDir returns the names in dir, sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func writeFiles(files map[string]string) func(string) error {
	return func(tmp string) error {
		for name, body := range files {
			if err := os.WriteFile(filepath.Join(tmp, name), []byte(body), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestDir(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name    string
		before  map[string]string // the previous output; nil for none
		fill    func(string) error
		wantErr error
		want    map[string]string // the output after the build; nil for none
	}{
		{"first build", nil, writeFiles(map[string]string{"a.html": "new"}), nil, map[string]string{"a.html": "new"}},
		{"replaces the old output whole", map[string]string{"a.html": "old", "stale.html": "old"},
			writeFiles(map[string]string{"a.html": "new"}), nil, map[string]string{"a.html": "new"}},
		{"failed build keeps the old output", map[string]string{"a.html": "old"},
			func(tmp string) error {
				writeFiles(map[string]string{"a.html": "half"})(tmp)
				return boom
			}, boom, map[string]string{"a.html": "old"}},
		{"failed first build leaves nothing", nil, func(string) error { return boom }, boom, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dst := filepath.Join(parent, "site")
			if tt.before != nil {
				if err := os.Mkdir(dst, 0o755); err != nil {
					t.Fatal(err)
				}
				writeFiles(tt.before)(dst)
			}
			err := Dir(dst, "site", time.Now(), tt.fill)
			if !errors.Is(err, tt.wantErr) || (err != nil) != (tt.wantErr != nil) {
				t.Fatalf("Dir = %v, want %v", err, tt.wantErr)
			}
			if tt.want == nil {
				if _, err := os.Stat(dst); !os.IsNotExist(err) {
					t.Errorf("output exists after a failed first build: %v", err)
				}
			} else {
				got := listDir(t, dst)
				if len(got) != len(tt.want) {
					t.Errorf("output holds %v, want %d files", got, len(tt.want))
				}
				for name, body := range tt.want {
					b, err := os.ReadFile(filepath.Join(dst, name))
					if err != nil || string(b) != body {
						t.Errorf("%s = %q, %v; want %q", name, b, err, body)
					}
				}
				if info, err := os.Stat(dst); err != nil || info.Mode().Perm() != 0o755 {
					t.Errorf("output folder mode = %v, %v; want 0755", info.Mode().Perm(), err)
				}
			}
			for _, n := range listDir(t, parent) {
				if n != "site" && !(tt.wantErr == nil && strings.HasPrefix(n, ".site-v-")) {
					t.Errorf("left behind beside the output: %s", n)
				}
			}
			if tt.wantErr == nil {
				if fi, err := os.Lstat(dst); err != nil || fi.Mode()&os.ModeSymlink == 0 {
					t.Errorf("output is not a link to its version: %v, %v", fi, err)
				}
				if n := len(versions(t, parent, "site")); n != 1 {
					t.Errorf("%d versions beside the output, want 1", n)
				}
			}
		})
	}
}

func TestDirRemovesStaleOnly(t *testing.T) {
	parent := t.TempDir()
	now := time.Now()
	for _, n := range []string{".site-tmp-old", ".site-old-old", ".site-tmp-young", ".books-tmp-old"} {
		p := filepath.Join(parent, n)
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(n, "-old") {
			then := now.Add(-2 * StaleAfter)
			if err := os.Chtimes(p, then, then); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := Dir(filepath.Join(parent, "site"), "site", now, writeFiles(map[string]string{"a": "1"})); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range listDir(t, parent) {
		if !strings.HasPrefix(n, ".site-v-") {
			names = append(names, n)
		}
	}
	got := strings.Join(names, " ")
	// A young temporary folder may be a build still running; another tag's
	// folders are not this build's business.
	if want := ".books-tmp-old .site-tmp-young site"; got != want {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

func TestFile(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name    string
		before  string // "" for no previous file
		sync    bool
		write   func(io.Writer) error
		wantErr error
		want    string // "" for no file
	}{
		{"new file", "", true, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, nil, "new"},
		{"replaces the old file", "old", false, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, nil, "new"},
		{"failed write keeps the old file", "old", true, func(w io.Writer) error {
			io.WriteString(w, "ha")
			return boom
		}, boom, "old"},
		{"failed first write leaves nothing", "", false, func(io.Writer) error { return boom }, boom, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "book.xlsx")
			if tt.before != "" {
				if err := os.WriteFile(path, []byte(tt.before), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			err := File(path, tt.sync, tt.write)
			if !errors.Is(err, tt.wantErr) || (err != nil) != (tt.wantErr != nil) {
				t.Fatalf("File = %v, want %v", err, tt.wantErr)
			}
			b, err := os.ReadFile(path)
			switch {
			case tt.want == "" && !os.IsNotExist(err):
				t.Errorf("file exists after a failed first write: %q, %v", b, err)
			case tt.want != "" && (err != nil || string(b) != tt.want):
				t.Errorf("file = %q, %v; want %q", b, err, tt.want)
			}
			if tt.wantErr == nil {
				if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
					t.Errorf("file mode = %v, %v; want 0644", info.Mode().Perm(), err)
				}
			}
			names := listDir(t, dir)
			if len(names) > 1 || (len(names) == 1 && names[0] != "book.xlsx") {
				t.Errorf("left behind: %v", names)
			}
		})
	}
}
