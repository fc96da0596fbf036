package detect

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// The texts below are written for these tests after the patterns real
// reports show (real-variants.md items 1–10); none is a copy of a sample.

// reportBody is a report body with the sections and vocabulary of the 2021 form,
// naming no reportBody of its own.
const reportBody = "\n一、总体情况\n（一）主动公开。2021年主动公开政府信息120条。\n（二）依申请公开。收到申请5件，均按时答复。\n" +
	"二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"

const yearless = "\n一、总体情况\n（一）主动公开。全年主动公开政府信息120条。\n（二）依申请公开。收到申请5件。\n" +
	"二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"

// TestEvidenceSources has one case per source of evidence: each names the
// agency through that source alone.
func TestEvidenceSources(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		meta   report.Meta
		sup    report.Supplied
		agency string
		source report.EvidenceSource
	}{
		{name: "title", text: "临沂市兰山区司法局2021年政府信息公开工作年度报告" + reportBody,
			agency: "临沂市兰山区司法局", source: report.SourceTitle},
		{name: "line above the title", text: "徐州市财政局\n2021年政府信息公开工作年度报告" + reportBody,
			agency: "徐州市财政局", source: report.SourceTitleLine},
		{name: "line below the title", text: "2021年政府信息公开工作年度报告\n绵阳市审计局\n" + reportBody,
			agency: "绵阳市审计局", source: report.SourceTitleLine},
		{name: "name after the document words", text: "2021年度政府信息公开 年度报告 洛阳市民政局 2022.\n" + reportBody,
			agency: "洛阳市民政局", source: report.SourceTitle},
		{name: "ArticleTitle meta tag", text: "本报告根据条例编制。" + reportBody,
			meta:   report.Meta{ArticleTitle: "泉州市商务局2021年政府信息公开工作年度报告", SiteName: "泉州市人民政府"},
			agency: "泉州市商务局", source: report.SourceMetaTitle},
		{name: "page title with the site after it", text: "本报告根据条例编制。" + reportBody,
			meta:   report.Meta{Title: "泉州市商务局2021年政府信息公开工作年度报告_泉州市人民政府网"},
			agency: "泉州市商务局", source: report.SourceMetaTitle},
		{name: "operator's title", text: "本报告根据条例编制。" + reportBody,
			sup:    report.Supplied{Title: "嘉兴市南湖区教育局2021年度政府信息公开工作年度报告"},
			agency: "嘉兴市南湖区教育局", source: report.SourceMetaTitle},
		{name: "author phrase", text: "本报告由襄阳市樊城区统计局编制。" + reportBody,
			agency: "襄阳市樊城区统计局", source: report.SourceAuthor},
		{name: "author phrase broken over lines", text: "本报告由襄阳市樊城区统\n计局编制。" + reportBody,
			agency: "襄阳市樊城区统计局", source: report.SourceAuthor},
		{name: "opening subject", text: "依据条例编制本报告。\n一、总体情况\n2021年，芜湖市镜湖区交通运输局认真贯彻条例，全年主动公开信息50条。\n" + reportBody,
			agency: "芜湖市镜湖区交通运输局", source: report.SourceOpening},
		{name: "a place as the opening subject is its government", text: "依据条例编制本报告。\n一、总体情况\n2021年，芜湖市镜湖区坚持以公开为常态，主动公开信息5000条。\n" + reportBody,
			agency: "芜湖市镜湖区人民政府", source: report.SourceOpening},
		{name: "signature", text: "本报告根据条例编制。" + reportBody + "\n六、其他需要报告的事项\n无。\n日照市东港区水利局\n",
			agency: "日照市东港区水利局", source: report.SourceSignature},
		{name: "compiled from the reports of its bodies", text: "本报告根据条例以及2021年度泰安市政府各部门和各县、市、区政府的政府信息公开工作年度报告编制。" + reportBody,
			agency: "泰安市人民政府", source: report.SourceCompiled},
		{name: "unqualified title completed by the body", text: "卫健局2021年政府信息公开工作年度报告\n一、总体情况\n2021年，局机关主动公开信息30条。淳安县卫健局全年受理申请2件。" + reportBody,
			agency: "淳安县卫生健康局", source: report.SourceTitle},
		{name: "我局 and its field offices with the one county named twice", text: "本报告根据条例编制。\n2021年，我局指导各司法所做好公开工作，在德清县人民政府网站公开信息，回应德清县群众关切。" + reportBody,
			agency: "德清县司法局", source: report.SourceSelf},
		{name: "operator's agency overrides the text", text: "临沂市兰山区司法局2021年政府信息公开工作年度报告" + reportBody,
			sup:    report.Supplied{Agency: "临沂市兰山区人民政府办公室", Origin: "manifest.csv"},
			agency: "临沂市兰山区人民政府办公室", source: report.SourceOperator},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := IdentifyWith(normalize.New(tt.text), tt.meta, tt.sup)
			if err != nil {
				t.Fatalf("IdentifyWith: %v", err)
			}
			if id.Agency != tt.agency || id.AgencySource != tt.source {
				t.Errorf("agency = %q from %q, want %q from %q (note %q, candidates %+v)", id.Agency, id.AgencySource,
					tt.agency, tt.source, id.AgencyNote, id.Candidates)
			}
			if len(id.Candidates) == 0 {
				t.Errorf("no candidates recorded")
			}
		})
	}
}

// TestMentionTraps has one negative per trap of real-variants items 1–5: a
// reportBody merely mentioned, a self-reference, a short or old name, a damaged
// name, a township printed alone. Each must come out right or unidentified,
// never as the mentioned reportBody.
func TestMentionTraps(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		meta   report.Meta
		agency string // "" for unidentified
		never  string // the wrong answer the trap invites
	}{
		{name: "contact line names the government's office",
			text:   "本报告根据条例编制。如对本报告有任何疑问，请与烟台市人民政府办公室联系（电话：0535-1234567）。\n一、总体情况\n2021年，我市深入推进政务公开。" + reportBody,
			agency: "", never: "烟台市人民政府办公室"},
		{name: "compiled-from line names several bodies",
			text:   "本报告在2021年度天津市各区人民政府和天津市政府各委、办、局的政府信息公开工作年度报告的基础上编制。" + reportBody,
			agency: "天津市人民政府", never: "天津市各区人民政府"},
		{name: "the government portal hosts its office's report",
			text:   "本年度报告电子版可从重庆市人民政府网站下载。\n一、总体情况\n2021年，重庆市人民政府办公厅坚持依法公开。" + reportBody,
			agency: "重庆市人民政府办公厅", never: "重庆市人民政府"},
		{name: "the office's portal hosts the government's report",
			text:   "2021年济宁市人民政府政府信息公开工作年度报告\n来源：济宁市人民政府办公室\n本报告根据条例编制。" + reportBody,
			agency: "济宁市人民政府", never: "济宁市人民政府办公室"},
		{name: "supervising office",
			text:   "本报告根据条例编制。\n一、总体情况\n2021年，在南平市人民政府办公室的指导下，我局主动公开信息60条。" + reportBody,
			agency: "", never: "南平市人民政府办公室"},
		{name: "a platform items are sent to",
			text:   "本报告根据条例编制。\n一、总体情况\n2021年，我局在江西省教育厅网站报送信息40条，在江西省教育厅网站公开工作动态。" + reportBody,
			agency: "", never: "江西省教育厅"},
		{name: "发布机构 names the office that typed it in",
			text:   "发布机构：钦州市钦南区人民政府办公室\n钦州市钦南区人民政府2021年政府信息公开工作年度报告\n本报告根据条例编制。" + reportBody,
			agency: "钦州市钦南区人民政府", never: "钦州市钦南区人民政府办公室"},
		{name: "only 我局",
			text:   "本报告根据条例编制。\n一、总体情况\n2021年，我局主动公开信息60条，我局未收到申请。" + reportBody,
			agency: "", never: ""},
		{name: "unqualified name and a province named nearby",
			text:   "本报告根据条例编制。\n一、总体情况\n2021年，市司法局认真落实湖南省政务公开工作要求。" + reportBody,
			agency: "", never: "湖南省司法局"},
		{name: "unqualified name and two districts named",
			text:   "本报告根据条例编制。\n一、总体情况\n2021年，区司法局在越秀区、海珠区开展普法，越秀区群众、海珠区群众参与。" + reportBody,
			agency: "", never: "广州市越秀区司法局"},
		{name: "a party office is no disclosure body",
			text:   "本报告根据条例编制。\n一、总体情况\n2021年，市委办公厅、市政府办公厅联合印发方案。市委办公厅牵头。威海市政务公开工作持续推进，威海市群众满意。" + reportBody,
			agency: "", never: "威海市委办公厅"},
		{name: "autonomous prefecture abbreviated",
			text:   "临夏州公安局2021年政府信息公开工作年度报告" + reportBody,
			agency: "临夏回族自治州公安局", never: "临夏州公安局"},
		{name: "short organ form",
			text:   "长沙市雨花区市场监管局2021年政府信息公开工作年度报告" + reportBody,
			agency: "长沙市雨花区市场监督管理局", never: "长沙市雨花区市场监管局"},
		{name: "short office form",
			text:   "南京市政府办公厅2021年政府信息公开工作年度报告" + reportBody,
			agency: "南京市人民政府办公厅", never: "南京市政府办公厅"},
		{name: "renamed county",
			text:   "萧山市戴村镇2009年政府信息公开工作年度报告" + reportBody,
			agency: "杭州市萧山区戴村镇人民政府", never: "戴村镇人民政府"},
		{name: "traditional copy with glued pinyin",
			text:   "雲林街道2015年度政府信息公開工作報(bào)告\n本年度報(bào)告由無錫市錫山區人民政府雲林街道辦事處編制。" + reportBody,
			agency: "无锡市锡山区云林街道办事处", never: "街道办事处"},
		{name: "the same organ written two ways",
			text:   "本报告根据条例编制。如有疑问，请与宁波市公安局鄞州分局联系。\n一、总体情况\n2021年，鄞州区公安分局在区委领导下推进公开。" + reportBody,
			agency: "宁波市公安局鄞州分局", never: "宁波市鄞州区公安分局"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := IdentifyWith(normalize.New(tt.text), tt.meta, report.Supplied{})
			if err != nil {
				t.Fatalf("IdentifyWith: %v", err)
			}
			if id.Agency != tt.agency || tt.never != "" && id.Agency == tt.never {
				t.Errorf("agency = %q, want %q (never %q; note %q, candidates %+v)", id.Agency, tt.agency, tt.never,
					id.AgencyNote, id.Candidates)
			}
			if id.Agency == "" && id.AgencyNote == "" {
				t.Errorf("unidentified without a note")
			}
		})
	}
}

// TestAliasesAndIncomplete checks the printed spelling is kept as an alias
// and a township the divisions cannot place is marked incomplete.
func TestAliasesAndIncomplete(t *testing.T) {
	id, err := Identify(normalize.New("临夏州公安局2021年政府信息公开工作年度报告" + reportBody))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(id.AgencyAliases, "临夏州公安局") {
		t.Errorf("aliases = %v, want the printed 临夏州公安局", id.AgencyAliases)
	}
	id, err = Identify(normalize.New("朝阳乡2021年政府信息公开工作年度报告" + reportBody))
	if err != nil {
		t.Fatal(err)
	}
	if id.Agency != "朝阳乡人民政府" || !id.AgencyIncomplete {
		t.Errorf("agency = %q incomplete %v, want 朝阳乡人民政府 marked incomplete", id.Agency, id.AgencyIncomplete)
	}
	id, err = Identify(normalize.New("朝阳乡2021年政府信息公开工作年度报告\n本报告由大竹县朝阳乡党政办编制。" + reportBody))
	if err != nil {
		t.Fatal(err)
	}
	if id.Agency != "大竹县朝阳乡人民政府" || id.AgencyIncomplete {
		t.Errorf("agency = %q incomplete %v, want 大竹县朝阳乡人民政府 from the author phrase", id.Agency, id.AgencyIncomplete)
	}
}

// TestIsReport has one case per kind of text of real-variants items 6–10.
func TestIsReport(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		report bool
		reason string // a word the refusal names
	}{
		{"notice wrapping the report", "关于印发鹤壁市2021年政府信息公开工作年度报告的通知\n各县区人民政府：现将报告印发给你们。\n鹤壁市2021年政府信息公开工作年度报告" + reportBody, true, ""},
		{"traditional mirror", "常州市武進區2021年政府信息公開工作年度報告\n一、總體情況\n2021年，主動公開政府信息100條。\n二、主動公開政府信息情況\n三、收到和處理政府信息公開申請情況", true, ""},
		{"title lost, the text starts at 一、总体情况", "一、总体情况\n2021年，本市各级行政机关主动公开政府信息。\n（一）主动公开方面。全年主动公开文件20件。\n（二）依申请公开方面。收到申请8件。", true, ""},
		{"half-year self-assessment", "2022年上半年政府信息公开数据统计\n2022年上半年，全区共主动公开信息300条，受理政府信息公开申请20件。", true, ""},
		{"news about a report", "我市召开新闻发布会解读2021年政府信息公开工作年度报告\n记者从会上获悉，报告显示全市政务公开水平提升。", false, "news"},
		{"work summary", "2021年政务公开工作总结\n一年来，我局政务公开工作取得成效。现将工作总结如下：主动公开信息50条。", false, "总结"},
		{"government work report", "2022年政府工作报告\n各位代表：现在，我代表市人民政府向大会报告工作。全年推进政务公开。", false, "政府工作报告"},
		{"statistical communiqué", "2021年国民经济和社会发展统计公报\n全年地区生产总值增长5%。政务公开信息化水平提升。", false, "统计公报"},
		{"work plan", "2022年政务公开工作要点\n一、总体要求\n深入推进政务公开，做好政府信息公开年度报告编制。", false, "要点"},
		{"navigation only", "首页 > 政务公开 > 政府信息公开年报\n2021年度报告\n2020年度报告\n2019年度报告\n政府信息公开指南\n政府信息公开制度", false, "navigation"},
		{"no disclosure subject", "关于开展2023年安全生产大检查的通知\n各单位：请认真开展检查。", false, "政府信息公开"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Identify(normalize.New(tt.text))
			switch {
			case tt.report && err != nil:
				t.Errorf("Identify: %v, want a report", err)
			case !tt.report && !errors.Is(err, ErrNotReport):
				t.Errorf("Identify = %v, want ErrNotReport", err)
			case !tt.report && !strings.Contains(err.Error(), tt.reason):
				t.Errorf("refused with %q, want a reason naming %q", err, tt.reason)
			}
		})
	}
}

// TestYearSources covers the year's sources: the statistics period, the
// publication date only (inferred, marked), the page address, the operator,
// and no year at all (an error, never year 0).
func TestYearSources(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		sup      report.Supplied
		year     int
		period   report.Period
		source   report.EvidenceSource
		inferred bool
		err      error
	}{
		{name: "statistics period", text: "本报告所列数据统计期限自2020年1月1日起至2020年12月31日止。" + reportBody,
			year: 2020, period: report.PeriodYear, source: report.SourcePeriod},
		{name: "publication date only", text: "发布日期：2021-02-03\n本报告根据条例编制。" + yearless,
			year: 2020, period: report.PeriodYear, source: report.SourcePublished, inferred: true},
		{name: "date in the page address", text: "本报告根据条例编制。" + yearless,
			sup:  report.Supplied{URL: "http://www.example.gov.cn/art/2021/1/15/art_1229_123.html?t=t20210115_42"},
			year: 2020, period: report.PeriodYear, source: report.SourceURL, inferred: true},
		{name: "operator's year", text: "本报告根据条例编制。" + yearless, sup: report.Supplied{Year: 2019},
			year: 2019, period: report.PeriodYear, source: report.SourceOperator},
		{name: "half year stays h1", text: "2022年上半年政府信息公开数据统计\n2022年上半年，全区主动公开信息300条。" + reportBody,
			year: 2022, period: report.PeriodH1, source: report.SourceTitle},
		{name: "no year at all: unknown, never guessed", text: "本报告根据条例编制。" + yearless,
			year: 0, period: report.PeriodYear, source: report.SourceUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := IdentifyWith(normalize.New(tt.text), report.Meta{}, tt.sup)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("IdentifyWith = %+v, %v; want %v", id, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if id.Year != tt.year || id.Period != tt.period || id.YearSource != tt.source || id.YearInferred != tt.inferred {
				t.Errorf("year %d %s from %s inferred %v, want %d %s from %s inferred %v", id.Year, id.Period, id.YearSource,
					id.YearInferred, tt.year, tt.period, tt.source, tt.inferred)
			}
		})
	}
}

// TestQualified checks the test of a stored agency name.
func TestQualified(t *testing.T) {
	for name, want := range map[string]bool{
		"遵义市司法局": true, "国家卫生健康委员会": true, "司法部": true, "迁安市大五里镇人民政府": true,
		"市司法局": false, "司法局": false, "我局": false, "区人民政府办公室": false, "": false,
	} {
		if got := Qualified(name); got != want {
			t.Errorf("Qualified(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestPublishedDateLines: the header lines a publication date is read from,
// and lines that are not one.
func TestPublishedDateLines(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"date after the title in brackets", []string{"2025年政府信息公开工作年度报告 ( 2026-01-30 )"}, "2026-01-30"},
		{"full-width brackets", []string{"某区司法局2023年政府信息公开工作年度报告（2024年1月18日）"}, "2024-01-18"},
		{"date and time before the author", []string{"2022-01-28 11:22 作者:局办公室"}, "2022-01-28"},
		{"date and time alone", []string{"2021/3/9 15:23:05"}, "2021-03-09"},
		{"bracketed date inside a sentence", []string{"根据《条例》（2019年4月3日修订）第五十条规定编制本报告。"}, ""},
		{"a count with a time-like tail", []string{"2022年共受理申请11:22件"}, ""},
	}
	for _, tt := range tests {
		if got := published(tt.lines); got != tt.want {
			t.Errorf("%s: published(%q) = %q, want %q", tt.name, tt.lines, got, tt.want)
		}
	}
}
