package charts

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestBuildRendersAndDrawsOffline(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	paths, err := build(context.Background(), fixtureRun(resultFixture(5, 2019, 5)), site, time.Now())
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	checkSite(t, site, paths)
}

// checkSite asserts what every built site must satisfy: pages and scripts
// present, nothing fetched from the network, untrusted names escaped, and
// the overview chart drawn by a real browser from file://.
func checkSite(t *testing.T, site string, paths []string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("build returned %s: %v", p, err)
		}
	}
	for _, f := range []string{"index.html", "method.html", "quality.html", "echarts.min.js", "site.js", "style.css", "echarts-LICENSE.txt"} {
		if _, err := os.Stat(filepath.Join(site, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	remote := regexp.MustCompile(`(?i)(src|href)\s*=\s*"(https?:)?//`)
	err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		if m := remote.FindString(s); m != "" {
			t.Errorf("%s references the network: %s", p, m)
		}
		if strings.Contains(s, "<script>alert(1)") {
			t.Errorf("%s contains the hostile agency name unescaped", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	dom := dumpDOM(t, filepath.Join(site, "index.html"))
	chart := regexp.MustCompile(`(?s)<div class="chart" id="trend-received"[^>]*data-drawn="true"[^>]*>.*?<svg`)
	if !chart.MatchString(dom) {
		t.Errorf("index.html: trend chart was not drawn (no <svg> in #trend-received)\n%.2000s", dom)
	}
	if strings.Contains(dom, "<script>alert(1)") {
		t.Errorf("index.html DOM holds a script element made from an agency name")
	}
	if !strings.Contains(dom, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("index.html DOM does not show the hostile agency name as text")
	}
}
