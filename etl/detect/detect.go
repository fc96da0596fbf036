package detect

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// ErrNotReport is wrapped by Identify when a text is not an annual report.
var ErrNotReport = errors.New("not a government information-disclosure annual report")

// ErrNoYear is report.ErrNoYear: ingest and load wrap it when they refuse
// to store a report whose year nothing gives (Identify leaves its Year 0
// with YearSource report.SourceUnknown rather than guess one).
var ErrNoYear = report.ErrNoYear

// Identify finds who published the report and for which period, from its
// text alone. See IdentifyWith.
func Identify(t *normalize.Text) (report.Identity, error) {
	return IdentifyWith(t, report.Meta{}, report.Supplied{})
}

// IdentifyWith finds who published the report and for which period from
// its text, its page's meta tags and what an operator supplied. It first
// decides whether the text is an annual report at all (an error wrapping
// ErrNotReport names what was missing), then gathers every name the
// evidence offers for the reporting body and picks one only when the
// evidence agrees; otherwise Agency is "" and Candidates lists what was
// found. An operator's agency and year override the text's. A report
// whose year nothing gives has Year 0 and YearSource report.SourceUnknown:
// its figures are still read, and ingest and load refuse to store it.
func IdentifyWith(t *normalize.Text, meta report.Meta, sup report.Supplied) (report.Identity, error) {
	norm := t.Norm
	h := header(norm)
	rawMeta, rawSup := meta, sup
	meta, sup = normalised(meta, sup)
	titles := pageTitles(meta, sup)
	if err := checkReport(norm, h, titles); err != nil {
		return report.Identity{}, err
	}
	id := report.Identity{Period: report.PeriodYear, URL: strings.TrimSpace(sup.URL)}
	id.Title = firstTitle(rawSup, rawMeta, h)
	var pubSrc report.EvidenceSource
	id.Published, pubSrc = publishedDate(h.lines, meta, sup)
	y, err := findYear(norm, h.title, titles, id.Published, pubSrc, sup)
	if err != nil {
		return report.Identity{}, err
	}
	id.Year, id.Period, id.YearSource, id.YearInferred = y.year, y.period, y.source, y.inferred
	identifyAgency(t, h, meta, sup, &id)
	return id, nil
}

// firstTitle is the title to record: the operator's, the page's, or the
// text's own.
func firstTitle(sup report.Supplied, meta report.Meta, h headInfo) string {
	for _, s := range []string{sup.Title, meta.ArticleTitle, meta.Title} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return h.title
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// headInfo is the top of a report: its first lines and its title line.
type headInfo struct {
	head      string   // the first few KB, where titles and date lines sit
	lines     []string // the first non-empty lines, trimmed
	starts    []int    // the byte offset in the text of each line
	title     string   // the title line, "" when the copy has none
	titleAt   int      // byte offset of title in the text
	titleLine int      // index of title in lines
	tail      []string // the last non-empty lines, where signatures sit, last first
	tailAt    []int    // the byte offset in the text of each tail line
}

const (
	headBytes = 3000
	headLines = 15
	tailLines = 6
)

// titleWords mark a line that names the document.
var titleWords = []string{"报告", "年报", "数据统计", "通知", "意见", "办法", "指南", "目录", "总结", "要点", "公报"}

func header(norm string) headInfo {
	h := headInfo{head: prefix(norm, headBytes), titleLine: -1, titleAt: -1}
	h.lines = make([]string, 0, headLines)
	for off, rest := 0, h.head; rest != "" && len(h.lines) < headLines; {
		l, next := rest, ""
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, next = rest[:i], rest[i+1:]
		}
		lead := len(l) - len(strings.TrimLeft(l, " \t\r\u3000"))
		if tl := strings.TrimSpace(l); tl != "" {
			h.lines = append(h.lines, tl)
			h.starts = append(h.starts, off+lead)
		}
		off += len(rest) - len(next)
		rest = next
	}
	for i, l := range h.lines {
		c, at := cell(l)
		if containsAny(c, breadcrumbMarks) || strings.Contains(c, "位置") {
			continue // a breadcrumb: 首页>政务公开>信息公开年报
		}
		if containsAny(c, sentenceMarks) || strings.Contains(c, "《") || numberedRE.MatchString(c) {
			continue // a sentence or a section heading, not a title
		}
		if utf8.RuneCountInString(c) > 60 || !strings.Contains(c, "公开") || !containsAny(c, titleWords) {
			continue
		}
		if h.title == "" {
			h.title, h.titleLine, h.titleAt = c, i, h.starts[i]+at
		}
		if titleYearRE.MatchString(c) {
			// A column name ("政府信息公开年报") may precede the title proper.
			h.title, h.titleLine, h.titleAt = c, i, h.starts[i]+at
			break
		}
	}
	// The tail lines, last first, read backwards from the end of the text.
	base := len(norm) - len(suffix(norm, headBytes))
	tail := norm[base:]
	for end := len(tail); end > 0 && len(h.tail) < tailLines; {
		start := strings.LastIndexByte(tail[:end], '\n') + 1
		if l := strings.TrimSpace(tail[start:end]); l != "" {
			h.tail = append(h.tail, l)
			h.tailAt = append(h.tailAt, base+start+strings.Index(tail[start:end], l))
		}
		end = start - 1
	}
	return h
}

// Marks of a breadcrumb and of a sentence, which a title line has none of.
// Literal searches: strings.ContainsAny decodes the text for non-ASCII sets.
var (
	breadcrumbMarks = []string{">", "›", "»"}
	sentenceMarks   = []string{"。", "，", ",", "；", ";"}
)

// numberedRE starts a numbered section heading: "(三)", "一、", "1.".
var numberedRE = regexp.MustCompile(`^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])`)

// labelRE strips a field label ("标题:") and table pipes from a title line.
var labelRE = regexp.MustCompile(`^(?:标题|题目|名称)\s*[:：]\s*`)

// cell returns the longest pipe-separated part of a line without its field
// label, and its byte offset in the line.
func cell(l string) (string, int) {
	best, bestAt := "", 0
	for off, rest := 0, l; ; {
		p := rest
		i := strings.IndexByte(rest, '|')
		if i >= 0 {
			p, rest = rest[:i], rest[i+1:]
		}
		at := off + len(p) - len(strings.TrimLeft(p, " \t"))
		p = strings.TrimSpace(p)
		if strings.HasPrefix(p, "标题") || strings.HasPrefix(p, "题目") || strings.HasPrefix(p, "名称") {
			q := strings.TrimSpace(labelRE.ReplaceAllString(p, ""))
			at += len(p) - len(q)
			p = q
		}
		if len(p) > len(best) {
			best, bestAt = p, at
		}
		if i < 0 {
			return best, bestAt
		}
		off += i + 1
	}
}

// prefix returns at most n bytes of s, cut at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// suffix returns at most the last n bytes of s, cut at a rune boundary.
func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// errorf wraps a sentinel with a reason.
func errorf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)
}
