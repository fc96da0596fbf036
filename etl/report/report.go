package report

import (
	"cmp"
	"slices"
)

// Form is the layout family a report follows.
type Form string

// The forms of the exchange format.
const (
	FormTable2021 Form = "table2021"
	FormTable2019 Form = "table2019"
	FormLegacy    Form = "legacy"
	FormNarrative Form = "narrative"
)

// Period is the span a report covers.
type Period string

// The periods of the exchange format.
const (
	PeriodYear Period = "year"
	PeriodH1   Period = "h1"
)

// ParserVersion changes whenever extraction rules change, so stored reports
// can be re-parsed when their figures could differ.
const ParserVersion = "0.2.0"

// ValueKind says what a printed cell or phrase holds. Blank is not zero: only
// KindNumber carries a figure; the other kinds are stored with their meaning.
type ValueKind string

// The kinds of a printed value.
const (
	KindNumber        ValueKind = "number"
	KindEmpty         ValueKind = "empty"          // an empty cell, "-", "—"
	KindNotApplicable ValueKind = "not_applicable" // "/", "无", "不适用"
)

// Provenance says where a figure came from, so a researcher can check it.
type Provenance struct {
	Source string `json:"source"`          // "table" or "prose"
	Table  string `json:"table,omitempty"` // "article20", "applications", "review", "legacy"
	Row    string `json:"row,omitempty"`   // the row label as printed
	Col    string `json:"col,omitempty"`   // the column label as printed
	Text   string `json:"text"`            // the sentence or cell text, as in the original
	Start  int    `json:"start"`           // byte offset of Text in the document's original text
	End    int    `json:"end"`             // byte offset just past Text
	Rule   string `json:"rule,omitempty"`  // the prose rule or table mechanism that read the figure
	Unit   string `json:"unit,omitempty"`  // the unit as printed (e.g. "元") when converted
	Note   string `json:"note,omitempty"`  // how the reading was settled, e.g. the identities that fixed a glued cell
}

// Metric is one figure of a report under a key of spec/metrics.tsv.
type Metric struct {
	Key    string     `json:"key"`
	Kind   ValueKind  `json:"kind"`
	Value  float64    `json:"value"` // meaningful only when Kind is KindNumber
	Approx bool       `json:"approx,omitempty"`
	Prov   Provenance `json:"provenance"`
}

// IsNumber reports whether the metric carries a figure.
func (m Metric) IsNumber() bool { return m.Kind == KindNumber }

// CheckStatus is the outcome of one accounting identity.
type CheckStatus string

// The outcomes of a check. NotAssessable means a needed cell is blank or missing.
const (
	Pass          CheckStatus = "PASS"
	Fail          CheckStatus = "FAIL"
	NotAssessable CheckStatus = "NOT_ASSESSABLE"
)

// Check is one accounting identity evaluated on a report.
type Check struct {
	Rule     string      `json:"rule"`            // e.g. "I1.flow", "I3.rowsum"
	Scope    string      `json:"scope,omitempty"` // the column or row it was applied to
	Expected *float64    `json:"expected"`
	Actual   *float64    `json:"actual"`
	Status   CheckStatus `json:"status"`
	Detail   string      `json:"detail,omitempty"`
}

// Identity is who published a report and for which period, with the
// evidence the decision was made on.
type Identity struct {
	Agency    string `json:"agency"`          // canonical full name; "" when the evidence does not settle it
	Level     string `json:"level,omitempty"` // province, city, county, township
	Province  string `json:"province,omitempty"`
	City      string `json:"city,omitempty"`
	Year      int    `json:"year"`
	Period    Period `json:"period"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD when shown

	// AgencySource is where the chosen name came from (an EvidenceSource),
	// SourceOperator when a manifest or sidecar named it.
	AgencySource EvidenceSource `json:"agency_source,omitempty"`
	// AgencyAliases are the other spellings the report prints for the
	// chosen body (临夏州, 住建局, a renamed place): they join its years.
	AgencyAliases []string `json:"agency_aliases,omitempty"`
	// AgencyIncomplete marks a printed name whose parents the text and the
	// divisions data leave open (a township name found in several counties).
	AgencyIncomplete bool `json:"agency_incomplete,omitempty"`
	// AgencyNote says why no agency was chosen, or how it was settled.
	AgencyNote string `json:"agency_note,omitempty"`
	// YearSource is where the year came from; YearInferred marks a year
	// taken from the publication date (a report for Y appears in Y+1).
	YearSource   EvidenceSource `json:"year_source,omitempty"`
	YearInferred bool           `json:"year_inferred,omitempty"`
	// URL and Title are the page address and title an operator or the
	// page's own meta tags supplied.
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
	// Candidates are every name the evidence offered for the reporting
	// body, best first, the chosen one included.
	Candidates []Candidate `json:"candidates,omitempty"`
}

// EvidenceSource names where a piece of identifying evidence was found.
// The codes stay in the database and the exchange format.
type EvidenceSource string

// The sources of identifying evidence.
const (
	SourceOperator   EvidenceSource = "operator"    // a manifest row or a sidecar file
	SourceTitle      EvidenceSource = "title"       // the title line of the text
	SourceTitleLine  EvidenceSource = "title_line"  // the line above or below the title
	SourceMetaTitle  EvidenceSource = "meta_title"  // ArticleTitle, <title>, or an operator's title
	SourceSiteName   EvidenceSource = "site_name"   // SiteName meta tag: the host site
	SourceMetaSource EvidenceSource = "meta_source" // ContentSource meta tag
	SourceField      EvidenceSource = "field"       // a header field: 发布机构, 发文机关, 来源
	SourceAuthor     EvidenceSource = "author"      // 由…编制, 本报告由…
	SourceOpening    EvidenceSource = "opening"     // the subject of the opening sentence
	SourceSignature  EvidenceSource = "signature"   // the signature block
	SourceCompiled   EvidenceSource = "compiled"    // the government whose bodies' reports it compiles
	SourceBody       EvidenceSource = "body"        // a name the body text uses
	SourceSelf       EvidenceSource = "self"        // a self-reference: 我局, 本机关, 区司法局
	SourceMention    EvidenceSource = "mention"     // a body merely mentioned: contact, host site, supervisor
	SourcePeriod     EvidenceSource = "period"      // the statistics period
	SourcePublished  EvidenceSource = "published"   // the publication date
	SourceURL        EvidenceSource = "url"         // a date in the page address
	// SourceUnknown is the year source of a report whose year nothing
	// gives: its Year is 0, the exchange format prints it as null, and
	// ingest and load refuse to store it until an operator supplies one.
	SourceUnknown EvidenceSource = "unknown"
)

// Candidate is one name the evidence offered for the reporting body.
type Candidate struct {
	Name    string         `json:"name"`              // canonical full name, or the printed one when it has none
	Printed string         `json:"printed,omitempty"` // as printed, when different
	Source  EvidenceSource `json:"source"`
	Score   float64        `json:"score"` // the weight it added to its body; 0 for a mention
	Start   int            `json:"start"` // byte span in the original text; -1 outside it (meta tags, operator)
	End     int            `json:"end"`
	Note    string         `json:"note,omitempty"` // why it was not chosen: unqualified, host site, contact line…
}

// AmbiguityReason says why a figure a reader saw was not stored. The codes
// stay in the database and the exchange format; pages and workbooks name them
// in Chinese.
type AmbiguityReason string

// The reasons a seen figure is left out. Readers add their own codes as they
// need them; each must be named in the labels table.
const (
	AmbiguousReadings AmbiguityReason = "readings" // two or more readings fit the text
	AmbiguousUnit     AmbiguityReason = "unit"     // the unit is missing or unknown
	AmbiguousScope    AmbiguityReason = "scope"    // it is unclear whose figure it is
	AmbiguousSplit    AmbiguityReason = "split"    // a glued digit run splits more than one way
	AmbiguousNoSplit  AmbiguityReason = "no_split" // a glued digit run splits no consistent way
	AmbiguousBound    AmbiguityReason = "bound"    // a search hit its bound before it settled
)

// Ambiguity is a figure a reader saw but did not store because the text does
// not settle it. Blank stays blank: the key gets no value, and this says why.
type Ambiguity struct {
	Key    string          `json:"key,omitempty"` // the metric key in question, "" when not even that is known
	Reason AmbiguityReason `json:"reason"`
	Detail string          `json:"detail,omitempty"` // the readings that fit, in a few words
	Prov   Provenance      `json:"provenance"`       // where the unsettled text is
}

// Report is one parsed annual report.
type Report struct {
	ID       string `json:"id"`   // hex SHA-256 of the file's bytes
	Path     string `json:"path"` // as given to the reader
	Format   string `json:"format"`
	Encoding string `json:"encoding,omitempty"`
	Size     int64  `json:"size"`
	Identity
	Form    Form     `json:"form"`
	Metrics []Metric `json:"metrics"`
	Checks  []Check  `json:"checks"`
	// Ambiguous lists what the readers saw and would not store.
	Ambiguous []Ambiguity `json:"ambiguous,omitempty"`
	// Text is the document's original text (Document.Text, which the
	// provenance offsets point into), kept for the site's source pages. It
	// is not part of the exchange format.
	Text string `json:"-"`

	// Facts are what the text says about the report itself (etl/grade);
	// nil for a report not read from its text. Not in the exchange format.
	Facts *Facts `json:"-"`
}

// Number returns the figure stored under key, and whether there is one.
// A blank or not-applicable cell has no figure.
func (r *Report) Number(key string) (float64, bool) {
	for _, m := range r.Metrics {
		if m.Key == key && m.Kind == KindNumber {
			return m.Value, true
		}
	}
	return 0, false
}

// Metric returns the metric stored under key, figure or not.
func (r *Report) Metric(key string) (Metric, bool) {
	for _, m := range r.Metrics {
		if m.Key == key {
			return m, true
		}
	}
	return Metric{}, false
}

// packKey returns bytes off to off+8 of s as a big-endian integer, zero
// padded past the end of s.
func packKey(s string, off int) uint64 {
	var v uint64
	for i := off; i < off+8; i++ {
		v <<= 8
		if i < len(s) {
			v |= uint64(s[i])
		}
	}
	return v
}

// SortMetrics orders metrics by key, for stable output; metrics under the
// same key keep their order. A Metric is large, so the keys are sorted with
// their positions and each metric moved once, instead of swapped many times
// by the sort; output already in order (most of a table) is left alone.
func (r *Report) SortMetrics() {
	ms := r.Metrics
	if slices.IsSortedFunc(ms, func(a, b Metric) int { return cmp.Compare(a.Key, b.Key) }) {
		return
	}
	// Keys are compared by their first 16 bytes packed into two integers,
	// which settles most comparisons without a string compare; the zero
	// padding orders a shorter key first, as strings do, and equal packs
	// fall back to the whole keys.
	type keyAt struct {
		hi, lo uint64
		key    string
		at     int
	}
	order := make([]keyAt, len(ms))
	for i := range ms {
		k := ms[i].Key
		order[i] = keyAt{packKey(k, 0), packKey(k, 8), k, i}
	}
	// Ties fall back to the position, which makes the unstable sort stable.
	slices.SortFunc(order, func(a, b keyAt) int {
		if a.hi != b.hi {
			return cmp.Compare(a.hi, b.hi)
		}
		if a.lo != b.lo {
			return cmp.Compare(a.lo, b.lo)
		}
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.at, b.at)
	})
	// Move each metric to its place by following the permutation's cycles,
	// so no second slice of metrics is allocated; a placed entry is marked
	// with at = -1.
	for i := range order {
		if order[i].at < 0 {
			continue
		}
		held := ms[i]
		j := i
		for {
			from := order[j].at
			order[j].at = -1
			if from == i {
				ms[j] = held
				break
			}
			ms[j] = ms[from]
			j = from
		}
	}
}
