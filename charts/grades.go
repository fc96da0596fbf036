package charts

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// The report-quality views: the grades of report_quality (one row per
// preferred annual report: timeliness, completeness, consistency, copying
// and their plain mean, ranked in the peer group and year) on each agency
// page, on each source page, and as a ranking per peer group on the
// overview. Codes become words of labels; a measure that cannot be judged
// shows "—", never 0.

// gradeQuery is the named query of the grades.
const gradeQuery = "report_quality"

// consistencyQuery lists every check of a report, for its source page, read
// per batch of agencies.
const consistencyQuery = "consistency"

// repeatedQuery lists the sentences a report repeats, for its source page,
// read per batch of agencies.
const repeatedQuery = "repeated_sentences"

// grade is one row of report_quality.
type grade struct {
	Agency, Group, Report, Path         string
	Timeliness, Basis, Copy, Closest    string
	Year, DaysLate, ChecksFail          int
	Rank, PeerN                         int
	Completeness, Pass, Prev, ClosestSh *float64
	Original, Score                     *float64
	MissingParts, MissingRows           []string
	Stale, StaleKnown                   bool
}

func gradeOf(t *queries.Table, row []any) grade {
	g := grade{Agency: t.Str(row, "agency"), Group: t.Str(row, "peer_group"), Report: t.Str(row, "report_id"), Path: t.Str(row, "path"),
		Timeliness: t.Str(row, "timeliness_status"), Basis: t.Str(row, "deadline_basis"), Copy: t.Str(row, "copy_status"),
		Closest: t.Str(row, "closest_agency"), Year: t.Int(row, "year"), DaysLate: t.Int(row, "days_late"), ChecksFail: t.Int(row, "checks_fail"),
		Rank: t.Int(row, "quality_rank"), PeerN: t.Int(row, "peer_n"),
		Completeness: t.OptNum(row, "completeness"), Pass: t.OptNum(row, "pass_share"), Prev: t.OptNum(row, "prev_share"),
		ClosestSh: t.OptNum(row, "closest_share"), Original: t.OptNum(row, "original_share"), Score: t.OptNum(row, "quality_score"),
		MissingParts: t.List(row, "missing_parts"), MissingRows: t.List(row, "missing_rows"),
		Stale: t.Bool(row, "stale_figures"), StaleKnown: t.Value(row, "stale_figures") != nil}
	return g
}

// timelinessText is the verdict on the publication date, with the days
// late when late.
func (g grade) timelinessText() string {
	s := labels.Timeliness(g.Timeliness)
	if g.Timeliness == "late" {
		s += fmt.Sprintf("（逾期 %d 天）", g.DaysLate)
	}
	return s
}

// missingText names the missing parts and table rows, "" when none.
func (g grade) missingText() string {
	var parts []string
	if len(g.MissingParts) > 0 {
		parts = append(parts, "缺少部分："+words(g.MissingParts, labels.Part))
	}
	if len(g.MissingRows) > 0 {
		rows := g.MissingRows
		more := ""
		if len(rows) > 6 {
			rows, more = rows[:6], fmt.Sprintf(" 等 %d 行", len(g.MissingRows))
		}
		parts = append(parts, "缺少表格行："+words(rows, labels.FormRow)+more)
	}
	return strings.Join(parts, "；")
}

// copyBad says the report repeats another's text (copied, or shared with
// a peer whose date cannot settle who took whose).
func (g grade) copyBad() bool {
	switch g.Copy {
	case "copied_prev_and_peer", "copied_prev", "copied_peer", "shared_with_peer":
		return true
	}
	return false
}

func (g grade) closestText() string {
	if g.Closest == "" {
		return "—"
	}
	return displayName(g.Closest) + "（" + percent(g.ClosestSh) + "）"
}

func (g grade) staleText() string {
	switch {
	case !g.StaleKnown:
		return "—"
	case g.Stale:
		return "是"
	}
	return "否"
}

func (g grade) rankText() string {
	if g.Rank == 0 || g.Score == nil {
		return "—"
	}
	return strconv.Itoa(g.Rank) + " / " + strconv.Itoa(g.PeerN)
}

func words(codes []string, name func(string) string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = name(c)
	}
	return strings.Join(out, "、")
}

// gradeView is one report's grades on its agency's page.
type gradeView struct {
	Year                                                 int
	Timeliness, Basis, Completeness, Missing, Pass, Copy string
	Prev, Closest, Stale, Score, Rank, Source            string
	Late, CopyBad, StaleBad                              bool
}

func gradeViewOf(g grade, root string) gradeView {
	pass := percent(g.Pass)
	if g.ChecksFail > 0 {
		pass += fmt.Sprintf("（%d 项未通过）", g.ChecksFail)
	}
	return gradeView{Year: g.Year, Timeliness: g.timelinessText(), Basis: labels.DeadlineBasis(g.Basis), Completeness: percent(g.Completeness),
		Missing: g.missingText(), Pass: pass, Copy: labels.CopyStatus(g.Copy), Prev: percent(g.Prev), Closest: g.closestText(),
		Stale: g.staleText(), Score: percent(g.Score), Rank: g.rankText(), Source: sourceHref(root, g.Report, nil),
		Late: g.Timeliness == "late" || g.Timeliness == "before_period_end", CopyBad: g.copyBad(), StaleBad: g.Stale}
}

// gradeRank is one line of a peer group's quality ranking on the overview.
type gradeRank struct {
	Rank                                        int
	Agency, Href, Score, OnTime, Complete, Pass string
	Original, Source                            string
}

// gradeGroup is a peer group's quality ranking for a year.
type gradeGroup struct {
	Group string
	N     int
	Rows  []gradeRank
}

// gradeRanking ranks the graded reports of year within each peer group,
// the largest groups first: the rank is the query's, agencies kept out of
// comparisons are left out, and a report without a score is not ranked.
func (d *siteData) gradeRanking(year int) []gradeGroup {
	byGroup := map[string][]grade{}
	for _, g := range d.grades {
		if g.Year != year || g.Group == "" || g.Score == nil {
			continue
		}
		if a := d.byName[g.Agency]; a == nil || a.excluded != "" {
			continue
		}
		byGroup[g.Group] = append(byGroup[g.Group], g)
	}
	var out []gradeGroup
	for code, gs := range byGroup {
		sort.SliceStable(gs, func(i, j int) bool {
			if gs[i].Rank != gs[j].Rank {
				return gs[i].Rank < gs[j].Rank
			}
			return gs[i].Agency < gs[j].Agency
		})
		gg := gradeGroup{Group: labels.PeerGroup(code), N: len(gs)}
		for _, g := range gs[:min(topRanking, len(gs))] {
			onTime := labels.Timeliness(g.Timeliness)
			gg.Rows = append(gg.Rows, gradeRank{Rank: g.Rank, Agency: displayName(g.Agency), Href: agencyHref("", g.Agency), Score: percent(g.Score),
				OnTime: onTime, Complete: percent(g.Completeness), Pass: percent(g.Pass), Original: percent(g.Original),
				Source: sourceHref("", g.Report, nil)})
		}
		out = append(out, gg)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Group < out[j].Group
	})
	if len(out) > rankedGroups {
		out = out[:rankedGroups]
	}
	return out
}

// sourceGrades are a report's grades as its source page shows them: label
// and value pairs in Chinese, and the spans of the sentences it repeats
// ([start, end, how, title] with how "p" from last year, "o" from another
// agency, "b" both).
type sourceGrades struct {
	Rows     [][2]string `json:"rows"`
	Repeated [][4]any    `json:"repeated"`
	// Checks are the report's findings as sentences ([kind, status,
	// sentence]): every check that did not pass, and the prose figures
	// the tables confirm; Summary counts them all by kind.
	Checks  [][3]string `json:"checks"`
	Summary string      `json:"summary"`
}

// checkRow is one row of the consistency query.
type checkRow struct {
	kind string
	c    report.Check
}

// addChecks lists a report's checks on its source page.
func (s *sourceGrades) addChecks(rows []checkRow) {
	type count struct{ pass, fail, na int }
	var kinds []string
	counts := map[string]*count{}
	for _, r := range rows {
		n := counts[r.kind]
		if n == nil {
			n = &count{}
			counts[r.kind] = n
			kinds = append(kinds, r.kind)
		}
		switch r.c.Status {
		case report.Pass:
			n.pass++
		case report.NotAssessable:
			n.na++
		default:
			n.fail++
		}
		if r.c.Status != report.Pass || r.kind == "prose_table" {
			s.Checks = append(s.Checks, [3]string{labels.CheckKind(r.kind), labels.Status(string(r.c.Status)), labels.Check(r.c)})
		}
	}
	var parts []string
	for _, k := range kinds {
		n := counts[k]
		parts = append(parts, fmt.Sprintf("%s：通过 %d 项，未通过 %d 项，无法核验 %d 项", labels.CheckKind(k), n.pass, n.fail, n.na))
	}
	s.Summary = strings.Join(parts, "；")
}

func sourceGradesOf(g grade, reps []repeated) *sourceGrades {
	if g.Report == "" {
		return &sourceGrades{} // not graded: its checks only
	}
	s := &sourceGrades{Rows: [][2]string{
		{"发布时效", g.timelinessText()},
		{"期限依据", labels.DeadlineBasis(g.Basis)},
		{"完整度", percent(g.Completeness)},
	}}
	if m := g.missingText(); m != "" {
		s.Rows = append(s.Rows, [2]string{"缺少的内容", m})
	}
	s.Rows = append(s.Rows,
		[2]string{"核验通过比例", percent(g.Pass)},
		[2]string{"雷同情况", labels.CopyStatus(g.Copy)},
		[2]string{"与本机关上年报告重复的句子", percent(g.Prev)},
		[2]string{"最相近的同类机关", g.closestText()},
		[2]string{"数字与上年完全相同", g.staleText()},
		[2]string{"质量得分", percent(g.Score)},
		[2]string{"同类组内排名", g.rankText()})
	for _, r := range reps {
		how, title := "p", "与本机关上年报告相同的句子"
		switch {
		case r.prev && r.peer:
			how, title = "b", "与本机关上年报告和"+displayName(r.peerAgency)+"的报告都相同的句子"
		case r.peer:
			how, title = "o", "与"+displayName(r.peerAgency)+"的报告相同的句子"
		}
		s.Repeated = append(s.Repeated, [4]any{r.start, r.end, how, title})
	}
	return s
}

// repeated is one sentence of repeated_sentences.
type repeated struct {
	start, end int
	prev, peer bool
	peerAgency string
}
