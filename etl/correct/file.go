package correct

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries/labels"
)

// FileName is the corrections file's name beside the database.
const FileName = "corrections.csv"

// Header is the columns of the corrections file, in the order `xxgk
// correct` writes them. Reading accepts them in any order; report, key,
// value and why are required, the others may be missing.
var Header = []string{"report", "key", "value", "who", "when", "why", "source"}

// DefaultPath is the corrections file of the database at db: beside it.
func DefaultPath(db string) string { return filepath.Join(filepath.Dir(db), FileName) }

// Row is one line of the corrections file, as written.
type Row struct {
	Line   int    // line number in the file; the header is line 1
	Report string // a content hash (or a prefix of 8 or more hex digits), or AGENCY:YEAR[:h1]
	Key    string // a metric key, a report field (agency, year, period, form, not_a_report) or flag:RULE[:SCOPE]
	Value  string // a number or blank; the field's value; 确认无误 or 需修正 for a flag
	Who    string
	When   string
	Why    string
	Source string // the sentence or cell the corrected figure is printed in
}

// Kinds of correction, as stored in corrections.kind.
const (
	KindNumber  = "number"  // a figure
	KindEmpty   = "empty"   // the cell is blank: no figure
	KindText    = "text"    // a report field
	KindVerdict = "verdict" // a confirmation of a quality flag
)

// Verdicts on a quality flag, as stored in corrections.text_value.
const (
	Confirmed = "confirmed" // 确认无误: the report really says so
	NeedsFix  = "needs_fix" // 需修正: the flag is right, the figure is wrong
)

// Correction is a row that passed validation: what it sets.
type Correction struct {
	Row
	Field string  // the key, normalised
	Kind  string  // KindNumber, KindEmpty, KindText or KindVerdict
	Value float64 // for KindNumber
	Text  string  // for KindText and KindVerdict
}

// RowError is a line of the corrections file that was refused.
type RowError struct {
	File   string
	Line   int
	Code   string // why, one of the Refused* codes (queries/labels domain refusal names them)
	Value  string // what the line wrote that was refused ("" when nothing was)
	Reason string // the reason in English, for logs and errors
}

func (e *RowError) Error() string {
	return fmt.Sprintf("%s line %d: %s", e.File, e.Line, e.Reason)
}

// Why a line was refused: codes of the refusal domain of queries/labels,
// so a reader is told in Chinese.
const (
	RefusedCSV          = "bad_csv"          // not a valid CSV line
	RefusedNoReport     = "no_report"        // the report column is empty
	RefusedRef          = "bad_ref"          // neither a content hash nor AGENCY:YEAR
	RefusedShortHash    = "short_hash"       // fewer than 8 hex digits
	RefusedRefYear      = "bad_ref_year"     // the year of AGENCY:YEAR is not a year
	RefusedRefPeriod    = "bad_ref_period"   // the period of AGENCY:YEAR:P is neither year nor h1
	RefusedAmbiguousRef = "ambiguous_ref"    // several stored reports share the hash prefix
	RefusedNoWhy        = "no_why"           // no reason given
	RefusedAgency       = "bad_agency"       // the agency is not a name
	RefusedYear         = "bad_year"         // the year is not a year
	RefusedPeriod       = "bad_period"       // the period is neither year nor h1
	RefusedForm         = "bad_form"         // not one of the forms
	RefusedNotAReport   = "bad_not_a_report" // neither true nor false
	RefusedFlagRule     = "flag_no_rule"     // flag: without a rule
	RefusedVerdict      = "bad_verdict"      // neither 确认无误 nor 需修正
	RefusedUnknownKey   = "unknown_key"      // not a metric key, a report field nor a flag
	RefusedNotANumber   = "not_a_number"     // the value is neither a number nor blank
)

// Refusal is why Parse or Apply refuses a line: a code a reader is told
// in Chinese (queries/labels), the value refused, and the English reason.
type Refusal struct {
	Code   string
	Value  string
	Reason string
}

func (r *Refusal) Error() string { return r.Reason }

func refuse(code, value, format string, args ...any) *Refusal {
	return &Refusal{Code: code, Value: value, Reason: fmt.Sprintf(format, args...)}
}

// rowError is the refusal err of line line of file.
func rowError(file string, line int, err error) *RowError {
	e := &RowError{File: file, Line: line, Reason: err.Error()}
	var r *Refusal
	if errors.As(err, &r) {
		e.Code, e.Value = r.Code, r.Value
	}
	return e
}

// ReadFile reads the corrections file at path. A file that does not exist
// holds no corrections (nil, nil). A file that cannot be read, or whose
// header lacks a required column, is an error; a line with the wrong
// number of fields is refused on its own (in bad) and the rest are read.
func ReadFile(path string) (rows []Row, bad []*RowError, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read corrections %q: %w", path, err)
	}
	defer f.Close()
	rows, bad, err = Read(f, path)
	if err != nil {
		return nil, nil, fmt.Errorf("read corrections %q: %w", path, err)
	}
	return rows, bad, nil
}

// Read reads corrections from r; name is the file named in errors.
func Read(r io.Reader, name string) (rows []Row, bad []*RowError, err error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")) // a BOM from a spreadsheet
		col[strings.ToLower(h)] = i
	}
	for _, need := range []string{"report", "key", "value", "why"} {
		if _, ok := col[need]; !ok {
			return nil, nil, fmt.Errorf("the header has no %q column (want %s)", need, strings.Join(Header, ","))
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				bad = append(bad, &RowError{File: name, Line: pe.StartLine, Code: RefusedCSV, Reason: "not valid CSV: " + pe.Err.Error()})
				continue
			}
			return rows, bad, err
		}
		if len(rec) == 1 && rec[0] == "" {
			continue
		}
		rows = append(rows, Row{Line: line, Report: get(rec, "report"), Key: get(rec, "key"), Value: get(rec, "value"),
			Who: get(rec, "who"), When: get(rec, "when"), Why: get(rec, "why"), Source: get(rec, "source")})
	}
	return rows, bad, nil
}

// Report-level fields a correction may set.
const (
	FieldAgency     = "agency"
	FieldYear       = "year"
	FieldPeriod     = "period"
	FieldForm       = "form"
	FieldNotAReport = "not_a_report"
)

// FlagPrefix starts the key of a confirmation: flag:RULE[:SCOPE], the rule
// and scope of the check as `xxgk query failed_checks` shows them.
const FlagPrefix = "flag:"

// Parse validates a row on its own (the report it names is resolved
// against the database by Apply): the key exists, the value fits it, a
// reason is given.
func Parse(r Row) (Correction, error) {
	c := Correction{Row: r, Field: r.Key}
	if r.Report == "" {
		return c, refuse(RefusedNoReport, "", "no report given (a content hash, or AGENCY:YEAR)")
	}
	if _, _, _, err := splitRef(r.Report); err != nil {
		return c, err
	}
	if r.Why == "" {
		return c, refuse(RefusedNoWhy, "", "no reason given (why)")
	}
	v := r.Value
	switch {
	case r.Key == FieldAgency:
		if v == "" || strings.ContainsAny(v, "\n\r\t") {
			return c, refuse(RefusedAgency, v, "agency %q is not a name", v)
		}
		c.Kind, c.Text = KindText, v
	case r.Key == FieldYear:
		y, err := strconv.Atoi(v)
		if err != nil || y < 1990 || y > 2100 {
			return c, refuse(RefusedYear, v, "year %q is not a year", v)
		}
		c.Kind, c.Text = KindText, strconv.Itoa(y)
	case r.Key == FieldPeriod:
		p, ok := map[string]string{"year": "year", "h1": "h1", "全年": "year", "上半年": "h1"}[v]
		if !ok {
			return c, refuse(RefusedPeriod, v, "period %q is neither year nor h1", v)
		}
		c.Kind, c.Text = KindText, p
	case r.Key == FieldForm:
		for _, f := range formCodes {
			if v == labels.Form(string(f)) {
				v = string(f) // the form as the site names it: 2021 年版表格
			}
		}
		switch report.Form(v) {
		case report.FormTable2021, report.FormTable2019, report.FormLegacy, report.FormNarrative:
		default:
			return c, refuse(RefusedForm, v, "form %q is none of table2021, table2019, legacy, narrative", v)
		}
		c.Kind, c.Text = KindText, v
	case r.Key == FieldNotAReport:
		switch strings.ToLower(v) {
		case "", "true", "yes", "是":
			c.Kind, c.Text = KindText, "true"
		case "false", "no", "否":
			c.Kind, c.Text = KindText, "false"
		default:
			return c, refuse(RefusedNotAReport, v, "not_a_report %q is neither true nor false", v)
		}
	case strings.HasPrefix(r.Key, FlagPrefix):
		if strings.TrimPrefix(r.Key, FlagPrefix) == "" {
			return c, refuse(RefusedFlagRule, r.Key, "flag key %q names no rule (want flag:RULE:SCOPE)", r.Key)
		}
		switch v {
		case "确认无误", Confirmed:
			c.Kind, c.Text = KindVerdict, Confirmed
		case "需修正", NeedsFix:
			c.Kind, c.Text = KindVerdict, NeedsFix
		default:
			return c, refuse(RefusedVerdict, v, "a flag's value %q is neither 确认无误 nor 需修正", v)
		}
	default:
		if _, ok := report.LookupKey(r.Key); !ok {
			return c, refuse(RefusedUnknownKey, r.Key, "unknown key %q: not a metric key of spec/metrics.tsv nor a report field "+
				"(agency, year, period, form, not_a_report) nor flag:RULE:SCOPE", r.Key)
		}
		if strings.EqualFold(v, "blank") || v == "空" {
			c.Kind = KindEmpty
			break
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
			return c, refuse(RefusedNotANumber, v, "value %q is not a number (write the figure, or blank for a blank cell)", v)
		}
		c.Kind, c.Value = KindNumber, f
	}
	return c, nil
}

// formCodes are the forms a form correction may set.
var formCodes = []report.Form{report.FormTable2021, report.FormTable2019, report.FormLegacy, report.FormNarrative}

// splitRef reads a report reference: a hex content hash (or a prefix of
// at least 8 digits), or AGENCY:YEAR or AGENCY:YEAR:h1.
func splitRef(ref string) (hash, agency string, year int, err error) {
	if isHex(ref) {
		if len(ref) < 8 {
			return "", "", 0, refuse(RefusedShortHash, ref, "report %q: a content hash needs at least 8 hex digits", ref)
		}
		return strings.ToLower(ref), "", 0, nil
	}
	parts := strings.Split(ref, ":")
	if len(parts) < 2 || len(parts) > 3 || parts[0] == "" {
		return "", "", 0, refuse(RefusedRef, ref, "report %q is neither a content hash nor AGENCY:YEAR", ref)
	}
	y, err := strconv.Atoi(parts[1])
	if err != nil || y < 1990 || y > 2100 {
		return "", "", 0, refuse(RefusedRefYear, ref, "report %q: %q is not a year", ref, parts[1])
	}
	if len(parts) == 3 && parts[2] != "h1" && parts[2] != "year" {
		return "", "", 0, refuse(RefusedRefPeriod, ref, "report %q: period %q is neither year nor h1", ref, parts[2])
	}
	return "", parts[0], y, nil
}

func refPeriod(ref string) string {
	if strings.HasSuffix(ref, ":h1") {
		return "h1"
	}
	return "year"
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}

// Append adds row at the end of the corrections file at path, creating it
// with its header when it does not exist.
func Append(path string, r Row) error {
	_, err := os.Stat(path)
	fresh := errors.Is(err, fs.ErrNotExist)
	if fresh {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("append correction to %q: %w", path, err)
		}
	} else if err := endsInNewline(path); err != nil {
		return fmt.Errorf("append correction to %q: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("append correction to %q: %w", path, err)
	}
	w := csv.NewWriter(f)
	if fresh {
		w.Write(Header)
	}
	w.Write([]string{r.Report, r.Key, r.Value, r.Who, r.When, r.Why, r.Source})
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("append correction to %q: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("append correction to %q: %w", path, err)
	}
	return nil
}

// endsInNewline adds a newline to a file edited by hand whose last line
// has none, so an appended row starts a line of its own.
func endsInNewline(path string) error {
	b, err := os.ReadFile(path)
	if err != nil || len(b) == 0 || b[len(b)-1] == '\n' {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("\n"); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
