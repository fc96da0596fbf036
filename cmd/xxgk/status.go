package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/xxgk/xxgk/etl/correct"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/internal/termtext"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// esc escapes what status prints from the database: paths, messages and
// agency names come from the inputs, and a terminal must not act on the
// control characters they may hold.
func esc[S ~string](s S) string { return termtext.Escape(string(s)) }

func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "[--db FILE] [--corrections FILE] [--runs N] [--changes [--run N]]",
		"Prints the last runs, the open errors and the conflicts, or with --changes what a run changed, from the published snapshot.",
		"xxgk status --changes")
	dbFlag := fs.String("db", defaultDB, "the DuckDB file")
	cf := addCorrectionsFlag(fs)
	nRuns := fs.Int("runs", 10, "how many of the last runs to list")
	changes := fs.Bool("changes", false, "print what the last ingest changed: new, changed (figures old → new), removed, failed")
	runID := fs.Int64("run", 0, "with --changes: the run to show instead of the last one")
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q: status takes only flags", pos[0])
	case *nRuns < 1:
		return usagef("--runs %d: want at least 1", *nRuns)
	case *runID < 0:
		return usagef("--run %d: run numbers start at 1", *runID)
	case *runID != 0 && !*changes:
		return usagef("--run %d goes with --changes (`xxgk status --changes --run %d`)", *runID, *runID)
	}
	db := canonical(*dbFlag)
	s, err := openRead(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if held, pid := load.Held(db); held {
		// The snapshot is what readers see; say that a writer is at work.
		fmt.Fprintf(e.stdout, "一个运行（进程 %d）正在写入数据库：以下是它最近发布的快照。\n\n", pid)
	} else if ahead(db) {
		fmt.Fprintf(e.stdout, "有一次运行在发布这份快照之后停止了（崩溃或被终止）：它已提交的批次在工作副本里，"+
			"下一次入库或运行会发布它们。\n\n")
	}
	if last, _, ok := load.Kept(db); ok {
		// The runs that changed nothing were not copied into the snapshot.
		fmt.Fprintf(e.stdout, "之后到第 %d 次为止的运行没有改变任何数据，所以没有重新发布快照："+
			"数据与工作副本相同，只是这些运行不在下面的列表里。\n\n", last)
	}
	if *changes {
		return printChanges(ctx, s, *runID, e.stdout)
	}
	return printStatus(ctx, s, *nRuns, correctionsFile(*cf, db), e.stdout)
}

// ahead reports whether the working copy was written after the snapshot
// was published, or last found current (load.Kept), by a run that died
// before it could publish.
func ahead(db string) bool {
	snap, err1 := os.Stat(db)
	work, err2 := os.Stat(load.WorkPath(db))
	wal, err3 := os.Stat(load.WALPath(load.WorkPath(db)))
	if err1 != nil || err2 != nil {
		return false
	}
	latest := work.ModTime()
	if err3 == nil && wal.Size() > 0 && wal.ModTime().After(latest) {
		latest = wal.ModTime()
	}
	inStep := snap.ModTime()
	if _, at, ok := load.Kept(db); ok && at.After(inStep) {
		inStep = at
	}
	return latest.After(inStep)
}

// The report of status is read by people: in Chinese, every code named
// through queries/labels as on the site and in the workbooks. Paths,
// agency names and the readers' own error messages are printed as stored,
// escaped for the terminal.

func printStatus(ctx context.Context, s *load.Store, n int, corrections string, w io.Writer) error {
	runs, err := s.Runs(ctx, n)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "数据库 %s\n\n", esc(s.Path()))
	if len(runs) == 0 {
		fmt.Fprintln(w, "还没有运行过。")
	} else {
		fmt.Fprintln(w, "最近的运行（新的在前）：")
		g := grid{indent: "  "}
		g.add("编号", "类型", "开始时间（UTC）", "用时", "文件", "解析", "新增", "有变化", "跳过", "已移除", "失败")
		var stopped []int64
		for _, r := range runs {
			id, kind, started := strconv.FormatInt(r.ID, 10), labels.RunKind(r.Kind), r.Started.UTC().Format(time.DateTime)
			if r.Kind == "build" {
				g.add(id, kind, started, took(r.Duration()))
				continue
			}
			t := took(r.Duration())
			if r.Unfinished {
				t = "未完成，已用 " + t
				stopped = append(stopped, r.ID)
			}
			g.add(id, kind, started, t, count(r.FilesSeen), count(r.Parsed), count(r.New), count(r.Changed),
				count(r.Skipped), count(r.Removed), count(r.Failed))
		}
		g.write(w)
		for _, id := range stopped {
			// Honest about a crash: the counts are of the chunks it
			// committed, and nothing after them was written.
			fmt.Fprintf(w, "  第 %d 次运行没有到结束就停止了（崩溃或被终止）：计数只含它已提交的批次；"+
				"移除的文件没有记下；下一次运行会接着处理其余的文件。\n", id)
		}
	}
	errs, err := s.OpenErrors(ctx)
	if err != nil {
		return err
	}
	if len(errs) == 0 {
		fmt.Fprintln(w, "\n未解决的读取错误：无")
	} else {
		fmt.Fprintf(w, "\n未解决的读取错误（%d 个）：读取失败、此后没有改动过的文件\n", len(errs))
		g := grid{indent: "  "}
		for _, e := range errs {
			g.add(esc(e.Path), failedAt(e.Stage, e.Message))
		}
		g.write(w)
	}
	conf, err := s.Conflicts(ctx)
	if err != nil {
		return err
	}
	printConflicts(w, conf)
	if err := printStaleCorrections(ctx, s, w); err != nil {
		return err
	}
	return printDrift(ctx, s, corrections, w)
}

// printStaleCorrections lists the corrections that no longer do anything
// (the named query corrections): never dropped silently.
func printStaleCorrections(ctx context.Context, s *load.Store, w io.Writer) error {
	res, err := queries.Run(ctx, s.DB(), "corrections", queries.Filter{})
	if err != nil {
		return fail(err, "cannot read the corrections of %s", s.Path())
	}
	col := map[string]int{}
	for i, c := range res.Columns {
		col[c] = i
	}
	str := func(row []any, name string) string {
		if v := row[col[name]]; v != nil {
			return fmt.Sprint(v)
		}
		return ""
	}
	g := grid{indent: "  "}
	n := 0
	for _, row := range res.Rows {
		stale := str(row, "stale")
		if stale == "" {
			continue
		}
		n++
		g.add(fmt.Sprintf("第 %s 行", str(row, "line")), esc(str(row, "report_ref")), esc(keyName(str(row, "key"))),
			labels.Stale(stale))
	}
	if n == 0 {
		return nil
	}
	fmt.Fprintf(w, "\n已失效的%s（%d 条，仍在校正文件中）：\n", labels.Correction("mark"), n)
	return g.write(w)
}

// took says how long a run took, in Chinese units.
func took(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%d 毫秒", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.1f 秒", d.Seconds())
	case d < time.Hour:
		return fmt.Sprintf("%d 分 %d 秒", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%d 小时 %d 分", int(d.Hours()), int(d.Minutes())%60)
}

func count(n int) string { return strconv.Itoa(n) }

// failedAt says at which stage a file failed, then the reader's own
// message (English, from the reader or the operating system), as the
// site's quality page shows it.
func failedAt(stage, message string) string {
	return "失败的环节：" + labels.Stage(stage) + "；原始错误信息：" + esc(message)
}

// printConflicts lists agency-years with several reports, preferred first.
func printConflicts(w io.Writer, conf []load.ConflictReport) {
	if len(conf) == 0 {
		fmt.Fprintln(w, "\n同一机关同一年度的多份报告：无（每个机关每年一份）")
		return
	}
	groups := 0
	for i, c := range conf {
		if i == 0 || !sameGroup(conf[i-1], c) {
			groups++
		}
	}
	fmt.Fprintf(w, "\n同一机关同一年度的多份报告（%d 组；* 为选用的一份：现行内容优先，其次发布日期较晚、数字较多、入库较晚）：\n", groups)
	for i, c := range conf {
		if i == 0 || !sameGroup(conf[i-1], c) {
			fmt.Fprintf(w, "  %s\n", identity(c.Agency, c.Year, c.Period))
		}
		mark := " "
		if c.Preferred {
			mark = "*"
		}
		pub := "发布日期不明"
		if c.Published != "" {
			pub = "发布于 " + esc(c.Published)
		}
		fmt.Fprintf(w, "    %s %s  %s，%d 个数字，%s\n", mark, esc(c.Path), pub, c.Figures, labels.ReportState(c.Current))
	}
}

func sameGroup(a, b load.ConflictReport) bool {
	return a.Agency == b.Agency && a.Year == b.Year && a.Period == b.Period
}

func printChanges(ctx context.Context, s *load.Store, id int64, w io.Writer) error {
	if id == 0 {
		var err error
		if id, err = s.LastIngestRun(ctx); err != nil {
			return err
		}
		if id == 0 {
			fmt.Fprintln(w, "还没有入库过。")
			return nil
		}
	}
	r, ok, err := s.RunByID(ctx, id)
	if err != nil {
		return fail(err, "cannot read run %d from %s", id, s.Path())
	}
	if !ok {
		last, _ := s.LastIngestRun(ctx)
		return usagef("there is no run %d in %s (the last ingest is run %d; `xxgk status` lists the runs)", id, s.Path(), last)
	}
	chs, err := s.Changes(ctx, id)
	if err != nil {
		return fail(err, "cannot read the changes of run %d from %s", id, s.Path())
	}
	fmt.Fprintf(w, "第 %d 次运行（%s）的变化：\n", id, labels.RunKind(r.Kind))
	if r.Unfinished {
		fmt.Fprintln(w, "  （未完成：这次运行没有到结束就停止了；以下是它已提交的批次的变化）")
	}
	if len(chs) == 0 {
		fmt.Fprintln(w, "  没有变化（`xxgk status` 列出各次运行；--run N 查看更早的一次）")
		return nil
	}
	// The figures of a changed report follow its row: count them for it.
	figures := map[string]int{}
	for _, c := range chs {
		if c.Key != "" && !strings.HasPrefix(c.Kind, "correction_") {
			figures[c.Path]++
		}
	}
	g := grid{indent: "  "}
	for _, c := range chs {
		if strings.HasPrefix(c.Kind, "correction_") {
			g.add(labels.Change(c.Kind), esc(c.Path), describeCorrection(c))
			continue
		}
		if c.Key != "" {
			g.add("", "    "+labels.Key(c.Key), changeSide(c.Old, c.Detail, true)+" → "+changeSide(c.New, c.Detail, false))
			continue
		}
		g.add(labels.Change(c.Kind), esc(c.Path), describeChange(c, figures[c.Path]))
	}
	return g.write(w)
}

// describeChange says in words what became of a file: the report it holds
// now, what differs from the one it held, why it failed.
func describeChange(c load.LoggedChange, changedFigures int) string {
	switch c.Kind {
	case load.ChangeNew:
		if c.Agency == "" {
			return ""
		}
		return fmt.Sprintf("%s，%d 个数字", identity(c.Agency, c.Year, c.Period), c.Figures)
	case load.ChangeChanged:
		if c.Agency == "" {
			return ""
		}
		parts := []string{identity(c.Agency, c.Year, c.Period)}
		if c.OldAgency != "" {
			if c.OldAgency != c.Agency {
				parts = append(parts, "机关 "+esc(c.OldAgency)+" → "+esc(c.Agency))
			}
			if c.OldYear != c.Year || c.OldPeriod != c.Period {
				parts = append(parts, "年度 "+yearPeriod(c.OldYear, c.OldPeriod)+" → "+yearPeriod(c.Year, c.Period))
			}
			if c.OldForm != c.Form {
				parts = append(parts, "格式 "+labels.Form(c.OldForm)+" → "+labels.Form(c.Form))
			}
		}
		return strings.Join(parts, "；") + fmt.Sprintf("；%d 个数字有变化", changedFigures)
	case load.ChangeRemoved:
		return "已不在输入中，数据仍然保留"
	case load.ChangeFailed:
		// The detail is "stage: message" (etl/ingest).
		if stage, msg, ok := strings.Cut(c.Detail, ": "); ok && labels.Known("stage", stage) {
			return failedAt(stage, msg)
		}
		return "原始错误信息：" + esc(c.Detail)
	}
	return esc(c.Detail)
}

// describeCorrection says what a correction in the change log is about:
// the report, the key, the extracted and the corrected figure, and the
// reason given or why it went stale.
func describeCorrection(c load.LoggedChange) string {
	var parts []string
	if c.Agency != "" {
		parts = append(parts, identity(c.Agency, c.Year, c.Period))
	}
	side := func(v *float64) string {
		if v == nil {
			return labels.Correction("none")
		}
		return labels.Number(*v)
	}
	detail := c.Detail
	// A report field or a flag: the detail starts with the corrected text
	// (etl/correct.Record).
	if text, rest, ok := strings.Cut(detail, "\n"); ok {
		if strings.HasPrefix(c.Key, correct.FlagPrefix) {
			text = labels.Review(text)
		}
		parts = append(parts, esc(keyName(c.Key))+" → "+esc(text))
		detail = rest
	} else {
		parts = append(parts, esc(keyName(c.Key))+" "+side(c.Old)+" → "+side(c.New))
	}
	if c.Kind == "correction_stale" {
		parts = append(parts, labels.Stale(detail))
	} else if detail != "" {
		parts = append(parts, labels.Correction("why")+"："+esc(detail))
	}
	return strings.Join(parts, "；")
}

func identity(agency string, year int, period string) string {
	return esc(agency) + " " + yearPeriod(year, period)
}

func yearPeriod(year int, period string) string {
	return fmt.Sprintf("%d 年%s", year, labels.Period(period))
}

// changeSide prints one side of a changed figure: the number, or what the
// cell held instead (blank is not zero): 空白, 不适用, or 未报告 when that
// version of the report has no such figure.
func changeSide(v *float64, detail string, old bool) string {
	if v != nil {
		return labels.Number(*v)
	}
	// detail is "oldkind → newkind"; a kind is a value kind or "missing".
	a, b, ok := strings.Cut(detail, " → ")
	if !ok {
		return "？"
	}
	kind := b
	if old {
		kind = a
	}
	if kind == "missing" {
		return "（" + labels.Blank("not_reported") + "）"
	}
	return "（" + labels.ValueKind(kind) + "）"
}
