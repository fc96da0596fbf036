package read

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/xxgk/xxgk/etl/report"
)

// writeFile writes data under dir and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// zipFile builds a zip archive from name → content, in the order given.
func zipFile(t *testing.T, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		w, err := zw.Create(entries[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(entries[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// docxWithTable is a Word document with a heading, a paragraph, and a table
// using gridSpan (horizontal merge) and vMerge (vertical merge).
func docxWithTable(t *testing.T) []byte {
	t.Helper()
	cell := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	body := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + wordNS + `><w:body>
<w:p><w:r><w:t>某局2023年政府信息公开</w:t></w:r><w:r><w:t xml:space="preserve">工作年度报告</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>收到申请</w:t></w:r><w:r><w:tab/><w:t>12件。</w:t></w:r><w:del><w:r><w:delText>删去的字</w:delText></w:r></w:del></w:p>
<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
<w:tr>` + cell(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, "项目") + cell(`<w:gridSpan w:val="2"/>`, "申请人情况") + `</w:tr>
<w:tr>` + cell(`<w:gridSpan w:val="2"/><w:vMerge/>`, "") + cell(``, "自然人") + cell(``, "总计") + `</w:tr>
<w:tr>` + cell(`<w:vMerge w:val="restart"/>`, "三、办理结果") + cell(``, "(一)予以公开") + cell(``, "5") + cell(``, "7") + `</w:tr>
<w:tr>` + cell(`<w:vMerge w:val="continue"/>`, "") + cell(``, "(二)部分公开") + cell(``, "") + cell(``, "/") + `</w:tr>
</w:tbl>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>正文</w:t></mc:Choice><mc:Fallback><w:t>重复</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
</w:body></w:document>`
	return zipFile(t, "[Content_Types].xml", `<Types/>`, "word/document.xml", body)
}

const docxWant = `某局2023年政府信息公开工作年度报告
收到申请 12件。
| 项目 | 项目 | 申请人情况 | 申请人情况 |
| 项目 | 项目 | 自然人 | 总计 |
| 三、办理结果 | (一)予以公开 | 5 | 7 |
| 三、办理结果 | (二)部分公开 |  | / |
正文
`

// xlsxWithTable writes a workbook with excelize, a merged header included.
func xlsxWithTable(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{{"项目", "", "数量"}, {"主动公开", "规章", 3}, {"", "规范性文件", 12}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MergeCell("Sheet1", "A1", "B1"); err != nil {
		t.Fatal(err)
	}
	if err := f.MergeCell("Sheet1", "A2", "A3"); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zipBomb is an archive whose one entry unpacks to size zero bytes.
func zipBomb(t *testing.T, name string, size int) []byte {
	t.Helper()
	return zipFile(t, name, strings.Repeat("\x00", size))
}

func TestFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("政府信息公开工作年度报告\n收到申请12件\n")
	small := Limits{MaxBytes: 1 << 20, MaxDecompressed: 1 << 20, Timeout: 30 * time.Second}
	tests := []struct {
		name     string
		path     string
		lim      Limits
		needs    string // external tool the case needs
		format   string
		encoding string
		contains []string
		absent   []string
		equal    string // whole text, when set
	}{
		{name: "utf-8 text", path: writeFile(t, dir, "a.txt", []byte("一、总体情况\n收到申请12件\n")),
			format: "txt", encoding: "utf-8", equal: "一、总体情况\n收到申请12件\n"},
		{name: "utf-8 text with BOM", path: writeFile(t, dir, "bom.txt", []byte("\xef\xbb\xbf报告\n")),
			format: "txt", encoding: "utf-8", equal: "报告\n"},
		{name: "GBK text", path: writeFile(t, dir, "gbk.txt", []byte(gbk)),
			format: "txt", encoding: "gb18030", equal: "政府信息公开工作年度报告\n收到申请12件\n"},
		{name: "html page with table", path: "testdata/table.html", format: "html", encoding: "utf-8",
			contains: []string{
				"某区司法局2023年政府信息公开工作年度报告\n",
				"我局收到政府信息公开申请12件。",
				"| 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 10 | 2 | 12 |\n",
				"| 三、本年度办理结果 | （一）予以公开 | （一）予以公开 | 5 | 1 | 6 |\n",
				"| 三、本年度办理结果 | （二）部分公开 | （二）部分公开 | / |  | 0 |\n",
				"| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 总计 |\n",
				"二、存在的主要问题",
			},
			absent: []string{"不应出现", "网站导航", "办事服务", "版权所有", "color", "_某区人民政府"}},
		{name: "GBK page without charset", path: "testdata/gbk_undeclared.html", format: "html", encoding: "gb18030",
			contains: []string{"收到政府信息公开申请数量为35件，办理结果中予以公开的有20件"}},
		{name: "Big5 page without charset", path: "testdata/big5_undeclared.html", format: "html", encoding: "big5",
			contains: []string{"收到政府信息公開申請數量為35件，辦理結果中予以公開的有20件"}},
		{name: "html named .txt", path: writeFile(t, dir, "page.txt", []byte("<!DOCTYPE html><html><body><p>甲</p><p>乙</p></body></html>")),
			format: "html", encoding: "utf-8", equal: "甲\n乙\n"},
		{name: "html inline elements", path: writeFile(t, dir, "inline.html", []byte("<p>收到 <b>申请</b><span>12</span>件<br>次行</p>\n<div><div>第二段</div></div><pre>a  b\nc</pre>")),
			format: "html", encoding: "utf-8", equal: "收到 申请12件\n次行\n第二段\na  b\nc\n"},
		{name: "layout table around a data table", path: writeFile(t, dir, "layout.html", []byte(
			`<table width="100%"><tr><td><p>标题</p><table><caption>表一</caption><tr><td>项目</td><td>数量</td></tr><tr><td>申请</td><td>3</td></tr></table><p>结束</p></td><td class="sidebar">链接</td></tr></table>`)),
			format: "html", encoding: "utf-8", equal: "标题\n表一\n| 项目 | 数量 |\n| 申请 | 3 |\n结束\n"},
		{name: "docx with merged cells", path: writeFile(t, dir, "r.docx", docxWithTable(t)),
			format: "docx", encoding: "utf-8", equal: docxWant},
		{name: "docx by content, not extension", path: writeFile(t, dir, "r.bin", docxWithTable(t)),
			format: "docx", encoding: "utf-8", equal: docxWant},
		{name: "xlsx with merged cells", path: writeFile(t, dir, "r.xlsx", xlsxWithTable(t)),
			format: "xlsx", encoding: "utf-8", equal: "| 项目 | 项目 | 数量 |\n| 主动公开 | 规章 | 3 |\n| 主动公开 | 规范性文件 | 12 |\n"},
		{name: "pdf", path: "testdata/report.pdf", needs: "pdftotext", format: "pdf", encoding: "utf-8",
			contains: []string{"Annual report 2023", "Applications received 105"}},
		{name: "doc", path: "testdata/legacy.doc", needs: "catdoc", format: "doc", encoding: "utf-8", lim: small,
			contains: []string{"British imperialism"}},
		{name: "xls", path: "testdata/legacy.xls", needs: "xls2csv", format: "xls", encoding: "utf-8",
			contains: []string{"| Test1 | Lorem | Ipsum |\n| Avocado | 1 | 2 |\n|  | 3 | 5 |\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.needs != "" {
				if _, err := exec.LookPath(tt.needs); err != nil {
					t.Skipf("%s not installed", tt.needs)
				}
			}
			lim := tt.lim
			if lim == (Limits{}) {
				lim = DefaultLimits()
			}
			doc, err := File(context.Background(), tt.path, lim)
			if err != nil {
				t.Fatalf("File(%q) error: %v", tt.path, err)
			}
			raw, _ := os.ReadFile(tt.path)
			if doc.Format != tt.format || doc.Encoding != tt.encoding || doc.Size != int64(len(raw)) || doc.Path != tt.path || len(doc.Hash) != 64 {
				t.Errorf("File(%q) = format %q, encoding %q, size %d, hash %q; want %q, %q, %d",
					tt.path, doc.Format, doc.Encoding, doc.Size, doc.Hash, tt.format, tt.encoding, len(raw))
			}
			if tt.equal != "" && doc.Text != tt.equal {
				t.Errorf("File(%q).Text = %q, want %q", tt.path, doc.Text, tt.equal)
			}
			for _, s := range tt.contains {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("File(%q).Text lacks %q; text:\n%s", tt.path, s, doc.Text)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(doc.Text, s) {
					t.Errorf("File(%q).Text has %q, which is page chrome", tt.path, s)
				}
			}
		})
	}
}

func TestFileHash(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte("报告甲"))
	b := writeFile(t, dir, "b.txt", []byte("报告甲"))
	c := writeFile(t, dir, "c.txt", []byte("报告乙"))
	var hashes []string
	for _, p := range []string{a, b, c} {
		doc, err := File(context.Background(), p, DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, doc.Hash)
	}
	// sha256("报告甲") computed independently.
	if hashes[0] != hashes[1] || hashes[0] == hashes[2] {
		t.Errorf("hashes = %q: equal bytes must hash equal, different bytes differently", hashes)
	}
}

func TestFileErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	binary := []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00")
	lim := Limits{MaxBytes: 4 << 20, MaxDecompressed: 1 << 20, Timeout: 10 * time.Second}
	tests := []struct {
		name string
		path string
		lim  Limits
		want string
	}{
		{"empty", writeFile(t, dir, "empty.txt", nil), lim, "empty file"},
		{"blank", writeFile(t, dir, "blank.txt", []byte(" \n\t\n")), lim, "empty file"},
		{"binary", writeFile(t, dir, "prog.txt", binary), lim, "not a text document: binary content"},
		// Sizes in the syntax of the flags: 6,144 bytes over a 2KB limit.
		{"oversized", writeFile(t, dir, "big.txt", bytes.Repeat([]byte("报告"), 1024)),
			Limits{MaxBytes: 2 << 10}, "file is 6KB, over the 2KB limit (--max-size)"},
		{"corrupt docx", writeFile(t, dir, "bad.docx", []byte("PK\x03\x04 this is not a zip archive")), lim, "corrupt docx"},
		{"corrupt xlsx", writeFile(t, dir, "bad.xlsx", []byte("PK\x03\x04\x14\x00garbage")), lim, "corrupt xlsx"},
		{"docx without document", writeFile(t, dir, "nodoc.docx", zipFile(t, "word/other.xml", "<x/>")), lim, "corrupt docx: no word/document.xml"},
		{"docx with broken xml", writeFile(t, dir, "badxml.docx", zipFile(t, "word/document.xml", "<w:document><w:body>")), lim, "corrupt docx"},
		{"docx zip bomb", writeFile(t, dir, "bomb.docx", zipBomb(t, "word/document.xml", 8<<20)), lim, "zip expands past 1MB limit"},
		{"xlsx zip bomb", writeFile(t, dir, "bomb.xlsx", zipBomb(t, "xl/workbook.xml", 8<<20)), lim, "zip expands past 1MB limit"},
		{"other zip", writeFile(t, dir, "x.zip", zipFile(t, "a.txt", "hello")), lim, "not a text document: zip archive"},
		{"legacy ppt", writeFile(t, dir, "old.ppt", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00")), lim, "not supported: legacy .ppt"},
		{"missing", filepath.Join(dir, "nope.txt"), lim, "no such file"},
		{"folder", dir, lim, "not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := File(context.Background(), tt.path, tt.lim)
			if err == nil {
				t.Fatalf("File(%q) = %q, want error %q", tt.path, doc.Text, tt.want)
			}
			var fe *report.FileError
			if !errors.As(err, &fe) || fe.Stage != report.StageRead || fe.Path != tt.path {
				t.Errorf("File(%q) error = %#v, want a *report.FileError at stage read for the path", tt.path, err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Errorf("File(%q) error = %q, want it to name the file and say %q", tt.path, err, tt.want)
			}
		})
	}
}

func TestRunTool(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, err := runTool(ctx, DefaultLimits(), "pdf", []tool{{name: "xxgk-no-such-tool", pkg: "poppler-utils"}})
	if err == nil || !strings.Contains(err.Error(), "install poppler-utils (xxgk-no-such-tool)") {
		t.Errorf("runTool(missing) error = %v, want an install hint", err)
	}
	if _, err := exec.LookPath("sleep"); err == nil {
		lim := Limits{Timeout: 100 * time.Millisecond}
		start := time.Now()
		_, err := runTool(ctx, lim, "pdf", []tool{{name: "sleep", args: []string{"5"}}})
		if err == nil || !strings.Contains(err.Error(), "timed out") || time.Since(start) > 3*time.Second {
			t.Errorf("runTool(sleep 5, timeout 100ms) error = %v after %v, want a timeout", err, time.Since(start))
		}
	}
	if _, err := exec.LookPath("yes"); err == nil {
		_, err := runTool(ctx, Limits{MaxDecompressed: 1 << 16, Timeout: 5 * time.Second}, "pdf", []tool{{name: "yes"}})
		if err == nil || !strings.Contains(err.Error(), "more than the 64KB limit") {
			t.Errorf("runTool(yes) error = %v, want the output limit", err)
		}
	}
}

func TestDecode(t *testing.T) {
	t.Parallel()
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("政府信息公开工作年度报告，收到申请十二件。")
	big5, _ := os.ReadFile("testdata/big5_undeclared.html")
	tests := []struct {
		name, raw, declared string
		wantEnc             string
		wantPrefix          string
	}{
		{"utf-8", "报告", "", "utf-8", "报告"},
		{"utf-8 BOM", "\xef\xbb\xbf报告", "gbk", "utf-8", "报告"},
		{"utf-16 BOM", "\xff\xfe\xa5\x62\x4a\x54", "", "utf-16", "报告"},
		{"declared gbk", gbk, "gbk", "gb18030", "政府信息公开"},
		{"declared gb2312", gbk, "GB2312", "gb18030", "政府信息公开"},
		{"declared gb2312 but utf-8", "政府信息", "gb2312", "utf-8", "政府信息"},
		{"undeclared gbk", gbk, "", "gb18030", "政府信息公开"},
		{"utf-8 with one damaged byte", strings.Repeat("政府信息公开", 10) + "\xe5", "", "utf-8", "政府信息公开政府"},
		{"short gbk is not mostly utf-8", gbk[:len(gbk)-1], "", "gb18030", "政府信息公开"},
		{"undeclared big5", string(big5), "", "big5", "<html><head><title>信息公開"},
		{"declared big5 but gbk", gbk, "big5", "gb18030", "政府信息公开"},
		{"declared utf-8 but gbk", gbk, "utf-8", "gb18030", "政府信息公开"},
		{"declared utf-8, ascii", "report", "UTF-8", "utf-8", "report"},
		{"ascii declared latin1", "report", "iso-8859-1", "windows-1252", "report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			text, enc, err := Decode([]byte(tt.raw), tt.declared)
			if err != nil || enc != tt.wantEnc || !strings.HasPrefix(text, tt.wantPrefix) {
				t.Errorf("Decode(%q, %q) = %q, %q, %v; want prefix %q, %q", tt.raw, tt.declared, text, enc, err, tt.wantPrefix, tt.wantEnc)
			}
		})
	}
}

func TestWalk(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, p := range []string{"b.txt", "a/z.html", "a/c.docx", ".hidden.txt", ".git/config", "a/.cache/x.txt", "a/b/d.pdf"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Dir(full), filepath.Base(full), []byte("x"))
	}
	single := filepath.Join(dir, "b.txt")
	missing := filepath.Join(dir, "missing.txt")
	got, failed := Walk([]string{dir, single, missing, filepath.Join(dir, ".hidden.txt")})
	if len(failed) > 0 {
		t.Fatal(failed)
	}
	want := []string{
		filepath.Join(dir, "a/b/d.pdf"), filepath.Join(dir, "a/c.docx"), filepath.Join(dir, "a/z.html"),
		single, missing, filepath.Join(dir, ".hidden.txt"),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk = %q, want %q", got, want)
	}
}

// FuzzDecoders feeds arbitrary bytes to the in-process decoders: they may
// fail, but must not panic.
func FuzzDecoders(f *testing.F) {
	for _, s := range []string{"<table><tr><td rowspan=0 colspan=9>x", "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999\"/><w:vMerge/></w:tcPr><w:t>a</w:t></w:tc></w:tr></w:tbl>", "\xd5\xfe\xb8\xae", "\xef\xbb\xbf<meta charset=big5>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		Decode(raw, "")
		Decode(raw, "gbk")
		htmlText(raw, DefaultLimits())
		docxBody(context.Background(), bytes.NewReader(raw), DefaultLimits())
		sniff(raw, "x.docx")
	})
}

func BenchmarkFile(b *testing.B) {
	for _, p := range []string{"../../examples/reports/115_sh_putuo_sfj_2023.txt", "testdata/table.html", "testdata/gbk_undeclared.html"} {
		b.Run(filepath.Base(p), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := File(context.Background(), p, DefaultLimits()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Sizes in messages are written the way the limits are given (50MB), one
// syntax everywhere.
func TestFormatSize(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{{300, "300B"}, {1 << 10, "1KB"}, {1536, "1.5KB"}, {50 << 20, "50MB"}, {200 << 20, "200MB"}, {1 << 30, "1GB"}, {3 << 29, "1536MB"}} {
		if got := FormatSize(tt.n); got != tt.want {
			t.Errorf("FormatSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
