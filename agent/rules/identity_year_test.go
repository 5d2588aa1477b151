package rules

import (
	"context"
	"slices"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestYearOfAWrittenDateIsNoIDDigits: the year of a date written with a
// month's name ("3 dec 1986, 9024") is the date of birth's, not a second
// set of the ID's last four digits beside the one given.
func TestYearOfAWrittenDateIsNoIDDigits(t *testing.T) {
	t.Parallel()
	asked := agentSaid("Hi, this is Ava.\nTo protect your privacy, please confirm your date of birth and the last 4 digits of your ID number.")
	for _, text := range []string{"3 dec 1986, 9024", "3rd Dec 1986 and 9024", "dec 3 1986, 9024", "December 3, 1986 - 9024", "9024, 3 december 1986"} {
		u, err := New().Understand(context.Background(), agent.TurnContext{Now: now, Currency: "INR", History: asked}, text)
		if err != nil {
			t.Fatal(err)
		}
		ids, dobs := claimed(u.Commands, agent.IdentityIDLast4), claimed(u.Commands, agent.IdentityDOB)
		if !slices.Equal(ids, []string{"9024"}) || !slices.Contains(dobs, "1986-12-03") {
			t.Errorf("%q: ID last four %q, dates of birth %q; want 9024 and 1986-12-03", text, ids, dobs)
		}
	}
}

// TestVolunteeredDOBWithFourDigits: a date of birth volunteered with a
// bare four-digit number, before anything was asked, is the pair the
// agent would ask for: the number is the ID's last four, not an amount.
// A number marked as money beside it stays money.
func TestVolunteeredDOBWithFourDigits(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, last4 string }{
		{"1992年8月8日 1357", "1357"},
		{"3 dec 1986, 9024", "9024"},
		{"born April 12 1985 - 4821", "4821"},
		{"born April 12 1985, I can pay 1200 a month", ""},
	} {
		cmds := runWith(t, tc.text, nil)
		ids, dobs := claimed(cmds, agent.IdentityIDLast4), claimed(cmds, agent.IdentityDOB)
		_, plan := first(cmds, agent.IntentProposePlan)
		want := []string(nil)
		if tc.last4 != "" {
			want = []string{tc.last4}
		}
		if !slices.Equal(ids, want) || len(dobs) == 0 || (tc.last4 != "" && plan) {
			t.Errorf("%q: ID last four %q, dates of birth %q, plan %v; want last four %q and a date of birth", tc.text, ids, dobs, plan, want)
		}
	}
}

// claimed returns the values claimed for one identity fact in commands.
func claimed(cmds []agent.Command, kind agent.IdentityKind) []string {
	var out []string
	for _, c := range cmds {
		for _, claim := range c.Identity {
			if claim.Kind == kind {
				out = append(out, claim.Values...)
			}
		}
	}
	return out
}
