package divisions

import "testing"

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
