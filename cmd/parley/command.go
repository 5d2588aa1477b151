package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// IO is what a subcommand reads and writes; tests pass buffers.
type IO struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// Stdio is the process's own standard streams and environment.
func Stdio() IO {
	return IO{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
}

// command is one subcommand. run returns a usageError for bad usage (exit 2)
// and any other error for failure (exit 1).
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, sio IO, args []string) error
}

var commands = map[string]command{}

// register adds a subcommand; each cmd_*.go file calls it from init.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("duplicate command " + c.name)
	}
	commands[c.name] = c
}

// usageError marks bad usage: the message is printed and the exit status is 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// exitError carries a chosen exit status without an extra message (eval
// prints its own summary and exits 1 on a failed case).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Main runs the subcommand named by args[0] and returns the exit status.
func Main(ctx context.Context, args []string, sio IO) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(sio.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(sio.Stderr, "parley: unknown command %q\n", args[0])
		printUsage(sio.Stderr)
		return 2
	}
	err := c.run(ctx, sio, args[1:])
	var ue usageError
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(sio.Stderr, "parley %s: %s\n", c.name, ue.msg)
		return 2
	default:
		fmt.Fprintf(sio.Stderr, "parley %s: %s\n", c.name, oneLine(err.Error()))
		return 1
	}
}

// newFlags returns a flag set that reports errors as usage errors and
// prints its help to the command's stdout on --help.
func newFlags(sio IO, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("parley "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(sio.Stdout, "usage: parley %s %s\n\n", name, synopsis)
		fs.SetOutput(sio.Stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors; on --help
// the flag package has printed the help once already and flag.ErrHelp is
// returned.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return flag.ErrHelp
	}
	if err != nil {
		return usageError{err.Error()}
	}
	return nil
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: parley <command> [flags]")
	fmt.Fprintln(w)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'parley <command> --help' for a command's flags.")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
