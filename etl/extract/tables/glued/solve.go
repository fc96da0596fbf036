package glued

// vec is an application row's seven cells as figures, a blank as zero.
type vec [7]int64

func (a vec) add(b vec) vec {
	for i := range a {
		a[i] += b[i]
	}
	return a
}

func (a vec) sub(b vec) vec {
	for i := range a {
		a[i] -= b[i]
	}
	return a
}

// within reports whether every figure of a is at most t's.
func (a vec) within(t vec) bool {
	for i := range a {
		if a[i] > t[i] {
			return false
		}
	}
	return true
}

func toVec(cells []Cell) vec {
	var v vec
	for i := 0; i < len(v) && i < len(cells); i++ {
		v[i] = cells[i].value()
	}
	return v
}

// level is a set of column identities the table-wide search imposes.
type level struct{ flow, outcomes bool }

// rules names the identities of a level, for provenance.
func (l level) rules() []string {
	var out []string
	if l.outcomes {
		out = append(out, "I2.outcomes")
	}
	if l.flow {
		out = append(out, "I1.flow")
	}
	return out
}

// appSolver chooses one reading per row of an application table so that
// the column identities hold: I2 (each column's outcome rows sum to
// （七）总计) and I1 (新收 + 上年结转 = 总计 + 结转下年度). cands[i] are the
// readings of row i that obey its own row sum (I3), nil when the row was
// not read; outcomes are the rows I2 sums.
type appSolver struct {
	cands    [][]vec
	outcomes []int
	b        *budget
}

// solve tries the levels in order, all identities first, and returns the
// first that some choice satisfies, with the readings each row can take in
// such a choice (feasible[i][k]: reading k of row i is part of one). bound
// is set when the search hit a limit before it settled.
func (s *appSolver) solve() (lv level, feasible [][]bool, bound bool) {
	has := func(i int) bool { return len(s.cands[i]) > 0 }
	canFlow := has(appNew) && has(appCarriedOver) && has(appTotal) && has(appForward)
	canOutcomes := has(appTotal)
	for _, o := range s.outcomes {
		canOutcomes = canOutcomes && has(o)
	}
	levels := []level{{flow: true, outcomes: true}, {outcomes: true}, {flow: true}, {}}
	for _, l := range levels {
		if l.flow && !canFlow || l.outcomes && !canOutcomes {
			continue
		}
		f, ok, hit := s.try(l)
		if hit {
			return level{}, nil, true
		}
		if ok {
			return l, f, false
		}
	}
	return level{}, nil, false
}

// try reports whether some choice of readings satisfies the level's
// identities, and which readings take part in one.
func (s *appSolver) try(l level) (feasible [][]bool, ok, bound bool) {
	feasible = make([][]bool, len(s.cands))
	for i, c := range s.cands {
		feasible[i] = make([]bool, len(c))
	}
	all := func(i int) {
		for k := range feasible[i] {
			feasible[i][k] = true
		}
	}
	if !l.flow && !l.outcomes {
		for i := range s.cands {
			all(i)
		}
		return feasible, true, false
	}
	// The totals to try, and for each the flow choices (new, carried over,
	// forward) that balance it.
	type flowChoice struct{ n, c, f int }
	flows := map[int][]flowChoice{}
	for t := range s.cands[appTotal] {
		if !l.flow {
			flows[t] = nil
			continue
		}
		tv := s.cands[appTotal][t]
		for f, fv := range s.cands[appForward] {
			need := tv.add(fv)
			for n, nv := range s.cands[appNew] {
				rest := need.sub(nv)
				for c, cv := range s.cands[appCarriedOver] {
					if !s.b.step() {
						return nil, false, true
					}
					if cv == rest {
						flows[t] = append(flows[t], flowChoice{n, c, f})
					}
				}
			}
		}
		if len(flows[t]) == 0 {
			delete(flows, t)
		}
	}
	for t := range s.cands[appTotal] {
		fl, balanced := flows[t]
		if !balanced {
			continue
		}
		if l.outcomes {
			good, hit := s.outcomeChoices(s.cands[appTotal][t], feasible)
			if hit {
				return nil, false, true
			}
			if !good {
				continue
			}
		}
		feasible[appTotal][t] = true
		for _, c := range fl {
			feasible[appNew][c.n], feasible[appCarriedOver][c.c], feasible[appForward][c.f] = true, true, true
		}
		ok = true
	}
	if !ok {
		return nil, false, false
	}
	// Rows no identity of the level names take any of their readings.
	named := map[int]bool{appTotal: true}
	if l.flow {
		named[appNew], named[appCarriedOver], named[appForward] = true, true, true
	}
	if l.outcomes {
		for _, o := range s.outcomes {
			named[o] = true
		}
	}
	for i := range s.cands {
		if !named[i] {
			all(i)
		}
	}
	return feasible, true, false
}

// outcomeChoices reports whether the outcome rows have readings summing to
// target, and marks in feasible each reading that is part of such a choice.
// It keeps the partial sums reachable from the first rows (forward) and from
// the last rows (backward), so a reading is feasible when some forward sum
// before it and some backward sum after it complete the target.
func (s *appSolver) outcomeChoices(target vec, feasible [][]bool) (ok, bound bool) {
	rows := s.outcomes
	m := len(rows)
	fwd := make([]map[vec]bool, m+1)
	fwd[0] = map[vec]bool{{}: true}
	for i, r := range rows {
		next := map[vec]bool{}
		for sum := range fwd[i] {
			for _, v := range s.cands[r] {
				if !s.b.step() {
					return false, true
				}
				if w := sum.add(v); w.within(target) {
					next[w] = true
				}
			}
		}
		if len(next) > s.b.States {
			return false, true
		}
		fwd[i+1] = next
	}
	if !fwd[m][target] {
		return false, false
	}
	back := map[vec]bool{{}: true} // sums of rows i+1.. for the row i being marked
	for i := m - 1; i >= 0; i-- {
		r := rows[i]
		for k, v := range s.cands[r] {
			for sum := range fwd[i] {
				if !s.b.step() {
					return false, true
				}
				if back[target.sub(sum).sub(v)] {
					feasible[r][k] = true
					break
				}
			}
		}
		next := map[vec]bool{}
		for sum := range back {
			for _, v := range s.cands[r] {
				if !s.b.step() {
					return false, true
				}
				if w := sum.add(v); w.within(target) {
					next[w] = true
				}
			}
		}
		if len(next) > s.b.States {
			return false, true
		}
		back = next
	}
	return true, false
}
