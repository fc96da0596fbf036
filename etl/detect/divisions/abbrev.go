package divisions

import "strings"

// The dataset holds each division's current full name. Reports also print
// two other names, which this file derives from the dataset itself:
//
//   - The common abbreviation of an autonomous prefecture or county: its
//     place name without the peoples it is named for, with 州 or 县 (临夏州
//     for 临夏回族自治州, 长阳县 for 长阳土家族自治县). Only an abbreviation
//     that no division bears as its own name, and that stands for one
//     division alone, is kept.
//   - The former name of a county-level division renamed in place: a 县 or
//     a county-level 市 that became a district or a city (上虞市 → 上虞区,
//     宁乡县 → 宁乡市) keeps its short name. A 县 or 市 name the dataset
//     lacks, whose short name belongs to exactly one county-level division
//     now, is taken for that division. The dataset records no history, so
//     a renaming that changed the short name (达县 → 达川区) is not joined.

// peoples are the names of the peoples autonomous divisions are named for,
// as they appear in those names (蒙古 and 哈萨克 also without 族).
var peoples = []string{
	"蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
	"土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族",
	"纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族",
	"锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族",
	"裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
	"蒙古", "哈萨克", "柯尔克孜",
}

// abbreviations builds the index of abbreviated and former names.
func abbreviations() map[string][]Division {
	out := map[string][]Division{}
	add := func(name string, d Division) {
		if len(idx.exact[name]) > 0 {
			return // a division's own name
		}
		out[name] = append(out[name], d)
	}
	for _, d := range idx.cities {
		if base, ok := strings.CutSuffix(d.Name, "自治州"); ok {
			if p := placePart(base); p != "" {
				add(p+"州", d)
			}
		}
	}
	byShort := map[string][]Division{}
	for _, d := range idx.counties {
		if base, ok := strings.CutSuffix(d.Name, "自治县"); ok {
			if p := placePart(base); p != "" {
				add(p+"县", d)
			}
		}
		if s := Short(d.Name); s != d.Name {
			byShort[s] = append(byShort[s], d)
		}
	}
	for s, ds := range byShort {
		if len(ds) != 1 {
			continue
		}
		d := ds[0]
		for _, old := range []string{s + "县", s + "市"} {
			if old != d.Name && (strings.HasSuffix(d.Name, "区") || strings.HasSuffix(d.Name, "市")) {
				add(old, d)
			}
		}
	}
	for name, ds := range out {
		if len(ds) != 1 {
			delete(out, name) // stands for several divisions
		}
	}
	return out
}

// placePart strips the peoples from the end of an autonomous division's
// name: "临夏回族" → "临夏", "黔东南苗族侗族" → "黔东南". It returns "" when
// less than two characters are left.
func placePart(s string) string {
	for changed := true; changed; {
		changed = false
		for _, p := range peoples {
			if r, ok := strings.CutSuffix(s, p); ok && r != "" {
				s, changed = r, true
			}
		}
	}
	if len([]rune(s)) < 2 {
		return ""
	}
	return s
}
