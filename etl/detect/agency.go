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
	placed                      bool // the name starts with a place (is qualified)
}

const han = `\p{Han}`

var (
	// yearTokRE is a year expression inside a title or a phrase.
	yearTokRE = regexp.MustCompile(`(?:19|20)\d\d\s*年\s*(?:度)?\s*(?:上半年|下半年)?|关于|本级|^的|的$`)
	// fieldRE is a header field naming the publisher.
	fieldRE = regexp.MustCompile(`(?:发布机构|发文机关|发布单位|信息来源|来源)\s*[:：][\s|]*([` + han + `]{2,30})`)
	// phrases are body phrases that name the publisher of the report, each
	// with literals a sentence must hold before the pattern is tried, and an
	// anchor every match holds: the pattern runs on a window around each
	// anchor (before and after bytes), as the lazy name patterns are costly
	// on whole sentences.
	phrases = []struct {
		need          []string
		anchor        string
		before, after int
		re            *regexp.Regexp
	}{
		{[]string{"由"}, "由", 0, 160, regexp.MustCompile(`由([` + han + `]{2,40}?)(?:负责)?(?:编制|制作|编写)`)},
		{[]string{"布", "年"}, "布", 3, 160, regexp.MustCompile(`(?:发布|公布)([` + han + `]{2,40}?)(?:19|20)\d\d\s*年`)},
		{[]string{"公开工作"}, "公开工作", 180, 12, regexp.MustCompile(`(?:依据|结合|根据)([` + han + `]{2,40}?)(?:(?:19|20)\d\d\s*年\s*度?)?(?:政府信息公开|政务公开)工作`)},
		{[]string{"请"}, "请", 0, 160, regexp.MustCompile(`请(?:与|联系)([` + han + `]{2,40}?)(?:联系|政府信息公开|政务公开|办公室)`)},
		{[]string{"信息公开", "报告"}, "信息公开", 160, 40, regexp.MustCompile(`([` + han + `]{2,40}?)(?:19|20)\d\d\s*年\s*度?(?:政府)?信息公开(?:工作)?(?:年度)?报告`)},
	}
	// organRE ends the name of a public body.
	organRE = regexp.MustCompile(`人民政府|街道办事处|管理委员会|办公室|分局|局|厅|委员会`)
	// organEndRE ends a name that is a public body on its own.
	organEndRE = regexp.MustCompile(`(?:人民政府|政府|办事处|委员会|管委会|办公室|分局|局|厅|办|中心|署|部|院)$`)
	// officeRE marks an internal office of a township government that writes
	// the report on the government's behalf.
	officeRE = regexp.MustCompile(`办公室|办|科|人民政府|政府`)
	// zoneRE ends the name of a development zone, run by a 管理委员会.
	zoneRE = regexp.MustCompile(`(?:开发区|高新区|园区|新区|试验区)$`)
)

// docWords are the document words of a title: what precedes the first of
// them is the publisher (and the year).
var docWords = []string{"政府信息公开", "政务信息公开", "信息公开", "政务公开", "政府信息", "年度报告", "工作报告", "年报"}

// cutTitle cuts a title at its first document word.
func cutTitle(title string) string {
	end := len(title)
	for _, w := range docWords {
		if i := strings.Index(title, w); i >= 0 && i < end {
			end = i
		}
	}
	return title[:end]
}

// fieldColons are the colons every match of fieldRE holds after its label.
var fieldColons = []string{":", "："}

// phraseBytes is how much of a report the author phrases are looked for in.
const phraseBytes = 4000

// findAgency tries the sources of a publisher's name from the most to the
// least explicit: the title (or the line above it), the header fields, the
// body phrases that name the report's author, the signature, and finally the
// body's most frequent qualified organ name. A name with no place ("市司法局")
// is qualified from the places the text names.
func findAgency(norm string, h headInfo) agency {
	var weak []string // unqualified organ names, in order of trust
	try := func(c string) (agency, bool) {
		a, ok := canonical(c, norm)
		if !ok {
			return agency{}, false
		}
		if !a.placed {
			weak = append(weak, a.name)
			return agency{}, false
		}
		return a, true
	}
	if h.title != "" {
		runs := hanRuns(yearTokRE.ReplaceAllString(cutTitle(h.title), ""))
		// A site name precedes the agency ("某某网 - 遵义市司法局"), an alias
		// follows it in brackets: the last run that names a place wins.
		for i := len(runs) - 1; i > 0; i-- {
			if a, ok := try(runs[i]); ok {
				return a
			}
		}
		c := ""
		if len(runs) > 0 {
			c = runs[0]
		}
		if c == "" && h.titleLine > 0 && utf8.RuneCountInString(h.lines[h.titleLine-1]) <= 30 {
			c = h.lines[h.titleLine-1] // "河南省司法厅" above "2017年政府信息公开工作年度报告"
		}
		if a, ok := try(c); ok {
			return a
		}
		if c == "" && h.titleLine+1 < len(h.lines) {
			if next := h.lines[h.titleLine+1]; utf8.RuneCountInString(next) <= 30 && onlyHan(next) {
				if a, ok := try(next); ok { // the agency on the line below the title
					return a
				}
			}
		}
	}
	// Author phrases sit in the opening paragraph; scanning only the head
	// keeps the lazy name patterns cheap on long reports.
	joined := joinHanLines(prefix(norm, phraseBytes))
	for _, p := range phrases {
		for rest := joined; rest != ""; {
			sen := rest
			if i := strings.Index(rest, "。"); i >= 0 {
				sen, rest = rest[:i], rest[i+len("。"):]
			} else {
				rest = ""
			}
			if !allIn(sen, p.need) {
				continue
			}
			tries := 0
			for from := 0; tries < 4; {
				i := strings.Index(sen[from:], p.anchor)
				if i < 0 {
					break
				}
				i += from
				from = i + len(p.anchor)
				m := p.re.FindStringSubmatch(window(sen, i-p.before, from+p.after))
				if m == nil {
					continue
				}
				tries++
				if a, ok := try(m[1]); ok {
					return a
				}
			}
		}
	}
	for _, l := range h.tail {
		if utf8.RuneCountInString(l) <= 25 && organRE.MatchString(l) && onlyHan(l) {
			if a, ok := try(l); ok {
				return a
			}
		}
	}
	var found agency
	eachNear(fieldRE, h.head, fieldColons, 24, 130, func(m []string) bool {
		a, ok := try(m[1])
		found = a
		return ok
	})
	if found.name != "" {
		return found
	}
	mentions := organMentions(norm)
	if len(weak) == 0 {
		if w := topUnqualified(norm); w != "" {
			// How a report calls itself in running text ("区司法局") is a
			// better guide than the other bodies it names in full.
			if a := qualify(w, mentions, norm); a.placed {
				return a
			}
			weak = append(weak, w)
		}
	}
	self := selfOrgan(norm)
	for _, c := range mentions {
		if self != "" && !strings.HasSuffix(c, self) {
			continue
		}
		if a, ok := try(c); ok {
			if len(weak) > 0 && !strings.HasSuffix(a.name, organOf(weak[0])) {
				// The body names other bodies ("东阳市人民政府网站") more often
				// than its own; a name the title or a phrase gave wins even
				// without its place, which the best mention may supply.
				continue
			}
			return a
		}
	}
	if len(weak) == 0 && self == "局" {
		if a, ok := canonical(parentOrgan(norm), norm); ok && a.placed {
			return a
		}
	}
	if len(weak) > 0 {
		return qualify(weak[0], mentions, norm)
	}
	return agency{}
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

// subordinates are field offices whose parent organ is fixed by law: a
// report that says 我局 and speaks of its 司法所 is a 司法局's.
var subordinates = []struct{ office, organ string }{
	{"司法所", "司法局"}, {"派出所", "公安局"}, {"财政所", "财政局"},
	{"市场监管所", "市场监督管理局"}, {"税务所", "税务局"}, {"自然资源所", "自然资源局"},
}

// parentOrgan names the organ whose field offices a text mentions, with the
// level of the place the text names most ("市司法局"), when exactly one
// kind of office is mentioned.
func parentOrgan(norm string) string {
	organ := ""
	for _, s := range subordinates {
		if strings.Contains(norm, s.office) {
			if organ != "" {
				return ""
			}
			organ = s.organ
		}
	}
	if organ == "" {
		return ""
	}
	place, best := "", 0
	for _, m := range organMentions(norm) {
		toks, _ := parseChain(m)
		if len(toks) == 0 || toks[len(toks)-1].div == nil {
			continue
		}
		d := toks[len(toks)-1].div
		if d.Level != divisions.LevelCity && d.Level != divisions.LevelCounty {
			continue
		}
		if n := strings.Count(norm, d.Name); n > best {
			place, best = d.Name, n
		}
	}
	if place == "" {
		return ""
	}
	return place + organ
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
			out = append(out, norm[p:end])
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

// selfOrgan is the kind of body a report says it is: "我局" → 局.
func selfOrgan(norm string) string {
	best, bestN := "", 0
	for _, o := range []string{"局", "厅", "委", "办"} {
		if n := strings.Count(norm, "我"+o) + strings.Count(norm, "本"+o); n > bestN {
			best, bestN = o, n
		}
	}
	return best
}

// joinHanLines removes line breaks inside a run of Han characters, where
// page copies wrap a sentence ("由石景山区司法\n局编制").
func joinHanLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && i > 0 && i+1 < len(s) {
			r1, _ := utf8.DecodeLastRuneInString(s[:i])
			r2, _ := utf8.DecodeRuneInString(s[i+1:])
			if unicode.Is(unicode.Han, r1) && unicode.Is(unicode.Han, r2) {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func onlyHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// organOf drops a leading level word: "区司法局" → "司法局".
func organOf(s string) string {
	for _, p := range []string{"市", "区", "县", "省", "镇", "乡"} {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
			return rest
		}
	}
	return s
}

// qualify gives an unqualified organ ("区司法局") the place of the matching
// level the text names most often in its organ mentions.
func qualify(weak string, mentions []string, norm string) agency {
	level := ""
	for _, p := range []string{"市", "区", "县"} {
		if strings.HasPrefix(weak, p) {
			level = p
		}
	}
	if level != "" {
		for _, c := range mentions {
			toks, _ := parseChain(c)
			for i := len(toks) - 1; i >= 0; i-- {
				if strings.HasSuffix(toks[i].name, level) && toks[i].div != nil {
					prefix := ""
					for _, t := range toks[:i+1] {
						prefix += t.name
					}
					if a, ok := canonical(prefix+organOf(weak), norm); ok && a.placed {
						return a
					}
				}
			}
		}
	}
	return agency{name: weak}
}

// organMentions lists the qualified organ names of the body, most frequent
// first: the longest run of Han characters before an organ word that starts
// with a place.
func organMentions(norm string) []string {
	count := map[string]int{}
	first := map[string]int{}
	for _, loc := range organLocs(norm) {
		start := loc[0]
		for n := 0; n < 16 && start > 0; n++ {
			r, size := utf8.DecodeLastRuneInString(norm[:start])
			if !unicode.Is(unicode.Han, r) {
				break
			}
			start -= size
		}
		if strings.HasSuffix(norm[:start], "、") || strings.HasPrefix(norm[loc[1]:], "、") {
			continue // an enumeration of other bodies: "司法部、安徽省司法厅、黄山市司法局"
		}
		run := norm[start:loc[1]]
		if i := placeStart(run); i >= 0 {
			c := run[i:]
			if _, ok := first[c]; !ok {
				first[c] = loc[0]
			}
			count[c]++
		}
	}
	out := make([]string, 0, len(count))
	for c := range count {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if count[out[i]] != count[out[j]] {
			return count[out[i]] > count[out[j]]
		}
		return first[out[i]] < first[out[j]]
	})
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
}

// maxPlaceRunes bounds a division name: the longest are autonomous
// counties ("双江拉祜族佤族布朗族傣族自治县") and development zones
// ("郑州高新技术产业开发区").
const maxPlaceRunes = 16

// matchPlace returns the longest division name at the start of s (full
// names; short names like 上海 or 普陀 too when short is set) and its length
// in bytes.
func matchPlace(s string, short bool) ([]divisions.Division, int) {
	if r, _ := utf8.DecodeRuneInString(s); !divisions.Starts(r) && !short {
		return nil, 0
	}
	longest := min(divisions.Longest(s), maxPlaceRunes)
	if longest == 0 {
		return nil, 0 // no division name starts with these two runes
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
			if d.Level == divisions.LevelTownship && zoneRE.MatchString(d.Name) {
				continue // "经济开发区" is a township in the dataset, and a word everywhere
			}
			found = append(found, d)
		}
		// A short name followed by an organ word is part of the organ: the
		// 公安 of 公安局 is not 公安县.
		organNext := strings.ContainsRune("局厅委办处科室所队站中院部会", firstRune(s[ends[i]:]))
		for _, d := range divisions.ByShort(name) {
			// Short names only above the township: "人民" is short for many a 人民街道.
			if !organNext && (short && d.Level != divisions.LevelTownship || d.Level == divisions.LevelProvince) {
				found = append(found, d)
			}
		}
		if len(found) > 0 {
			return found, ends[i]
		}
	}
	return nil, 0
}

// townRE is a township name the dataset may lack (renamed or merged since).
var townRE = regexp.MustCompile(`^[` + han + `]{2,6}?(?:街道|镇|乡)`)

// parseChain splits "绍兴市越城区东浦镇人民政府" into its places and the rest.
func parseChain(s string) ([]placeTok, string) {
	var toks []placeTok
	for {
		divs, n := matchPlace(s, len(toks) > 0)
		if n == 0 && len(toks) > 0 {
			if m := townRE.FindString(s); m != "" && !strings.HasPrefix(s, "人民") && !strings.HasPrefix(s, "政府") {
				if divs2, n2 := matchPlace(s[len(m):], true); n2 == 0 && divs2 == nil {
					n = len(m)
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
		toks = append(toks, placeTok{name: s[:n], divs: divs})
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

// canonical turns a candidate name into the canonical agency name: the
// place qualified by its parents the way reports label themselves
// (districts with their city, townships with their county), the generic
// organ of a place government made explicit (人民政府, 街道办事处), common
// abbreviations expanded (信访办 → 信访办公室).
func canonical(c, norm string) (agency, bool) {
	c = strings.TrimSpace(c)
	if i := placeStart(c); i > 0 {
		c = c[i:]
	} else if i < 0 {
		c = strings.TrimLeft(c, "我本") // "我局", "本局"; but 本溪市 is a place
	}
	if utf8.RuneCountInString(c) < 2 {
		return agency{}, false
	}
	toks, rest := parseChain(c)
	if len(toks) == 0 {
		if !organEndRE.MatchString(c) || !onlyHan(c) || utf8.RuneCountInString(c) > 12 {
			return agency{}, false
		}
		return agency{name: expandOrgan(c)}, true
	}
	if rest != "" && rest != "政府" && !strings.HasPrefix(rest, "人民政府") && !strings.HasSuffix(rest, "办事处") {
		dropTownships(&toks[len(toks)-1])
	}
	pickByContext(toks, norm)
	low := toks[len(toks)-1]
	town := low.div != nil && low.div.Level == divisions.LevelTownship || low.div == nil && townRE.MatchString(low.name)
	if rest != "" && !organEndRE.MatchString(rest) && !zoneRE.MatchString(rest) && !(town && officeRE.MatchString(rest)) {
		return agency{}, false
	}
	var names []string
	for _, t := range toks {
		names = append(names, t.name)
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
	if low.div != nil && (low.sure || sameParents(low.divs)) {
		a.province, a.city = low.div.Province, low.div.City
	} else if len(toks) > 1 && toks[len(toks)-2].div != nil {
		a.province, a.city = toks[len(toks)-2].div.Province, toks[len(toks)-2].div.City
	}
	if low.div != nil && (low.sure || sameParents(low.divs)) && fullChain(toks) {
		// Write the parents the way reports label themselves: a district
		// with its city, a township with its county (and the county's city
		// when the county is a district), a county alone. A place the
		// dataset has twice (东岗镇) is left as written.
		names = append(divisions.Qualifiers(*low.div), low.name)
	} else if n := len(toks); low.div == nil && lowLevel == divisions.LevelTownship && n >= 2 && fullChain(toks[:n-1]) &&
		toks[n-2].div.Level == divisions.LevelCounty {
		// A township the dataset lacks (renamed or merged since) under a
		// county it has: "越城区东浦镇".
		c := toks[n-2].div
		town := divisions.Division{Name: low.name, Level: divisions.LevelTownship, Province: c.Province, City: c.City, County: c.Name}
		names = append(divisions.Qualifiers(town), low.name)
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
	return a, true
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
// name and sits inside the place before it: only then can its parents be
// rewritten ("河北饶阳经济开发区" keeps the way it is written).
func fullChain(toks []placeTok) bool {
	for i, t := range toks {
		if t.div == nil || t.name != t.div.Name {
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

// expandOrgan writes out the short form of an office: 信访办 → 信访办公室.
func expandOrgan(s string) string {
	if strings.HasSuffix(s, "办") {
		return s + "公室"
	}
	return s
}

// pickByContext settles a place the dataset has more than once (普陀区 in
// Shanghai and Zhoushan) by the parent the text names most.
func pickByContext(toks []placeTok, norm string) {
	for i := range toks {
		if len(toks[i].divs) < 2 {
			continue
		}
		best, bestN := -1, 0
		for j, d := range toks[i].divs {
			n := 0
			for _, p := range []string{d.City, d.County} {
				if p != "" && p != d.Name {
					n += strings.Count(norm, p) + strings.Count(norm, divisions.Short(p))
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
