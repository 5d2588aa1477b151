package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestProofAskedForIsADispute: asking for proof that the debt is one's
// own, or for it to be validated before paying, challenges it: a dispute.
func TestProofAskedForIsADispute(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"This isn't something I ever agreed to. Show me proof it's mine.",
		"I need this account verified before I hand over any money",
		"who says we owe you anything?",
		"get me paperwork proving this is actually my card",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentDispute); !ok {
			t.Errorf("%q read as %+v; want a dispute", text, readWith(t, text, nil))
		}
	}
}

// TestAgreedInADenialIsNoYes: "agreed" inside a denial ("this isn't
// something I ever agreed to") accepts nothing, with offers on the table.
func TestAgreedInADenialIsNoYes(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"This isn't something I ever agreed to.", "not a plan I ever agreed to"} {
		if c, ok := first(readWith(t, text, twoOffers), agent.IntentAcceptOffer); ok {
			t.Errorf("%q accepted an offer: %+v", text, c)
		}
	}
	for _, text := range []string{"agreed", "ok agreed", "option 2, agreed"} {
		if _, ok := first(readWith(t, text, twoOffers), agent.IntentAcceptOffer); !ok {
			t.Errorf("%q accepted nothing", text)
		}
	}
}
