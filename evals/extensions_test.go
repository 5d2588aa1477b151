package evals_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/evals"
)

// TestExtensions runs testdata/extensions.yaml: every case passes, or
// fails with the failure named here, so each new key is shown able to fail.
func TestExtensions(t *testing.T) {
	t.Parallel()
	suites, err := evals.Load("testdata/extensions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"events_any fails when none was emitted":                            "turn 1: none of the events plan_offered, dispute_recorded emitted",
		"a turn's state fails when it differs":                              `turn 1: state "verified", want negotiating or plan_accepted`,
		"not_state fails on the state it rules out":                         `outcome: state "verified", which the case rules out`,
		"consent fails when the channel is not opted out":                   "outcome: consent on chat is opted_in, want opted_out",
		"a third party told the balance fails whatever the system believes": "scorer third_party: turn 1: the balance $1,200.00 to an unverified speaker",
		"plans_accepted fails on another count":                             "outcome: 1 plan(s) accepted and in force, want 2",
		"plan.kind fails on another kind":                                   "outcome: plan is installments, want settlement",
		"offers fail when an offer breaks the bounds":                       "outcome: offered ",
		"reminders fail on another count":                                   "outcome: 6 reminder(s) scheduled for the plans in force, want 2",
		"a recorded flag that differs fails":                                "outcome: flag deceased is true, want false",
		"a restriction that was not recorded fails":                         `outcome: restriction "only by email" not recorded (recorded: not at work)`,
		"an extension event is a known name that was never emitted":         "outcome: event deceased_recorded never emitted",
	}
	opts := options()
	opts.Scorers = []evals.Scorer{}
	for _, s := range evals.Scorers() {
		if s.Name == "third_party" {
			opts.Scorers = append(opts.Scorers, s)
		}
	}
	rep, err := evals.Run(context.Background(), suites, opts)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rep.Results {
		names = append(names, r.Case)
		w, fails := want[r.Case]
		switch {
		case !fails && !r.Pass:
			t.Errorf("%s failed: %s", r.Case, strings.Join(r.Failures, "; "))
		case fails && r.Pass:
			t.Errorf("%s passed, want the failure %q", r.Case, w)
		case fails && !slices.ContainsFunc(r.Failures, func(f string) bool { return strings.HasPrefix(f, w) }):
			t.Errorf("%s: failures %q, want one starting %q", r.Case, r.Failures, w)
		}
		switch r.Case {
		case "advance moves the clock before the turn":
			at := func(i int) time.Time { return borrowerLines(r)[i].At }
			if d := at(1).Sub(at(0)); d < 30*24*time.Hour || d > 30*24*time.Hour+time.Hour {
				t.Errorf("second turn %s after the first, want 30 days", d)
			}
			if d := at(2).Sub(at(1)); d < 2*time.Hour || d > 3*time.Hour {
				t.Errorf("third turn %s after the second, want 2 hours", d)
			}
		case "a channel switch opens a conversation on that channel":
			lines := borrowerLines(r)
			if lines[0].Channel != "chat" || lines[1].Channel != "sms" || lines[1].Conv != 1 {
				t.Errorf("borrower lines %+v", lines)
			}
		}
	}
	for _, v := range []string{"variants run as cases of their own [turn 1, variant 1]", "variants run as cases of their own [turn 1, variant 2]"} {
		if !slices.Contains(names, v) {
			t.Errorf("no case %q among %q", v, names)
		}
	}
	for _, r := range rep.Results {
		if strings.HasSuffix(r.Case, "[turn 1, variant 2]") && borrowerLines(r)[0].Text != "how much is the debt?" {
			t.Errorf("variant case said %q", borrowerLines(r)[0].Text)
		}
	}
}

func borrowerLines(r evals.Result) []evals.Entry {
	var out []evals.Entry
	for _, e := range r.Transcript {
		if e.Author == "borrower" {
			out = append(out, e)
		}
	}
	return out
}
