package table

import (
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// Cell is one placed cell: the metric key it fills and the labels it was
// found under, as printed.
type Cell struct {
	Key   string
	Table string // "article20", "applications", "review", "legacy"
	Row   string // the row label as printed
	Col   string // the column label as printed
	Tok   *Token // the value's token, in the report's token slice (a Token is large to copy)
	Value Value
	Unit  string // the money unit as printed in the cell or its header, kept when converted
	Rule  string // the mechanism that placed the cell, when not its token's layout (e.g. "table.flattened")
	Note  string // how the reading was settled, when it took more than the layout
}

// Metric turns a placed cell into a metric whose provenance quotes the
// original text. Money is converted to 万元 by the caller (see InWan), so
// Value.Number is stored as is.
func (c Cell) Metric(t *normalize.Text) report.Metric {
	text, s, e := t.Quote(c.Tok.Start, c.Tok.End)
	rule := c.Rule
	if rule == "" {
		rule = c.Tok.Layout.Rule()
	}
	m := report.Metric{Key: c.Key, Kind: c.Value.Kind, Approx: c.Value.Approx,
		Prov: report.Provenance{Source: "table", Table: c.Table, Row: c.Row, Col: c.Col,
			Text: text, Start: s, End: e, Unit: c.Unit, Rule: rule, Note: c.Note}}
	if c.Value.IsNumber() {
		m.Value = c.Value.Number
	}
	return m
}

// Ambiguity records a figure a table reader saw at tok and would not store:
// the key it would have filled ("" when not even that is known), why, and
// where, quoting the original text as a metric's provenance does.
func Ambiguity(t *normalize.Text, tok Token, key string, reason report.AmbiguityReason, detail, tbl, row, col, rule string) report.Ambiguity {
	text, s, e := t.Quote(tok.Start, tok.End)
	if rule == "" {
		rule = tok.Layout.Rule()
	}
	return report.Ambiguity{Key: key, Reason: reason, Detail: detail,
		Prov: report.Provenance{Source: "table", Table: tbl, Row: row, Col: col, Text: text, Start: s, End: e, Rule: rule}}
}

// Quote returns the original text of a token.
func Quote(t *normalize.Text, tok Token) string {
	s, _, _ := t.Quote(tok.Start, tok.End)
	return s
}
