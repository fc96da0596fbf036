package divisions

import (
	"strings"
	"testing"
)

func TestCounts(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	// The counts of the 2023-06-30 dataset; a truncated or mis-parsed file changes them.
	if got := len(Provinces()); got != 31 {
		t.Errorf("provinces = %d, want 31", got)
	}
	if got := len(Counties()); got != 2978 {
		t.Errorf("counties = %d, want 2978", got)
	}
	if got := len(All()); got < 40000 {
		t.Errorf("all = %d, want the townships too", got)
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name               string
		level              Level
		province, city, co string
	}{
		{"遵义市", LevelCity, "贵州省", "遵义市", ""},
		{"遵义", LevelCity, "贵州省", "遵义市", ""},
		{"迁安市", LevelCounty, "河北省", "唐山市", "迁安市"},
		{"大五里镇", LevelTownship, "河北省", "唐山市", "迁安市"},
		{"东城区", LevelCounty, "北京市", "北京市", "东城区"},
		{"河南省", LevelProvince, "河南省", "", ""},
		{"河南", LevelProvince, "河南省", "", ""},
		{"仙桃市", LevelCounty, "湖北省", "", "仙桃市"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found bool
			for _, d := range Find(tt.name) {
				if d.Level == tt.level && d.Province == tt.province && d.City == tt.city && d.County == tt.co {
					found = true
				}
			}
			if !found {
				t.Errorf("Find(%q) = %+v, want a %s in %s/%s/%s", tt.name, Find(tt.name), tt.level, tt.province, tt.city, tt.co)
			}
		})
	}
	if got := Find("不存在的地方"); len(got) != 0 {
		t.Errorf("Find(unknown) = %+v, want none", got)
	}
	if got := Find("市"); len(got) != 0 {
		t.Errorf("Find(市) = %d divisions, want none", len(got))
	}
}

func TestShort(t *testing.T) {
	for in, want := range map[string]string{
		"遵义市": "遵义", "广西壮族自治区": "广西", "延边朝鲜族自治州": "延边朝鲜族", "东城区": "东城", "大五里镇": "大五里",
		"县": "县", "和县": "和县",
	} {
		if got := Short(in); got != want {
			t.Errorf("Short(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	get()
	for b.Loop() {
		Find("大五里镇")
	}
}

func TestQualifiers(t *testing.T) {
	tests := []struct {
		d    Division
		want string
	}{
		{Division{Name: "锡山区", Level: LevelCounty, Province: "江苏省", City: "无锡市"}, "无锡市"},
		{Division{Name: "普陀区", Level: LevelCounty, Province: "上海市", City: "上海市"}, "上海市"},
		{Division{Name: "高青县", Level: LevelCounty, Province: "山东省", City: "淄博市"}, ""},
		{Division{Name: "东阳市", Level: LevelCounty, Province: "浙江省", City: "金华市"}, ""},
		{Division{Name: "苏州工业园区", Level: LevelCounty, Province: "江苏省", City: "苏州市"}, ""},
		{Division{Name: "某某经济技术开发区", Level: LevelCounty, Province: "江苏省", City: "某某市"}, ""},
		{Division{Name: "神农架林区", Level: LevelCounty, Province: "湖北省"}, ""},
		{Division{Name: "遵义市", Level: LevelCity, Province: "贵州省", City: "遵义市"}, ""},
		{Division{Name: "东浦镇", Level: LevelTownship, Province: "浙江省", City: "绍兴市", County: "越城区"}, "绍兴市越城区"},
		{Division{Name: "大五里镇", Level: LevelTownship, Province: "河北省", City: "唐山市", County: "迁安市"}, "迁安市"},
		{Division{Name: "溪下乡", Level: LevelTownship, Province: "浙江省", City: "温州市", County: "永嘉县"}, "永嘉县"},
		{Division{Name: "虎门镇", Level: LevelTownship, Province: "广东省", City: "东莞市", County: "东莞市"}, "东莞市"},
	}
	for _, tt := range tests {
		if got := strings.Join(Qualifiers(tt.d), ""); got != tt.want {
			t.Errorf("Qualifiers(%s) = %q, want %q", tt.d.Name, got, tt.want)
		}
	}
}

func TestLongest(t *testing.T) {
	tests := []struct {
		s        string
		atLeast  int
		wantZero bool
	}{
		{"前郭尔罗斯蒙古族自治县交通运输局", 11, false},
		{"锡山区司法局", 3, false},
		{"局里", 0, true},
	}
	for _, tt := range tests {
		got := Longest(tt.s)
		if tt.wantZero && got != 0 || !tt.wantZero && got < tt.atLeast {
			t.Errorf("Longest(%q) = %d, want ≥ %d (zero: %v)", tt.s, got, tt.atLeast, tt.wantZero)
		}
	}
}

func TestByAbbrev(t *testing.T) {
	tests := []struct{ abbrev, want string }{
		{"临夏州", "临夏回族自治州"},
		{"黔东南州", "黔东南苗族侗族自治州"},
		{"长阳县", "长阳土家族自治县"},
		{"上虞市", "上虞区"}, // renamed in place: the short name is kept
		{"宁乡县", "宁乡市"},
	}
	for _, tt := range tests {
		got := ByAbbrev(tt.abbrev)
		if len(got) != 1 || got[0].Name != tt.want {
			t.Errorf("ByAbbrev(%q) = %+v, want %s", tt.abbrev, got, tt.want)
		}
	}
	// A division's own name, and a short name several divisions share, are
	// no abbreviations.
	for _, name := range []string{"遵义市", "朝阳县", "海南州x"} {
		if got := ByAbbrev(name); len(got) != 0 {
			t.Errorf("ByAbbrev(%q) = %+v, want none", name, got)
		}
	}
}
