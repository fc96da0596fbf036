package report

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Stage names the pipeline step where a file failed.
type Stage string

// The stages a file passes through.
const (
	StageRead     Stage = "read"
	StageIdentify Stage = "identify"
	StageExtract  Stage = "extract"
	StageLoad     Stage = "load"
)

// FileError is a failure of one input file. It feeds both the one-line
// message on stderr and the ingest_errors row.
type FileError struct {
	Path  string
	Stage Stage
	Err   error
}

func (e *FileError) Error() string {
	return fmt.Sprintf("%s %q: %v", e.Stage, e.Path, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// ErrNoYear is wrapped by the refusal to store a report whose year neither
// its text, its page nor an operator gives: extraction still reads its
// figures (the exchange record has year null), but a stored report always
// has a year, never 0.
var ErrNoYear = errors.New("no year reported on")

// NoYear is the error of a report at path that has no year: it names what
// would give one. Ingest and load return it rather than store the report.
func NoYear(path string) *FileError {
	return &FileError{Path: path, Stage: StageIdentify, Err: fmt.Errorf(
		"%w: the title, the statistics period, the text and the publication date give none, so it is not stored; "+
			"give the year with --manifest FILE (a year column for this path) or a sidecar %q", ErrNoYear,
		filepath.Base(strings.TrimSuffix(path, filepath.Ext(path)))+".meta.json")}
}
