package legacy

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/table"
)

// Sections of the table; some indicators mean different things in each.
const (
	secNone       = ""
	secReview     = "review"
	secLitigation = "litigation"
)

// indicator maps one indicator label (folded by table.Canon) to its key. A
// key starting with "." is completed by the section: ".upheld" is
// review.upheld under 行政复议 and litigation.upheld under 行政诉讼.
type indicator struct {
	re    *regexp.Regexp
	key   string
	money bool   // the figure is money, stored in 万元
	lit   string // the literal start every match has, tried before re
}

var indicators = []indicator{
	{re: regexp.MustCompile(`^主动公开政府信息(总)?数`), key: "proactive.total"},
	{re: regexp.MustCompile(`^主动公开规范性文件数`), key: "legacy.normative_disclosed"},
	{re: regexp.MustCompile(`^制发规范性文件总?数`), key: "legacy.normative_issued"},
	{re: regexp.MustCompile(`^政府公报(公开政府信息数)?$`), key: "proactive.gazette"},
	{re: regexp.MustCompile(`^政府网站(公开政府信息数)?$`), key: "proactive.website"},
	{re: regexp.MustCompile(`^政务微博(公开政府信息数)?$`), key: "proactive.weibo"},
	{re: regexp.MustCompile(`^政务微信(公开政府信息数)?$`), key: "proactive.wechat"},
	{re: regexp.MustCompile(`^其他方式(公开政府信息数)?$`), key: "proactive.other_channels"},
	{re: regexp.MustCompile(`^回应公众关注热点或重大舆情数`), key: "response.hot_topics"},
	{re: regexp.MustCompile(`^参加或举办新闻发布会总次数`), key: "response.press_conferences"},
	{re: regexp.MustCompile(`^政府网站在线访谈次数`), key: "response.online_interviews"},
	{re: regexp.MustCompile(`^政策解读稿件发布数`), key: "proactive.interpretations"},
	{re: regexp.MustCompile(`^微博微信回应事件数`), key: "response.weibo_wechat"},
	{re: regexp.MustCompile(`^收到申请(总)?数`), key: "apps_new.total"},
	{re: regexp.MustCompile(`^当面(申请)?数?$`), key: "apps_channel.in_person"},
	{re: regexp.MustCompile(`^传真(申请)?数?$`), key: "apps_channel.fax"},
	{re: regexp.MustCompile(`^网络(申请)?数?$`), key: "apps_channel.online"},
	{re: regexp.MustCompile(`^信函(申请)?数?$`), key: "apps_channel.mail"},
	{re: regexp.MustCompile(`^申请办结(总)?数`), key: "apps_closed.total"},
	{re: regexp.MustCompile(`^按时办结数`), key: "apps_closed.on_time"},
	{re: regexp.MustCompile(`^延期办结数`), key: "apps_closed.extended"},
	{re: regexp.MustCompile(`^申请答复(总)?数`), key: "outcome_total.total"},
	{re: regexp.MustCompile(`^属于已主动公开范围数`), key: "reply.already_public"},
	{re: regexp.MustCompile(`^同意公开答复数`), key: "granted.total"},
	{re: regexp.MustCompile(`^同意部分公开答复数`), key: "partial.total"},
	{re: regexp.MustCompile(`^不同意公开答复(总)?数`), key: "denied.total"},
	{re: regexp.MustCompile(`^涉及国家秘密(数)?$`), key: "denied_state_secret.total"},
	{re: regexp.MustCompile(`^涉及商业秘密(数)?$`), key: "denied_commercial_secret.total"},
	{re: regexp.MustCompile(`^涉及个人隐私(数)?$`), key: "denied_privacy.total"},
	{re: regexp.MustCompile(`^危及国家安全、?公共安全、?经济安全和社会稳定(数)?$`), key: "denied_safety.total"},
	{re: regexp.MustCompile(`^不是《?条例》?所指政府信息(数)?$`), key: "denied_not_gov_info.total"},
	{re: regexp.MustCompile(`^法律法规规定的其他情形(数)?$`), key: "denied_law.total"},
	{re: regexp.MustCompile(`^不属于本行政机关公开数`), key: "reply.not_this_agency"},
	{re: regexp.MustCompile(`^申请信息不存在数`), key: "reply.not_exist"},
	{re: regexp.MustCompile(`^告知作出更改补充数`), key: "reply.ask_amend"},
	{re: regexp.MustCompile(`^告知通过其他途径办理数`), key: "reply.other_channel"},
	{re: regexp.MustCompile(`^行政复议数量?$`), key: "review.total"},
	{re: regexp.MustCompile(`^行政诉讼数量?$`), key: "litigation.total"},
	{re: regexp.MustCompile(`^维持具体行政行为(或者?驳回原告诉讼请求)?数`), key: ".upheld"},
	{re: regexp.MustCompile(`^被依法纠错数`), key: ".corrected"},
	{re: regexp.MustCompile(`^其他情形数`), key: ".other"},
	{re: regexp.MustCompile(`^举报投诉数量?$`), key: "complaints.total"},
	{re: regexp.MustCompile(`^依申请公开信息收取的费用`), key: "fees.collected", money: true},
	{re: regexp.MustCompile(`^政府信息公开工作专门机构数`), key: "staff.units"},
	{re: regexp.MustCompile(`^设置政府信息公开查阅点数`), key: "staff.reading_points"},
	{re: regexp.MustCompile(`^从事政府信息公开工作人员(总)?数`), key: "staff.total"},
	{re: regexp.MustCompile(`^专职人员数`), key: "staff.fulltime"},
	{re: regexp.MustCompile(`^兼职人员数`), key: "staff.parttime"},
	{re: regexp.MustCompile(`^政府信息公开专项经费`), key: "budget.special", money: true},
	{re: regexp.MustCompile(`^召开政府信息公开工作会议或专题会议数`), key: "meetings.total"},
	{re: regexp.MustCompile(`^举办各类培训班数`), key: "trainings.total"},
	{re: regexp.MustCompile(`^接受培训人员数`), key: "trainees.total"},
}

// unitRE matches a unit cell of the table's 单位 column.
var unitRE = regexp.MustCompile(`^[条件个次人篇项元万期场份封宗起家/、]{1,4}$`)

// minRows is how many indicators must carry a figure before the cells are
// taken as a legacy table: a few matching cells could be a stray list.
const minRows = 3

// Read finds the legacy table's cells.
func Read(t *normalize.Text, toks []table.Token) []table.Cell {
	var cells []table.Cell
	seen := map[string]bool{}
	section := secNone
	for i := 0; i < len(toks); i++ {
		if toks[i].IsValue {
			continue
		}
		c := toks[i].Canon
		if len(c) > 120 {
			continue // a sentence, not an indicator cell
		}
		switch {
		case strings.HasPrefix(c, "行政复议"):
			section = secReview
		case strings.HasPrefix(c, "行政诉讼"):
			section = secLitigation
		case strings.HasPrefix(c, "举报投诉") || strings.HasPrefix(c, "依申请公开") || strings.HasPrefix(c, "机构建设"):
			section = secNone
		}
		ind, ok := match(c)
		if !ok {
			continue
		}
		key := ind.key
		if strings.HasPrefix(key, ".") {
			if section == secNone {
				continue
			}
			key = section + key
		}
		if seen[key] {
			continue
		}
		j, unit := i, ""
		if j+1 < len(toks) && unitRE.MatchString(toks[j+1].Canon) {
			j++
			unit = toks[j].Canon
		}
		run := table.ValuesAfter(toks, j, 1)
		if run.Usable(1) == 0 {
			continue
		}
		v := run.Cells[0].Value
		if v.Unit != "" {
			unit = v.Unit
		}
		cell := table.Cell{Key: key, Table: "legacy", Row: table.Quote(t, toks[i]), Col: unit,
			Tok: &run.Cells[0], Value: v}
		if ind.money && v.IsNumber() {
			cell.Value.Number = table.InWan(v.Number, unit)
			cell.Unit = unit
		}
		seen[key] = true
		if cells == nil {
			// Each indicator gives at most one cell; most reports have no
			// legacy table, so nothing is allocated before the first.
			cells = make([]table.Cell, 0, len(indicators))
		}
		cells = append(cells, cell)
		i = j + 1
	}
	if len(cells) < minRows {
		return nil
	}
	return cells
}

// byFirst indexes the indicators by the first character of their label,
// so a cell is tried only against the few that could match it.
var byFirst = func() map[rune][]indicator {
	m := map[rune][]indicator{}
	for _, ind := range indicators {
		ind.lit = literalStart(ind.re.String())
		r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(ind.re.String(), "^"))
		m[r] = append(m[r], ind)
	}
	return m
}()

// literalStart returns the plain text an anchored pattern starts with: the
// runes after ^ up to the first operator, less the last one when the
// operator makes it optional ("^行政复议数量?$" starts with "行政复议数").
func literalStart(pattern string) string {
	p := strings.TrimPrefix(pattern, "^")
	end := 0
	for i, r := range p {
		switch r {
		case '?', '*', '{':
			_, n := utf8.DecodeLastRuneInString(p[:i])
			return p[:i-n]
		case '(', ')', '[', ']', '|', '$', '.', '+', '\\', '^':
			return p[:i]
		}
		end = i + utf8.RuneLen(r)
	}
	return p[:end]
}

// match finds the indicator a label cell names. Most labels share no
// indicator's literal start, and are rejected without running a regexp;
// the verdict on those that do is remembered (see matched).
func match(c string) (indicator, bool) {
	r, _ := utf8.DecodeRuneInString(c)
	cands := byFirst[r]
	candidate := false
	for _, ind := range cands {
		if strings.HasPrefix(c, ind.lit) {
			candidate = true
			break
		}
	}
	if !candidate {
		return indicator{}, false
	}
	k := -1
	if v, ok := matched.Load(c); ok {
		k = v.(int)
	} else {
		for j, ind := range cands {
			if strings.HasPrefix(c, ind.lit) && ind.re.MatchString(c) {
				k = j
				break
			}
		}
		if matchedLen.Load() < maxMatched {
			// A copy: c may be a slice of a whole report's text.
			matched.Store(strings.Clone(c), k)
			matchedLen.Add(1)
		}
	}
	if k < 0 {
		return indicator{}, false
	}
	return cands[k], true
}

// matched maps label cells that start like an indicator to the index of the
// indicator in their byFirst list that matched, or -1. The same template
// labels recur in every legacy report, and a lookup costs far less than the
// patterns; the map is safe for the parallel workers of a batch, and stops
// growing at maxMatched labels so odd labels cannot fill memory.
var (
	matched    sync.Map
	matchedLen atomic.Int32
)

const maxMatched = 1 << 14
