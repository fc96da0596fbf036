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

// Identify finds who published the report and for which period. A text with
// no disclosure-report cue, or whose title names another kind of document
// (a notice about writing reports, a guide, a catalogue), is rejected with an
// error wrapping ErrNotReport.
func Identify(t *normalize.Text) (report.Identity, error) {
	norm := t.Norm
	h := header(norm)
	if err := checkReport(norm, h.title); err != nil {
		return report.Identity{}, err
	}
	id := report.Identity{Period: report.PeriodYear}
	id.Published = published(h.lines)
	id.Year, id.Period = reportYear(norm, h.title, id.Published)
	a := findAgency(norm, h)
	id.Agency = a.name
	id.Level, id.Province, id.City = a.level, a.province, a.city
	return id, nil
}

// subjectCues say the text is about information disclosure at all.
var subjectCues = []string{"政府信息公开", "信息公开", "政务公开"}

// reportCues say it reports on a period's work rather than announcing,
// guiding or listing something.
var reportCues = []string{"年度报告", "年报", "工作报告", "本报告", "报告如下", "数据统计", "自评", "总结如下", "汇报如下", "工作情况",
	"总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请"}

// otherDocs end the titles of documents that talk about reports without being
// one: "关于做好2015年政府信息公开年度报告编制工作的通知".
var otherDocs = []string{"通知", "意见", "办法", "方案", "指南", "规定", "细则", "公告", "公示", "要点", "目录", "决定", "函"}

func checkReport(norm, title string) error {
	if !containsAny(norm, subjectCues) {
		return fmt.Errorf("%w: no 政府信息公开/政务公开 in the text", ErrNotReport)
	}
	if !containsAny(norm, reportCues) {
		return fmt.Errorf("%w: no 年度报告/年报/工作报告 cue in the text", ErrNotReport)
	}
	if title != "" {
		tt := strings.TrimRight(title, "。.》” ")
		for _, d := range otherDocs {
			if strings.HasSuffix(tt, d) {
				return fmt.Errorf("%w: the title %q names a %s", ErrNotReport, title, d)
			}
		}
	}
	return nil
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
	title     string   // the title line, "" when the copy has none
	titleLine int      // index of title in lines
	tail      []string // the last non-empty lines, where signatures sit
}

const (
	headBytes = 3000
	headLines = 15
	tailLines = 6
)

// titleWords mark a line that names the document.
var titleWords = []string{"报告", "年报", "数据统计", "通知", "意见", "办法", "指南", "目录"}

func header(norm string) headInfo {
	h := headInfo{head: prefix(norm, headBytes), titleLine: -1}
	h.lines = make([]string, 0, headLines)
	for rest := h.head; rest != "" && len(h.lines) < headLines; {
		l := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if l = strings.TrimSpace(l); l != "" {
			h.lines = append(h.lines, l)
		}
	}
	for i, l := range h.lines {
		c := cell(l)
		if containsAny(c, breadcrumbMarks) || strings.Contains(c, "位置") {
			continue // a breadcrumb: 首页>政务公开>信息公开年报
		}
		if containsAny(c, sentenceMarks) {
			continue // a sentence, not a title
		}
		if utf8.RuneCountInString(c) > 60 || !strings.Contains(c, "公开") || !containsAny(c, titleWords) {
			continue
		}
		if h.title == "" {
			h.title, h.titleLine = c, i
		}
		if titleYearRE.MatchString(c) {
			// A column name ("政府信息公开年报") may precede the title proper.
			h.title, h.titleLine = c, i
			break
		}
	}
	// The tail lines, last first, read backwards from the end of the text.
	tail := suffix(norm, headBytes)
	for end := len(tail); end > 0 && len(h.tail) < tailLines; {
		start := strings.LastIndexByte(tail[:end], '\n') + 1
		if l := strings.TrimSpace(tail[start:end]); l != "" {
			h.tail = append(h.tail, l)
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

// labelRE strips a field label ("标题:") and table pipes from a title line.
var labelRE = regexp.MustCompile(`^(?:标题|题目|名称)\s*[:：]\s*`)

// cell returns the longest pipe-separated part of a line without its field label.
func cell(l string) string {
	best := ""
	for rest := l; ; {
		p := rest
		i := strings.IndexByte(rest, '|')
		if i >= 0 {
			p, rest = rest[:i], rest[i+1:]
		}
		p = strings.TrimSpace(p)
		if strings.HasPrefix(p, "标题") || strings.HasPrefix(p, "题目") || strings.HasPrefix(p, "名称") {
			p = strings.TrimSpace(labelRE.ReplaceAllString(p, ""))
		}
		if len(p) > len(best) {
			best = p
		}
		if i < 0 {
			return best
		}
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
