package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestByteSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"50MB", 50 << 20, true},
		{"200mb", 200 << 20, true},
		{"1.5GB", 3 << 29, true},
		{"512KB", 512 << 10, true},
		{"4096", 4096, true},
		{"10 M", 10 << 20, true},
		{"", 0, false},
		{"-1MB", 0, false},
		{"lots", 0, false},
	} {
		var b byteSize
		err := b.Set(c.in)
		if (err == nil) != c.ok || c.ok && int64(b) != c.want {
			t.Errorf("byteSize.Set(%q) = %d, %v; want %d, ok=%v", c.in, b, err, c.want, c.ok)
		}
	}
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.toml", `inputs = ["reports", "/abs/more"]
database = "out/x.duckdb"
output = "site"
workers = 3
[limits]
max_size = "10MB"
timeout = "5s"
`)
	c, err := loadConfig(good)
	if err != nil {
		t.Fatalf("loadConfig: %v", err)
	}
	if c.Inputs[0] != filepath.Join(dir, "reports") || c.Inputs[1] != "/abs/more" {
		t.Errorf("inputs = %v, want relative to the config folder", c.Inputs)
	}
	if c.Database != filepath.Join(dir, "out/x.duckdb") || c.Output != filepath.Join(dir, "site") || c.Workers != 3 {
		t.Errorf("config = %+v", c)
	}
	lim := c.limits()
	if lim.MaxBytes != 10<<20 || lim.Timeout != 5*time.Second || lim.MaxDecompressed != 200<<20 {
		t.Errorf("limits = %+v, want 10MB, the default decompressed limit, 5s", lim)
	}
	for name, body := range map[string]string{
		"typo.toml":    "inputs = [\"a\"]\n[limits]\nmax_sise = \"1MB\"\n",
		"noinput.toml": "database = \"x.duckdb\"\n",
		"badsize.toml": "inputs = [\"a\"]\n[limits]\nmax_size = \"huge\"\n",
	} {
		if _, err := loadConfig(write(name, body)); err == nil {
			t.Errorf("loadConfig(%s) succeeded, want an error", name)
		}
	}
	if _, err := loadConfig(filepath.Join(dir, "missing.toml")); err == nil || !strings.Contains(err.Error(), "missing.toml") {
		t.Errorf("missing config: %v", err)
	}
}

// The project's own xxgk.toml must load: `make run` uses it.
func TestProjectConfig(t *testing.T) {
	c, err := loadConfig("../../xxgk.toml")
	if err != nil {
		t.Fatalf("xxgk.toml: %v", err)
	}
	if len(c.Inputs) == 0 || c.Database == "" || c.Output == "" {
		t.Errorf("xxgk.toml = %+v", c)
	}
}
