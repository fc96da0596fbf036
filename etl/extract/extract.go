package extract

import (
	"fmt"
	"runtime/debug"

	"github.com/xxgk/xxgk/etl/detect"
	"github.com/xxgk/xxgk/etl/extract/prose"
	"github.com/xxgk/xxgk/etl/extract/tables"
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/validate"
)

// Document turns a read document into a Report: normalise, identify, extract
// the tables and the prose, merge them, and check the identities. A parser
// panic becomes an error naming the file, so one bad input cannot stop a batch.
func Document(doc *report.Document) (r *report.Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			r = nil
			err = &report.FileError{Path: doc.Path, Stage: report.StageExtract,
				Err: fmt.Errorf("parser panic: %v\n%s", p, debug.Stack())}
		}
	}()
	t := normalize.New(doc.Text)
	id, err := detect.Identify(t)
	if err != nil {
		return nil, &report.FileError{Path: doc.Path, Stage: report.StageIdentify, Err: err}
	}
	tab := tables.Extract(t)
	form := tab.Form
	if form == "" {
		form = detect.Form(t.Norm)
	}
	pm := prose.Extract(t, id)
	r = &report.Report{
		ID: doc.Hash, Path: doc.Path, Format: doc.Format, Encoding: doc.Encoding, Size: doc.Size,
		Identity: id, Form: form,
		Metrics: Merge(tab.Metrics, pm),
	}
	r.SortMetrics()
	r.Checks = validate.Report(form, r.Metrics, pm)
	return r, nil
}

// Merge combines table and prose figures under one key each. A table cell is
// the more trusted source, so it wins; a prose figure fills keys no table
// gave, and also replaces a blank table cell only when the table has no
// figure at all for that key.
func Merge(table, prose []report.Metric) []report.Metric {
	out := make([]report.Metric, 0, len(table)+len(prose))
	seen := make(map[string]int, len(table))
	for _, m := range table {
		if i, ok := seen[m.Key]; ok {
			// The first printed cell wins; a later duplicate only fills a blank.
			if !out[i].IsNumber() && m.IsNumber() {
				out[i] = m
			}
			continue
		}
		seen[m.Key] = len(out)
		out = append(out, m)
	}
	for _, m := range prose {
		if i, ok := seen[m.Key]; ok {
			if !out[i].IsNumber() && m.IsNumber() {
				out[i] = m
			}
			continue
		}
		seen[m.Key] = len(out)
		out = append(out, m)
	}
	return out
}
