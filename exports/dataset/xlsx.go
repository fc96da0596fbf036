package dataset

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// SheetRows is the most data rows one sheet of the workbook holds: Excel's
// 1,048,576 rows less the header. A table with more goes on in a second
// sheet (数据 2, …). A variable so tests can split small tables.
var SheetRows = excelize.TotalRows - 1

// sheetNames name the workbook's sheet of each table.
var sheetNames = map[string]string{"dataset": "数据", "reports": "报告", "checks": "核验"}

// xlsx writes the same tables into one workbook: a data dump, not the
// finished comparison workbook of package exports. Text is stored as text
// (inline strings, never a formula, so nothing needs escaping), figures as
// numbers, blank cells left empty.
func (w *writer) xlsx() error {
	dict, err := w.dictRows()
	if err != nil {
		return err
	}
	w.written = append(w.written, resource{Profile: "data-resource", Name: "dataset-xlsx", Path: Workbook,
		Title: "数据集的 Excel 工作簿：数据、报告、核验和数据字典各一张工作表", Format: "xlsx",
		Mediatype: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
	return w.file(Workbook, func(out io.Writer) error {
		f := excelize.NewFile()
		defer f.Close()
		f.SetDocProps(&excelize.DocProperties{Creator: "xxgk " + w.o.Version, Title: "政府信息公开工作年度报告数据集",
			Created: w.o.Now.UTC().Format(time.RFC3339)})
		if err := f.SetSheetName("Sheet1", "说明"); err != nil {
			return err
		}
		if err := w.aboutSheet(f); err != nil {
			return err
		}
		for _, t := range tables {
			if err := w.tableSheets(f, t); err != nil {
				return err
			}
		}
		if err := dictSheet(f, dict); err != nil {
			return err
		}
		_, err := f.WriteTo(out)
		return err
	})
}

// aboutSheet says what the workbook holds.
func (w *writer) aboutSheet(f *excelize.File) error {
	lines := [][]any{
		{"政府信息公开工作年度报告数据集（长表）"},
		{"生成", w.o.Now.UTC().Format(time.RFC3339)},
		{"xxgk 版本", w.o.Version},
		{"许可", w.o.License.Title},
		{"数据", "「数据」每行一个机关、年度、期间和可比指标；「报告」列出所有入库报告；「核验」列出所有核验结果；「数据字典」说明每个字段、指标和代码。"},
		{"空白", "空白单元格表示报告未填、填“/”或不适用，不是 0；「数值类型」一栏写明是哪一种。"},
		{"约数与映射", "「约数」为 true 的数字原文以“余、多、近、约”表述；「口径映射」为 true 的数字由 2019 年前的旧表类别映射而来。"},
	}
	for i, l := range lines {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("说明", cell, &l); err != nil {
			return err
		}
	}
	return f.SetColWidth("说明", "A", "A", 14)
}

// tableSheets streams one table into one sheet, or several when it has
// more rows than a sheet holds.
func (w *writer) tableSheets(f *excelize.File, t table) error {
	base := sheetNames[t.name]
	header := make([]any, len(t.columns))
	for i, c := range t.columns {
		header[i] = c.title()
	}
	var sw *excelize.StreamWriter
	part, n := 0, SheetRows
	start := func() error {
		part++
		name := base
		if part > 1 {
			name = fmt.Sprintf("%s %d", base, part)
		}
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		var err error
		if sw, err = f.NewStreamWriter(name); err != nil {
			return err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		n = 0
		return sw.SetRow("A1", header)
	}
	row := make([]any, len(t.columns))
	err := w.rows(t, func(vals []any) error {
		if sw == nil || n == SheetRows {
			if sw != nil {
				if err := sw.Flush(); err != nil {
					return err
				}
			}
			if err := start(); err != nil {
				return err
			}
		}
		n++
		for i, v := range vals {
			row[i] = xlsxValue(v)
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+1)
		return sw.SetRow(cell, row)
	})
	if err != nil {
		return err
	}
	if sw == nil { // no rows: the header alone
		if err := start(); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// xlsxValue is a driver value as the stream writer should store it: text
// as text, figures as numbers, NULL as no cell, times as text in the form
// the CSV files use.
func xlsxValue(v any) any {
	switch x := v.(type) {
	case []byte:
		return string(x)
	case time.Time:
		return Cell(x)
	}
	return v
}

// dictSheet writes the dictionary.
func dictSheet(f *excelize.File, rows [][]string) error {
	const name = "数据字典"
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	header := make([]any, len(dictionaryColumns))
	for i, c := range dictionaryColumns {
		header[i] = c.title()
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, r := range rows {
		vals := make([]any, len(r))
		for j, s := range r {
			if s != "" {
				vals[j] = s
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	return sw.Flush()
}
