package prose

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xxgk/xxgk/etl/detect"
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/synth"
)

// figures runs Extract on one text and returns its figures by key.
func figures(t *testing.T, text string, year int) map[string]report.Metric {
	t.Helper()
	out := map[string]report.Metric{}
	ms, _ := Extract(normalize.New(text), report.Identity{Year: year, Period: report.PeriodYear})
	for _, m := range ms {
		out[m.Key] = m
	}
	return out
}

type want struct {
	key    string
	value  float64
	approx bool
}

func TestRules(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		year   int // the report year; 2023 when 0
		want   []want
		absent []string // keys that must not be read
	}{
		// Article 20 decisions stated in sentences.
		{"A20 penalty decisions", "2024年,我局主动公开政府信息38条,作出行政处罚决定8件。", 2024,
			[]want{{"proactive.total", 38, false}, {"art20.penalty.decisions", 8, false}}, nil},
		{"A20 licensing decisions", "全年办理行政许可决定共计126件。", 0, []want{{"art20.licensing.decisions", 126, false}}, nil},
		{"A20 decision documents are publications", "公开行政处罚决定书12份。", 0, nil, []string{"art20.penalty.decisions"}},
		{"A20 review decisions are not Article 20", "作出行政复议决定20件。", 0, nil, []string{"art20.penalty.decisions", "art20.licensing.decisions"}},
		// Proactive disclosure.
		{"P1 total", "全年主动公开政府信息671条。", 0, []want{{"proactive.total", 671, false}}, nil},
		{"P2 total of all kinds", "2021年宣州区司法局主动公开信息229条。", 2021, []want{{"proactive.total", 229, false}}, nil},
		{"P3 website channel", "全年在厅门户网站主动公开2286条政务信息。", 0, []want{{"proactive.website", 2286, false}}, nil},
		{"P5 weibo and wechat", "通过政务微博发布各类信息330条,政务微信发布各类信息247条。", 0,
			[]want{{"proactive.weibo", 330, false}, {"proactive.wechat", 247, false}}, nil},
		{"P6 issues are not items", "政务微信推送政府信息164期492条。", 0, []want{{"proactive.wechat", 492, false}}, nil},
		{"P7 new media together", "通过“青岛法律援助”微信微博、“青岛普法”微信公众号等发布信息1530条。", 0,
			[]want{{"proactive.new_media", 1530, false}}, []string{"proactive.wechat", "proactive.weibo"}},
		{"P8 breakdown does not replace the total", "全年共主动公开政府信息860条,其中,机构概况8条、政策文件3条、工作动态550条。", 0,
			[]want{{"proactive.total", 860, false}}, nil},
		{"P9 cumulative within the year, approximate", "全年累计主动公开政府信息100余条。", 0, []want{{"proactive.total", 100, true}}, nil},
		{"P10 new this year after a running total", "本区到年底累计主动公开政府信息5928条;其中,本年度新增主动公开政府信息2110条。", 0,
			[]want{{"proactive.total", 2110, false}}, nil},
		{"P12 interpretations, not the 次", "局本级发布政策解读文件3篇,开展多角度解读19次。", 0, []want{{"proactive.interpretations", 3, false}}, nil},
		{"several channels make a total", "全年依托区政府网站、政务新媒体公开信息67条。", 0, []want{{"proactive.total", 67, false}}, []string{"proactive.website"}},
		// D20: a website's own count is the website's, even when no other
		// channel is named (the labels keep it under proactive.website only).
		{"website only is the website's", "我局通过区政府网站向社会主动公开信息共91条。", 0, []want{{"proactive.website", 91, false}}, []string{"proactive.total"}},
		{"万 units", "全年主动公开政府信息1.2万条。", 0, []want{{"proactive.total", 12000, false}}, nil},
		// Applications.
		{"P14 received", "全年共收到依申请公开申请15件,其中网络申请1件,信函申请14件。", 0,
			[]want{{"apps_new.total", 15, false}, {"apps_channel.online", 1, false}, {"apps_channel.mail", 14, false}}, nil},
		{"P15 accepted items", "共受理依申请公开事项15项。", 0, []want{{"apps_new.total", 15, false}}, nil},
		{"P15 zero written 零件", "共受理依申请政府信息公开零件。", 0, []want{{"apps_new.total", 0, false}}, nil},
		// P16: 办理 may count last year's applications too; without a count
		// of those received it is no figure of received ones, and the new
		// ones are never derived by subtraction (labels keep what is printed).
		{"P16 handled is not received", "2015年共办理5件政府信息公开申请。", 2015, nil, []string{"apps_new.total"}},
		{"P16 carried over inside", "依法办理政府信息公开案件43件(含2022年结转1件)。", 0,
			[]want{{"apps_carried_over.total", 1, false}}, []string{"apps_new.total", "outcome_total.total"}},
		{"P17 letters", "共收到群众申请公开信息函件13封,收到人民网网友留言3条。", 0, []want{{"apps_new.total", 13, false}}, nil},
		{"P18 none", "2020年上半年司法局未收到要求公开信息的申请。", 2020, []want{{"apps_new.total", 0, false}}, nil},
		{"P18 zero in 件次", "全年收到政府信息依申请公开事件0件次。", 0, []want{{"apps_new.total", 0, false}}, nil},
		{"Chinese numeral", "全年收到政府信息公开申请一件。", 0, []want{{"apps_new.total", 1, false}}, nil},
		// Outcomes.
		{"P20 outcome list", "三、收到和处理政府信息公开申请情况\n予以公开答复966件,部分公开67件,不予公开81件,无法提供的182件,不予处理的61件,其他处理96件。", 0,
			[]want{{"granted.total", 966, false}, {"partial.total", 67, false}, {"denied.total", 81, false},
				{"unavailable.total", 182, false}, {"unprocessed.total", 61, false}, {"other.total", 96, false}}, nil},
		{"P20 figure first and carried forward", "对14件申请事项进行了依法办理,其中1件予以公开,3件部分公开,6件不属于我局掌握信息,7件结转下年度继续办理。", 0,
			[]want{{"granted.total", 1, false}, {"partial.total", 3, false}, {"unavailable_not_held.total", 6, false}, {"apps_carried_forward.total", 7, false}}, nil},
		{"P20 sub-reasons", "12件申请中,不予公开7件(均属于行政查询事项),无法提供2件(本机关不掌握相关政府信息1件,没有现成信息需要另行制作1件)。", 0,
			[]want{{"denied.total", 7, false}, {"denied_inquiry.total", 7, false}, {"unavailable.total", 2, false},
				{"unavailable_not_held.total", 1, false}, {"unavailable_need_create.total", 1, false}}, nil},
		{"P21 legacy quoted categories", "在已经答复的1件申请中,“同意公开”的1件。", 0, []want{{"granted.total", 1, false}}, nil},
		{"不同意公开 is denied", "申请答复中,不同意公开的2件。", 0, []want{{"denied.total", 2, false}}, []string{"granted.total"}},
		{"carried over from last year", "三、收到和处理政府信息公开申请情况\n本年新收申请12件,上年结转2件。", 0,
			[]want{{"apps_carried_over.total", 2, false}}, nil},
		// Review and litigation.
		{"suits by kind", "因政府信息公开未经复议直接起诉的行政诉讼1件,复议后起诉的行政诉讼2件。", 0,
			[]want{{"lit_direct.total", 1, false}, {"lit_after_review.total", 2, false}}, []string{"litigation.total"}},
		{"P24 none of either", "未发生针对本部门有关政府信息公开的行政复议案和行政诉讼案。", 0,
			[]want{{"review.total", 0, false}, {"litigation.total", 0, false}}, nil},
		{"P24 none, other wording", "我局没有因政府信息公开引起的行政复议、行政诉讼以及行政申诉。", 0,
			[]want{{"review.total", 0, false}, {"litigation.total", 0, false}}, nil},
		{"P25 counts and results", "涉及政府信息公开提起行政诉讼的情况1起,正在审理中。涉及政府信息公开的行政复议1起,作维持情形处理。", 0,
			[]want{{"litigation.total", 1, false}, {"litigation.pending", 1, false}, {"review.total", 1, false}, {"review.upheld", 1, false}}, nil},
		{"P25 corrected after the count", "全区共发生涉及政府信息公开的行政诉讼案件2件,被纠错0件。", 0,
			[]want{{"litigation.total", 2, false}, {"litigation.corrected", 0, false}}, nil},
		{"P25 Chinese numerals", "因政府信息公开被提起行政诉讼两起。", 0, []want{{"litigation.total", 2, false}}, nil},
		{"figure before the kind", "其中,发生1起有关政府信息公开事务的行政复议案件。", 0, []want{{"review.total", 1, false}}, nil},
		{"P27 legacy wording", "因政府信息公开申请提起行政诉讼为1件,维持具体行政行为或者驳回原告诉讼请求1件。", 0,
			[]want{{"litigation.total", 1, false}, {"litigation.upheld", 1, false}}, nil},
		{"P27 zero written as a count", "我乡收到有关政府信息公开行政复议申请0件。", 0, []want{{"review.total", 0, false}}, nil},
		{"P25 results in the next sentence", "因政府信息公开答复后被行政复议9件,全部维持;诉讼1件,未审结。", 0,
			[]want{{"review.total", 9, false}, {"review.upheld", 9, false}, {"litigation.total", 1, false}, {"litigation.pending", 1, false}}, nil},
		{"P13 legacy table echo", "政府网站公开信息3698条,微博微信公开信息2148条,政府公报公开信息0条,发布政策解读稿5篇。", 0,
			[]want{{"proactive.website", 3698, false}, {"proactive.new_media", 2148, false}, {"proactive.gazette", 0, false}, {"proactive.interpretations", 5, false}}, nil},
		{"P19 channels in 宗", "其中当面申请1宗,占10%;网上申请9宗。", 0,
			[]want{{"apps_channel.in_person", 1, false}, {"apps_channel.online", 9, false}}, nil},
		{"P22 received and closed", "受理依申请公开政府信息0件,办结0件。", 0, []want{{"apps_new.total", 0, false}}, nil},
		{"P23 a rate is not a count", "全年收到依申请公开信息3条,答复率100%。", 0, []want{{"apps_new.total", 3, false}}, nil},
		{"P29 information-processing fee", "本年度收取信息处理费共计200元。", 2022, []want{{"fees.info_processing", 0.02, false}}, nil},
		{"channels listed without a verb", "全年主动公开政府信息671条,其中网站公开65条,微信公众号497条。", 0,
			[]want{{"proactive.total", 671, false}, {"proactive.website", 65, false}, {"proactive.wechat", 497, false}}, nil},
		{"respondent wording needs no anchor", "答复后被行政复议9件,全部维持;诉讼1件,未审结。", 0,
			[]want{{"review.total", 9, false}, {"review.upheld", 9, false}, {"litigation.total", 1, false}, {"litigation.pending", 1, false}}, nil},
		{"heading about cases anchors them", "四、行政复议和行政诉讼\n行政诉讼为1件。", 0, []want{{"litigation.total", 1, false}}, nil},
		{"trap: a review body's caseload", "本机关作为复议机关,全年办理行政复议案件120件。", 0, nil, []string{"review.total"}},
		{"one reason for a row", "三、收到和处理政府信息公开申请情况\n不予公开1件(属于内部事务信息)。", 0,
			[]want{{"denied.total", 1, false}, {"denied_internal.total", 1, false}}, nil},
		// Fees.
		{"P28 none charged, before 2019", "四、政府信息公开的收费及减免情况\n没有收取任何费用。", 2015, []want{{"fees.collected", 0, false}}, nil},
		{"P29 amount in 元", "依申请公开收取的费用(检索费、邮寄费、复制费等)为300元。", 2015, []want{{"fees.collected", 0.03, false}}, nil},
		// Traps.
		{"trap: the agency's own charges", "本年行政事业性收费金额2.5万元,政府信息公开专项经费3万元。", 0, nil, []string{"fees.collected", "fees.info_processing"}},
		{"trap: cumulative since inception", "截至目前累计主动公开政府信息5928条。", 0, nil, []string{"proactive.total"}},
		{"trap: cumulative to the report year's end", "截至2023年底累计公开政府信息5万余条。", 0, nil, []string{"proactive.total"}},
		{"cumulative from the year's first day", "我镇自2023年1月1日到12月31日累计主动公开政府信息915条。", 0, []want{{"proactive.total", 915, false}}, nil},
		{"trap: other year", "2022年公开信息300条。", 0, nil, []string{"proactive.total"}},
		{"trap: comparison", "公开信息较上年增加110条。", 0, nil, []string{"proactive.total"}},
		{"trap: legal aid cases", "全年办理法律援助案件7510件。", 0, nil, []string{"apps_new.total"}},
		{"trap: letters from the public", "2015年全年共办理群众来信897件。", 0, nil, []string{"apps_new.total"}},
		{"trap: hotline messages", "通过12345政务服务热线受理群众关切的热点问题、投诉建议、咨询等共1500余条。", 0, nil, []string{"apps_new.total", "proactive.total"}},
		{"trap: web messages", "本年度共处理群众留言92条。", 0, nil, []string{"apps_new.total", "proactive.total"}},
		{"trap: percentages", "其中同意公开或部分公开共81件,公开率为30.80%。", 0, nil, []string{"proactive.total"}},
		{"trap: phone numbers", "请与政府信息公开办公室联系,电话:0510-88700942。", 0, nil, []string{"apps_new.total", "proactive.total"}},
		{"trap: dates", "统计期限自2017年1月1日起至2017年12月31日止。", 0, nil, []string{"proactive.total"}},
		{"trap: document numbers", "依据国办发〔2017〕24号文件主动公开。", 0, nil, []string{"proactive.total"}},
		{"trap: visit counts", "我局门户网站总访问量12763次。", 0, nil, []string{"proactive.website", "proactive.total"}},
		{"trap: items by attribute", "共制作政府信息3021条,其中主动公开信息1027条,依申请公开信息459条,不予公开信息1535条。", 0,
			nil, []string{"apps_new.total", "denied.total"}},
		{"trap: review decisions published", "主动公开行政复议决定书20份。", 0, nil, []string{"review.total"}},
		{"trap: parts of the report", "本报告由总体情况等六个部分组成。", 0, nil, []string{"review.total", "litigation.total"}},
		// Table cells are the table extractor's: a row label of the forms is
		// no sentence, even when it reads like a denial of fees.
		{"trap: row label above its cells", "三、收到和处理政府信息公开申请情况\n\n（七）其他处理\n\n2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n\n0\n\n0\n\n0\n", 2022,
			nil, []string{"fees.info_processing", "apps_new.total", "other.total"}},
		{"trap: row label with its cells on one line", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n", 2022,
			nil, []string{"fees.info_processing"}},
		{"trap: header cells", "申请人情况\n\n自然人\n\n不予收费\n\n0\n\n3\n", 2022, nil, []string{"fees.info_processing"}},
		{"a sentence above a page number is read", "本年度未收取信息处理费\n\n3\n", 2022, []want{{"fees.info_processing", 0, false}}, nil},
		// Decision documents published are documents, not a channel's count.
		{"trap: review decisions on the website", "在门户网站公开行政复议决定书20份。", 0, nil, []string{"proactive.website", "proactive.total"}},
		{"trap: penalty decisions published", "全年公开行政处罚决定书15份。", 0, nil, []string{"proactive.website", "proactive.total"}},
		{"trap: decision documents after the figure", "通过门户网站公开12份行政处罚决定书。", 0, nil, []string{"proactive.website", "proactive.total"}},
		// A line broken inside a sentence (PDF and web copies).
		{"line break inside a sentence", "一、总体情况\n本年度新增主动公开政\n府信息220条。\n", 0, []want{{"proactive.total", 220, false}}, nil},
		{"line break inside a figure's words", "全年共收到政府信息公开申\n请15件,其中网络申请1件。", 0,
			[]want{{"apps_new.total", 15, false}, {"apps_channel.online", 1, false}}, nil},
		{"line break inside a figure", "全年主动公开政府信息1\n23条,政府网站公开信息5\n7条。", 0,
			[]want{{"proactive.total", 123, false}, {"proactive.website", 57, false}}, nil},
		{"a heading is not joined to its paragraph", "三、政府信息公开申请\n全年主动公开政府信息30条。", 0, []want{{"proactive.total", 30, false}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			year := tt.year
			if year == 0 {
				year = 2023
			}
			got := figures(t, tt.text, year)
			for _, w := range tt.want {
				m, ok := got[w.key]
				if !ok {
					t.Errorf("%s: no figure, want %v (got %v)", w.key, w.value, keys(got))
					continue
				}
				if diff := m.Value - w.value; diff > 1e-9 || diff < -1e-9 || m.Approx != w.approx {
					t.Errorf("%s = %v approx=%v, want %v approx=%v", w.key, m.Value, m.Approx, w.value, w.approx)
				}
				if m.Prov.Source != "prose" || m.Prov.Rule == "" || m.Prov.Text == "" {
					t.Errorf("%s: provenance %+v lacks source, rule or text", w.key, m.Prov)
				}
			}
			for _, k := range tt.absent {
				if m, ok := got[k]; ok {
					t.Errorf("%s = %v read by %s, want none", k, m.Value, m.Prov.Rule)
				}
			}
		})
	}
}

func keys(m map[string]report.Metric) []string {
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s=%g", k, v.Value))
	}
	return out
}

// TestFeesAfter2021 checks the fee key follows the fee regime of the report year.
func TestFeesAfter2021(t *testing.T) {
	got := figures(t, "本年度未收取信息处理费。", 2022)
	if m, ok := got["fees.info_processing"]; !ok || m.Value != 0 {
		t.Errorf("fees.info_processing = %v, %v, want 0", m.Value, ok)
	}
	if _, ok := got["fees.collected"]; ok {
		t.Errorf("fees.collected read for a 2022 report")
	}
}

// TestJoinedLinesQuoteTheOriginal checks that a sentence joined across a
// line break is quoted from the original text, newline and all.
func TestJoinedLinesQuoteTheOriginal(t *testing.T) {
	orig := "一、总体情况\r\n　　本年度新增主动公开政\r\n府信息２２０条。\r\n"
	text := normalize.New(orig)
	ms, _ := Extract(text, report.Identity{Year: 2023})
	if len(ms) == 0 {
		t.Fatalf("no figure read from %q", orig)
	}
	for _, m := range ms {
		p := m.Prov
		if got := text.Orig[p.Start:p.End]; got != p.Text || !strings.Contains(got, "\n") || !strings.Contains(got, "２２０") {
			t.Errorf("%s: Orig[%d:%d] = %q, quote %q", m.Key, p.Start, p.End, got, p.Text)
		}
	}
}

// TestProvenanceRoundTrip checks, for every prose figure of every sample
// report, that the stored offsets cut exactly the quoted sentence out of the
// original text, and that the quote is a whole sentence holding a digit or
// numeral.
func TestProvenanceRoundTrip(t *testing.T) {
	files, err := filepath.Glob("../../../examples/reports/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample reports: %v", err)
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := normalize.New(string(b))
		id, err := detect.Identify(text)
		if err != nil {
			continue
		}
		ms, _ := Extract(text, id)
		for _, m := range ms {
			n++
			p := m.Prov
			if p.Start < 0 || p.End > len(text.Orig) || p.Start >= p.End {
				t.Errorf("%s %s: offsets %d:%d outside the text", filepath.Base(f), m.Key, p.Start, p.End)
				continue
			}
			if got := text.Orig[p.Start:p.End]; got != p.Text {
				t.Errorf("%s %s: Orig[%d:%d] = %q, want %q", filepath.Base(f), m.Key, p.Start, p.End, got, p.Text)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d prose figures on the samples; the rules stopped reading", n)
	}
}

func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../../../examples/reports/*.txt")
	var texts []*normalize.Text
	var size int64
	for _, f := range files {
		bs, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, normalize.New(string(bs)))
		size += int64(len(bs))
	}
	b.SetBytes(size / int64(len(texts)))
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; b.Loop(); i++ {
		Extract(texts[i%len(texts)], report.Identity{Year: 2020})
	}
	reportCPU(b, cpu)
}

// synthTexts generates text reports of every era and layout, normalised,
// for benchmarks closer to a large run than the samples alone.
func synthTexts(b *testing.B, agencies int) ([]*normalize.Text, int64) {
	b.Helper()
	as, err := synth.Agencies(synth.Places(), agencies, 1)
	if err != nil {
		b.Fatal(err)
	}
	var out []*normalize.Text
	var size int64
	for _, a := range as {
		for _, d := range synth.Series(a, []int{2012, 2016, 2019, 2021, 2023}, synth.Options{Seed: 1}) {
			out = append(out, normalize.New(string(d.Body)))
			size += int64(len(d.Body))
		}
	}
	return out, size
}

// BenchmarkExtractSynth measures prose extraction per generated report.
func BenchmarkExtractSynth(b *testing.B) {
	texts, size := synthTexts(b, 40)
	ids := make([]report.Identity, len(texts))
	for i, t := range texts {
		ids[i], _ = detect.Identify(t)
	}
	b.SetBytes(size / int64(len(texts)))
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; b.Loop(); i++ {
		Extract(texts[i%len(texts)], ids[i%len(texts)])
	}
	reportCPU(b, cpu)
}

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

// TestOddLines checks that lines of blanks only, ideographic spaces included,
// and other odd shapes pass through without a panic.
func TestOddLines(t *testing.T) {
	for _, text := range []string{"\u3000\u3000\n5条", "全年公开\n\u3000\n7条", "\n\n\n", "|", "1\n2\n3", "公开信息5\n"} {
		Extract(normalize.New(text), report.Identity{Year: 2023})
	}
}
