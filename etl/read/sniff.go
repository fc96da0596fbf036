package read

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// sniff names the format of raw by its content. The extension only breaks
// ties that content cannot (markup in a .txt stays text unless it looks
// like a page).
func sniff(raw []byte, path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	head := raw[:min(len(raw), 1024)]
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return FormatPDF, nil
	case bytes.HasPrefix(raw, []byte("PK\x03\x04")), bytes.HasPrefix(raw, []byte("PK\x05\x06")):
		return sniffZip(raw, ext)
	case bytes.HasPrefix(raw, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		// OLE2 compound file: Word 97-2003, but also .xls and .ppt, which
		// only the extension tells apart without parsing the container.
		switch ext {
		case ".xls", ".et":
			return FormatXLS, nil
		case ".ppt", ".pps":
			return "", fmt.Errorf("not supported: legacy %s (save it as .docx or .pdf)", ext)
		}
		return FormatDOC, nil
	case bytes.HasPrefix(raw, []byte("{\\rtf")):
		return "", errors.New("not supported: RTF document (save it as .docx or .txt)")
	case looksBinary(raw):
		return "", errBinary
	case ext == ".html" || ext == ".htm" || ext == ".shtml" || ext == ".xhtml" || looksHTML(raw):
		return FormatHTML, nil
	}
	return FormatTXT, nil
}

// sniffZip tells a docx from an xlsx by the parts inside the archive.
func sniffZip(raw []byte, ext string) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		kind := strings.TrimPrefix(ext, ".")
		if kind != "docx" && kind != "xlsx" {
			kind = "zip"
		}
		return "", fmt.Errorf("corrupt %s: %w", kind, err)
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return FormatDOCX, nil
		case "xl/workbook.xml":
			return FormatXLSX, nil
		}
	}
	switch ext {
	case ".docx":
		return "", errors.New("corrupt docx: no word/document.xml")
	case ".xlsx":
		return "", errors.New("corrupt xlsx: no xl/workbook.xml")
	}
	return "", errors.New("not a text document: zip archive without a Word or Excel document")
}

// looksBinary reports control bytes a text file does not have: any NUL
// (UTF-16 without a BOM is not supported), or more than 1% other controls
// in the first 8 KB.
func looksBinary(raw []byte) bool {
	if bytes.HasPrefix(raw, []byte("\xff\xfe")) || bytes.HasPrefix(raw, []byte("\xfe\xff")) {
		return false // UTF-16 with a BOM
	}
	head := raw[:min(len(raw), 8<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return ctl*100 > len(head)
}

// looksBinaryText catches binary content that survived decoding: mostly
// undecodable or private-use characters.
func looksBinaryText(s string) bool {
	bad, n := 0, 0
	for _, r := range s {
		n++
		if r == '\ufffd' || (r >= 0xE000 && r <= 0xF8FF) {
			bad++
		}
	}
	return n > 0 && bad*10 > n
}

// looksHTML reports markup at the start of a file: a doctype, <html>, or
// the tags a saved page fragment starts with.
func looksHTML(raw []byte) bool {
	head := bytes.TrimLeft(raw[:min(len(raw), 2048)], "\xef\xbb\xbf \t\r\n")
	// ASCII case folding of a short prefix: bytes.ToLower would walk the
	// Unicode tables over every Chinese character.
	low := make([]byte, min(len(head), 512))
	for i := range low {
		c := head[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<div", "<p>", "<p ", "<!--"} {
		if bytes.HasPrefix(low, []byte(p)) {
			return true
		}
	}
	return bytes.HasPrefix(low, []byte("<?xml")) && bytes.Contains(low, []byte("<html"))
}
