package exports

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// Fonts and sizes of every cell: set explicitly, so a workbook does not
// fall back to the reader's default (a serif font on many systems).
const (
	fontName   = "等线"
	fontSize   = 11.0
	titleSize  = 14.0
	footerSize = 9
)

// Rows of a table sheet: the title, one line saying what the table holds,
// then the table itself with its header.
const (
	titleRow  = 1
	descRow   = 2
	headerRow = 3
)

// maxSheetRows is Excel's limit of rows per sheet; a table that would pass
// it is split by year (see writeTable). A variable so tests can lower it.
var maxSheetRows = 1_048_576

// book is a workbook being written: its cell styles, the notes its headers
// refer to and the sheets the contents sheet lists.
type book struct {
	f      *excelize.File
	styles map[styleKey]int
	err    error // the first failure to make a style
	tables int
	first  bool // the default sheet is still unused
	notes  *notes
	sheets []sheetInfo // the sheets after the contents sheet, in order
	stamp  string      // the data stamp printed in every footer
	code   string      // the data checksum the stamp holds
	// reserved are sheets made by open at the front of the workbook and
	// written last.
	reserved map[string]bool
	charts   int // charts placed on the chart sheet
	// tableParts are the table parts set aside by stubTable.
	tableParts map[string]any
}

// sheetInfo is one line of the contents sheet.
type sheetInfo struct {
	name, desc string
	rows       int // data rows of its table; -1 when the sheet has no table
}

// colKind says how a column's values are written and formatted.
type colKind int

const (
	colText       colKind = iota // text from anywhere, formula-neutralised
	colCount                     // a count: #,##0
	colMoney                     // money in 万元: at least two decimals
	colPct                       // a ratio shown as a percentage, 0.0%
	colDecimal                   // medians and other computed figures: one decimal
	colYear                      // a year or small whole number, no separators
	colPercentile                // a percentile 0–100, one decimal
)

// column is one column of a table: its header (with the unit in
// brackets), how its values are written, the note its header refers to
// (a key of noteTexts) and whether long text wraps.
type column struct {
	Header string
	Kind   colKind
	Note   string
	Wrap   bool
	Width  float64 // 0: fitted to the content
}

// mark is a set of marks on a figure, each shown by a cell style that the
// notes sheet explains.
type mark uint8

const (
	markApprox    mark = 1 << iota // printed as an approximation (余, 多, 近, 约)
	markMapped                     // a legacy figure put onto the 2019/2021 categories
	markLowTrust                   // from a report whose trust score is low
	markCorrected                  // a human correction (etl/correct) is part of it: 人工校正
)

// styleKey is everything a cell's style depends on.
type styleKey struct {
	kind  colKind
	marks mark
	role  cellRole
}

// cellRole is what a cell is for, beyond its number format.
type cellRole uint8

const (
	roleValue  cellRole = iota
	roleWrap            // text that wraps in its column
	roleHeader          // a table header: bold, shaded, wrapped
	roleTitle           // the title of a sheet
	roleDesc            // the line under a title
	roleBlank           // a blank figure, saying why it is blank
	roleLink            // a hyperlink
	roleSelf            // the agency's own row among its peers: bold
	roleLabel           // a label on the cover sheet: bold, top-aligned
)

// fastZip compresses workbook parts at flate's best speed: at 3,000 agency
// workbooks the default level cost a fifth of the build for files a little
// smaller. Compressors are pooled, as archive/zip does: each costs about a
// megabyte to make and a workbook has dozens of parts. Parts smaller than
// storeBelow (tables, relationships, properties: most of a workbook's fifty
// parts) are stored: compressing each costs a Huffman table, for a few
// hundred bytes saved.
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
	return &sizedZip{Writer: zw}
}

// storeBelow is the size under which a part is stored, not compressed.
const storeBelow = 4096

// sizedZip picks each part's method by the size of its first write, which
// excelize makes with the whole part. A part never written to is still
// created, empty, before the next one.
type sizedZip struct {
	*zip.Writer
	last *lazyPart
}

func (z *sizedZip) Create(name string) (io.Writer, error) {
	if err := z.flushEmpty(); err != nil {
		return nil, err
	}
	z.last = &lazyPart{z: z.Writer, name: name}
	return z.last, nil
}

func (z *sizedZip) Close() error {
	if err := z.flushEmpty(); err != nil {
		return err
	}
	return z.Writer.Close()
}

func (z *sizedZip) flushEmpty() error {
	if z.last != nil && z.last.w == nil {
		if _, err := z.last.Write(nil); err != nil {
			return err
		}
	}
	return nil
}

// lazyPart creates its zip entry on the first write.
type lazyPart struct {
	z    *zip.Writer
	name string
	w    io.Writer
}

func (p *lazyPart) Write(b []byte) (int, error) {
	if p.w == nil {
		method := zip.Deflate
		if len(b) < storeBelow {
			method = zip.Store
		}
		w, err := p.z.CreateHeader(&zip.FileHeader{Name: p.name, Method: method})
		if err != nil {
			return 0, err
		}
		p.w = w
	}
	return p.w.Write(b)
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

func newBook(code string) (*book, error) {
	f := excelize.NewFile()
	f.SetZipWriter(fastZip)
	b := &book{f: f, first: true, styles: map[styleKey]int{}, notes: newNotes(), stamp: "数据校验码 " + code, code: code}
	if err := f.SetDefaultFont(fontName); err != nil {
		f.Close()
		return nil, fmt.Errorf("workbook font: %w", err)
	}
	return b, nil
}

// numFmts are the number formats of the column kinds; an approximate
// figure shows 约 before the number and stays a number.
var numFmts = map[colKind]string{
	colCount:      "#,##0",
	colMoney:      "#,##0.00##",
	colPct:        "0.0%",
	colDecimal:    "#,##0.0",
	colYear:       "0",
	colPercentile: "0.0",
}

// style returns the id of the cell style of k, made on first use.
func (b *book) style(k styleKey) int {
	if id, ok := b.styles[k]; ok {
		return id
	}
	font := &excelize.Font{Family: fontName, Size: fontSize, Color: "000000"}
	s := &excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top"}}
	if nf, ok := numFmts[k.kind]; ok {
		if k.marks&markApprox != 0 {
			nf = `"约"` + nf
		}
		s.CustomNumFmt = &nf
	}
	switch k.role {
	case roleWrap:
		s.Alignment.WrapText = true
	case roleHeader:
		font.Bold = true
		s.Alignment = &excelize.Alignment{Vertical: "center", WrapText: true}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}}
		s.Border = []excelize.Border{{Type: "bottom", Color: "4F81BD", Style: 1}}
	case roleTitle:
		font.Bold, font.Size = true, titleSize
		s.Alignment = nil
	case roleDesc:
		font.Color = "404040"
		s.Alignment = nil
	case roleBlank:
		font.Color = "7F7F7F"
		s.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "top"}
	case roleLink:
		font.Color, font.Underline = "0563C1", "single"
	case roleSelf:
		font.Bold = true
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E2EFDA"}}
	case roleLabel:
		font.Bold = true
	}
	if k.marks&markMapped != 0 {
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	}
	if k.marks&markLowTrust != 0 {
		font.Italic, font.Color = true, "7F7F7F"
	}
	if k.marks&markCorrected != 0 {
		font.Bold, font.Color = true, "C00000"
	}
	id, err := b.f.NewStyle(s)
	if err != nil && b.err == nil {
		b.err = fmt.Errorf("workbook style: %w", err)
	}
	b.styles[k] = id
	return id
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

// fig is a figure for a cell with what a reader must know about it: its
// marks, or, when it has no value, why it is blank (a word of
// labels.Blank, shown in the cell).
type fig struct {
	v     float64
	ok    bool
	kind  colKind // colCount, colMoney, colPct…; 0 takes the column's
	marks mark
	blank string
}

// cellValue prepares one value for a column: text is neutralised and empty
// text is an empty cell; a figure keeps its number and its marks; NULL is
// an empty cell.
func (b *book) cellValue(c column, v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case fig:
		if !x.ok {
			if x.blank == "" {
				return nil
			}
			return excelize.Cell{StyleID: b.style(styleKey{kind: colText, role: roleBlank}), Value: x.blank}
		}
		k := x.kind
		if k == colText {
			k = c.Kind
		}
		if k == colText {
			k = kindOf(x.v)
		}
		return excelize.Cell{StyleID: b.style(styleKey{kind: k, marks: x.marks}), Value: x.v}
	case link:
		if x.text == "" {
			return nil
		}
		return excelize.Cell{StyleID: b.style(styleKey{role: roleLink}), Value: safeText(x.text)}
	case selfText:
		return excelize.Cell{StyleID: b.style(styleKey{role: roleSelf}), Value: safeText(string(x))}
	case string:
		if x == "" {
			return nil
		}
		role := roleValue
		if c.Wrap {
			role = roleWrap
		}
		return excelize.Cell{StyleID: b.style(styleKey{role: role}), Value: safeText(x)}
	}
	if c.Kind == colText {
		s := text(v)
		if s == "" {
			return nil
		}
		return excelize.Cell{StyleID: b.style(styleKey{}), Value: safeText(s)}
	}
	f, ok := number(v)
	if !ok {
		return nil
	}
	return excelize.Cell{StyleID: b.style(styleKey{kind: c.Kind}), Value: f}
}

// kindOf formats a figure of no declared kind: a whole number as a count,
// anything else with decimals (expected and actual sides of a check).
func kindOf(v float64) colKind {
	if v == float64(int64(v)) {
		return colCount
	}
	return colMoney
}

// link is a cell that opens target: a sheet of the same workbook
// ("'目录'!A1", internal) or a file relative to the workbook.
type link struct {
	text, target string
	internal     bool
}

// selfText is text shown in bold on a shaded row: the agency's own row
// among its peers.
type selfText string

// sheetSpec is one table sheet: a title, a line saying what it holds, and
// one table starting at A3 with a header row.
type sheetSpec struct {
	name, title, desc string
	cols              []column
	freeze            int // columns kept in view when scrolling right
	rows              [][]any
	yearCol           int // the column of the year, to split a sheet that is too long; -1 none
	empty             string
}

// writeTable writes a table sheet, split into one sheet per year when it
// would pass Excel's row limit (the contents sheet says so).
func (b *book) writeTable(s *sheetSpec) error {
	if len(s.rows)+headerRow <= maxSheetRows || s.yearCol < 0 {
		if len(s.rows)+headerRow > maxSheetRows {
			return fmt.Errorf("sheet %s: %d rows cannot be split by year", s.name, len(s.rows))
		}
		return b.writeTablePart(s, s.name, s.desc, s.rows)
	}
	var years []int
	byYear := map[int][][]any{}
	for _, r := range s.rows {
		y := 0
		if f, ok := number(r[s.yearCol]); ok {
			y = int(f)
		}
		if _, seen := byYear[y]; !seen {
			years = append(years, y)
		}
		byYear[y] = append(byYear[y], r)
	}
	for _, y := range years {
		rows := byYear[y]
		if len(rows)+headerRow > maxSheetRows {
			return fmt.Errorf("sheet %s: %d rows in %d alone pass Excel's limit", s.name, len(rows), y)
		}
		name := s.name + strconv.Itoa(y)
		desc := fmt.Sprintf("%s（%d 年部分：全表超过 Excel 每表 %d 行的上限，按年份分表）", s.desc, y, maxSheetRows)
		if err := b.writeTablePart(s, name, desc, rows); err != nil {
			return err
		}
	}
	return nil
}

// writeTablePart streams one table sheet: title, description, header and
// rows, with the sheet's dimension declared, column widths fitted to the
// text (in ascending column order), the header row frozen and repeated on
// every printed page, and an Excel table over the data.
func (b *book) writeTablePart(s *sheetSpec, name, desc string, rows [][]any) error {
	if len(rows) == 0 {
		msg := s.empty
		if msg == "" {
			msg = "（本表没有数据）"
		}
		rows = [][]any{{msg}}
	}
	if !b.reserved[name] {
		if _, err := b.sheet(name); err != nil {
			return err
		}
	}
	fail := func(err error) error { return fmt.Errorf("sheet %s: %w", name, err) }
	lastRow := headerRow + len(rows)
	last, _ := excelize.CoordinatesToCellName(len(s.cols), lastRow)
	// The dimension and the sheet properties are written when the stream
	// starts: set them first.
	if err := b.f.SetSheetDimension(name, "A1:"+last); err != nil {
		return fail(err)
	}
	if err := b.printSetup(name, headerRow); err != nil {
		return fail(err)
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return fail(err)
	}
	headers := make([]string, len(s.cols))
	for i, c := range s.cols {
		headers[i] = c.Header + b.notes.ref(c.Note)
	}
	widths := fitWidths(s.cols, headers, rows)
	// excelize keeps the last column set first: set them from the right so
	// that the <col> elements come out in ascending order, as readers
	// expect; a run of equal widths is set at once.
	for hi := len(widths) - 1; hi >= 0; {
		lo := hi
		for lo > 0 && widths[lo-1] == widths[hi] {
			lo--
		}
		if err := sw.SetColWidth(lo+1, hi+1, widths[hi]); err != nil {
			return fail(err)
		}
		hi = lo - 1
	}
	topLeft, _ := excelize.CoordinatesToCellName(s.freeze+1, headerRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: s.freeze, YSplit: headerRow, TopLeftCell: topLeft, ActivePane: "bottomRight"}); err != nil {
		return fail(err)
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: b.style(styleKey{role: roleTitle}), Value: safeText(s.title)}}, excelize.RowOpts{Height: 22}); err != nil {
		return fail(err)
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: b.style(styleKey{role: roleDesc}), Value: safeText(desc)}}); err != nil {
		return fail(err)
	}
	head := make([]any, len(s.cols))
	hstyle := b.style(styleKey{role: roleHeader})
	lines := 1
	for i, h := range headers {
		head[i] = excelize.Cell{StyleID: hstyle, Value: h}
		lines = max(lines, wrappedLines(h, widths[i]))
	}
	if err := sw.SetRow("A3", head, excelize.RowOpts{Height: rowHeight(lines)}); err != nil {
		return fail(err)
	}
	out := make([]any, len(s.cols))
	var links []struct {
		cell string
		l    link
	}
	for n, r := range rows {
		row := headerRow + 1 + n
		lines := 1
		for i, c := range s.cols {
			var v any
			if i < len(r) {
				v = r[i]
			}
			out[i] = b.cellValue(c, v)
			if c.Wrap {
				if t, ok := v.(string); ok {
					lines = max(lines, wrappedLines(t, widths[i]))
				}
			}
			if l, ok := v.(link); ok && l.target != "" {
				cell, _ := excelize.CoordinatesToCellName(i+1, row)
				links = append(links, struct {
					cell string
					l    link
				}{cell, l})
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		var opts []excelize.RowOpts
		if lines > 1 {
			opts = append(opts, excelize.RowOpts{Height: rowHeight(lines)})
		}
		if err := sw.SetRow(cell, out, opts...); err != nil {
			return fail(err)
		}
	}
	for _, l := range links {
		if err := b.hyperlink(name, l.cell, l.l); err != nil {
			return fail(err)
		}
	}
	b.tables++
	if err := sw.AddTable(&excelize.Table{Range: "A3:" + last, Name: tableName(name, b.tables), StyleName: "TableStyleLight9", ShowRowStripes: ptr(true)}); err != nil {
		return fail(fmt.Errorf("table: %w", err))
	}
	b.stubTable(b.tables)
	if err := sw.Flush(); err != nil {
		return fail(err)
	}
	if b.err != nil {
		return fail(b.err)
	}
	n := len(rows)
	if len(s.rows) == 0 {
		n = 0
	}
	b.sheets = append(b.sheets, sheetInfo{name: name, desc: desc, rows: n})
	return nil
}

// stubTable works around a cost of excelize: every AddTable parses every
// table part of the workbook to find the largest id, which is quadratic in
// the number of tables (a tenth of an agency workbook's time). The full
// part of table n is kept aside and replaced by a stub that holds only its
// id; restoreTables puts the parts back before the workbook is written.
func (b *book) stubTable(n int) {
	part := "xl/tables/table" + strconv.Itoa(n) + ".xml"
	v, ok := b.f.Pkg.Load(part)
	if !ok {
		return
	}
	if b.tableParts == nil {
		b.tableParts = map[string]any{}
	}
	b.tableParts[part] = v
	b.f.Pkg.Store(part, []byte(`<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="`+strconv.Itoa(n)+`"></table>`))
}

// restoreTables puts back the table parts stubTable set aside.
func (b *book) restoreTables() {
	for part, v := range b.tableParts {
		b.f.Pkg.Store(part, v)
	}
	b.tableParts = nil
}

// hyperlink makes cell of sheet open l's target.
func (b *book) hyperlink(sheet, cell string, l link) error {
	typ := "External"
	if l.internal {
		typ = "Location"
	}
	return b.f.SetCellHyperLink(sheet, cell, l.target, typ, excelize.HyperlinkOpts{Tooltip: ptr("打开 " + l.text)})
}

// tableName is the name of the n-th table of a workbook, after its sheet
// (Excel allows Chinese names; they show in the name box and in formulas).
func tableName(sheet string, n int) string {
	var sb strings.Builder
	sb.WriteString("表")
	for _, r := range sheet {
		switch {
		case r >= '0' && r <= '9', r >= 0x4E00 && r <= 0x9FFF:
			sb.WriteRune(r)
		}
	}
	sb.WriteString("_")
	sb.WriteString(strconv.Itoa(n))
	return sb.String()
}

// printSetup makes a sheet print landscape on A4, as wide as one page and
// as long as it needs, with its header row on every page and a footer with
// the sheet name, the page number and the data stamp.
func (b *book) printSetup(sheet string, repeatRow int) error {
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0),
	}); err != nil {
		return err
	}
	if err := b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: ptr(0.4), Right: ptr(0.4), Top: ptr(0.5), Bottom: ptr(0.6), Header: ptr(0.2), Footer: ptr(0.25),
	}); err != nil {
		return err
	}
	stamp := strings.ReplaceAll(b.stamp, "&", "&&")
	font := fmt.Sprintf(`&"%s"&%d`, fontName, footerSize)
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: font + "&L&A" + "&C" + font + "第 &P 页，共 &N 页" + "&R" + font + stamp,
	}); err != nil {
		return err
	}
	if repeatRow > 0 {
		return b.f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, repeatRow, repeatRow),
			Scope:    sheet,
		})
	}
	return nil
}

// fitWidths sizes each column to its longest line of text (a Chinese
// character counts two), within bounds: wrapped text stops at its width.
func fitWidths(cols []column, headers []string, rows [][]any) []float64 {
	ws := make([]float64, len(cols))
	for i, c := range cols {
		if c.Width > 0 {
			ws[i] = c.Width
			continue
		}
		// A header wraps onto two lines at most.
		w := float64(displayWidth(headers[i]))/2 + 1
		for _, r := range rows {
			if i < len(r) {
				w = max(w, float64(valueWidth(r[i], c.Kind)))
			}
		}
		limit := 60.0
		if c.Wrap {
			limit = 50
		}
		ws[i] = min(max(w+2, 6), limit)
	}
	return ws
}

// valueWidth is the width a value needs in its column.
func valueWidth(v any, k colKind) int {
	switch x := v.(type) {
	case nil:
		return 0
	case string:
		return displayWidth(x)
	case selfText:
		return displayWidth(string(x))
	case link:
		return displayWidth(x.text)
	case fig:
		if !x.ok {
			return displayWidth(x.blank)
		}
		n := numberWidth(x.v, k)
		if x.marks&markApprox != 0 {
			n += 2
		}
		return n
	}
	if f, ok := number(v); ok {
		return numberWidth(f, k)
	}
	return displayWidth(text(v))
}

func numberWidth(f float64, k colKind) int {
	n := len(strconv.FormatInt(int64(f), 10))
	switch k {
	case colYear:
		return n
	case colPct:
		return n + 5
	case colMoney:
		return n + n/3 + 5
	case colDecimal, colPercentile:
		return n + n/3 + 2
	}
	return n + n/3
}

// displayWidth is the width of s in a cell: wide (CJK, full-width)
// characters count two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
			r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 ||
			r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x20000) || r == '—' || r == '“' || r == '”' {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// wrappedLines is how many lines s takes in a column of width w.
func wrappedLines(s string, w float64) int {
	if w <= 2 {
		return 1
	}
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n += max(1, int((float64(displayWidth(line))+w-3)/(w-2)))
	}
	return min(n, 12)
}

// rowHeight is the height in points of a row of n lines of 11-point text.
func rowHeight(n int) float64 { return 15 * float64(n) }

// setDocProps sets the document properties every workbook carries.
func (b *book) setDocProps(title, subject, description string, now time.Time) error {
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Subject:        subject,
		Description:    description,
		Creator:        "xxgk " + Version,
		LastModifiedBy: "xxgk " + Version,
		Language:       "zh-CN",
		Category:       "政府信息公开工作年度报告",
		Keywords:       "政府信息公开; 年度报告; 依申请公开",
		Created:        now.UTC().Format(time.RFC3339),
		Modified:       now.UTC().Format(time.RFC3339),
	}); err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	if err := b.f.SetAppProps(&excelize.AppProperties{Application: "xxgk", AppVersion: "1.0000"}); err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	return nil
}

// chartLanguage marks every chart of the workbook as Chinese: excelize
// writes en-US, which makes some readers pick Latin fonts and number
// conventions for the axis labels.
func (b *book) chartLanguage() {
	b.f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		data, ok := v.([]byte)
		if ok && strings.HasPrefix(name, "xl/charts/chart") {
			b.f.Pkg.Store(name, bytes.ReplaceAll(data, []byte(`"en-US"`), []byte(`"zh-CN"`)))
		}
		return true
	})
}

func ptr[T any](v T) *T { return &v }

// ref is an absolute reference to a range of a sheet, for chart series.
func ref(sheet string, c1, r1, c2, r2 int) string {
	a, _ := excelize.CoordinatesToCellName(c1, r1, true)
	z, _ := excelize.CoordinatesToCellName(c2, r2, true)
	return fmt.Sprintf("'%s'!%s:%s", sheet, a, z)
}
