package divisions

import "testing"

func TestCode(t *testing.T) {
	tests := []struct {
		name, agency, level, province, city, want string
	}{
		{"county by its name", "杭州市西湖区司法局", "county", "浙江省", "杭州市", "330106"},
		{"district of a municipality", "上海市普陀区司法局", "county", "上海市", "上海市", "310107"},
		{"county named alone", "上林县司法局", "county", "广西壮族自治区", "南宁市", "450125"},
		{"township takes its county", "永嘉县溪下乡人民政府", "township", "浙江省", "温州市", "330324"},
		{"city body", "杭州市司法局", "city", "浙江省", "杭州市", "330100"},
		{"department of a city", "杭州市住房和城乡建设局", "city", "浙江省", "杭州市", "330100"},
		{"provincial body", "浙江省司法厅", "province", "浙江省", "", "330000"},
		{"province from the name", "浙江省司法厅", "province", "", "", "330000"},
		{"a county of another city is not taken", "西湖区司法局", "county", "浙江省", "宁波市", "330200"},
		// 江苏省 has two 鼓楼区 (南京, 徐州): without the city the county
		// is not guessed.
		{"a county name two cities share", "鼓楼区司法局", "county", "江苏省", "", ""},
		{"unknown province", "某省某县司法局", "county", "某省", "", ""},
		{"no place at all", "市司法局", "", "", "", ""},
		{"unidentified", "未识别机关:x.txt", "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Code(tt.agency, tt.level, tt.province, tt.city); got != tt.want {
				t.Errorf("Code(%q, %q, %q, %q) = %q, want %q", tt.agency, tt.level, tt.province, tt.city, got, tt.want)
			}
		})
	}
}
