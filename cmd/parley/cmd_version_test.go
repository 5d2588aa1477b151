package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestPrintVersion(t *testing.T) {
	t.Parallel()
	info := &debug.BuildInfo{GoVersion: "go1.25.1", Main: debug.Module{Path: "github.com/parley-collections/parley", Version: "v0.3.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0e54491abc"}, {Key: "vcs.modified", Value: "true"}, {Key: "vcs.time", Value: "2026-12-06T04:00:00Z"}}}
	var b bytes.Buffer
	printVersion(&b, info)
	want := "parley v0.3.0\ncommit 0e54491abc+dirty (2026-12-06T04:00:00Z)\ngo1.25.1\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	b.Reset()
	printVersion(&b, &debug.BuildInfo{GoVersion: "go1.25.1"})
	if !strings.Contains(b.String(), "(devel)") || !strings.Contains(b.String(), "commit unknown") {
		t.Errorf("a binary without version control information: %q", b.String())
	}
}

// Every --help prints its usage once, and `parley version` names the Go
// version.
func TestHelpOnceAndVersion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"serve", "--help"}, {"user", "--help"}, {"user", "add", "--help"}, {"accounts", "--help"}, {"version", "--help"}} {
		code, out, _ := runParley(t, env(), "", args...)
		if code != 0 {
			t.Errorf("%v: exit %d", args, code)
		}
		if n := strings.Count(out, "usage: parley"); n != 1 {
			t.Errorf("%v: usage printed %d times:\n%s", args, n, out)
		}
	}
	code, out, _ := runParley(t, env(), "", "version")
	if code != 0 || !strings.Contains(out, "go1.") || !strings.HasPrefix(out, "parley ") {
		t.Errorf("parley version: exit %d, %q", code, out)
	}
}
