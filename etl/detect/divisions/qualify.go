package divisions

import "strings"

// zoneSuffixes end the names of development zones (经济技术开发区,
// 产业园区, 示范区…): county-level areas run by a management committee,
// which have no people's government and are no districts of their city.
var zoneSuffixes = []string{"开发区", "高新区", "园区", "示范区", "实验区", "试验区", "合作区", "管理区"}

// IsZone reports whether a county-level name is a development zone's.
func IsZone(name string) bool {
	for _, s := range zoneSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// isDistrict reports whether a county-level name is a city's district (区),
// which an agency names together with its city.
func isDistrict(name string) bool {
	return strings.HasSuffix(name, "区") && !IsZone(name)
}

// Qualifiers are the names of the parents written before a division in the
// name of one of its agencies, the way reports label themselves: a district
// its city ("无锡市锡山区司法局", "上海市普陀区司法局"); a township its county,
// and the county's city when the county is a district ("迁安市大五里镇人民政府",
// "绍兴市越城区东浦镇人民政府"); a county, a county-level city, a development
// zone, a city or a province nothing ("高青县司法局", "东阳市司法局"). A
// district whose name starts with its city's (苏州工业园区) needs no city.
func Qualifiers(d Division) []string {
	withCity := func(county, city string) bool {
		return isDistrict(county) && city != "" && city != county && !strings.HasPrefix(county, Short(city))
	}
	switch d.Level {
	case LevelCounty:
		if withCity(d.Name, d.City) {
			return []string{d.City}
		}
	case LevelTownship:
		switch {
		case d.County == "" || d.County == d.Name:
			if d.City != "" && d.City != d.Name {
				return []string{d.City}
			}
		case withCity(d.County, d.City):
			return []string{d.City, d.County}
		default:
			return []string{d.County}
		}
	}
	return nil
}
