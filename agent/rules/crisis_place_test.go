package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestCrisisAtAHeight: someone on a roof, a ledge or a bridge, or at its
// edge, in English, Chinese or Hinglish, is in crisis whatever else they
// say of money; a roof, a bridge or an edge that a loan, a payment or a
// bill is for is a thing bought, not a place the writer stands, and reads
// as no crisis.
func TestCrisisAtAHeight(t *testing.T) {
	t.Parallel()
	readsAs(t, agent.IntentVulnerable, true,
		"I'm standing on the roof",
		"I'm at the edge of the roof",
		"right now I am on the roof of my building",
		"up on the bridge again tonight",
		"i'm sitting at the edge of the bridge, sorry",
		"上了天台",
		"我现在站在楼顶上",
		"main chhat pe khada hoon, roof pe hoon abhi",
		"I can't pay, I'm on the roof",
		"the loan is too much and I am at the edge of the bridge",
	)
	readsAs(t, agent.IntentVulnerable, false,
		"I took a loan on a roof repair",
		"the payment for the roof decoration",
		"the money went on a new roof last spring",
		"we spent the loan on the roof",
		"I'm behind on the payments for the bridge toll account",
		"the bill at the roof terrace restaurant was the problem",
	)
}

// readsAs checks that each text, read with no offers open, has intent i
// among its commands (want) or does not.
func readsAs(t *testing.T, i agent.Intent, want bool, texts ...string) {
	t.Helper()
	for _, text := range texts {
		cmds := readWith(t, text, nil)
		if _, ok := first(cmds, i); ok != want {
			t.Errorf("%q read as %+v; want %s: %v", text, cmds, i, want)
		}
	}
}
