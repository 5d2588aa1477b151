package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestThirdPartyByInLawsAndCarers: a writer who names themselves the
// borrower's in-law or relative in Hindi words ("main Ravi ki bhabhi
// hoon", "Ravi ka saala bol raha hoon") or in English ("her
// sister-in-law"), or their support or care worker, is a third party; a
// borrower who speaks of their own in-laws is not.
func TestThirdPartyByInLawsAndCarers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		rel  string
	}{
		{"main Ravi ki bhabhi hoon, kitna baaki hai?", "relative"},
		{"Ravi ka saala bol raha hoon", "relative"},
		{"main Anita ka devar hoon, paisa main dunga", "relative"},
		{"hum Kiran ke chacha hain", "relative"},
		{"I'm her sister-in-law, she asked me to ring", "sibling"},
		{"I am Dev's care worker and he gets confused by these messages", "caregiver"},
		{"this is Maya's social worker, she can't deal with this", "caregiver"},
	} {
		u, err := New().Understand(t.Context(), agent.TurnContext{Now: now, Currency: "INR"}, tc.text)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range u.Commands {
			if c.Intent == agent.IntentThirdParty {
				found = true
				if c.Relation != tc.rel {
					t.Errorf("%q: relation %q, want %q", tc.text, c.Relation, tc.rel)
				}
			}
		}
		if !found {
			t.Errorf("%q: no third party in %+v", tc.text, u.Commands)
		}
	}
	for _, text := range []string{"mera saala bhi paise maang raha hai", "my brother-in-law lost his job so I help him", "my social worker told me to call you"} {
		u, err := New().Understand(t.Context(), agent.TurnContext{Now: now, Currency: "INR"}, text)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range u.Commands {
			if c.Intent == agent.IntentThirdParty {
				t.Errorf("%q: a borrower speaking of their own family or worker read as a third party", text)
			}
		}
	}
}
