package read

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The documented defaults of Limits. A report is a few tens of KB of text
// with a few hundred table cells; every cap is far above the largest report
// seen and far below what would take a worker's memory. What a reader may
// accumulate for one file is bounded by MaxText (its text), MaxCells (the
// grids of its tables) and MaxNodes (the elements of its markup): together
// they are the per-file memory budget.
const (
	DefaultMaxBytes        = 50 << 20 // file size
	DefaultMaxDecompressed = 200 << 20
	DefaultMaxText         = 4 << 20 // about 100 times the longest report seen
	DefaultMaxRows         = 50_000  // spreadsheet rows holding a value, all sheets
	DefaultMaxCells        = 500_000 // table cells, all tables of a file
	DefaultMaxNodes        = 500_000 // HTML tags, or docx XML elements
	DefaultTimeout         = 60 * time.Second
)

// withDefaults fills the zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	def := DefaultLimits()
	if l.MaxBytes == 0 {
		l.MaxBytes = def.MaxBytes
	}
	if l.MaxDecompressed == 0 {
		l.MaxDecompressed = def.MaxDecompressed
	}
	if l.MaxText == 0 {
		l.MaxText = def.MaxText
	}
	if l.MaxRows == 0 {
		l.MaxRows = def.MaxRows
	}
	if l.MaxCells == 0 {
		l.MaxCells = def.MaxCells
	}
	if l.MaxNodes == 0 {
		l.MaxNodes = def.MaxNodes
	}
	if l.Timeout == 0 {
		l.Timeout = def.Timeout
	}
	return l
}

// LimitError says a file went past one of its Limits; Flag names the
// option that raises it.
type LimitError struct {
	What  string // "text", "rows", ...
	Limit string // the limit as written, e.g. "4MB" or "50000"
	Flag  string // e.g. "--max-text"
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("more %s than the %s limit (%s)", e.What, e.Limit, e.Flag)
}

func textLimit(limit int64) error {
	return &LimitError{What: "text", Limit: FormatSize(limit), Flag: "--max-text"}
}

func countLimit(what string, limit int, flag string) error {
	return &LimitError{What: what, Limit: fmt.Sprint(limit), Flag: flag}
}

// textBudget counts the bytes of text a reader accumulates for one file.
type textBudget struct {
	left, limit int64 // limit <= 0: unlimited
}

func newTextBudget(limit int64) *textBudget { return &textBudget{left: limit, limit: limit} }

// take books n bytes; it fails once the file's text would pass the limit.
func (b *textBudget) take(n int) error {
	if b.limit <= 0 {
		return nil
	}
	b.left -= int64(n)
	if b.left < 0 {
		return textLimit(b.limit)
	}
	return nil
}

// cellBudget counts the table cells a reader holds for one file.
type cellBudget struct {
	left, limit int
}

func newCellBudget(limit int) *cellBudget { return &cellBudget{left: limit, limit: limit} }

func (b *cellBudget) take(n int) error {
	if b.limit <= 0 {
		return nil
	}
	b.left -= n
	if b.left < 0 {
		return countLimit("table cells", b.limit, "--max-cells")
	}
	return nil
}

// ctxReader ends a read when its context does: a reader that reads through
// it stops at the next block once the file's time is up.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) > 256<<10 {
		p = p[:256<<10] // a check at least every 256 KB
	}
	return c.r.Read(p)
}

// cancelled turns a context's end into the error of the file: a deadline
// is the file's own time limit.
func cancelled(ctx context.Context, lim Limits) error {
	err := ctx.Err()
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("took longer than %v (--timeout)", lim.Timeout)
	}
	return err
}

// OpenRegular opens path for reading without blocking and returns the file
// with its FileInfo, taken from the open descriptor: a path that is not a
// regular file (a FIFO, a device, a folder), even one swapped in after it
// was listed, is refused and never read. Opening a FIFO without O_NONBLOCK
// would wait for a writer for ever.
func OpenRegular(path string) (*os.File, os.FileInfo, error) {
	f, err := openNonblocking(path)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("not a regular file (%s)", fileKind(fi.Mode()))
	}
	return f, fi, nil
}

// fileKind names what a non-regular path is.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSymlink != 0:
		return "a symbolic link"
	}
	return m.Type().String()
}

// Hash returns the SHA-256 of the regular file at path, read within ctx.
func Hash(ctx context.Context, path string) (string, error) {
	f, _, err := OpenRegular(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, ctxReader{ctx, f}); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", fmt.Errorf("hash: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// checkTags refuses a page with more tags than MaxNodes before it is
// parsed: the parsed tree costs about a hundred bytes a node, and every
// element, comment or doctype starts with '<' (counting them is a memchr).
func checkTags(raw []byte, lim Limits) error {
	if lim.MaxNodes > 0 && bytes.Count(raw, []byte("<")) > lim.MaxNodes {
		return countLimit("HTML tags", lim.MaxNodes, "--max-nodes")
	}
	return nil
}

// htmlBudget caps what the HTML writer lays out: its text, and the cells
// of the tables it prints, each table checked before its grid is built.
type htmlBudget struct {
	lim   Limits
	cells *cellBudget
	tags  int   // tags of the HTML fragments found in script strings (jshtml.go)
	err   error // the first limit passed; the walk stops there
}

// fragment reports whether an HTML fragment found in a string literal may
// be parsed: its tags, with those of the fragments before it, must stay
// within MaxNodes (the page's own tags were counted by checkTags; a data
// file read as text had none counted).
func (b *htmlBudget) fragment(s string) bool {
	if b.err != nil {
		return false
	}
	b.tags += strings.Count(s, "<")
	if b.lim.MaxNodes > 0 && b.tags > b.lim.MaxNodes {
		b.err = countLimit("HTML tags", b.lim.MaxNodes, "--max-nodes")
		return false
	}
	return true
}

func newHTMLBudget(lim Limits) *htmlBudget {
	return &htmlBudget{lim: lim, cells: newCellBudget(lim.MaxCells)}
}

// over reports whether the walk must stop: a limit was passed, or the text
// written so far (held bytes) is past MaxText.
func (b *htmlBudget) over(held int) bool {
	if b.err == nil && b.lim.MaxText > 0 && int64(held) > b.lim.MaxText {
		b.err = textLimit(b.lim.MaxText)
	}
	return b.err != nil
}

// table reports whether the table n may be laid out: an upper bound of its
// grid (every row as wide as the widest, spans repeating their text) must
// fit in what is left of the cell and text budgets. A few hundred <tr> with
// colspan and rowspan would otherwise print gigabytes from a small page.
func (b *htmlBudget) table(n *html.Node, held int) bool {
	rows, width, carry := 0, 0, 0
	var size int64
	var walk func(*html.Node)
	walk = func(p *html.Node) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				continue // nested: flattened into its cell's text
			case atom.Tr:
				rows++
				w := 0
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type != html.ElementNode || (td.DataAtom != atom.Td && td.DataAtom != atom.Th) {
						continue
					}
					cs, rs := spanOf(td, "colspan", 64), spanOf(td, "rowspan", 1000)
					w += cs
					if rs > 1 {
						carry += cs
					}
					size += int64(textLen(td)+3) * int64(cs) * int64(rs)
				}
				width = max(width, w)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	width = min(width+carry, 256)
	size += int64(rows) * int64(3*width+2)
	if err := b.cells.take(rows * width); err != nil {
		b.err = err
		return false
	}
	if b.lim.MaxText > 0 && int64(held)+size > b.lim.MaxText {
		b.err = textLimit(b.lim.MaxText)
		return false
	}
	return true
}

// spanOf reads a colspan or rowspan as etl/table does, capped at limit.
func spanOf(n *html.Node, key string, limit int) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			switch {
			case err != nil || v < 0 || (v == 0 && key == "colspan"):
				return 1
			case v == 0 || v > limit:
				return limit
			}
			return v
		}
	}
	return 1
}

// textLen is the bytes of text under n, an upper bound of its cell text
// less the spaces between blocks.
func textLen(n *html.Node) int {
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			total += len(c.Data)
		case html.ElementNode:
			total += 1 + textLen(c)
		}
	}
	return total
}
