package chartstest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium, driven over the DevTools protocol, with
// a fresh profile and every network path closed. It records every console
// error and uncaught exception of the pages it opens.
type Browser struct {
	Ctx    context.Context
	mu     sync.Mutex
	errors []string
}

// NewBrowser starts Chromium (or skips the test when there is none) and
// stops it when the test ends.
func NewBrowser(t testing.TB) *Browser {
	t.Helper()
	bin := Chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"), chromedp.Flag("proxy-server", "127.0.0.1:9"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	b := &Browser{Ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == "error" || e.Type == "assert" {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, strings.Trim(string(a.Value), `"`))
				}
				b.add("console.error: " + strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			b.add("exception: " + msg)
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				b.add("log: " + e.Entry.Text + " " + e.Entry.URL)
			}
		}
	})
	if err == nil {
		_, err = chromedp.Call(ctx, cdplog.Enable, cdp.Empty{})
	}
	if err != nil {
		cancelC()
		cancelA()
		t.Fatalf("start chromium: %v", err)
	}
	t.Cleanup(func() { cancelC(); cancelA() })
	return b
}

func (b *Browser) add(s string) {
	b.mu.Lock()
	b.errors = append(b.errors, s)
	b.mu.Unlock()
}

// Errors returns the console errors and exceptions recorded since the last
// call, and forgets them.
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := b.errors
	b.errors = nil
	return out
}

// Open loads a file (or file URL) and waits until its scripts have run:
// the load event, then until every chart on it is drawn and, on a source
// page, the report is shown (or a second has passed).
func (b *Browser) Open(t testing.TB, url string) {
	t.Helper()
	if !strings.HasPrefix(url, "file://") {
		url = "file://" + url
	}
	ctx, cancel := context.WithTimeout(b.Ctx, 60*time.Second)
	defer cancel()
	// about:blank first, so a URL that differs from the open page only in
	// its fragment loads anew rather than firing hashchange.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	b.Settle(t)
}

// Settle waits until the page's charts are drawn, a source page has shown
// its report and the explorer has loaded the data of its selection, at
// most a few seconds.
func (b *Browser) Settle(t testing.TB) {
	t.Helper()
	const ready = `(function(){var c=document.querySelectorAll('.chart');for(var i=0;i<c.length;i++){if(c[i].getAttribute('data-drawn')!=='true'){return false}}
		if(document.getElementById('source')&&!document.body.getAttribute('data-ready')&&!/没有|地址中/.test(document.getElementById('source-status').textContent)){return false}
		if(document.getElementById('x-out')&&!/^(ready|missing)$/.test(document.body.getAttribute('data-explorer')||'')){return false}
		return document.readyState==='complete'})()`
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](ready)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Eval runs a JavaScript expression on the open page into out.
func (b *Browser) Eval(t testing.TB, js string, out any) {
	t.Helper()
	raw, err := chromedp.Run(b.Ctx, chromedp.Evaluate[json.RawMessage](js))
	if err == nil {
		err = json.Unmarshal(raw, out)
	}
	if err != nil {
		t.Fatalf("evaluate %.80s: %v", js, err)
	}
}

// URL is the address of the open page.
func (b *Browser) URL(t testing.TB) string {
	t.Helper()
	var u string
	b.Eval(t, "window.location.href", &u)
	return u
}

// ClickAt clicks the page at a point of the viewport, as a user would, and
// waits for what the click opens.
func (b *Browser) ClickAt(t testing.TB, x, y float64) {
	t.Helper()
	if err := chromedp.Do(b.Ctx, chromedp.MouseClickXY(x, y)); err != nil {
		t.Fatalf("click at %.0f,%.0f: %v", x, y, err)
	}
	time.Sleep(300 * time.Millisecond)
	b.Settle(t)
}

// Click scrolls the first element matching a CSS selector into view and
// clicks its middle, as a user would.
func (b *Browser) Click(t testing.TB, sel string) {
	t.Helper()
	sj, _ := json.Marshal(sel)
	var at []float64
	b.Eval(t, `(function(){var e=document.querySelector(`+string(sj)+`);if(!e){return []}e.scrollIntoView({block:"center"});
		var r=e.getBoundingClientRect();return [r.left+r.width/2, r.top+r.height/2]})()`, &at)
	if len(at) != 2 {
		t.Fatalf("click %s: no such element on %s", sel, b.URL(t))
	}
	b.ClickAt(t, at[0], at[1])
}

// Shot saves a full-page PNG of the open page at a viewport width.
func (b *Browser) Shot(t testing.TB, width int, png string) {
	t.Helper()
	if err := chromedp.Do(b.Ctx, chromedp.EmulateViewport(int64(width), 900)); err != nil {
		t.Fatalf("screenshot %s: %v", png, err)
	}
	time.Sleep(100 * time.Millisecond)
	buf, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", png, err)
	}
	if err := os.WriteFile(png, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.Ctx, chromedp.EmulateViewport(1366, 900)); err != nil {
		t.Fatal(err)
	}
}

// Width sets the viewport width (and resizes the page's charts).
func (b *Browser) Width(t testing.TB, width int) {
	t.Helper()
	if err := chromedp.Do(b.Ctx, chromedp.EmulateViewport(int64(width), 900)); err != nil {
		t.Fatal(fmt.Errorf("viewport %d: %w", width, err))
	}
	time.Sleep(100 * time.Millisecond)
}

// Download clicks the element matching a CSS selector, as a user would,
// and returns the file the page then downloads (its name and bytes). The
// browser saves downloads into a folder of the test's own; a download
// that does not finish within ten seconds fails the test.
func (b *Browser) Download(t testing.TB, sel string) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	yes := true
	if _, err := chromedp.CallBrowser(b.Ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &yes}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	b.Click(t, sel)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".crdownload") || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err == nil && len(data) > 0 {
				return e.Name(), data
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("clicking %s downloaded nothing within 10 s", sel)
	return "", nil
}
