package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// afterAsking is the conversation after the borrower asked asked and the
// agent showed the options again.
func afterAsking(asked string) []agent.Message {
	return []agent.Message{
		{Direction: agent.DirectionIn, Author: agent.AuthorBorrower, Text: asked},
		{Direction: agent.DirectionOut, Author: agent.AuthorAgent, Text: "Here are the options I can offer: Option 1, Option 2, Option 3."},
	}
}

func readAfter(t *testing.T, text string, history []agent.Message, offers []agent.Plan) []agent.Command {
	t.Helper()
	u, err := New().Understand(t.Context(), agent.TurnContext{Now: now, Currency: "USD", History: history, OpenOffers: offers}, text)
	if err != nil {
		t.Fatal(err)
	}
	return u.Commands
}

// TestTwoOptionsAskedAbout: a question that names two options (the
// difference between option 2 and 3, which is cheaper of 1 or 2, 2 vs 3)
// picks neither: it asks for the options to be shown to compare.
func TestTwoOptionsAskedAbout(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"what's the difference between option 2 and 3",
		"between 1 and 3 which is cheaper?",
		"so is 1 or 2 quicker?",
		"2 vs 3, which costs less overall?",
		"方案1和方案2哪个便宜？",
	} {
		cmds := readWith(t, text, fullSettleSpread)
		noneOf(t, text, cmds, agent.IntentAcceptOffer)
		if _, ok := first(cmds, agent.IntentProposePlan); !ok {
			t.Errorf("%q read as %+v; want the options shown again", text, cmds)
		}
	}
}

// TestPickAfterTwoCompared: after the borrower asked about two options,
// a comparison (the cheaper one, the quicker one) picks between those
// two, one payment against one payment too, and a number with then or
// fine picks that option.
func TestPickAfterTwoCompared(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ asked, text, id string }{
		{"which is cheaper, 1 or 2?", "ok the cheaper one then", "2"},
		{"which is cheaper, 1 or 2?", "alright, the less expensive one", "2"},
		{"is option 2 or option 3 quicker?", "fine, the quicker one", "2"},
		{"between 1 and 3 which is cheaper?", "ok 2 then", "2"},
		{"between 1 and 3 which is cheaper?", "fine, number 2 then", "2"},
		{"方案1和方案2哪个便宜？", "那就便宜一点的那个吧", "2"},
	} {
		cmds := readAfter(t, tc.text, afterAsking(tc.asked), fullSettleSpread)
		c, ok := first(cmds, agent.IntentAcceptOffer)
		if !ok || c.OfferID != tc.id {
			t.Errorf("%q after %q read as %+v; want option %s picked", tc.text, tc.asked, cmds, tc.id)
		}
	}
}
