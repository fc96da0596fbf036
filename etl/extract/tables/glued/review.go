package glued

import (
	"slices"
	"strings"
)

// reviewFound is the glued review and litigation table: its header's
// result order, the span of its result headers and its run of 15 cells.
type reviewFound struct {
	order  []int // order[k] is the result (index into reviewResults) of cell k of each group
	hs, he int   // the header, from 行政复议 to the last result header
	rs, re int
}

// scanReview finds the review table: a header naming 行政复议, both
// litigation groups (未经复议直接起诉, 复议后起诉) and the result headers,
// then the run. The results' order is read from the header as printed (the
// first five distinct ones), or the template's when the header lost them
// and the ones read follow it.
func scanReview(f folded) (reviewFound, bool) {
	s := f.s
	for p := 0; p < len(s); {
		k := strings.Index(s[p:], "复议后起诉")
		if k < 0 {
			return reviewFound{}, false
		}
		after := p + k
		p = after + 1
		direct := strings.LastIndex(s[max(0, after-400):after], "直接起诉")
		if direct < 0 {
			continue
		}
		from := max(0, after-400) + direct
		head := strings.LastIndex(s[max(0, from-400):from], "行政复议")
		hs := from
		if head >= 0 {
			hs = max(0, from-400) + head
		}
		// After 复议后起诉: result headers (and nothing else) up to the run.
		q := after + len("复议后起诉")
		for q < len(s) {
			if s[q] == ' ' || s[q] == '\n' {
				q++
				continue
			}
			w := resultAt(s[q:])
			if w == "" {
				break
			}
			q += len(w)
		}
		rs, re := readRun(s, q)
		if re-rs < 15 || !hasDigit(s[rs:re]) {
			continue
		}
		order := resultOrder(s[hs:q])
		if order == nil {
			continue
		}
		return reviewFound{order: order, hs: hs, he: q, rs: rs, re: re}, true
	}
	return reviewFound{}, false
}

// resultAt returns the result header that s starts with, or "".
func resultAt(s string) string {
	for _, w := range resultWords {
		if strings.HasPrefix(s, w.word) {
			return w.word
		}
	}
	return ""
}

// resultOrder reads the first five distinct result headers of a header, in
// order; with fewer, the template's order when they follow it.
func resultOrder(h string) []int {
	var order []int
	for i := 0; i < len(h) && len(order) < 5; {
		w := resultAt(h[i:])
		if w == "" {
			i++
			continue
		}
		for _, rw := range resultWords {
			if rw.word == w {
				k := slices.Index(reviewResults, rw.result)
				if !slices.Contains(order, k) {
					order = append(order, k)
				}
				break
			}
		}
		i += len(w)
	}
	if len(order) == 5 {
		return order
	}
	for i := 1; i < len(order); i++ {
		if order[i] < order[i-1] {
			return nil
		}
	}
	return []int{0, 1, 2, 3, 4}
}
