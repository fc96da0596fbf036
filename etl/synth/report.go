package synth

import (
	"fmt"
	"html"
	"math/rand/v2"

	"github.com/xxgk/xxgk/etl/report"
)

// Label is the hand-label equivalent of a generated report, in the exchange
// format of the sample corpus (what tools/score.py reads), plus the layout
// and the identity breaks injected on purpose.
type Label struct {
	Source    string             `json:"source"`
	Agency    string             `json:"agency"`
	Year      int                `json:"year"`
	Period    report.Period      `json:"period"`
	Form      report.Form        `json:"form"`
	Published string             `json:"published,omitempty"`
	Level     string             `json:"level,omitempty"`
	Province  string             `json:"province,omitempty"`
	City      string             `json:"city,omitempty"`
	Layout    Layout             `json:"layout"`
	Metrics   map[string]float64 `json:"metrics"`
	Approx    []string           `json:"approx"`
	Breaks    []Break            `json:"breaks,omitempty"`
	Glued     *Glued             `json:"glued,omitempty"` // the report's tables are glued (glued.go)
	// Copy says which report this one copies its prose from (copies.go).
	Copy *CopyLabel `json:"copy,omitempty"`
}

// Break is an accounting identity the report breaks on purpose: the rule
// (as the checks name it, e.g. "I3.rowsum") and the row or column it is in.
type Break struct {
	Rule  string `json:"rule"`
	Scope string `json:"scope"`
}

// Doc is one generated report: its file name, bytes and label.
type Doc struct {
	Name  string // file name with extension, e.g. a000042_2021.txt
	Body  []byte
	Label Label
	fills []string // the paragraphs of prose it printed, for a copy of it
}

// Options control what a series of reports looks like.
type Options struct {
	Seed      uint64
	HTML      bool    // allow HTML reports (written as NAME.html)
	BreakRate float64 // fraction of table reports with an injected identity break
	GluedRate float64 // fraction of text reports with tables whose tables are glued
	// CopyRate is the fraction of annual reports that copy their prose
	// from another report (copies.go); 0 writes none, and the corpus is
	// the same as without the option.
	CopyRate float64
	copies   *copyPlan // set by Write when CopyRate > 0
}

// Version changes whenever the generator's output changes for a given
// seed, so a cached corpus can tell it is stale.
const Version = "12"

// DefaultBreakRate is the fraction of table reports that break an identity.
const DefaultBreakRate = 0.05

// FormOf is the form a report of the given year follows; legacy years may
// still be prose only, which the generator decides per report.
func FormOf(year int) report.Form {
	switch {
	case year >= 2021:
		return report.FormTable2021
	case year >= 2019:
		return report.FormTable2019
	case year >= 2014:
		return report.FormLegacy
	}
	return report.FormNarrative
}

// Series generates the reports of one agency for years (ascending), so that
// figures carry over from one year to the next.
func Series(a Agency, years []int, opt Options) []Doc {
	r := rand.New(rand.NewPCG(opt.Seed, uint64(a.Index)<<1))
	h := newHistory(r, a)
	// An agency keeps its web system for years: one usual layout, sometimes another.
	usual := pick(r, LayoutCells, LayoutCells, LayoutPipe)
	if opt.HTML && chance(r, 0.35) {
		usual = LayoutHTML
	}
	docs := make([]Doc, 0, len(years))
	for _, y := range years {
		lay := usual
		if chance(r, 0.15) {
			lay = pick(r, LayoutCells, LayoutPipe)
			if opt.HTML && chance(r, 0.3) {
				lay = LayoutHTML
			}
		}
		var src *source
		if len(docs) > 0 {
			src = opt.copies.source(a, y, &docs[len(docs)-1])
		} else {
			src = opt.copies.source(a, y, nil)
		}
		docs = append(docs, yearReport(r, a, y, h, lay, opt, src))
	}
	dropUnseenCarryBreaks(docs)
	return docs
}

// yearReport writes a's report for year; src, when set, is the report its
// prose is copied from.
func yearReport(r *rand.Rand, a Agency, year int, h *history, lay Layout, opt Options, src *source) Doc {
	form := FormOf(year)
	legacyTable := form == report.FormLegacy && chance(r, 0.6)
	if form == report.FormLegacy && !legacyTable {
		form = report.FormNarrative
	}
	if year >= 2008 && year < 2014 && chance(r, 0.4) {
		// A provincial 统计表 appended to a 2008–2013 report (domain.md §1.4.2).
		form, legacyTable = report.FormLegacy, true
	}
	ext := ".txt"
	// Some sites deliver a report with tables as a script data file (see
	// builder.scriptData), which a crawler saves as text.
	jsData := lay == LayoutHTML && form != report.FormNarrative && chance(r, 0.1)
	if lay == LayoutHTML && !jsData {
		ext = ".html"
	}
	name := fmt.Sprintf("a%06d_%d", a.Index, year)
	b := &builder{r: r, layout: lay, wide: chance(r, 0.7), jsData: jsData, splitLabels: lay == LayoutCells && chance(r, 0.15), src: src,
		wideDigits: chance(r, 0.04), wideCells: chance(r, 0.02),
		paddedCells: chance(r, 0.25), shortLabels: chance(r, 0.1)}
	if lay != LayoutHTML && chance(r, 0.1) {
		b.wrap = 30 + r.IntN(15)
	}
	if lay != LayoutHTML {
		b.glue = gluedReport(opt, a.Index, year) // from its own stream: r is not touched
	}
	b.lostBlanks = chance(r, 0.03)
	b.label = &Label{
		Source: name + ext, Agency: a.Label, Year: year, Period: report.PeriodYear, Form: form,
		Level: a.Level, Province: a.Province, City: a.City, Layout: lay,
		Metrics: map[string]float64{}, Approx: []string{},
	}
	switch x := r.Float64(); {
	case x < 0.1:
		b.blanks = blankZeros
	case x < 0.22:
		b.blanks = blankParts
	}
	p := h.drawProactive(r, a, year)
	halfYear := year >= 2019 && chance(r, 0.02)
	wasFull := h.lastFull
	h.lastFull = false // set again by a report that prints a full application table
	switch {
	case halfYear:
		// A half-year self-assessment published instead of the annual report.
		b.src = nil
		b.label.Form, b.label.Period = report.FormNarrative, report.PeriodH1
		b.halfYearReport(a, year, p)
	case form == report.FormTable2021 || form == report.FormTable2019:
		h.lastFull = wasFull
		b.tableReport(a, year, form, h, p, opt)
	default:
		b.proseReport(a, year, h, p, legacyTable, opt)
	}
	if chance(r, 0.5) {
		b.signature(a, year, halfYear)
	}
	b.dropUnseenBreaks()
	title, meta := b.titleAndMeta(a, year, halfYear)
	b.finish()
	if b.src != nil && b.src.label.Kept > 0 {
		c := b.src.label
		b.label.Copy = &c
	}
	return Doc{Name: name + ext, Body: b.document(title, meta), Label: *b.label, fills: b.fills}
}

// titleAndMeta prints the title and the publication line.
func (b *builder) titleAndMeta(a Agency, year int, halfYear bool) (string, string) {
	r := b.r
	var title string
	switch {
	case halfYear:
		title = fmt.Sprintf("%s%d年上半年政府信息公开工作情况报告", a.Name, year)
	case r.IntN(3) == 0:
		title = fmt.Sprintf("%s%d年政府信息公开工作年度报告", a.Name, year)
	case r.IntN(2) == 0:
		title = fmt.Sprintf("%d年度%s政府信息公开工作年度报告", year, a.Name)
	default:
		title = fmt.Sprintf("%s%d年度政府信息公开工作年度报告", a.Name, year)
	}
	if chance(r, 0.15) {
		return title, "字体：[大 中 小]　打印本页"
	}
	y, m, d := year+1, 1+r.IntN(3), 1+r.IntN(28)
	if halfYear {
		y, m = year, 7+r.IntN(2)
	}
	date := fmtDate(y, m, d)
	if b.src != nil {
		date = after(date, b.src.notBefore)
	}
	b.label.Published = date
	meta := pick(r,
		"发布时间："+date+"　来源："+a.Name,
		"发布日期: "+date+"  字体:[大 中 小]",
		"时间："+date+" 信息来源："+a.Name+" 浏览次数："+fmt.Sprint(r.IntN(5000)))
	return title, meta
}

func (b *builder) intro(a Agency, year int) {
	r := b.r
	law := "《中华人民共和国政府信息公开条例》"
	if year >= 2019 {
		b.para(fmt.Sprintf("本报告根据%s（以下简称《条例》）第五十条规定编制。%s%s", law, b.period(year), b.contact(a)))
	} else {
		b.para(fmt.Sprintf("根据%s要求，现公布%s%d年政府信息公开工作年度报告。%s%s", law, a.Name, year, b.period(year), b.contact(a)))
	}
	b.para(b.filler(2 + r.IntN(3)))
}

// tableReport writes a report of the 2019 or 2021 form.
func (b *builder) tableReport(a Agency, year int, form report.Form, h *history, p proactive, opt Options) {
	r := b.r
	keys, weights := outcomeKeys2019, outcomeWeights2019
	if form == report.FormTable2021 {
		keys, weights = outcomeKeys2021, outcomeWeights2021
	}
	var carryBreak *Break
	// Only where last year's 结转下年度 was printed can the break be seen.
	if h.lastFull && b.blanks == blankNone && chance(r, opt.BreakRate/2) {
		// I5: this year's 上年结转 restated, not last year's 结转下年度. The
		// report itself stays consistent (I1 holds); only the series breaks.
		col := r.IntN(6)
		h.pending[col] += 1 + r.IntN(3)
		carryBreak = &Break{"I5.carry", partCols[col]}
	}
	h.lastFull = b.blanks == blankNone
	apps := h.applications(r, a, year, keys, weights)
	lam := a.Size * yearFactor(year)
	review := drawReview(r, lam*0.05, true)
	direct := drawReview(r, lam*0.02, true)
	after := drawReview(r, lam*0.01, true)
	art := h.drawArt20(r, a)

	printed := newPrintedApps(apps)
	blocks := [3][5]int{printedReview(review), printedReview(direct), printedReview(after)}
	if carryBreak != nil {
		b.label.Breaks = append(b.label.Breaks, *carryBreak)
	} else if b.blanks == blankNone && chance(r, opt.BreakRate) {
		b.injectBreak(printed, &blocks, keys)
	}

	b.intro(a, year)
	b.heading("一、总体情况")
	b.para(b.filler(3 + r.IntN(4)))
	b.heading(b.br("（一）主动公开"))
	b.proseProactive(a, year, p, h.proactiveEver, chance(r, 0.5))
	if chance(r, 0.3) {
		b.proseComponents(year, art)
	}
	if form == report.FormTable2021 && chance(r, 0.2) {
		b.proseArticle20(art)
	}
	b.para(b.filler(3 + r.IntN(4)))
	b.heading(b.br("（二）依申请公开"))
	switch co := apps.total("apps_carried_over"); {
	case co > 0 && chance(r, 0.25):
		b.proseCarried(year, a.Self, apps.total("apps_new"), co)
	case chance(r, 0.2) && b.proseScopePair(a, year, apps.total("apps_new")):
	case chance(r, 0.6):
		b.proseApplications(year, a.Self, apps.total("apps_new"), nil)
	}
	if chance(r, 0.35) {
		b.proseOutcomes(apps)
	}
	if chance(r, 0.25) {
		b.proseReviewResults(review, direct)
	}
	b.para(b.filler(3 + r.IntN(4)))
	b.heading(b.br("（三）政府信息管理"))
	b.para(b.filler(4 + r.IntN(4)))
	b.traps(a, year)
	b.heading(b.br("（四）平台建设"))
	b.para(b.filler(4 + r.IntN(4)))
	b.heading(b.br("（五）监督保障"))
	b.para(b.filler(3 + r.IntN(4)))

	b.heading("二、主动公开政府信息情况")
	if form == report.FormTable2021 {
		b.table(b.art20Table2021(art, makesRules(a) || chance(r, 0.5)))
	} else {
		b.table(b.art20Table2019(art))
	}
	b.heading("三、收到和处理政府信息公开申请情况")
	b.brokenTable(b.appsTable(printed, form), 3, true)
	b.heading("四、政府信息公开行政复议、行政诉讼情况")
	b.table(b.reviewTable(blocks))
	b.heading("五、存在的主要问题及改进情况")
	b.para(b.filler(3 + r.IntN(3)))
	b.para(b.filler(3 + r.IntN(3)))
	b.heading("六、其他需要报告的事项")
	b.para(pick(r, "无。", "本机关无其他需要报告的事项。", b.filler(2)))
}

// injectBreak changes printed cells so that exactly one kind of identity
// breaks, and records it. Cells move in pairs so the other identities hold.
func (b *builder) injectBreak(p printedApps, blocks *[3][5]int, outcomeKeys []string) {
	r := b.r
	d := 1 + r.IntN(3)
	col := r.IntN(6)
	colName := partCols[col]
	switch r.IntN(4) {
	case 0: // I1: new applications off in one column and in the total column.
		p["apps_new"][col] += d
		p["apps_new"][6] += d
		b.label.Breaks = append(b.label.Breaks, Break{"I1.flow", colName}, Break{"I1.flow", "total"})
	case 1: // I2: one outcome row off in a column and in its total.
		k := outcomeKeys[r.IntN(len(outcomeKeys))]
		p[k][col] += d
		p[k][6] += d
		b.label.Breaks = append(b.label.Breaks, Break{"I2.outcomes", colName}, Break{"I2.outcomes", "total"})
	case 2: // I3: a count moved between two outcome rows of a column, totals left alone.
		from, to := "granted", "unavailable_not_held"
		for _, k := range outcomeKeys {
			if p[k][col] > 0 {
				from = k
				break
			}
		}
		if from == to {
			to = "granted"
		}
		d = min(d, p[from][col])
		if d == 0 {
			// Nothing to move: put a count into a row without moving it out of
			// another, which breaks the row sum of that row and I2 of the column.
			p[to][col]++
			b.label.Breaks = append(b.label.Breaks, Break{"I3.rowsum", to}, Break{"I2.outcomes", colName})
			return
		}
		p[from][col] -= d
		p[to][col] += d
		b.label.Breaks = append(b.label.Breaks, Break{"I3.rowsum", from}, Break{"I3.rowsum", to})
	default: // I4: a review or litigation total that is not the sum of its results.
		i := r.IntN(3)
		blocks[i][4] += d
		b.label.Breaks = append(b.label.Breaks, Break{"I4.review", []string{"review", "lit_direct", "lit_after_review"}[i]})
	}
}

// halfYearReport writes a half-year self-assessment (上半年): prose only.
func (b *builder) halfYearReport(a Agency, year int, p proactive) {
	r := b.r
	half := p.total / 2
	b.para(fmt.Sprintf("根据上级关于开展政府信息公开工作自查的通知要求，现将%s%d年上半年政府信息公开工作情况报告如下。", a.Name, year))
	b.heading("一、主动公开情况")
	b.para(fmt.Sprintf("%d年上半年，%s共主动公开政府信息%d条。%s", year, a.Self, half, b.filler(3)))
	b.set("proactive.total", float64(half), false)
	b.heading("二、依申请公开情况")
	n := poisson(r, a.Size*yearFactor(year)/2)
	if n == 0 {
		b.para(fmt.Sprintf("%d年上半年%s未收到要求公开信息的申请。", year, a.Self))
	} else {
		b.para(fmt.Sprintf("上半年共收到政府信息公开申请%d件，均已按期答复。", n))
	}
	b.set("apps_new.total", float64(n), false)
	b.heading("三、行政复议和行政诉讼情况")
	b.proseReview(0, 0, 0)
	b.heading("四、存在的问题和下一步工作")
	b.para(b.filler(4))
}

// signature writes the closing signature and date; the signing date is
// not the publication date (a trap for the published field).
func (b *builder) signature(a Agency, year int, halfYear bool) {
	y, m := year+1, 1+b.r.IntN(3)
	if halfYear {
		y, m = year, 7+b.r.IntN(2)
	}
	date := fmt.Sprintf("%d年%d月%d日", y, m, 1+b.r.IntN(28))
	if b.layout == LayoutHTML {
		b.sb.WriteString(`<p style="text-align:right">` + html.EscapeString(a.Name) + "</p>\n")
		b.sb.WriteString(`<p style="text-align:right">` + date + "</p>\n")
		return
	}
	b.sb.WriteString(a.Name + "\n" + date + "\n")
}

// proseReport writes a narrative report, with the legacy 统计表 appended
// when withTable is set (2014–2018).
func (b *builder) proseReport(a Agency, year int, h *history, p proactive, withTable bool, opt Options) {
	r := b.r
	l := drawLegacyApps(r, a, year)
	b.intro(a, year)
	b.heading(pick(r, "一、概述", "一、基本情况"))
	b.para(b.filler(4 + r.IntN(4)))
	b.para(b.filler(4 + r.IntN(4)))
	b.heading("二、主动公开政府信息的情况")
	b.para(b.filler(3 + r.IntN(4)))
	b.proseProactive(a, year, p, h.proactiveEver, chance(r, 0.6))
	b.traps(a, year)
	if chance(r, 0.4) {
		b.proseLegacyIndicators(l, p)
	}
	b.para(b.filler(3 + r.IntN(4)))
	b.heading("三、依申请公开政府信息办理情况")
	if !(l.received > 0 && chance(r, 0.2) && b.proseScopePair(a, year, l.received)) {
		b.proseApplications(year, a.Self, l.received, &l)
	}
	b.para(b.filler(2 + r.IntN(3)))
	b.heading(pick(r, "四、政府信息公开的收费及减免情况", "四、收费情况"))
	b.proseFees(year, a.Self, l.feesYuan)
	b.heading("五、因政府信息公开申请行政复议、提起行政诉讼的情况")
	b.proseReview(l.reviews.total(), l.reviews[0], l.litigation.total())
	b.heading("六、存在的主要问题和改进措施")
	b.para(b.filler(3 + r.IntN(4)))
	b.para(b.filler(3 + r.IntN(4)))
	b.heading("七、其他需要报告的事项")
	b.para("无。")
	if withTable && year < 2014 {
		b.heading("附表：" + pick(r, "政府信息公开工作统计表", fmt.Sprintf("%d年政府信息公开情况统计表", year)))
		rows, header := b.provincialTable(year, p, l)
		// Glued tables are those of the national forms and the 统计表
		// (glued.go): a provincial table keeps its cells apart.
		glue := b.glue
		b.glue = nil
		if b.layout != LayoutHTML && chance(r, 0.35) {
			b.flatTable(rows)
		} else {
			b.brokenTable(rows, header, false)
		}
		b.glue = glue
		return
	}
	if withTable {
		b.heading("附表：" + pick(r, "政府信息公开情况统计表", fmt.Sprintf("%d年度政府信息公开情况统计表", year)))
		shift := map[string]int{}
		if b.blanks == blankNone && chance(r, opt.BreakRate) {
			// One printed total off by a few: the sum it should equal is printed.
			brk := pick(r,
				Break{"L1.channels", "apps_new.total"}, Break{"L2.closed", "apps_closed.total"},
				Break{"L3.replies", "outcome_total.total"}, Break{"L5.staff", "staff.total"},
				Break{"L6.review", "review.total"}, Break{"L6.litigation", "litigation.total"})
			shift[brk.Scope] = 1 + r.IntN(3)
			b.label.Breaks = append(b.label.Breaks, brk)
		}
		b.brokenTable(b.legacyTable(p, l, shift), 1, false)
	}
}
