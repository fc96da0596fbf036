package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/xxgk/xxgk/etl/correct"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries/labels"
)

// addCorrectionsFlag adds --corrections to a command that reads or writes
// the database.
func addCorrectionsFlag(fs *flag.FlagSet) *string {
	return fs.String("corrections", "", "the corrections file (default: "+correct.FileName+" beside the database)")
}

// correctionsFile is the corrections file of a command: the flag's, else
// the one beside the database.
func correctionsFile(flagValue, db string) string {
	if flagValue != "" {
		return canonical(flagValue)
	}
	return correct.DefaultPath(db)
}

// maxStaleNamed is how many stale lines an apply names on stderr; status
// lists them all.
const maxStaleNamed = 10

// applyCorrections makes the corrections file the overlay of the working
// copy (etl/correct) and says on stderr which lines it refused and which
// have gone stale. The refused lines do not stop the command: the others
// apply.
func applyCorrections(ctx context.Context, w *writer, file string, stderr io.Writer) (*correct.Result, error) {
	res, err := correct.Apply(ctx, w.s.DB(), file)
	if err != nil {
		return nil, fail(err, "cannot apply the corrections %s to %s", file, w.path)
	}
	for _, r := range res.Refused {
		fmt.Fprintf(stderr, "xxgk: %s %s %s%s：%s\n", labels.Correction("mark"), esc(r.File), labels.CorrectionLine(r.Line),
			labels.Correction("refused_line"), refusal(r))
	}
	if n := len(res.Stale); n > 0 {
		// Named by line, so a reference to a report that was never stored
		// (a mistyped hash) is seen at once; kept, not dropped: the report
		// may come.
		fmt.Fprintf(stderr, "xxgk: %d 条人工校正已失效（`xxgk status` 列出）：\n", n)
		for i, l := range res.Stale {
			if i == maxStaleNamed {
				fmt.Fprintf(stderr, "xxgk:   ……另有 %d 条\n", n-i)
				break
			}
			fmt.Fprintf(stderr, "xxgk:   %s %s %s：%s\n", labels.CorrectionLine(l.Seq), esc(l.Ref), esc(keyName(l.Field)),
				labels.Stale(l.Stale))
		}
	}
	return res, nil
}

// refusal says in Chinese why a line of the corrections file was refused,
// quoting what it wrote, escaped for the terminal.
func refusal(r *correct.RowError) string {
	return labels.Refusal(r.Code, esc(r.Value))
}

// printDrift says how the corrections file differs from what the
// snapshot applied (`xxgk status`, which cannot apply it: it reads a
// read-only snapshot): the lines not yet applied, the lines dropped from
// the file, the lines an apply would refuse. It prints nothing when the
// file and the database agree and every line is valid.
func printDrift(ctx context.Context, s *load.Store, file string, w io.Writer) error {
	d, err := correct.Compare(ctx, s.DB(), file)
	if err != nil {
		return fail(err, "cannot compare the corrections %s with %s", file, s.Path())
	}
	if !d.Differs() && len(d.Refused) == 0 {
		return nil
	}
	if d.Differs() {
		fmt.Fprintf(w, "\n%s（%s）：%s（`xxgk ingest`、`xxgk run` 或 `xxgk build`）\n", labels.Correction("file_differs"),
			esc(file), labels.Correction("apply_hint"))
	} else {
		fmt.Fprintf(w, "\n%s %s：\n", labels.Correction("mark"), esc(file))
	}
	if d.AppliedFile != "" {
		fmt.Fprintf(w, "  %s：%s\n", labels.Correction("other_file"), esc(d.AppliedFile))
	}
	if len(d.Pending) > 0 {
		fmt.Fprintf(w, "  %s（%d 行）：\n", labels.Correction("pending"), len(d.Pending))
		g := grid{indent: "    "}
		for _, r := range d.Pending {
			g.add(labels.CorrectionLine(r.Line), esc(r.Report), esc(keyName(r.Key))+" = "+esc(r.Value), esc(r.Why))
		}
		if err := g.write(w); err != nil {
			return err
		}
	}
	if d.Removed > 0 {
		fmt.Fprintf(w, "  %s：%d 行\n", labels.Correction("removed"), d.Removed)
	}
	if len(d.Refused) > 0 {
		fmt.Fprintf(w, "  %s（%d 行）：\n", labels.Correction("refused"), len(d.Refused))
		g := grid{indent: "    "}
		for _, r := range d.Refused {
			g.add(labels.CorrectionLine(r.Line), refusal(r))
		}
		return g.write(w)
	}
	return nil
}

// warnDrift says on stderr when the corrections file differs from what
// the snapshot applied, so a reader of `xxgk query` knows its result
// lacks them. A file that cannot be read is said too; the query goes on.
func warnDrift(ctx context.Context, s *load.Store, file string, stderr io.Writer) {
	d, err := correct.Compare(ctx, s.DB(), file)
	if err != nil {
		fmt.Fprintf(stderr, "xxgk: %s\n", esc(fail(err, "cannot compare the corrections %s with %s", file, s.Path()).Error()))
		return
	}
	if !d.Differs() {
		return
	}
	var parts []string
	if n := len(d.Pending); n > 0 {
		parts = append(parts, fmt.Sprintf("%s %d 行", labels.Correction("pending"), n))
	}
	if d.Removed > 0 {
		parts = append(parts, fmt.Sprintf("%s %d 行", labels.Correction("removed"), d.Removed))
	}
	fmt.Fprintf(stderr, "xxgk: %s（%s；%s）：%s；%s（`xxgk ingest`、`xxgk run` 或 `xxgk build`）\n",
		labels.Correction("file_differs"), esc(file), strings.Join(parts, "，"), labels.Correction("not_in_query"),
		labels.Correction("apply_hint"))
}

// recordCorrections writes what the apply changed into the change log of
// run id.
func recordCorrections(ctx context.Context, w *writer, id int64, res *correct.Result) error {
	if res == nil || len(res.Changes) == 0 || id == 0 {
		return nil
	}
	if err := correct.Record(ctx, w.s.DB(), id, res.File, res.Changes); err != nil {
		return fail(err, "cannot record the corrections' changes in %s", w.path)
	}
	return nil
}

func runCorrect(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "REPORT KEY VALUE --why TEXT [--who NAME] [--source TEXT] [--db FILE] [--corrections FILE]",
		"Appends a correction to the corrections file, after checking it: REPORT is a content hash as "+
			"`xxgk query coverage` shows it (or its first 8 or more digits), or AGENCY:YEAR (AGENCY:YEAR:h1 for a "+
			"half-year report); KEY a metric key of spec/metrics.tsv, a report field (agency, year, period, form, "+
			"not_a_report) or flag:RULE:SCOPE to review a quality finding; VALUE a number or blank (for a flag: "+
			"确认无误 or 需修正). The next ingest, run or build applies it.",
		"xxgk correct 3f2a9c1d apps_new.total 25 --why \"表格第一行读错了列\" --who 张三")
	dbFlag := fs.String("db", defaultDB, "the DuckDB file the report is looked up in")
	cf := addCorrectionsFlag(fs)
	why := fs.String("why", "", "why the value is corrected (required)")
	who := fs.String("who", os.Getenv("USER"), "who corrects it")
	source := fs.String("source", "", "the sentence or table cell the corrected value is printed in")
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 3 {
		return usagef("%s", labels.Refusal("arg_count", strconv.Itoa(len(pos))))
	}
	row := correct.Row{Report: pos[0], Key: pos[1], Value: pos[2], Who: *who, Why: *why, Source: *source,
		When: time.Now().UTC().Format(time.RFC3339)}
	if _, err := correct.Parse(row); err != nil {
		return refusedArg(err)
	}
	dbPath := canonical(*dbFlag)
	s, err := openRead(ctx, dbPath)
	if err != nil {
		return err
	}
	id, err := correct.Resolve(ctx, s.DB(), row.Report)
	s.Close()
	if err != nil {
		return refusedArg(err)
	}
	if id == "" {
		return usagef("%s（%s）", labels.Refusal("unknown_report", row.Report), dbPath)
	}
	file := correctionsFile(*cf, dbPath)
	if err := correct.Append(file, row); err != nil {
		return fail(err, "cannot write the corrections file %s", file)
	}
	fmt.Fprintf(e.stdout, "已记下%s：报告 %s，%s = %s（%s）\n写入 %s；下一次 `xxgk ingest`、`xxgk run` 或 `xxgk build` 时生效\n",
		labels.Correction("mark"), id[:min(16, len(id))], esc(keyName(row.Key)), esc(row.Value), esc(row.Why), esc(file))
	return nil
}

// refusedArg is the usage error of an argument correct.Parse or
// correct.Resolve refused: the Chinese sentence of its refusal code, with
// the value as written (exitCode escapes it for the terminal). Any other
// error is a usage error as it reads.
func refusedArg(err error) error {
	var r *correct.Refusal
	if errors.As(err, &r) {
		return usagef("%s", labels.Refusal(r.Code, r.Value))
	}
	return usagef("%v", err)
}

// keyName is the Chinese name of a correction's key: a metric's label, or
// the report field, or the flag as written.
func keyName(key string) string {
	switch key {
	case correct.FieldAgency, correct.FieldYear, correct.FieldPeriod, correct.FieldForm, correct.FieldNotAReport:
		return labels.Correction("field_" + key)
	}
	if strings.HasPrefix(key, correct.FlagPrefix) {
		return key
	}
	if _, ok := report.LookupKey(key); ok {
		return labels.Key(key)
	}
	return key
}

func runCorrections(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export --labels DIR [--jsonl FILE] [--db FILE]",
		"Writes every report a correction applies to as a labelled case (NAME.txt and NAME.json in the format of "+
			"the labelled corpus), with its figures and identity as corrected, so a reader's fix becomes a regression "+
			"test for the extractor; --jsonl also writes the corrected reading in the exchange format, which "+
			"score.py scores 1.000 against the labels.",
		"xxgk corrections export --labels out/corrected && python3 ../shared/tools/score.py out/corrected out.jsonl")
	dbFlag := fs.String("db", defaultDB, "the DuckDB file to read")
	dir := fs.String("labels", "", "the folder to write the labelled reports to (required)")
	jsonl := fs.String("jsonl", "", "also write the corrected reading, one JSON line per report, to this file")
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "export" {
		return usagef("want the subcommand export (xxgk corrections export --labels DIR)")
	}
	if *dir == "" {
		return usagef("--labels DIR is required: the folder to write the labelled reports to")
	}
	s, err := openRead(ctx, canonical(*dbFlag))
	if err != nil {
		return err
	}
	defer s.Close()
	var out io.Writer
	var f *os.File
	if *jsonl != "" {
		if f, err = os.Create(*jsonl); err != nil {
			return fail(err, "cannot write %s", *jsonl)
		}
		defer f.Close()
		out = f
	}
	n, skipped, err := correct.Export(ctx, s.DB(), canonical(*dir), out)
	if err != nil {
		return fail(err, "cannot export the corrected reports to %s", *dir)
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return fail(err, "cannot write %s", *jsonl)
		}
	}
	for _, id := range skipped {
		fmt.Fprintf(e.stderr, "xxgk: 报告 %s 没有存原文（由交换记录载入），未导出\n", esc(id))
	}
	fmt.Fprintf(e.stdout, "导出 %d 份经人工校正的报告到 %s\n", n, esc(*dir))
	return nil
}
