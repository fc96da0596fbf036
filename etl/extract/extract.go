package extract

import (
	"fmt"
	"path/filepath"
	"runtime/debug"

	"github.com/xxgk/xxgk/etl/detect"
	"github.com/xxgk/xxgk/etl/extract/prose"
	"github.com/xxgk/xxgk/etl/extract/tables"
	"github.com/xxgk/xxgk/etl/grade"
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/validate"
)

// UnidentifiedPrefix starts the agency name of a report whose text does not
// name its agency; the file name follows.
const UnidentifiedPrefix = "未识别机关:"

// Document turns a read document into a Report: normalise, identify, extract
// the tables and the prose, merge them, check the identities, and note what
// the text says about the report itself (grade.Of). A parser
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
	id, err := detect.IdentifyWith(t, doc.Meta, doc.Supplied)
	if err != nil {
		return nil, &report.FileError{Path: doc.Path, Stage: report.StageIdentify, Err: err}
	}
	if id.Agency == "" {
		// A report whose text never names its agency keeps its figures, but
		// under a name of its own file: unknown agencies must not merge into
		// one series, and the name says plainly that nobody knows whose it is.
		id.Agency = UnidentifiedPrefix + filepath.Base(doc.Path)
	}
	tab := tables.Extract(t)
	form := tab.Form
	if form == "" {
		form = detect.Form(t.Norm)
	}
	pm, amb := prose.Extract(t, id)
	r = &report.Report{
		ID: doc.Hash, Path: doc.Path, Format: doc.Format, Encoding: doc.Encoding, Size: doc.Size,
		Identity: id, Form: form,
		Metrics:   Merge(tab.Metrics, pm), // in key order
		Ambiguous: tab.Ambiguous,
	}
	r.Ambiguous = append(r.Ambiguous, amb...)
	r.Checks = validate.Report(form, r.Metrics, pm)
	r.Facts = grade.Of(t, id)
	r.Metrics = dropCheckOnly(r.Metrics)
	return r, nil
}

// Merge combines table and prose figures under one key each, in key order.
// A table cell is the more trusted source, so it wins; a prose figure fills
// keys no table gave, and also replaces a blank table cell only when the
// table has no figure at all for that key. Put another way: of the metrics
// under a key, table ones first and each source in its own order, the first
// figure wins, or the first metric when none is a figure.
//
// It sorts the metrics (stably, so that order is kept within a key) and
// keeps one of each run of equal keys: the report is sorted by key anyway,
// and this needs no map from key to position. Like append, it works in
// table's storage when that has room for prose (tables.Extract leaves
// some), so the caller must not use table afterwards.
func Merge(table, prose []report.Metric) []report.Metric {
	all := append(table, prose...)
	sorted := report.Report{Metrics: all}
	sorted.SortMetrics()
	all = sorted.Metrics
	out := all[:0] // written behind the read position
	for i := 0; i < len(all); {
		j, pick := i+1, -1
		if all[i].IsNumber() {
			pick = i
		}
		for ; j < len(all) && all[j].Key == all[i].Key; j++ {
			if pick < 0 && all[j].IsNumber() {
				pick = j
			}
		}
		if pick < 0 {
			pick = i
		}
		out = append(out, all[pick])
		i = j
	}
	return out
}

// dropCheckOnly removes, in place, the figures read only for the checks
// (report.IsCheckOnly): they have no key in metrics.tsv and are never
// printed or stored.
func dropCheckOnly(ms []report.Metric) []report.Metric {
	out := ms[:0]
	for _, m := range ms {
		if !report.IsCheckOnly(m.Key) {
			out = append(out, m)
		}
	}
	return out
}
