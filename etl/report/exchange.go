package report

import "path/filepath"

// Exchange is one line of `xxgk extract --json`: the stable exchange format
// read by tools/score.py. Non-numeric cells are omitted from Metrics.
type Exchange struct {
	File       string             `json:"file"`
	Agency     string             `json:"agency"`
	Year       int                `json:"year"`
	Period     Period             `json:"period"`
	Form       Form               `json:"form"`
	Published  string             `json:"published,omitempty"`
	Level      string             `json:"level,omitempty"`
	Province   string             `json:"province,omitempty"`
	City       string             `json:"city,omitempty"`
	Metrics    map[string]float64 `json:"metrics"`
	Approx     []string           `json:"approx"`
	Provenance map[string]string  `json:"provenance"`
	Checks     []Check            `json:"checks"`
	Ambiguous  []Ambiguity        `json:"ambiguous,omitempty"`
	// The identification evidence (see Identity).
	AgencySource     EvidenceSource `json:"agency_source,omitempty"`
	AgencyAliases    []string       `json:"agency_aliases,omitempty"`
	AgencyIncomplete bool           `json:"agency_incomplete,omitempty"`
	AgencyNote       string         `json:"agency_note,omitempty"`
	YearSource       EvidenceSource `json:"year_source,omitempty"`
	YearInferred     bool           `json:"year_inferred,omitempty"`
	URL              string         `json:"url,omitempty"`
	Title            string         `json:"title,omitempty"`
	Candidates       []Candidate    `json:"candidates,omitempty"`
}

// ToExchange maps a report onto the exchange format.
func (r *Report) ToExchange() Exchange {
	x := Exchange{
		File: filepath.Base(r.Path), Agency: r.Agency, Year: r.Year, Period: r.Period,
		Form: r.Form, Published: r.Published, Level: r.Level, Province: r.Province, City: r.City,
		Metrics: map[string]float64{}, Approx: []string{}, Provenance: map[string]string{},
		Checks: r.Checks, Ambiguous: r.Ambiguous,
		AgencySource: r.AgencySource, AgencyAliases: r.AgencyAliases, AgencyIncomplete: r.AgencyIncomplete,
		AgencyNote: r.AgencyNote, YearSource: r.YearSource, YearInferred: r.YearInferred,
		URL: r.URL, Title: r.Title, Candidates: r.Candidates,
	}
	if x.Checks == nil {
		x.Checks = []Check{}
	}
	for _, m := range r.Metrics {
		if m.Kind != KindNumber {
			continue
		}
		x.Metrics[m.Key] = m.Value
		x.Provenance[m.Key] = m.Prov.Text
		if m.Approx {
			x.Approx = append(x.Approx, m.Key)
		}
	}
	return x
}
