package normalize

import (
	"embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed opencc/*.txt
var openccFiles embed.FS

// twAliases are terms that zh-TW localising mirrors substitute for mainland
// terms (OpenCC's s2twp rewrites 门户网站 → 入口網站, 文件 → 檔案, 信息 →
// 資訊). OpenCC's t2s keeps them, so a keyword such as 规范性文件 would never
// match. The list is the reverse of the TWPhrases entries whose mainland
// term is frequent in disclosure reports, minus those whose Taiwan term is
// also a mainland word (资料, 稽核, 联络, 线上, 执行); the compounds where
// 檔案 really means 档案 (archives) are kept.
var twAliases = [][2]string{
	{"入口網站", "门户网站"},
	{"檔案", "文件"},
	{"檔案館", "档案馆"},
	{"檔案局", "档案局"},
	{"檔案室", "档案室"},
	{"檔案管理", "档案管理"},
	{"人事檔案", "人事档案"},
	{"資訊", "信息"},
	{"網路", "网络"},
	{"網際網路", "互联网"},
	{"釋出", "发布"},
	{"專案", "项目"},
	{"軟體", "软件"},
	{"冬粉", "粉丝"},
}

// dict is the merged t2s dictionary: single runes in a dense table for the
// Basic Multilingual Plane (the hot path) and a map beyond it, phrases in a
// map keyed by the phrase, with the longest phrase length per first rune so
// most runes cost one array read.
type dict struct {
	bmp      []uint32 // per BMP rune: index+1 into vals (0 = unchanged), longest phrase
	astral   map[rune]string
	vals     []string
	phrases  map[string]phraseEntry // phrases and their prefixes
	maxWords map[rune]int           // longest phrase, in runes, starting with the rune
	// pairs has a bit set for the first two runes of every phrase (hashed):
	// most runes that start some phrase are followed by a rune no phrase
	// continues with, and the bit rules that out without a map lookup.
	pairs []uint64
	// active has a bit set for each BMP rune whose bmp entry is not zero.
	// Most runes of a report are simplified already; the 8 KB bitset stays
	// in cache where the 256 KB bmp table would not.
	active []uint64
}

// pairBits is the log2 size of dict.pairs in bits: 4 KB, which stays in
// cache, for a few thousand phrases, so about one pair in twelve shares a
// bit with a phrase's and costs a map lookup for nothing.
const pairBits = 15

// pairHash is the bit of dict.pairs for the runes a, b.
func pairHash(a, b rune) uint32 {
	return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77) >> (32 - pairBits)
}

// A bmp entry packs the index+1 of the rune's conversion (low 24 bits) and
// the length in runes of the longest phrase starting with it (high 8 bits).
const (
	idxMask  = 1<<24 - 1
	maxShift = 24
	maxMask  = 0xFF
)

// phraseEntry is a phrase's conversion, or (full == false) a marker that
// longer phrases start with this key.
type phraseEntry struct {
	val  string
	full bool
}

var (
	t2sOnce sync.Once
	t2s     *dict
)

func loadDict() *dict {
	t2sOnce.Do(func() { t2s = buildDict(true) })
	return t2s
}

// readPairs parses an OpenCC dictionary file: "key<TAB>value value...".
// The first value is OpenCC's preferred conversion.
func readPairs(name string) [][2]string {
	b, err := openccFiles.ReadFile("opencc/" + name)
	if err != nil {
		panic("normalize: embedded dictionary missing: " + name) // a build defect, not input
	}
	var out [][2]string
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
		if !ok || k == "" {
			continue
		}
		if i := strings.IndexByte(v, ' '); i >= 0 {
			v = v[:i]
		}
		out = append(out, [2]string{k, v})
	}
	return out
}

// buildDict merges the vendored tables; aliases adds twAliases (tests turn
// it off to compare with plain OpenCC).
func buildDict(aliases bool) *dict {
	d := &dict{
		bmp:      make([]uint32, 0x10000),
		astral:   map[rune]string{},
		phrases:  map[string]phraseEntry{},
		maxWords: map[rune]int{},
		pairs:    make([]uint64, 1<<pairBits/64),
		active:   make([]uint64, 0x10000/64),
	}
	// OpenCC's own t2s tables win; the zh-TW variants and compatibility
	// ideographs only fill keys they do not have.
	chars := map[string]string{}
	for _, p := range readPairs("TSCharacters.txt") {
		chars[p[0]] = p[1]
	}
	phrases := map[string]string{}
	for _, p := range readPairs("TSPhrases.txt") {
		phrases[p[0]] = p[1]
	}
	conv := func(s string) string { // character-wise t2s, for derived entries
		var b strings.Builder
		for _, r := range s {
			if v, ok := chars[string(r)]; ok {
				b.WriteString(v)
			} else {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	// TWVariants is not reversed character by character: TSCharacters
	// already reads the Taiwan forms, and the remaining ones are ambiguous
	// (著 is both 着 in Taiwan usage and 著 in 显著). Its phrase list is
	// context-safe.
	for _, p := range readPairs("TWVariantsRevPhrases.txt") {
		if _, ok := phrases[p[0]]; !ok {
			phrases[p[0]] = conv(p[1])
		}
	}
	for _, p := range readPairs("CJK_Compatibility_Ideographs.txt") {
		if _, ok := chars[p[0]]; !ok {
			chars[p[0]] = conv(p[1])
		}
	}
	if aliases {
		for _, a := range twAliases {
			phrases[a[0]] = a[1]
		}
	}
	for k, v := range chars {
		r, n := utf8.DecodeRuneInString(k)
		if n != len(k) || k == v {
			continue
		}
		if r < 0x10000 {
			d.vals = append(d.vals, v)
			d.bmp[r] = uint32(len(d.vals))
		} else {
			d.astral[r] = v
		}
	}
	for k, v := range phrases {
		n := utf8.RuneCountInString(k)
		if n < 2 {
			continue
		}
		d.phrases[k] = phraseEntry{val: v, full: true}
		a, n1 := decodeRune(k)
		b, _ := decodeRune(k[n1:])
		h := pairHash(a, b)
		d.pairs[h/64] |= 1 << (h % 64)
		// Mark its proper prefixes of two or more runes.
		runes := 0
		for j := range k {
			if runes >= 2 {
				if _, ok := d.phrases[k[:j]]; !ok {
					d.phrases[k[:j]] = phraseEntry{}
				}
			}
			runes++
		}
		r, _ := utf8.DecodeRuneInString(k)
		if n > d.maxWords[r] && n <= maxMask {
			d.maxWords[r] = n
			if r < 0x10000 {
				d.bmp[r] = d.bmp[r]&idxMask | uint32(n)<<maxShift
			}
		}
	}
	for r, e := range d.bmp {
		if e != 0 {
			d.active[r/64] |= 1 << (r % 64)
		}
	}
	return d
}

// convert rewrites src to Simplified Chinese by greedy longest match,
// recording where each output byte came from. Unchanged text is copied in
// runs.
func (d *dict) convert(src string) (string, *spanMap) {
	m := &spanMap{sLen: int32(len(src))}
	var out []byte
	run := 0 // start of the unchanged run not yet written
	flush := func(i int) {
		if i > run {
			m.add(len(out), i-run, run, i-run)
			out = append(out, src[run:i]...)
		}
	}
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		var r rune
		var n int
		if c0 := src[i]; c0 >= 0xE1 && c0 <= 0xEF && c0 != 0xED && i+2 < len(src) &&
			src[i+1]&0xC0 == 0x80 && src[i+2]&0xC0 == 0x80 {
			// decodeRune's three-byte path, inline: this loop visits
			// every rune of the report.
			r, n = rune(c0&0x0F)<<12|rune(src[i+1]&0x3F)<<6|rune(src[i+2]&0x3F), 3
		} else {
			r, n = decodeRune(src[i:])
		}
		var entry uint32
		max := 0
		if r < 0x10000 {
			if d.active[r/64]&(1<<(r%64)) == 0 {
				i += n
				continue
			}
			entry = d.bmp[r]
			max = int(entry>>maxShift) & maxMask
		} else {
			max = d.maxWords[r]
		}
		if max > 0 {
			if k, v, ok := d.matchPhrase(src[i:], r, n, max); ok {
				if out == nil {
					out = make([]byte, 0, len(src)+16)
				}
				flush(i)
				d.emitPhrase(&out, m, k, v, i)
				i += len(k)
				run = i
				continue
			}
		}
		v, conv := "", false
		if r < 0x10000 {
			if idx := entry & idxMask; idx != 0 {
				v, conv = d.vals[idx-1], true
			}
		} else {
			v, conv = d.astral[r]
		}
		if conv {
			if out == nil {
				out = make([]byte, 0, len(src)+16)
			}
			flush(i)
			m.add(len(out), len(v), i, n)
			out = append(out, v...)
			run = i + n
		}
		i += n
	}
	if out == nil { // nothing to convert: Norm shares the folded string
		m.add(0, len(src), 0, len(src))
		m.dLen = int32(len(src))
		return src, m
	}
	flush(len(src))
	m.dLen = int32(len(out))
	return string(out), m
}

// matchPhrase finds the longest phrase at the start of s. Every prefix of a
// phrase is in the table (as a prefix-only entry), so the search stops at
// the first prefix no phrase has: usually after one lookup.
//
// first is the rune s starts with and pos its length, already decoded.
func (d *dict) matchPhrase(s string, first rune, pos, max int) (key, val string, ok bool) {
	for n := 2; n <= max && pos < len(s); n++ {
		r, w := decodeRune(s[pos:])
		pos += w
		if n == 2 {
			if h := pairHash(first, r); d.pairs[h/64]&(1<<(h%64)) == 0 {
				break
			}
		}
		e, found := d.phrases[s[:pos]]
		if !found {
			break
		}
		if e.full {
			key, val, ok = s[:pos], e.val, true
		}
	}
	return key, val, ok
}

// emitPhrase writes a converted phrase. When it has as many runes as its
// key, each rune maps to its own source rune so quotes stay tight;
// otherwise the whole phrase maps to the whole key.
func (d *dict) emitPhrase(out *[]byte, m *spanMap, key, val string, at int) {
	if utf8.RuneCountInString(key) != utf8.RuneCountInString(val) {
		*out = append(*out, val...)
		m.add(len(*out)-len(val), len(val), at, len(key))
		return
	}
	for len(key) > 0 {
		_, kn := utf8.DecodeRuneInString(key)
		_, vn := utf8.DecodeRuneInString(val)
		*out = append(*out, val[:vn]...)
		m.add(len(*out)-vn, vn, at, kn)
		at += kn
		key, val = key[kn:], val[vn:]
	}
}

// decodeRune is utf8.DecodeRuneInString with an inlined path for the
// three-byte sequences of CJK text, which the standard library decodes on its
// slow path. Lead bytes E0 and ED need range checks, so they take the slow path.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 {
		c0, c1, c2 := s[0], s[1], s[2]
		if c0 >= 0xE1 && c0 <= 0xEF && c0 != 0xED && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s)
}
