package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the binary in-process and returns the exit status and output.
func runParley(t *testing.T, getenv func(string) string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(context.Background(), args, IO{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: getenv})
	return code, out.String(), errOut.String()
}

func TestMigrateCommand(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "parley.db")
	code, out, errOut := runParley(t, env(), "", "migrate", "--db", db)
	if code != 0 {
		t.Fatalf("migrate = %d, stderr %q", code, errOut)
	}
	want := "applied 0001_init.sql\napplied 0002_interrupted.sql\napplied 0003_counted_attempts.sql\napplied 0004_outbox_account.sql\napplied 0005_open_streams.sql\napplied 0006_access.sql\napplied 0007_audit.sql\napplied 0008_restrictions.sql\nSQLite " + db + ": 8 migration(s) applied, up to date\n"
	if out != want {
		t.Errorf("first migrate printed %q, want %q", out, want)
	}
	code, out, _ = runParley(t, env("PARLEY_DB", db), "", "migrate")
	if code != 0 || out != "SQLite "+db+": already up to date\n" {
		t.Errorf("second migrate = %d, %q", code, out)
	}
}

// cliCase is one run of a command and what it must print, in part.
type cliCase struct {
	name   string
	args   []string
	code   int
	stdout string // a substring of stdout
	stderr string // a substring of stderr
}

// checkCLI runs each case in parallel with its own environment from getenv.
func checkCLI(t *testing.T, getenv func(t *testing.T) func(string) string, cases []cliCase) {
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := runParley(t, getenv(t), "", tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("%v = %d\nstdout %q\nstderr %q", tt.args, code, out, errOut)
			}
		})
	}
}

func TestMigrateCommandUsage(t *testing.T) {
	t.Parallel()
	unreachable := func(*testing.T) func(string) string {
		return env("DATABASE_URL", "postgres://x@127.0.0.1:1/x?connect_timeout=2")
	}
	checkCLI(t, unreachable, []cliCase{
		{"help", []string{"migrate", "--help"}, 0, "usage: parley migrate [--db FILE]", ""},
		{"extra argument", []string{"migrate", "now"}, 2, "", `unexpected argument "now"`},
		{"bad flag", []string{"migrate", "--nope"}, 2, "", "flag provided but not defined"},
		{"unreachable", []string{"migrate"}, 1, "", "cannot reach 127.0.0.1:1"},
	})
}
