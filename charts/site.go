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
	return []string{filepath.Join(siteDir, "index.html"), filepath.Join(siteDir, "method.html"), filepath.Join(siteDir, "quality.html")}, nil
}

func writeSite(ctx context.Context, run QueryFunc, d *siteData, ts *templates, dir string, now time.Time) error {
	if err := os.Mkdir(filepath.Join(dir, "agencies"), 0o755); err != nil {
		return err
	}
	for name, b := range map[string][]byte{
		"echarts.min.js": echartsJS, "echarts-LICENSE.txt": echartsLicense, "echarts-NOTICE.txt": echartsNotice,
		"echarts-LICENSE-d3.txt": echartsLicenseD3, "style.css": styleCSS, "site.js": siteJS,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	generated := now.UTC().Format("2006-01-02 15:04 UTC")
	write := func(rel string, t *template.Template, p *page) error {
		p.Generated, p.EChartsVersion = generated, echartsVersion
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
	idx, err := d.indexPage()
	if err != nil {
		return err
	}
	if err := write("index.html", ts.index, idx); err != nil {
		return err
	}
	if err := write("method.html", ts.method, d.methodPage()); err != nil {
		return err
	}
	if err := write("quality.html", ts.quality, d.qualityPage()); err != nil {
		return err
	}
	// Agency pages are independent: render them on all cores, a batch of
	// agencies at a time with their sources, which are let go after.
	for batch := range slices.Chunk(d.agencies, queries.SourceBatch) {
		if err := d.loadSources(ctx, run, batch); err != nil {
			return err
		}
		if err := writeAgencyPages(ctx, d, batch, ts, write); err != nil {
			return err
		}
		for _, a := range batch {
			a.sources = nil
		}
	}
	return nil
}

func writeAgencyPages(ctx context.Context, d *siteData, batch []*agency, ts *templates, write func(string, *template.Template, *page) error) error {
	return parallel.Each(ctx, batch, func(a *agency) error {
		p, err := d.agencyPage(a)
		if err == nil {
			err = write(filepath.Join("agencies", a.ID+".html"), ts.agency, p)
		}
		if err != nil {
			return fmt.Errorf("agency %q: %w", a.Name, err)
		}
		return nil
	})
}
