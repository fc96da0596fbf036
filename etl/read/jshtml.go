package read

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Some sites deliver the report as HTML inside a JavaScript or JSON string
// (`let content = "<p>…</p><table border=\"1\">…"`): the page a crawler
// saves, or the data file behind it, is code, and the report's tables are in
// a string literal with escaped quotes and &nbsp; blanks. Read as text, such
// a table is one endless line of markup that no table reader can use.
// jsHTML finds these literals and puts the HTML they hold in their place, laid
// out as the HTML reader lays out a page: paragraphs as lines, tables as pipe
// rows (real-variants.md item 19).

// minJSHTML is the shortest literal worth decoding: a table of the national
// forms is kilobytes; a short string holding "<table" is a code fragment.
const minJSHTML = 64

// jsHTML returns text with every string literal that holds an HTML data
// table replaced by the laid-out text of that HTML, and whether any was.
// Literals joined with + are read as one. Text without such a literal is
// returned unchanged, cheaply: most documents do not mention "<table".
// The literals are laid out under the HTML limits (tags, table cells,
// text) as a page is; err is the first limit passed.
func jsHTML(text string, lim Limits) (out string, changed bool, err error) {
	if !mentionsTable(text) {
		return text, false, nil
	}
	budget := newHTMLBudget(lim)
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == '/' && i+1 < len(text) && text[i+1] == '*':
			end := strings.Index(text[i+2:], "*/")
			if end < 0 {
				i = len(text)
				continue
			}
			i += end + 4
		case c == '/' && i+1 < len(text) && text[i+1] == '/' && (i == 0 || text[i-1] != ':'):
			// A line comment; "http://" is not one.
			end := strings.IndexByte(text[i:], '\n')
			if end < 0 {
				i = len(text)
				continue
			}
			i += end
		case c == '"' || c == '\'' || c == '`':
			start := i
			val, end, ok := jsStringChain(text, i)
			if !ok {
				i++
				continue
			}
			i = end
			if end-start < minJSHTML || !mentionsTable(val) {
				continue
			}
			laid, ok := layoutFragment(val, budget, b.Len())
			if budget.err != nil {
				return "", false, budget.err
			}
			if !ok {
				continue
			}
			b.WriteString(text[last:start])
			b.WriteString("\n")
			b.WriteString(laid)
			b.WriteString("\n")
			last, changed = end, true
		default:
			i++
		}
	}
	if !changed {
		return text, false, nil
	}
	b.WriteString(text[last:])
	return b.String(), true, nil
}

// mentionsTable reports whether s holds a <table tag, written plainly or
// with the < escaped as JSON encoders write it (\u003ctable).
func mentionsTable(s string) bool {
	for _, t := range [...]string{"<table", "<TABLE", "<Table", `\u003ctable`, `\u003Ctable`, `\x3ctable`, `\x3Ctable`} {
		if strings.Contains(s, t) {
			return true
		}
	}
	return false
}

// jsStringChain reads the string literal that starts at text[i], and the
// literals joined to it with +, and returns their decoded value and the
// index after the last one. ok is false when text[i] does not start a
// literal that closes (a quote in prose, an apostrophe).
func jsStringChain(text string, i int) (val string, end int, ok bool) {
	val, end, ok = jsString(text, i)
	if !ok {
		return "", i, false
	}
	for {
		j := skipJSSpace(text, end)
		if j >= len(text) || text[j] != '+' {
			return val, end, true
		}
		j = skipJSSpace(text, j+1)
		if j >= len(text) || (text[j] != '"' && text[j] != '\'' && text[j] != '`') {
			return val, end, true
		}
		more, e, ok := jsString(text, j)
		if !ok {
			return val, end, true
		}
		val, end = val+more, e
	}
}

func skipJSSpace(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
		i++
	}
	return i
}

// jsString decodes the literal quoted by text[i] (", ' or `). A quoted
// literal ends at its line; a template literal may span lines, and its
// ${…} parts are kept as text.
func jsString(text string, i int) (val string, end int, ok bool) {
	q := text[i]
	var b strings.Builder
	j := i + 1
	run := j // start of the bytes not yet copied
	for j < len(text) {
		c := text[j]
		switch {
		case c == q:
			b.WriteString(text[run:j])
			return b.String(), j + 1, true
		case c == '\n' && q != '`':
			return "", i, false
		case c == '\\' && j+1 < len(text):
			b.WriteString(text[run:j])
			s, n := jsEscape(text[j+1:])
			b.WriteString(s)
			j += 1 + n
			run = j
			continue
		}
		j++
	}
	return "", i, false
}

// jsEscape decodes the escape sequence after a backslash and returns its
// text and the bytes it took. An unknown escape stands for its character,
// as in JavaScript.
func jsEscape(s string) (string, int) {
	switch s[0] {
	case 'n':
		return "\n", 1
	case 'r':
		return "", 1
	case 't':
		return "\t", 1
	case 'b', 'f', 'v':
		return " ", 1
	case '0':
		return "", 1
	case '\n':
		return "", 1 // a line continuation
	case '\r':
		if len(s) > 1 && s[1] == '\n' {
			return "", 2
		}
		return "", 1
	case 'x':
		if len(s) >= 3 {
			if v, err := strconv.ParseUint(s[1:3], 16, 8); err == nil {
				return string(rune(v)), 3
			}
		}
	case 'u':
		if len(s) >= 2 && s[1] == '{' {
			if end := strings.IndexByte(s, '}'); end > 2 && end <= 9 {
				if v, err := strconv.ParseUint(s[2:end], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
					return string(rune(v)), end + 1
				}
			}
			break
		}
		if len(s) >= 5 {
			if v, err := strconv.ParseUint(s[1:5], 16, 16); err == nil {
				r, n := rune(v), 5
				// A surrogate pair: \ud83d\ude00.
				if r >= 0xD800 && r < 0xDC00 && len(s) >= 11 && s[5] == '\\' && s[6] == 'u' {
					if lo, err := strconv.ParseUint(s[7:11], 16, 16); err == nil && lo >= 0xDC00 && lo < 0xE000 {
						r, n = 0x10000+(r-0xD800)<<10+(rune(lo)-0xDC00), 11
					}
				}
				if !utf8.ValidRune(r) {
					r = utf8.RuneError
				}
				return string(r), n
			}
		}
	}
	_, n := utf8.DecodeRuneInString(s)
	return s[:n], n
}

// layoutFragment lays out an HTML fragment as the HTML reader lays out a
// page, under lim with base bytes of text already held. ok is false when it
// holds no data table (a layout table, or markup that only mentions one),
// so such a literal is left as it was, or when a limit was passed
// (lim.err says which).
func layoutFragment(fragment string, lim *htmlBudget, base int) (string, bool) {
	if !lim.fragment(fragment) {
		return "", false
	}
	root, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return "", false
	}
	w := &htmlWriter{lim: lim, base: base}
	w.node(root, false)
	if w.tables == 0 || lim.err != nil {
		return "", false
	}
	return strings.TrimSpace(w.b.String()), true
}

// scriptTables lays out the HTML that the scripts of a page carry in their
// string literals, for a page whose visible body holds no data table: the
// report is then in the script, filled in by the browser. It lays them out
// under the page's budget lim, base bytes of text being held already; a
// limit passed stops it (lim.err).
func scriptTables(root *html.Node, lim *htmlBudget, base int) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			var src strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					src.WriteString(c.Data)
				}
			}
			if s, ok := jsHTMLOnly(src.String(), lim, base+b.Len()); ok {
				b.WriteString(s)
				b.WriteByte('\n')
			}
			return
		}
		for c := n.FirstChild; c != nil && lim.err == nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

// jsHTMLOnly is jsHTML keeping only the laid-out literals: the code around
// them is not part of a page's text. They are laid out under lim.
func jsHTMLOnly(src string, lim *htmlBudget, base int) (string, bool) {
	if !mentionsTable(src) {
		return "", false
	}
	var parts []string
	held := base
	for i := 0; i < len(src) && lim.err == nil; {
		c := src[i]
		if c != '"' && c != '\'' && c != '`' {
			i++
			continue
		}
		val, end, ok := jsStringChain(src, i)
		if !ok {
			i++
			continue
		}
		i = end
		if len(val) < minJSHTML || !mentionsTable(val) {
			continue
		}
		if laid, ok := layoutFragment(val, lim, held); ok {
			parts = append(parts, laid)
			held += len(laid) + 1
		}
	}
	return strings.Join(parts, "\n"), len(parts) > 0
}
