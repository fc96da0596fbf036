package detect

import (
	"strings"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/detect/divisions"
)

// placeIndex counts the places a text names, by the level word their names
// end with (区, 县, 市, 州, 省, 自治区, 镇, 乡, 街道). A report that calls
// itself 区司法局 and names one district, more than once, is that
// district's; one that names two districts is not settled by its places.
type placeIndex struct {
	byLevel map[string]map[string]int
	text    string
}

// placeBytes bounds the text read for places.
const placeBytes = 12000

// onlyMin is how often the one place of a level must be named before it
// completes a name: once may be a passing mention.
const onlyMin = 2

// levelEnds are the level words a division's name ends with, scanned for
// in the text, with the tiers that may bear them.
var levelEnds = []struct {
	word   string
	levels []divisions.Level
}{
	{"区", []divisions.Level{divisions.LevelCounty}},
	{"县", []divisions.Level{divisions.LevelCounty}},
	{"旗", []divisions.Level{divisions.LevelCounty}},
	{"市", []divisions.Level{divisions.LevelCity, divisions.LevelCounty}},
	{"州", []divisions.Level{divisions.LevelCity}},
	{"盟", []divisions.Level{divisions.LevelCity}},
	{"镇", []divisions.Level{divisions.LevelTownship}},
	{"乡", []divisions.Level{divisions.LevelTownship}},
	{"街道", []divisions.Level{divisions.LevelTownship}},
}

func (g *gatherer) placeIndex() *placeIndex {
	if g.places == nil {
		g.places = &placeIndex{byLevel: map[string]map[string]int{}, text: prefix(g.norm, placeBytes)}
	}
	return g.places
}

// level returns the places of one level word the text names, counted on
// first use: most reports never ask.
func (p *placeIndex) level(word string) map[string]int {
	if m, ok := p.byLevel[word]; ok {
		return m
	}
	m := map[string]int{}
	p.byLevel[word] = m
	for _, le := range levelEnds {
		if le.word != word {
			continue
		}
		for from := 0; ; {
			i := strings.Index(p.text[from:], le.word)
			if i < 0 {
				break
			}
			end := from + i + len(le.word)
			from = end
			if name := placeEndingAt(p.text, end, le.levels); name != "" {
				m[name]++
			}
		}
	}
	switch word {
	case "省", "自治区", "市":
		// Provinces, autonomous regions and municipalities, by their full
		// names or (regions) their short ones: "视察新疆".
		for _, d := range divisions.Provinces() {
			if !strings.HasSuffix(d.Name, word) {
				continue
			}
			n := strings.Count(p.text, d.Name)
			if s := divisions.Short(d.Name); word == "自治区" && s != d.Name {
				n = strings.Count(p.text, s) // the short name is inside the full one
			}
			if n > 0 {
				m[d.Name] = max(m[d.Name], n)
			}
		}
	}
	return m
}

// only returns the one place of a level the text names, when it names it
// at least onlyMin times and names no other of that level.
func (p *placeIndex) only(level string) (string, bool) {
	m := p.level(level)
	if len(m) != 1 {
		return "", false
	}
	for name, n := range m {
		return name, n >= onlyMin
	}
	return "", false
}

// onlyLocal sets *p to the one city or county the text names (a name of
// no level word, 我局's, may be either), when it names it at least onlyMin
// times and no other.
func (p *placeIndex) onlyLocal(out *string) bool {
	found, n := "", 0
	for _, level := range []string{"市", "区", "县", "旗", "州", "盟"} {
		for name, c := range p.level(level) {
			if found != "" && name != found {
				return false
			}
			found, n = name, n+c
		}
	}
	if found == "" || n < onlyMin {
		return false
	}
	*out = found
	return true
}

// placeEndingAt returns the longest division name of one of levels that
// ends at byte end of s, or "".
func placeEndingAt(s string, end int, levels []divisions.Level) string {
	best := ""
	start := end
	for n := 1; n <= 10 && start > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if r == utf8.RuneError || !isHanRune(r) {
			break
		}
		start -= size
		if n < 2 {
			continue
		}
		name := s[start:end]
		for _, d := range divisions.Exact(name) {
			if levelIn(d.Level, levels) && !divisions.IsZone(d.Name) {
				best = name
			}
		}
		for _, d := range divisions.ByAbbrev(name) {
			if levelIn(d.Level, levels) {
				best = d.Name
			}
		}
	}
	return best
}

func levelIn(l divisions.Level, ls []divisions.Level) bool {
	for _, x := range ls {
		if l == x {
			return true
		}
	}
	return false
}

func isHanRune(r rune) bool { return r >= 0x3400 && r <= 0x9FFF }
