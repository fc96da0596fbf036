package charts

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
)

//go:embed templates/*.html
var templateFS embed.FS

// page is what the layout template renders.
type page struct {
	Title  string
	Root   string // relative path from the page to the site root
	Nav    string
	Footer footer
	Charts []chartBlock
	Body   any
	// ECharts loads the chart script on a page whose charts its own script
	// draws (the explorer).
	ECharts bool
}

// footer is the citation of every page: the data stamp, the version of
// xxgk and of ECharts, and when the site was built.
type footer struct {
	Built, Version, ECharts string
	Stamp                   stamp
}

type templates struct {
	index, agencies, agency, method, quality, source, explorer, metric, metrics, downloads *template.Template
}

func parseTemplates() (*templates, error) {
	parse := func(name string) (*template.Template, error) {
		t, err := template.New(name).ParseFS(templateFS, "templates/layout.html", "templates/parts.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		return t, nil
	}
	var ts templates
	var err error
	for name, dst := range map[string]**template.Template{"index": &ts.index, "agencies": &ts.agencies, "agency": &ts.agency,
		"method": &ts.method, "quality": &ts.quality, "source": &ts.source, "explorer": &ts.explorer, "metric": &ts.metric,
		"metrics": &ts.metrics, "downloads": &ts.downloads} {
		if *dst, err = parse(name); err != nil {
			return nil, err
		}
	}
	return &ts, nil
}

func render(w io.Writer, t *template.Template, p *page) error {
	return t.ExecuteTemplate(w, "layout", p)
}

func yearLabels(years []int) []string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = strconv.Itoa(y)
	}
	return out
}
