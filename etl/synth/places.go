package synth

import "github.com/xxgk/xxgk/etl/detect/divisions"

// Places lists the provinces, cities, counties and townships of the real
// administrative-division data, in the data's order.
func Places() []Place {
	var out []Place
	add := func(ds []divisions.Division) {
		for _, d := range ds {
			p := Place{Name: d.Name, Level: string(d.Level), Province: d.Province, City: d.City, County: d.County}
			if p.Level == "province" {
				p.Province, p.City = d.Name, ""
			}
			out = append(out, p)
		}
	}
	add(divisions.Provinces())
	add(divisions.Cities())
	add(divisions.Counties())
	for _, d := range divisions.All() {
		if d.Level == divisions.LevelTownship {
			out = append(out, Place{Name: d.Name, Level: string(d.Level), Province: d.Province, City: d.City, County: d.County})
		}
	}
	return out
}
