package detect

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/score"
	"github.com/xxgk/xxgk/etl/synth"
)

type label struct {
	Agency        string        `json:"agency"`
	AgencyAliases []string      `json:"agency_aliases"`
	AgencyFrom    string        `json:"agency_from"`
	Year          int           `json:"year"`
	Period        report.Period `json:"period"`
	Published     string        `json:"published"`
}

// samples reads every labelled sample report of the repository.
func samples(t testing.TB) map[string]label {
	t.Helper()
	files, err := filepath.Glob("../../testdata/labels/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no labels: %v", err)
	}
	out := map[string]label{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var l label
		if err := json.Unmarshal(b, &l); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = l
	}
	return out
}

func readSample(t testing.TB, stem string) *normalize.Text {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../examples/reports", stem+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return normalize.New(string(b))
}

// TestIdentifySamples scores identification on every labelled sample, from
// the text alone, as score.py compares agencies. A label whose agency only
// the page address gives ("agency_from": "url") is not asked for; a wrong
// agency never passes. The one sample that prints no year must come out
// without one (year_source unknown), never with a guess. Publication
// dates are asked for where the text prints them (some labels take theirs
// from the page address).
func TestIdentifySamples(t *testing.T) {
	labels := samples(t)
	var n, named, agency, year, period, pub, pubN int
	for stem, l := range labels {
		text := readSample(t, stem)
		id, err := Identify(text)
		if err != nil {
			t.Errorf("%s: Identify: %v", stem, err)
			continue
		}
		n++
		v := score.AgencyVerdict(id.Agency, score.Label{Agency: l.Agency, AgencyAliases: l.AgencyAliases})
		if v == score.Wrong {
			t.Errorf("%s: agency = %q, want %q or none", stem, id.Agency, l.Agency)
		}
		if l.AgencyFrom != "url" {
			named++
			if v == score.Exact {
				agency++
			} else {
				t.Logf("%s: agency = %q (%s), want %q", stem, id.Agency, v, l.Agency)
			}
		}
		switch {
		case id.Year == l.Year:
			year++
		case id.Year == 0 && id.YearSource == report.SourceUnknown && !yearLikeRE.MatchString(text.Norm):
			year++ // prints no year: unknown is the right answer
		default:
			t.Errorf("%s: year = %d (%s), want %d", stem, id.Year, id.YearSource, l.Year)
		}
		if id.Period == l.Period {
			period++
		} else {
			t.Logf("%s: period = %q, want %q", stem, id.Period, l.Period)
		}
		if l.Published != "" && printsDate(text.Norm, l.Published) {
			pubN++
			if id.Published == l.Published {
				pub++
			} else {
				t.Logf("%s: published = %q, want %q", stem, id.Published, l.Published)
			}
		}
	}
	t.Logf("agency %d/%d year %d/%d period %d/%d published %d/%d", agency, named, year, n, period, n, pub, pubN)
	if year != n || period != n {
		t.Errorf("year right on %d, period on %d of %d samples, want all", year, period, n)
	}
	// 81 of the 81 text-named agencies and 33 of 34 printed dates now.
	if float64(agency) < 0.98*float64(named) {
		t.Errorf("agency exact on %d of %d text-named samples, want ≥ 98%%", agency, named)
	}
	if float64(pub) < 0.9*float64(pubN) {
		t.Errorf("published right on %d of %d samples, want ≥ 90%%", pub, pubN)
	}
}

// yearLikeRE matches what could print a year: four digits from 19 or 20.
var yearLikeRE = regexp.MustCompile(`(?:19|20)[0-9]{2}`)

// printsDate reports whether a YYYY-MM-DD date is printed in the text, as
// digits with any separators or with 年月日.
func printsDate(norm, date string) bool {
	var y, m, d int
	if _, err := fmt.Sscanf(date, "%d-%d-%d", &y, &m, &d); err != nil {
		return false
	}
	re := regexp.MustCompile(fmt.Sprintf(`%d\s*[-/.年]\s*0?%d\s*[-/.月]\s*0?%d\D`, y, m, d))
	return re.MatchString(norm + " ")
}

func TestIdentifyRules(t *testing.T) {
	tests := []struct {
		name, text       string
		agency           string
		year             int
		period           report.Period
		published, level string
		province, city   string
	}{
		{"title with the year first", "2020年度遵义市司法局政府信息公开工作年度报告\n\n发布时间: 2021-03-09 15:23\n本报告…",
			"遵义市司法局", 2020, report.PeriodYear, "2021-03-09", "city", "贵州省", "遵义市"},
		{"bare township qualified by its county", "大五里镇2020年政府信息公开工作年度报告\n发布日期: 2021-01-29 来源:大五里镇\n一、总体情况",
			"迁安市大五里镇人民政府", 2020, report.PeriodYear, "2021-01-29", "township", "河北省", "唐山市"},
		{"district qualified by its city", "2013年静安区司法局政府信息公开工作年度报告\n静安区司法局\n2014年2月7日\n本年度报告…",
			"上海市静安区司法局", 2013, report.PeriodYear, "2014-02-07", "county", "上海市", "上海市"},
		{"county not qualified", "高青县司法局2023年政府信息公开工作年度报告\n本报告…",
			"高青县司法局", 2023, report.PeriodYear, "", "county", "山东省", "淄博市"},
		{"agency on the line above the title", "河南省司法厅\n2017年政府信息公开工作年度报告\n\n本报告…",
			"河南省司法厅", 2017, report.PeriodYear, "", "province", "河南省", ""},
		{"half year in the title", "2022年上半年普陀区政府信息公开数据统计\n2022年07月25日 来源: 上海普陀\n全区…",
			"上海市普陀区人民政府", 2022, report.PeriodH1, "2022-07-25", "county", "上海市", "上海市"},
		{"no title: author phrase and statistics period", "本年报是依据锡山区司法局2010年政府信息公开工作情况编制。统计时限为201011日至20101231日。本报告…",
			"无锡市锡山区司法局", 2010, report.PeriodYear, "", "county", "江苏省", "无锡市"},
		{"no title: half year said again and again", "2020年上半年司法局在黟县司法局政务公开网上主动公开信息149条。2020年上半年司法局未收到申请。本报告…",
			"黟县司法局", 2020, report.PeriodH1, "", "county", "安徽省", "黄山市"},
		{"abbreviated office expanded", "北京市通州区信访办2019年政府信息公开工作年度报告\n依据…制作本报告。",
			"北京市通州区信访办公室", 2019, report.PeriodYear, "", "county", "北京市", "北京市"},
		{"development zone run by its committee", "河北饶阳经济开发区\n2022年政府信息公开工作年度报告\n本报告…",
			"河北饶阳经济开发区管理委员会", 2022, report.PeriodYear, "", "county", "河北省", "衡水市"},
		{"sub-district office", "本报告由无锡市锡山区人民政府厚桥街道党政办公室综合科编制。2023年政府信息公开…",
			"无锡市锡山区厚桥街道办事处", 2023, report.PeriodYear, "", "township", "江苏省", "无锡市"},
		{"signature date is not the publication date", "重庆市司法局2015年政府信息公开工作年度报告\n\n日期: 2016-12-22\n…\n重庆市司法局\n2016年3月18日",
			"重庆市司法局", 2015, report.PeriodYear, "2016-12-22", "province", "重庆市", ""},
		{"column name before the title", "政府信息公开年报\n遵义市司法局2020年政府信息公开工作年度报告\n本报告…",
			"遵义市司法局", 2020, report.PeriodYear, "", "city", "贵州省", "遵义市"},
		{"site name before the title", "遵义市人民政府网 - 遵义市司法局2020年度政府信息公开工作年度报告\n本报告…",
			"遵义市司法局", 2020, report.PeriodYear, "", "city", "贵州省", "遵义市"},
		{"agency below the title", "2020年政府信息公开工作年度报告\n遵义市司法局\n本报告…",
			"遵义市司法局", 2020, report.PeriodYear, "", "city", "贵州省", "遵义市"},
		{"alias in brackets after the agency", "杭州市公安局滨江区分局(杭州高新区(滨江)公安分局)2021年度政府信息公开工作年度报告\n本报告…",
			"杭州市公安局滨江区分局", 2021, report.PeriodYear, "", "city", "浙江省", "杭州市"},
		{"ambiguous township left as written", "东岗镇2020年政府信息公开工作年度报告\n本报告…",
			"东岗镇人民政府", 2020, report.PeriodYear, "", "township", "", ""},
		{"ambiguous township settled by the text", "东岗镇2020年政府信息公开工作年度报告\n本报告由抚松县东岗镇党政办编制…",
			"抚松县东岗镇人民政府", 2020, report.PeriodYear, "", "township", "吉林省", "白山市"},
		{"a place that starts like 本局", "本溪市平山区教育局2015年政府信息公开工作年度报告\n本报告…",
			"本溪市平山区教育局", 2015, report.PeriodYear, "", "county", "辽宁省", "本溪市"},
		{"a district named after its city", "苏州工业园区司法局2015年政府信息公开工作年度报告\n本报告…",
			"苏州工业园区司法局", 2015, report.PeriodYear, "", "county", "江苏省", "苏州市"},
		{"organ from its field offices", "2017年,我局政务公开工作在市委市政府领导下,在各科室、司法所配合下开展。我局通过东阳市人民政府网站公开信息，在东阳市人民政府网站回应关切。本报告…",
			"东阳市司法局", 2017, report.PeriodYear, "", "county", "浙江省", "金华市"},
		{"a ministry has no place", "司法部2020年政府信息公开工作年度报告\n本报告…",
			"司法部", 2020, report.PeriodYear, "", "", "", ""},
		{"year after the document words", "关于天津市司法局政府信息公开工作年度报告(2021年)\n本报告…",
			"天津市司法局", 2021, report.PeriodYear, "", "province", "天津市", ""},
		{"county written with its city drops the city", "四川省自贡市富顺县公安局2019年政府信息公开工作年度报告\n本报告…",
			"富顺县公安局", 2019, report.PeriodYear, "", "county", "四川省", "自贡市"},
		{"district written with its province takes its city", "四川省沿滩区公安局2019年政府信息公开工作年度报告\n本报告…",
			"自贡市沿滩区公安局", 2019, report.PeriodYear, "", "county", "四川省", "自贡市"},
		{"township of a district written with the district", "越城区东浦镇2020年政府信息公开工作年度报告\n本报告…",
			"绍兴市越城区东浦镇人民政府", 2020, report.PeriodYear, "", "township", "浙江省", "绍兴市"},
		{"township of a county-level city drops the prefecture", "唐山市迁安市大五里镇2020年政府信息公开工作年度报告\n本报告…",
			"迁安市大五里镇人民政府", 2020, report.PeriodYear, "", "township", "河北省", "唐山市"},
		{"development zone is no district", "西藏文化旅游创意园区2020年政府信息公开工作年度报告\n本报告…",
			"西藏文化旅游创意园区管理委员会", 2020, report.PeriodYear, "", "county", "西藏自治区", "拉萨市"},
		{"a department's place is no township of the same name", "白塔区卫生健康委员会2020年政府信息公开工作年度报告\n本报告…",
			"辽阳市白塔区卫生健康委员会", 2020, report.PeriodYear, "", "county", "辽宁省", "辽阳市"},
		{"long zone name", "郑州市郑州高新技术产业开发区自然资源局2014年度政府信息公开工作年度报告\n本报告…",
			"郑州高新技术产业开发区自然资源局", 2014, report.PeriodYear, "", "county", "河南省", "郑州市"},
		{"long autonomous county name", "前郭尔罗斯蒙古族自治县交通运输局2014年度政府信息公开工作年度报告\n本报告…",
			"前郭尔罗斯蒙古族自治县交通运输局", 2014, report.PeriodYear, "", "county", "吉林省", "松原市"},
		{"unqualified organ takes the district the text names", "一、总体情况\n2024年，区司法局政府信息公开工作…通过北京市东城区人民政府网站…落实《东城区2024年政务公开工作要点》…区司法局…本报告",
			"北京市东城区司法局", 2024, report.PeriodYear, "", "county", "北京市", "北京市"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := Identify(normalize.New(tt.text))
			if err != nil {
				t.Fatalf("Identify: %v", err)
			}
			want := report.Identity{Agency: tt.agency, Year: tt.year, Period: tt.period, Published: tt.published,
				Level: tt.level, Province: tt.province, City: tt.city}
			if id.Agency != want.Agency || id.Year != want.Year || id.Period != want.Period || id.Published != want.Published || id.Level != want.Level || id.Province != want.Province || id.City != want.City {
				t.Errorf("Identify = %+v,\n want %+v", id, want)
			}
		})
	}
}

func TestNotReport(t *testing.T) {
	tests := map[string]string{
		"no disclosure subject":  "关于开展2023年安全生产大检查的通知\n各单位：……",
		"no report cue":          "政府信息公开指南\n一、公开的主体……",
		"a notice about reports": "关于做好2015年政府信息公开年度报告编制和公布工作的通知\n各区县：请按要求……本报告",
		"a catalogue":            "重庆市司法局政府信息公开目录\n本报告……",
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Identify(normalize.New(text))
			if !errors.Is(err, ErrNotReport) {
				t.Errorf("Identify = %v, want ErrNotReport", err)
			}
		})
	}
}

func TestForm(t *testing.T) {
	tests := []struct {
		text string
		want report.Form
	}{
		{"| 规章 | 本年制发件数 | 本年废止件数 |", report.FormTable2021},
		{"本年新制作数量 本年新公开数量", report.FormTable2019},
		{"四、政府信息公开的收费及减免情况", report.FormLegacy},
		{"全年主动公开政府信息671条", report.FormNarrative},
	}
	for _, tt := range tests {
		if got := Form(tt.text); got != tt.want {
			t.Errorf("Form(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func BenchmarkIdentify(b *testing.B) {
	labels := samples(b)
	var texts []*normalize.Text
	for stem := range labels {
		texts = append(texts, readSample(b, stem))
	}
	Identify(texts[0]) // load the divisions outside the timing
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; b.Loop(); i++ {
		Identify(texts[i%len(texts)])
	}
	reportCPU(b, cpu)
}

// synthTexts generates text reports of every era and layout, normalised;
// untitled drops their title and header lines, as copies without a title
// come (identification then falls back to the body).
func synthTexts(b *testing.B, agencies int, untitled bool) ([]*normalize.Text, int64) {
	b.Helper()
	as, err := synth.Agencies(synth.Places(), agencies, 1)
	if err != nil {
		b.Fatal(err)
	}
	var out []*normalize.Text
	var size int64
	for _, a := range as {
		for _, d := range synth.Series(a, []int{2012, 2016, 2019, 2021, 2023}, synth.Options{Seed: 1}) {
			body := string(d.Body)
			if untitled {
				for n := 0; n < 2; n++ {
					body = strings.TrimLeft(body, "\n")
					if i := strings.IndexByte(body, '\n'); i >= 0 {
						body = body[i+1:]
					}
				}
			}
			out = append(out, normalize.New(body))
			size += int64(len(body))
		}
	}
	return out, size
}

func benchmarkIdentifySynth(b *testing.B, untitled bool) {
	texts, size := synthTexts(b, 40, untitled)
	Identify(texts[0]) // load the divisions outside the timing
	b.SetBytes(size / int64(len(texts)))
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; b.Loop(); i++ {
		Identify(texts[i%len(texts)])
	}
	reportCPU(b, cpu)
}

// BenchmarkIdentifySynth measures identification per generated report.
func BenchmarkIdentifySynth(b *testing.B) { benchmarkIdentifySynth(b, false) }

// BenchmarkIdentifySynthUntitled measures it on reports without a title.
func BenchmarkIdentifySynthUntitled(b *testing.B) { benchmarkIdentifySynth(b, true) }

// cpuTime is the CPU time the process has used: on a shared, loaded
// machine it varies far less than the wall time ns/op reports.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per operation since start (GC included).
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// TestPlace: a name alone places its body as identification would, with
// real places; a name the divisions cannot place is kept as given.
func TestPlace(t *testing.T) {
	tests := []struct {
		name string
		want Placed
		ok   bool
	}{
		{"遵义市人民政府", Placed{"遵义市人民政府", "city", "贵州省", "遵义市"}, true},
		{"贵州省遵义市司法局", Placed{"遵义市司法局", "city", "贵州省", "遵义市"}, true},
		{"河南省司法厅", Placed{"河南省司法厅", "province", "河南省", ""}, true},
		{"东城区司法局", Placed{"北京市东城区司法局", "county", "北京市", "北京市"}, true},
		{"鸭溪镇人民政府", Placed{"遵义市播州区鸭溪镇人民政府", "township", "贵州省", "遵义市"}, true},
		{"顺义区杨镇地区人民政府", Placed{"北京市顺义区杨镇地区人民政府", "township", "北京市", "北京市"}, true},
		{"郑州市金水区文化路街道办事处", Placed{"郑州市金水区文化路街道办事处", "township", "河南省", "郑州市"}, true},
		// 西湖区 is in Hangzhou and in Nanchang: the level is known, the city is not.
		{"西湖区人民政府", Placed{"西湖区人民政府", "county", "", ""}, true},
		// Negatives: an unqualified name, a place the divisions lack.
		{"市司法局", Placed{Agency: "市司法局"}, false},
		{"丙市人民政府", Placed{Agency: "丙市人民政府"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Place(tt.name)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Place(%q) = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
			}
		})
	}
}
