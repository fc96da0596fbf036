package grade

import (
	"slices"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

var (
	jia = report.Identity{Agency: "甲市司法局", Province: "某省", City: "甲市", Level: "city", Year: 2021}
	yi  = report.Identity{Agency: "乙市司法局", Province: "某省", City: "乙市", Level: "city", Year: 2021}
)

// hashes lists the sentence hashes of text read as id's report.
func hashes(text string, id report.Identity) []uint64 {
	f := Of(normalize.New(text), id)
	out := make([]uint64, len(f.Sentences))
	for i, s := range f.Sentences {
		out[i] = s.Hash
	}
	return out
}

// sentences lists the sentences of text as the original prints them.
func sentences(text string, id report.Identity) []string {
	t := normalize.New(text)
	var out []string
	for _, s := range Of(t, id).Sentences {
		out = append(out, t.Orig[s.Start:s.End])
	}
	return out
}

// TestSameText: what is masked (numbers, dates, the agency's own names,
// punctuation, item numbers, a PDF's line breaks) does not change a
// sentence's hash.
func TestSameText(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		a, b string
		ida  report.Identity
		idb  report.Identity
	}{
		{"new figures",
			"2021年，甲市司法局共主动公开政府信息123条，其中门户网站公开98条，较上年增长12.5%。",
			"2022年，甲市司法局共主动公开政府信息1,456条，其中门户网站公开1020条，较上年增长3%。", jia, jia},
		{"another agency's name",
			"甲市司法局坚持以公开为常态、不公开为例外，认真落实甲市政务公开工作要点的各项部署。",
			"乙市司法局坚持以公开为常态、不公开为例外，认真落实乙市政务公开工作要点的各项部署。", jia, yi},
		{"punctuation and spaces",
			"严格执行保密审查制度，坚持“先审查、后公开”和“一事一审”原则。",
			"严格执行保密审查制度, 坚持 先审查 后公开 和 一事一审 原则.", jia, jia},
		{"item numbers",
			"（一）健全依申请公开办理流程，规范受理、审核、答复、归档等各个环节。",
			"2.健全依申请公开办理流程，规范受理、审核、答复、归档等各个环节。", jia, jia},
		{"a PDF's line breaks",
			"进一步加强政府信息公开平台建设，充分发挥政府网站第一平台的作用，及时更新内容，完善页面质量。",
			"进一步加强政府信息公开平台建设，充分发挥政府\n网站第一平台的作用，及时更新内容，完善页面\n质量。", jia, jia},
		{"traditional characters",
			"進一步加強政府信息公開平臺建設，充分發揮政府網站的作用。",
			"进一步加强政府信息公开平台建设，充分发挥政府网站的作用。", jia, jia},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			a, b := hashes(c.a, c.ida), hashes(c.b, c.idb)
			if len(a) != 1 || !slices.Equal(a, b) {
				t.Errorf("hashes(%q) = %x, hashes(%q) = %x, want one and the same", c.a, a, c.b, b)
			}
		})
	}
}

// TestDifferentText: a changed word, clause or order is another sentence;
// so is a name of the agency's that is not the agency's (a neighbour's).
func TestDifferentText(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, a, b string }{
		{"a word", "严格执行保密审查制度，坚持先审查后公开和一事一审原则。", "严格执行保密审查制度，坚持先审查后公开和一事一议原则。"},
		{"a clause", "加强政务公开队伍建设，定期开展业务培训，提升工作人员业务水平。", "加强政务公开队伍建设，提升工作人员业务水平。"},
		{"another place", "认真落实丙市政务公开工作要点的各项部署和要求。", "认真落实丁市政务公开工作要点的各项部署和要求。"},
		{"a Chinese numeral", "全年共召开专题会议三次，研究部署政府信息公开工作。", "全年共召开专题会议五次，研究部署政府信息公开工作。"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			a, b := hashes(c.a, jia), hashes(c.b, jia)
			if len(a) != 1 || len(b) != 1 || a[0] == b[0] {
				t.Errorf("hashes(%q) = %x, hashes(%q) = %x, want one each, different", c.a, a, c.b, b)
			}
		})
	}
}

// TestNotSentences: the form's fixed text, table rows, the page's frame
// and short lines are not content sentences.
func TestNotSentences(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, text string }{
		{"the form's headings", "一、总体情况\n\n二、主动公开政府信息情况\n\n五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n"},
		{"a long row label with its cells", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0\n"},
		{"a row label over two cells lines", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n\n0\n\n0\n"},
		{"the corner text", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"},
		{"the legacy table's rows", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）  条  356\n1.专职人员数（不包括政府公报及政府网站工作人员数） 人 2\n"},
		{"a pipe row", "| 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 |\n"},
		{"the title", "甲市司法局2021年政府信息公开工作年度报告\n\n2021年度甲市司法局政府信息公开工作年度报告\n"},
		{"the page's frame", "发布时间：2022-01-20 来源：甲市司法局办公室综合信息科 浏览次数：1234\n主办单位：甲市司法局 版权所有 网站标识码：1234567\n"},
		{"short sentences", "无。\n本机关无其他需要报告的事项。\n单位：件\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := sentences(c.text, jia); len(got) != 0 {
				t.Errorf("sentences(%q) = %q, want none", c.text, got)
			}
		})
	}
}

// TestSpans: each sentence's span is in the original text, with its
// full-width and traditional characters, its terminator included.
func TestSpans(t *testing.T) {
	t.Parallel()
	text := "一、總體情況\n\n　　２０２１年，本機關堅持以公開為常態、不公開為例外，推進決策、執行、管理、服務、結果公開；" +
		"進一步完善政府信息公開保密審查機制，堅持先審查、後公開。\n"
	want := []string{
		"２０２１年，本機關堅持以公開為常態、不公開為例外，推進決策、執行、管理、服務、結果公開；",
		"進一步完善政府信息公開保密審查機制，堅持先審查、後公開。",
	}
	if got := sentences(text, jia); !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

// TestParts: the parts a report's headings name, top level and one level
// down, and what is not a heading.
func TestParts(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		text      string
		parts     []string
		subParts  []string
		noHeading bool
	}{
		{"the 2021 form", "一、总体情况\n（一）主动公开\n本年度主动公开政府信息。\n（二）依申请公开\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n" +
			"四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n",
			[]string{"overview", "proactive", "applications", "review", "problems", "other"}, []string{"proactive", "applications"}, false},
		{"a legacy report", "一、概述\n二、主动公开政府信息的情况\n三、依申请公开政府信息和不予公开政府信息的情况\n四、政府信息公开的收费及减免情况\n" +
			"五、因政府信息公开申请行政复议、提起行政诉讼的情况\n六、政府信息公开工作存在的主要问题及改进措施\n七、其他需要报告的事项\n",
			[]string{"overview", "proactive", "applications", "fees", "review", "problems", "other"}, nil, false},
		{"第一部分 and a heading with its text on the line", "第一部分 总体情况\n第二部分 其他需要报告的事项。本机关无其他需要报告的事项。\n",
			[]string{"overview", "other"}, nil, false},
		{"numbered paragraphs are not headings", "一、严格落实主动公开制度，按照要求及时公开财政预决算、人事任免等各类政府信息，主动接受社会监督，切实保障群众知情权。\n" +
			"1.依申请公开办理情况\n一是加强复议应诉工作。\n", nil, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := Of(normalize.New(c.text), jia)
			if !slices.Equal(f.Parts, c.parts) || !slices.Equal(f.SubParts, c.subParts) {
				t.Errorf("Of(%q): parts %q, sub-parts %q, want %q and %q", c.text, f.Parts, f.SubParts, c.parts, c.subParts)
			}
		})
	}
}

// TestMinHash: equal sets give equal signatures, order and duplicates
// aside; the share of equal places follows the Jaccard similarity; fewer
// than three distinct sentences give none.
func TestMinHash(t *testing.T) {
	t.Parallel()
	set := func(from, to int) []report.Sentence {
		var out []report.Sentence
		for i := from; i < to; i++ {
			out = append(out, report.Sentence{Hash: mix(uint64(i) + 12345)})
		}
		return out
	}
	agree := func(a, b []uint32) float64 {
		n := 0
		for i := range a {
			if a[i] == b[i] {
				n++
			}
		}
		return float64(n) / float64(len(a))
	}
	a := set(0, 100)
	b := append(slices.Clone(a), a[:10]...)
	slices.Reverse(b)
	if !slices.Equal(MinHash(a), MinHash(b)) {
		t.Errorf("MinHash differs for the same set in another order with duplicates")
	}
	if got := MinHash(set(0, 2)); got != nil {
		t.Errorf("MinHash of two sentences = %v, want nil", got)
	}
	if got := MinHash(append(set(0, 2), set(0, 2)...)); got != nil {
		t.Errorf("MinHash of two distinct sentences = %v, want nil", got)
	}
	for _, c := range []struct {
		name     string
		b        []report.Sentence
		lo, hi   float64
		jaccard  float64
		estimate float64
	}{
		{name: "disjoint", b: set(1000, 1100), lo: 0, hi: 0.1},
		{name: "Jaccard 1/3", b: set(50, 150), lo: 0.15, hi: 0.5},   // 50 shared of 150
		{name: "Jaccard 0.82", b: set(10, 110), lo: 0.65, hi: 0.95}, // 90 shared of 110
	} {
		if got := agree(MinHash(a), MinHash(c.b)); got < c.lo || got > c.hi {
			t.Errorf("%s: share of equal places = %.2f, want in [%.2f, %.2f]", c.name, got, c.lo, c.hi)
		}
	}
}

// TestBoilerplateTable: every line of boilerplate.txt is in the table
// (a line that hashed to nothing, or to another's hash by accident, would
// leave text in).
func TestBoilerplateTable(t *testing.T) {
	t.Parallel()
	for _, line := range strings.Split(boilerplateTxt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		_, bare, han := keyOf(normalize.New(line).Norm)
		if han == 0 || !boilerplate[bare] {
			t.Errorf("boilerplate line %q: %d Han characters, in table %v", line, han, boilerplate[bare])
		}
	}
}
