package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// guardInput is three proposals: allowed, blocked, malformed.
const guardInput = `{"id":"ok","text":"Thanks, your plan is set.","channel":"chat","jurisdiction":"CN","now":"2026-03-02T13:30:00Z","timezone":"Asia/Shanghai","recipient_verified":true,"first_message":false}
{"id":"bad","text":"我们知道你家在哪。","channel":"chat","jurisdiction":"CN","now":"2026-03-02T06:00:00Z","recipient_verified":true,"first_message":false}
{"id":"broken","text":
`

// cnEvenings is a deployment's profile: CN with the stricter 21:00 end.
const cnEvenings = `jurisdiction: CN
currency: CNY
timezones: [Asia/Shanghai]
window: {start: "08:00", end: "21:00", rule: CN-T1, citation: "product default"}
`

// decisions runs parley with args and returns each output line's id and decision.
func decisions(t *testing.T, getenv func(string) string, stdin string, args ...string) (int, []string, string) {
	t.Helper()
	code, out, errOut := runParley(t, getenv, stdin, args...)
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var d struct{ ID, Decision string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("output line %q: %v / 输出不是 JSON", line, err)
		}
		got = append(got, d.ID+"="+d.Decision)
	}
	return code, got, errOut
}

func TestGuardCheckCommand(t *testing.T) {
	t.Parallel()
	profile := filepath.Join(t.TempDir(), "cn.yaml")
	if err := os.WriteFile(profile, []byte(cnEvenings), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		getenv func(string) string
		args   []string
		want   []string
	}{
		{"embedded profiles", env(), []string{"guard", "check"}, []string{"ok=allow", "bad=block", "broken=block"}},
		{"--profile overrides CN", env(), []string{"guard", "check", "--profile", profile}, []string{"ok=defer", "bad=block", "broken=block"}},
		{"PARLEY_GUARD_PROFILES overrides CN", env("PARLEY_GUARD_PROFILES", profile), []string{"guard", "check"}, []string{"ok=defer", "bad=block", "broken=block"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, got, errOut := decisions(t, tc.getenv, guardInput, tc.args...)
			// Blocks are results, not failures; the malformed third line is
			// one: every line is still answered, and the exit code is 1.
			if code != 1 || !strings.Contains(errOut, "first at line 3") {
				t.Fatalf("exit %d, stderr %q: want 1 naming line 3 / 退出码应为1并指出第3行", code, errOut)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("decisions (-want +got) / 决定不符:\n%s", diff)
			}
		})
	}
}

func TestGuardUsage(t *testing.T) {
	t.Parallel()
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("jurisdiction: XX\nwindow: nonsense\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no subcommand", []string{"guard"}, 2, "", "missing subcommand: check"},
		{"unknown subcommand", []string{"guard", "run"}, 2, "", `unknown subcommand "run"`},
		{"unknown flag", []string{"guard", "check", "--fast"}, 2, "", "flag provided but not defined"},
		{"extra argument", []string{"guard", "check", "more"}, 2, "", `unexpected argument "more"`},
		{"help", []string{"guard", "--help"}, 0, "usage: parley guard check", ""},
		{"check help", []string{"guard", "check", "--help"}, 0, "-profile", ""},
		{"missing profile file", []string{"guard", "check", "--profile", "/nonexistent/p.yaml"}, 1, "", "no such file"},
		{"invalid profile file", []string{"guard", "check", "--profile", bad}, 1, "", "guard profiles"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := runParley(t, env(), "", tc.args...)
			if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("%v = %d\nstdout %q\nstderr %q / 用法处理不符", tc.args, code, out, errOut)
			}
		})
	}
}
