package detect

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/detect/divisions"
)

// agency is an identified publisher with its place in the divisions.
type agency struct {
	name, level, province, city string
	placed                      bool   // the name starts with a place (is qualified) or is a national body
	organ                       string // the name after its places: 司法局, 人民政府办公厅
	place                       string // the lowest place of the name as written in it: 东城区
	places                      []string
	incomplete                  bool // a township whose county the text and the divisions leave open
}

// windowAt is window with the byte offset in s of the window's start.
func windowAt(s string, start, end int) (string, int) {
	start, end = max(start, 0), min(end, len(s))
	for start > 0 && !utf8.RuneStart(s[start]) {
		start--
	}
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	return s[start:end], start
}

// window returns s[start:end] clamped to s and widened to rune boundaries.
func window(s string, start, end int) string {
	start, end = max(start, 0), min(end, len(s))
	for start > 0 && !utf8.RuneStart(s[start]) {
		start--
	}
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	return s[start:end]
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func allIn(s string, subs []string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}

// hanRuns splits s into its runs of Han characters.
func hanRuns(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.Is(unicode.Han, r) })
}

// topUnqualified is the organ the text most often names by its level only.
func topUnqualified(norm string) string {
	count := map[string]int{}
	best := ""
	for _, m := range unqualified(norm) {
		if r := strings.TrimLeft(m, "省市区县"); strings.HasPrefix(r, "委") || strings.Contains(r, "党") {
			continue // a party organ (市委办公厅): no disclosure body
		}
		count[m]++
		if count[m] > count[best] {
			best = m
		}
	}
	return best
}

// levelWords start an organ named by its level only.
var levelWords = []string{"省", "市", "区", "县"}

// unqualified lists, in order, the organs a text names by their level only
// ("区司法局", "市委员会"), as unqualRE would match them: a level word not
// inside a longer name (at the start, after a non-Han character, or after
// 年/我/本), one to eight Han characters, and the first organ word after
// them. A hand scan that jumps from level word to level word instead of
// trying the pattern at every position of the whole text.
func unqualified(norm string) []string {
	var out []string
	var next [4]int // the next occurrence of each level word at or after pos, -1 when none
	pos := 0
	for k, w := range levelWords {
		next[k] = indexFrom(norm, w, 0)
	}
	for {
		p, k := -1, -1
		for j, n := range next {
			if n >= 0 && (p < 0 || n < p) {
				p, k = n, j
			}
		}
		if p < 0 {
			return out
		}
		next[k] = indexFrom(norm, levelWords[k], p+len(levelWords[k]))
		if p < pos {
			continue // inside the previous match
		}
		if p > 0 {
			r, _ := utf8.DecodeLastRuneInString(norm[:p])
			if unicode.Is(unicode.Han, r) && r != '年' && r != '我' && r != '本' {
				continue
			}
		}
		if end := organAfter(norm, p+len(levelWords[k])); end > 0 {
			if !strings.HasPrefix(norm[end:], "、") && !strings.HasSuffix(norm[:p], "、") {
				out = append(out, norm[p:end]) // not one of a list of bodies
			}
			pos = end
		}
	}
}

// organAfter is the end of the first organ word after one to eight Han
// characters from i, or -1.
func organAfter(s string, i int) int {
	for n := 0; n < 8 && i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.Is(unicode.Han, r) {
			return -1
		}
		i += size
		for _, w := range unqualOrgans {
			if strings.HasPrefix(s[i:], w) {
				return i + len(w)
			}
		}
	}
	return -1
}

// unqualOrgans end an organ named by its level only.
var unqualOrgans = []string{"局", "厅", "委员会", "办公室"}

// indexFrom is strings.Index(s[from:], sub) as an offset of s, or -1.
func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

func onlyHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// mention is one qualified organ name in the text.
type mention struct {
	name       string
	start, end int
	listed     bool // in an enumeration of bodies: "司法部、安徽省司法厅、黄山市司法局"
}

// mentionBytes bounds the body text read for organ names: the opening
// part names the reporter, and long reports would cost time for nothing.
const mentionBytes = 12000

// organMentions lists the qualified organ names of the text in order: the
// longest run of Han characters before an organ word that starts with a
// place.
func organMentions(norm string) []mention {
	norm = prefix(norm, mentionBytes)
	var out []mention
	last := -1
	for _, loc := range organLocs(norm) {
		if loc[0] < last {
			continue
		}
		start := loc[0]
		for n := 0; n < 16 && start > max(last, 0); n++ {
			r, size := utf8.DecodeLastRuneInString(norm[:start])
			if !unicode.Is(unicode.Han, r) {
				break
			}
			start -= size
		}
		end := loc[1]
		// The name goes on to a longer organ word: 人民政府办公室, 公安局滨江区分局.
		for _, w := range []string{"办公室", "办公厅", "分局", "办事处"} {
			if strings.HasPrefix(norm[end:], w) {
				end += len(w)
			}
		}
		run := norm[start:end]
		if i := placeStart(run); i >= 0 {
			listed := strings.HasSuffix(norm[:start], "、") || strings.HasPrefix(norm[end:], "、") ||
				strings.HasPrefix(norm[end:], "和") || strings.HasSuffix(norm[:start+i], "和")
			out = append(out, mention{name: run[i:], start: start + i, end: end, listed: listed})
			last = end
		}
	}
	return out
}

// organWords end the names organMentions looks for; 分局, 管理委员会 and
// 街道办事处 end with one of them.
var organWords = []string{"人民政府", "办事处", "委员会", "办公室", "局", "厅"}

// organLocs finds the organ words of a text in order, by literal search
// (an alternation pattern over a whole report is far slower).
func organLocs(norm string) [][2]int {
	var locs [][2]int
	for _, w := range organWords {
		for from := 0; ; {
			i := strings.Index(norm[from:], w)
			if i < 0 {
				break
			}
			locs = append(locs, [2]int{from + i, from + i + len(w)})
			from += i + len(w)
		}
	}
	sort.Slice(locs, func(i, j int) bool { return locs[i][0] < locs[j][0] })
	return locs
}

// placeStart is the byte offset of the first place name in s, or -1.
func placeStart(s string) int {
	for i, r := range s {
		if !divisions.Starts(r) {
			continue
		}
		if _, n := matchPlace(s[i:], false); n > 0 {
			return i
		}
	}
	return -1
}

// placeTok is one place name at the start of an agency name.
type placeTok struct {
	name string               // as written
	divs []divisions.Division // the divisions it may be
	div  *divisions.Division  // the one chosen
	sure bool                 // div is the only fit, or the text's context chose it
	// abbrev marks a name that is not the division's own: an abbreviation
	// (临夏州) or an old name (上虞市); the canonical name writes it in full.
	abbrev bool
}

// maxPlaceRunes bounds a division name: the longest are autonomous
// counties ("双江拉祜族佤族布朗族傣族自治县") and development zones
// ("郑州高新技术产业开发区").
const maxPlaceRunes = 16

// matchPlace returns the longest division name at the start of s (full
// names and the abbreviations of autonomous prefectures and counties, 临夏州
// for 临夏回族自治州; short names like 上海 or 普陀 too when short is set) and
// its length in bytes. abbrev is set when the name is not the full one.
func matchPlace(s string, short bool) (divs []divisions.Division, n int) {
	divs, n, _ = matchPlaceAbbrev(s, short)
	return divs, n
}

func matchPlaceAbbrev(s string, short bool) ([]divisions.Division, int, bool) {
	return matchPlaceOpt(s, short, false)
}

// matchPlaceOpt is matchPlaceAbbrev; branch set takes a short name followed
// by 分局 for a place (公安局鄞州分局), as inside an organ's name it is.
func matchPlaceOpt(s string, short, branch bool) ([]divisions.Division, int, bool) {
	if r, _ := utf8.DecodeRuneInString(s); !divisions.Starts(r) && !short {
		return nil, 0, false
	}
	longest := min(divisions.Longest(s), maxPlaceRunes)
	if longest == 0 {
		return nil, 0, false // no division name starts with these two runes
	}
	end, runes := 0, 0
	var ends [maxPlaceRunes]int
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) || runes == longest {
			break
		}
		end += utf8.RuneLen(r)
		runes++
		if runes >= 2 {
			ends[n] = end
			n++
		}
	}
	for i := n - 1; i >= 0; i-- {
		name := s[:ends[i]]
		var found []divisions.Division
		for _, d := range divisions.Exact(name) {
			if d.Level == divisions.LevelTownship && (zoneRE.MatchString(d.Name) || genericTowns[d.Name]) {
				continue // "经济开发区", "街道": townships in the dataset, and words everywhere
			}
			found = append(found, d)
		}
		if len(found) > 0 {
			return found, ends[i], false
		}
		if ab := divisions.ByAbbrev(name); len(ab) > 0 {
			return ab, ends[i], true
		}
		// A short name followed by an organ word is part of the organ: the
		// 公安 of 公安局 is not 公安县.
		organNext := strings.ContainsRune("局厅委办处科室所队站中院部会分", firstRune(s[ends[i]:]))
		if branch && strings.HasPrefix(s[ends[i]:], "分局") {
			organNext = false
		}
		for _, d := range divisions.ByShort(name) {
			// Short names only above the township: "人民" is short for many a 人民街道.
			if !organNext && (short && d.Level != divisions.LevelTownship || d.Level == divisions.LevelProvince) {
				found = append(found, d)
			}
		}
		if len(found) > 0 {
			return found, ends[i], true
		}
	}
	return nil, 0, false
}

// genericTowns are township names in the dataset that are common words.
var genericTowns = map[string]bool{"街道": true, "城区": true, "开发区": true, "工业园区": true, "高新区": true}

// townRE is a township name the dataset may lack (renamed or merged since).
var townRE = regexp.MustCompile(`^[` + han + `]{2,6}?(?:街道|镇|乡)`)

// townOffices may follow a township's name: its government, its office, or
// nothing. A township name followed by anything else is part of a longer
// word (住房和城乡建设局 holds 城乡).
var townOffices = []string{"人民政府", "政府", "办事处", "党政", "党委", "办公室", "综合", "便民", "街道办"}

// lostTown returns the length of a township name at the start of s that the
// dataset lacks, or 0.
func lostTown(s string) int {
	m := townRE.FindString(s)
	if m == "" || strings.HasPrefix(s, "人民") || strings.HasPrefix(s, "政府") {
		return 0
	}
	rest := s[len(m):]
	if rest != "" && !startsAny(rest, townOffices) {
		return 0
	}
	return len(m)
}

// parseChain splits "绍兴市越城区东浦镇人民政府" into its places and the rest.
func parseChain(s string) ([]placeTok, string) {
	var toks []placeTok
	for {
		divs, n, ab := matchPlaceAbbrev(s, len(toks) > 0)
		if n == 0 && len(toks) > 0 {
			if m := lostTown(s); m > 0 {
				if divs2, n2 := matchPlace(s[m:], true); n2 == 0 && divs2 == nil {
					n = m
				}
			}
		}
		if n == 0 {
			// "锡山区人民政府厚桥街道…": a government between places is part of the chain.
			if rest, ok := strings.CutPrefix(s, "人民政府"); ok && len(toks) > 0 {
				if _, n2 := matchPlace(rest, true); n2 > 0 || townRE.MatchString(rest) {
					s = rest
					continue
				}
			}
			break
		}
		toks = append(toks, placeTok{name: s[:n], divs: divs, abbrev: ab && len(divs) > 0 && !strings.HasPrefix(divs[0].Name, s[:n])})
		s = s[n:]
	}
	resolve(toks)
	return toks, s
}

// resolve picks for each place the division consistent with the places
// written before it.
func resolve(toks []placeTok) {
	for i := range toks {
		divs := toks[i].divs
		if i > 0 && toks[i-1].div != nil {
			p := toks[i-1].div
			var fit []divisions.Division
			for _, d := range divs {
				if d.Province == p.Name || d.City == p.Name || d.County == p.Name && d.Level == divisions.LevelTownship {
					fit = append(fit, d)
				}
			}
			if len(fit) > 0 {
				divs = fit
			}
		}
		if len(divs) > 0 {
			d := divs[0]
			toks[i].div = &d
			toks[i].divs = divs
			toks[i].sure = len(divs) == 1
		}
	}
}

// nationalPrefixes start the names of bodies of the central government,
// which carry no place: 国家卫生健康委员会, 国务院办公厅.
var nationalPrefixes = []string{"国家", "国务院", "中华人民共和国", "最高人民"}

// ministryRE is a ministry: 司法部, 自然资源部.
var ministryRE = regexp.MustCompile(`^[` + han + `]{2,8}部$`)

// maxOrganRunes bounds the organ part of a name: the longest real organs
// (住房和城乡建设管理委员会, 大数据管理和政务服务局) are well under it, a
// clause read as a name is not.
const maxOrganRunes = 18

// canonical turns a candidate name into the canonical agency name: the
// place qualified by its parents the way reports label themselves
// (districts with their city, townships with their county), the generic
// organ of a place government made explicit (人民政府, 街道办事处), short
// forms expanded (住建局 → 住房和城乡建设局, see shortForms), abbreviated
// places written in full (临夏州 → 临夏回族自治州) and renamed ones by their
// current name (上虞市 → 绍兴市上虞区). A name with no place is returned
// unplaced (市司法局, 我局): it names a kind of body, not a body.
func canonical(c string, x *textCtx) (agency, bool) {
	c = strings.TrimSpace(c)
	if i := placeStart(c); i > 0 {
		c = c[i:]
	} else if i < 0 {
		c = strings.TrimLeft(c, "我本") // "我局", "本局"; but 本溪市 is a place
	}
	if utf8.RuneCountInString(c) < 2 {
		return agency{}, false
	}
	if startsAny(c, nationalPrefixes) || ministryRE.MatchString(c) && !startsAny(c, hintLevels) {
		if !organEndRE.MatchString(c) || !onlyHan(c) || utf8.RuneCountInString(c) > maxOrganRunes {
			return agency{}, false
		}
		name := expandOrgan(c)
		return agency{name: name, organ: name, placed: true}, true
	}
	toks, rest := parseChain(c)
	if len(toks) == 0 {
		if n := lostTown(c); n > 0 {
			// A township the dataset lacks, printed alone: kept as printed
			// and marked incomplete.
			return townOnly(c[:n], c[n:]), true
		}
		if !organEndRE.MatchString(c) || !onlyHan(c) || utf8.RuneCountInString(c) > 12 {
			return agency{}, false
		}
		return agency{name: expandUnplaced(c), organ: expandUnplaced(c)}, true
	}
	if utf8.RuneCountInString(rest) > maxOrganRunes || startsAny(rest, []string{"县人民政府", "市人民政府", "区人民政府", "县政府", "市政府", "区政府"}) {
		return agency{}, false // a clause, or a place written twice (伊宁县县人民政府)
	}
	last := &toks[len(toks)-1]
	if rest != "" && rest != "政府" && !strings.HasPrefix(rest, "人民政府") && !strings.HasSuffix(rest, "办事处") ||
		strings.ContainsAny(lastRune(last.name), "区县市旗盟州") {
		dropTownships(last)
	}
	pickByContext(toks, x)
	low := toks[len(toks)-1]
	town := low.div != nil && low.div.Level == divisions.LevelTownship || low.div == nil && townRE.MatchString(low.name)
	if rest != "" && !organEndRE.MatchString(rest) && !zoneRE.MatchString(rest) && !(town && officeRE.MatchString(rest)) {
		return agency{}, false
	}
	var names []string
	for _, t := range toks {
		name := t.name
		if t.abbrev && t.div != nil {
			name = t.div.Name // 临夏州 → 临夏回族自治州, 上虞市 → 上虞区
		}
		names = append(names, name)
	}
	lowLevel := divisions.Level("")
	if low.div != nil {
		lowLevel = low.div.Level
	} else if townRE.MatchString(low.name) {
		lowLevel = divisions.LevelTownship
	}
	if rest == "" && low.div != nil && low.name != low.div.Name {
		// "上海普陀": a bare short place is its government; write it in full.
		for i, t := range toks {
			if t.div != nil {
				names[i] = t.div.Name
			}
		}
	}
	a := agency{placed: true, level: string(lowLevel)}
	settled := low.div != nil && (low.sure || sameParents(low.divs))
	if settled {
		a.province, a.city = low.div.Province, low.div.City
	} else if len(toks) > 1 && toks[len(toks)-2].div != nil {
		a.province, a.city = toks[len(toks)-2].div.Province, toks[len(toks)-2].div.City
	}
	if settled && fullChain(toks, names) {
		// Write the parents the way reports label themselves: a district
		// with its city, a township with its county (and the county's city
		// when the county is a district), a county alone. A place the
		// dataset has twice (东岗镇) is left as written.
		names = append(divisions.Qualifiers(*low.div), names[len(names)-1])
	} else if n := len(toks); low.div == nil && lowLevel == divisions.LevelTownship && n >= 2 && fullChain(toks[:n-1], names[:n-1]) &&
		toks[n-2].div.Level == divisions.LevelCounty {
		// A township the dataset lacks (renamed or merged since) under a
		// county it has: "越城区东浦镇".
		c := toks[n-2].div
		town := divisions.Division{Name: low.name, Level: divisions.LevelTownship, Province: c.Province, City: c.City, County: c.Name}
		names = append(divisions.Qualifiers(town), low.name)
	}
	if lowLevel == divisions.LevelTownship && len(toks) == 1 && !settled {
		// A township printed alone that the divisions do not place: its
		// county is open.
		a.incomplete = true
	}
	organ := rest
	switch {
	case lowLevel == divisions.LevelTownship && (rest == "" || officeRE.MatchString(rest)):
		organ = "人民政府"
		if strings.HasSuffix(low.name, "街道") {
			organ = "办事处"
		}
	case (rest == "" || rest == "政府") && lowLevel == divisions.LevelCounty && divisions.IsZone(low.name):
		organ = "管理委员会" // a development zone has no people's government
	case rest == "" || rest == "政府":
		organ = "人民政府"
	case zoneRE.MatchString(rest):
		organ = rest + "管理委员会"
	default:
		organ = expandOrgan(rest)
	}
	a.name = strings.Join(names, "") + organ
	a.organ, a.place, a.places = organ, names[len(names)-1], names
	return a, true
}

// townOnly is a township the dataset lacks, printed without its county.
func townOnly(town, rest string) agency {
	organ := "人民政府"
	if strings.HasSuffix(town, "街道") {
		organ = "办事处"
	}
	if rest != "" && !officeRE.MatchString(rest) {
		organ = expandOrgan(rest)
	}
	return agency{name: town + organ, organ: organ, place: town, places: []string{town}, placed: true,
		level: string(divisions.LevelTownship), incomplete: true}
}

func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// dropTownships keeps, of the divisions a place name may be, those above
// the township when there are any: a department (卫生健康委员会, 司法局)
// belongs to a county or a city, and 白塔区 is a district before it is a
// township of the same name elsewhere.
func dropTownships(t *placeTok) {
	var keep []divisions.Division
	for _, d := range t.divs {
		if d.Level != divisions.LevelTownship {
			keep = append(keep, d)
		}
	}
	if len(keep) == 0 || len(keep) == len(t.divs) {
		return
	}
	t.divs, t.div = keep, &keep[0]
	t.sure = len(keep) == 1
}

// fullChain reports whether every place of a chain is written by its full
// name (names: as the canonical name writes them) and sits inside the
// place before it: only then can its parents be rewritten ("河北饶阳经济
// 开发区" keeps the way it is written).
func fullChain(toks []placeTok, names []string) bool {
	for i, t := range toks {
		if t.div == nil || names[i] != t.div.Name {
			return false
		}
		if i > 0 {
			p := toks[i-1].div.Name
			if t.div.Province != p && t.div.City != p && t.div.County != p {
				return false
			}
		}
	}
	return true
}

// sameParents reports whether the candidate divisions share province and city.
func sameParents(ds []divisions.Division) bool {
	for _, d := range ds[1:] {
		if d.Province != ds[0].Province || d.City != ds[0].City {
			return false
		}
	}
	return true
}

// textCtx is the text names are canonicalised against, with the counts of
// place names it holds, taken once each.
type textCtx struct {
	norm   string
	counts map[string]int
}

func newCtx(norm string) *textCtx { return &textCtx{norm: norm, counts: map[string]int{}} }

func (x *textCtx) count(s string) int {
	if x == nil || s == "" {
		return 0
	}
	n, ok := x.counts[s]
	if !ok {
		n = strings.Count(x.norm, s)
		x.counts[s] = n
	}
	return n
}

// pickByContext settles a place the dataset has more than once (普陀区 in
// Shanghai and Zhoushan) by the parent the text names most.
func pickByContext(toks []placeTok, x *textCtx) {
	for i := range toks {
		if len(toks[i].divs) < 2 {
			continue
		}
		best, bestN := -1, 0
		for j, d := range toks[i].divs {
			n := 0
			for _, p := range []string{d.City, d.County} {
				if p != "" && p != d.Name {
					n += x.count(p) + x.count(divisions.Short(p))
				}
			}
			if n > bestN {
				best, bestN = j, n
			}
		}
		if best >= 0 {
			d := toks[i].divs[best]
			toks[i].div = &d
			toks[i].sure = true
		}
	}
}
