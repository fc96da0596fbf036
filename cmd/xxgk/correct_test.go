package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// copySample copies sample reports into a new input folder.
func copySample(t *testing.T, names ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "in")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(sampleDir, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCorrectCommand: xxgk correct validates and appends; ingest and build
// apply the file (a figure and an agency survive a re-ingest and a
// rebuild), name the refused lines and go on; a revised report makes its
// correction stale, which status and the change log report.
func TestCorrectCommand(t *testing.T) {
	const zunyi, henan = "001_9dab78d21afd140d.txt", "004_f81732fc77319bff.txt"
	in := copySample(t, zunyi, henan)
	db := filepath.Join(t.TempDir(), "x.duckdb")
	if code, _, stderr := run(t, "ingest", in, "--db", db); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	before, ok := figure(t, db, "遵义市司法局", 2020, "apps_new.total")
	if !ok {
		t.Fatal("no apps_new.total for 遵义市司法局 2020")
	}
	_, cov, _ := run(t, "query", "coverage", "--db", db, "--format", "csv")
	var zunyiID string
	for _, l := range strings.Split(cov, "\n") {
		if strings.HasPrefix(l, "遵义市司法局,") {
			zunyiID = l[strings.LastIndex(l, ",")+1:]
		}
	}
	if len(zunyiID) != 64 {
		t.Fatalf("no report id for 遵义市司法局 in coverage:\n%s", cov)
	}
	file := filepath.Join(filepath.Dir(db), "corrections.csv")
	for _, tt := range []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"a figure by hash", []string{"correct", "--db", db, zunyiID[:12], "apps_new.total", "42", "--why", "第一行读成了上一行", "--who", "张三"}, exitOK, "已记下人工校正"},
		{"an agency by agency and year", []string{"correct", "--db", db, "河南省司法厅:2017", "agency", "河南省人民政府", "--why", "标题是省政府的报告"}, exitOK, "发布机关"},
		{"unknown key", []string{"correct", "--db", db, zunyiID, "apps_new.totl", "1", "--why", "x"}, exitFatal, "未知的键「apps_new.totl」"},
		{"not a number", []string{"correct", "--db", db, zunyiID, "apps_new.total", "四十二", "--why", "x"}, exitFatal, "值「四十二」不是数字"},
		{"unknown report", []string{"correct", "--db", db, "deadbeef00", "apps_new.total", "1", "--why", "x"}, exitFatal, "所指的报告「deadbeef00」不在库中"},
		{"no reason", []string{"correct", "--db", db, zunyiID, "apps_new.total", "1"}, exitFatal, "没有写校正理由"},
		{"short hash", []string{"correct", "--db", db, "3f2a", "apps_new.total", "1", "--why", "x"}, exitFatal, "内容哈希至少要写 8 位"},
		{"bad period", []string{"correct", "--db", db, zunyiID, "period", "q3", "--why", "x"}, exitFatal, "期间「q3」既不是全年"},
		{"two arguments", []string{"correct", "--db", db, zunyiID, "apps_new.total", "--why", "x"}, exitFatal, "要写三项：所指的报告、键、值（写了 2 项）"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			// A refusal is a sentence in Chinese: none of the English the
			// command used to print.
			first := strings.SplitN(stderr, "\n", 2)[0]
			english := code != exitOK && regexp.MustCompile(`\b(report|unknown|value|want|reason|number|arguments|stored)\b`).MatchString(first)
			if code != tt.code || !strings.Contains(stdout+stderr, tt.out) || english {
				t.Errorf("xxgk %v = exit %d, want %d with %q\nstdout: %s\nstderr: %s", tt.args, code, tt.code, tt.out, stdout, stderr)
			}
		})
	}
	// A line edited in by hand that cannot apply is named; the rest apply.
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(zunyiID + ",granted.totl,3,,,拼错,\n")
	f.Close()

	// Not applied yet: status and query read the snapshot, which cannot
	// apply the file, and say so.
	_, status, _ := run(t, "status", "--db", db)
	for _, want := range []string{"校正文件与数据库上次采用的不同", "尚未采用的行（2 行）", "第 2 行", "第 3 行",
		"有误、不会采用的行（1 行）", "第 4 行  未知的键「granted.totl」"} {
		if !strings.Contains(status, want) {
			t.Errorf("status before the ingest lacks %q:\n%s", want, status)
		}
	}
	if _, _, stderr := run(t, "query", "coverage", "--db", db); !strings.Contains(stderr, "尚未采用的行 2 行") {
		t.Errorf("query before the ingest does not say the file is not applied:\n%s", stderr)
	}

	out := filepath.Join(t.TempDir(), "out")
	for _, step := range [][]string{{"ingest", in, "--db", db}, {"build", "--db", db, "--out", out}} {
		code, _, stderr := run(t, step...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", step, code, stderr)
		}
		if !strings.Contains(stderr, "第 4 行未采用：未知的键「granted.totl」：不是指标键") || strings.Contains(stderr, "unknown key") {
			t.Errorf("%v: stderr does not name the refused line:\n%s", step, stderr)
		}
		if v, _ := figure(t, db, "遵义市司法局", 2020, "apps_new.total"); v != 42 {
			t.Errorf("after %v apps_new.total = %g, want the corrected 42 (extracted %g)", step, v, before)
		}
		if _, ok := figure(t, db, "河南省人民政府", 2017, "apps_new.total"); !ok {
			t.Errorf("after %v the agency correction does not apply", step)
		}
	}
	_, list, qerr := run(t, "query", "corrections", "--db", db, "--format", "csv")
	if strings.Contains(qerr, "不同") {
		t.Errorf("query after the build still says the file is not applied:\n%s", qerr)
	}
	_, status, _ = run(t, "status", "--db", db)
	if strings.Contains(status, "不同") || !strings.Contains(status, "有误、不会采用的行（1 行）") {
		t.Errorf("status after the build: want no difference, the refused line still listed:\n%s", status)
	}
	// --corrections names another file: the database applied this one.
	other := filepath.Join(t.TempDir(), "other.csv")
	_, status, _ = run(t, "status", "--db", db, "--corrections", other)
	if !strings.Contains(status, "已从校正文件中删去、数据库仍在采用的行：2 行") || !strings.Contains(status, "另一个校正文件："+file) {
		t.Errorf("status --corrections %s does not compare that file:\n%s", other, status)
	}
	if _, _, stderr := run(t, "query", "coverage", "--db", db, "--corrections", other); !strings.Contains(stderr, "删去") {
		t.Errorf("query --corrections %s does not say the file differs:\n%s", other, stderr)
	}
	if !strings.Contains(list, "apps_new.total,number,42,") || !strings.Contains(list, "number,"+formatNum(before)+",") {
		t.Errorf("query corrections does not list the correction with the extracted value beside it:\n%s", list)
	}

	// A revised report: its hash-named correction goes stale.
	if err := os.WriteFile(filepath.Join(in, zunyi), append(mustRead(t, filepath.Join(in, zunyi)), "\n（修订）\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "ingest", in, "--db", db); code != exitOK || !strings.Contains(stderr, "1 条人工校正已失效") ||
		!strings.Contains(stderr, "第 2 行 "+zunyiID[:12]+" ") || !strings.Contains(stderr, "已被修订版取代") {
		t.Errorf("ingest of the revised report: exit %d, stderr:\n%s", code, stderr)
	}
	_, status, _ = run(t, "status", "--db", db)
	if !strings.Contains(status, "已失效的人工校正（1 条") || !strings.Contains(status, "已被修订版取代") {
		t.Errorf("status does not report the stale correction:\n%s", status)
	}
	_, changes, _ := run(t, "status", "--db", db, "--changes")
	if !strings.Contains(changes, "人工校正已失效") {
		t.Errorf("status --changes does not log the stale correction:\n%s", changes)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func formatNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
