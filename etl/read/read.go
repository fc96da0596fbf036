package read

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xxgk/xxgk/etl/report"
)

// Limits bound what one file may cost. A zero field takes its default from
// DefaultLimits; a negative one means no limit.
type Limits struct {
	MaxBytes        int64         // file size
	MaxDecompressed int64         // bytes unpacked from a docx/xlsx, or printed by a tool
	Timeout         time.Duration // per file, for external tools
}

// DefaultLimits are the documented defaults.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 50 << 20, MaxDecompressed: 200 << 20, Timeout: 60 * time.Second}
}

// The formats a Document can have.
const (
	FormatTXT  = "txt"
	FormatHTML = "html"
	FormatDOCX = "docx"
	FormatPDF  = "pdf"
	FormatXLSX = "xlsx"
	FormatDOC  = "doc"
	FormatXLS  = "xls"
)

// File reads one file into a Document, choosing the decoder by content.
// Every error is a *report.FileError at report.StageRead.
func File(ctx context.Context, path string, lim Limits) (*report.Document, error) {
	doc, err := readFile(ctx, path, lim)
	if err != nil {
		return nil, &report.FileError{Path: path, Stage: report.StageRead, Err: err}
	}
	return doc, nil
}

func readFile(ctx context.Context, path string, lim Limits) (*report.Document, error) {
	def := DefaultLimits()
	if lim.MaxBytes == 0 {
		lim.MaxBytes = def.MaxBytes
	}
	if lim.MaxDecompressed == 0 {
		lim.MaxDecompressed = def.MaxDecompressed
	}
	if lim.Timeout == 0 {
		lim.Timeout = def.Timeout
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", fi.Mode().Type())
	}
	// Check the size before reading: a 2 GB file must not be loaded to be refused.
	if lim.MaxBytes > 0 && fi.Size() > lim.MaxBytes {
		return nil, fmt.Errorf("file is %s, over the %s limit (--max-size)", sizeText(fi.Size()), sizeText(lim.MaxBytes))
	}
	raw, err := readCapped(path, lim.MaxBytes)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, errors.New("empty file")
	}
	sum := sha256.Sum256(raw)
	doc := &report.Document{Path: path, Hash: hex.EncodeToString(sum[:]), Size: int64(len(raw))}
	format, err := sniff(raw, path)
	if err != nil {
		return nil, err
	}
	doc.Format = format
	switch format {
	case FormatDOCX:
		doc.Encoding = "utf-8"
		doc.Text, err = docxText(raw, lim)
	case FormatXLSX:
		doc.Encoding = "utf-8"
		doc.Text, err = xlsxText(raw, lim)
	case FormatPDF:
		doc.Encoding = "utf-8"
		doc.Text, err = pdfText(ctx, path, lim)
	case FormatDOC:
		doc.Encoding = "utf-8"
		doc.Text, err = docText(ctx, path, lim)
	case FormatXLS:
		doc.Encoding = "utf-8"
		doc.Text, err = xlsText(ctx, path, lim)
	case FormatHTML:
		doc.Text, doc.Encoding, err = htmlText(raw)
	default:
		doc.Text, doc.Encoding, err = Decode(raw, "")
		// Valid UTF-8 without control bytes is text; a legacy decoding
		// accepts almost any bytes, so check what it made of them.
		if err == nil && doc.Encoding != "utf-8" && looksBinaryText(doc.Text) {
			err = errBinary
		}
		if err == nil {
			doc.Text, _ = jsHTML(doc.Text) // tables inside script strings, see jshtml.go
		}
	}
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, fmt.Errorf("no text in %s file", format)
	}
	return doc, nil
}

var errBinary = errors.New("not a text document: binary content")

// readCapped reads at most limit bytes (the file may have grown since Stat).
func readCapped(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if limit > 0 && int64(len(raw)) > limit {
		return nil, fmt.Errorf("file is over the %s limit (--max-size)", sizeText(limit))
	}
	return raw, nil
}

// sizeText prints a byte count the way the limits are documented.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", (n+1<<19)>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Walk expands files and folders (recursively) into the files to read, in a
// stable order: arguments in the order given, each folder's files sorted by
// path. Hidden files and folders (".name") inside folders are skipped; a
// path named explicitly is always kept. Every other entry is returned, even
// one that is not a report or cannot be read, so that File reports it as an
// error instead of it vanishing. A path given twice is returned once.
func Walk(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil || !fi.IsDir() {
			add(root) // File names the problem
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("walk %q: %w", p, err)
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				add(p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
