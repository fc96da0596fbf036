package detect

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

var (
	// dateFieldRE is a labelled date in the page header: 发布日期: 2018-01-26, 发文日期:2024-01-23.
	dateFieldRE = regexp.MustCompile(`(?:发布时间|发布日期|发文日期|成文日期|公开日期|日期|时间)\s*[:：]?[\s|]*((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`)
	// dateLineRE is a date standing alone on a header line, or followed by the
	// source field: "2024年01月16日 来源: 上海普陀", "2014年2月7日".
	dateLineRE = regexp.MustCompile(`(?m)^\s*((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?\s*(?:$|来源)`)
	// titleYearRE is the year a title names: 2020年度, 2017年, 2022年上半年.
	titleYearRE = regexp.MustCompile(`((?:19|20)\d\d)\s*年\s*(度)?\s*(上半年)?`)
	// spanRE is the statistics period stated in the opening paragraph, also with
	// lost 年/月 glyphs: "自2017年1月1日起至2017年12月31日止", "201011日至20101231日".
	spanRE = regexp.MustCompile(`((?:19|20)\d\d)\s*年?\s*1\s*月?\s*1\s*日\s*(?:起)?\s*(?:至|到|-|—|～|~|，|,|截止|止)`)
	// spanEndRE is the end of the period alone: "截止2023年12月31日", "至20101231日".
	spanEndRE = regexp.MustCompile(`((?:19|20)\d\d)\s*年?\s*12\s*月?\s*31\s*日`)
	// yearRE is any year mention in the body that is not part of a month-day date.
	yearRE = regexp.MustCompile(`((?:19|20)\d\d)\s*年\s*(度)?\s*(上半年)?(\s*\d{1,2}\s*月)?`)
)

// published finds the publication date in the header lines, as YYYY-MM-DD:
// a labelled date first, else a date standing alone on a line.
func published(lines []string) string {
	for _, l := range lines {
		if !strings.Contains(l, "日期") && !strings.Contains(l, "时间") {
			continue
		}
		for _, m := range dateFieldRE.FindAllStringSubmatch(l, -1) {
			if d := isoDate(m[1], m[2], m[3]); d != "" {
				return d
			}
		}
	}
	for _, l := range lines {
		if l == "" || l[0] < '0' || l[0] > '9' {
			continue
		}
		if m := dateLineRE.FindStringSubmatch(l); m != nil {
			if d := isoDate(m[1], m[2], m[3]); d != "" {
				return d
			}
		}
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

// reportYear finds the year reported on, not the publication year: the
// title's year, else the statistics period, else the year the body mentions
// most (a report speaks of its own year far more than of any other), never
// later than the publication year.
func reportYear(norm, title, pub string) (int, report.Period) {
	pubYear := 0
	if pub != "" {
		pubYear, _ = strconv.Atoi(pub[:4])
	}
	if m := titleYearRE.FindStringSubmatch(title); m != nil {
		y, _ := strconv.Atoi(m[1])
		if m[3] != "" {
			return y, report.PeriodH1
		}
		return y, report.PeriodYear
	}
	head := prefix(norm, 6000)
	period := func(y int) report.Period {
		// Without a title, a half-year report says "2020年上半年" again and again.
		if strings.Count(norm, strconv.Itoa(y)+"年上半年") >= 2 {
			return report.PeriodH1
		}
		return report.PeriodYear
	}
	for _, re := range []*regexp.Regexp{spanRE, spanEndRE} {
		if m := re.FindStringSubmatch(head); m != nil {
			y, _ := strconv.Atoi(m[1])
			if pubYear == 0 || y <= pubYear {
				return y, period(y)
			}
		}
	}
	count := map[int]int{}
	best, bestN := 0, 0
	for _, m := range yearRE.FindAllStringSubmatch(head, -1) {
		if m[4] != "" { // a date: 2016年3月18日
			continue
		}
		y, _ := strconv.Atoi(m[1])
		if pubYear != 0 && y > pubYear {
			continue
		}
		count[y]++
		if count[y] > bestN {
			best, bestN = y, count[y]
		}
	}
	if best == 0 && pubYear != 0 {
		// Annual reports are published early in the following year.
		best = pubYear - 1
	}
	return best, period(best)
}
