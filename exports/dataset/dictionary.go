package dataset

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// The files the dictionary describes, in the order it lists them.
var dictFiles = []struct {
	name    string // the resource name; the CSV file is name.csv
	columns []column
}{
	{"dataset", datasetColumns}, {"reports", reportsColumns}, {"checks", checksColumns}, {"dictionary", dictionaryColumns},
}

// eraForms are the forms whose reports a crosswalk rule of each era reads.
var eraForms = map[string][]string{
	"modern": {"table2021", "table2019", "narrative"},
	"legacy": {"legacy", "narrative"},
	"any":    {"table2021", "table2019", "legacy", "narrative"},
}

// formOrder is the order forms are listed in.
var formOrder = []string{"table2021", "table2019", "legacy", "narrative"}

// dictionary writes dictionary.csv.
func (w *writer) dictionary() error {
	rows, err := w.dictRows()
	if err != nil {
		return err
	}
	err = w.file(DictionaryCSV, func(out io.Writer) error {
		c, err := NewCSV(out, names(dictionaryColumns), CSVOptions{BOM: true})
		if err != nil {
			return err
		}
		vals := make([]any, len(dictionaryColumns))
		for _, r := range rows {
			for i, s := range r {
				vals[i] = s
				if s == "" {
					vals[i] = nil
				}
			}
			if err := c.Row(vals); err != nil {
				return err
			}
		}
		return c.Close()
	})
	if err != nil {
		return err
	}
	w.written = append(w.written, csvResource("dictionary", DictionaryCSV, dictionaryColumns))
	return nil
}

// dictRows are the rows of the dictionary, computed once: every column of
// every file, every comparable metric, every raw metric key and the codes
// of the coded columns.
func (w *writer) dictRows() ([][]string, error) {
	if w.dict != nil {
		return w.dict, nil
	}
	metrics, err := queries.Run(w.ctx, w.db, "dataset_metrics", queries.Filter{})
	if err != nil {
		return nil, err
	}
	cross, err := queries.Run(w.ctx, w.db, "crosswalk", queries.Filter{})
	if err != nil {
		return nil, err
	}
	w.dict = dictionaryRows(metrics, cross)
	return w.dict, nil
}

// dictionaryRows builds the dictionary from the results of dataset_metrics
// and crosswalk. Each row has the columns of dictionaryColumns.
func dictionaryRows(metrics, cross *queries.Result) [][]string {
	var out [][]string
	add := func(r ...string) { out = append(out, r) }
	for _, f := range dictFiles {
		for _, c := range f.columns {
			unit := ""
			if f.name == "dataset" && c.name == "value" {
				unit = "见「单位」字段"
			}
			add(labels.DictionaryEntry("column"), f.name, c.name, c.title(), labels.DataType(c.typ), unit, "", c.desc(), "")
		}
	}
	// The comparable metrics, with the rules that give them.
	rules := queries.NewTable(cross)
	used := map[string]bool{} // raw keys the rules read
	mt := queries.NewTable(metrics)
	for _, m := range mt.Rows() {
		metric := mt.Str(m, "metric")
		forms := map[string]bool{}
		var modern, legacy, notes []string
		for _, r := range rules.Rows() {
			if rules.Str(r, "metric") != metric {
				continue
			}
			era := rules.Str(r, "era")
			keys := rules.Str(r, "modern_source")
			if era == "legacy" {
				keys = rules.Str(r, "legacy_source")
			}
			for _, k := range strings.Split(keys, " + ") {
				used[k] = true
				info, _ := report.LookupKey(k)
				for _, f := range info.Forms {
					if slices.Contains(eraForms[era], f) {
						forms[f] = true
					}
				}
			}
			rule := keys
			if rules.Bool(r, "mapped") {
				rule += "（口径映射）"
			}
			switch era {
			case "legacy":
				legacy = append(legacy, rule)
			case "modern":
				modern = append(modern, rule)
			default:
				modern, legacy = append(modern, rule), append(legacy, rule)
			}
			notes = append(notes, fmt.Sprintf("%s第 %d 步：%s", eraWord(era), rules.Int(r, "step"), rules.Str(r, "note")))
		}
		def := mt.Str(m, "label") + "。"
		if len(modern) > 0 {
			def += "2019 年起的报告取 " + strings.Join(modern, "，没有时取 ") + "。"
		}
		if len(legacy) > 0 {
			def += "2019 年前的报告取 " + strings.Join(legacy, "，没有时取 ") + "。"
		}
		def += "取数各项须都是数字，空白项不按 0 相加。"
		add(labels.DictionaryEntry("metric"), "dataset.metric", metric, mt.Str(m, "label"), "", mt.Str(m, "unit"), formWords(forms), def,
			strings.Join(notes, " / "))
	}
	// The raw keys: those of spec/metrics.tsv, then any a rule reads that
	// the spec lacks (so the dictionary covers every key of source_keys).
	seen := map[string]bool{}
	for _, k := range report.Keys() {
		seen[k.Key] = true
		forms := map[string]bool{}
		for _, f := range k.Forms {
			forms[f] = true
		}
		add(labels.DictionaryEntry("key"), "dataset.source_keys", k.Key, k.Label, "", keyUnit(k.Key), formWords(forms),
			"报告表格或正文中的「"+k.Label+"」", k.Note)
	}
	var extra []string
	for k := range used {
		if !seen[k] {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		add(labels.DictionaryEntry("key"), "dataset.source_keys", k, k, "", keyUnit(k), "", "对照表引用、spec/metrics.tsv 尚未列出的原始指标", "")
	}
	for _, col := range codedColumns {
		words := labels.Domain(col)
		for _, code := range labels.Codes(col) {
			add(labels.DictionaryEntry("code"), col, code, words[code], "", "", "", Header(col)+"为 "+code+" 表示"+words[code], "")
		}
	}
	return out
}

// formWords lists forms in Chinese, in the order of formOrder.
func formWords(forms map[string]bool) string {
	var out []string
	for _, f := range formOrder {
		if forms[f] {
			out = append(out, formWord(f))
		}
	}
	return strings.Join(out, "、")
}

func eraWord(era string) string {
	switch era {
	case "modern":
		return "2019 年起"
	case "legacy":
		return "2019 年前"
	}
	return "各年"
}
