package report

import "fmt"

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
