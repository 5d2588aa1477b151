package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestPickTakenBackInTheSameMessage: a pick followed in the same message by
// second thoughts ("no wait", "hang on", "on second thought", 等等) is not a
// yes: it is read back, never agreed.
func TestPickTakenBackInTheSameMessage(t *testing.T) {
	t.Parallel()
	offers := []agent.Plan{{ID: "1"}, {ID: "2"}, {ID: "3"}}
	for _, text := range []string{
		"ok the second one. no wait",
		"option 3 please... hang on",
		"I'll take plan 1, actually on second thought",
		"第二个吧，等等",
	} {
		u := readWith(t, text, offers)
		if c, ok := first(u, agent.IntentAcceptOffer); ok && !c.Doubt && !c.Unsure {
			t.Errorf("%q: accepted without doubt (%v)", text, u)
		}
	}
}

// TestSecondThoughtsRefuseNothing: the "no" of "no wait" after a pick
// takes the pick back; it refuses no offer (a refusal would put new terms
// on the table while the borrower is still deciding).
func TestSecondThoughtsRefuseNothing(t *testing.T) {
	t.Parallel()
	offers := []agent.Plan{{ID: "1"}, {ID: "2"}, {ID: "3"}}
	for _, text := range []string{"ok the second one. no wait", "the first one. oh wait"} {
		noneOf(t, text, readWith(t, text, offers), agent.IntentRejectOffer)
	}
}
