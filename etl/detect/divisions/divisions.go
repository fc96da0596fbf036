package divisions

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/*.json
var data embed.FS

// Level is the tier of a division.
type Level string

// The tiers, from the top.
const (
	LevelProvince Level = "province"
	LevelCity     Level = "city"
	LevelCounty   Level = "county"   // county, district, county-level city, banner
	LevelTownship Level = "township" // town, township, sub-district (街道)
)

// Division is one administrative division with the names of its parents.
// For the districts of the four municipalities City is the municipality's
// name (the dataset's placeholder "市辖区" is not a name anyone writes), and
// for county-level units directly under a province City is empty.
type Division struct {
	Code, Name string
	Level      Level
	Province   string
	City       string
	County     string
}

type record struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	ProvinceCode string `json:"provinceCode"`
	CityCode     string `json:"cityCode"`
	AreaCode     string `json:"areaCode"`
}

type index struct {
	all       []Division
	provinces []Division
	cities    []Division
	counties  []Division
	byName    map[string][]int
	exact     map[string][]Division
	short     map[string][]Division
	abbrev    map[string][]Division // 临夏州 → 临夏回族自治州, 上虞市 → 上虞区
	firsts    []bool                // indexed by rune - firstHan
	longest   map[string]uint8      // first two runes → longest name (or short name) in runes
	err       error
}

var (
	once sync.Once
	idx  index
)

// placeholders are city-tier names in the dataset that are not places.
var placeholders = map[string]bool{
	"市辖区": true, "县": true, "省直辖县级行政区划": true, "自治区直辖县级行政区划": true,
}

func load() {
	read := func(name string) []record {
		if idx.err != nil {
			return nil
		}
		b, err := data.ReadFile("data/" + name)
		if err != nil {
			idx.err = fmt.Errorf("read divisions %s: %w", name, err)
			return nil
		}
		var rs []record
		if err := json.Unmarshal(b, &rs); err != nil {
			idx.err = fmt.Errorf("parse divisions %s: %w", name, err)
		}
		return rs
	}
	names := map[string]string{} // code → name, for parents
	cityName := map[string]string{}
	for _, r := range read("provinces.json") {
		names[r.Code] = r.Name
		idx.provinces = append(idx.provinces, Division{Code: r.Code, Name: r.Name, Level: LevelProvince, Province: r.Name})
	}
	for _, r := range read("cities.json") {
		names[r.Code] = r.Name
		switch {
		case r.Name == "市辖区" || r.Name == "县":
			// A municipality: its districts belong to the municipality itself.
			cityName[r.Code] = names[r.ProvinceCode]
		case placeholders[r.Name]:
			cityName[r.Code] = ""
		default:
			cityName[r.Code] = r.Name
			idx.cities = append(idx.cities, Division{Code: r.Code, Name: r.Name, Level: LevelCity,
				Province: names[r.ProvinceCode], City: r.Name})
		}
	}
	for _, r := range read("areas.json") {
		names[r.Code] = r.Name
		idx.counties = append(idx.counties, Division{Code: r.Code, Name: r.Name, Level: LevelCounty,
			Province: names[r.ProvinceCode], City: cityName[r.CityCode], County: r.Name})
	}
	var towns []Division
	for _, r := range read("streets.json") {
		towns = append(towns, Division{Code: r.Code, Name: r.Name, Level: LevelTownship,
			Province: names[r.ProvinceCode], City: cityName[r.CityCode], County: names[r.AreaCode]})
	}
	idx.all = make([]Division, 0, len(idx.provinces)+len(idx.cities)+len(idx.counties)+len(towns))
	idx.all = append(idx.all, idx.provinces...)
	idx.all = append(idx.all, idx.cities...)
	idx.all = append(idx.all, idx.counties...)
	idx.all = append(idx.all, towns...)
	idx.byName = make(map[string][]int, 2*len(idx.all))
	idx.exact = make(map[string][]Division, len(idx.all))
	idx.short = make(map[string][]Division, len(idx.all))
	idx.firsts = make([]bool, lastHan-firstHan+1)
	idx.longest = make(map[string]uint8, len(idx.all))
	for i, d := range idx.all {
		idx.byName[d.Name] = append(idx.byName[d.Name], i)
		idx.exact[d.Name] = append(idx.exact[d.Name], d)
		r, _ := utf8.DecodeRuneInString(d.Name)
		if r >= firstHan && r <= lastHan {
			idx.firsts[r-firstHan] = true
		}
		noteLongest(d.Name)
		if s := Short(d.Name); s != d.Name {
			idx.byName[s] = append(idx.byName[s], i)
			idx.short[s] = append(idx.short[s], d)
			noteLongest(s)
		}
	}
	idx.abbrev = abbreviations()
	for a := range idx.abbrev {
		noteLongest(a)
		r, _ := utf8.DecodeRuneInString(a)
		if r >= firstHan && r <= lastHan {
			idx.firsts[r-firstHan] = true
		}
	}
}

// noteLongest records the length of a name under its first two runes.
func noteLongest(name string) {
	n := utf8.RuneCountInString(name)
	if n < 2 {
		return
	}
	k := firstRunes(name, 2)
	if uint8(min(n, 255)) > idx.longest[k] {
		idx.longest[k] = uint8(min(n, 255))
	}
}

// firstRunes returns the first n runes of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// Longest returns the length in runes of the longest name or short name
// that starts with the first two runes of s, 0 when none does: a scanner
// need not try longer prefixes of s, nor any when it is 0.
func Longest(s string) int { return int(get().longest[firstRunes(s, 2)]) }

func get() *index {
	once.Do(load)
	return &idx
}

// Err reports a failure to load the embedded data (which would be a build
// defect, not an input problem); the lookups then return nothing.
func Err() error { return get().err }

// All returns every division: provinces, cities, counties, then townships.
// The slice is shared; callers must not modify it.
func All() []Division { return get().all }

// Provinces returns the provinces, autonomous regions and municipalities.
func Provinces() []Division { return get().provinces }

// Cities returns the prefecture-level divisions (placeholders excluded).
func Cities() []Division { return get().cities }

// Counties returns the county-level divisions.
func Counties() []Division { return get().counties }

// suffixes are the generic endings people drop when naming a place
// ("遵义" for 遵义市), longest first so 自治州 is tried before 州.
var suffixes = []string{
	"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
	"地区", "街道", "新区", "林区", "特区", "省", "市", "区", "县", "旗", "盟", "镇", "乡", "苏木",
}

// Short returns name without its generic suffix, when what remains is still
// a plausible name (two characters at least).
func Short(name string) string {
	for _, s := range suffixes {
		if rest, ok := strings.CutSuffix(name, s); ok && len([]rune(rest)) >= 2 {
			return rest
		}
	}
	return name
}

// Find returns the divisions named name, either exactly or with a common
// suffix dropped ("遵义" finds 遵义市). Exact matches come first.
func Find(name string) []Division {
	ix := get()
	var exact, loose []Division
	for _, i := range ix.byName[name] {
		if ix.all[i].Name == name {
			exact = append(exact, ix.all[i])
		} else {
			loose = append(loose, ix.all[i])
		}
	}
	if s := Short(name); s != name {
		for _, i := range ix.byName[s] {
			if d := ix.all[i]; d.Name != name && Short(d.Name) == s {
				loose = append(loose, d)
			}
		}
	}
	return append(exact, dedupe(loose, exact)...)
}

func dedupe(ds, seen []Division) []Division {
	have := map[string]bool{}
	for _, d := range seen {
		have[d.Code] = true
	}
	out := ds[:0:0]
	for _, d := range ds {
		if !have[d.Code] {
			have[d.Code] = true
			out = append(out, d)
		}
	}
	return out
}

// Exact returns the divisions whose full name is name, without allocating.
// The slice is shared; callers must not modify it.
func Exact(name string) []Division { return get().exact[name] }

// ByAbbrev returns the division an abbreviated or former name stands for
// (see abbreviations), without allocating. The slice is shared.
func ByAbbrev(name string) []Division { return get().abbrev[name] }

// ByShort returns the divisions whose name without its generic suffix is
// name ("普陀" → 普陀区), without allocating. The slice is shared.
func ByShort(name string) []Division { return get().short[name] }

// Starts reports whether some division name begins with r, so a scanner
// can skip most positions of a text cheaply.
func Starts(r rune) bool {
	if r < firstHan || r > lastHan {
		return false
	}
	return get().firsts[r-firstHan]
}

// The CJK Unified Ideographs block, where every division name starts.
const (
	firstHan = 0x4E00
	lastHan  = 0x9FFF
)
