package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlags makes a command's flag set. Every command takes --verbose. The
// usage (--help) goes to stdout; mistakes are reported by parseArgs.
func newFlags(e *env, synopsis, what, example string) *flag.FlagSet {
	fs := flag.NewFlagSet(e.cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&e.verbose, "verbose", e.verbose, "under a failure's sentence, print the error chain it came from")
	fs.Usage = func() {
		w := e.stdout
		fmt.Fprintf(w, "Usage: xxgk %s %s\n", e.cmd, synopsis)
		if what != "" {
			fmt.Fprintf(w, "\n%s\n", what)
		}
		fmt.Fprintln(w, "\nFlags (before, between or after the arguments; -- ends them):")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		fmt.Fprintf(w, "\nExample:\n  %s\n", example)
	}
	return fs
}

// parseArgs parses flags anywhere among the arguments (`ingest DIR --db X`)
// and returns the arguments that are not flags, in order. Everything after
// "--" is an argument. --help prints the usage and returns errHelp; a
// mistake returns a usage error naming the wrong argument.
func parseArgs(e *env, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.Usage()
				return nil, errHelp
			}
			return nil, &usageError{flagProblem(err)}
		}
		rest := fs.Args()
		used := len(args) - len(rest)
		if used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// flagProblem rewrites the flag package's message as a sentence that starts
// with the flag in question.
func flagProblem(err error) string {
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return fmt.Sprintf("%s is not a flag of this command", dashes(f))
	}
	if f, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Sprintf("%s needs a value", dashes(f))
	}
	// invalid value "x" for flag -name: reason / invalid boolean value "x" for -name: reason
	if rest, ok := strings.CutPrefix(msg, "invalid "); ok {
		if i := strings.Index(rest, " for "); i >= 0 {
			valuePart, flagPart := rest[:i], strings.TrimPrefix(rest[i+len(" for "):], "flag ")
			name, reason, _ := strings.Cut(flagPart, ": ")
			value := valuePart
			if j := strings.Index(valuePart, `"`); j >= 0 {
				value = valuePart[j:]
			}
			return fmt.Sprintf("%s %s: %s", dashes(name), value, reason)
		}
	}
	if f, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return fmt.Sprintf("%s is not a flag (write --name or --name=value)", f)
	}
	return msg
}

// dashes writes a flag the way the help shows it: --name.
func dashes(f string) string { return "--" + strings.TrimLeft(f, "-") }
