package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// agreedOn is table with its option at position n (1-based) agreed.
func agreedOn(table []agent.Plan, n int) []agent.Plan {
	out := append([]agent.Plan(nil), table...)
	out[n-1].Status = agent.PlanAccepted
	return out
}

// fullShortLong: in full, 3 monthly payments, 6 monthly payments.
var fullShortLong = []agent.Plan{
	{ID: "1", Kind: agent.PlanFull, Installments: []agent.Installment{{Amount: agent.MustMoney("900.00", "USD")}}},
	installmentOffer("2", 3, "300.00"),
	installmentOffer("3", 6, "150.00"),
}

// TestAgreedPlanUndone: with a plan agreed, a verb of undoing with no
// plan named (scratch that, forget it, 算了不要这个了, rehne do) calls it
// off, and refuses no offer; with nothing agreed the same words cancel
// nothing.
func TestAgreedPlanUndone(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"scratch that",
		"hmm, forget it, I'll ring you next week",
		"ditch that please",
		"算了不要这个了",
		"算了吧，不要了",
		"rehne do yaar, baad mein dekhte hain",
	} {
		cmds := readWith(t, text, agreedOn(fullSettleSpread, 2))
		if _, ok := first(cmds, agent.IntentCancelPlan); !ok {
			t.Errorf("%q after a plan was agreed read as %+v; want it called off", text, cmds)
		}
		noneOf(t, text, cmds, agent.IntentRejectOffer, agent.IntentDeny, agent.IntentAcceptOffer)
		if _, ok := first(readWith(t, text, fullSettleSpread), agent.IntentCancelPlan); ok {
			t.Errorf("%q with nothing agreed read as a plan called off", text)
		}
	}
}

// TestAgreedPlanSwappedByComparison: with a plan agreed, another option
// named by a comparison with the agreed one (the longer one, the shorter
// one: the nearest option that is longer or shorter), with instead,
// rather or actually, even asked as a question, or a no before another
// option named, picks that option and refuses none; a comparison no
// other option fits picks nothing.
func TestAgreedPlanSwappedByComparison(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text   string
		agreed int
		table  []agent.Plan
		id     string
	}{
		{"can I do the longer one instead", 1, fullSettleSpread, "3"},
		{"could I go for the longer one instead?", 2, fullShortLong, "3"},
		{"actually make it the shorter one", 3, fullShortLong, "2"},
		{"actually the shorter plan would suit me better", 3, fullShortLong, "2"},
		{"I'd rather do the settlement after all", 3, fullSettleSpread, "2"},
		{"nahi yaar pehla wala hi theek hai", 3, fullSettleSpread, "1"},
		{"no, the first one is better after all", 3, fullSettleSpread, "1"},
		{"还是长一点的那个吧", 2, fullShortLong, "3"},
	} {
		cmds := readWith(t, tc.text, agreedOn(tc.table, tc.agreed))
		c, ok := first(cmds, agent.IntentAcceptOffer)
		if !ok || c.OfferID != tc.id {
			t.Errorf("%q (option %d agreed) read as %+v; want option %s picked", tc.text, tc.agreed, cmds, tc.id)
		}
		noneOf(t, tc.text, cmds, agent.IntentRejectOffer, agent.IntentDeny, agent.IntentCancelPlan)
	}
	// Nothing shorter than one payment, and two options equally short.
	for _, tc := range []struct {
		text   string
		agreed int
	}{{"actually make it the shorter one", 1}, {"actually make it the shorter one", 3}} {
		if c, ok := first(readWith(t, tc.text, agreedOn(fullSettleSpread, tc.agreed)), agent.IntentAcceptOffer); ok && c.OfferID != "" {
			t.Errorf("%q (option %d agreed) picks option %s", tc.text, tc.agreed, c.OfferID)
		}
	}
}

// noneOf checks that cmds, the reading of text, has none of the intents.
func noneOf(t *testing.T, text string, cmds []agent.Command, intents ...agent.Intent) {
	t.Helper()
	for _, i := range intents {
		if _, ok := first(cmds, i); ok {
			t.Errorf("%q read as %+v; want no %s", text, cmds, i)
		}
	}
}
