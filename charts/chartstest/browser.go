package chartstest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Chromium finds a headless browser, or skips the test with a message
// that says what to install.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium not found: install it (Debian: apt-get install -y chromium fonts-wqy-microhei) to run the browser tests")
	return ""
}

// chromiumArgs run a throw-away profile with every network path closed: a
// host resolver that resolves nothing and a proxy that does not exist, so a
// page that needs the network cannot draw.
func chromiumArgs(t testing.TB) []string {
	return []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
		"--user-data-dir=" + t.TempDir(), "--virtual-time-budget=5000",
	}
}

// DumpDOM opens file in headless Chromium and returns the DOM after scripts ran.
func DumpDOM(t testing.TB, file string) string {
	t.Helper()
	bin := Chromium(t)
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append(chromiumArgs(t), "--dump-dom", "file://"+abs)
	out, err := exec.CommandContext(ctx, bin, args...).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom %s: %v", file, err)
	}
	return string(out)
}

// Screenshot saves a PNG of file as rendered by headless Chromium.
func Screenshot(t testing.TB, file, png string, width, height int) {
	t.Helper()
	bin := Chromium(t)
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append(chromiumArgs(t), "--hide-scrollbars", "--window-size="+strconv.Itoa(width)+","+strconv.Itoa(height), "--screenshot="+png, "file://"+abs)
	if out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("chromium --screenshot %s: %v\n%s", file, err, out)
	}
	if _, err := os.Stat(png); err != nil {
		t.Fatalf("screenshot not written: %v", err)
	}
}
