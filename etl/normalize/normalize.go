package normalize

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text is a report's text after normalisation, with a map back to the
// original so provenance can quote the original text.
type Text struct {
	Orig string // the decoded original text
	Norm string // simplified, half-width, pinyin-free, whitespace-folded

	// Norm is built in two passes, each with its own map: fold (width,
	// pinyin, whitespace) maps folded → Orig, conv (t2s) maps Norm → folded.
	fold, conv *spanMap
}

// New normalises orig. It never fails: bytes that are not valid UTF-8 are
// copied through unchanged.
func New(orig string) *Text {
	folded, fm := fold(orig)
	norm, cm := loadDict().convert(folded)
	return &Text{Orig: orig, Norm: norm, fold: fm, conv: cm}
}

// OrigSpan maps a byte span of Norm onto the byte span of Orig it came from.
// Offsets outside Norm are clamped; the result satisfies 0 ≤ s ≤ e ≤
// len(Orig), and larger Norm offsets never map to smaller Orig offsets. A
// span that cuts into a converted unit (a phrase, a full-width character)
// widens to the whole unit.
func (t *Text) OrigSpan(start, end int) (int, int) {
	if t.conv == nil || t.fold == nil {
		// A Text built as a literal, not by New: Norm is Orig.
		n := int32(len(t.Orig))
		s, e := int(clamp(start, n)), int(clamp(end, n))
		return s, max(s, e)
	}
	s, e := t.conv.span(start, end)
	return t.fold.span(s, e)
}

// Quote returns the original text behind a span of Norm, with its original offsets.
func (t *Text) Quote(start, end int) (string, int, int) {
	s, e := t.OrigSpan(start, end)
	return t.Orig[s:e], s, e
}

// fold applies the character-level rewrites: CR/CRLF → LF, full-width ASCII
// → ASCII, pinyin glosses dropped, runs of spaces folded and lines trimmed.
// Blank lines are kept: in text exports a table is one cell per line and an
// empty cell is an empty line.
//
// Unchanged text is copied in runs (one append, one map piece per run),
// which is most of a report.
func fold(src string) (string, *spanMap) {
	f := folder{src: src, m: &spanMap{sLen: int32(len(src))}, run: -1, spaceAt: -1}
	f.out = make([]byte, 0, len(src))
	// About one map piece per 24 bytes of a report (line ends after trimmed
	// space, full-width punctuation): sized once rather than grown.
	f.m.pieces = make([]piece, 0, len(src)/24+8)
	prevHan := false
	for i := 0; i < len(src); {
		if f.run >= 0 {
			// Inside a run of unchanged text, pass over what fold keeps as
			// it is without the per-rune dispatch below.
			if j, han := plainRun(src, i); j > i {
				i, prevHan = j, han
				continue
			}
		}
		c := src[i]
		if c >= utf8.RuneSelf {
			r, n := decodeRune(src[i:])
			switch {
			case r >= 0x4E00 && r <= 0x9FFF: // the common case: a Han character
				f.keep(i, n)
				prevHan = true
			case r == '（' && prevHan && pinyinGloss(src[i:]) > 0:
				f.drop(i)
				n = pinyinGloss(src[i:])
			case r == 0x3000 || r == 0xA0 || unicode.Is(unicode.Zs, r):
				f.space(i, n)
				prevHan = false
			case r == 0xFEFF || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xAD:
				f.drop(i) // BOM, zero-width characters, soft hyphen: invisible
			case r >= radicalsFirst && r <= radicalsLast && radicals[r-radicalsFirst] != "":
				// PDF text layers often use Kangxi radicals for look-alike
				// characters (⽇ for 日, ⼯ for 工).
				f.replace(radicals[r-radicalsFirst], i, n)
				prevHan = true
			case r >= 0xFF01 && r <= 0xFF5E:
				c := int(r - 0xFF01)
				f.replace(printableASCII[c:c+1], i, n)
				prevHan = false
			default: // includes bytes that are not UTF-8: kept as they are
				f.keep(i, n)
				prevHan = isHan(r)
			}
			i += n
			continue
		}
		switch c {
		case '\n', '\r':
			n := 1
			if c == '\r' && i+1 < len(src) && src[i+1] == '\n' {
				n = 2
			}
			f.newline(i, n)
			prevHan = false
			i += n
		case ' ', '\t', '\f', '\v':
			f.space(i, 1)
			prevHan = false
			i++
		case '(':
			if n := pinyinGloss(src[i:]); prevHan && n > 0 {
				f.drop(i)
				i += n
				continue
			}
			fallthrough
		default:
			f.keep(i, 1)
			prevHan = false
			i++
		}
	}
	f.flush(len(src))
	f.m.dLen = int32(len(f.out))
	return string(f.out), f.m
}

// plainRun returns the end of the text from i that fold copies unchanged
// with no state but prevHan: ASCII other than white space, line breaks and
// '(' (which may open a pinyin gloss), and Han characters U+4E00–U+9FFF. han
// tells whether the last rune passed is Han.
func plainRun(src string, i int) (end int, han bool) {
	for i < len(src) {
		c := src[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\n', '\r', ' ', '\t', '\f', '\v', '(':
				return i, han
			}
			i++
			han = false
			continue
		}
		// U+4E00–U+9FFF is E4 B8 80 through E9 BF BF, decoded inline.
		if c < 0xE4 || c > 0xE9 || i+2 >= len(src) {
			return i, han
		}
		c1, c2 := src[i+1], src[i+2]
		if c1&0xC0 != 0x80 || c2&0xC0 != 0x80 || c == 0xE4 && c1 < 0xB8 {
			return i, han
		}
		i += 3
		han = true
	}
	return i, han
}

// folder is the state of fold: the pending run of unchanged source bytes
// and the pending whitespace.
type folder struct {
	src      string
	out      []byte
	m        *spanMap
	run      int // start of the unchanged run, or -1
	spaceAt  int // start of pending whitespace, or -1
	spaceEnd int
	midLine  bool // something was written on this line
}

// flush writes the pending unchanged run ending at i.
func (f *folder) flush(i int) {
	if f.run >= 0 && i > f.run {
		f.m.add(len(f.out), i-f.run, f.run, i-f.run)
		f.out = append(f.out, f.src[f.run:i]...)
	}
	f.run = -1
}

// text is called before visible text at i: it writes a pending space,
// which is dropped at the start of a line.
func (f *folder) text(i int) {
	if f.spaceAt >= 0 {
		if f.midLine {
			f.m.add(len(f.out), 1, f.spaceAt, f.spaceEnd-f.spaceAt)
			f.out = append(f.out, ' ')
		}
		f.spaceAt = -1
	}
	f.midLine = true
}

// keep extends the unchanged run with src[i:i+n].
func (f *folder) keep(i, n int) {
	if f.run >= 0 {
		return
	}
	f.flush(i)
	f.text(i)
	f.run = i
}

// replace writes s for src[i:i+n].
func (f *folder) replace(s string, i, n int) {
	f.flush(i)
	f.text(i)
	f.m.add(len(f.out), len(s), i, n)
	f.out = append(f.out, s...)
}

// drop writes nothing for the source bytes starting at i.
func (f *folder) drop(i int) { f.flush(i) }

// space records whitespace at src[i:i+n]; a run becomes one space.
func (f *folder) space(i, n int) {
	f.flush(i)
	if f.spaceAt < 0 {
		f.spaceAt = i
	}
	f.spaceEnd = i + n
}

// newline writes a line feed for src[i:i+n], dropping trailing whitespace.
func (f *folder) newline(i, n int) {
	f.flush(i)
	f.spaceAt = -1
	f.midLine = false
	f.m.add(len(f.out), 1, i, n)
	f.out = append(f.out, '\n')
}

// isHan reports whether r is a CJK ideograph (a pinyin gloss may follow it).
func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF
}

// The CJK Radicals Supplement and Kangxi Radicals blocks, and their NFKC
// replacements (empty where there is none).
const (
	radicalsFirst = 0x2E80
	radicalsLast  = 0x2FDF
)

var radicals = func() []string {
	t := make([]string, radicalsLast-radicalsFirst+1)
	for r := rune(radicalsFirst); r <= radicalsLast; r++ {
		if s := norm.NFKC.String(string(r)); s != string(r) {
			t[r-radicalsFirst] = s
		}
	}
	return t
}()

// printableASCII is '!' through '~', sliced for full-width replacements
// without allocating.
const printableASCII = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"

// pinyinGloss returns the byte length of a pinyin gloss such as "(guī)" or
// "（gong）" at the start of s, or 0. A gloss is one syllable of lower-case
// latin letters, tone-marked or not, with an optional tone digit; ordinary
// parenthesised text — (一), (2021), (暂行), (APP) — is not a gloss.
func pinyinGloss(s string) int {
	i := 0
	switch {
	case len(s) > 0 && s[0] == '(':
		i = 1
	case len(s) >= 3 && s[:3] == "（":
		i = 3
	default:
		return 0
	}
	letters, vowels := 0, 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 'a' && r <= 'z':
			if r == 'a' || r == 'e' || r == 'i' || r == 'o' || r == 'u' || r == 'v' {
				vowels++
			}
			letters++
		case isToneVowel(r):
			letters++
			vowels++
		case r >= '1' && r <= '5' && letters > 0:
			// a tone number must close the syllable
			i += n
			if i < len(s) && (s[i] == ')' || len(s) >= i+3 && s[i:i+3] == "）") {
				continue
			}
			return 0
		case r == ')' || r == '）':
			if letters == 0 || letters > 6 || (vowels == 0 && !syllabicNasal(s[1:i])) {
				return 0
			}
			return i + n
		default:
			return 0
		}
		i += n
	}
	return 0
}

// isToneVowel reports whether r is a pinyin vowel with a tone mark or ü/ê.
func isToneVowel(r rune) bool {
	switch r {
	case 'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì',
		'ō', 'ó', 'ǒ', 'ò', 'ū', 'ú', 'ǔ', 'ù', 'ü', 'ǖ', 'ǘ', 'ǚ', 'ǜ', 'ê', 'ế', 'ề':
		return true
	}
	return false
}

// syllabicNasal accepts the vowel-less syllables m, n, ng, hm, hng (嗯, 呣).
func syllabicNasal(s string) bool {
	switch s {
	case "m", "n", "ng", "hm", "hng", "ḿ", "ń", "ň", "ǹ":
		return true
	}
	return false
}
