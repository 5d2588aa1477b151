package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestQuestionAboutPayingAnOption: a question about how an offered plan
// would be paid (by cheque, money order, cash, UPI or bank transfer, on
// which day, at a branch) asks about the plan; it does not choose it. A
// pick in it may be read back, never taken outright. A plain pick that
// names how it will be paid still chooses.
func TestQuestionAboutPayingAnOption(t *testing.T) {
	t.Parallel()
	threeOffers := []agent.Plan{{ID: "p1"}, {ID: "p2"}, {ID: "p3"}}
	for _, text := range []string{
		"could I do the third plan with a cheque rather than paying online",
		"is it possible to pay option 2 in cash",
		"can plan 1 be paid at a branch?",
		"would option 3 work if I paid by bank transfer",
		"can the second one be paid with a postal money order",
		"is plan 2 payable by UPI",
		"which day would I pay option 1 on",
		"can I switch plan 3 to paying by check",
		"do I have to pay the first plan online or can I mail it",
		"方案二能不能用现金还",
		"第三个方案可以去银行柜台还吗",
		"方案一可以转账付吗",
		"plan 3 ka bhugtan cheque se kar sakte hain kya",
		"teesra wala UPI se pay ho sakta hai?",
		"option 1 bank transfer se de sakta hoon kya",
	} {
		for _, c := range readWith(t, text, threeOffers) {
			if c.Intent == agent.IntentAcceptOffer && !c.Unsure {
				t.Errorf("%q takes option %s outright; want it read back or left", text, c.OfferID)
			}
		}
	}
	for _, tc := range []struct{ text, id string }{
		{"option 2, I'll pay it by cheque", "2"},
		{"plan 3 please, paying by bank transfer", "3"},
		{"第二个，我用银行转账还", "2"},
		{"teesra wala, UPI se pay karunga", "3"},
	} {
		c, ok := first(readWith(t, tc.text, threeOffers), agent.IntentAcceptOffer)
		if !ok || c.OfferID != tc.id || c.Unsure {
			t.Errorf("%q does not choose option %s: %+v", tc.text, tc.id, c)
		}
	}
}
