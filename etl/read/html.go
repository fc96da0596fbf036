package read

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/xxgk/xxgk/etl/table"
)

// metaCharset finds the charset a page declares in its first bytes:
// <meta charset="gbk">, <meta http-equiv="Content-Type" content="text/html;
// charset=gb2312">, or an XML declaration's encoding.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)|<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_.:\-]+)`)

func declaredCharset(raw []byte) string {
	m := metaCharset.FindSubmatch(raw[:min(len(raw), 4096)])
	if m == nil {
		return ""
	}
	return string(bytes.TrimSpace(append(m[1], m[2]...)))
}

// htmlText decodes a page and lays out its visible text: block elements on
// their own lines, tables as pipe rows, site chrome (scripts, navigation,
// page header and footer) dropped. The page's tags (MaxNodes) are counted
// before it is parsed, and its text and table cells are capped as they are
// laid out (MaxText, MaxCells).
func htmlText(raw []byte, lim Limits) (text, enc string, err error) {
	if err := checkTags(raw, lim); err != nil {
		return "", "", err
	}
	text, enc, err = Decode(raw, declaredCharset(raw))
	if err != nil {
		return "", "", err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return "", "", fmt.Errorf("parse html: %w", err)
	}
	w := &htmlWriter{lim: newHTMLBudget(lim)}
	w.node(root, false)
	if w.tables == 0 && w.lim.err == nil {
		// The script literals are laid out under the page's budget.
		w.b.WriteString("\n" + scriptTables(root, w.lim, w.b.Len())) // see jshtml.go
	}
	if w.lim.err != nil {
		return "", "", w.lim.err
	}
	return strings.TrimSpace(w.b.String()) + "\n", enc, nil
}

// htmlWriter accumulates lines. It writes a line break only after text, so
// nested blocks do not pile up blank lines, and whitespace between inline
// elements as one space, so "申请<span>12</span>件" stays "申请12件".
type htmlWriter struct {
	b       strings.Builder
	lim     *htmlBudget
	base    int  // text already held by the writers before this one under lim (jshtml.go)
	midLine bool // text written since the last line break
	space   bool // whitespace seen after the last text on this line
	tables  int  // data tables written as pipe rows
}

func (w *htmlWriter) newline() {
	if w.midLine {
		w.b.WriteByte('\n')
		w.midLine = false
	}
	w.space = false
}

func (w *htmlWriter) text(s string, pre bool) {
	if pre {
		w.b.WriteString(s)
		w.midLine = !strings.HasSuffix(s, "\n")
		w.space = false
		return
	}
	// Source line breaks inside a paragraph are not line breaks on the page.
	words := strings.FieldsFunc(s, isSpace)
	if len(words) == 0 {
		w.space = w.space || s != ""
		return
	}
	if w.midLine && (w.space || isSpace(rune(s[0]))) {
		w.b.WriteByte(' ')
	}
	w.b.WriteString(strings.Join(words, " "))
	w.midLine = true
	w.space = isSpace(rune(s[len(s)-1]))
}

// isSpace is HTML whitespace; no-break and ideographic spaces are text.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

func (w *htmlWriter) node(n *html.Node, pre bool) {
	if w.lim.over(w.base + w.b.Len()) {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.ElementNode:
		if skipElement(n) {
			return
		}
		switch n.DataAtom {
		case atom.Table:
			if !layoutTable(n) {
				w.tables++
				w.newline()
				// A caption often names the table ("三、收到和处理…申请情况").
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.DataAtom == atom.Caption {
						if s := table.CellText(c); s != "" {
							w.b.WriteString(s + "\n")
						}
					}
				}
				if w.lim.table(n, w.base+w.b.Len()) {
					w.b.WriteString(table.PipeRows(table.HTMLGrid(n)))
				}
				return
			}
		case atom.Br:
			w.b.WriteByte('\n')
			w.midLine = false
			return
		case atom.Pre, atom.Textarea:
			pre = true
		}
	}
	block := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if block {
		w.newline()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, pre)
	}
	if block {
		w.newline()
	}
}

// skipElement drops what is not the report: code, forms, and site chrome.
// <header>/<footer> inside an <article> or <main> are kept: there they hold
// the report's own title or signature.
func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe,
		atom.Nav, atom.Aside, atom.Select, atom.Button, atom.Svg, atom.Object:
		return true
	case atom.Header, atom.Footer:
		for p := n.Parent; p != nil; p = p.Parent {
			if p.DataAtom == atom.Article || p.DataAtom == atom.Main {
				return false
			}
		}
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "id" || a.Key == "class" {
			for _, tok := range strings.Fields(strings.ToLower(a.Val)) {
				if chromeTokens[tok] {
					return true
				}
			}
		}
		if a.Key == "style" && strings.Contains(strings.ReplaceAll(strings.ToLower(a.Val), " ", ""), "display:none") {
			return true
		}
	}
	return false
}

// chromeTokens are id/class values that name site chrome, matched as whole
// tokens ("nav", not "navigation-content").
var chromeTokens = map[string]bool{
	"nav": true, "navbar": true, "menu": true, "topbar": true, "header": true, "footer": true,
	"breadcrumb": true, "crumb": true, "crumbs": true, "sidebar": true, "share": true, "copyright": true,
}

// layoutCellRunes is more text than a data cell holds: row labels of the
// national tables are under 60 characters.
const layoutCellRunes = 400

// layoutTable reports a table used for page layout rather than data: one
// that holds another table, a single cell, or a cell holding a long text.
// Its cells are read as blocks.
func layoutTable(n *html.Node) bool {
	cells, nested := 0, false
	var walk func(*html.Node)
	walk = func(p *html.Node) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				nested = true
				continue
			case atom.Td, atom.Th:
				cells++
				if utf8.RuneCountInString(table.CellText(c)) > layoutCellRunes {
					nested = true // a whole article in one cell
				}
			}
			walk(c)
		}
	}
	walk(n)
	return nested || cells <= 1
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Tr, atom.Td, atom.Th,
		atom.Table, atom.Section, atom.Article, atom.Main, atom.Blockquote, atom.Pre,
		atom.Hr, atom.Center, atom.Form, atom.Address, atom.Figure, atom.Figcaption,
		atom.Caption, atom.Header, atom.Footer, atom.Body, atom.Html:
		return true
	}
	return false
}
