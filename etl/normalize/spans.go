package normalize

import "sort"

// piece says that dst bytes [d, next piece's d) came from src bytes [s, sEnd).
// When both lengths are equal the piece is linear: an offset inside it maps
// by its distance from the start. Otherwise it is atomic and a span that
// touches it widens to the whole source run.
type piece struct {
	d, s, sEnd int32
}

// spanMap maps byte offsets of a transformed string (dst) back onto the
// string it came from (src). Pieces are in increasing order of both d and s,
// so mapped spans are monotone. Source bytes that produced nothing (dropped
// pinyin, folded whitespace) lie in the gaps between pieces.
type spanMap struct {
	pieces []piece
	dLen   int32 // length of dst
	sLen   int32 // length of src
}

// add records that dst [d, d+dl) came from src [s, s+sl), merging with the
// previous piece when both are linear and contiguous, so runs of copied or
// same-length converted text cost one piece.
func (m *spanMap) add(d, dl, s, sl int) {
	if dl == 0 {
		return
	}
	if n := len(m.pieces); n > 0 && dl == sl {
		p := &m.pieces[n-1]
		if int(p.sEnd) == s && int(p.sEnd-p.s) == d-int(p.d) {
			p.sEnd = int32(s + sl)
			return
		}
	}
	m.pieces = append(m.pieces, piece{d: int32(d), s: int32(s), sEnd: int32(s + sl)})
}

// dEnd is the end in dst of piece i.
func (m *spanMap) dEnd(i int) int32 {
	if i+1 < len(m.pieces) {
		return m.pieces[i+1].d
	}
	return m.dLen
}

// find returns the index of the piece holding dst offset x (0 ≤ x < dLen).
func (m *spanMap) find(x int32) int {
	return sort.Search(len(m.pieces), func(i int) bool { return m.pieces[i].d > x }) - 1
}

// span maps dst [start, end) to the src span it came from. Offsets are
// clamped into range; an empty span maps to an empty span.
func (m *spanMap) span(start, end int) (int, int) {
	st, en := clamp(start, m.dLen), clamp(end, m.dLen)
	if en < st {
		en = st
	}
	if len(m.pieces) == 0 {
		return 0, 0
	}
	if st == m.dLen {
		p := m.pieces[len(m.pieces)-1]
		return int(p.sEnd), int(p.sEnd)
	}
	i := m.find(st)
	p := m.pieces[i]
	s := p.s
	if m.linear(i) {
		s += st - p.d
	}
	if en == st {
		return int(s), int(s)
	}
	j := m.find(en - 1)
	q := m.pieces[j]
	e := q.sEnd
	if m.linear(j) {
		e = q.s + (en - q.d)
	}
	return int(s), int(e)
}

func (m *spanMap) linear(i int) bool {
	p := m.pieces[i]
	return m.dEnd(i)-p.d == p.sEnd-p.s
}

func clamp(x int, n int32) int32 {
	switch {
	case x < 0:
		return 0
	case x > int(n):
		return n
	}
	return int32(x)
}
