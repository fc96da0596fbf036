package synth

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// Config describes a corpus: how many agencies, which years, the seed.
type Config struct {
	Agencies  int
	From, To  int // report years, inclusive
	Seed      uint64
	HTML      bool    // write some reports as NAME.html
	BreakRate float64 // fraction of table reports with an injected identity break
	GluedRate float64 // fraction of text reports with tables whose tables are glued (DefaultGluedRate)
	CopyRate  float64 // fraction of annual reports that copy their prose (copies.go)
	Workers   int     // 0 means one per CPU
}

// Stats sums up a written corpus.
type Stats struct {
	Reports int
	Bytes   int64 // report bytes, labels excluded
	Breaks  int   // reports with an injected break
	Copies  int   // reports that copy their prose from another
}

// Years lists the configured report years in order.
func (c Config) Years() []int {
	var ys []int
	for y := c.From; y <= c.To; y++ {
		ys = append(ys, y)
	}
	return ys
}

// Write generates the corpus into dir: for each report NAME.txt (or
// NAME.html) and its label NAME.json. Agencies are generated in parallel;
// each file is built in memory and written with one call.
func Write(ctx context.Context, cfg Config, dir string) (Stats, error) {
	if cfg.Agencies <= 0 || cfg.From <= 0 || cfg.To < cfg.From {
		return Stats{}, fmt.Errorf("synth: need agencies > 0 and a year range, got %d agencies, %d-%d", cfg.Agencies, cfg.From, cfg.To)
	}
	agencies, err := Agencies(Places(), cfg.Agencies, cfg.Seed)
	if err != nil {
		return Stats{}, fmt.Errorf("synth: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, fmt.Errorf("synth: %w", err)
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	opt := Options{Seed: cfg.Seed, HTML: cfg.HTML, BreakRate: cfg.BreakRate, GluedRate: cfg.GluedRate, CopyRate: cfg.CopyRate}
	years := cfg.Years()
	if cfg.CopyRate > 0 {
		opt.copies = newCopyPlan(agencies, years, opt)
	}
	jobs := make(chan Agency)
	var (
		mu    sync.Mutex
		total Stats
		first error
		wg    sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s Stats
			for a := range jobs {
				for _, d := range Series(a, years, opt) {
					if err := writeDoc(dir, d); err != nil {
						mu.Lock()
						if first == nil {
							first = err
						}
						mu.Unlock()
						continue
					}
					s.Reports++
					s.Bytes += int64(len(d.Body))
					if len(d.Label.Breaks) > 0 {
						s.Breaks++
					}
					if d.Label.Copy != nil {
						s.Copies++
					}
				}
			}
			mu.Lock()
			total.Reports += s.Reports
			total.Bytes += s.Bytes
			total.Breaks += s.Breaks
			total.Copies += s.Copies
			mu.Unlock()
		}()
	}
feed:
	for _, a := range agencies {
		select {
		case <-ctx.Done():
			break feed
		case jobs <- a:
		}
	}
	close(jobs)
	wg.Wait()
	if first != nil {
		return total, first
	}
	return total, ctx.Err()
}

// writeDoc writes a report and its label.
func writeDoc(dir string, d Doc) error {
	path := filepath.Join(dir, d.Name)
	if err := os.WriteFile(path, d.Body, 0o644); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	lab, err := json.MarshalIndent(d.Label, "", " ")
	if err != nil {
		return fmt.Errorf("label %q: %w", d.Name, err)
	}
	lpath := filepath.Join(dir, stem(d.Name)+".json")
	if err := os.WriteFile(lpath, append(lab, '\n'), 0o644); err != nil {
		return fmt.Errorf("write %q: %w", lpath, err)
	}
	return nil
}

func stem(name string) string { return name[:len(name)-len(filepath.Ext(name))] }

// ReadLabels reads every NAME.json label of a generated corpus, keyed by
// NAME (the file stem, as score.py keys reports).
func ReadLabels(dir string) (map[string]Label, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("labels in %q: %w", dir, err)
	}
	out := make(map[string]Label, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("label %q: %w", f, err)
		}
		var l Label
		if err := json.Unmarshal(b, &l); err != nil {
			return nil, fmt.Errorf("label %q: %w", f, err)
		}
		out[stem(filepath.Base(f))] = l
	}
	return out, nil
}
