package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestCrisisAtAHeight: someone on a roof, a ledge or a bridge, or at its
// edge, in English, Chinese or Hinglish, is in crisis whatever else they
// say of money; a roof, a bridge or an edge that a loan, a payment or a
// bill is for is a thing bought, not a place the writer stands, and reads
// as no crisis. The top of a tall place (a car park, a multi-storey, a
// tower, a building, 楼顶, 天台) is a crisis beside a farewell or an "I'm
// done", whatever the message says of money; the same place with no
// farewell, or a farewell with no place, is not.
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
	readsAs(t, agent.IntentVulnerable, true,
		"up on top of the car park by work. can't cover a penny of it. done.",
		"at the top of the multi storey now. goodbye",
		"on the top of the tower block. sorry mum. bye",
		"i'm at the top of the office building. that's it, i'm done",
		"top level of the parking structure. none of this matters anymore, done",
		"楼顶。钱还不上了。再见",
		"天台上面，就这样吧",
		"而家喺天台度，還唔到，拜拜",
		"building ke upar hoon, bas khatam",
	)
	readsAs(t, agent.IntentVulnerable, false,
		"I parked on top of the garage, where do I pay the 40",
		"our office is at the top of the building, ring me there",
		"done, sent the 200 from work this morning",
		"the loan was for the top floor flat and it's done now",
		"楼顶漏水的维修费还没付",
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
