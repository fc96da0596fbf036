package labels

// Marker names a mark a workbook puts on a figure or a change: approx 约数,
// mapped 由旧表换算 (a legacy figure put on the 2019/2021 categories),
// form_change 跨表格改版, low_trust 可信度低, first_year 首个年份.
func Marker(code string) string { return word("marker", code) }

// Exclusion says why an agency is kept out of charts, rankings and group
// sums: unidentified 未识别发布机关, incomplete 名称不全，看不出所在地区,
// no_year 年度不明.
func Exclusion(code string) string { return word("exclusion", code) }
