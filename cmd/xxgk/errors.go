package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"syscall"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/xxgk/xxgk/etl/load"
)

// errHelp is what parseArgs returns once it printed --help: exit 0.
var errHelp = errors.New("help printed")

// errPartial marks a run where some inputs failed but the rest were done (exit 1).
var errPartial = errors.New("some inputs failed")

// usageError is a mistake on the command line (exit 2). Its message names
// the wrong argument first.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// failure is a fatal error with its sentence for people: what failed, on
// which file, what to do. The chain under it is printed with --verbose.
type failure struct {
	msg string
	err error
}

func (f *failure) Error() string {
	if f.err == nil {
		return f.msg
	}
	return f.msg + ": " + f.err.Error()
}

func (f *failure) Unwrap() error { return f.err }

// fail makes a failure whose sentence is the formatted text followed by
// what sentence says of err (the cause in a few words, and what to do).
func fail(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	msg := fmt.Sprintf(format, args...)
	if why := cause(err); why != "" {
		msg += ": " + why
	}
	return &failure{msg: msg, err: err}
}

// partial is the exit-1 error of a run where n of total inputs failed.
// rest says what became of the others ("the rest were stored").
func partial(n, total int, noun, rest string) error {
	return fmt.Errorf("%d of %d %s failed (each is named above; %s): %w", n, total, noun, rest, errPartial)
}

// sentence is the one line printed for err.
func sentence(err error) string {
	var f *failure
	if errors.As(err, &f) {
		return f.msg
	}
	if errors.Is(err, errPartial) {
		return strings.TrimSuffix(err.Error(), ": "+errPartial.Error())
	}
	if why := cause(err); why != "" {
		return why
	}
	return "failed (run again with --verbose for the details)"
}

// duckLock matches DuckDB's message when another process holds a file.
var duckLock = regexp.MustCompile(`Conflicting lock is held in (.*?) \(PID (\d+)\)`)

// cause says in a few words what went wrong underneath, with what to do,
// without the chain of Go wrappers or DuckDB's own text.
func cause(err error) string {
	var locked *load.LockedError
	var pe *fs.PathError
	var de *duckdb.Error
	switch {
	case errors.As(err, &locked):
		who := "another xxgk run"
		if locked.PID != 0 {
			who = fmt.Sprintf("another xxgk run (pid %d)", locked.PID)
		}
		return fmt.Sprintf("%s is writing %s; try again when it has finished", who, locked.DB)
	case errors.Is(err, context.Canceled):
		return "stopped by a signal; what was committed is kept and the next run carries on"
	case errors.Is(err, syscall.ENOSPC):
		return "the disk is full; free some space and run again"
	case errors.Is(err, syscall.EROFS):
		return "the file system is read-only; point the output or --db at a writable folder"
	case errors.As(err, &pe) && errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("no permission to use %s; check its owner and mode", pe.Path)
	case errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("%s does not exist", pe.Path)
	case errors.As(err, &de):
		if m := duckLock.FindStringSubmatch(de.Error()); m != nil {
			return fmt.Sprintf("the file is open for writing in another program (%s, pid %s); close it there, "+
				"or open it read-only (duckdb -readonly), and try again", baseName(m[1]), m[2])
		}
		if strings.Contains(de.Error(), "Permission denied") {
			return "no permission to open the database file; check its owner and mode"
		}
		return "DuckDB refused it (run again with --verbose for its message)"
	}
	return innermost(err)
}

// innermost is the message of the error at the bottom of the chain.
func innermost(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

func baseName(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}
