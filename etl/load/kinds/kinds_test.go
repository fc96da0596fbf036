package kinds

import (
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/synth"
)

func TestOf(t *testing.T) {
	tests := []struct{ name, level, want string }{
		{"莆田市城厢区司法局", "", "司法局"},
		{"河南省司法厅", "", "司法局"},
		{"阜阳市公安局", "", "公安局"},
		{"杭州市公安局滨江区分局", "", "公安局"},
		{"某市规划和自然资源局某区分局", "", "自然资源局"},
		{"泾县教育体育局", "", "教育局"},
		{"北京市教育委员会", "", "教育局"},
		{"杭州市卫生健康委员会", "", "卫生健康委员会"},
		{"海城市卫生健康局", "", "卫生健康委员会"},
		{"北京市大兴区财政局", "", "财政局"},
		{"永嘉县统计局", "", "统计局"},
		{"成都市住房和城乡建设局", "", "住房和城乡建设局"},
		{"河南省发展和改革委员会", "", "发展和改革委员会"},
		{"长春市退役军人事务局", "", "退役军人事务局"},
		{"无锡市锡山区大数据管理和政务服务局", "", "政务服务管理局"},
		{"晋江市文化和旅游局", "", "文化和旅游局"},
		{"上海市普陀区绿化和市容管理局", "", "绿化和市容管理局"},
		{"易县人民政府", "", "人民政府"},
		{"上海市黄浦区人民政府", "", "人民政府"},
		{"永嘉县溪下乡人民政府", "", "乡镇人民政府"},
		{"迁安市大五里镇人民政府", "", "乡镇人民政府"},
		{"北京市大兴区兴丰街道办事处", "", "街道办事处"},
		{"河北饶阳经济开发区管理委员会", "", "管理委员会"},
		// Traps: the longest ending, not the last characters, decides.
		{"上海市住房和城乡建设管理委员会", "", "住房和城乡建设局"},  // not a management committee
		{"无锡市锡山区人民政府云林街道办事处", "", "街道办事处"},   // not a government
		{"上海市人民政府办公厅", "", "人民政府办公室"},        // not a government
		{"北京市通州区信访办公室", "", "信访局"},           // not a government office
		{"金乡县人民政府", "", "人民政府"},              // 乡 in the county's name
		{"某市国有资产监督管理委员会", "", "国有资产监督管理委员会"}, // not a management committee
		{"某市档案馆", "", ""},                    // no listed ending: no kind
		{"某市局", "", ""},                      // never by the last character
		{"某县某某办", "", ""},
		{"", "", ""},
		{"高田农场人民政府", "township", "乡镇人民政府"}, // a township by its level
		{"高田农场人民政府", "county", "人民政府"},
		{"北京市顺义区杨镇地区人民政府", "township", "乡镇人民政府"},
		{"阿克苏地区人民政府", "city", "人民政府"}, // a prefecture, not a township
		// Kept out of comparisons (Exclusion): no kind, so no peer group.
		{"市司法局", "city", ""},
		{"本县人民政府", "county", ""},
		{"未识别机关:某市司法局.txt", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Of(tt.name, tt.level); got != tt.want {
				t.Errorf("Of(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

// TestAgencyKindOfGeneratedAgencies checks the table against every kind
// etl/synth names agencies with, at every level.
func TestOfGeneratedAgencies(t *testing.T) {
	as, err := synth.Agencies(synth.Places(), 3000, 1)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, a := range as {
		want := a.Kind
		if a.Level == "township" {
			want = "乡镇人民政府"
			if strings.HasSuffix(a.Name, "办事处") {
				want = "街道办事处"
			}
		}
		if got := Of(a.Name, a.Level); got != want {
			t.Errorf("Of(%q) = %q, want %q (%s)", a.Name, got, want, a.Level)
		}
		kinds[want] = true
	}
	if len(kinds) < 16 {
		t.Errorf("generated agencies cover %d kinds, want all 16 of etl/synth and more", len(kinds))
	}
}

func TestParseRefusesBadTables(t *testing.T) {
	for _, tsv := range []string{"司法局\n", "司法局\t司法局、\n", "司法局\t司法局\n公安局\t司法局\n"} {
		if _, _, err := parse(tsv); err == nil {
			t.Errorf("parse(%q) accepted the table", tsv)
		}
	}
}

func TestIncomplete(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"市司法局", true},
		{"区人民政府", true},
		{"本县人民政府", true},
		{"市公安局分局", true},
		{"司法局", true},
		{"易县人民政府", false}, // a one-character county is a place
		{"某市司法局", false},
		{"杭州市公安局滨江区分局", false},
		{"未识别机关:a.txt", false}, // no kind: not judged here
		{"某市档案馆", false},
	}
	for _, tt := range tests {
		if got := Incomplete(tt.name); got != tt.want {
			t.Errorf("Incomplete(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTableIsDocumented(t *testing.T) {
	if len(Table()) < 40 {
		t.Errorf("the table has %d kinds", len(Table()))
	}
	for _, k := range Table() {
		if len(k.Endings) == 0 || Of("某市"+k.Endings[0], "city") != k.Name && k.Name != "乡镇人民政府" {
			t.Errorf("kind %s: its first ending %v does not make it", k.Name, k.Endings)
		}
	}
}

// TestExclusion: the one rule of who is compared, with its traps (a
// one-character place, a branch, a name with no kind, a name that merely
// contains 未识别).
func TestExclusion(t *testing.T) {
	tests := []struct{ name, want string }{
		{"", "unidentified"},
		{"  ", "unidentified"},
		{"未识别机关:report.txt", "unidentified"},
		{"未识别机关:某市司法局.txt", "unidentified"}, // a file name is no identity
		{"市司法局", "incomplete"},
		{"区人民政府", "incomplete"},
		{"本局分局", ""}, // no kind's ending before 分局: no rule applies
		{"市公安局分局", "incomplete"},
		{"易县人民政府", ""},
		{"某市司法局", ""},
		{"杭州市公安局滨江区分局", ""},
		{"某市档案馆", ""}, // no kind: compared overall, in no peer group
		{"某市未识别问题研究中心", ""},
	}
	for _, tt := range tests {
		if got := Exclusion(tt.name); got != tt.want {
			t.Errorf("Exclusion(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
