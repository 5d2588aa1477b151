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
		var ids, dobs []string
		for _, c := range u.Commands {
			for _, claim := range c.Identity {
				switch claim.Kind {
				case agent.IdentityIDLast4:
					ids = append(ids, claim.Values...)
				case agent.IdentityDOB:
					dobs = append(dobs, claim.Values...)
				}
			}
		}
		if !slices.Equal(ids, []string{"9024"}) || !slices.Contains(dobs, "1986-12-03") {
			t.Errorf("%q: ID last four %q, dates of birth %q; want 9024 and 1986-12-03", text, ids, dobs)
		}
	}
}
