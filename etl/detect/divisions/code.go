package divisions

import (
	"strings"
	"sync"
)

// Code is one rule, used by etl/load (which stores it with every report)
// and so by everything that reads the stored code (the dataset, the
// workbooks): an agency's 6-digit administrative division code from its
// stored name, level, province and city.

// placeIndex is the divisions by name, built once.
type placeIndex struct {
	province map[string]string     // province name → 2-digit code
	city     map[[2]string]string  // province, city → 4-digit code
	counties map[string][]Division // province name → its counties
}

var (
	placesOnce sync.Once
	places     placeIndex
)

func placeIdx() *placeIndex {
	placesOnce.Do(func() {
		places = placeIndex{province: map[string]string{}, city: map[[2]string]string{}, counties: map[string][]Division{}}
		for _, p := range Provinces() {
			places.province[p.Name] = p.Code
		}
		for _, c := range Cities() {
			places.city[[2]string{c.Province, c.Name}] = c.Code
		}
		for _, c := range Counties() {
			places.counties[c.Province] = append(places.counties[c.Province], c)
		}
	})
	return &places
}

// Code is the 6-digit division code of an agency, "" when its place
// cannot be told: the county's code for a county or township agency whose
// name holds a county-level name of its province (and city, when known),
// else its city's (…00); the city's for a city agency, the province's
// (…0000) for a provincial one. A county name that two counties of the
// province share (and no city settles) is never guessed: the agency gets
// its city's code, or none. level is a stored level code (province, city,
// county, township; "" when unknown); a missing province is taken from a
// name that starts with one.
func Code(name, level, province, city string) string {
	idx := placeIdx()
	if province == "" {
		// A name that starts with its province still places it.
		for _, p := range Provinces() {
			if strings.HasPrefix(name, p.Name) {
				province = p.Name
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
		var best Division
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
