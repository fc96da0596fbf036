package read

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/xxgk/xxgk/etl/report"
)

// Government sites carry the page metadata that 政府网站发展指引 requires
// of them in their <head>: ArticleTitle, SiteName, ColumnName, PubDate and
// ContentSource meta tags, beside the <title>. Identification weighs them as
// evidence (the SiteName is the host, not the publisher), so the reader
// keeps them as printed.

// metaHeadBytes bounds the bytes searched for the end of <head>.
const metaHeadBytes = 64 << 10

// pageMeta reads the metadata of a page's head, decoded with the encoding
// the page's text was decoded with. A page without a head has none.
func pageMeta(raw []byte, enc string) report.Meta {
	head := raw[:min(len(raw), metaHeadBytes)]
	end := indexFold(head, "</head")
	if end < 0 {
		return report.Meta{}
	}
	// Cut at an ASCII "<": no byte of a multi-byte GBK, Big5 or UTF-8
	// character is below 0x40, so the cut splits none.
	text := string(head[:end])
	if enc != "utf-8" {
		if e, _ := lookup(enc); e != nil {
			if b, err := e.NewDecoder().Bytes(head[:end]); err == nil {
				text = string(b)
			}
		}
	}
	var m report.Meta
	z := html.NewTokenizer(strings.NewReader(text))
	inTitle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return m
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch t.DataAtom {
			case atom.Title:
				inTitle = true
			case atom.Meta:
				name, content := "", ""
				for _, a := range t.Attr {
					switch strings.ToLower(a.Key) {
					case "name", "property":
						name = strings.ToLower(a.Val)
					case "content":
						content = strings.TrimSpace(a.Val)
					}
				}
				setMeta(&m, name, content)
			}
		case html.EndTagToken:
			inTitle = false
		case html.TextToken:
			if inTitle && m.Title == "" {
				m.Title = strings.TrimSpace(string(z.Text()))
			}
		}
	}
}

// indexFold is the offset of the ASCII word w in b, in any case, or -1. It
// compares bytes, so it works on any ASCII-compatible encoding (bytes.ToLower
// would read GBK as broken UTF-8 and move the offsets).
func indexFold(b []byte, w string) int {
	for i := 0; i+len(w) <= len(b); i++ {
		if b[i] == w[0] && bytes.EqualFold(b[i:i+len(w)], []byte(w)) {
			return i
		}
	}
	return -1
}

// setMeta stores one meta tag by its (lower-cased) name.
func setMeta(m *report.Meta, name, content string) {
	if content == "" {
		return
	}
	switch name {
	case "articletitle":
		m.ArticleTitle = content
	case "sitename":
		m.SiteName = content
	case "columnname":
		m.ColumnName = content
	case "pubdate":
		m.PubDate = content
	case "contentsource":
		m.ContentSource = content
	}
}
