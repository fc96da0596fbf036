package table

import (
	"regexp"
	"strings"
)

// numberingRE matches the numbering printed before a row label: "一、",
// "(三)", "1.", "2、", "①". Labels are compared without it, since reports
// vary the style and some drop it.
var numberingRE = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十0-9]+\)|[0-9]+[、.,)]|[①-⑳])`)

// Canon folds a label cell for comparison: half-width, no white space, no
// quotes, no numbering prefix, no trailing colon. "（三）3.危及“三安全一稳定”"
// becomes "危及三安全一稳定".
func Canon(s string) string {
	c := compact(s)
	if strings.ContainsAny(c, "“”‘’\"'「」『』") {
		c = quoteReplacer.Replace(c)
	}
	for {
		loc := numberingRE.FindStringIndex(c)
		if loc == nil || loc[1] == len(c) {
			break
		}
		c = c[loc[1]:]
	}
	c = strings.TrimPrefix(c, "其中:")
	return strings.TrimRight(c, ":;,.。")
}

var quoteReplacer = strings.NewReplacer("“", "", "”", "", "‘", "", "’", "", `"`, "", "'", "", "「", "", "」", "", "『", "", "』", "")
