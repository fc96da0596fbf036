package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/queries/labels"
)

// TestStatusShowsRunsErrorsAndChanges ingests a copy of the samples with one
// bad file, edits a sample, ingests again, and reads both through status.
func TestStatusShowsRunsErrorsAndChanges(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	genCorpus(t, in, 5)
	bad := filepath.Join(in, "not-a-report.txt")
	os.WriteFile(bad, []byte("会议通知：明天上午九点开会。\n"), 0o644)
	db := filepath.Join(dir, "x.duckdb")

	code, out, stderr := run(t, "ingest", "--db", db, in)
	if code != exitPartial {
		t.Fatalf("ingest with a bad file: exit %d, want %d\n%s", code, exitPartial, stderr)
	}
	// One line names the bad file; the last says how many failed.
	if lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n"); len(lines) != 2 || !strings.Contains(lines[0], bad) ||
		!strings.Contains(lines[1], "1 of 6 files failed") {
		t.Errorf("stderr = %q, want one line naming %s and the count", stderr, bad)
	}
	if !strings.Contains(out, "新增 5，") || !strings.Contains(out, "读取失败 1（") {
		t.Errorf("summary = %q", out)
	}

	// Remove one file and add one.
	os.Remove(filepath.Join(in, "gen_0000.txt"))
	more := filepath.Join(in, "more.txt")
	b, _ := os.ReadFile(filepath.Join(in, "gen_0001.txt"))
	os.WriteFile(more, append(b, "（另一份）\n"...), 0o644)
	// The bad file is unchanged and its error still open: exit 1, and say so.
	code, out, stderr = run(t, "ingest", "--db", db, in)
	if code != exitPartial {
		t.Fatalf("second ingest with an open error: exit %d, want %d\n%s", code, exitPartial, stderr)
	}
	if !strings.Contains(out, "仍有 1 个未解决的读取错误") {
		t.Errorf("second ingest does not say an error remains:\n%s", out)
	}

	code, out, _ = run(t, "status", "--db", db)
	if code != exitOK {
		t.Fatalf("status: exit %d", code)
	}
	// Newest first: run 2 saw 6 files (1 parsed and new, 5 skipped, 1 removed); run 1 saw 6.
	for _, re := range []string{
		`(?m)^\s+2\s+入库\s+\S+ \S+\s+\S+ \S+\s+6\s+1\s+1\s+0\s+5\s+1\s+0$`,
		`(?m)^\s+1\s+入库\s+\S+ \S+\s+\S+ \S+\s+6\s+6\s+5\s+0\s+0\s+0\s+1$`,
		`未解决的读取错误（1 个）`,
		regexp.QuoteMeta(bad) + `\s+失败的环节：识别机关与年度；原始错误信息：not a `,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("status output lacks %s:\n%s", re, out)
		}
	}

	code, out, _ = run(t, "status", "--db", db, "--changes")
	if code != exitOK {
		t.Fatalf("status --changes: exit %d", code)
	}
	for _, want := range []string{"第 2 次运行（入库）的变化", `新增\s+` + regexp.QuoteMeta(more),
		`已移除\s+` + regexp.QuoteMeta(filepath.Join(in, "gen_0000.txt")) + `\s+已不在输入中`} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("status --changes lacks %s:\n%s", want, out)
		}
	}
}

func TestStatusWithoutDatabase(t *testing.T) {
	code, _, stderr := run(t, "status", "--db", filepath.Join(t.TempDir(), "none.duckdb"))
	if code != exitFatal || !strings.Contains(stderr, "there is no database at") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("status without a database: exit %d, %q", code, stderr)
	}
}

// TestStatusReportIsChinese: what status and status --changes report is in
// Chinese, codes named through queries/labels (the words of the site and
// the workbooks); only paths and the readers' own error messages, printed
// as they are, may hold Latin letters. A figure that changed is named by
// its key's label, old → new, and one that disappeared says 未报告.
func TestStatusReportIsChinese(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	report := func(received, denied string) []byte {
		return []byte("洛阳市司法局2023年政府信息公开工作年度报告\n\n本报告根据《中华人民共和国政府信息公开条例》编制。\n\n" +
			"一、总体情况\n2023年，甲市司法局共受理政府信息公开申请" + received + "件，其中予以公开2件，部分公开1件" + denied + "，无法提供2件。\n")
	}
	a := filepath.Join(in, "a.txt")
	os.WriteFile(a, report("12", "，不予公开7件"), 0o644)
	os.WriteFile(filepath.Join(in, "b.txt"), []byte("会议通知：明天上午九点开会。\n"), 0o644)
	db := filepath.Join(dir, "x.duckdb")
	code, ingested, stderr := run(t, "ingest", "--db", db, in)
	if code != exitPartial {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	os.WriteFile(a, report("13", ""), 0o644)
	code, reingested, stderr := run(t, "ingest", "--db", db, in)
	if code != exitPartial {
		t.Fatalf("second ingest: exit %d\n%s", code, stderr)
	}
	_, status, _ := run(t, "status", "--db", db)
	_, changes, _ := run(t, "status", "--db", db, "--changes")
	_, first, _ := run(t, "status", "--db", db, "--changes", "--run", "1")
	_, unchanged, _ := run(t, "ingest", "--db", db, in)
	q := regexp.QuoteMeta
	for _, c := range []struct{ out, want string }{
		{changes, q(labels.Key("apps_new.total")) + `\s+12 → 13\n`},
		{changes, q(labels.Key("denied.total")) + `\s+7 → （` + q(labels.Blank("not_reported")) + `）\n`},
		{changes, q(labels.Change("changed")) + `\s+` + q(a) + `\s+洛阳市司法局 2023 年全年；2 个数字有变化\n`},
		{first, q(labels.Change("new")) + `\s+` + q(a) + `\s+洛阳市司法局 2023 年全年，5 个数字\n`},
		{first, q(labels.Change("failed")) + `\s+` + q(filepath.Join(in, "b.txt")) + `\s+失败的环节：` + q(labels.Stage("identify")) + `；原始错误信息：`},
		{status, `(?m)^\s+2\s+` + q(labels.RunKind("ingest")) + `\s`},
		{ingested, `新增 1，有变化 0，跳过 0，已移除 0，读取失败 1（解析 2 个）\n`},
		{reingested, `新增 0，有变化 1，跳过 1，已移除 0，读取失败 0（解析 1 个）\n仍有 1 个未解决的读取错误`},
		{unchanged, `^没有变化：2 个文件未改动，解析 0 个（用时 [^）]+）\n仍有 1 个未解决的读取错误`},
		{status, `(?m)^\s+\* ` + q(a) + `\s+发布日期不明，4 个数字，` + q(labels.ReportState(true)) + `$`},
		{status, `(?m)^\s+` + q(a) + `\s+发布日期不明，5 个数字，` + q(labels.ReportState(false)) + `$`},
	} {
		if !regexp.MustCompile(c.want).MatchString(c.out) {
			t.Errorf("status lacks %s:\n%s", c.want, c.out)
		}
	}
	latin := regexp.MustCompile(`[A-Za-z]{2,}`)
	path := regexp.MustCompile(`/\S+`) // the user's file names
	for what, out := range map[string]string{"status": status, "status --changes": changes, "status --changes --run 1": first,
		"ingest": ingested, "second ingest": reingested, "third ingest": unchanged} {
		for _, line := range strings.Split(out, "\n") {
			line, _, _ = strings.Cut(line, "原始错误信息：") // the reader's own words
			line = path.ReplaceAllString(line, "")
			line = strings.ReplaceAll(line, "（UTC）", "")
			line = strings.ReplaceAll(line, "--run N", "")
			line = strings.ReplaceAll(line, "`xxgk status`", "")
			if w := latin.FindString(line); w != "" {
				t.Errorf("%s prints %q in %q", what, w, line)
			}
		}
	}
}
