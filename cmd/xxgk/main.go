package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/xxgk/xxgk/internal/termtext"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// Exit codes, documented in the README.
const (
	exitOK      = 0 // all good
	exitPartial = 1 // some inputs failed; the rest were stored and built
	exitFatal   = 2 // usage or fatal error
)

// errUsage marks a usage error (exit 2); the message has been printed.
var errUsage = errors.New("usage")

// errPartial marks a run where some inputs failed but the rest were done (exit 1).
var errPartial = errors.New("some inputs failed")

type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"extract": {"parse reports and print one JSON object per report (nothing is stored)", runExtract},
	"ingest":  {"parse reports into the DuckDB file, skipping unchanged ones", runIngest},
	"build":   {"write the chart site and the Excel workbooks from the database", runBuild},
	"run":     {"ingest then build: the job a scheduler calls", runRun},
	"status":  {"show the last runs, their changes and the open errors", runStatus},
	"query":   {"run a named query of queries/ and print its result", runQuery},
	"gen":     {"generate a labelled synthetic corpus for tests and benchmarks", runGen},
	"version": {"print the version", func(_ context.Context, _ []string, w, _ io.Writer) error {
		fmt.Fprintln(w, "xxgk", version)
		return nil
	}},
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "xxgk: government information-disclosure annual reports → DuckDB → charts and workbooks")
	fmt.Fprintln(w, "\nUsage: xxgk COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'xxgk COMMAND --help' for a command's flags and an example.")
	fmt.Fprintln(w, "Exit codes: 0 all good; 1 some inputs failed but the rest were stored and built; 2 usage or fatal error.")
}

func main() {
	os.Exit(mainCode(os.Args[1:], os.Stdout, os.Stderr))
}

func mainCode(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return exitFatal
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "xxgk: unknown command %q\n", args[0])
		usage(stderr)
		return exitFatal
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return exitCode(cmd.run(ctx, args[1:], stdout, stderr), stderr)
}

// exitCode maps a command's error onto the documented exit codes.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage):
		return exitFatal
	case errors.Is(err, errPartial):
		return exitPartial
	default:
		fmt.Fprintln(stderr, "xxgk:", termtext.Escape(err.Error()))
		return exitFatal
	}
}
