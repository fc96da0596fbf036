package synth

import (
	"math"
	"math/rand/v2"

	"github.com/xxgk/xxgk/etl/report"
)

// The application table's applicant columns without the total, in printed order.
var partCols = report.Columns[:6]

// Outcome rows of the application table and their relative frequencies.
// other is the 2019 form's single （六） row; the 2021 form splits it.
var (
	outcomeKeys2019 = []string{
		"granted", "partial",
		"denied_state_secret", "denied_law", "denied_safety", "denied_third_party",
		"denied_internal", "denied_process", "denied_enforcement", "denied_inquiry",
		"unavailable_not_held", "unavailable_need_create", "unavailable_unclear",
		"unprocessed_petition", "unprocessed_repeat", "unprocessed_publication", "unprocessed_mass", "unprocessed_confirm",
		"other",
	}
	outcomeWeights2019 = []float64{
		.36, .08,
		.004, .01, .004, .02, .02, .02, .01, .03,
		.2, .04, .03,
		.04, .03, .006, .01, .01,
		.08,
	}
	outcomeKeys2021    = append(append([]string{}, outcomeKeys2019[:18]...), "other_no_correction", "other_no_fee", "other_misc")
	outcomeWeights2021 = append(append([]float64{}, outcomeWeights2019[:18]...), .05, .004, .026)
	// How applicants split over the six columns.
	applicantWeights = []float64{.86, .07, .004, .006, .03, .03}
)

// history is what an agency carries from one year to the next, so that
// consecutive reports agree (上年结转 = last year's 结转下年度, and so on).
type history struct {
	pending       []int // applications carried into the next year, per column
	lastFull      bool  // last year's report printed every cell of the application table
	rulesInForce  int
	normInForce   int
	prevItems     map[string]int // 2019 form 上一年项目数量 per row
	publicTotal   map[string]int // 2019 form 对外公开总数量 per row
	proactiveEver int            // proactive items since the agency started publishing
}

func newHistory(r *rand.Rand, a Agency) *history {
	h := &history{
		pending:     make([]int, 6),
		normInForce: 5 + poisson(r, 10*math.Sqrt(a.Size)),
		prevItems:   map[string]int{},
		publicTotal: map[string]int{},
	}
	if makesRules(a) {
		h.rulesInForce = 10 + poisson(r, 40)
	}
	for _, k := range []string{"licensing", "other_services", "penalty", "enforcement", "fees"} {
		h.prevItems[k] = poisson(r, 8)
	}
	return h
}

// makesRules reports whether the agency can issue 规章: only provincial and
// city people's governments can.
func makesRules(a Agency) bool {
	return a.Kind == "人民政府" && (a.Level == "province" || a.Level == "city")
}

// yearFactor scales the application volume by year: low in the first
// years of the 2008 regulations, a step up with the 2019 revision.
func yearFactor(year int) float64 {
	switch {
	case year < 2008:
		return 0.15
	case year < 2019:
		return 0.2 + 0.05*float64(year-2008)
	default:
		return 1 + 0.06*float64(year-2019)
	}
}

// appTable holds one year's application table: six applicant columns per row.
type appTable map[string][]int

func (t appTable) total(row string) int {
	s := 0
	for _, v := range t[row] {
		s += v
	}
	return s
}

// applications draws the year's application table for the 2019/2021 forms,
// obeying I1 and I2 in every column and carrying over last year's pending.
func (h *history) applications(r *rand.Rand, a Agency, year int, outcomeKeys []string, weights []float64) appTable {
	t := appTable{}
	n := poisson(r, a.Size*yearFactor(year))
	t["apps_new"] = split(r, n, applicantWeights)
	t["apps_carried_over"] = append([]int{}, h.pending...)
	t["apps_carried_forward"] = make([]int, 6)
	t["outcome_total"] = make([]int, 6)
	for _, k := range outcomeKeys {
		t[k] = make([]int, 6)
	}
	fwdRate := 0.02 + 0.08*r.Float64()
	for c := range partCols {
		avail := t["apps_new"][c] + t["apps_carried_over"][c]
		fwd := binomial(r, avail, fwdRate)
		done := avail - fwd
		t["apps_carried_forward"][c] = fwd
		t["outcome_total"][c] = done
		for i, v := range split(r, done, weights) {
			t[outcomeKeys[i]][c] = v
		}
	}
	copy(h.pending, t["apps_carried_forward"])
	return t
}

// reviewFigures are the four results of a review or litigation block:
// upheld, corrected, other, pending.
type reviewFigures [4]int

func (v reviewFigures) total() int { return v[0] + v[1] + v[2] + v[3] }

func drawReview(r *rand.Rand, lambda float64, withPending bool) reviewFigures {
	n := poisson(r, lambda)
	w := []float64{.6, .15, .15, .1}
	if !withPending {
		w = []float64{.65, .17, .18, 0}
	}
	var v reviewFigures
	copy(v[:], split(r, n, w))
	return v
}

// legacyApps is the 依申请公开 part of the national 统计表 (2014–2018).
type legacyApps struct {
	received                      int
	channels                      [4]int // 当面, 传真, 网络, 信函
	closed, onTime, extended      int
	replies                       int
	alreadyPublic, granted        int
	partial, denied               int
	reasons                       [6]int // 国家秘密, 商业秘密, 个人隐私, 三安全一稳定, 非政府信息, 法律法规其他
	notThisAgency, notExist       int
	askAmend, otherChannel        int
	reviews, litigation           reviewFigures
	complaints                    int
	feesYuan                      int
	units, readingPoints          int
	fulltime, parttime            int
	budgetWan                     float64
	meetings, trainings, trainees int
}

func drawLegacyApps(r *rand.Rand, a Agency, year int) legacyApps {
	var l legacyApps
	l.received = poisson(r, a.Size*yearFactor(year))
	copy(l.channels[:], split(r, l.received, []float64{.3, .03, .5, .17}))
	l.replies = l.received - binomial(r, l.received, 0.05)
	l.closed = l.replies
	l.extended = binomial(r, l.closed, 0.05)
	l.onTime = l.closed - l.extended
	parts := split(r, l.replies, []float64{.12, .4, .08, .08, .12, .1, .05, .05})
	l.alreadyPublic, l.granted, l.partial, l.denied = parts[0], parts[1], parts[2], parts[3]
	l.notThisAgency, l.notExist, l.askAmend, l.otherChannel = parts[4], parts[5], parts[6], parts[7]
	copy(l.reasons[:], split(r, l.denied, []float64{.05, .2, .25, .05, .3, .15}))
	l.reviews = drawReview(r, a.Size*yearFactor(year)*0.05, false)
	l.litigation = drawReview(r, a.Size*yearFactor(year)*0.02, false)
	l.complaints = poisson(r, 0.3)
	if chance(r, 0.15) {
		l.feesYuan = 10 * poisson(r, 8)
	}
	l.units = 1
	l.readingPoints = 1 + poisson(r, 1)
	l.fulltime = poisson(r, 1)
	l.parttime = 1 + poisson(r, 2)
	l.budgetWan = float64(poisson(r, 30)) / 10
	l.meetings = poisson(r, 3)
	l.trainings = poisson(r, 2)
	l.trainees = l.trainings * (10 + poisson(r, 25))
	return l
}

// proactive are the proactive-disclosure counts of a year.
type proactive struct {
	total, website, weibo, wechat, gazette, other int
	interpretations                               int
	normativeIssued, normativeDisclosed           int
	hotTopics, pressConf, pressConfLead           int
	interviews, interviewsLead                    int
	weiboWechatResp, otherResp                    int
}

func (h *history) drawProactive(r *rand.Rand, a Agency, year int) proactive {
	var p proactive
	base := 60 * levelScale[a.Level] * math.Pow(a.Size/levelScale[a.Level], 0.3)
	if year >= 2014 {
		base *= 1 + 0.1*float64(year-2013)
	}
	p.total = 5 + poisson(r, base)
	// Channels count the same item once each, so they may add up to more
	// than the de-duplicated total (L7), never less.
	p.website = int(float64(p.total) * (0.55 + 0.4*r.Float64()))
	rest := p.total - p.website
	p.wechat = rest/2 + poisson(r, float64(p.total)*0.2)
	p.weibo = rest - rest/2 + poisson(r, float64(p.total)*0.1)
	if a.Kind == "人民政府" && a.Level != "county" {
		p.gazette = poisson(r, 12)
	}
	p.other = poisson(r, 5)
	p.interpretations = poisson(r, 3)
	p.normativeIssued = poisson(r, 3)
	p.normativeDisclosed = binomial(r, p.normativeIssued, 0.9)
	p.hotTopics = poisson(r, 4)
	p.pressConf = poisson(r, 2)
	p.pressConfLead = binomial(r, p.pressConf, 0.5)
	p.interviews = poisson(r, 1.5)
	p.interviewsLead = binomial(r, p.interviews, 0.6)
	p.weiboWechatResp = poisson(r, 5)
	p.otherResp = poisson(r, 2)
	h.proactiveEver += p.total
	return p
}

// art20 are the Article 20 table's figures.
type art20 struct {
	rulesIssued, rulesRepealed, rulesInForce    int
	normIssued, normRepealed, normInForce       int
	licensing, penalty, enforcement, otherServ  int
	feesWan                                     float64
	rulesMade, rulesPublished, rulesPublicTotal int
	normMade, normPublished, normPublicTotal    int
	prev, change                                map[string]int
	procItems                                   int
	procWan                                     float64
}

func (h *history) drawArt20(r *rand.Rand, a Agency) art20 {
	var t art20
	if makesRules(a) {
		t.rulesIssued = poisson(r, 2)
		t.rulesRepealed = min(poisson(r, 0.7), h.rulesInForce)
	}
	t.normIssued = poisson(r, 2+math.Sqrt(a.Size))
	t.normRepealed = min(poisson(r, 1), h.normInForce)
	h.rulesInForce += t.rulesIssued - t.rulesRepealed
	h.normInForce += t.normIssued - t.normRepealed
	t.rulesInForce, t.normInForce = h.rulesInForce, h.normInForce
	t.licensing = poisson(r, 20*a.Size*expNorm(r, 1))
	t.penalty = poisson(r, 5*a.Size*expNorm(r, 1))
	t.enforcement = poisson(r, a.Size*expNorm(r, 1))
	t.otherServ = poisson(r, 3*a.Size*expNorm(r, 1))
	if chance(r, 0.4) {
		t.feesWan = math.Round(100*a.Size*expNorm(r, 1.2)) / 100
	}
	t.rulesMade = t.rulesIssued
	t.rulesPublished = t.rulesIssued
	t.normMade = t.normIssued
	t.normPublished = t.normIssued
	h.publicTotal["rules"] += t.rulesPublished
	h.publicTotal["normative"] += t.normPublished
	t.rulesPublicTotal, t.normPublicTotal = h.publicTotal["rules"], h.publicTotal["normative"]
	t.prev, t.change = map[string]int{}, map[string]int{}
	for _, k := range []string{"licensing", "other_services", "penalty", "enforcement", "fees"} {
		t.prev[k] = h.prevItems[k]
		c := 0
		if chance(r, 0.3) {
			c = poisson(r, 2) - poisson(r, 1)
			c = max(c, -t.prev[k])
		}
		t.change[k] = c
		h.prevItems[k] += c
	}
	t.procItems = poisson(r, 4)
	if t.procItems > 0 {
		t.procWan = math.Round(float64(t.procItems)*30*expNorm(r, 0.8)*100) / 100
	}
	return t
}
