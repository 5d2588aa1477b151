package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestOptionPickedBetweenTwo: an option picked by comparing two by their
// numbers ("out of 1 and 3 I'd sooner take 3", "between 2 and 3, 3 is
// better for me", "I'd rather do 1 than 3") chooses it, and none of the
// numbers is money; a question about two, or amounts between two
// figures, chooses nothing.
func TestOptionPickedBetweenTwo(t *testing.T) {
	t.Parallel()
	three := []agent.Plan{{ID: "p1"}, {ID: "p2"}, {ID: "p3"}}
	for _, tc := range []struct {
		text, want string
	}{
		{"out of 1 and 3 I'd sooner take 3", "3"},
		{"between 2 and 3, 3 is better for me", "3"},
		{"I'd rather do 1 than 3", "1"},
		{"of 1 or 2, I prefer 1, go ahead", "1"},
	} {
		cmds := readWith(t, tc.text, three)
		c, ok := first(cmds, agent.IntentAcceptOffer)
		if !ok || c.OfferID != tc.want {
			t.Errorf("%q read as %+v, want option %s chosen", tc.text, cmds, tc.want)
		}
		if _, ok := first(cmds, agent.IntentProposePlan); ok {
			t.Errorf("%q read as %+v: a number of an option taken for money", tc.text, cmds)
		}
	}
	for _, text := range []string{"between 1 and 2 which is cheaper?", "I can pay between 100 and 200 a month"} {
		if c, ok := first(readWith(t, text, three), agent.IntentAcceptOffer); ok && c.OfferID != "" {
			t.Errorf("%q chooses option %s", text, c.OfferID)
		}
	}
}
