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

// Exit codes, documented in the README, the same for every command.
const (
	exitOK      = 0 // all good
	exitPartial = 1 // some inputs failed; the rest were stored and built
	exitFatal   = 2 // usage or fatal error
)

// env is one invocation: its outputs and the flags every command takes.
type env struct {
	cmd            string // the command's name, for messages
	stdout, stderr io.Writer
	verbose        bool // --verbose: print the error chain under a failure's sentence
}

type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

var commands = map[string]command{
	"extract":     {"parse reports and print one JSON object per report (nothing is stored)", runExtract},
	"ingest":      {"parse reports into the DuckDB file, skipping unchanged ones", runIngest},
	"load":        {"store exchange records (JSON lines from extract) as ingest would", runLoad},
	"build":       {"write the chart site and the Excel workbooks from the database", runBuild},
	"run":         {"ingest then build: the job a scheduler calls", runRun},
	"status":      {"show the last runs, their changes and the open errors", runStatus},
	"query":       {"run a named query of queries/ and print its result", runQuery},
	"gen":         {"generate a labelled synthetic corpus for tests and benchmarks", runGen},
	"version":     {"print the version (also: xxgk --version)", runVersion},
	"correct":     {"record a human correction of a figure, a report or a quality flag", runCorrect},
	"corrections": {"export the corrected reports as labelled test cases", runCorrections},
}

func runVersion(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, "", "", "xxgk version")
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q: version takes none", pos[0])
	}
	fmt.Fprintln(e.stdout, "xxgk", version)
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "xxgk: government information-disclosure annual reports → DuckDB → charts and workbooks")
	fmt.Fprintln(w, "\nUsage: xxgk COMMAND [args and flags, in any order]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-11s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'xxgk COMMAND --help' for a command's flags and an example.")
	fmt.Fprintln(w, "Every command takes --verbose (the full error chain under a failure) and --help.")
	fmt.Fprintln(w, "Exit codes: 0 all good; 1 some inputs failed but the rest were stored and built; 2 usage or fatal error.")
}

func main() {
	os.Exit(mainCode(os.Args[1:], os.Stdout, os.Stderr))
}

func mainCode(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	// Flags before the command: --verbose, and the ones that are commands.
	for len(args) > 0 && (args[0] == "--verbose" || args[0] == "-verbose") {
		e.verbose, args = true, args[1:]
	}
	if len(args) == 0 {
		usage(stderr)
		return exitFatal
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		args[0] = "version"
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "xxgk: %q is not a command; `xxgk --help` lists them\n", args[0])
		return exitFatal
	}
	e.cmd = args[0]
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return exitCode(cmd.run(ctx, e, args[1:]), e)
}

// exitCode prints a command's error for people and maps it onto the
// documented exit codes.
func exitCode(err error, e *env) int {
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "xxgk %s: %s\nRun 'xxgk %s --help' for its arguments, flags and an example.\n", e.cmd, termtext.Escape(ue.msg), e.cmd)
		return exitFatal
	case errors.Is(err, errPartial):
		fmt.Fprintf(e.stderr, "xxgk %s: %s\n", e.cmd, termtext.Escape(sentence(err)))
		return exitPartial
	default:
		// The sentence and the chain carry file names and messages from
		// anywhere: escaped, so a control character cannot rewrite the screen.
		fmt.Fprintf(e.stderr, "xxgk %s: %s\n", e.cmd, termtext.Escape(sentence(err)))
		if e.verbose {
			fmt.Fprintf(e.stderr, "  error chain: %s\n", termtext.Escape(err.Error()))
		}
		return exitFatal
	}
}
