package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// chatRun drives `parley chat` in-process with a scripted stdin and returns
// what it printed and the store it used.
func chatRun(t *testing.T, db string, args []string, lines ...string) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"PARLEY_PAYMENT_SECRET": "test-secret-test-secret-test-secret"}
	sio := IO{
		Stdin:  strings.NewReader(strings.Join(lines, "\n") + "\n"),
		Stdout: &out,
		Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
	}
	code := Main(context.Background(), append([]string{"chat", "--db", db}, args...), sio)
	if code != 0 {
		t.Fatalf("parley chat exited %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

func acceptedPlans(t *testing.T, db, accountID string) []agent.Plan {
	t.Helper()
	st, err := openStore(context.Background(), config{DBPath: db})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ps, err := st.Plans(context.Background(), accountID)
	if err != nil {
		t.Fatal(err)
	}
	var out []agent.Plan
	for _, p := range ps {
		if p.Status == agent.PlanAccepted {
			out = append(out, p)
		}
	}
	return out
}

func TestChatNegotiatesInEnglish(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "parley.db")
	out, events := chatRun(t, db, []string{"--account", "DEMO-US-1"},
		"how much do I owe?",
		"my date of birth is April 12 1985 and my zip is 60601",
		"can I set up a payment plan?",
		"I can pay 150 a month",
		"yes",
		"/quit",
		"this line is never read",
	)
	for _, want := range []string{"You are the borrower of DEMO-US-1", "you> ", "Ava> Hi, this is Ava, an automated assistant", "$1,200.00", "Option 1:", "$150.00", "that's agreed"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "never read") {
		t.Error("input after /quit was read")
	}
	for _, want := range []string{"identity_verified", "plan_accepted"} {
		if !strings.Contains(events, want) {
			t.Errorf("events lack %s:\n%s", want, events)
		}
	}
	if got := len(acceptedPlans(t, db, "DEMO-US-1")); got != 1 {
		t.Errorf("accepted plans = %d, want 1", got)
	}
	// Nothing about the debt came before verification.
	before, _, _ := strings.Cut(out, "Thank you, that matches")
	for _, w := range []string{"1,200", "debt", "First Lakeshore"} {
		if strings.Contains(before, w) {
			t.Errorf("%q appeared before verification:\n%s", w, before)
		}
	}
}

func TestChatNegotiatesInChinese(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "parley.db")
	id := agent.DemoIdentity["DEMO-CN-1"]
	y, m, d := id.DOB[:4], strings.TrimLeft(id.DOB[5:7], "0"), strings.TrimLeft(id.DOB[8:], "0")
	out, _ := chatRun(t, db, []string{"--account", "DEMO-CN-1", "--lang", "zh"},
		"我欠多少钱？",
		"我的出生日期是"+y+"年"+m+"月"+d+"日，身份证后四位"+id.IDLast4,
		"我想分期还款",
		"选方案2",
	)
	for _, want := range []string{"您正在以账户 DEMO-CN-1", "智能助理", "¥15,000.00", "方案1：", "已为您确认"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if got := len(acceptedPlans(t, db, "DEMO-CN-1")); got != 1 {
		t.Errorf("accepted plans = %d, want 1", got)
	}
}

func TestChatUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"chat", "--lang", "fr"}, 2},
		{[]string{"chat", "extra"}, 2},
		{[]string{"chat", "--help"}, 0},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		sio := IO{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
		if got := Main(context.Background(), tt.args, sio); got != tt.want {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, got, tt.want, errb.String())
		}
	}
}

func TestChatUnknownAccount(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	sio := IO{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	db := filepath.Join(t.TempDir(), "parley.db")
	if got := Main(context.Background(), []string{"chat", "--db", db, "--account", "NOPE"}, sio); got != 2 {
		t.Errorf("exit %d, want 2 (%s)", got, errb.String())
	}
	if !strings.Contains(errb.String(), `no account "NOPE"`) {
		t.Errorf("stderr = %q", errb.String())
	}
}
