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
// DefaultLimits; a negative one means no limit. MaxText, MaxRows, MaxCells
// and MaxNodes bound what a reader may accumulate, and so its memory.
type Limits struct {
	MaxBytes        int64         // file size, checked before a byte is read
	MaxDecompressed int64         // bytes unpacked from a docx/xlsx, or printed by a tool
	MaxText         int64         // text one file may produce
	MaxRows         int           // spreadsheet rows holding a value, all sheets of a file
	MaxCells        int           // table cells of a file (spreadsheet grids, docx and HTML tables)
	MaxNodes        int           // HTML tags of a page, or XML elements of a docx body
	Timeout         time.Duration // per file: reading, converters, extraction
}

// DefaultLimits are the documented defaults (the Default* constants).
func DefaultLimits() Limits {
	return Limits{MaxBytes: DefaultMaxBytes, MaxDecompressed: DefaultMaxDecompressed, MaxText: DefaultMaxText,
		MaxRows: DefaultMaxRows, MaxCells: DefaultMaxCells, MaxNodes: DefaultMaxNodes, Timeout: DefaultTimeout}
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
	lim = lim.withDefaults()
	// One descriptor from the check to the last byte: the path cannot be
	// swapped for a FIFO or a device between them.
	f, fi, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Check the size before reading: a 2 GB file must not be loaded to be refused.
	if lim.MaxBytes > 0 && fi.Size() > lim.MaxBytes {
		return nil, fmt.Errorf("file is %s, over the %s limit (--max-size)", FormatSize(fi.Size()), FormatSize(lim.MaxBytes))
	}
	raw, err := readCapped(ctx, f, lim.MaxBytes)
	if err != nil {
		if ctx.Err() != nil {
			return nil, cancelled(ctx, lim)
		}
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
		doc.Text, err = docxText(ctx, raw, lim)
	case FormatXLSX:
		doc.Encoding = "utf-8"
		doc.Text, err = xlsxText(ctx, raw, lim)
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
		doc.Text, doc.Encoding, err = htmlText(raw, lim)
		if err == nil {
			doc.Meta = pageMeta(raw, doc.Encoding)
		}
	default:
		doc.Text, doc.Encoding, err = Decode(raw, "")
		// Valid UTF-8 without control bytes is text; a legacy decoding
		// accepts almost any bytes, so check what it made of them.
		if err == nil && doc.Encoding != "utf-8" && looksBinaryText(doc.Text) {
			err = errBinary
		}
		if err == nil {
			var inScript bool
			doc.Text, inScript, err = jsHTML(doc.Text, lim) // tables inside script strings, see jshtml.go
			if err == nil && !inScript {
				doc.Text, _, err = rawHTMLTables(doc.Text, lim) // tables saved as page source, see rawhtml.go
			}
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, cancelled(ctx, lim)
		}
		return nil, err
	}
	if lim.MaxText > 0 && int64(len(doc.Text)) > lim.MaxText {
		return nil, textLimit(lim.MaxText)
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, fmt.Errorf("no text in %s file", format)
	}
	return doc, nil
}

var errBinary = errors.New("not a text document: binary content")

// readCapped reads at most limit bytes of f (the file may have grown since
// it was checked), stopping when ctx ends.
func readCapped(ctx context.Context, f *os.File, limit int64) ([]byte, error) {
	var r io.Reader = ctxReader{ctx, f}
	if limit > 0 {
		r = io.LimitReader(r, limit+1)
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if limit > 0 && int64(len(raw)) > limit {
		return nil, fmt.Errorf("file is over the %s limit (--max-size)", FormatSize(limit))
	}
	return raw, nil
}

// FormatSize prints a byte count the way the limits are written, as flags
// and in xxgk.toml (50MB, 512KB, 1GB, 300B), so a size in a message can be
// given back as a limit.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dGB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%.4gMB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.4gKB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%dB", n)
}

// companion reports whether a file inside a folder is the companion of a
// report rather than a report: a sidecar (NAME.meta.json) or a label file
// (NAME.json beside NAME.txt, as in a labelled corpus or a `gen` folder).
// Such files are never read as reports. dirs caches the folders' listings.
func companion(path string, dirs map[string]map[string]bool) bool {
	name := filepath.Base(path)
	if !strings.HasSuffix(strings.ToLower(name), ".json") {
		return false
	}
	if strings.HasSuffix(strings.ToLower(name), ".meta.json") {
		return true
	}
	dir := filepath.Dir(path)
	stems, ok := dirs[dir]
	if !ok {
		// The stems of the folder's files that are not JSON, read once.
		stems = map[string]bool{}
		if ents, err := os.ReadDir(dir); err == nil {
			for _, e := range ents {
				if ext := filepath.Ext(e.Name()); !e.IsDir() && !strings.EqualFold(ext, ".json") {
					stems[strings.TrimSuffix(e.Name(), ext)] = true
				}
			}
		}
		dirs[dir] = stems
	}
	return stems[strings.TrimSuffix(name, filepath.Ext(name))]
}

// Walk expands files and folders (recursively) into the files to read, in a
// stable order: arguments in the order given, each folder's files sorted by
// path. Hidden files and folders (".name") inside folders are skipped, and
// so are the companions of reports (sidecars and label files, see
// companion); a path named explicitly is always kept. Every other entry is returned, even
// one that is not a report or cannot be read, so that File reports it as an
// error instead of it vanishing. A path given twice is returned once.
//
// A folder that cannot be listed (unreadable, or removed while the walk
// runs) does not stop the walk: it is returned in failed, one error naming
// the folder, and the walk goes on with the rest.
func Walk(paths []string) (files []string, failed []*report.FileError) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	siblings := map[string]map[string]bool{} // folder → its file names, for companion
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil || !fi.IsDir() {
			add(root) // File names the problem
			continue
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				// WalkDir reports a folder it could not list here, after
				// having visited it; an entry that vanished is the same.
				if !seen[p] {
					seen[p] = true
					failed = append(failed, &report.FileError{Path: p, Stage: report.StageRead,
						Err: fmt.Errorf("cannot list folder: %w", unwrapPath(err))})
				}
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if walkDirHook != nil {
					walkDirHook(p)
				}
				return nil
			}
			if !companion(p, siblings) {
				add(p)
			}
			return nil
		})
	}
	return files, failed
}

// walkDirHook, when set by a test, is called on each folder before it is
// listed, so a test can remove it or take its permissions away mid-walk.
var walkDirHook func(dir string)

// SetWalkHook makes Walk call h on each folder before listing it, and
// returns the function that removes it. It is a seam for tests of callers
// (a folder removed in the middle of a walk); nothing else should set it.
func SetWalkHook(h func(dir string)) (restore func()) {
	old := walkDirHook
	walkDirHook = h
	return func() { walkDirHook = old }
}

// unwrapPath drops the *fs.PathError around an error: the FileError names
// the path already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
