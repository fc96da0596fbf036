package report

import (
	"encoding/json"
	"path/filepath"
	"strconv"
)

// Exchange is one line of `xxgk extract --json`: the stable exchange format
// read by tools/score.py. Non-numeric cells are omitted from Metrics.
type Exchange struct {
	File       string             `json:"file"`
	Agency     string             `json:"agency"`
	Year       Year               `json:"year"` // null when nothing gives it (year_source "unknown")
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
		File: filepath.Base(r.Path), Agency: r.Agency, Year: Year(r.Year), Period: r.Period,
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

// Record is a whole line of `xxgk extract --json`: the Exchange fields,
// unchanged, followed by what `xxgk load` needs to store the report exactly
// as `xxgk ingest` would — its identity as a file (content hash, path,
// format, size), every cell with its kind and full provenance (blank and
// not-applicable cells too, which Metrics leaves out) and the parser
// version — or, for a file that failed (`extract --errors`), the failure.
// A Record depends on the file alone, so extraction can run anywhere.
type Record struct {
	Exchange
	ID            string   `json:"id"`   // hex SHA-256 of the file's bytes
	Path          string   `json:"path"` // the file as the extractor named it (absolute)
	Format        string   `json:"format,omitempty"`
	Encoding      string   `json:"encoding,omitempty"`
	Size          int64    `json:"size"`
	ParserVersion string   `json:"parser_version,omitempty"`
	Cells         []Metric `json:"cells,omitempty"` // every metric, blank ones included, in key order
	// Error is set instead of the report's fields when the file failed.
	Error *RecordError `json:"error,omitempty"`
}

// RecordError is a failed file in the exchange stream.
type RecordError struct {
	Stage   Stage  `json:"stage"`
	Message string `json:"message"`
}

// ToRecord maps a report onto a whole exchange line.
func (r *Report) ToRecord() Record {
	return Record{Exchange: r.ToExchange(), ID: r.ID, Path: r.Path, Format: r.Format, Encoding: r.Encoding,
		Size: r.Size, ParserVersion: ParserVersion, Cells: r.Metrics}
}

// Report turns a record back into the report it was made from. It is
// meaningful only for a record without Error.
func (x *Record) Report() *Report {
	return &Report{
		ID: x.ID, Path: x.Path, Format: x.Format, Encoding: x.Encoding, Size: x.Size,
		Identity: Identity{Agency: x.Agency, Level: x.Level, Province: x.Province, City: x.City,
			Year: int(x.Year), Period: x.Period, Published: x.Published,
			AgencySource: x.AgencySource, AgencyAliases: x.AgencyAliases, AgencyIncomplete: x.AgencyIncomplete,
			AgencyNote: x.AgencyNote, YearSource: x.YearSource, YearInferred: x.YearInferred,
			URL: x.URL, Title: x.Title, Candidates: x.Candidates},
		Form: x.Form, Metrics: x.Cells, Checks: x.Checks, Ambiguous: x.Ambiguous,
	}
}

// Year is a report's year in the exchange format: a number, or null for a
// report whose year nothing gives (0 inside, which is never stored).
type Year int

// MarshalJSON writes 0 as null: a year-less report must not read as year 0.
func (y Year) MarshalJSON() ([]byte, error) {
	if y == 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(y), 10), nil
}

// UnmarshalJSON reads a number, or null as 0 (unknown).
func (y *Year) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*y = 0
		return nil
	}
	var n int
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*y = Year(n)
	return nil
}
