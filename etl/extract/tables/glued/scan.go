package glued

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// folded is a region of the normalised text folded for matching: quote
// marks dropped, white space between words dropped (a label wrapped over two
// lines or with a space inside is whole again), a line break next to a
// figure kept as "\n" and a space between two figures as " " (cells kept
// apart: not a glued run), and every dash written "-". at[i] is the offset
// in the normalised text of the rune byte i came from, at[len(s)] the
// region's end.
type folded struct {
	s  string
	at []int32
}

// isQuote reports whether r is a quote mark, which labels print or drop at will.
func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』':
		return true
	}
	return false
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u3000', '\u00a0':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '—', '–', '−', '－', '‐', '‑':
		return true
	}
	return false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// runByte reports whether b may be part of a glued run: digits, a decimal
// point, signs, blank marks.
func runByte(b byte) bool {
	return isDigit(b) || b == '.' || b == '+' || b == '-' || b == '/' || b == '\\'
}

// fold folds norm[start:end].
func fold(norm string, start, end int) folded {
	src := norm[start:end]
	var b strings.Builder
	b.Grow(len(src))
	at := make([]int32, 0, len(src)+1)
	emit := func(s string, off int) {
		for i := 0; i < len(s); i++ {
			at = append(at, int32(start+off+i))
		}
		b.WriteString(s)
	}
	last := byte(0) // the last byte written
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRuneInString(src[i:])
		switch {
		case isQuote(r):
		case isSpace(r):
			j := i + n
			for j < len(src) {
				r2, n2 := utf8.DecodeRuneInString(src[j:])
				if !isSpace(r2) {
					break
				}
				j += n2
			}
			nextRun := j < len(src) && (runByte(src[j]) || isDash(firstRune(src[j:])))
			prevRun := runByte(last) || last == '-'
			switch {
			case strings.ContainsAny(src[i:j], "\n\r") && (prevRun || nextRun) && last != '\n':
				emit("\n", i)
				last = '\n'
			case prevRun && nextRun:
				emit(" ", i)
				last = ' '
			}
			i = j
			continue
		case isDash(r):
			emit("-", i)
			for k := 1; k < n; k++ {
				at[len(at)-1] = int32(start + i) // one byte stands for the whole rune
			}
			last = '-'
		default:
			emit(src[i:i+n], i)
			last = src[i+n-1]
		}
		i += n
	}
	at = append(at, int32(end))
	return folded{s: b.String(), at: at}
}

// foldRegions folds each region and joins them with a "|", which no label
// or run holds.
func foldRegions(norm string, regions [][2]int) folded {
	if len(regions) == 1 {
		return fold(norm, regions[0][0], regions[0][1])
	}
	var b strings.Builder
	var at []int32
	for i, r := range regions {
		f := fold(norm, r[0], r[1])
		if i > 0 {
			b.WriteByte('|')
			at = append(at, int32(r[0]))
		}
		b.WriteString(f.s)
		at = append(at, f.at[:len(f.s)]...)
	}
	at = append(at, int32(regions[len(regions)-1][1]))
	return folded{s: b.String(), at: at}
}

// span maps a byte span of the folded text onto the normalised text.
func (f folded) span(s, e int) (int, int) {
	if e <= s {
		return int(f.at[s]), int(f.at[s])
	}
	// The end is where the last byte's rune ends: the next byte's rune
	// starts there unless white space was dropped between them.
	last := int(f.at[e-1])
	_, n := utf8.DecodeRuneInString(f.s[e-1:]) // a folded dash is one byte standing for its rune
	end := last + n
	if f.s[e-1] == '-' {
		end = int(f.at[e]) // the dash's rune may be several bytes
		if end < last+1 {
			end = last + 1
		}
	}
	if e < len(f.s) && int(f.at[e]) < end {
		end = int(f.at[e])
	}
	return int(f.at[s]), end
}

// moneyUnits are the units an amount cell may print after its figure,
// longer ones first.
var moneyUnits = []string{"(万元)", "(万)", "(元)", "万元", "元", "万"}

// countUnits are the unit cells of the legacy table, printed between the
// label and the figure.
var countUnits = []string{"人次", "件次", "万元", "条", "件", "次", "篇", "个", "人", "项", "元", "家", "场", "期"}

// measure reports whether s starts with a word that follows a figure in
// prose ("3件", "2022年", "25%"): a run followed by one is a sentence, not a
// glued row.
func measure(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '件', '条', '个', '次', '人', '篇', '项', '家', '起', '宗', '份', '封', '期', '年', '月', '日', '号', '%', '余', '多', '名', '类', '批', '场', '位', '天', '倍':
		return true
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// readRun reads the run that starts at p (after one optional line break):
// run bytes, then a money unit if the run ends in a digit. A trailing "."
// is left out (it is a numbering's or a sentence's). A run whose figures
// are apart ("0 0 3", or a cell a line) is no glued run: the cell readers
// read those, and an empty span is returned.
func readRun(s string, p int) (rs, re int) {
	if p < len(s) && (s[p] == '\n' || s[p] == ' ') {
		p++
	}
	rs = p
	i := p
	for i < len(s) && runByte(s[i]) {
		i++
	}
	if i < len(s)-1 && s[i] == ' ' && runByte(s[i+1]) || bareLine(s, i) {
		return rs, rs
	}
	for i > rs && s[i-1] == '.' {
		i--
	}
	if i > rs && isDigit(s[i-1]) {
		for _, u := range moneyUnits {
			if strings.HasPrefix(s[i:], u) {
				i += len(u)
				break
			}
		}
	}
	return rs, i
}

// bareLine reports whether the text at i is a line break and then a line
// that is only figures: the next cell of a table printed a cell a line,
// not the next row's label (which may start with its numbering, "2.其他…").
func bareLine(s string, i int) bool {
	if i >= len(s) || s[i] != '\n' {
		return false
	}
	j := i + 1
	for j < len(s) && runByte(s[j]) {
		j++
	}
	return j > i+1 && (j == len(s) || s[j] == '\n' || s[j] == ' ')
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// found is one row of a table found in the folded text.
type found struct {
	row    int    // index in the family's rows
	ls, le int    // the label's head
	rs, re int    // the run (rs == re: none)
	unit   string // the unit cell printed before the run (legacy)
}

// maxGap bounds the text between one row's run and the next row's label:
// numbering, a group label, a block's header ("第二十条第（五）项信息内容本年处理决定数量").
const maxGap = 240

// match finds row j's label at or after p, before limit, followed by a
// run (or by none, for a group label); it returns the row found, or false.
func (fam *family) match(f folded, j, p, limit int) (found, bool) {
	row := &fam.rows[j]
	s := f.s
	for p < limit {
		k := strings.Index(s[p:min(len(s), limit+len(row.head))], row.head)
		if k < 0 {
			return found{}, false
		}
		ls := p + k
		le := ls + len(row.head)
		p = ls + 1
		q := le
		if row.annot && q < len(s) && s[q] == '(' {
			// "(不同渠道和方式公开相同信息计1条)": skip to its closing bracket.
			if c := strings.IndexByte(s[q:min(len(s), q+200)], ')'); c > 0 {
				q += c + 1
			}
		}
		// Free wording after the head: up to tail runes, none a run byte.
		for n := 0; n < row.tail && q < len(s) && !runByte(s[q]) && s[q] != ' '; n++ {
			_, w := utf8.DecodeRuneInString(s[q:])
			if row.unit && unitAt(s[q:]) > 0 {
				break
			}
			q += w
		}
		unit := ""
		if row.unit {
			u := unitAt(s[q:])
			unit = s[q : q+u]
			q += u
		}
		rs, re := readRun(s, q)
		if rs == re {
			if row.group {
				return found{row: j, ls: ls, le: le, rs: q, re: q}, true
			}
			continue
		}
		if !hasDigit(s[rs:re]) && re-rs < len(row.cols) {
			continue // a lone "/" or "-" after a word is punctuation
		}
		if measure(strings.TrimPrefix(s[re:], " ")) {
			continue // "予以公开3件": a sentence
		}
		return found{row: j, ls: ls, le: le, rs: rs, re: re, unit: unit}, true
	}
	return found{}, false
}

// unitAt returns the byte length of the unit cell at the start of s, or 0.
func unitAt(s string) int {
	for _, u := range countUnits {
		if strings.HasPrefix(s, u) {
			return len(u)
		}
	}
	return 0
}

// maxOccurrences bounds the places one label is taken at in a region.
const maxOccurrences = 64

// scan finds the family's longest chain of rows in f: labels in template
// order (rows may be missing), each followed by its run, each within maxGap
// of the run before it. Every label is looked for once; the chain is then
// a walk over the places found, in text order.
func (fam *family) scan(f folded) []found {
	var occ []found
	for j := range fam.rows {
		for p, n := 0, 0; n < maxOccurrences; n++ {
			h, ok := fam.match(f, j, p, len(f.s))
			if !ok {
				break
			}
			occ = append(occ, h)
			p = h.ls + 1
		}
	}
	if len(occ) < fam.minRows {
		return nil
	}
	slices.SortFunc(occ, func(a, b found) int {
		if a.ls != b.ls {
			return a.ls - b.ls
		}
		return a.row - b.row
	})
	var best, cur []found
	end := 0 // where the chain's last run ends
	for _, o := range occ {
		if len(cur) > 0 {
			last := cur[len(cur)-1]
			if o.ls < end {
				continue // inside the last row
			}
			if o.ls-end > maxGap {
				if len(cur) > len(best) {
					best = cur
				}
				cur = nil
			} else if o.row <= last.row {
				continue // a label the chain is past
			}
		}
		if len(cur) > 0 {
			fam.unnumber(f, &cur[len(cur)-1], o)
		}
		cur = append(cur, o)
		end = max(o.re, o.le)
	}
	if len(cur) > len(best) {
		best = cur
	}
	withRun := 0
	for _, h := range best {
		if h.re > h.rs {
			withRun++
		}
	}
	if withRun < fam.minRows {
		return nil
	}
	return best
}

// unnumber gives back to the next row the numbering its label printed and
// the run before it took: "…0000000" + "2.其他法律…" is read as the run
// "00000002" and the label ".其他法律…". The digits are the next row's
// template numbering, followed by "." or "、" before its label.
func (fam *family) unnumber(f folded, prev *found, next found) {
	num := fam.rows[next.row].num
	if num == "" || prev.re <= prev.rs {
		return
	}
	gap := f.s[prev.re:next.ls]
	if !strings.HasPrefix(gap, ".") && !strings.HasPrefix(gap, "、") {
		return
	}
	run := f.s[prev.rs:prev.re]
	if !strings.HasSuffix(run, num) {
		return
	}
	prev.re -= len(num)
	for prev.re > prev.rs && f.s[prev.re-1] == ' ' {
		prev.re--
	}
}
