package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/xxgk/xxgk/etl/detect/divisions"
)

// Place is an administrative division an agency belongs to.
type Place struct {
	Name     string // the division's own name, e.g. 锡山区
	Level    string // province, city or county
	Province string // e.g. 江苏省
	City     string // e.g. 无锡市; empty for a province, or a county of a municipality
	County   string // the county of a township
}

// Agency is one publisher of annual reports.
type Agency struct {
	Index    int    // position in the generated list; seeds the agency's random stream
	Name     string // the name as printed in the report's title
	Label    string // the name as labelled, qualified the way reports label themselves (divisions.Qualifiers)
	Kind     string // e.g. 司法局, 人民政府
	Level    string // province, city, county
	Province string
	City     string
	Self     string // how the report refers to the agency: 我局, 本机关...
	Size     float64
}

// kind is a kind of agency: its name at city/county level and at province
// level, how it refers to itself, and how many applications it gets.
type kind struct {
	name, provincial, self string
	apps                   float64 // mean new applications a year at county level
	weight                 int     // relative frequency among agencies
}

// kinds lists the agencies that publish reports. The application means are
// plausible orders of magnitude, not statistics.
var kinds = []kind{
	{"人民政府", "人民政府", "本机关", 40, 6},
	{"司法局", "司法厅", "我局", 3, 4},
	{"公安局", "公安厅", "我局", 12, 4},
	{"财政局", "财政厅", "我局", 5, 3},
	{"教育局", "教育厅", "我局", 6, 3},
	{"统计局", "统计局", "我局", 1, 3},
	{"自然资源局", "自然资源厅", "我局", 25, 3},
	{"住房和城乡建设局", "住房和城乡建设厅", "我局", 15, 3},
	{"生态环境局", "生态环境厅", "我局", 6, 2},
	{"交通运输局", "交通运输厅", "我局", 4, 2},
	{"人力资源和社会保障局", "人力资源和社会保障厅", "我局", 8, 2},
	{"市场监督管理局", "市场监督管理局", "我局", 10, 2},
	{"卫生健康委员会", "卫生健康委员会", "我委", 5, 2},
	{"民政局", "民政厅", "我局", 3, 2},
	{"审计局", "审计厅", "我局", 1, 1},
	{"信访局", "信访局", "我局", 2, 1},
}

// municipalities are the provinces whose departments are named 局, not 厅,
// and whose districts sit directly under them.
var municipalities = map[string]bool{"北京市": true, "天津市": true, "上海市": true, "重庆市": true}

var levelScale = map[string]float64{"province": 8, "city": 3, "county": 1, "township": 0.2}

// Agencies picks n distinct agencies (place × kind) deterministically from
// places. The first n agencies of a longer list are the same agencies, so a
// small corpus is a subset of a larger one made with the same seed.
func Agencies(places []Place, n int, seed uint64) ([]Agency, error) {
	type pair struct{ p, k int }
	var pairs []pair
	for i, p := range places {
		if _, ok := levelScale[p.Level]; !ok || strings.TrimSpace(p.Name) == "" {
			continue
		}
		if p.Level == "township" {
			// A township publishes one report, its government's; there are
			// many townships, so they get a small weight each.
			if i%3 == 0 {
				pairs = append(pairs, pair{i, 0})
			}
			continue
		}
		for j, k := range kinds {
			for w := 0; w < k.weight; w++ {
				pairs = append(pairs, pair{i, j})
			}
		}
	}
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	r.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	seen := map[pair]bool{}
	out := make([]Agency, 0, n)
	for _, pr := range pairs {
		if len(out) == n {
			break
		}
		if seen[pr] {
			continue
		}
		seen[pr] = true
		out = append(out, newAgency(len(out), places[pr.p], kinds[pr.k], seed))
	}
	if len(out) < n {
		return out, fmt.Errorf("only %d distinct agencies can be made from %d places, %d asked", len(out), len(places), n)
	}
	return out, nil
}

func newAgency(idx int, p Place, k kind, seed uint64) Agency {
	r := rand.New(rand.NewPCG(seed, uint64(idx)<<1|1))
	a := Agency{Index: idx, Kind: k.name, Level: p.Level, Province: p.Province, City: p.City, Self: k.self}
	own := "" // the name of a county-level agency without the parents printed before it
	switch p.Level {
	case "province":
		suffix := k.provincial
		if municipalities[p.Name] {
			suffix = k.name
		}
		a.Name = p.Name + suffix
		a.Province = p.Name
	case "city":
		a.Name = p.Name + k.name
		a.City = p.Name
	case "township":
		prefix := ""
		if chance(r, 0.5) {
			prefix = p.County
			if chance(r, 0.3) && p.City != p.County {
				prefix = p.City + p.County
			}
		}
		if strings.HasSuffix(p.Name, "街道") {
			a.Name = prefix + p.Name + "办事处"
			a.Self = "本街道"
		} else {
			a.Name = prefix + p.Name + "人民政府"
			a.Self = "本" + lastRune(p.Name)
		}
		a.Kind = "人民政府"
		a.City = p.City
		a.Size = k.apps * levelScale[p.Level] * expNorm(r, 0.8)
		a.Label = labelName(p, strings.TrimPrefix(a.Name, prefix))
		return a
	default:
		prefix := ""
		switch {
		case p.City == "" || municipalities[p.Province]:
			prefix = p.Province
		case r.IntN(2) == 0:
			prefix = p.City
		}
		own = p.Name + k.name
		a.Name = prefix + own
	}
	if k.name == "人民政府" && isZone(p.Name) {
		// A development zone is run by a management committee, not a government.
		a.Name = strings.TrimSuffix(a.Name, "人民政府") + "管理委员会"
		own = strings.TrimSuffix(own, "人民政府") + "管理委员会"
		a.Kind, a.Self = "管理委员会", "本委"
	} else if k.name == "人民政府" {
		switch p.Level {
		case "province":
			a.Self = "本省"
			if municipalities[p.Name] {
				a.Self = "本市"
			}
		case "city":
			a.Self = "本市"
		default:
			a.Self = "本" + lastRune(p.Name)
		}
	}
	// Sizes are log-normal: most agencies get few applications, a few get many.
	a.Size = k.apps * levelScale[p.Level] * expNorm(r, 0.8)
	a.Label = a.Name
	if p.Level == "county" {
		a.Label = labelName(p, own)
	}
	return a
}

// labelName is the name an agency is labelled with: whatever parents the
// printed title carries, real labels qualify a district with its city and a
// township with its county (and the county's city when it is a district),
// and name a county or a county-level city alone ("上海市普陀区司法局",
// "高青县司法局", "绍兴市越城区东浦镇人民政府"). own is the name without
// any parent: the place and its organ.
func labelName(p Place, own string) string {
	d := divisions.Division{Name: p.Name, Level: divisions.Level(p.Level), Province: p.Province, City: p.City, County: p.County}
	return strings.Join(divisions.Qualifiers(d), "") + own
}

func lastRune(s string) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return ""
	}
	return string(rs[len(rs)-1])
}

// isZone reports whether a county-level division is a development zone
// (经济技术开发区, 产业园区, 示范区...), which has no people's government.
func isZone(name string) bool {
	for _, s := range []string{"开发区", "园区", "示范区", "实验区", "试验区", "合作区", "管理区"} {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}
