package load

import "strings"

// agencyKinds are the suffixes that name the kind of an agency, longest first
// within a family so 公安分局 wins over 分局.
var agencyKinds = []string{
	"人民政府办公室", "人民政府办公厅", "街道办事处", "人民政府", "管理委员会",
	"公安分局", "分局", "司法局", "司法厅", "公安局", "公安厅", "统计局", "信访办公室", "信访局",
	"退役军人事务局", "大数据管理和政务服务局", "委员会", "办公室", "局", "厅", "委", "办",
}

// AgencyKind derives the kind of an agency from its name (e.g. 司法局), for
// peer groups. It returns "" when no known suffix matches.
func AgencyKind(name string) string {
	for _, k := range agencyKinds {
		if strings.HasSuffix(name, k) {
			return k
		}
	}
	return ""
}
