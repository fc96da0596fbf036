package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xxgk/xxgk/etl/synth"
	"github.com/xxgk/xxgk/internal/termtext"
)

func runGen(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "--agencies N --years A-B --seed S --out DIR [--html]",
		"Writes a labelled synthetic corpus (reports and their labels) for tests and benchmarks.",
		"xxgk gen --agencies 300 --years 2012-2023 --seed 1 --out out/synth")
	agencies := fs.Int("agencies", 100, "number of agencies; one report per agency and year")
	years := fs.String("years", "2014-2023", "report years, A-B inclusive")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
	out := fs.String("out", "", "folder to write NAME.txt|NAME.html and NAME.json labels into")
	html := fs.Bool("html", false, "write some reports as HTML pages (NAME.html); score.py pairs labels with NAME.txt only, xxgkbench scores both")
	breaks := fs.Float64("breaks", synth.DefaultBreakRate, "fraction of table reports with an injected identity break")
	glued := fs.Float64("glued", synth.DefaultGluedRate, "fraction of text reports whose tables lost their cell separators")
	copies := fs.Float64("copies", 0, "fraction of annual reports whose prose is copied from the agency's previous report or a peer's (labelled under \"copy\")")
	workers := fs.Int("workers", 0, "parallel writers (0: one per CPU)")
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	from, to, err := parseYears(*years)
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q: gen takes only flags", pos[0])
	case err != nil:
		return err
	case *out == "":
		return usagef("--out is missing: name the folder to write the corpus into")
	case *agencies <= 0:
		return usagef("--agencies %d: want at least 1", *agencies)
	case *copies < 0 || *copies > 1:
		return usagef("--copies %v: want a fraction in [0, 1]", *copies)
	}
	start := time.Now()
	st, err := synth.Write(ctx, synth.Config{
		Agencies: *agencies, From: from, To: to, Seed: *seed, HTML: *html,
		BreakRate: *breaks, GluedRate: *glued, CopyRate: *copies, Workers: *workers,
	}, *out)
	if err != nil {
		return fail(err, "cannot write the corpus to %s", *out)
	}
	el := time.Since(start)
	copied := ""
	if *copies > 0 {
		copied = fmt.Sprintf("，%d 份照抄他人", st.Copies)
	}
	fmt.Fprintf(e.stdout, "已生成 %d 份报告（%.1f MB，其中 %d 份故意插入了一处错误%s），写入 %s，用时 %s\n",
		st.Reports, float64(st.Bytes)/1e6, st.Breaks, copied, termtext.Escape(*out), took(el))
	return nil
}

// parseYears reads "A-B" (or a single year "A").
func parseYears(s string) (from, to int, err error) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		b = a
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || from < 1990 || to < from || to > 2100 {
		return 0, 0, usagef("--years %q: want A-B, e.g. 2014-2023", s)
	}
	return from, to, nil
}
