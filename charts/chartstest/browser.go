package chartstest

import (
	"os/exec"
	"testing"
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
