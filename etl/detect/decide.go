package detect

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// The decision groups the evidence by body (two spellings of one body are
// one body), scores each body by what describes it, what supports it and
// whether it is the kind of body the report says it is, and picks the best
// only when no other body the report describes comes close. A report that
// names no qualified body for itself is completed from its kind hints (住建局
// and the 安阳县住建局 of its body text; 区司法局 and the only district the
// text names), or left unidentified with its candidates listed.

// conflictShare is how close a second body may come to the best before the
// evidence is taken to disagree.
const conflictShare = 0.6

// body is the evidence for one reporting body.
type body struct {
	ev      []int // indexes into gatherer.ev
	rep     int   // the evidence whose name the body goes by
	self    float64
	support float64
	kind    float64
	best    float64 // the largest self weight
	notes   []string
}

func (b *body) total() float64 { return b.self + min(b.support, 3) + b.kind }

// identifyAgency fills the agency fields of id.
func identifyAgency(t *normalize.Text, h headInfo, meta report.Meta, sup report.Supplied, id *report.Identity) {
	g := gatherAgency(t, h, meta, sup)
	if op := sup.Agency; op != "" {
		// The operator knows better than the text: their name is taken, in
		// its canonical form when it parses as one.
		a, ok := canonical(normText(op), g.ctx())
		if !ok || !a.placed {
			a = agency{name: op}
		}
		g.set(id, a, report.SourceOperator, "supplied by the operator"+originNote(sup))
		if a.name != op {
			id.AgencyAliases = []string{op}
		}
		id.Candidates = g.candidates(t)
		return
	}
	// The evidence is gathered in stages, each costlier than the last, and
	// the decision taken again after each: a report whose title names its
	// body is settled by its header.
	a, src, note, aliases, clear := g.decide()
	if !clear || a.name == "" || g.titleBest < wMetaTitle {
		g.widen()
		a, src, note, aliases, clear = g.decide()
	}
	if !clear {
		g.deepen()
		a, src, note, aliases, _ = g.decide()
	}
	if a.name != "" {
		g.set(id, a, src, note)
		id.AgencyAliases = aliases
	} else {
		id.AgencyNote = note
	}
	id.Candidates = g.candidates(t)
}

func originNote(sup report.Supplied) string {
	if sup.Origin == "" {
		return ""
	}
	return " (" + sup.Origin + ")"
}

// set records the chosen agency.
func (g *gatherer) set(id *report.Identity, a agency, src report.EvidenceSource, note string) {
	id.Agency, id.Level, id.Province, id.City = a.name, a.level, a.province, a.city
	id.AgencySource, id.AgencyNote, id.AgencyIncomplete = src, note, a.incomplete
}

// decide picks the reporting body: its agency, the source that named it,
// a note on how it was settled (or why it was not), and the other
// spellings printed for it.
//
// clear is set when a title, an author phrase or the opening chose the
// body and no other
// body the report describes comes near: more evidence would not change it.
func (g *gatherer) decide() (a agency, src report.EvidenceSource, note string, aliases []string, clear bool) {
	bodies := g.bodies()
	var selfs []*body
	for _, b := range bodies {
		if b.self > 0 {
			selfs = append(selfs, b)
		}
	}
	sort.SliceStable(selfs, func(i, j int) bool { return selfs[i].total() > selfs[j].total() })
	if len(selfs) > 0 {
		best := selfs[0]
		// An incomplete name may be completed by more evidence.
		clear = best.best >= wAuthor && !g.ev[best.rep].a.incomplete
		g.titleBest = best.best
		for _, r := range selfs[1:] {
			if r.total() >= conflictShare*best.total() && r.total() > 0 {
				return agency{}, "", fmt.Sprintf("the evidence disagrees: %s (%s) and %s (%s)",
					g.ev[best.rep].a.name, g.sources(best), g.ev[r.rep].a.name, g.sources(r)), nil, false
			}
			if r.total() > 0 {
				clear = false
			}
		}
		if best.total() > 0 {
			e := g.ev[best.rep]
			return g.fullSpelling(e.a), e.src, strings.Join(best.notes, "; "), g.aliases(best), clear
		}
	}
	// No qualified name of its own: complete what the report says it is.
	if a, src, note, ok := g.complete(bodies); ok {
		return a, src, note, g.aliasesOf(a), false
	}
	return agency{}, "", g.unsettled(), nil, false
}

// fullSpelling is the chosen body as the report prints it in full, when it
// does (a contact line may spell out 杭州市公安局滨江区分局 where the title
// says 滨江区公安分局): the report's own full spelling beats a name this
// package qualified.
func (g *gatherer) fullSpelling(a agency) agency {
	if a.name == "" {
		return a
	}
	n := len(g.allPlaces(a))
	for _, e := range g.ev {
		if e.a.placed && e.printed == e.a.name && e.a.name != a.name && !e.a.incomplete &&
			g.sameBody(e.a, a) && len(g.allPlaces(e.a)) >= n && g.residue(e.a) != g.residue(a) {
			return e.a
		}
	}
	return a
}

// bodies groups the evidence that names a qualified body (mentions aside)
// into bodies and scores them.
func (g *gatherer) bodies() []*body {
	var out []*body
	for i, e := range g.ev {
		if e.role == roleMention || !e.a.placed {
			continue
		}
		var home *body
		for _, b := range out {
			if g.sameBody(g.ev[b.rep].a, e.a) {
				home = b
				break
			}
		}
		if home == nil {
			home = &body{rep: i}
			out = append(out, home)
		}
		home.ev = append(home.ev, i)
	}
	for _, b := range out {
		g.score(b)
	}
	return out
}

// score adds up a body's evidence: each source counts once (its heaviest
// piece), the body text at most twice; kind hints the body fits add, strong
// ones it contradicts subtract.
func (g *gatherer) score(b *body) {
	seen := map[report.EvidenceSource]float64{}
	bodyN := 0
	for _, i := range b.ev {
		e := g.ev[i]
		if e.role == roleSelf {
			if e.weight > seen[e.src] {
				b.self += e.weight - seen[e.src]
				seen[e.src] = e.weight
			}
			b.best = max(b.best, e.weight)
		} else if e.src == report.SourceBody {
			if bodyN < 2 {
				b.support += e.weight
			}
			bodyN++
		} else {
			b.support += e.weight
		}
		if better(e, g.ev[b.rep]) {
			b.rep = i
		}
	}
	a := g.ev[b.rep].a
	for _, k := range g.kinds {
		switch {
		case fits(a, k) && k.strong:
			b.kind += 3
		case fits(a, k):
			b.kind++
		case k.strong && !k.suffix:
			b.kind -= 3
			b.notes = append(b.notes, fmt.Sprintf("not the %s the report calls itself", k.printed))
		}
	}
}

// better reports whether e names its body better than cur: complete before
// incomplete, more places before fewer, then the heavier source.
func better(e, cur evidence) bool {
	if e.a.incomplete != cur.a.incomplete {
		return !e.a.incomplete
	}
	if len(e.a.places) != len(cur.a.places) && utf8.RuneCountInString(e.a.name) != utf8.RuneCountInString(cur.a.name) {
		return len(e.a.places) > len(cur.a.places)
	}
	return e.weight > cur.weight && e.role == roleSelf
}

// sameBody reports whether two canonical names are one body: the same
// name, or the same organ of the same lowest place with fewer parents
// written ("东城区人民政府", "北京市东城区人民政府"), or an organ written two
// ways around its place ("滨江区公安分局", "杭州市公安局滨江区分局"). An
// office is never its government.
func (g *gatherer) sameBody(a, b agency) bool {
	if a.name == b.name {
		return true
	}
	if a.place == "" || b.place == "" {
		return false
	}
	ra, rb := g.residue(a), g.residue(b)
	if isOffice(ra) != isOffice(rb) {
		return false
	}
	pa, pb := g.allPlaces(a), g.allPlaces(b)
	rs, rl, ps, pl := ra, rb, pa, pb
	if len(pa) > len(pb) || len(pa) == len(pb) && len(ra) > len(rb) {
		rs, rl, ps, pl = rb, ra, pb, pa
	}
	if !placesWithin(ps, pl) {
		return false
	}
	if rs == rl {
		return true
	}
	// One organ word more: 公安分局 and 公安局…分局; never a level word
	// more (县人民政府 is a place written twice, not another body).
	return subsequence(rs, rl) && utf8.RuneCountInString(rl)-utf8.RuneCountInString(rs) <= 1 &&
		!strings.ContainsAny(rl, "省市区县镇乡")
}

func allPlacesOf(a agency) []string {
	_, inner := placesIn(strings.TrimPrefix(a.name, strings.Join(a.places, "")))
	return append(append([]string(nil), a.places...), inner...)
}

// shape is what sameBody compares of a name: its residue and places.
type shape struct {
	residue string
	places  []string
}

// shapeOf returns the shape of a name, remembered: a report compares the
// same few names many times.
func (g *gatherer) shapeOf(a agency) shape {
	if sh, ok := g.shapes[a.name]; ok {
		return sh
	}
	sh := shape{residueOf(a), allPlacesOf(a)}
	if g.shapes == nil {
		g.shapes = map[string]shape{}
	}
	g.shapes[a.name] = sh
	return sh
}

// residue is a name without its places.
func (g *gatherer) residue(a agency) string { return g.shapeOf(a).residue }

// allPlaces are the places of a name, those inside its organ included, in
// full.
func (g *gatherer) allPlaces(a agency) []string { return g.shapeOf(a).places }

func residueOf(a agency) string {
	r := a.name
	for _, p := range a.places {
		r = strings.Replace(r, p, "", 1)
	}
	printed, _ := placesIn(r)
	for _, p := range printed {
		r = strings.Replace(r, p, "", 1)
	}
	return r
}

// placesIn lists the division names written inside an organ (公安局滨江区分局,
// 公安局鄞州分局), as written and in full.
func placesIn(s string) (printed, full []string) {
	for i := 0; i < len(s); {
		branch := strings.HasSuffix(s[:i], "局")
		if ds, n, _ := matchPlaceOpt(s[i:], true, branch); n > 0 {
			printed = append(printed, s[i:i+n])
			full = append(full, ds[0].Name)
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return printed, full
}

// placesWithin reports whether the lowest place of short is the lowest of
// long, and every place of short is among long's.
func placesWithin(short, long []string) bool {
	all := map[string]bool{}
	for _, p := range long {
		all[p] = true
	}
	for _, p := range short {
		if !all[p] {
			return false
		}
	}
	return len(short) > 0 && len(long) > 0 && short[len(short)-1] == lowestOf(long)
}

// lowestOf is the last place of a chain.
func lowestOf(places []string) string { return places[len(places)-1] }

func isOffice(organ string) bool {
	return strings.HasSuffix(organ, "办公室") || strings.HasSuffix(organ, "办公厅") || strings.HasSuffix(organ, "办")
}

// subsequence reports whether the runes of a appear in b in order.
func subsequence(a, b string) bool {
	for _, r := range a {
		i := strings.IndexRune(b, r)
		if i < 0 {
			return false
		}
		b = b[i+utf8.RuneLen(r):]
	}
	return true
}

// fits reports whether a body is of the kind a hint names, at its level.
func fits(a agency, k kindHint) bool {
	organ := a.organ
	if k.suffix {
		if !strings.HasSuffix(organ, k.organ) && !(k.organ == "委员会" && strings.HasSuffix(organ, "委")) {
			return false
		}
	} else if organ != k.organ {
		return false
	}
	return levelFits(a, k.level)
}

// levelFits reports whether a body's lowest place is of the level a level
// word names: 市 a city or a county-level city, 区 a district, 省 a province.
func levelFits(a agency, level string) bool {
	if level == "" {
		return true
	}
	p := a.place
	switch level {
	case "市", "区", "县", "省", "自治区", "州", "盟", "旗", "镇", "乡", "街道":
		return strings.HasSuffix(p, level)
	}
	return false
}

// sources lists the sources of a body's evidence.
func (g *gatherer) sources(b *body) string {
	var out []string
	seen := map[report.EvidenceSource]bool{}
	for _, i := range b.ev {
		if s := g.ev[i].src; !seen[s] {
			seen[s] = true
			out = append(out, string(s))
		}
	}
	return strings.Join(out, ", ")
}

// aliases are the printed spellings of a body other than its canonical name.
func (g *gatherer) aliases(b *body) []string {
	name := g.ev[b.rep].a.name
	var out []string
	seen := map[string]bool{name: true}
	for _, i := range b.ev {
		p := g.ev[i].printed
		if !seen[p] && g.ev[i].a.placed && aliasWorthy(p, name) {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// aliasesOf are the printed spellings of the qualified evidence naming a.
func (g *gatherer) aliasesOf(a agency) []string {
	var out []string
	seen := map[string]bool{a.name: true}
	for _, e := range g.ev {
		if e.a.placed && !seen[e.printed] && g.sameBody(e.a, a) && aliasWorthy(e.printed, a.name) {
			seen[e.printed] = true
			out = append(out, e.printed)
		}
	}
	return out
}

// aliasWorthy reports whether a printed spelling is another name of the
// body, not only the canonical name with its generic organ left out
// ("大五里镇" for 迁安市大五里镇人民政府).
func aliasWorthy(printed, name string) bool {
	if printed == name || strings.Contains(name, printed) && !strings.ContainsAny(lastRune(printed), "局委办厅") {
		return false
	}
	// An internal office printed as the author (厚桥街道党政办公室) is not
	// another name of the body.
	return !(strings.HasSuffix(printed, "办公室") || strings.HasSuffix(printed, "科")) || strings.HasSuffix(name, "办公室")
}

// complete settles a report that names no qualified body for itself from
// what it says it is: a kind hint (住建局, 区司法局, 我局 and its 司法所)
// completed by the one qualified body of that kind the text names anywhere,
// or by the one place of the hint's level the text names more than once.
func (g *gatherer) complete(bodies []*body) (agency, report.EvidenceSource, string, bool) {
	hints := append([]kindHint(nil), g.kinds...)
	sort.SliceStable(hints, func(i, j int) bool { return hints[i].strong && !hints[j].strong })
	for _, k := range hints {
		if k.suffix && k.level == "" {
			continue // 我局 alone: any 局
		}
		var found []agency
		for _, e := range g.ev {
			if !e.a.placed || !fits(e.a, k) {
				continue
			}
			dup := false
			for _, f := range found {
				dup = dup || g.sameBody(f, e.a)
			}
			if !dup {
				found = append(found, e.a)
			}
		}
		if len(found) == 1 {
			return found[0], k.src, fmt.Sprintf("%s, the only %s the text names in full", k.printed, k.organ), true
		}
		if len(found) > 1 || k.suffix {
			continue
		}
		if p, ok := g.placeIndex().only(k.level); ok && k.level != "" || k.level == "" && g.placeIndex().onlyLocal(&p) {
			if a, ok := canonical(p+k.organ, g.ctx()); ok && a.placed {
				return a, k.src, fmt.Sprintf("%s in %s, the only %s the text names", k.printed, p, levelName(k.level)), true
			}
		}
	}
	// 我局 with a body's name the text uses, or the site it says the report
	// is published on: the one body of that kind.
	for _, k := range hints {
		if !k.suffix {
			continue
		}
		var found []agency
		for _, e := range g.ev {
			if !e.a.placed || !fits(e.a, k) || e.role == roleMention && !e.reportHost || e.src != report.SourceBody && e.role != roleSupport {
				continue
			}
			dup := false
			for _, f := range found {
				dup = dup || g.sameBody(f, e.a)
			}
			if !dup {
				found = append(found, e.a)
			}
		}
		if len(found) == 1 {
			return found[0], report.SourceBody, fmt.Sprintf("%s, and the only such body the text names", k.printed), true
		}
	}
	return agency{}, "", "", false
}

func levelName(level string) string {
	if level == "" {
		return "place"
	}
	return level
}

// unsettled says why no agency was chosen.
func (g *gatherer) unsettled() string {
	var hints []string
	seen := map[string]bool{}
	for _, k := range g.kinds {
		if !seen[k.printed] {
			seen[k.printed] = true
			hints = append(hints, k.printed)
		}
	}
	if len(hints) > 0 {
		return "the text names itself only without a place (" + strings.Join(hints, ", ") + ")"
	}
	return "the text names no body of its own"
}

// maxCandidates bounds the candidates kept with a report.
const maxCandidates = 12

// candidates lists the evidence, heaviest first, with spans in the
// original text; one entry per name and source.
func (g *gatherer) candidates(t *normalize.Text) []report.Candidate {
	order := make([]int, len(g.ev))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return g.ev[order[i]].weight > g.ev[order[j]].weight })
	var out []report.Candidate
	seen := map[string]bool{}
	for _, i := range order {
		e := g.ev[i]
		key := e.a.name + "\x00" + string(e.src)
		if seen[key] || e.a.name == "" {
			continue
		}
		seen[key] = true
		c := report.Candidate{Name: e.a.name, Source: e.src, Score: e.weight, Start: -1, End: -1, Note: e.note}
		if e.printed != e.a.name {
			c.Printed = e.printed
		}
		if e.start >= 0 {
			c.Start, c.End = t.OrigSpan(e.start, e.end)
		}
		if e.role == roleMention && c.Note == "" {
			c.Note = "mentioned"
		}
		out = append(out, c)
		if len(out) == maxCandidates {
			break
		}
	}
	return out
}

// Qualified reports whether name could be a stored agency's: it starts with
// a place or is a body of the central government. An unqualified name
// (市司法局, 我局) never is.
func Qualified(name string) bool {
	a, ok := canonical(name, newCtx(""))
	return ok && a.placed && placeStart(name) <= 0 && !startsAny(name, hintLevels)
}
