package score

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/xxgk/xxgk/etl/report"
)

// Label is a hand label in the corpus format (NAME.json beside NAME.txt).
type Label struct {
	Agency    string             `json:"agency"`
	Year      int                `json:"year"`
	Period    string             `json:"period"`
	Form      string             `json:"form"`
	Published string             `json:"published,omitempty"`
	Metrics   map[string]float64 `json:"metrics"`
	Approx    []string           `json:"approx"`
	// AgencyAliases are other spellings that are as right (a renamed body).
	AgencyAliases []string `json:"agency_aliases,omitempty"`
	// AgencyFrom is "url" when only the page address names the agency.
	AgencyFrom string `json:"agency_from,omitempty"`
}

// Verdict is how an extracted agency compares with the label's.
type Verdict string

// The verdicts of score.py.
const (
	Exact        Verdict = "exact"
	Partial      Verdict = "partial"      // a right name missing its leading places
	Unidentified Verdict = "unidentified" // none chosen (未识别机关:FILE)
	Wrong        Verdict = "wrong"
)

// unidentified starts the name of a report whose agency was not settled.
const unidentified = "未识别机关"

// normAgency is score.py's norm_agency: NFKC, no white space, and 人民政府
// dropped inside a name (…区人民政府官洲街道办事处 = …区官洲街道办事处).
func normAgency(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
	var b strings.Builder
	for {
		i := strings.Index(s, "人民政府")
		if i < 0 || i+len("人民政府") == len(s) {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i+len("人民政府"):]
	}
}

// AgencyVerdict compares an extracted agency with a label's as score.py
// does, an alias of the label counting as exact.
func AgencyVerdict(got string, lab Label) Verdict {
	v := agencyVerdict(got, lab.Agency)
	for _, a := range lab.AgencyAliases {
		if v != Exact && agencyVerdict(got, a) == Exact {
			v = Exact
		}
	}
	return v
}

func agencyVerdict(got, want string) Verdict {
	g, w := normAgency(got), normAgency(want)
	switch {
	case g == "" || strings.HasPrefix(g, unidentified):
		return Unidentified
	case g == w:
		return Exact
	case len([]rune(g)) >= 4 && strings.HasSuffix(w, g) && !strings.ContainsRune("市县区省州乡镇街", []rune(g)[0]):
		return Partial
	}
	return Wrong
}

// Tally counts one form's figures.
type Tally struct {
	Labelled, Found, Correct, Unverified int
}

// Recall is correct / labelled.
func (t Tally) Recall() float64 { return ratio(t.Correct, t.Labelled) }

// Precision is correct / found.
func (t Tally) Precision() float64 { return ratio(t.Correct, t.Found) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is one disagreement, for test messages.
type Miss struct {
	File, Key string
	Want, Got float64
	Found     bool
}

// Result is the score of a whole corpus.
type Result struct {
	Forms                            map[string]*Tally
	AgencyOK, YearOK, PeriodOK, Docs int
	// Agencies counts the agency verdicts (AgencyOK is Agencies[Exact]).
	Agencies   map[Verdict]int
	Misses     []Miss
	MetaMisses []string
}

var groups = map[string][]string{
	"denied": {"denied_state_secret", "denied_law", "denied_safety", "denied_third_party",
		"denied_internal", "denied_process", "denied_enforcement", "denied_inquiry"},
	"unavailable": {"unavailable_not_held", "unavailable_need_create", "unavailable_unclear"},
	"unprocessed": {"unprocessed_petition", "unprocessed_repeat", "unprocessed_publication",
		"unprocessed_mass", "unprocessed_confirm"},
}

// Derive adds the sums score.py derives from labelled parts.
func Derive(m map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, v := range m {
		out[k] = v
	}
	sumAll := func(keys []string) (float64, bool) {
		s := 0.0
		for _, k := range keys {
			v, ok := m[k]
			if !ok {
				return 0, false
			}
			s += v
		}
		return s, true
	}
	for agg, parts := range groups {
		for _, c := range report.Columns {
			keys := make([]string, len(parts))
			for i, p := range parts {
				keys[i] = p + "." + c
			}
			if _, ok := out[agg+"."+c]; !ok {
				if s, ok := sumAll(keys); ok {
					out[agg+"."+c] = s
				}
			}
		}
	}
	for _, c := range report.Columns {
		if _, ok := out["other."+c]; !ok {
			if s, ok := sumAll([]string{"other_no_correction." + c, "other_no_fee." + c, "other_misc." + c}); ok {
				out["other."+c] = s
			}
		}
	}
	for _, c := range []string{"upheld", "corrected", "other", "pending", "total"} {
		if _, ok := out["litigation."+c]; !ok {
			if s, ok := sumAll([]string{"lit_direct." + c, "lit_after_review." + c}); ok {
				out["litigation."+c] = s
			}
		}
	}
	return out
}

// Corpus scores extracted records (by file stem) against labels (by stem).
// A labelled file with no record counts its figures as missed.
func Corpus(labels map[string]Label, got map[string]report.Exchange) Result {
	res := Result{Forms: map[string]*Tally{}, Agencies: map[Verdict]int{}}
	stems := make([]string, 0, len(labels))
	for s := range labels {
		stems = append(stems, s)
	}
	sort.Strings(stems)
	for _, stem := range stems {
		lab := labels[stem]
		t := res.Forms[lab.Form]
		if t == nil {
			t = &Tally{}
			res.Forms[lab.Form] = t
		}
		rec, ok := got[stem]
		if !ok {
			t.Labelled += len(lab.Metrics)
			res.MetaMisses = append(res.MetaMisses, stem+": no record")
			continue
		}
		res.Docs++
		v := AgencyVerdict(rec.Agency, lab)
		res.Agencies[v]++
		if v == Exact {
			res.AgencyOK++
		} else {
			res.MetaMisses = append(res.MetaMisses, stem+": agency "+rec.Agency+" want "+lab.Agency)
		}
		if int(rec.Year) == lab.Year {
			res.YearOK++
		} else {
			res.MetaMisses = append(res.MetaMisses, stem+": year")
		}
		if string(rec.Period) == lab.Period {
			res.PeriodOK++
		}
		want := Derive(lab.Metrics)
		for k := range lab.Metrics {
			t.Labelled++
			v, found := rec.Metrics[k]
			if found {
				t.Found++
				if same(v, want[k]) {
					t.Correct++
					continue
				}
			}
			res.Misses = append(res.Misses, Miss{File: stem, Key: k, Want: want[k], Got: v, Found: found})
		}
		for k, v := range rec.Metrics {
			if _, ok := lab.Metrics[k]; ok {
				continue
			}
			if w, ok := want[k]; ok {
				t.Found++
				if same(v, w) {
					t.Correct++
				} else {
					res.Misses = append(res.Misses, Miss{File: stem, Key: k, Want: w, Got: v, Found: true})
				}
			} else {
				t.Unverified++
			}
		}
	}
	return res
}

func same(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
