package prose

import "strings"

// proactive reads a count of items published: the agency-wide total, one
// channel's count, or nothing when it counts one kind of item.
func (r *reader) proactive(fi int) {
	f := &r.frames[fi]
	m := f.m
	if m.class != uItem && !m.unitless {
		return
	}
	// The verb of disclosure: an act inside a list of kinds of item
	// ("建议提案办理") is a noun's, not the figure's.
	hasAct := false
	r.back(f, func(_ int, t token) bool {
		if t.kind == kAct && (t.val == aPublish || t.val == aSubmit || t.val == aCompile || t.val == aMake) {
			f.act, hasAct = t.val, true
			return false
		}
		return true
	})
	if !hasAct {
		if a, ok := r.nearest(f, kAct); ok {
			f.act, hasAct = a.val, true
		}
	}
	if hasAct {
	} else if p := r.prevFrame(fi); p != nil && (p.dom == dProactive || p.dom == dInterp) {
		f.act = p.act // a list under one verb: "其中网站128条,政务微信698条"
	} else if r.inBreakdown(fi) {
		f.act = aPublish
	}
	if obj, ok := r.nearest(f, kObject); ok {
		f.obj = obj.val
		if obj.val == oTopic {
			f.obj = oCategory
		}
		if obj.val == oInfo && r.oneKind(f, obj) {
			f.obj = oCategory // "财政预决算信息15条": one kind of information
		}
	} else if obj, ok := r.firstAfter(f, kObject); ok {
		f.obj = obj.val // "主动公开2286条政务信息"
	} else if p := r.prevFrame(fi); p != nil && p.obj != 0 && f.depth == p.depth {
		f.obj = p.obj // "制发公文707件,主动公开673件"
	}
	if f.obj == oTopic {
		f.obj = oCategory
	}
	if f.obj == oInterp {
		r.interpretation(fi)
		return
	}
	switch f.act {
	case aPublish, aCompile:
	default:
		return // sent to another body's platform, made, not published
	}
	if r.body(f) || r.has(f, kMark, mCompare) || r.has(f, kMark, mShare) {
		return
	}
	if r.cumulative(f) {
		f.cumul = true
		return
	}
	if m.ranged {
		r.x.ambiguous(r.s, "", "readings", "区间不是数量")
		return
	}
	if r.splitsAttr(fi) {
		return // "共公开政府信息800条,其中主动公开700条,依申请公开100条": 主动公开 is listed
	}
	chans, nch := r.channels(f)
	if nch == 0 {
		var sibling bool
		chans, nch, sibling = r.inheritChannels(fi)
		if sibling {
			return // another part of a channel's output counted before
		}
	}
	if f.act == aCompile && nch == 0 && r.sentenceHas(kChannel, cGazette) {
		chans, nch = chanBit(cGazette), 1 // "办好公报,…汇集文件398份"
	}
	breakdown := r.inBreakdown(fi)
	key := ""
	switch f.obj {
	case oDecision, oAttr:
		return
	case oRule, oNormative, oDoc, oCategory, oInterp:
		// One kind of item: a part of what was published, not a channel's
		// whole count ("在网站公开规章13件", "更新工作动态62篇").
		switch {
		case chans == chanBit(cGazette):
			key = "proactive.gazette"
		case f.obj == oNormative && breakdown && r.x.legacyYear():
			key = "legacy.normative_disclosed"
		case nch == 1 && r.channelList(fi) && chans&keyedChannels != 0:
			key = channelKey(chans)
		}
		if key == "" {
			return
		}
	default:
		switch {
		case breakdown:
			if nch == 1 {
				key = channelKey(chans)
			} else if nch == 0 && r.x.gov && f.scope == sOwn && r.areaHead(fi) && !m.cn && r.generalTotal(f) {
				// "全区…共主动公开政府信息6800余条,其中区政府本级主动公开政府信息
				// 1260条": in a government's report not a part of the area's
				// figure by kind but its own scope; resolve picks between the
				// two (a department's system figure stays its total).
				key = "proactive.total"
			}
		case nch == 0:
			if m.cn || f.act == aCompile || !r.generalTotal(f) {
				return
			}
			key = "proactive.total"
		case chans&chanBit(cWebsite) != 0 && nch > 1, chans&chanBit(cCatalogue) != 0 && nch > 1:
			key = "proactive.total"
		case chans == chanBit(cCatalogue):
			if r.otherChannelCounts(fi) {
				return // one column of several, each with its count
			}
			key = "proactive.total"
		case chans&^mediaChannels == 0 && (nch > 1 || chans == chanBit(cNewMedia)):
			key = "proactive.new_media"
		case nch == 1:
			key = channelKey(chans)
		}
	}
	if key == "" {
		return
	}
	if m.unitless {
		r.x.ambiguous(r.s, key, "unit", "数字后缺少单位")
		return
	}
	f.head = key == "proactive.total" || strings.HasPrefix(key, "proactive.") && !breakdown
	r.store(f, key, ruleFor(key))
}

// areaHead reports whether the figure f breaks down was said of the whole
// area (全区, 各部门…): a 本级 figure under it is a scope of its own.
func (r *reader) areaHead(fi int) bool {
	f := &r.frames[fi]
	head := f.parent
	if head < 0 {
		head = r.breakHead
	}
	if head < 0 {
		return false
	}
	h := &r.frames[head]
	return h.key == "proactive.total" && (h.scope == sArea || h.scope == sBodies)
}

// oneKind reports whether the information a figure counts is qualified by
// a topic after its verb ("财政预决算信息", "重点领域信息") and is not the
// last item of a list of kinds ("部门动态及科普、便民信息", "机构职能、…等信息"),
// which together make up what was published.
func (r *reader) oneKind(f *frame, obj token) bool {
	qualified, list := false, false
	r.back(f, func(i int, t token) bool {
		if t.end > obj.start {
			return true // the object itself, or what follows it
		}
		if t.kind == kObject && t.val == oTopic || t.kind == kFee || t.kind == kBody && !r.x.ownName(r.s.text[t.start:t.end]) {
			qualified = true // "公开财政资金直达基层信息8条"
		}
		switch {
		case t.kind == kList, t.kind == kMark && (t.val == mJoin || t.val == mEtc):
			list = true
		case t.kind == kAct && t.start < obj.start, t.kind == kScope:
			return false // the object phrase starts after the verb or the subject
		}
		return true
	})
	return qualified && !list
}

// splitsAttr reports whether a figure is broken down (其中…) by disclosure
// attribute: 主动公开, 依申请公开, 不予公开. Then it is the items made or
// published in any way, and the 主动公开 part is the proactive total.
func (r *reader) splitsAttr(fi int) bool {
	f := &r.frames[fi]
	brk := false
	for i := f.tok + 1; i < len(r.toks); i++ {
		t := r.toks[i]
		switch {
		case t.kind == kMark && t.val == mBreakdown:
			brk = true
		case brk && t.kind == kObject && (t.val == oAttr || strings.HasPrefix(r.s.text[t.start:], "依申请")):
			return true
		case t.kind == kNum && !brk:
			return false
		}
	}
	return false
}

// generalTotal reports whether a count with no channel names information
// in general, with the verb of disclosure: "主动公开政府信息671条",
// "公开信息320余条", "主动公开673件" (the object said before).
func (r *reader) generalTotal(f *frame) bool {
	if f.obj == oInfo {
		return true
	}
	if f.obj != 0 {
		return false
	}
	act, ok := r.nearest(f, kAct)
	return ok && act.val == aPublish && strings.HasPrefix(r.s.text[act.start:], "主动")
}

// cumulative reports whether a proactive count is a running total since the
// start of disclosure rather than the year's: 累计, 历年 or 截至 without a
// year cue (年内累计, 全年累计, 自…1月1日).
func (r *reader) cumulative(f *frame) bool {
	cum, until := false, false
	r.back(f, func(_ int, t token) bool {
		if t.kind == kMark && t.val == mCumul {
			cum = true
		}
		return true
	})
	for _, t := range r.toks[:f.tok] {
		if t.kind == kMark && t.val == mUntil {
			until = true // "截至2023年12月31日,累计…": the date in a clause before
		}
	}
	if !cum {
		return false
	}
	if r.has(f, kMark, mNew) {
		return false
	}
	for _, t := range r.toks[:f.tok] {
		if t.kind == kMark && t.val == mYear {
			return false
		}
	}
	if yearStart(r.s.text) {
		return false
	}
	if until {
		r.x.ambiguous(r.s, "proactive.total", "readings", "截至某日的累计数，可能不是本年数")
	}
	return true
}

// yearStart reports whether a sentence counts from the year's first day:
// "自2016年1月1日".
func yearStart(s string) bool {
	i := strings.Index(s, "年1月1日")
	if i < 0 {
		i = strings.Index(s, "年 1 月 1 日")
	}
	return i >= 4 && isDigits(s[i-4:i])
}

// Channel sets.
type chanSet uint16

func chanBit(c uint8) chanSet { return 1 << c }

var (
	mediaChannels = chanBit(cWeibo) | chanBit(cWechat) | chanBit(cNewMedia) | chanBit(cPlatform)
	keyedChannels = chanBit(cWebsite) | chanBit(cWeibo) | chanBit(cWechat) | chanBit(cNewMedia) | chanBit(cGazette)
)

// channelKey is the key of a single channel.
func channelKey(c chanSet) string {
	switch c {
	case chanBit(cWebsite):
		return "proactive.website"
	case chanBit(cWeibo):
		return "proactive.weibo"
	case chanBit(cWechat):
		return "proactive.wechat"
	case chanBit(cNewMedia):
		return "proactive.new_media"
	case chanBit(cGazette):
		return "proactive.gazette"
	}
	return ""
}

// inheritChannels finds the channel of a count whose own words name none:
// the channel of the figure before it in the sentence when that one counts
// something else ("公众号订阅1900余人次,发布876篇信息"), or the channel an
// earlier clause introduces ("将…渠道延伸至…微信公众平台,…发布信息250条").
// When the figure before counted what the same channel published, this one
// is a sibling part ("在网站上更新工作动态62篇,…内容更新12篇").
func (r *reader) inheritChannels(fi int) (chanSet, int, bool) {
	f := &r.frames[fi]
	if p := r.prevFrame(fi); p != nil && !r.has(f, kMark, mTotal) {
		// ("门户网站总访问量12763次,共公开各类信息1236余条": 共 says the
		// agency's total, whatever the figure before counted.)
		c, n := r.channels(p)
		if n == 0 {
			return 0, 0, false
		}
		if p.dom == dProactive && (p.act == aPublish || p.act == aCompile) {
			return 0, 0, n == 1 && p.key == ""
		}
		return c, n, false
	}
	// Clauses without a figure before this one: a channel after 通过, 在…
	var set chanSet
	via := false
	for i := f.tok - 1; i >= 0; i-- {
		t := r.toks[i]
		if t.kind == kNum {
			break
		}
		if t.kind == kChannel {
			set |= chanBit(t.val)
		}
		if t.kind == kVia && set != 0 {
			via = true
		}
		if t.kind == kComma && via {
			break
		}
	}
	if !via {
		return 0, 0, false
	}
	n := 0
	for c := set; c != 0; c &= c - 1 {
		n++
	}
	return set, n, false
}

// channels returns the channels the words of f name, and how many.
func (r *reader) channels(f *frame) (chanSet, int) {
	var set chanSet
	platforms := 0
	r.back(f, func(i int, t token) bool {
		if t.kind == kChannel && !r.columnOfSite(i) && !r.accountOfSite(i) {
			set |= chanBit(t.val)
			if t.val == cPlatform {
				platforms++
			}
		}
		if t.kind == kMark && t.val == mCN && quotedPortal(r.s.text, t.start) {
			set |= chanBit(cWebsite) // "中国上海": a portal named by its place
		}
		return true
	})
	if platforms > 1 {
		set |= chanBit(cNewMedia) // "抖音、今日头条、视频号": new media together
	}
	n := 0
	for c := set; c != 0; c &= c - 1 {
		n++
	}
	return set, n
}

// columnOfSite reports whether token i, a catalogue or column, names a part
// of the website named right before it ("门户网站政府信息公开专栏").
//
// The column may be named for a part of the body the site serves
// ("区政府门户网站震泽镇信息公开专栏", "网站街道信息公开专栏"): a few
// characters between them that join nothing (no 和, 及, 与, 、, 或 nor
// punctuation) still make it the site's column.
func (r *reader) columnOfSite(i int) bool {
	if i == 0 || r.toks[i].kind != kChannel || r.toks[i].val != cCatalogue ||
		r.toks[i-1].kind != kChannel || r.toks[i-1].val != cWebsite {
		return false
	}
	gap := r.s.text[r.toks[i-1].end:r.toks[i].start]
	return gap == "" || len(gap) <= maxColumnOwner && !strings.ContainsAny(gap, columnJoiners)
}

// maxColumnOwner bounds the name between a site and its column, in bytes:
// six Han characters ("震泽镇", "街道", "区司法局").
const maxColumnOwner = 6 * 3

// columnJoiners are the characters that make a site and a column named
// after it two channels ("门户网站和政务公开专栏"), or end the phrase.
const columnJoiners = "和及与、或以并,，;；:：。 \"“”"

// accountOfSite reports whether token i, a website, names the account the
// channel right after it belongs to ("中国政府网微信公众号", "新疆政府网微博"):
// the figure is the account's.
func (r *reader) accountOfSite(i int) bool {
	if i+1 >= len(r.toks) || r.toks[i].kind != kChannel || r.toks[i].val != cWebsite {
		return false
	}
	n := r.toks[i+1]
	return n.kind == kChannel && n.start == r.toks[i].end && (n.val == cWeibo || n.val == cWechat || n.val == cPlatform)
}

// quotedPortal reports whether 中国 at i opens a quoted portal name.
func quotedPortal(s string, i int) bool {
	for _, q := range []string{"“", "\"", "‘", "'", "《"} {
		if strings.HasSuffix(s[:i], q) {
			return true
		}
	}
	return false
}

// channelList reports whether the sentence lists channels each with its
// own count ("官网发布政务信息235条、微信公众号推送…225条、微博推送…28条"):
// then even a count of one kind of item stands for its channel.
func (r *reader) channelList(fi int) bool {
	seen := chanSet(0)
	n := 0
	for i := range r.frames {
		g := &r.frames[i]
		if g.depth != 0 {
			continue
		}
		c, k := r.channels(g)
		if k == 1 && c&seen == 0 {
			seen |= c
			n++
		} else if k == 1 {
			return false // one channel counted twice: its parts
		}
	}
	return n >= 2
}

// otherChannelCounts reports whether another figure of the sentence counts
// a channel of its own.
func (r *reader) otherChannelCounts(fi int) bool {
	for i := range r.frames {
		if i == fi {
			continue
		}
		if c, k := r.channels(&r.frames[i]); k > 0 && c != chanBit(cCatalogue) {
			return true
		}
	}
	return false
}

// interpretation reads the count of policy interpretations published.
func (r *reader) interpretation(fi int) {
	f := &r.frames[fi]
	m := f.m
	if m.class != uItem && !(m.class == uPlace && m.unit == "个" && !f.after) {
		return // "解读19次" counts events, not interpretations
	}
	if r.has(f, kMark, mCompare) || r.has(f, kBody, 0) || r.cumulative(f) {
		return
	}
	// "文件及政策解读519篇" counts files and interpretations together.
	joined, sawInterp := false, false
	r.back(f, func(_ int, t token) bool {
		switch {
		case t.kind == kObject && t.val == oInterp:
			sawInterp = true
		case sawInterp && t.kind == kMark && t.val == mJoin:
			joined = true
		case sawInterp && t.kind == kObject && !joined:
			return false
		case joined && t.kind == kObject && t.val != oInterp:
			return false
		}
		return true
	})
	if joined {
		other := false
		r.back(f, func(_ int, t token) bool {
			if t.kind == kObject && (t.val == oDoc || t.val == oCategory || t.val == oInfo || t.val == oNormative || t.val == oRule) {
				other = true
			}
			return true
		})
		if other {
			return
		}
	}
	f.act = aPublish
	f.obj = oInterp
	r.store(f, "proactive.interpretations", ruleInterpretations)
}
