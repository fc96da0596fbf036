package exports

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"sync"

	"github.com/xuri/excelize/v2"
	"github.com/xxgk/xxgk/queries"
)

// book is a workbook being written, with its shared cell styles.
type book struct {
	f      *excelize.File
	st     styles
	tables int
	first  bool // the default sheet is still unused
	// omit names columns left out of every streamed sheet: in an agency's
	// own workbook the agency columns would repeat one name on every row
	// and cost a third of the build at 3,000 agencies.
	omit map[string]bool
}

type styles struct{ header, count, decimal, pct, text, year, title, wrap int }

// colKind says how a column's values are written and formatted.
type colKind int

const (
	colText    colKind = iota // untrusted text, formula-neutralised
	colCount                  // a count: #,##0
	colDecimal                // money, medians: #,##0.00
	colPct                    // a ratio shown as a percentage
	colYear                   // a year or small integer without separators
)

type column struct {
	Header string
	Width  float64
	Kind   colKind
}

// fastZip compresses workbook parts at flate's best speed: at 3,000 agency
// workbooks the default level cost a fifth of the build for files a little
// smaller. Compressors are pooled, as archive/zip does: each costs about a
// megabyte to make and a workbook has dozens of parts.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw, ok := flatePool.Get().(*flate.Writer)
		if ok {
			fw.Reset(out)
		} else {
			var err error
			if fw, err = flate.NewWriter(out, flate.BestSpeed); err != nil {
				return nil, err
			}
		}
		return &pooledFlate{fw}, nil
	})
	return zw
}

var flatePool sync.Pool

// pooledFlate returns its compressor to the pool when closed.
type pooledFlate struct{ *flate.Writer }

func (p *pooledFlate) Close() error {
	if p.Writer == nil {
		return nil // closed already; never pool a writer twice
	}
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	p.Writer = nil
	return err
}

func newBook() (*book, error) {
	f := excelize.NewFile()
	f.SetZipWriter(fastZip)
	b := &book{f: f, first: true}
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	count, dec, pct, year := "#,##0", "#,##0.00", "0.0%", "0"
	b.st = styles{
		header:  mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}),
		count:   mk(&excelize.Style{CustomNumFmt: &count}),
		decimal: mk(&excelize.Style{CustomNumFmt: &dec}),
		pct:     mk(&excelize.Style{CustomNumFmt: &pct}),
		text:    mk(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}),
		year:    mk(&excelize.Style{CustomNumFmt: &year}),
		title:   mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}),
		wrap:    mk(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("workbook styles: %w", err)
	}
	return b, nil
}

// sheet adds a sheet (reusing the default one for the first) and returns its name.
func (b *book) sheet(name string) (string, error) {
	if b.first {
		b.first = false
		if err := b.f.SetSheetName(b.f.GetSheetName(0), name); err != nil {
			return "", fmt.Errorf("sheet %s: %w", name, err)
		}
		return name, nil
	}
	if _, err := b.f.NewSheet(name); err != nil {
		return "", fmt.Errorf("sheet %s: %w", name, err)
	}
	return name, nil
}

func (b *book) styleOf(k colKind) int {
	switch k {
	case colCount:
		return b.st.count
	case colDecimal:
		return b.st.decimal
	case colPct:
		return b.st.pct
	case colYear:
		return b.st.year
	}
	return b.st.text
}

// cellValue prepares one value for its column: text is neutralised, a
// figure keeps its number, NULL stays an empty cell.
func (b *book) cellValue(k colKind, v any) any {
	if v == nil {
		return nil
	}
	if k == colText {
		s, ok := v.(string)
		if !ok {
			s = text(v)
		}
		return excelize.Cell{StyleID: b.st.text, Value: safeText(s)}
	}
	if f, ok := queries.Number(v); ok {
		return excelize.Cell{StyleID: b.styleOf(k), Value: f}
	}
	if s, ok := v.(string); ok && s != "" {
		return excelize.Cell{StyleID: b.st.text, Value: safeText(s)}
	}
	return nil
}

// streamSheet writes a sheet of any size with the StreamWriter: a header
// row, frozen header and first freezeCols columns, number formats per
// column and an Excel table whose header carries the autofilter.
func (b *book) streamSheet(name string, cols []column, freezeCols int, fill func(emit func([]any) error) error) error {
	if len(b.omit) > 0 {
		var keep []int
		var kept []column
		frozen := 0
		for i, c := range cols {
			if !b.omit[c.Header] {
				keep = append(keep, i)
				kept = append(kept, c)
				if i < freezeCols {
					frozen++
				}
			}
		}
		inner := fill
		fill = func(emit func([]any) error) error {
			return inner(func(vals []any) error {
				out := make([]any, len(keep))
				for j, i := range keep {
					if i < len(vals) {
						out[j] = vals[i]
					}
				}
				return emit(out)
			})
		}
		cols, freezeCols = kept, frozen
	}
	if _, err := b.sheet(name); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	for i, c := range cols {
		w := c.Width
		if w == 0 {
			w = 12
		}
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	topLeft, _ := excelize.CoordinatesToCellName(freezeCols+1, 2)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: freezeCols, YSplit: 1, TopLeftCell: topLeft, ActivePane: "bottomRight"}); err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: b.st.header, Value: c.Header}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	row := 1
	emit := func(vals []any) error {
		row++
		out := make([]any, len(cols))
		for i := range cols {
			if i < len(vals) {
				out[i] = b.cellValue(cols[i].Kind, vals[i])
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return sw.SetRow(cell, out)
	}
	if err := fill(emit); err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	if row == 1 { // a table needs a data row; say plainly there is none
		if err := emit([]any{"（无数据）"}); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), row)
	b.tables++
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: fmt.Sprintf("T%d", b.tables), StyleName: "TableStyleLight9", ShowRowStripes: ptr(true)}); err != nil {
		return fmt.Errorf("sheet %s: table: %w", name, err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// set writes one cell through the normal API (small sheets only).
func (b *book) set(sheet string, col, row int, k colKind, v any) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	cv := b.cellValue(k, v)
	if cv == nil {
		return nil
	}
	c := cv.(excelize.Cell)
	if err := b.f.SetCellValue(sheet, cell, c.Value); err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, cell, cell, c.StyleID)
}

// ref is an absolute reference to a range of a sheet, for chart series.
func ref(sheet string, c1, r1, c2, r2 int) string {
	a, _ := excelize.CoordinatesToCellName(c1, r1, true)
	z, _ := excelize.CoordinatesToCellName(c2, r2, true)
	return fmt.Sprintf("'%s'!%s:%s", sheet, a, z)
}
