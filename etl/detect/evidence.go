package detect

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// Identification gathers every name the evidence offers for the reporting
// body, each with where it came from and how it relates to the report:
//
//   - roleSelf: the report describes itself (its title, the line above or
//     below it, its page's title, an author phrase "由…编制", the subject of
//     its opening sentence, its signature, the government whose bodies'
//     reports it compiles). These decide.
//   - roleSupport: header fields (发布机构, 来源), the page's ContentSource, a
//     name the body uses. These corroborate and complete, never decide alone:
//     a 来源 field often names the site or the office that typed the page in.
//   - roleMention: a body merely mentioned (a contact line, a host site, a
//     supervising office, a document's issuer, an enumeration of bodies). It
//     is listed and never chosen.
//
// A name without its place (市司法局, 住建局, 我局) is never an agency: it
// only says what kind of body and which level the reporter is (a kindHint),
// which completes a qualified name the text offers elsewhere.

// role is how a piece of evidence relates to the reporting body.
type role uint8

const (
	roleSelf role = iota
	roleSupport
	roleMention
)

// The weights of the sources: a title outweighs an author phrase, which
// outweighs a signature; a bare place as the opening subject is weaker than
// a named organ.
const (
	wTitle      = 6
	wMetaTitle  = 5
	wTitleAfter = 5
	wTitleLine  = 4
	wAuthor     = 4
	wOpening    = 4
	wOpenPlace  = 2.5
	wSignature  = 3
	wCompiled   = 3
	wPublishes  = 3
	wWriter     = 2 // a government office named as author: its own report or its government's
	wFieldOrgan = 2 // 发布机构, 发文机关, 发布单位
	wFieldFrom  = 1 // 来源, 信息来源
	wBody       = 1
)

// evidence is one name found for the reporting body.
type evidence struct {
	a          agency
	printed    string
	src        report.EvidenceSource
	role       role
	weight     float64
	start, end int // in Norm; -1 outside the text
	note       string
	// reportHost marks the site a report says it is published on ("本报告的
	// 电子版可从…网站下载"): the reporter's own site, or its government's.
	reportHost bool
}

// kindHint is what a name without its place says: the organ and the level
// word printed ("市司法局": 司法局 at 市), or only the organ's last word
// (我局: a 局).
type kindHint struct {
	organ   string
	suffix  bool   // organ is only the last word of the organ's name
	level   string // 市, 区, 县, 省, 自治区, 州, 镇, 乡, 街道; "" when none is printed
	src     report.EvidenceSource
	printed string
	strong  bool // from a title, an author phrase or the opening: the reporter itself
	start   int
	end     int
}

// gatherer collects the evidence of one text.
type gatherer struct {
	t      *normalize.Text
	norm   string
	h      headInfo
	ev     []evidence
	kinds  []kindHint
	places *placeIndex // built on first use
	// titleBest is the heaviest self weight of the body the last decision
	// chose.
	titleBest float64
	x         *textCtx
	memo      map[string]canonResult
	shapes    map[string]shape
}

type canonResult struct {
	a  agency
	ok bool
}

// ctx is the text names are canonicalised against.
func (g *gatherer) ctx() *textCtx {
	if g.x == nil {
		g.x = newCtx(g.norm)
	}
	return g.x
}

// canon is canonical, remembered: a report repeats its names.
func (g *gatherer) canon(s string) (agency, bool) {
	if r, ok := g.memo[s]; ok {
		return r.a, r.ok
	}
	a, ok := canonical(s, g.ctx())
	if g.memo == nil {
		g.memo = map[string]canonResult{}
	}
	g.memo[s] = canonResult{a, ok}
	return a, ok
}

// add canonicalises a printed name and records it as evidence, or as a
// kind hint when it has no place.
func (g *gatherer) add(printed string, src report.EvidenceSource, r role, w float64, start, end int, note string) {
	printed = strings.TrimSpace(printed)
	if i := placeStart(printed); i > 0 {
		// The name starts at its place: "现公开河南省司法厅" prints 河南省司法厅.
		printed = printed[i:]
		if start >= 0 {
			start += i
		}
	}
	if utf8.RuneCountInString(printed) < 2 {
		return
	}
	if strings.Contains(printed, "各") || strings.Contains(printed, "所属") {
		// "北京市各区人民政府": several bodies, never the reporter.
		g.ev = append(g.ev, evidence{a: agency{name: printed}, printed: printed, src: src, role: roleMention,
			start: start, end: end, note: "names several bodies"})
		return
	}
	a, ok := g.canon(printed)
	if !ok {
		return
	}
	if r == roleMention {
		w = 0 // a body merely mentioned carries no weight
	}
	if !a.placed {
		if k, ok := hintOf(printed, a); ok {
			k.src, k.start, k.end = src, start, end
			k.strong = r == roleSelf && src != report.SourceSignature
			if r != roleMention {
				g.kinds = append(g.kinds, k)
			}
		}
		g.ev = append(g.ev, evidence{a: a, printed: printed, src: src, role: roleMention, start: start, end: end,
			note: "no place: names a kind of body only"})
		return
	}
	g.ev = append(g.ev, evidence{a: a, printed: printed, src: src, role: r, weight: w, start: start, end: end, note: note})
}

// levelWords are the level words an unqualified name may start with,
// longest first.
var hintLevels = []string{"自治区", "自治州", "街道", "省", "市", "区", "县", "州", "盟", "旗", "镇", "乡"}

// hintOf reads the organ and level word of an unqualified name.
func hintOf(printed string, a agency) (kindHint, bool) {
	name := strings.TrimLeft(a.name, "我本")
	k := kindHint{printed: printed}
	for _, l := range hintLevels {
		if rest, ok := strings.CutPrefix(name, l); ok && rest != "" {
			k.level, name = strings.TrimSuffix(l, "自治州"), rest
			if l == "自治州" {
				k.level = "州"
			}
			break
		}
	}
	if name == "政府" {
		name = "人民政府"
	}
	if strings.HasPrefix(name, "委") || strings.Contains(name, "党") {
		return k, false // a party organ (市委办公厅): no disclosure body
	}
	k.organ = expandOrgan(name)
	return k, k.organ != ""
}

// gatherAgency collects the evidence of the text, its page and its operator
// (meta and sup normalised, see normalised).
func gatherAgency(t *normalize.Text, h headInfo, meta report.Meta, sup report.Supplied) *gatherer {
	g := &gatherer{t: t, norm: t.Norm, h: h}
	for _, pt := range splitPageTitle(sup.Title) {
		g.titleEvidence(pt.text, -1, report.SourceMetaTitle, wMetaTitle, pt.site)
	}
	for _, pt := range splitPageTitle(meta.ArticleTitle) {
		g.titleEvidence(pt.text, -1, report.SourceMetaTitle, wMetaTitle, pt.site)
	}
	if meta.ArticleTitle == "" {
		for _, pt := range splitPageTitle(meta.Title) {
			g.titleEvidence(pt.text, -1, report.SourceMetaTitle, wMetaTitle, pt.site)
		}
	}
	if s := meta.SiteName; s != "" {
		g.add(strings.TrimRight(s, "网站门户"), report.SourceSiteName, roleMention, 0, -1, -1, "the host site")
	}
	if s := meta.ContentSource; s != "" {
		g.fieldValue(s, report.SourceMetaSource, wFieldFrom, -1)
	}
	if h.title != "" {
		g.titleEvidence(h.title, h.titleAt, report.SourceTitle, wTitle, false)
	}
	g.fields()
	return g
}

// widen gathers the evidence of the opening part: the author and contact
// phrases, the compiled-from government, the opening sentence's subject and
// the signature. A report whose title names its body needs none of it.
func (g *gatherer) widen() {
	g.phrases(true)
	g.compiled()
	g.opening()
	g.signature()
}

// deepen gathers the evidence that costs a scan of the body: the other
// author phrases, the self-references and the names the body text uses. A
// report whose title, opening and author phrase already agree on a body
// needs none of it.
func (g *gatherer) deepen() {
	g.phrases(false)
	g.selfReferences()
	g.bodyNames()
}

// normText normalises a short string from outside the text (a meta tag).
func normText(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return ""
	}
	return strings.TrimSpace(normalize.New(s).Norm)
}

// pagePart is one part of a page title: "遵义市司法局2020年…年度报告_遵义市人民政府网".
type pagePart struct {
	text string
	site bool // a part without document words: the site's name
}

// pageTitleSeps separate an article's title from its site's name.
var pageTitleSeps = []string{" - ", "_", "|", "｜", " — ", "——", " -- ", "--"}

func splitPageTitle(s string) []pagePart {
	if s == "" {
		return nil
	}
	parts := []string{s}
	for _, sep := range pageTitleSeps {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	var out []pagePart
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, pagePart{p, !containsAny(p, docWords) && !strings.Contains(p, "报告")})
		}
	}
	return out
}

// normalised returns the page's meta tags and the operator's title and
// agency in the text's normalised form (simplified, half-width), once.
func normalised(meta report.Meta, sup report.Supplied) (report.Meta, report.Supplied) {
	meta.Title, meta.ArticleTitle = normText(meta.Title), normText(meta.ArticleTitle)
	meta.SiteName, meta.ContentSource = normText(meta.SiteName), normText(meta.ContentSource)
	sup.Title, sup.Agency = normText(sup.Title), strings.TrimSpace(sup.Agency)
	return meta, sup
}

// pageTitles are the page's and the operator's titles (normalised), for the
// report decision and the year.
func pageTitles(meta report.Meta, sup report.Supplied) []string {
	var out []string
	for _, s := range []string{sup.Title, meta.ArticleTitle, meta.Title} {
		for _, p := range splitPageTitle(s) {
			if !p.site {
				out = append(out, p.text)
			}
		}
	}
	return out
}

const han = `\p{Han}`

var (
	// yearTokRE is a year expression inside a title or a phrase.
	yearTokRE = regexp.MustCompile(`(?:19|20)\d\d\s*年\s*(?:度)?\s*(?:上半年|下半年)?|关于印发|关于公布|关于|印发|转发|本级|^的|的$`)
	// fieldRE is a header field naming the publisher.
	fieldRE = regexp.MustCompile(`(发布机构|发文机关|发布单位|发布部门|信息来源|发布来源|来源|作者)\s*[:：][\s|]*([` + han + `]{2,30})`)
	// organRE ends the name of a public body.
	organRE = regexp.MustCompile(`人民政府|街道办事处|管理委员会|办公室|分局|局|厅|委员会`)
	// organEndRE ends a name that is a public body on its own.
	organEndRE = regexp.MustCompile(`(?:人民政府|政府|办事处|委员会|管委会|办公室|办公厅|分局|局|厅|办|中心|署|部|院|委)$`)
	// officeRE marks an internal office of a township government that writes
	// the report on the government's behalf.
	officeRE = regexp.MustCompile(`办公室|办|科|人民政府|政府`)
	// zoneRE ends the name of a development zone, run by a 管理委员会.
	zoneRE = regexp.MustCompile(`(?:开发区|高新区|园区|新区|试验区)$`)
)

// docWords are the document words of a title: what precedes the first of
// them is the publisher (and the year).
var docWords = []string{"政府信息公开", "政务信息公开", "信息公开", "政务公开", "政府信息", "年度报告", "工作报告", "年报"}

// endWords end a title's document words; a name after them is the
// publisher too ("2018年度政府信息公开年度报告 成都市住房和城乡建设局").
var endWords = []string{"年度报告", "工作报告", "年报", "数据统计"}

// cutTitle cuts a title at its first document word.
func cutTitle(title string) string {
	end := len(title)
	for _, w := range docWords {
		if i := strings.Index(title, w); i >= 0 && i < end {
			end = i
		}
	}
	return title[:end]
}

// hostWords follow a name that is a site, a gazette or an account: the
// place a report is published, not its publisher.
var hostWords = []string{"网站", "门户", "政务网", "信息网", "网", "官网", "公报", "微信", "微博", "公众号", "客户端", "新媒体", "平台", "APP", "主页", "专栏"}

// titleEvidence reads the publisher of a title line: the part before the
// document words (the last run of it that names a place, as a site name or
// a column may precede the agency), else a name after the document words,
// else the line above or below the title. at is the title's offset in the
// text, -1 for a title from outside it.
func (g *gatherer) titleEvidence(title string, at int, src report.EvidenceSource, w float64, site bool) {
	if site {
		g.add(strings.TrimRight(title, "网站门户"), report.SourceSiteName, roleMention, 0, -1, -1, "the host site")
		return
	}
	span := func(s string) (int, int) {
		if at < 0 {
			return -1, -1
		}
		i := strings.Index(title, s)
		if i < 0 {
			return at, at + len(title)
		}
		return at + i, at + i + len(s)
	}
	before := yearTokRE.ReplaceAllString(cutTitle(title), " ")
	runs := hanRuns(before)
	found := false
	for i := len(runs) - 1; i >= 0; i-- {
		r := runs[i]
		if isHost(r) {
			s, e := span(r)
			g.add(trimHost(r), src, roleMention, 0, s, e, "a site's name in the title")
			continue
		}
		a, ok := g.canon(r)
		if !ok || !a.placed && i > 0 {
			continue // an alias in brackets, a column name
		}
		s, e := span(r)
		g.add(r, src, roleSelf, w, s, e, "")
		found = true
		break
	}
	if found {
		return
	}
	// A publisher after the document words.
	last := -1
	for _, ew := range endWords {
		if i := strings.LastIndex(title, ew); i >= 0 && i+len(ew) > last {
			last = i + len(ew)
		}
	}
	if last > 0 {
		for _, r := range hanRuns(yearTokRE.ReplaceAllString(title[last:], " ")) {
			if a, ok := g.canon(r); ok && (a.placed || organEndRE.MatchString(r)) {
				s, e := span(r)
				g.add(r, src, roleSelf, wTitleAfter, s, e, "")
				return
			}
		}
	}
	if at < 0 || g.h.titleLine < 0 {
		return
	}
	// The agency on the line above ("河南省司法厅" over "2017年…年度报告")
	// or below the title.
	for _, j := range []int{g.h.titleLine - 1, g.h.titleLine + 1} {
		if j < 0 || j >= len(g.h.lines) {
			continue
		}
		l := yearTokRE.ReplaceAllString(g.h.lines[j], "")
		l = strings.TrimSpace(l)
		if utf8.RuneCountInString(l) > 30 || !onlyHan(l) || containsAny(l, docWords) {
			continue
		}
		if _, ok := g.canon(l); ok {
			i := strings.Index(g.norm[g.h.starts[j]:], l)
			g.add(l, report.SourceTitleLine, roleSelf, wTitleLine, g.h.starts[j]+i, g.h.starts[j]+i+len(l), "")
			return
		}
	}
}

func isHost(s string) bool {
	for _, w := range hostWords {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func trimHost(s string) string {
	for _, w := range hostWords {
		if r, ok := strings.CutSuffix(s, w); ok {
			return r
		}
	}
	return s
}

// fieldColons are the colons every match of fieldRE holds after its label.
var fieldColons = []string{":", "："}

// fields reads the header fields that name a publisher.
func (g *gatherer) fields() {
	for i, l := range g.h.lines {
		if !containsAny(l, fieldColons) || !containsAny(l, fieldLabels) {
			continue
		}
		eachNearIndex(fieldRE, l, fieldColons, 24, 130, func(m []string, loc []int) bool {
			w := float64(wFieldFrom)
			switch m[1] {
			case "发布机构", "发文机关", "发布单位", "发布部门":
				w = wFieldOrgan
			}
			g.fieldValue(m[2], report.SourceField, w, g.h.starts[i]+loc[4])
			return false
		})
	}
}

// fieldLabels are the literals every label of fieldRE holds.
var fieldLabels = []string{"机构", "机关", "单位", "部门", "来源", "作者"}

// fieldValue records the value of a 来源 or 发布机构 field: a site's name
// is a host, anything else supports the name it gives.
func (g *gatherer) fieldValue(v string, src report.EvidenceSource, w float64, at int) {
	start, end := at, at+len(v)
	if at < 0 {
		end = -1
	}
	if isHost(v) {
		g.add(trimHost(v), src, roleMention, 0, start, end, "the host site")
		return
	}
	g.add(v, src, roleSupport, w, start, end, "")
}

// phraseBytes is how much of a report the author phrases are looked for in.
const phraseBytes = 4000

// phrases are body phrases that name the author of the report, each with
// literals a sentence must hold before the pattern is tried, and an anchor
// every match holds: the pattern runs on a window around each anchor
// (before and after bytes), as the lazy name patterns are costly on whole
// sentences.
var phrases = []struct {
	need          []string
	needAny       []string
	anchor        string
	before, after int
	re            *regexp.Regexp
	src           report.EvidenceSource
	r             role
	w             float64
}{
	{[]string{"由"}, []string{"编制", "制作", "编写", "综合", "汇总", "整理", "发布"}, "由", 0, 160, regexp.MustCompile(`由([` + han + `]{2,40}?)(?:负责)?(?:编制|制作|编写|综合|汇总|整理|发布)`), report.SourceAuthor, roleSelf, wAuthor},
	{[]string{"布", "年"}, nil, "布", 3, 160, regexp.MustCompile(`(?:发布|公布)([` + han + `]{2,40}?)(?:19|20)\d\d\s*年`), report.SourceAuthor, roleSelf, wPublishes},
	{[]string{"公开工作"}, []string{"依据", "结合", "根据"}, "公开工作", 180, 12, regexp.MustCompile(`(?:依据|结合|根据)([` + han + `]{2,40}?)(?:(?:19|20)\d\d\s*年\s*度?)?(?:政府信息公开|政务公开)工作`), report.SourceAuthor, roleSelf, wPublishes},
	{[]string{"请"}, []string{"联系"}, "请", 0, 160, regexp.MustCompile(`请(?:与|联系)\s*[:：]?\s*([` + han + `]{2,40}?)(?:联系|政府信息公开|政务公开|办公室|[(（,，。:：]|$)`), report.SourceMention, roleMention, 0},
	{[]string{"信息公开", "报告"}, nil, "信息公开", 160, 40, regexp.MustCompile(`([` + han + `]{2,40}?)(?:19|20)\d\d\s*年\s*度?(?:政府)?信息公开(?:工作)?(?:年度)?报告`), report.SourceAuthor, roleSelf, wPublishes},
}

// phrases reads the author phrases of the opening part: the author and
// contact phrases when first is set, the others when not.
func (g *gatherer) phrases(first bool) {
	head := prefix(g.norm, phraseBytes)
	for k, p := range phrases {
		// The author (由…编制) and the contact line, which may spell the
		// reporter in full, come first; the rest only when these do not
		// settle it.
		if early := k == 0 || p.src == report.SourceMention; early != first {
			continue
		}
		tries := 0
		for from := 0; tries < 4; {
			i := strings.Index(head[from:], p.anchor)
			if i < 0 {
				break
			}
			i += from
			from = i + len(p.anchor)
			// The window around the anchor, within its sentence, with the
			// line breaks and spaces inside names removed.
			lo, hi := i-p.before-40, from+p.after+40
			w, ws := windowAt(head, lo, hi)
			if j := strings.LastIndex(w[:i-ws], "。"); j >= 0 {
				w, ws = w[j+len("。"):], ws+j+len("。")
			}
			if j := strings.Index(w[i-ws:], "。"); j >= 0 {
				w = w[:i-ws+j]
			}
			if !allIn(w, p.need) || p.needAny != nil && !containsAny(w, p.needAny) {
				continue
			}
			jt := squeezeHan(w)
			loc := p.re.FindStringSubmatchIndex(jt.s)
			if loc == nil {
				continue
			}
			tries++
			name := jt.s[loc[2]:loc[3]]
			st, en := ws+jt.orig(loc[2]), ws+jt.orig(loc[3])
			g.phrase(p.src, p.r, p.w, name, jt.s[loc[3]:], st, en)
			from = max(from, ws+jt.orig(loc[1]))
		}
	}
}

// compileWords follow the author of a report compiled from the reports of
// the bodies under it: "由市政府办公厅综合各区人民政府…的年度报告编制而成".
var compileWords = []string{"综合各", "汇总各", "综合全市", "汇总全市", "综合全区", "汇总全区", "综合全县", "汇总全县"}

// officeOrgans are the offices of a government at county level or above,
// which publish reports of their own and also write their government's.
var officeOrgans = []string{"人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅"}

// phrase records the name an author phrase gave; after is the text after it.
func (g *gatherer) phrase(src report.EvidenceSource, r role, w float64, name, after string, s, e int) {
	if r == roleMention {
		g.add(name, src, roleMention, 0, s, e, "a contact line")
		return
	}
	compiled := containsAny(prefix(after, 12), compileWords)
	a, ok := g.canon(name)
	if ok && isGovOffice(a) {
		// The office of a government writes the government's report as
		// well as its own: the rest of the evidence decides which.
		parent := strings.TrimSuffix(a.name, a.organ) + "人民政府"
		if compiled {
			g.add(parent, report.SourceCompiled, r, wCompiled, s, e, "its office compiled the report")
			return
		}
		g.add(a.name, src, r, wWriter, s, e, "a government's office as author: its own report or its government's")
		g.add(parent, src, r, wWriter, s, e, "its office is named as the author")
		return
	}
	if ok && !a.placed {
		if k, ok := hintOf(name, a); ok && govOfficeOrgan(k.organ) {
			// "由市政府办公厅综合各区…编制": a 市 government's report; "由区政府
			// 办公室编制": the office's own, or its government's.
			note := "a government's office as author: its own report or its government's"
			if compiled {
				note = "the office that compiled the report: its government reports"
				g.kinds = append(g.kinds, kindHint{organ: "人民政府", level: k.level, src: report.SourceCompiled,
					printed: name, strong: true, start: s, end: e})
			} else {
				g.kinds = append(g.kinds, kindHint{organ: "人民政府", level: k.level, src: src, printed: name, start: s, end: e},
					kindHint{organ: k.organ, level: k.level, src: src, printed: name, start: s, end: e})
			}
			g.ev = append(g.ev, evidence{a: a, printed: name, src: src, role: roleMention, start: s, end: e, note: note})
			return
		}
	}
	g.add(name, src, r, w, s, e, "")
}

// compiledWords say a report is compiled from other bodies' reports.
var compiledWords = []string{"编制", "基础上", "汇总", "综合", "整理"}

// compiled reads the government whose bodies' reports a report compiles:
// "在2016年度北京市各区人民政府和北京市政府各委、办、局的…年度报告的基础上
// 编制", "以及2013年度东城区人民政府和各街道、委办局的…年度报告编制". The
// bodies listed are never the reporter; the place they belong to has its
// government report for them.
func (g *gatherer) compiled() {
	head := prefix(g.norm, phraseBytes)
	done := -1 // the end of the last sentence looked at
	for from := 0; ; {
		i := strings.Index(head[from:], "各")
		if i < 0 {
			return
		}
		i += from
		from = i + len("各")
		if i < done {
			continue
		}
		ss := strings.LastIndex(head[:i], "。") + 1
		if ss > 0 {
			ss += len("。") - 1
		}
		se := strings.Index(head[i:], "。")
		if se < 0 {
			se = len(head) - i
		}
		done = i + se
		raw := head[ss : i+se]
		if !containsAny(raw, []string{"报告", "年报"}) || !containsAny(raw, compiledWords) {
			continue
		}
		jt := squeezeHan(raw)
		if g.compiledIn(jt, ss) {
			return
		}
	}
}

// compiledIn looks in one sentence (at offset at of the text) for the place
// whose bodies' reports it compiles.
func (g *gatherer) compiledIn(jt joinedText, at int) bool {
	sen := jt.s
	for from := 0; ; {
		i := strings.Index(sen[from:], "各")
		if i < 0 {
			return false
		}
		i += from
		from = i + len("各")
		start := i
		for n := 0; n < 16 && start > 0; n++ {
			r, size := utf8.DecodeLastRuneInString(sen[:start])
			if !unicode.Is(unicode.Han, r) {
				break
			}
			start -= size
		}
		run := sen[start:i]
		for _, t := range []string{"和", "及", "与", "人民政府", "政府"} {
			run = strings.TrimSuffix(run, t)
		}
		p := placeStart(run)
		if p < 0 {
			continue
		}
		place := run[p:]
		toks, rest := parseChain(place)
		if len(toks) == 0 || rest != "" {
			continue
		}
		s, e := at+jt.orig(start+p), at+jt.orig(start+p+len(place))
		g.add(place, report.SourceCompiled, roleSelf, wCompiled, s, e, "compiles the reports of the bodies of its area")
		return true
	}
}

// isGovOffice reports whether a is the office of a government above the
// township (a township's office only writes for the township).
func isGovOffice(a agency) bool {
	return a.placed && a.level != "township" && govOfficeOrgan(a.organ)
}

func govOfficeOrgan(organ string) bool {
	for _, o := range officeOrgans {
		if organ == o {
			return true
		}
	}
	return false
}

// openingSkip starts a clause that is not the subject: 在…领导下, 按照…要求.
var openingSkip = []string{"在", "按照", "根据", "依据", "为", "围绕", "以", "通过", "对照", "结合", "紧紧", "经", "由", "是", "全年", "今年"}

// openingHeads are the headings after which the opening sentence comes:
// 一、总体情况, 一、概述, a line of its own.
var openingHeads = []string{"总体情况", "概述", "概况", "基本情况", "概 述"}

// openingHead returns the offset just past the first opening heading of
// head (a short line holding one of openingHeads), or -1.
func openingHead(head string, h headInfo) int {
	// The first lines hold the heading of most copies.
	for i, l := range h.lines {
		if utf8.RuneCountInString(l) <= 16 && !strings.Contains(l, "。") && containsAny(l, openingHeads) {
			return h.starts[i] + len(l)
		}
	}
	best := -1
	for _, w := range openingHeads {
		for from := 0; ; {
			i := strings.Index(head[from:], w)
			if i < 0 {
				break
			}
			i += from
			from = i + len(w)
			ls := strings.LastIndexByte(head[:i], '\n') + 1
			le := strings.IndexByte(head[i:], '\n')
			if le < 0 {
				le = len(head) - i
			}
			line := strings.TrimSpace(head[ls : i+le])
			if utf8.RuneCountInString(line) <= 16 && !strings.Contains(line, "。") {
				if best < 0 || i+le < best {
					best = i + le
				}
				break
			}
		}
	}
	return best
}

// opening reads the subject of the report's opening sentences: "2022年，
// 上海市人民政府办公厅坚持…" names the reporter; "2019年，上海市坚持…" (a
// place as the subject) names its government, more weakly.
func (g *gatherer) opening() {
	head := prefix(g.norm, 3000)
	starts := []int{}
	if at := openingHead(head, g.h); at >= 0 {
		starts = append(starts, at)
	}
	// A copy may start at the opening sentence itself.
	starts = append(starts, 0)
	for _, st := range starts {
		if g.subjectAt(st) {
			return
		}
	}
}

// subjectAt looks for the subject in the first two sentences from offset st.
func (g *gatherer) subjectAt(st int) bool {
	s := g.norm[st:]
	for k := 0; k < 2 && s != ""; k++ {
		end := strings.Index(s, "。")
		if end < 0 || end > 600 {
			end = min(len(s), 600)
		}
		if found, stop := g.subjectIn(s[:end], st); found || stop {
			return found
		}
		st += end
		s = s[end:]
		if strings.HasPrefix(s, "。") {
			st += len("。")
			s = s[len("。"):]
		}
	}
	return false
}

// subjectIn looks for the subject among the first clauses of a sentence at
// offset at; stop is set when a clause that should hold it does not.
func (g *gatherer) subjectIn(sen string, at int) (found, stop bool) {
	for n, off := 0, 0; n < 4 && off < len(sen); n++ {
		cl := sen[off:]
		next := len(sen)
		if i := strings.IndexAny(cl, ",，"); i >= 0 {
			cl, next = cl[:i], off+i+1
			if strings.HasPrefix(sen[off+i:], "，") {
				next = off + i + len("，")
			}
		}
		clAt := at + off
		off = next
		lead := len(cl) - len(strings.TrimLeft(cl, " \t\n\r\u3000"))
		if m := numberedRE.FindString(cl[lead:]); m != "" {
			lead += len(m)
		}
		cl = cl[lead:]
		clAt += lead
		if y := strings.Index(cl, "年"); y >= 0 && y <= 4 && isYearPrefix(cl[:y]) {
			// "2020年", "2020年度", "2023年以来" open the sentence.
			rest := strings.TrimPrefix(strings.TrimPrefix(cl[y+len("年"):], "度"), "以来")
			rest = strings.TrimPrefix(strings.TrimPrefix(rest, "上半年"), "下半年")
			if strings.TrimSpace(rest) == "" {
				continue
			}
			clAt += len(cl) - len(rest)
			cl = rest
		}
		for _, p := range []string{"近年以来", "近年来", "一年来", "本年度", "今年以来"} {
			if r, ok := strings.CutPrefix(cl, p); ok {
				clAt += len(p)
				cl = r
			}
		}
		if strings.TrimSpace(cl) == "" || startsAny(cl, openingSkip) {
			continue
		}
		if name, place := subjectName(cl, g); name != "" {
			i := strings.Index(g.norm[clAt:], name)
			w := float64(wOpening)
			note := ""
			if place {
				w, note = wOpenPlace, "a place as the subject: its government"
			}
			g.add(name, report.SourceOpening, roleSelf, w, clAt+i, clAt+i+len(name), note)
			return true, true
		}
		return false, true
	}
	return false, false
}

// isYearPrefix reports whether s is a year's digits ("2020", "2020 ").
func isYearPrefix(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) == 4 && isYear(s)
}

func startsAny(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// subjectWords end the name of an organ as the subject of a sentence.
var subjectWords = []string{"人民政府办公厅", "人民政府办公室", "人民政府", "政府办公室", "政府办公厅", "政府", "办公厅", "办公室",
	"委员会", "管委会", "办事处", "街道", "分局", "局", "厅", "委", "办", "镇", "乡", "署", "中心"}

// verbWords start the predicate after a subject: the subject ends before.
var verbWords = []string{"坚持", "认真", "深入", "全面", "严格", "积极", "进一步", "持续", "始终", "紧紧", "高度", "按照", "贯彻",
	"围绕", "立足", "扎实", "不断", "切实", "结合", "在", "共", "主动", "着力", "聚焦", "依法", "大力", "紧密", "加强", "继续",
	"强化", "秉持", "牢固", "以", "把", "将", "对", "通过", "紧扣", "聚力", "全力", "坚决", "精心", "努力", "统筹", "扎扎实实",
	"政府信息", "政务公开", "信息公开", "的", "各级", "所属", "和", "及"}

// verbFirst holds the first rune of each verb word, so that most runes
// need no comparison with the words.
var verbFirst = func() map[rune]bool {
	m := map[rune]bool{}
	for _, w := range verbWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
	}
	return m
}()

// subjectName is the organ (or the bare place) a clause starts with, and
// whether it is a bare place.
func subjectName(cl string, g *gatherer) (string, bool) {
	if strings.HasPrefix(cl, "我") || strings.HasPrefix(cl, "本") && !strings.HasPrefix(cl, "本溪") {
		return "", false // a self-reference: selfReferences counts it
	}
	runes := 0
	end := 0
	for i, r := range cl {
		if !unicode.Is(unicode.Han, r) || runes == 30 {
			break
		}
		if runes >= 2 && verbFirst[r] && startsAny(cl[i:], verbWords) {
			break
		}
		runes++
		end = i + utf8.RuneLen(r)
	}
	run := cl[:end]
	// The longest prefix ending with an organ word: the ends are collected
	// first and tried from the longest, so few names are canonicalised.
	var ends []int
	for _, w := range subjectWords {
		for from := 0; ; {
			i := strings.Index(run[from:], w)
			if i < 0 {
				break
			}
			ends = append(ends, from+i+len(w))
			from += i + len(w)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ends)))
	for k, e := range ends {
		if k > 0 && e == ends[k-1] {
			continue
		}
		if a, ok := g.canon(run[:e]); ok && (a.placed || plainOrgan(run[:e])) {
			return run[:e], false
		}
	}
	// A bare place: "上海市坚持…", "北京市东城区以…".
	if placeStart(run) == 0 {
		toks, rest := parseChain(run)
		if len(toks) > 0 && toks[len(toks)-1].div != nil && rest == "" && toks[len(toks)-1].div.Level != "township" {
			return run, true
		}
	}
	return "", false
}

// plainOrgan reports whether an unqualified subject is an organ's name: a
// level word and an organ (市司法局, 县政府), or a short organ alone (司法局).
func plainOrgan(s string) bool {
	n := utf8.RuneCountInString(s)
	if containsAny(s, []string{"公开", "信息", "工作", "服务", "党"}) || n > 12 || n < 3 {
		return false
	}
	return startsAny(s, hintLevels) || n <= 6 && !strings.HasSuffix(s, "政府")
}

// signature reads the signature block: a short line of an organ's name
// among the last lines.
func (g *gatherer) signature() {
	for i, l := range g.h.tail {
		if len(l) <= 75 && onlyHan(l) && utf8.RuneCountInString(l) <= 25 && organRE.MatchString(l) {
			g.add(l, report.SourceSignature, roleSelf, wSignature, g.h.tailAt[i], g.h.tailAt[i]+len(l), "")
			return
		}
	}
}

// selfBytes bounds the text read for self-references: a report calls
// itself 我局 from its first paragraphs on.
const selfBytes = 6000

// selfWords are the self-references that fix the kind of body: 我局 is a 局.
var selfWords = []struct {
	words        []string
	organ, level string
	suffix       bool
}{
	{[]string{"我局", "本局", "局机关"}, "局", "", true},
	{[]string{"我厅", "本厅"}, "厅", "", true},
	{[]string{"我委", "本委"}, "委员会", "", true},
	{[]string{"我办", "本办"}, "办公室", "", true},
	{[]string{"我街道", "本街道"}, "办事处", "街道", false},
	{[]string{"我镇", "本镇"}, "人民政府", "镇", false},
	{[]string{"我乡", "本乡"}, "人民政府", "乡", false},
}

// selfReferences records what 我局, 本委, 我街道 say of the kind of body,
// the organ its field offices imply (司法所 → 司法局), how the report calls
// itself in running text (区司法局), and a summary of a whole area.
func (g *gatherer) selfReferences() {
	text := prefix(g.norm, selfBytes)
	// One pass over 我 and 本, then the words after them.
	said := map[string]bool{}
	for _, lead := range []string{"我", "本"} {
		for from := 0; ; {
			i := strings.Index(text[from:], lead)
			if i < 0 {
				break
			}
			from += i + len(lead)
			for _, s := range selfWords {
				for _, w := range s.words {
					if strings.HasPrefix(w, lead) && strings.HasPrefix(text[from:], w[len(lead):]) {
						said[s.organ+s.level] = true
					}
				}
			}
		}
	}
	if strings.Contains(text, "局机关") {
		said["局"] = true
	}
	for _, s := range selfWords {
		if said[s.organ+s.level] {
			g.kinds = append(g.kinds, kindHint{organ: s.organ, suffix: s.suffix, level: s.level,
				src: report.SourceSelf, printed: s.words[0], start: -1, end: -1})
		}
	}
	// How a report calls itself in running text ("区司法局") names its kind.
	if w := topUnqualified(text); w != "" {
		if a, ok := g.canon(w); ok && !a.placed {
			if k, ok := hintOf(w, a); ok {
				k.src, k.start, k.end = report.SourceSelf, -1, -1
				g.kinds = append(g.kinds, k)
			}
		}
	}
	if organ := fieldOfficeOrgan(text); organ != "" {
		g.kinds = append(g.kinds, kindHint{organ: organ, src: report.SourceSelf, printed: organ, start: -1, end: -1})
	}
	// "全区各级行政机关": a summary of a whole area is its government's.
	if !strings.Contains(text, "行政机关") && !strings.Contains(text, "本级") {
		return
	}
	for _, sc := range scopeWords {
		if i := strings.Index(text, sc.word); i >= 0 {
			g.kinds = append(g.kinds, kindHint{organ: "人民政府", level: sc.level, src: report.SourceSelf,
				printed: sc.word, strong: true, start: i, end: i + len(sc.word)})
			break
		}
	}
}

// scopeWords say a report summarises every body of its area, or speaks of
// its government's own level (本级): only the area's government reports so.
var scopeWords = []struct{ word, level string }{
	{"全区各级行政机关", "区"}, {"全区各行政机关", "区"}, {"全县各级行政机关", "县"}, {"全县各行政机关", "县"},
	{"全市各级行政机关", "市"}, {"全市各行政机关", "市"}, {"全省各级行政机关", "省"},
	{"区政府本级", "区"}, {"县政府本级", "县"}, {"市政府本级", "市"}, {"省政府本级", "省"}, {"本级政府", ""},
}

// subordinates are field offices whose parent organ is fixed by law: a
// report that says 我局 and speaks of its 司法所 is a 司法局's.
var subordinates = []struct{ office, organ string }{
	{"司法所", "司法局"}, {"派出所", "公安局"}, {"财政所", "财政局"},
	{"市场监管所", "市场监督管理局"}, {"税务所", "税务局"}, {"自然资源所", "自然资源局"},
}

// fieldOfficeOrgan names the organ whose field offices a text mentions,
// when exactly one kind of office is mentioned and the text calls itself a 局.
func fieldOfficeOrgan(norm string) string {
	if !strings.Contains(norm, "我局") && !strings.Contains(norm, "本局") {
		return ""
	}
	organ := ""
	for _, s := range subordinates {
		if strings.Contains(norm, s.office) {
			if organ != "" {
				return ""
			}
			organ = s.organ
		}
	}
	return organ
}

// supervisorWords follow a body merely mentioned as the one that leads,
// guides or instructs the reporter, or issues a document.
var supervisorWords = []string{"关于", "的领导", "的指导", "领导下", "指导下", "的要求", "的部署", "的统一", "印发", "转发", "的通知", "办公室关于"}

// bodyNames records the qualified organ names the body text uses, each
// occurrence by its context: a site, a contact, a supervisor, a document's
// issuer or an enumeration is a mention; any other use supports the name.
func (g *gatherer) bodyNames() {
	norm := g.norm
	for _, m := range organMentions(norm) {
		after := norm[m.end:]
		before := norm[:m.start]
		r, note := roleSupport, ""
		switch {
		case startsAny(after, hostWords):
			r, note = roleMention, "the host site"
			if reportHostContext(norm, m.start) {
				note = "the site the report is published on"
			}
		case startsAny(after, supervisorWords) || strings.HasSuffix(before, "《") || insideBook(norm, m.start):
			r, note = roleMention, "a supervising or issuing body"
		case m.listed:
			r, note = roleMention, "one of several bodies"
		case contactContext(norm, m.start):
			r, note = roleMention, "a contact line"
		}
		g.add(m.name, report.SourceBody, r, wBody, m.start, m.end, note)
		if note == "the site the report is published on" {
			g.ev[len(g.ev)-1].reportHost = true
		}
	}
}

// reportHostContext reports whether offset i sits in the sentence saying
// where the report itself can be read.
func reportHostContext(s string, i int) bool {
	start := max(strings.LastIndexAny(s[:i], "。\n"), 0)
	end := strings.IndexAny(s[i:], "。\n")
	if end < 0 {
		end = len(s) - i
	}
	sen := s[start : i+end]
	return containsAny(sen, []string{"本报告", "本年度报告", "年度报告", "本年报"}) &&
		containsAny(sen, []string{"下载", "查阅", "查询", "电子版"})
}

// insideBook reports whether offset i is inside 《…》 on its line.
func insideBook(s string, i int) bool {
	open := strings.LastIndex(s[:i], "《")
	if open < 0 {
		return false
	}
	close := strings.LastIndex(s[:i], "》")
	nl := strings.LastIndexByte(s[:i], '\n')
	return open > close && open > nl
}

// contactContext reports whether offset i sits in a contact sentence.
func contactContext(s string, i int) bool {
	start := max(strings.LastIndexAny(s[:i], "。\n"), 0)
	end := strings.IndexAny(s[i:], "。\n")
	if end < 0 {
		end = len(s) - i
	}
	sen := s[start : i+end]
	return containsAny(sen, []string{"联系", "咨询电话", "联系电话", "邮编", "地址"})
}

// joinedText is a text with the line breaks and spaces inside runs of Han
// characters removed ("由石景山区司法\n局编制", "由成都市住房和城乡建设 局"),
// with a map back to the offsets of the text it came from.
type joinedText struct {
	s    string
	gaps []int // sorted offsets in s where bytes were removed
	lens []int // cumulative bytes removed up to and including each gap
}

// orig maps an offset of s back to the text it came from.
func (j joinedText) orig(i int) int {
	removed := 0
	for k, g := range j.gaps {
		if g > i {
			break
		}
		removed = j.lens[k]
	}
	return i + removed
}

func squeezeHan(s string) joinedText {
	if !strings.ContainsAny(s, "\n ") {
		return joinedText{s: s}
	}
	var b strings.Builder
	b.Grow(len(s))
	var j joinedText
	removed := 0
	for i := 0; i < len(s); i++ {
		if (s[i] == '\n' || s[i] == ' ') && i > 0 {
			k := i
			for k < len(s) && (s[k] == '\n' || s[k] == ' ' || s[k] == '\r') {
				k++
			}
			if k < len(s) && k-i <= 2 {
				r1, _ := utf8.DecodeLastRuneInString(s[:i])
				r2, _ := utf8.DecodeRuneInString(s[k:])
				if unicode.Is(unicode.Han, r1) && unicode.Is(unicode.Han, r2) {
					removed += k - i
					j.gaps = append(j.gaps, b.Len())
					j.lens = append(j.lens, removed)
					i = k - 1
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	j.s = b.String()
	return j
}
