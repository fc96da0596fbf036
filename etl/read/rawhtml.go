package read

import (
	"strings"
)

// A crawler that saves a page's text often keeps the report's tables as the
// page source: the prose comes through as lines, each table as a block of
// <table><tr><td>… markup (real-variants.md item 19). Read as text, that
// block is markup no table reader can use. rawHTMLTables finds such blocks
// in a text file and puts in their place the table laid out as the HTML
// reader lays out a page: pipe rows. The prose around them keeps its lines.
//
// A block counts as markup only when it is one: a <table> tag closed by
// </table> (or running to the end of the text), holding two <tr> rows or
// more and at least minRawCells cell tags, with tags making up at least a
// fifth of its bytes. Prose that mentions "<table>" or "<td>" in a sentence
// has no rows.

// minRawCells is fewer cells than any table of the national forms has (the
// smallest, the fees block, has four) and more than a sentence about markup
// quotes.
const minRawCells = 4

// rawHTMLTables returns text with every HTML data table written as markup
// replaced by its pipe rows, and whether any was. Text without a <table tag
// is returned unchanged, cheaply. The blocks are laid out under the HTML
// limits (tags, table cells, text) as a page is; err is the first limit
// passed.
func rawHTMLTables(text string, lim Limits) (out string, changed bool, err error) {
	if !mentionsTable(text) {
		return text, false, nil
	}
	budget := newHTMLBudget(lim)
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		start := indexTag(text, i, "<table")
		if start < 0 {
			break
		}
		end := tableEnd(text, start)
		block := text[start:end]
		i = end
		if !looksMarkup(block) {
			continue
		}
		laid, ok := layoutFragment(block, budget, b.Len())
		if budget.err != nil {
			return "", false, budget.err
		}
		if !ok {
			continue
		}
		b.WriteString(text[last:start])
		if last < start && text[start-1] != '\n' {
			b.WriteByte('\n')
		}
		b.WriteString(laid)
		b.WriteByte('\n')
		last, changed = end, true
	}
	if !changed {
		return text, false, nil
	}
	b.WriteString(text[last:])
	return b.String(), true, nil
}

// indexTag returns the index at or after from of the tag opened by name
// ("<table", "</table"), matched without regard to ASCII case and followed
// by a space, '>' or '/', or -1.
func indexTag(text string, from int, name string) int {
	for i := from; i < len(text); {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if k := i + len(name); k <= len(text) && strings.EqualFold(text[i:k], name) &&
			(k == len(text) || strings.IndexByte(" \t\r\n>/", text[k]) >= 0) {
			return i
		}
		i++
	}
	return -1
}

// tableEnd returns the index after the </table> that closes the table
// opened at start, counting nested tables; a table left open runs to the
// end of the text.
func tableEnd(text string, start int) int {
	depth, i := 0, start
	for {
		open := indexTag(text, i, "<table")
		closing := indexTag(text, i, "</table")
		switch {
		case closing < 0:
			return len(text)
		case open >= 0 && open < closing:
			depth++
			i = open + 1
		default:
			depth--
			i = closing + 1
			if depth == 0 {
				if gt := strings.IndexByte(text[closing:], '>'); gt >= 0 {
					return closing + gt + 1
				}
				return len(text)
			}
		}
	}
}

// looksMarkup reports whether a block opened by <table is table markup
// rather than prose quoting a tag: two rows or more, minRawCells cell tags
// or more, and tags at least a fifth of its bytes.
func looksMarkup(block string) bool {
	rows, cells := 0, 0
	tagBytes := 0
	for i := 0; i < len(block); {
		j := strings.IndexByte(block[i:], '<')
		if j < 0 {
			break
		}
		i += j
		k := strings.IndexByte(block[i:], '>')
		if k < 0 {
			break
		}
		tag := block[i : i+k+1]
		tagBytes += len(tag)
		if len(tag) >= 4 && strings.IndexByte(" \t\r\n>", tag[3]) >= 0 {
			switch {
			case strings.EqualFold(tag[:3], "<td"), strings.EqualFold(tag[:3], "<th"):
				cells++
			case strings.EqualFold(tag[:3], "<tr"):
				rows++
			}
		}
		i += k + 1
	}
	return rows >= 2 && cells >= minRawCells && tagBytes*5 >= len(block)
}
