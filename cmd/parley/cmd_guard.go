package main

import (
	"context"
	"fmt"

	"github.com/parley-collections/parley/policies"
)

func init() {
	register(command{name: "guard", summary: "check outbound messages against the policy guard (JSON Lines)", run: runGuard})
}

// runGuard is `parley guard check [--profile FILE]`: proposals as JSON Lines
// on stdin, one decision per line on stdout (design.md section 6). A blocked
// message is a result, not a failure: the exit status is 0 once the input has
// been read through.
func runGuard(ctx context.Context, sio IO, args []string) error {
	fs := newFlags(sio, "guard", "check [--profile FILE] < proposals.jsonl > decisions.jsonl")
	profile := fs.String("profile", "", "a YAML or JSON file of jurisdiction profiles to add or override (default $PARLEY_GUARD_PROFILES)")
	if len(args) == 0 {
		return usagef("missing subcommand: check")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		return parseFlags(fs, args)
	}
	if args[0] != "check" {
		return usagef("unknown subcommand %q (want check)", args[0])
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	path := *profile
	if path == "" && sio.Getenv != nil {
		path = sio.Getenv("PARLEY_GUARD_PROFILES")
	}
	payURL := ""
	if sio.Getenv != nil {
		payURL = sio.Getenv("PARLEY_PAYMENT_URL")
	}
	g, err := loadGuard(path, payURL)
	if err != nil {
		return err
	}
	rep, err := policies.CheckLinesReport(g, sio.Stdin, sio.Stdout)
	if err != nil {
		return err
	}
	if len(rep.Malformed) > 0 {
		return fmt.Errorf("guard check: %d malformed line(s) of %d, first at line %d", len(rep.Malformed), rep.Lines, rep.Malformed[0])
	}
	return nil
}
