package main

import (
	"flag"
	"time"

	"github.com/xxgk/xxgk/etl/read"
)

// limitFlags are the per-file limits of ingest and extract, written the
// same way as the keys of [limits] in xxgk.toml: sizes as 50MB, counts as
// plain numbers, durations as 60s.
type limitFlags struct {
	maxSize, maxDec, maxText byteSize
	maxRows, maxCells        int
	maxNodes                 int
	timeout                  time.Duration
}

func addLimitFlags(fs *flag.FlagSet) *limitFlags {
	def := read.DefaultLimits()
	lf := &limitFlags{maxSize: byteSize(def.MaxBytes), maxDec: byteSize(def.MaxDecompressed), maxText: byteSize(def.MaxText),
		maxRows: def.MaxRows, maxCells: def.MaxCells, maxNodes: def.MaxNodes}
	fs.Var(&lf.maxSize, "max-size", "refuse files larger than this, unread (a size: 50MB, 512KB, 1GB)")
	fs.Var(&lf.maxDec, "max-decompressed", "stop unpacking a docx/xlsx past this size (zip bombs; e.g. 200MB)")
	fs.Var(&lf.maxText, "max-text", "refuse a file whose text is longer than this (the memory one file may take; e.g. 4MB)")
	fs.IntVar(&lf.maxRows, "max-rows", def.MaxRows, "refuse a spreadsheet with more rows holding a value (all sheets)")
	fs.IntVar(&lf.maxCells, "max-cells", def.MaxCells, "refuse a file whose tables have more cells")
	fs.IntVar(&lf.maxNodes, "max-nodes", def.MaxNodes, "refuse an HTML page with more tags, or a docx with more XML elements")
	fs.DurationVar(&lf.timeout, "timeout", def.Timeout, "give up on one file after this long, from its stat to its extraction (e.g. 60s, 2m)")
	return lf
}

func (lf *limitFlags) limits() read.Limits {
	return read.Limits{MaxBytes: int64(lf.maxSize), MaxDecompressed: int64(lf.maxDec), MaxText: int64(lf.maxText),
		MaxRows: lf.maxRows, MaxCells: lf.maxCells, MaxNodes: lf.maxNodes, Timeout: lf.timeout}
}
