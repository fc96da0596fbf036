package prose

import (
	"strings"
	"unicode/utf8"
)

// Character-level helpers of the sentence splitter and the scanners.

// isNumbered reports whether s starts with an item number, as a heading
// line does: "五、", "(二)", "3." (not "3.5"). A hand scan: it runs on
// every line that starts with a digit or numeral.
func isNumbered(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n\f")
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		i := 1
		if len(s) > 1 && s[1] >= '0' && s[1] <= '9' {
			i = 2
		}
		i = skipSpace(s, i)
		switch {
		case strings.HasPrefix(s[i:], "、"):
			i += len("、")
		case strings.HasPrefix(s[i:], "."):
			i++
		default:
			return false
		}
		return i == len(s) || s[i] < '0' || s[i] > '9'
	case c == '(':
		i := skipSpace(s, 1)
		j := skipHeadingNumerals(s, i)
		if j == i {
			return false
		}
		return strings.HasPrefix(s[skipSpace(s, j):], ")")
	default:
		j := skipHeadingNumerals(s, 0)
		if j == 0 {
			return false
		}
		rest := s[skipSpace(s, j):]
		return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".")
	}
}

// skipHeadingNumerals skips the numerals headings are numbered with (一 to 十).
func skipHeadingNumerals(s string, i int) int {
	for i < len(s) {
		r, size := decode(s, i)
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		i += size
	}
	return i
}

// mayBeHeading is a cheap test before headingRE: a heading starts with a
// digit, a bracket or a Chinese numeral (after blanks).
func mayBeHeading(s string) bool {
	s = trimLeft(s)
	if s == "" {
		return false
	}
	if c := s[0]; c >= '0' && c <= '9' || c == '(' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isCNNumeral(r)
}

// cues records which of the characters the rules key on a sentence holds,
// found in one pass, so most rules can be skipped without a search.
type cues struct {
	num      bool // a digit or Chinese numeral
	count    bool // a numeral followed by a unit: perhaps a count (split sets it)
	neg      bool // 未, 没, 无, 免 or 不: a denial
	cases    bool // 复, 诉, 纠 or 撤
	apply    bool // 申
	fee      bool // 费
	persons  bool // 自 (自然人)
	compiled bool // 编, 汇 or 综 (编制, 汇总, 综合)
}

// cuesOf reads the cueTable bits split gathered for a sentence.
func cuesOf(f uint16) cues {
	b := uint8(f)
	return cues{num: b&cueNum != 0, count: f&cueCount != 0, neg: b&cueNeg != 0, cases: b&cueCases != 0,
		apply: b&cueApply != 0, fee: b&cueFee != 0, persons: b&cuePersons != 0, compiled: b&cueCompiled != 0}
}

// cueCount is the bit split sets, above the cueTable bits, for a sentence
// where a unit follows a numeral.
const cueCount uint16 = 1 << 8

// Bits of cueTable.
const (
	cueNum uint8 = 1 << iota
	cueNeg
	cueCases
	cueApply
	cueFee
	cuePersons
	cueCompiled
	cueLex // a lexicon word or a mark of the tokenizer starts with it (set by buildLex)
)

// cueTable holds, for each rune of the Basic Multilingual Plane, the cues it
// is: one load a rune instead of a chain of comparisons.
var cueTable = func() *[0x10000]uint8 {
	var t [0x10000]uint8
	for r := '0'; r <= '9'; r++ {
		t[r] |= cueNum
	}
	for _, r := range "零〇一二两三四五六七八九十百千" {
		t[r] |= cueNum
	}
	for _, c := range []struct {
		runes string
		bit   uint8
	}{{"未没无免不", cueNeg}, {"复诉纠撤", cueCases}, {"申", cueApply}, {"费", cueFee}, {"自", cuePersons}, {"编汇综", cueCompiled}} {
		for _, r := range c.runes {
			t[r] |= c.bit
		}
	}
	return &t
}()

// decode is utf8.DecodeRuneInString(s[i:]) with the runes of Chinese text
// (three bytes) decoded inline: the scanners of this package decode every
// rune of every sentence. It is small enough to be inlined; a malformed
// three-byte sequence yields some rune of the same length, which the
// scanners only compare with the characters they look for.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c&0xF0 == 0xE0 && i+2 < len(s) {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return decodeOther(s, i)
}

// decodeOther decodes the runes decode does not inline.
func decodeOther(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}
