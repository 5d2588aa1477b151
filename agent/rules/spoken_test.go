package rules

import (
	"slices"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestSpokenIdentity: identity facts as a caller says them and a call's
// transcript writes them: years in words ("nineteen eighty five", "two
// thousand and three"), a date's day as an ordinal word ("twenty first"),
// and codes digit by digit ("six oh six oh one").
func TestSpokenIdentity(t *testing.T) {
	t.Parallel()
	asked := agentSaid("To protect your privacy, please confirm your date of birth and your ZIP code.")
	for _, tc := range []struct{ text, dob, post string }{
		{"april twelfth nineteen eighty five and zip six oh six oh one", "1985-04-12", "60601"},
		{"twelfth of april nineteen eighty-five, zip is six zero six zero one", "1985-04-12", "60601"},
		{"march twenty first two thousand and three", "2003-03-21", ""},
		{"born june third nineteen ninety, my zip code is seven three three oh one", "1990-06-03", "73301"},
	} {
		cmds := runWith(t, tc.text, asked)
		dobs, posts := claimed(cmds, agent.IdentityDOB), claimed(cmds, agent.IdentityPostcode)
		if !slices.Contains(dobs, tc.dob) || (tc.post != "" && !slices.Contains(posts, tc.post)) {
			t.Errorf("%q: dates of birth %q, postcodes %q; want %s and %q", tc.text, dobs, posts, tc.dob, tc.post)
		}
	}
	// Numbers in words that are amounts stay amounts.
	cmds := runWith(t, "i can do fifty a month", nil)
	if c, ok := first(cmds, agent.IntentProposePlan); !ok || c.Amount == nil || c.Amount.Minor != 5000 {
		t.Errorf("fifty a month read as %+v", cmds)
	}
}

func runWith(t *testing.T, text string, history []agent.Message) []agent.Command {
	t.Helper()
	u, err := New().Understand(t.Context(), agent.TurnContext{Now: now, Currency: "USD", History: history}, text)
	if err != nil {
		t.Fatal(err)
	}
	return u.Commands
}

// TestSpokenDayIsNoYear: "march twenty three" is a day without a year,
// never the year 2003, and "two thousand five hundred" is an amount.
func TestSpokenDayIsNoYear(t *testing.T) {
	t.Parallel()
	a := analyze("born march twenty three")
	for _, tk := range a.seq {
		if tk.text == "2003" {
			t.Errorf("march twenty three read as the year 2003: %+v", a.seq)
		}
	}
	cmds := runWith(t, "i can pay two thousand five hundred", nil)
	found := false
	for _, c := range cmds {
		found = found || (c.Amount != nil && c.Amount.Minor == 250000)
	}
	if !found {
		t.Errorf("two thousand five hundred read as %+v", cmds)
	}
}
