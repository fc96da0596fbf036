package detect

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/report"
)

var (
	// dateFieldRE is a labelled date in the page header: 发布日期: 2018-01-26, 发文日期:2024-01-23.
	dateFieldRE = regexp.MustCompile(`(?:发布时间|发布日期|发文日期|成文日期|公开日期|日期|时间)\s*[:：]?[\s|]*((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`)
	// dateLineRE is a date standing alone on a header line, or followed by a
	// time and the source or author field: "2024年01月16日 来源: 上海普陀",
	// "2014年2月7日", "2022-01-28 11:22 作者:局办公室".
	dateLineRE = regexp.MustCompile(`(?m)^\s*((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?\s*(?:\d{1,2}:\d\d(?::\d\d)?)?\s*(?:$|来源|作者)`)
	// dateAfterRE is a date in brackets closing a header line, as page lists
	// print it after the title: "2025年政府信息公开工作年度报告 ( 2026-01-30 )".
	dateAfterRE = regexp.MustCompile(`[(（]\s*((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?\s*[)）]\s*$`)
	// titleYearRE is the year a title names: 2020年度, 2017年, 2022年上半年.
	titleYearRE = regexp.MustCompile(`((?:19|20)\d\d)\s*年\s*(度)?\s*(上半年)?`)
	// spanRE is the statistics period stated in the opening paragraph, also with
	// lost 年/月 glyphs: "自2017年1月1日起至2017年12月31日止", "201011日至20101231日".
	spanRE = regexp.MustCompile(`((?:19|20)\d\d)\s*年?\s*1\s*月?\s*1\s*日\s*(?:起)?\s*(?:至|到|-|—|～|~|，|,|截止|止)`)
	// spanEndRE is the end of the period alone: "截止2023年12月31日", "至20101231日".
	spanEndRE = regexp.MustCompile(`((?:19|20)\d\d)\s*年?\s*12\s*月?\s*31\s*日`)
)

// published finds the publication date in the header lines, as YYYY-MM-DD:
// a labelled date first, else a date standing alone on a line or in
// brackets closing one.
func published(lines []string) string {
	for _, l := range lines {
		d := ""
		eachNear(dateFieldRE, l, dateLabels, 6, 80, func(m []string) bool {
			d = isoDate(m[1], m[2], m[3])
			return d != ""
		})
		if d != "" {
			return d
		}
	}
	for _, l := range lines {
		if l == "" {
			continue
		}
		var m []string
		if l[0] >= '0' && l[0] <= '9' {
			m = dateLineRE.FindStringSubmatch(l)
		}
		if m == nil && (l[len(l)-1] == ')' || strings.HasSuffix(l, "）")) {
			m = dateAfterRE.FindStringSubmatch(l)
		}
		if m != nil {
			if d := isoDate(m[1], m[2], m[3]); d != "" {
				return d
			}
		}
	}
	return ""
}

// anyDateRE is a date in a meta tag or an operator's column: 2021-03-09,
// 2021/3/9, 2021年3月9日, 20210309.
var anyDateRE = regexp.MustCompile(`((?:19|20)\d\d)\s*[-年/.]?\s*(\d{1,2})\s*[-月/.]?\s*(\d{1,2})`)

// urlDateRE is a publication date in a page address: /2020/0117/,
// t20200117_123.html, /202001/t20200117, 20200117182933343.html.
var urlDateRE = regexp.MustCompile(`(?:^|[/_.tT-])((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.\d]|$)`)

// urlPathDateRE is a date as path segments: /art/2021/1/15/.
var urlPathDateRE = regexp.MustCompile(`/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/`)

// publishedDate is the publication date and where it came from: an
// operator's column first, then the text's header, the page's PubDate, and
// a date in the page address.
func publishedDate(lines []string, meta report.Meta, sup report.Supplied) (string, report.EvidenceSource) {
	if d := isoFrom(sup.Published); d != "" {
		return d, report.SourceOperator
	}
	if d := published(lines); d != "" {
		return d, report.SourcePublished
	}
	if d := isoFrom(meta.PubDate); d != "" {
		return d, report.SourceMetaTitle
	}
	for _, re := range []*regexp.Regexp{urlPathDateRE, urlDateRE} {
		if m := re.FindStringSubmatch(sup.URL); m != nil {
			if d := isoDate(m[1], m[2], m[3]); d != "" {
				return d, report.SourceURL
			}
		}
	}
	return "", ""
}

// isoFrom reads the first date of s as YYYY-MM-DD, "" when there is none.
func isoFrom(s string) string {
	if m := anyDateRE.FindStringSubmatch(s); m != nil {
		return isoDate(m[1], m[2], m[3])
	}
	return ""
}

func isoDate(y, m, d string) string {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd)
}

// yearFound is the year reported on with its source.
type yearFound struct {
	year     int
	period   report.Period
	source   report.EvidenceSource
	inferred bool
}

// findYear finds the year reported on, not the publication year: an
// operator's year, the title's year (the text's own title, else the
// page's), the statistics period, the year the body mentions most (a
// report speaks of its own year far more than of any other), never later
// than the publication year; and only when none of these is printed, the
// year before the publication date, marked inferred. No year at all is
// year 0 from SourceUnknown, which is never stored.
func findYear(norm, title string, titles []string, pub string, pubSrc report.EvidenceSource, sup report.Supplied) (yearFound, error) {
	pubYear := 0
	if pub != "" {
		pubYear, _ = strconv.Atoi(pub[:4])
	}
	half := func(y int) report.Period {
		// Without a title, a half-year report says "2020年上半年" again and again.
		if strings.Count(norm, strconv.Itoa(y)+"年上半年") >= 2 {
			return report.PeriodH1
		}
		return report.PeriodYear
	}
	fromTitle := func(t string, src report.EvidenceSource) (yearFound, bool) {
		m := titleYearRE.FindStringSubmatch(t)
		if m == nil {
			return yearFound{}, false
		}
		y, _ := strconv.Atoi(m[1])
		if m[3] != "" {
			return yearFound{y, report.PeriodH1, src, false}, true
		}
		return yearFound{y, report.PeriodYear, src, false}, true
	}
	if sup.Year >= 1900 && sup.Year < 2100 {
		y := yearFound{sup.Year, half(sup.Year), report.SourceOperator, false}
		if f, ok := fromTitle(title, report.SourceTitle); ok && f.year == sup.Year {
			y.period = f.period
		}
		return y, nil
	}
	if f, ok := fromTitle(title, report.SourceTitle); ok {
		return f, nil
	}
	for _, t := range titles {
		if f, ok := fromTitle(t, report.SourceMetaTitle); ok && strings.Contains(t, "公开") {
			return f, nil
		}
	}
	head := prefix(norm, 6000)
	for _, re := range []*regexp.Regexp{spanRE, spanEndRE} {
		if m := firstNear(re, head, "日", 60, 30); m != nil {
			y, _ := strconv.Atoi(m[1])
			if pubYear == 0 || y <= pubYear {
				return yearFound{y, half(y), report.SourcePeriod, false}, nil
			}
		}
	}
	count := map[int]int{}
	best, bestN := 0, 0
	for _, y := range yearMentions(head) {
		if pubYear != 0 && y > pubYear {
			continue
		}
		count[y]++
		if count[y] > bestN {
			best, bestN = y, count[y]
		}
	}
	if best != 0 {
		return yearFound{best, half(best), report.SourceBody, false}, nil
	}
	if pubYear != 0 {
		// Annual reports are published early in the following year.
		y, src := pubYear-1, report.SourcePublished
		if pubSrc == report.SourceURL {
			src = report.SourceURL
		}
		return yearFound{y, half(y), src, true}, nil
	}
	return yearFound{0, report.PeriodYear, report.SourceUnknown, false}, nil
}

// dateLabels are the words every label of dateFieldRE ends with.
var dateLabels = []string{"日期", "时间"}

// eachNear calls fn with the matches of re in s, in order, until fn returns
// true, looking only at windows around the occurrences of anchors: every
// match holds one within before bytes after its start and after bytes
// before its end. A window starts no earlier than the previous match ended,
// so no match is reported twice.
func eachNear(re *regexp.Regexp, s string, anchors []string, before, after int, fn func([]string) bool) {
	eachNearIndex(re, s, anchors, before, after, func(m []string, _ []int) bool { return fn(m) })
}

// eachNearIndex is eachNear that also passes the byte offsets in s of the
// match and its groups (-1 for a group that did not take part).
func eachNearIndex(re *regexp.Regexp, s string, anchors []string, before, after int, fn func([]string, []int) bool) {
	done := 0 // the end of the last match
	for from := 0; from < len(s); {
		i, n := -1, 0
		for _, a := range anchors {
			if j := strings.Index(s[from:], a); j >= 0 && (i < 0 || from+j < i) {
				i, n = from+j, len(a)
			}
		}
		if i < 0 {
			return
		}
		from = i + n
		start := max(i-before, done)
		for start < len(s) && !utf8.RuneStart(s[start]) {
			start++ // start at a rune: done is one, i-before may not be
		}
		w := window(s[start:], 0, from+after-start)
		loc := re.FindStringSubmatchIndex(w)
		if loc == nil {
			continue
		}
		m := make([]string, len(loc)/2)
		abs := make([]int, len(loc))
		for k := range m {
			if loc[2*k] >= 0 {
				m[k] = w[loc[2*k]:loc[2*k+1]]
				abs[2*k], abs[2*k+1] = start+loc[2*k], start+loc[2*k+1]
			} else {
				abs[2*k], abs[2*k+1] = -1, -1
			}
		}
		done = start + loc[1]
		from = max(from, done)
		if fn(m, abs) {
			return
		}
	}
}

// firstNear returns the leftmost match of re in s, looking only at windows
// around the occurrences of anchor, a literal every match holds within
// before bytes after its start and after bytes before its end. An
// unanchored pattern with no literal prefix would otherwise be tried at
// every position of s.
func firstNear(re *regexp.Regexp, s, anchor string, before, after int) []string {
	for from := 0; ; {
		i := strings.Index(s[from:], anchor)
		if i < 0 {
			return nil
		}
		i += from
		from = i + len(anchor)
		if m := re.FindStringSubmatch(window(s, i-before, from+after)); m != nil {
			return m
		}
	}
}

// yearMentions lists the years the text mentions ("2020年", "2020 年度",
// "2020年上半年"), in order, leaving out dates ("2016年3月18日"). A hand scan
// from each 年 rather than a pattern tried at every position.
func yearMentions(s string) []int {
	var out []int
	for from := 0; ; {
		i := strings.Index(s[from:], "年")
		if i < 0 {
			return out
		}
		i += from
		from = i + len("年")
		j := i
		for j > 0 && isSpace(s[j-1]) {
			j--
		}
		if j < 4 || !isYear(s[j-4:j]) {
			continue
		}
		k := skipSpaces(s, from)
		if rest, ok := strings.CutPrefix(s[k:], "度"); ok {
			k = skipSpaces(s, len(s)-len(rest))
		}
		if rest, ok := strings.CutPrefix(s[k:], "上半年"); ok {
			k = len(s) - len(rest)
		}
		if monthFollows(s[k:]) {
			continue // a date: 2016年3月18日
		}
		y, _ := strconv.Atoi(s[j-4 : j])
		out = append(out, y)
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func skipSpaces(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// isYear reports whether s is four digits from 1900 to 2099.
func isYear(s string) bool {
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[:2] == "19" || s[:2] == "20"
}

// monthFollows reports whether s starts with a month: " 3 月".
func monthFollows(s string) bool {
	i := skipSpaces(s, 0)
	n := 0
	for i < len(s) && n < 3 && s[i] >= '0' && s[i] <= '9' {
		i, n = i+1, n+1
	}
	return n >= 1 && n <= 2 && strings.HasPrefix(s[skipSpaces(s, i):], "月")
}
