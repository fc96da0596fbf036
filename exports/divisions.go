package exports

import (
	"strings"
	"sync"

	"github.com/xxgk/xxgk/etl/detect/divisions"
)

// The database stores an agency's level, province and city but no
// division code. The workbooks derive one to order agencies the way
// officials look for them (province, then city, then county), from the
// administrative divisions identification already uses
// (etl/detect/divisions): the province and city by their stored names, the
// county by the longest county-level name written in the agency's name.

// placeIndex is the divisions by name, built once.
type placeIndex struct {
	province map[string]string               // province name → 2-digit code
	city     map[[2]string]string            // province, city → 4-digit code
	counties map[string][]divisions.Division // province name → its counties
}

var (
	placesOnce sync.Once
	places     placeIndex
)

func placeIdx() *placeIndex {
	placesOnce.Do(func() {
		places = placeIndex{province: map[string]string{}, city: map[[2]string]string{}, counties: map[string][]divisions.Division{}}
		for _, p := range divisions.Provinces() {
			places.province[p.Name] = p.Code
		}
		for _, c := range divisions.Cities() {
			places.city[[2]string{c.Province, c.Name}] = c.Code
		}
		for _, c := range divisions.Counties() {
			places.counties[c.Province] = append(places.counties[c.Province], c)
		}
	})
	return &places
}

// divisionCode is the 6-digit division code of an agency, "" when its
// place cannot be told: the county's code for a county or township agency
// whose name holds a county-level name of its province (and city, when
// known), else its city's (…00); the city's for a city agency, the
// province's (…0000) for a provincial one. A county name that two counties
// of the province share (and no city settles) is never guessed: the agency
// gets its city's code, or none.
func divisionCode(name, level, province, city string) string {
	idx := placeIdx()
	if province == "" {
		// A name that starts with its province still places it.
		for p := range idx.province {
			if strings.HasPrefix(name, p) {
				province = p
				break
			}
		}
	}
	pc, ok := idx.province[province]
	if !ok {
		return ""
	}
	cityCode := ""
	if city != "" && city != province {
		cityCode = idx.city[[2]string{province, city}]
	}
	if level == "county" || level == "township" || level == "" {
		var best divisions.Division
		n := 0
		for _, c := range idx.counties[province] {
			if cityCode != "" && !strings.HasPrefix(c.Code, cityCode) {
				continue
			}
			if !strings.Contains(name, c.Name) {
				continue
			}
			switch {
			case len(c.Name) > len(best.Name):
				best, n = c, 1
			case len(c.Name) == len(best.Name) && c.Code != best.Code:
				n++
			}
		}
		if n == 1 {
			return best.Code
		}
	}
	switch {
	case level == "province":
		return pc + "0000"
	case cityCode != "":
		return cityCode + "00"
	case level == "" && (city == "" || city == province):
		return pc + "0000"
	}
	return ""
}

// levelRank orders the levels of government from the top.
func levelRank(code string) int {
	switch code {
	case "national":
		return 0
	case "province":
		return 1
	case "city":
		return 2
	case "county":
		return 3
	case "township":
		return 4
	}
	return 5
}
