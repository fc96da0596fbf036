package prose

import (
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// mechCase is one text read by one mechanism: the figures it must give,
// the keys it must leave blank, and the keys it must record as ambiguous.
type mechCase struct {
	name      string
	text      string
	year      int    // 2023 when 0
	agency    string // the report's agency, when the case needs one
	want      []want
	absent    []string
	ambiguous []string
}

// runMech runs the cases of one mechanism; every figure must carry the
// rule that read it and quote its sentence.
func runMech(t *testing.T, cases []mechCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			year := tt.year
			if year == 0 {
				year = 2023
			}
			text := normalize.New(tt.text)
			ms, amb := Extract(text, report.Identity{Agency: tt.agency, Year: year, Period: report.PeriodYear})
			got := map[string]report.Metric{}
			for _, m := range ms {
				got[m.Key] = m
			}
			for _, w := range tt.want {
				m, ok := got[w.key]
				if !ok {
					t.Errorf("%s: no figure, want %v (got %v)", w.key, w.value, keys(got))
					continue
				}
				if d := m.Value - w.value; d > 1e-9 || d < -1e-9 || m.Approx != w.approx {
					t.Errorf("%s = %v approx=%v, want %v approx=%v", w.key, m.Value, m.Approx, w.value, w.approx)
				}
				if m.Prov.Rule == "" || Describe(m.Prov.Rule) == "" {
					t.Errorf("%s: rule %q has no description", w.key, m.Prov.Rule)
				}
				if text.Orig[m.Prov.Start:m.Prov.End] != m.Prov.Text {
					t.Errorf("%s: provenance %q does not round-trip", w.key, m.Prov.Text)
				}
			}
			for _, k := range tt.absent {
				if m, ok := got[k]; ok {
					t.Errorf("%s = %v read by %s from %q, want none", k, m.Value, m.Prov.Rule, m.Prov.Text)
				}
			}
			for _, k := range tt.ambiguous {
				found := false
				for _, a := range amb {
					if a.Key == k {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: no ambiguity recorded (got %v)", k, amb)
				}
				if _, ok := got[k]; ok {
					t.Errorf("%s: ambiguous but stored", k)
				}
			}
		})
	}
}

func TestProactive(t *testing.T) {
	runMech(t, []mechCase{
		{name: "a 政讯 gazette named in quotes", agency: "某某市某某区人民政府", year: 2012,
			text: "区政府全年主动公开政府信息900条，其中通过区政府网站公开700条，通过《某某政讯》公开38条。",
			want: []want{{"proactive.total", 900, false}, {"proactive.website", 700, false}, {"proactive.gazette", 38, false}}},
		{name: "trap: a 简讯 column is no gazette", agency: "某某市某某区人民政府", year: 2012,
			text: "区政府全年主动公开政府信息900条，其中在《工作简讯》栏目发布38条。",
			want: []want{{"proactive.total", 900, false}}, absent: []string{"proactive.gazette"}},
		{name: "total with the verb and information", text: "本年度我办主动公开各类政府信息356条。",
			want: []want{{"proactive.total", 356, false}}},
		{name: "total after the year with a breakdown by kind", text: "2023年共主动公开政府信息420条,其中规划计划12条,政策文件30条,人事信息8条。",
			want: []want{{"proactive.total", 420, false}}, absent: []string{"proactive.website"}},
		{name: "object after the count names a channel", text: "全年在局门户网站主动公开715条政务信息。",
			want: []want{{"proactive.website", 715, false}}, absent: []string{"proactive.total"}},
		{name: "D20: one website's count is the website's", text: "全年通过县政府门户网站发布信息264条。",
			want: []want{{"proactive.website", 264, false}}, absent: []string{"proactive.total"}},
		{name: "portal named 政务网", text: "全年通过市政务网发布政府信息5120条。",
			want: []want{{"proactive.website", 5120, false}}, absent: []string{"proactive.total"}},
		{name: "portal named 信息网", text: "全年在区人民政府信息网发布信息880条。",
			want: []want{{"proactive.website", 880, false}}},
		{name: "portal named “中国XX”", text: "全年通过“中国临安”主动公开政府信息1350条。",
			want: []want{{"proactive.website", 1350, false}}},
		{name: "portal name in quotes", text: "在“某某市人民政府网站”发布信息77条。",
			want: []want{{"proactive.website", 77, false}}},
		{name: "several channels give the total", text: "依托门户网站、政务微信等平台主动公开信息92条。",
			want: []want{{"proactive.total", 92, false}}, absent: []string{"proactive.website", "proactive.wechat"}},
		{name: "a column named for a part of the body is the website's", year: 2023,
			text: "全年主动公开政府信息412条，其中通过区政府门户网站某某镇信息公开专栏公开156条，通过“某某发布”微信公众号发布256条。",
			want: []want{{"proactive.total", 412, false}, {"proactive.website", 156, false}, {"proactive.wechat", 256, false}}},
		{name: "trap: a site and a column joined by 和 are two channels", year: 2023,
			text: "全年通过门户网站和政务公开专栏公开信息58条。", absent: []string{"proactive.website"}},
		{name: "trap: a long phrase between a site and a column", year: 2023,
			text: "通过门户网站发布通知后在各村居务信息公开专栏公开信息58条。", absent: []string{"proactive.website"}},
		{name: "a column of the website is the website", text: "通过区政府门户网站政府信息公开专栏主动公开各类政府信息26条。",
			want: []want{{"proactive.website", 26, false}}, absent: []string{"proactive.total"}},
		{name: "the disclosure catalogue alone is the total", text: "全年在政府信息公开目录系统主动公开政府信息188条。",
			want: []want{{"proactive.total", 188, false}}},
		{name: "a website's own account", text: "“某某政府网”之外,某某政府网微信公众号全年推送信息860条。",
			want: []want{{"proactive.wechat", 860, false}}, absent: []string{"proactive.total", "proactive.website"}},
		{name: "weibo and wechat each", text: "政务微博发布信息410条,微信公众号推送信息356条。",
			want: []want{{"proactive.weibo", 410, false}, {"proactive.wechat", 356, false}}},
		{name: "issues are not items", text: "微信公众号全年推送56期213条。",
			want: []want{{"proactive.wechat", 213, false}}},
		{name: "new media together", text: "通过微信、微博等新媒体发布信息640条。",
			want: []want{{"proactive.new_media", 640, false}}, absent: []string{"proactive.wechat", "proactive.weibo", "proactive.total"}},
		{name: "new-media platforms listed", text: "通过抖音、今日头条、视频号发布短视频信息95条。",
			want: []want{{"proactive.new_media", 95, false}}},
		{name: "one platform the keys do not name", text: "政务抖音号全年发布信息43条。",
			absent: []string{"proactive.new_media", "proactive.total", "proactive.wechat"}},
		{name: "gazette", text: "全年编辑政府公报12期,刊登规范性文件等36件。",
			want: []want{{"proactive.gazette", 36, false}}},
		{name: "channel list under the total", text: "全年主动公开政府信息930条,其中网站公开210条,政务微信500条,政务微博220条。",
			want: []want{{"proactive.total", 930, false}, {"proactive.website", 210, false}, {"proactive.wechat", 500, false}, {"proactive.weibo", 220, false}}},
		{name: "breakdown in the next sentence", text: "全年主动公开政府信息930条。其中,区政府网站发布210条,政务微信发布500条。",
			want: []want{{"proactive.total", 930, false}, {"proactive.website", 210, false}, {"proactive.wechat", 500, false}}},
		{name: "this year's part of a running total", text: "截至年底累计主动公开政府信息8120条,其中本年度新增主动公开政府信息930条。",
			want: []want{{"proactive.total", 930, false}}},
		{name: "cumulative within the year", text: "年内累计主动公开政府信息300余条。",
			want: []want{{"proactive.total", 300, true}}},
		{name: "万 with an approximation", text: "全年通过市政务网发布信息4.6万余条。",
			want: []want{{"proactive.website", 46000, true}}},
		{name: "P13 legacy echo", text: "政府网站公开信息1200条,微博微信公开信息800条,政府公报公开信息0条。",
			want: []want{{"proactive.website", 1200, false}, {"proactive.new_media", 800, false}, {"proactive.gazette", 0, false}}},
		{name: "items published, by attribute, give the proactive", text: "全年共公开政府信息800条,其中主动公开政府信息760条,依申请公开政府信息40条。",
			want: []want{{"proactive.total", 760, false}}},
		{name: "items made, by attribute, give the published", text: "全年制作政府信息500条,其中主动公开信息320条,依申请公开信息20条,不予公开信息160条。",
			want: []want{{"proactive.total", 320, false}}, absent: []string{"apps_new.total", "denied.total"}},
		{name: "channel of the figure before: subscribers, then items", text: "“某某司法”公众号关注用户3200余人次,全年推送信息640篇。",
			want: []want{{"proactive.wechat", 640, false}}, absent: []string{"proactive.total"}},
		{name: "channel of an earlier clause", text: "积极拓展政务新媒体渠道,依托“某某发布”微信公众平台,全年发布信息310条。",
			want: []want{{"proactive.wechat", 310, false}}, absent: []string{"proactive.total"}},
		{name: "the total after a channel's other figure", text: "门户网站全年访问量52万人次,共公开各类信息610条。",
			want: []want{{"proactive.total", 610, false}}, absent: []string{"proactive.website"}},
		{name: "pre-2019: normative documents under the total", year: 2017,
			text: "全年主动公开政府信息1400条,其中规范性文件26条。",
			want: []want{{"proactive.total", 1400, false}, {"legacy.normative_disclosed", 26, false}}},
		{name: "2019 and later: no legacy key", year: 2022,
			text: "全年主动公开政府信息1400条,其中规范性文件26条。",
			want: []want{{"proactive.total", 1400, false}}, absent: []string{"legacy.normative_disclosed"}},
	})
}

// TestProactiveTraps holds the negatives: figures near proactive wording
// that are not the report's proactive counts.
func TestProactiveTraps(t *testing.T) {
	runMech(t, []mechCase{
		{name: "trap 10: a kind of document on the website", text: "在市政府门户网站和市政府公报主动公开规章9件,行政规范性文件31件,其他文件80件。",
			absent: []string{"proactive.website", "proactive.total", "proactive.gazette"}},
		{name: "trap 10: documents with an aside of their parts", text: "全年通过区门户网站主动公开公文75件(含规范性文件3件),其中人事任免文件20件。",
			absent: []string{"proactive.website", "proactive.total", "art20.normative.issued"}},
		{name: "trap 10: one kind of item on a channel", text: "区政府网站全年发布部门工作动态88篇。",
			absent: []string{"proactive.website", "proactive.total"}},
		{name: "trap 10: sibling parts of one channel", text: "在县政府网站更新工作动态40篇,专项领域公开内容更新9篇。",
			absent: []string{"proactive.website", "proactive.total"}},
		{name: "trap 10: kinds by 类", text: "通过官方网站发布政务类信息40条,服务类信息90条。",
			absent: []string{"proactive.website", "proactive.total"}},
		{name: "trap 10: one topic's information", text: "全年公开财政预决算信息15条。", absent: []string{"proactive.total"}},
		{name: "trap 10: key areas' information", text: "主动公开重点领域信息210条。", absent: []string{"proactive.total"}},
		{name: "a list of kinds makes up the output", text: "通过门户网站发布部门动态及科普、便民信息60条。",
			want: []want{{"proactive.website", 60, false}}},
		{name: "a list of kinds with 等", text: "主动公开机构职能、政策文件、规划计划等信息120条。",
			want: []want{{"proactive.total", 120, false}}},
		{name: "the agency's own name is no topic", agency: "某某区信访办", text: "区信访办全年政府信息主动公开共7条。",
			want: []want{{"proactive.total", 7, false}}},
		{name: "trap 10: documents of an area's bodies", text: "全区各级行政机关共制发公文520件,主动公开498件。",
			absent: []string{"proactive.total"}},
		{name: "trap 5: another body's reporting system", text: "在省厅信息报送系统报送信息60篇,被采用12篇。",
			absent: []string{"proactive.total", "proactive.website"}},
		{name: "trap 5: another body's credit platform", text: "在市信用信息共享平台公开行政处罚信息42条。",
			absent: []string{"proactive.total"}},
		{name: "trap 5: items sent to another's site", text: "向市政府网站公开平台报送信息30余篇。",
			absent: []string{"proactive.website", "proactive.total"}},
		{name: "trap 5: messages and visits", text: "门户网站回复网民留言150条,总访问量8万次。",
			absent: []string{"proactive.website", "proactive.total"}},
		{name: "trap 5: decision documents", text: "在门户网站公开行政复议决定书12份。",
			absent: []string{"proactive.website", "proactive.total", "review.total"}},
		{name: "trap 1: cumulative since inception", text: "《条例》施行以来累计主动公开政府信息23000条。",
			absent: []string{"proactive.total"}},
		{name: "trap 1: cumulative up to a date is flagged", text: "截至2023年12月31日,累计公开政府信息8000余条。",
			absent: []string{"proactive.total"}, ambiguous: []string{"proactive.total"}},
		{name: "trap 7: another year's figure", text: "2022年主动公开政府信息280条。",
			absent: []string{"proactive.total"}},
		{name: "trap 7: a comparison", text: "主动公开信息较上年增加45条。",
			absent: []string{"proactive.total"}},
		{name: "trap 9: a share", text: "其中政策文件占主动公开总数的12.5%。",
			absent: []string{"proactive.total"}},
		{name: "trap 4: followers in 万 with no digit", text: "政务微博已有 万粉丝。",
			absent: []string{"proactive.weibo"}},
		{name: "trap 14: a range is no count", text: "公开信息10—20条的栏目每周更新。",
			absent: []string{"proactive.total"}},
		{name: "a lost unit is ambiguous", text: "通过门户网站发布信息3120微博发布信息980条。",
			want: []want{{"proactive.weibo", 980, false}}, ambiguous: []string{"proactive.website"}},
		{name: "trap 3: Chinese numerals are no proactive total", text: "主动公开一条重要信息。",
			absent: []string{"proactive.total"}},
	})
}

func TestInterpretations(t *testing.T) {
	runMech(t, []mechCase{
		{name: "P12 policy interpretations", text: "全年发布政策解读稿件18篇。", want: []want{{"proactive.interpretations", 18, false}}},
		{name: "the noun before the verb", text: "政策解读材料发布11篇。", want: []want{{"proactive.interpretations", 11, false}}},
		{name: "in a breakdown of the website", text: "全年通过网站发布信息2100条,其中政策文件80件,政策解读33件。",
			want: []want{{"proactive.website", 2100, false}, {"proactive.interpretations", 33, false}}},
		{name: "interpretation information in a list", text: "主动公开政府信息410条,政策解读信息5条。",
			want: []want{{"proactive.total", 410, false}, {"proactive.interpretations", 5, false}}},
		{name: "trap: interpretations done N times", text: "开展多形式政策解读26次。", absent: []string{"proactive.interpretations"}},
		{name: "trap: files and interpretations together", text: "发布部门文件及政策解读320篇。", absent: []string{"proactive.interpretations"}},
	})
}

func TestScope(t *testing.T) {
	runMech(t, []mechCase{
		{name: "a government's own figure wins over the area's", agency: "某某市某某区人民政府",
			text: "全年全区共受理政府信息公开申请640件,结转下年度办理20件,区政府本级共受理150件,结转下年度办理4件。",
			want: []want{{"apps_new.total", 150, false}, {"apps_carried_forward.total", 4, false}}},
		{name: "an area figure alone is the report's", agency: "某某市人民政府",
			text: "全年全市共收到政府信息公开申请12000件。",
			want: []want{{"apps_new.total", 12000, false}}},
		{name: "a compiled report reads the aggregate", agency: "某某市某某区人民政府",
			text: "本报告由区政府办公室综合区政府各部门和各街道办事处的政府信息公开工作年度报告编制而成。全区共受理政府信息公开申请640件,区政府本级共受理150件。",
			want: []want{{"apps_new.total", 640, false}}},
		{name: "a department quoting every body of the area", agency: "某某区司法局",
			text:   "全区各部门、各街道共收到政府信息公开申请1300件。",
			absent: []string{"apps_new.total"}, ambiguous: []string{"apps_new.total"}},
		{name: "a government's own proactive figure after 其中", agency: "某某市某某县人民政府",
			text: "全县各部门、各乡镇共主动公开政府信息9400余条，其中县政府本级主动公开政府信息2215条。",
			want: []want{{"proactive.total", 2215, false}}},
		{name: "a government's own proactive figure, the area's in 万", agency: "某某市某某区人民政府",
			text: "全区各级行政机关共主动公开政府信息4.1万余条，其中区政府本级主动公开政府信息6038条；政府网站发布信息3900条。",
			want: []want{{"proactive.total", 6038, false}, {"proactive.website", 3900, false}}},
		{name: "a compiled report reads the area's proactive figure", agency: "某某市某某区人民政府",
			text: "本报告由区政府办公室综合区政府各部门和各街道办事处的政府信息公开工作年度报告编制而成。全区各单位共主动公开政府信息9400条，其中区政府本级主动公开政府信息2215条。",
			want: []want{{"proactive.total", 9400, false}}},
		{name: "trap: a part by kind under the area's figure is no total", agency: "某某市某某区人民政府",
			text: "全区共主动公开政府信息9400条，其中规范性文件35条。",
			want: []want{{"proactive.total", 9400, false}}},
		{name: "trap: a 本级 part of the government's own figure is no total", agency: "某某市某某区人民政府",
			text: "区政府共主动公开政府信息2215条，其中本级政府网站发布1800条。",
			want: []want{{"proactive.total", 2215, false}}},
		{name: "a government's own zero after the area's cases", agency: "某某市某某区人民政府", year: 2013,
			text: "全区共发生涉及政府信息公开的行政复议案件3起、行政诉讼案件2起。区政府本级未发生行政诉讼案件。",
			want: []want{{"litigation.total", 0, false}}},
		{name: "a compiled report keeps the area's cases over 本级's zero", agency: "某某市某某区人民政府", year: 2013,
			text: "本报告由区政府办公室综合区政府各部门和各街道办事处的政府信息公开工作年度报告编制而成。全区共发生涉及政府信息公开的行政诉讼案件2起。区政府本级未发生行政诉讼案件。",
			want: []want{{"litigation.total", 2, false}}},
		{name: "trap: the area's bodies' sum beside the government's own figures", agency: "某某市某某区人民政府",
			text: "区政府门户网站全年发布政府信息5200条。全区各部门、各街道合计通过政务新媒体发布信息1.8万余条。",
			want: []want{{"proactive.website", 5200, false}}, absent: []string{"proactive.new_media", "proactive.total"},
			ambiguous: []string{"proactive.new_media"}},
		{name: "trap: the area's towns counted out", agency: "某某市人民政府",
			text: "市政府门户网站全年发布信息3100条。全市14个镇（街道）共发布信息0.9万条。",
			want: []want{{"proactive.website", 3100, false}}, absent: []string{"proactive.total"}},
		{name: "trap: a province's counties counted out", agency: "某某省人民政府",
			text: "省政府门户网站全年发布信息18000条。全省9个设区市、88个县（市、区）政府共发布信息96万余条。",
			want: []want{{"proactive.website", 18000, false}}, absent: []string{"proactive.total"}},
		{name: "a report of the area's figures only keeps them", agency: "某某市某某区人民政府",
			text: "全区各行政机关共受理政府信息公开申请180件。",
			want: []want{{"apps_new.total", 180, false}}},
		{name: "a compiled report keeps the counted-out towns' sum", agency: "某某市人民政府",
			text: "本报告由市政府办公室综合市政府各部门和各镇（街道）的政府信息公开工作年度报告编制而成。市政府门户网站全年发布信息3100条。全市14个镇（街道）共主动公开政府信息9000条。",
			want: []want{{"proactive.total", 9000, false}}},
		{name: "a department's own system", agency: "某某县公安局",
			text: "全县公安机关主动发布各类信息420条,其中局机关发布信息80条。",
			want: []want{{"proactive.total", 420, false}}},
		{name: "a scope in a clause of its own is no subject", agency: "某某区司法局",
			text: "按照全区各部门统一部署,全年主动公开政府信息300条。",
			want: []want{{"proactive.total", 300, false}}},
		{name: "a scope inside an aside holds there only", agency: "某某市住房和城乡建设委员会",
			text: "新收到政府信息公开申请900件(在全市各委办局中居前列),办理905件(含上年度结转申请20件)。",
			want: []want{{"apps_new.total", 900, false}, {"outcome_total.total", 905, false}}},
	})
}

func TestApplications(t *testing.T) {
	runMech(t, []mechCase{
		{name: "every kind of applicant named is the total, a channel after 其中 a part", year: 2010,
			text: "本年度共收到公民、法人和其他组织的政府信息公开申请23件，其中书面申请17件，网上申请6件。",
			want: []want{{"apps_new.total", 23, false}, {"apps_channel.online", 6, false}}},
		{name: "trap: the organisations' share alone is no total", year: 2010,
			text: "共收到政府信息公开申请40件，其中法人和其他组织申请7件。",
			want: []want{{"apps_new.total", 40, false}}},
		{name: "trap: the persons' share is no total", year: 2010,
			text: "共收到政府信息公开申请40件，其中公民申请33件。",
			want: []want{{"apps_new.total", 40, false}, {"apps_new.person", 33, false}}},
		{name: "P14 received", text: "全年共收到政府信息公开申请26件。", want: []want{{"apps_new.total", 26, false}}},
		{name: "P15 accepted items", text: "共受理依申请公开事项9项。", want: []want{{"apps_new.total", 9, false}}},
		{name: "P15 the procedure alone", text: "本年度受理依申请公开3件。", want: []want{{"apps_new.total", 3, false}}},
		{name: "P17 letters, messages left out", text: "全年收到群众要求公开信息的函件8封,收到网友留言5条。",
			want: []want{{"apps_new.total", 8, false}}},
		{name: "count before the noun", text: "全年共收到17件政府信息公开申请。", want: []want{{"apps_new.total", 17, false}}},
		{name: "all natural persons, count before the noun", text: "全年共收到17件自然人提出的政府信息公开申请。",
			want: []want{{"apps_new.total", 17, false}, {"apps_new.person", 17, false}}},
		{name: "applicants all natural persons", text: "本年度共收到政府信息公开申请6件,申请人均为自然人。",
			want: []want{{"apps_new.total", 6, false}, {"apps_new.person", 6, false}}},
		{name: "natural persons' share", text: "全年共收到政府信息公开申请300件。公民个人提出申请280件,法人或其他组织提出申请20件。",
			want: []want{{"apps_new.total", 300, false}, {"apps_new.person", 280, false}}},
		{name: "P19 channels", text: "全年共收到政府信息公开申请30件(其中:网上申请21件,现场申请4件,邮寄5件)。",
			want: []want{{"apps_new.total", 30, false}, {"apps_channel.online", 21, false}, {"apps_channel.in_person", 4, false}, {"apps_channel.mail", 5, false}}},
		{name: "P19 channels after a semicolon", text: "共收到政府信息公开申请50件。其中,通过网站提交申请表的40件;通过信函提交申请的6件;当面提交4件。",
			want: []want{{"apps_channel.online", 40, false}, {"apps_channel.mail", 6, false}, {"apps_channel.in_person", 4, false}}},
		{name: "P22 answered after received", year: 2022, text: "全年受理政府信息公开申请41件,答复39件,结转下年度2件。",
			want: []want{{"apps_new.total", 41, false}, {"outcome_total.total", 39, false}, {"apps_carried_forward.total", 2, false}}},
		{name: "answered, with last year's inside", year: 2024,
			text: "共受理政府信息公开申请70件,答复政府信息公开申请73件(含上年度结转申请3件),均在法定期限内答复。",
			want: []want{{"apps_new.total", 70, false}, {"outcome_total.total", 73, false}, {"apps_carried_over.total", 3, false}}},
		{name: "handled, with carry-over and postponed", year: 2024,
			text: "新收到政府信息公开申请500件,办理510件(含上年度结转申请25件,另有15件申请顺延到下年度答复)。",
			want: []want{{"apps_new.total", 500, false}, {"outcome_total.total", 510, false}, {"apps_carried_over.total", 25, false}, {"apps_carried_forward.total", 15, false}}},
		{name: "closed and in progress", year: 2021, text: "本年度共收到依申请公开申请9件。答复完毕8件,办理中1件。",
			want: []want{{"outcome_total.total", 8, false}, {"apps_carried_forward.total", 1, false}}},
		{name: "concluded, in the applications section", year: 2022, text: "（二）依申请公开情况\n本年度办结9件,结转下年度继续办理1件。",
			want: []want{{"outcome_total.total", 9, false}, {"apps_carried_forward.total", 1, false}}},
		{name: "a comma at a line's start continues the sentence", year: 2022,
			text: "因政府信息公开被申请行政复议3件,其中结果维持1件,结果纠正2件\n,尚未审结0件。",
			want: []want{{"review.total", 3, false}, {"review.upheld", 1, false}, {"review.corrected", 2, false}, {"review.pending", 0, false}}},
		{name: "last year's carried over stated alone", text: "收到政府信息公开申请20件,上年度结转0件,本年度办结18件。",
			want: []want{{"apps_carried_over.total", 0, false}, {"outcome_total.total", 18, false}}},
		{name: "P23 a rate is not a count", text: "全年收到依申请公开信息3条,答复率100%。", want: []want{{"apps_new.total", 3, false}}},
		{name: "trap 8: units drift (条, 宗, 件次)", text: "全年收到政府信息公开申请4宗。", want: []want{{"apps_new.total", 4, false}}},
		{name: "P16 handled with last year's: only the carry-over", text: "依法办理政府信息公开申请58件(含2022年结转2件)。",
			want: []want{{"apps_carried_over.total", 2, false}}, absent: []string{"outcome_total.total"}, ambiguous: []string{"apps_new.total"}},
		{name: "P16 handled alone is ambiguous", text: "全年办理政府信息公开申请12件。", ambiguous: []string{"apps_new.total"}},
		{name: "legacy: closed in time and extended", year: 2016, text: "全年受理政府信息公开申请20件,办结19件,其中按时办结18件,延期办结1件。",
			want:   []want{{"apps_new.total", 20, false}, {"apps_closed.total", 19, false}, {"apps_closed.on_time", 18, false}, {"apps_closed.extended", 1, false}},
			absent: []string{"outcome_total.total"}},
		{name: "answered before 2019 is the legacy 申请答复数", year: 2016, text: "全年受理政府信息公开申请12件,答复12件。",
			want: []want{{"apps_new.total", 12, false}, {"outcome_total.total", 12, false}}},
		{name: "a review's carry-over is no application's", text: "全年收到政府信息公开申请40件。因政府信息公开被申请行政复议5件(含上一年度结转1件)。",
			want: []want{{"apps_new.total", 40, false}, {"review.total", 5, false}}, absent: []string{"apps_carried_over.total"}},
		{name: "trap 5: legal aid, letters, hotline, licences", text: "全年办理法律援助案件900件,群众来信120件,12345热线工单300件,受理行政许可申请2100件。",
			absent: []string{"apps_new.total"}},
		{name: "trap 6: items by attribute", text: "全年依申请公开信息25条。", absent: []string{"apps_new.total"}},
		{name: "trap 5: counts listed after another body's", year: 2016, text: "三、依申请公开情况\n共受理法律援助案件3200件,办结3100件,答复咨询800人次。",
			absent: []string{"apps_new.total", "apps_closed.total", "outcome_total.total"}},
		{name: "a 信访办's own name is no trap", agency: "某某区信访办", text: "区信访办全年接受依申请公开2条。",
			want: []want{{"apps_new.total", 2, false}}},
		{name: "a column count is no application channel", text: "网站设有在线服务等12个栏目。", absent: []string{"apps_channel.online"}},
		{name: "the noun in the clause before", text: "依申请公开办理情况:全年共受理12件,均按时答复。",
			want: []want{{"apps_new.total", 12, false}}},
		{name: "handled split into new and carried over", text: "共受理政府信息公开申请30件,其中新收申请28件,上年结转2件。",
			want: []want{{"apps_new.total", 28, false}, {"apps_carried_over.total", 2, false}}},
		{name: "channels in an aside, last year's after it", text: "全年收到政府信息公开申请25件(其中:网上申请20件,邮寄5件),上年度结转1件。",
			want: []want{{"apps_new.total", 25, false}, {"apps_carried_over.total", 1, false}, {"apps_channel.online", 20, false}}},
		{name: "new and carried over in an aside", text: "共受理政府信息公开申请30件(其中新收申请28件,上年结转2件)。",
			want: []want{{"apps_new.total", 28, false}, {"apps_carried_over.total", 2, false}}},
		{name: "natural persons' share after 其中", text: "全年收到政府信息公开申请40件,其中自然人申请36件,法人或者其他组织申请4件。",
			want: []want{{"apps_new.total", 40, false}, {"apps_new.person", 36, false}}},
		{name: "trap: a persons' count alone is no total", text: "自然人申请36件。", absent: []string{"apps_new.total", "apps_new.person"}},
	})
}

func TestOutcomes(t *testing.T) {
	runMech(t, []mechCase{
		{name: "legacy answers after the applications received", year: 2010,
			text: "全年共受理政府信息公开申请14件。截至年底，已答复14件，其中同意公开9件。",
			want: []want{{"apps_new.total", 14, false}, {"outcome_total.total", 14, false}, {"granted.total", 9, false}}},
		{name: "legacy answers in the clause after", year: 2011,
			text: "全年共受理政府信息公开申请63件，答复61件，另有2件在法定期限内正在办理。",
			want: []want{{"apps_new.total", 63, false}, {"outcome_total.total", 61, false}}},
		{name: "legacy answers in time, Chinese numerals", year: 2009,
			text: "全年共受理政府信息公开申请十五件，其中当面申请十件。按时答复十五件，其中同意公开十一件。",
			want: []want{{"apps_new.total", 15, false}, {"outcome_total.total", 15, false}, {"granted.total", 11, false}}},
		{name: "trap: legacy answers with no applications read", year: 2012,
			text:   "回复网友留言20条，回复政府信息公开申请6件。",
			absent: []string{"outcome_total.total"}},
		{name: "trap: the answered ones a list of outcomes opens", year: 2016,
			text:   "全年收到政府信息公开申请5件。在已经答复的5件申请中，同意公开的4件。",
			absent: []string{"outcome_total.total"}},
		{name: "P20 the 2021 rows", text: "三、收到和处理政府信息公开申请情况\n予以公开20件,部分公开3件,不予公开2件,无法提供7件,不予处理1件,其他处理4件,结转下年度继续办理2件。",
			want: []want{{"granted.total", 20, false}, {"partial.total", 3, false}, {"denied.total", 2, false}, {"unavailable.total", 7, false},
				{"unprocessed.total", 1, false}, {"other.total", 4, false}, {"apps_carried_forward.total", 2, false}}},
		{name: "rows in sentences of their own", text: "全年收到政府信息公开申请31件。办理结果:予以公开10件;部分予以公开2件;无法提供18件;结转下年度继续办理1件。",
			want: []want{{"granted.total", 10, false}, {"partial.total", 2, false}, {"unavailable.total", 18, false}, {"apps_carried_forward.total", 1, false}}},
		{name: "figures first", text: "对收到的9件申请,其中2件予以公开,1件部分公开,6件结转下年度继续办理。",
			want: []want{{"granted.total", 2, false}, {"partial.total", 1, false}, {"apps_carried_forward.total", 6, false}}},
		{name: "reasons in an aside", text: "收到政府信息公开申请10件,不予公开4件(均属于行政查询事项),无法提供3件(本机关不掌握相关政府信息2件,没有现成信息需要另行制作1件)。",
			want: []want{{"denied.total", 4, false}, {"denied_inquiry.total", 4, false}, {"unavailable.total", 3, false},
				{"unavailable_not_held.total", 2, false}, {"unavailable_need_create.total", 1, false}}},
		{name: "reasons listed after 其中", text: "收到政府信息公开申请10件,不予公开3件,其中2件涉及第三方合法权益,1件属于内部事务信息。",
			want: []want{{"denied.total", 3, false}, {"denied_third_party.total", 2, false}, {"denied_internal.total", 1, false}}},
		{name: "one reason's row", text: "收到政府信息公开申请10件,由于本机关不掌握相关政府信息而无法提供6件。",
			want: []want{{"unavailable_not_held.total", 6, false}}, absent: []string{"unavailable.total"}},
		{name: "reasons mixed (等)", text: "收到政府信息公开申请10件,因本机关不掌握等原因无法提供6件,属于重复申请等情形不予处理2件。",
			want:   []want{{"unavailable.total", 6, false}, {"unprocessed.total", 2, false}},
			absent: []string{"unavailable_not_held.total", "unprocessed_repeat.total"}},
		{name: "P21 legacy quoted categories", year: 2016, text: "收到申请5件,“同意公开”的3件,“不同意公开”的1件,“部分公开”1件。",
			want: []want{{"granted.total", 3, false}, {"denied.total", 1, false}, {"partial.total", 1, false}}},
		{name: "agreed and refused applications", year: 2021, text: "收到政府信息公开申请0条,已同意政府信息公开申请0条,已拒绝政府信息公开申请0条。",
			want: []want{{"apps_new.total", 0, false}, {"granted.total", 0, false}, {"denied.total", 0, false}}},
		{name: "trap: two rows counted together", text: "收到政府信息公开申请100件,予以公开及部分公开45件,占45%。",
			absent: []string{"granted.total", "partial.total"}},
		{name: "trap: a row counted twice in one list", text: "收到申请5件,包括部分公开1件、依法不予公开1件、属于本机关不掌握相关政府信息、依法不予公开1件。",
			want: []want{{"partial.total", 1, false}}, absent: []string{"denied.total"}, ambiguous: []string{"denied.total"}},
		{name: "trap 6: items refused, not answers", text: "不予公开信息14条,主要涉及人事安排。", absent: []string{"denied.total"}},
		{name: "trap: a reason that is no 2021 row", text: "收到申请3件,不属于政府信息1件。",
			absent: []string{"unavailable_not_held.total", "unavailable.total"}},
		{name: "legacy categories before 2019", year: 2016,
			text:   "在已答复的6件申请中,“同意公开”的2件,“信息不存在”的1件,“不属于本行政机关公开”的2件,属于已主动公开范围的1件。",
			want:   []want{{"granted.total", 2, false}, {"reply.not_exist", 1, false}, {"reply.not_this_agency", 2, false}, {"reply.already_public", 1, false}},
			absent: []string{"unavailable_not_held.total"}},
		{name: "legacy reasons of refusals", year: 2015,
			text: "收到申请8件,“不同意公开”的3件,其中涉及商业秘密2件,涉及个人隐私1件。",
			want: []want{{"denied.total", 3, false}, {"denied_commercial_secret.total", 2, false}, {"denied_privacy.total", 1, false}}},
		{name: "trap: the 2021 reasons have no legacy key", year: 2016,
			text: "收到申请4件,不予公开2件(涉及第三方合法权益)。",
			want: []want{{"denied.total", 2, false}}, absent: []string{"denied_third_party.total"}},
	})
}

func TestCases(t *testing.T) {
	runMech(t, []mechCase{
		{name: "P24 none of either", text: "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。",
			want: []want{{"review.total", 0, false}, {"litigation.total", 0, false}}},
		{name: "P24 none, 诉讼 short", text: "无涉及政府信息公开的行政复议、诉讼案件。",
			want: []want{{"review.total", 0, false}, {"litigation.total", 0, false}}},
		{name: "P24 none among other denials", text: "未收到过公开申请,未发生由政府信息公开引发的举报、投诉、行政复议和行政诉讼。",
			want: []want{{"apps_new.total", 0, false}, {"review.total", 0, false}, {"litigation.total", 0, false}}},
		{name: "counts of both", text: "因政府信息公开引起的行政复议0件、行政诉讼2件。",
			want: []want{{"review.total", 0, false}, {"litigation.total", 2, false}}},
		{name: "a denial and a count", text: "无因政府信息公开引起的行政复议,因政府信息公开被提起行政诉讼1起。",
			want: []want{{"review.total", 0, false}, {"litigation.total", 1, false}}},
		{name: "P25 results written out", text: "因政府信息公开被申请行政复议4件,其中,1件被复议机关撤销原答复,3件正在复议机关审理中,尚未审结。行政诉讼2件,目前正在法院审理中。",
			want: []want{{"review.total", 4, false}, {"review.corrected", 1, false}, {"review.pending", 3, false}, {"litigation.total", 2, false}, {"litigation.pending", 2, false}}},
		{name: "trap: the review table's header laid out as text is no denial", year: 2023,
			text:   "四、政府信息公开行政复议、行政诉讼情况\n行政复议   行政诉讼\n结 果 维 持   结 果 纠 正   其 他 结 果   尚 未 审 结   总 计   未经复议直接起诉   复议后起诉\n2   0   0   1   3   0   0   0   1   1   0   0   0   0   0\n",
			absent: []string{"litigation.total", "review.total"}},
		{name: "results with figures are read", year: 2023, text: "因政府信息公开被申请行政复议3件，结果维持2件，尚未审结1件。",
			want: []want{{"review.total", 3, false}, {"review.upheld", 2, false}, {"review.pending", 1, false}}},
		{name: "P25 the review named again in its result", year: 2011, text: "因政府信息公开申请行政复议1件，经县人民政府复议，维持我局原答复。",
			want: []want{{"review.total", 1, false}, {"review.upheld", 1, false}}},
		{name: "trap: a dismissal of the review request", year: 2021, text: "发生1起有关政府信息公开的行政复议案件,该案件依法驳回复议请求。",
			want: []want{{"review.total", 1, false}}, absent: []string{"review.upheld"}},
		{name: "trap: a result after a case of another kind", year: 2011, text: "因政府信息公开申请行政复议1件，行政诉讼审理中维持原判的案件另计。",
			want: []want{{"review.total", 1, false}}, absent: []string{"review.upheld"}},
		{name: "P25 all upheld", text: "因政府信息公开答复后被申请行政复议6件,全部维持。",
			want: []want{{"review.total", 6, false}, {"review.upheld", 6, false}}},
		{name: "P25 corrected zero after the count", text: "全区共发生涉及政府信息公开的行政诉讼案件3件,被纠错0件。",
			want: []want{{"litigation.total", 3, false}, {"litigation.corrected", 0, false}}},
		{name: "no correction among the concluded", text: "因政府信息公开被申请行政复议7件,被提起行政诉讼2件,已审结案件中,未发生被纠错、败诉情况。",
			want: []want{{"review.total", 7, false}, {"litigation.total", 2, false}, {"review.corrected", 0, false}, {"litigation.corrected", 0, false}}},
		{name: "no correction without counts is nothing", text: "依法办理政府信息公开申请,无超期以及被撤销、败诉案件。",
			absent: []string{"review.corrected", "litigation.corrected"}},
		{name: "P27 legacy result", year: 2015, text: "因政府信息公开申请提起行政诉讼为2件,维持具体行政行为或者驳回原告诉讼请求2件。",
			want: []want{{"litigation.total", 2, false}, {"litigation.upheld", 2, false}}},
		{name: "P27 zero as a count of review applications", text: "我镇收到有关政府信息公开行政复议申请0件。",
			want: []want{{"review.total", 0, false}}, absent: []string{"apps_new.total"}},
		{name: "suits by kind", text: "因政府信息公开未经复议直接起诉的行政诉讼2件,复议后起诉的行政诉讼1件。",
			want: []want{{"lit_direct.total", 2, false}, {"lit_after_review.total", 1, false}}},
		{name: "均 after two kinds is ambiguous", text: "信息公开类行政复议5件,诉讼3件,均获维持。",
			want: []want{{"review.total", 5, false}, {"litigation.total", 3, false}}, absent: []string{"litigation.upheld"}, ambiguous: []string{"litigation.upheld"}},
		{name: "legacy: 均 after the counts it runs into covers each", year: 2012,
			text: "因政府信息公开被申请行政复议3件、提起行政诉讼2件，均维持原答复。",
			want: []want{{"review.total", 3, false}, {"litigation.total", 2, false}, {"review.upheld", 3, false}, {"litigation.upheld", 2, false}}},
		{name: "trap: legacy 均 after a result said of one kind", year: 2012,
			text:   "被申请行政复议3件，其中维持1件，被提起行政诉讼2件，均维持原答复。",
			want:   []want{{"review.total", 3, false}, {"litigation.total", 2, false}, {"review.upheld", 1, false}},
			absent: []string{"litigation.upheld"}, ambiguous: []string{"litigation.upheld"}},
		{name: "trap: legacy 均 after a count of another body's", year: 2012,
			text:   "被申请行政复议3件，收到群众来信12件，被提起行政诉讼2件，均维持原答复。",
			absent: []string{"review.upheld"}},
		{name: "trap: the review body's caseload", text: "作为区政府行政复议机构,全年共收到行政复议申请230件,审结220件。",
			absent: []string{"review.total"}},
		{name: "trap: a review applied for is no application", text: "我乡没有因政府信息公开申请行政复议的情况。",
			want: []want{{"review.total", 0, false}}, absent: []string{"apps_new.total"}},
	})
}

func TestZeros(t *testing.T) {
	runMech(t, []mechCase{
		{name: "P18 none received", text: "本年度我局未收到政府信息公开申请。", want: []want{{"apps_new.total", 0, false}}},
		{name: "P18 not received with words between", text: "2023年度未收到公民、法人或其他组织提出的政府信息公开申请。", want: []want{{"apps_new.total", 0, false}}},
		{name: "no one applied", text: "三、依申请公开情况\n本年度没有行政相对人提出申请。", want: []want{{"apps_new.total", 0, false}}},
		{name: "none by procedure", text: "本年度我镇没有依申请公开的政府信息。", want: []want{{"apps_new.total", 0, false}}},
		{name: "zero as 零件", text: "全年受理依申请政府信息公开零件。", want: []want{{"apps_new.total", 0, false}}},
		{name: "为零", text: "本年度依申请办理事项为零。", want: []want{{"apps_new.total", 0, false}}},
		{name: "topic answered 无", year: 2016, text: "2、依申请公开政府信息情况:无\n3、政府信息公开申请行政复议、提起行政诉讼情况:无\n4、政府信息公开的收费及减免情况:无",
			want: []want{{"apps_new.total", 0, false}, {"review.total", 0, false}, {"litigation.total", 0, false}, {"fees.collected", 0, false}}},
		{name: "a topic with no key answered 无 is nothing", text: "1、回应社会关切情况:无", absent: []string{"apps_new.total"}},
		{name: "P28 no fee charged", year: 2016, text: "本单位对申请人未收取任何费用。", want: []want{{"fees.collected", 0, false}}},
		{name: "P30 no fees and no exemptions", year: 2012, text: "本年度政府信息公开没有收费和减免情况。", want: []want{{"fees.collected", 0, false}}},
		{name: "fees and exemptions zero", year: 2015, text: "三、政府信息公开收费情况\n依申请公开收费和减免为零。", want: []want{{"fees.collected", 0, false}}},
		{name: "2021 on: the information-processing fee", year: 2023, text: "本年度未收取信息处理费。", want: []want{{"fees.info_processing", 0, false}}},
		{name: "trap: no fee denies no application", text: "未向政府信息公开申请人收取费用。", year: 2019,
			want: []want{{"fees.collected", 0, false}}, absent: []string{"apps_new.total"}},
		{name: "trap: no review applied for", text: "本年度未有因政府信息公开申请行政复议和提起行政诉讼的情况。",
			want: []want{{"review.total", 0, false}, {"litigation.total", 0, false}}, absent: []string{"apps_new.total"}},
		{name: "trap: no complaints is no zero of applications", text: "全年未收到关于政府信息公开的投诉举报。", absent: []string{"apps_new.total"}},
		{name: "trap 7: another year's zero", year: 2017, text: "2016年度,我镇未收到政府信息公开申请,没有收取任何费用。",
			absent: []string{"apps_new.total", "fees.collected"}},
	})
}

func TestLegacyIndicators(t *testing.T) {
	runMech(t, []mechCase{
		{name: "reading points counted in Chinese numerals after the noun", year: 2012,
			text: "在县档案馆、县图书馆设立政府信息公开查阅点两处，全年接待查阅群众约900人次。",
			want: []want{{"staff.reading_points", 2, false}}},
		{name: "reading points, 三个 ending the sentence", year: 2012,
			text: "区档案馆、区图书馆及区政务大厅设立政府信息公开查阅点三个。",
			want: []want{{"staff.reading_points", 3, false}}},
		{name: "trap: 三个 inside a phrase is a word", year: 2012,
			text:   "在三个政府信息公开查阅点配备了查阅设备。",
			absent: []string{"staff.reading_points"}},
		{name: "trap: 一个 is a word", year: 2012,
			text:   "设立政府信息公开查阅点一个。",
			absent: []string{"staff.reading_points"}},
		{name: "trainees as 参训人员", year: 2012,
			text: "组织政府信息公开业务培训3次，参训人员240人次。",
			want: []want{{"trainings.total", 3, false}, {"trainees.total", 240, false}}},
		{name: "staff", year: 2015, text: "全区有政府信息公开专职人员5名,兼职人员180名。",
			want: []want{{"staff.fulltime", 5, false}, {"staff.parttime", 180, false}}},
		{name: "staff, noun after the count", year: 2012, text: "为做好政府信息公开工作,配备了2名兼职工作人员。",
			want: []want{{"staff.parttime", 2, false}}},
		{name: "full-time written 全职", year: 2016, text: "本局政府信息公开工作配备了1名全职工作人员。",
			want: []want{{"staff.fulltime", 1, false}}},
		{name: "reading places", year: 2015, text: "建立政府信息查阅场所共46个。", want: []want{{"staff.reading_points", 46, false}}},
		{name: "reading points, count first", year: 2016, text: "做好政府信息公开,开辟了 3个公共查阅点。", want: []want{{"staff.reading_points", 3, false}}},
		{name: "trap: one count for two kinds of place", year: 2016, text: "政府信息公开方面,设立了1个信息申请受理点和公共查阅点。",
			absent: []string{"staff.reading_points"}, ambiguous: []string{"staff.reading_points"}},
		{name: "trainings and trainees", year: 2015, text: "全年举办政府信息公开专题培训4场,培训干部260人次。",
			want: []want{{"trainings.total", 4, false}, {"trainees.total", 260, false}}},
		{name: "press conferences", text: "主动公开方面,全年举办新闻发布会12场。", want: []want{{"response.press_conferences", 12, false}}},
		{name: "press conferences in 次", year: 2016, text: "主动公开政府信息,参加或举办新闻发布会7次。", want: []want{{"response.press_conferences", 7, false}}},
		{name: "press conferences under the response heading", year: 2013, text: "（三）回应关切。区政府全年召开新闻发布会9次，围绕征地拆迁等热点问题发布权威信息。",
			want: []want{{"response.press_conferences", 9, false}}},
		{name: "trap: press conferences outside disclosure work", year: 2013, text: "（三）招商引资。区政府全年召开新闻发布会9次，推介重点项目。",
			absent: []string{"response.press_conferences"}},
		{name: "trap: press activities and attendance", text: "主动公开方面,全年共举办98场新闻发布活动,领导出席新闻发布会共计40人次。",
			absent: []string{"response.press_conferences"}},
		{name: "trap: a part of the press conferences", text: "主动公开方面,全年举办新闻发布会30场。其中,专题新闻发布会累计举行12场。",
			want: []want{{"response.press_conferences", 30, false}}},
		{name: "online interviews, count first", year: 2014, text: "推进政府信息公开,开展以民生为主题的4次在线访谈活动。",
			want: []want{{"response.online_interviews", 4, false}}},
		{name: "hot topics answered", year: 2016, text: "主动公开方面,全年回应社会关切28次。", want: []want{{"response.hot_topics", 28, false}}},
		{name: "meetings on disclosure work", year: 2016, text: "召开政府信息公开工作会议3次,举办培训2场。",
			want: []want{{"meetings.total", 3, false}, {"trainings.total", 2, false}}},
		{name: "trap: other meetings", year: 2016, text: "主动公开方面,全年召开党组工作会议12次。", absent: []string{"meetings.total"}},
		{name: "online interviews in 期", year: 2019, text: "主动公开政府信息300条,在线访谈9期。",
			want: []want{{"response.online_interviews", 9, false}}},
	})
}

func TestArticle20(t *testing.T) {
	runMech(t, []mechCase{
		{name: "issued, repealed, in force", year: 2023, text: "全区共制发12件,失效及废止7件,现行有效的行政规范性文件共40件。",
			want: []want{{"art20.normative.issued", 12, false}, {"art20.normative.repealed", 7, false}, {"art20.normative.in_force", 40, false}}},
		{name: "newly published and still valid", year: 2023, text: "本年度新发布的行政规范性文件3件,确定继续有效的行政规范性文件21件。",
			want: []want{{"art20.normative.issued", 3, false}, {"art20.normative.in_force", 21, false}}},
		{name: "rules", year: 2022, text: "全年制定政府规章2件。", want: []want{{"art20.rules.issued", 2, false}}},
		{name: "legacy: normative documents issued", year: 2016, text: "全年制发规范性文件14件。", want: []want{{"legacy.normative_issued", 14, false}}},
		{name: "decisions", year: 2022, text: "全年作出行政处罚决定36件。", want: []want{{"art20.penalty.decisions", 36, false}}},
		{name: "trap: the 2019 form has other columns", year: 2020, text: "全年制发规范性文件14件。",
			absent: []string{"art20.normative.issued", "legacy.normative_issued"}},
		{name: "trap: parts of a published count", year: 2023, text: "主动公开市政府规章10件(含新制定4件,修改3件,废止3件)。",
			absent: []string{"art20.rules.issued", "art20.rules.repealed"}},
		{name: "trap: cumulative", year: 2023, text: "累计公布规范性文件600件(现存有效120件,废止或失效18件)。",
			absent: []string{"art20.normative.repealed", "art20.normative.in_force"}},
		{name: "trap: another body's", year: 2023, agency: "某某区司法局", text: "审核区政府规范性文件8件,各部门制发行政规范性文件5件。",
			absent: []string{"art20.normative.issued"}},
	})
}

func TestFees(t *testing.T) {
	runMech(t, []mechCase{
		{name: "P29 in 元", year: 2016, text: "依申请公开收取的费用(检索费、复制费等)为120元。", want: []want{{"fees.collected", 0.012, false}}},
		{name: "information-processing fee", year: 2022, text: "本年度收取信息处理费共计300元。", want: []want{{"fees.info_processing", 0.03, false}}},
		{name: "information-processing fee after its count", year: 2024, text: "本年度对超出合理数量的申请收取信息处理费3件次，共计1350.00元。",
			want: []want{{"fees.info_processing", 0.135, false}}},
		{name: "trap: a total after another topic's count", year: 2024, text: "本年度收取信息处理费3件次，举办培训2次，共计5000元。",
			absent: []string{"fees.info_processing"}},
		{name: "trap: an amount with a noun of its own", year: 2024, text: "本年度收取信息处理费3件次，采购设备合计5000元。",
			absent: []string{"fees.info_processing"}},
		{name: "trap: the agency's own charges and budget", year: 2016, text: "本年行政事业性收费2.6万元,政府信息公开专项经费5万元。",
			absent: []string{"fees.collected"}},
		{name: "trap: a tariff is no fee charged", year: 2022, text: "按件计收信息处理费,11—30件的部分每件收取100元。",
			absent: []string{"fees.info_processing"}},
	})
}

// TestDamagedText covers the damage of PDF and web copies (real-variants
// 22, 23): figures on the line after their noun, stray page numbers, spaced
// digits, question marks for lost blanks, lost 年/月/日 glyphs.
func TestDamagedText(t *testing.T) {
	runMech(t, []mechCase{
		{name: "the figure on the line after a blank line", year: 2018,
			text: "二、主动公开政府信息情况\n通过门户网站及微博微信平台共计发布信息\n\n2160 条,其中行政规范性文件\n\n12 条,占公开总数的 0.55%;",
			want: []want{{"proactive.total", 2160, false}, {"legacy.normative_disclosed", 12, false}}},
		{name: "a stray page number inside 其中", year: 2018,
			text: "全年主动公开政府信息900条,其4中规范性文件11条。",
			want: []want{{"proactive.total", 900, false}, {"legacy.normative_disclosed", 11, false}}},
		{name: "spaced digits", text: "全年主动公开政府信息 3 140 条。", want: []want{{"proactive.total", 3140, false}}},
		{name: "spaced digits, two groups", text: "全年主动公开政府信息 1 204 367 条。", want: []want{{"proactive.total", 1204367, false}}},
		{name: "spaced digits on the line after a heading that goes on with a sentence", year: 2023,
			text: "（一）主动公开。全年主动公开政府信息\n4 716 条，其中政府网站公开 3 502 条，政务微信发布 1 214 条。",
			want: []want{{"proactive.total", 4716, false}, {"proactive.website", 3502, false}, {"proactive.wechat", 1214, false}}},
		{name: "spaced digits on the line after a blank line", year: 2015,
			text: "通过政务微博公开信息\n\n2 045 条,通过政务微信公开信息 318 条。",
			want: []want{{"proactive.weibo", 2045, false}, {"proactive.wechat", 318, false}}},
		{name: "trap: a group with no unit after it is not joined", year: 2021,
			text: "全年主动公开政府信息 58 条，编号 12 345 的文件已废止。", want: []want{{"proactive.total", 58, false}}},
		{name: "trap: a heading line stays a heading", year: 2021,
			text: "（一）主动公开\n2 308 条信息已归档。", absent: []string{"proactive.total"}},
		{name: "a page break inside a sentence", year: 2016,
			text: "全年通过政府门户网站公开政府信息 1 530 条,通过政务微\n\n- 4 -\n\n博公开信息 212 条。",
			want: []want{{"proactive.website", 1530, false}, {"proactive.weibo", 212, false}}},
		{name: "a page footer inside a sentence, the figure after it", year: 2016,
			text: "全年主动公开政府信息\n第 2 页 共 6 页\n815 条。",
			want: []want{{"proactive.total", 815, false}}},
		{name: "trap: a sentence ended before the page break stays ended", year: 2016,
			text: "全年主动公开政府信息815条。\n- 2 -\n3 名工作人员负责审核。",
			want: []want{{"proactive.total", 815, false}}},
		{name: "two names in ASCII quotes", year: 2015,
			text: "通过\"某县发布\"政务微博公开信息 1 102 条,通过\"某县发布\"政务微信公开信息 436 条.",
			want: []want{{"proactive.weibo", 1102, false}, {"proactive.wechat", 436, false}}},
		{name: "trap: the words between two quoted names are no name", year: 2015,
			text: "全年\"某县发布\"共发布信息 90 条,其中\"某县发布\"政务微博发布 60 条。",
			want: []want{{"proactive.weibo", 60, false}}},
		{name: "a thousands separator", text: "全年主动公开政府信息12,763条,政务微博发布信息1,204条。",
			want: []want{{"proactive.total", 12763, false}, {"proactive.weibo", 1204, false}}},
		{name: "a clause comma after a small number is no separator", text: "全年收到政府信息公开申请12,其中网上申请10件。",
			want: []want{{"apps_channel.online", 10, false}}, absent: []string{"apps_new.total"}},
		{name: "question marks for lost blanks", text: "全年通过政府网站主动发布信息共?2210条?,通过微信公众号发布信息?530篇?。",
			want: []want{{"proactive.website", 2210, false}, {"proactive.wechat", 530, false}}},
		{name: "a real question mark still ends a sentence", text: "如何做好公开? 全年主动公开政府信息60条。", want: []want{{"proactive.total", 60, false}}},
		{name: "lost date glyphs make no count", text: "统计期限自202311日起至20231231日止,全年主动公开政府信息75条。",
			want: []want{{"proactive.total", 75, false}}},
		{name: "article ranges are no counts", text: "按照条例第 9 至 12 条规定的范围主动公开。", absent: []string{"proactive.total"}},
	})
}

func TestPageFurniture(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"- 2 -", true}, {"— 12 —", true}, {"－3－", true}, {"第 3 页", true}, {"第3页 共10页", true}, {"第3页/共10页", true},
		{"3", false}, {"12 0 3", false}, {"- 2", false}, {"第3条", false}, {"第3页规定", false}, {"-", false},
	} {
		if got := pageFurniture(tt.line); got != tt.want {
			t.Errorf("pageFurniture(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestSpacedGroups: a figure spaced out in thousands groups is one figure
// only when the groups are three digits each and the figure ends at its
// unit; numbers side by side are not joined.
func TestSpacedGroups(t *testing.T) {
	for _, tt := range []struct {
		s    string
		j    int // after the first group
		want string
	}{
		{"2 308 条", 1, " 308"},
		{"1 204 367 条", 1, " 204 367"},
		{"12 345 余件", 2, " 345"},
		{"3 100 20 条", 1, ""}, // 20 is a number of its own
		{"12 345 的文件", 2, ""}, // no unit: a code, not a count
		{"5 1234 条", 1, ""},   // a group of four digits is no thousands group
		{"7 件 100 条", 1, ""},  // the unit came first
		{"2 03 条", 1, ""},     // two digits
	} {
		if got := tt.s[tt.j:spacedGroups(tt.s, tt.j)]; got != tt.want {
			t.Errorf("spacedGroups(%q) joined %q, want %q", tt.s, got, tt.want)
		}
	}
}

// TestRuleTable checks every rule code the readers use is listed once with
// a Chinese description.
func TestRuleTable(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.Code] {
			t.Errorf("rule %s listed twice", r.Code)
		}
		seen[r.Code] = true
		if r.Desc == "" || !hasHan(r.Desc) {
			t.Errorf("rule %s: description %q is not Chinese", r.Code, r.Desc)
		}
	}
	for _, key := range []string{"proactive.total", "proactive.website", "proactive.new_media", "proactive.gazette", "legacy.normative_disclosed",
		"staff.reading_points", "trainings.total", "response.press_conferences", "response.online_interviews", "staff.parttime"} {
		if !seen[ruleFor(key)] {
			t.Errorf("ruleFor(%s) = %s, not in Rules", key, ruleFor(key))
		}
	}
}

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF })
}
