package table

import (
	"strings"
	"unicode/utf8"
)

// Canon folds a label cell for comparison: half-width, no white space, no
// quotes, no numbering prefix, no trailing colon. "（三）3.危及“三安全一稳定”"
// becomes "危及三安全一稳定".
func Canon(s string) string { return canonCompact(compact(s)) }

// canonCompact is Canon on a cell already folded by compact.
func canonCompact(c string) string {
	if hasQuote(c) {
		c = quoteReplacer.Replace(c)
	}
	c = stripNumbering(c)
	if strings.HasPrefix(c, "其中:") {
		// "其中:1.通过政府网站公开数": the numbering of the first part
		// follows the 其中.
		c = stripNumbering(c[len("其中:"):])
	}
	return trimLabelEnd(c)
}

// stripNumbering drops the numbering prefixes of c, keeping a label that is
// nothing but numbering.
func stripNumbering(c string) string {
	for {
		n := numbering(c)
		if n == 0 || n == len(c) {
			return c
		}
		c = c[n:]
	}
}

// trimLabelEnd is strings.TrimRight(c, ":;,.。") without the cutset
// machinery, which decodes runes for a cutset that is not all ASCII.
func trimLabelEnd(c string) string {
	for len(c) > 0 {
		switch c[len(c)-1] {
		case ':', ';', ',', '.':
			c = c[:len(c)-1]
			continue
		}
		if !strings.HasSuffix(c, "。") {
			break
		}
		c = c[:len(c)-len("。")]
	}
	return c
}

// hasQuote reports whether c holds a quote mark quoteReplacer removes. It
// scans bytes: strings.ContainsAny with a set of multi-byte runes costs a
// search of the set per rune, on every label cell.
func hasQuote(c string) bool {
	for i := 0; i < len(c); i++ {
		switch c[i] {
		case '"', '\'':
			return true
		case 0xE2: // ‘ ’ “ ” are U+2018, U+2019, U+201C, U+201D: E2 80 98/99/9C/9D
			if i+2 < len(c) && c[i+1] == 0x80 {
				switch c[i+2] {
				case 0x98, 0x99, 0x9C, 0x9D:
					return true
				}
			}
		case 0xE3: // 「 」 『 』 are U+300C–U+300F: E3 80 8C–8F
			if i+2 < len(c) && c[i+1] == 0x80 && c[i+2] >= 0x8C && c[i+2] <= 0x8F {
				return true
			}
		}
	}
	return false
}

var quoteReplacer = strings.NewReplacer("“", "", "”", "", "‘", "", "’", "", `"`, "", "'", "", "「", "", "」", "", "『", "", "』", "")

// numbering returns the byte length of the numbering printed before a row
// label: "一、", "(三)", "1.", "2、", "①"; 0 when there is none. Labels are
// compared without it, since reports vary the style and some drop it.
func numbering(c string) int {
	if c == "" {
		return 0
	}
	if c[0] == '(' {
		i := 1
		for i < len(c) {
			r, n := utf8.DecodeRuneInString(c[i:])
			if !isNumeral(r) {
				break
			}
			i += n
		}
		if i > 1 && i < len(c) && c[i] == ')' {
			return i + 1
		}
		return 0
	}
	i := 0
	for i < len(c) {
		r, n := utf8.DecodeRuneInString(c[i:])
		if r >= '①' && r <= '⑳' && i == 0 {
			return n
		}
		if !isNumeral(r) {
			break
		}
		i += n
	}
	if i == 0 || i == len(c) {
		return 0
	}
	r, n := utf8.DecodeRuneInString(c[i:])
	switch {
	case r == '、' || r == '.' || r == ',':
		return i + n
	case r == ')' && c[0] <= '9':
		return i + n
	}
	return 0
}

// isNumeral reports whether r is an ASCII digit or a Chinese numeral up to 十.
func isNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return r >= '0' && r <= '9'
}
