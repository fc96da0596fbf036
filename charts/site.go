package charts

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/xxgk/xxgk/internal/atomicout"
	"github.com/xxgk/xxgk/internal/parallel"
	"github.com/xxgk/xxgk/queries"
)

// Version is the xxgk version the page footers cite; the command sets it
// from its own (-ldflags -X main.version).
var Version = "dev"

// Build writes the chart site into siteDir from the named queries of db and
// returns the main pages it wrote. The site is assembled in a temporary
// folder beside siteDir and swapped in by rename, so readers see either the
// old site or the new one, never a half-built one.
func Build(ctx context.Context, db *sql.DB, siteDir string) ([]string, error) {
	return build(ctx, queries.DB(db), siteDir, time.Now())
}

// BuildWith is Build reading the named queries through run.
func BuildWith(ctx context.Context, run QueryFunc, siteDir string) ([]string, error) {
	return build(ctx, run, siteDir, time.Now())
}

func build(ctx context.Context, run QueryFunc, siteDir string, now time.Time) ([]string, error) {
	d, err := loadSite(ctx, run)
	if err != nil {
		return nil, err
	}
	ts, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	fill := func(tmp string) error { return writeSite(ctx, run, d, ts, tmp, now) }
	if err := atomicout.Dir(siteDir, "site", now, fill); err != nil {
		return nil, fmt.Errorf("build site %q: %w", siteDir, err)
	}
	var out []string
	for _, p := range []string{"index.html", "agencies.html", "explorer.html", "metrics.html", "method.html", "quality.html", "downloads.html",
		"source.html"} {
		out = append(out, filepath.Join(siteDir, p))
	}
	return out, nil
}

func writeSite(ctx context.Context, run QueryFunc, d *siteData, ts *templates, dir string, now time.Time) error {
	for _, sub := range []string{"agencies", "metrics"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	lj, err := labelsJS()
	if err != nil {
		return err
	}
	for name, b := range map[string][]byte{
		"echarts.min.js": echartsJS, "echarts-LICENSE.txt": echartsLicense, "echarts-NOTICE.txt": echartsNotice,
		"echarts-LICENSE-d3.txt": echartsLicenseD3, "style.css": styleCSS, "site.js": siteJS, "source.js": sourceJS, "explorer.js": explorerJS, "labels.js": lj,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	foot := footer{Built: now.UTC().Format("2006-01-02 15:04 UTC"), Version: Version, ECharts: echartsVersion, Stamp: d.stamp}
	write := func(rel string, t *template.Template, p *page) error {
		p.Footer = foot
		f, err := os.Create(filepath.Join(dir, rel))
		if err != nil {
			return err
		}
		w := bufio.NewWriterSize(f, 64<<10)
		if err := render(w, t, p); err != nil {
			f.Close()
			return fmt.Errorf("render %s: %w", rel, err)
		}
		if err := w.Flush(); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", rel, err)
		}
		return f.Close()
	}
	def, ok := d.defaultYear()
	years := d.years
	if !ok {
		years, def = []int{0}, 0 // one overview page that says there is nothing yet
	}
	for _, y := range years {
		p, err := d.overviewPage(y, def)
		if err != nil {
			return err
		}
		if err := write(overviewFile(y, def), ts.index, p); err != nil {
			return err
		}
	}
	for _, pg := range []struct {
		file string
		t    *template.Template
		p    *page
	}{
		{"agencies.html", ts.agencies, d.agenciesPage()},
		{"method.html", ts.method, d.methodPage()},
		{"quality.html", ts.quality, d.qualityPage()},
		{"source.html", ts.source, &page{Title: "原文", Nav: "source"}},
		{"explorer.html", ts.explorer, &page{Title: "探索", Nav: "explorer", ECharts: true}},
		{"metrics.html", ts.metrics, d.metricsIndex(def)},
		{"downloads.html", ts.downloads, &page{Title: "下载", Nav: "downloads"}},
	} {
		if err := write(pg.file, pg.t, pg.p); err != nil {
			return err
		}
	}
	for _, ind := range indicators() {
		p, err := d.metricPage(ind, def)
		if err == nil {
			err = write(ind.file(), ts.metric, p)
		}
		if err != nil {
			return fmt.Errorf("metric page %s: %w", ind.code, err)
		}
	}
	if err := d.writeExplorer(dir); err != nil {
		return fmt.Errorf("explorer data: %w", err)
	}
	// Agency pages are independent: render them on all cores.
	err = parallel.Each(ctx, d.agencies, func(a *agency) error {
		p, err := d.agencyPage(a)
		if err == nil {
			err = write(filepath.Join("agencies", a.ID+".html"), ts.agency, p)
		}
		if err != nil {
			return fmt.Errorf("agency %q: %w", a.Name, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Source pages hold the reports' text: a batch of agencies at a time,
	// two batches in flight, so memory stays bounded at any corpus size.
	names := make([]string, len(d.agencies))
	for i, a := range d.agencies {
		names[i] = a.Name
	}
	var seen shortIDs
	grades := make(map[string]grade, len(d.grades))
	for _, g := range d.grades {
		grades[g.Report] = g
	}
	return parallel.Each(ctx, slices.Collect(slices.Chunk(names, queries.SourceBatch)), func(batch []string) error {
		_, err := writeSources(ctx, run, dir, batch, &seen, grades)
		return err
	})
}
