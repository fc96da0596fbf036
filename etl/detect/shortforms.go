package detect

import "strings"

// shortForms are the short forms of organ names that reports print for
// bodies whose official names are longer, each with the official name it
// stands for. The canonical name of an agency is the official one; the
// printed spelling is kept as an alias so that the years of one body join
// into one series. An entry is matched at the end of an organ's name
// (安阳县住建局 → 安阳县住房和城乡建设局), longest first.
//
// Only forms that stand for one official name are listed. 房管局 is not: it
// is short for 房产管理局, 房屋管理局 and 住房保障和房产管理局 alike, so a
// body printed that way keeps its printed name. Nor are 教体局 (教育体育局
// or 教育和体育局) and 文广旅局 (several spellings).
var shortForms = []struct{ short, full string }{
	// Governments and their offices.
	{"政府办公厅", "人民政府办公厅"},
	{"政府办公室", "人民政府办公室"},
	{"政府办", "人民政府办公室"},
	{"街道办", "街道办事处"},
	{"管委会", "管理委员会"},
	// Departments (机构改革 2018 names and their common forms).
	{"市场监管局", "市场监督管理局"},
	{"卫健委", "卫生健康委员会"},
	{"卫生健康委", "卫生健康委员会"},
	{"卫健局", "卫生健康局"},
	{"卫计委", "卫生和计划生育委员会"},
	{"卫生计生委", "卫生和计划生育委员会"},
	{"住建局", "住房和城乡建设局"},
	{"住建委", "住房和城乡建设委员会"},
	{"住房城乡建设局", "住房和城乡建设局"},
	{"住房城乡建设委", "住房和城乡建设委员会"},
	{"发改委", "发展和改革委员会"},
	{"发展改革委", "发展和改革委员会"},
	{"发改局", "发展和改革局"},
	{"人社局", "人力资源和社会保障局"},
	{"人力社保局", "人力资源和社会保障局"},
	{"医保局", "医疗保障局"},
	{"应急局", "应急管理局"},
	{"退役军人局", "退役军人事务局"},
	{"文旅局", "文化和旅游局"},
	{"科技局", "科学技术局"},
	{"工信局", "工业和信息化局"},
	{"经信局", "经济和信息化局"},
	{"自规局", "自然资源和规划局"},
	{"环保局", "环境保护局"},
	{"民宗局", "民族宗教事务局"},
	{"人防办", "人民防空办公室"},
	{"国资委", "国有资产监督管理委员会"},
	{"教委", "教育委员会"},
	{"民委", "民族事务委员会"},
}

// expandOrgan writes out the short form of an organ (see shortForms), and
// of an office: 信访办 → 信访办公室.
func expandOrgan(s string) string {
	best := -1
	for i, f := range shortForms {
		if strings.HasSuffix(s, f.short) && (best < 0 || len(f.short) > len(shortForms[best].short)) {
			best = i
		}
	}
	if best >= 0 {
		f := shortForms[best]
		if !strings.HasSuffix(s, f.full) {
			return strings.TrimSuffix(s, f.short) + f.full
		}
	}
	if strings.HasSuffix(s, "办") {
		return s + "公室"
	}
	return s
}

// expandUnplaced expands the organ of a name without a place, keeping its
// level word: 市政府办公厅 → 市人民政府办公厅, 县政府 → 县人民政府.
func expandUnplaced(s string) string {
	for _, l := range hintLevels {
		if rest, ok := strings.CutPrefix(s, l); ok && rest != "" {
			if rest == "政府" {
				return l + "人民政府"
			}
			return l + expandOrgan(rest)
		}
	}
	return expandOrgan(s)
}
