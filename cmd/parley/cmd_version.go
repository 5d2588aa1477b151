package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
)

func init() {
	register(command{name: "version", summary: "print the version, commit and Go version", run: runVersion})
}

// runVersion is `parley version`: the module version, the commit it was
// built from (marked "+dirty" when the tree had changes) and the Go version,
// all read from the build information the toolchain embeds.
func runVersion(_ context.Context, sio IO, args []string) error {
	fs := newFlags(sio, "version", "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return fmt.Errorf("no build information in this binary")
	}
	printVersion(sio.Stdout, info)
	return nil
}

func printVersion(w io.Writer, info *debug.BuildInfo) {
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	commit, modified, at := "unknown", false, ""
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		case "vcs.time":
			at = s.Value
		}
	}
	if modified {
		commit += "+dirty"
	}
	fmt.Fprintf(w, "parley %s\ncommit %s", version, commit)
	if at != "" {
		fmt.Fprintf(w, " (%s)", at)
	}
	fmt.Fprintf(w, "\n%s\n", info.GoVersion)
}
