package rules

import (
	"context"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// fullSettleSpread is the usual first table: the balance in full, a
// settlement of one smaller payment, and three monthly payments.
var fullSettleSpread = []agent.Plan{
	{ID: "1", Kind: agent.PlanFull, Installments: []agent.Installment{{Amount: agent.MustMoney("900.00", "USD")}}},
	{ID: "2", Kind: agent.PlanSettlement, Installments: []agent.Installment{{Amount: agent.MustMoney("720.00", "USD")}}},
	installmentOffer("3", 3, "300.00"),
}

// TestOfferPickedByDescription: an option picked by what sets it apart
// from the others on the table (the smallest payment or instalment, the
// most payments or months, the last one, in English, Hinglish, Devanagari
// and Chinese) chooses it when exactly one option fits; the size of the
// payment named compares every option's payment, a settlement's too.
func TestOfferPickedByDescription(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text, id string
	}{
		{"I'll go with whichever has the smallest payment", "3"},
		{"put me down for the one with the lowest instalment", "3"},
		{"kam se kam kisht wala le lo", "3"},
		{"sabse chhoti EMI wali chalegi", "3"},
		{"sign me up for the one with the most payments", "3"},
		{"whichever runs the longest, put me on that", "3"},
		{"the final one please", "3"},
		{"ok the bottom option", "3"},
		{"就要最后那个方案", "3"},
		{"我選最後一個", "3"},
		{"दूसरा वाला ले लीजिए", "2"},
		{"आखिरी वाला ठीक है", "3"},
		{"the one with the biggest payment, get it over with", "1"},
	} {
		cmds := readWith(t, tc.text, fullSettleSpread)
		c, ok := first(cmds, agent.IntentAcceptOffer)
		if !ok || c.OfferID != tc.id {
			t.Errorf("%q read as %+v; want offer %s chosen", tc.text, cmds, tc.id)
		}
	}
}

// TestOfferComparisonNotUnique: a comparison two options share (the
// balance in full and a settlement are each one payment, so neither is
// quicker) or one that does not say what is compared ("cheapest" beside a
// settlement) chooses no option; it may still say yes, so the borrower is
// asked which. A question comparing them chooses nothing and asks for the
// options again.
func TestOfferComparisonNotUnique(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"I'll take whichever is quickest",
		"ok put me on the one with the fewest payments",
		"the cheapest one",
	} {
		if c, ok := first(readWith(t, text, fullSettleSpread), agent.IntentAcceptOffer); ok && c.OfferID != "" {
			t.Errorf("%q chose offer %s; the comparison fits more than one", text, c.OfferID)
		}
	}
	for _, text := range []string{
		"which of them gets it paid off soonest?",
		"what one has the smallest payments?",
	} {
		cmds := readWith(t, text, fullSettleSpread)
		if _, ok := first(cmds, agent.IntentAcceptOffer); ok {
			t.Errorf("%q accepted an offer: %+v", text, cmds)
		}
		if c, ok := first(cmds, agent.IntentProposePlan); !ok || c.Amount != nil || c.Count != 0 {
			t.Errorf("%q read as %+v; want the options asked for", text, cmds)
		}
	}
}

// TestHedgedPickNeverAgrees: a pick said with a hedge ("erm maybe the
// 3rd", "probably the second") is read back, and doubt with no pick ("not
// sure tbh", "erm, perhaps", asking the family first, 要问下家人先) or a
// pick taken back in the same message ("option 2, wait, hold on", "第一个
// 吧……等等，先不要") agrees nothing and is no message left unread.
func TestHedgedPickNeverAgrees(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, id string }{
		{"erm maybe the 3rd", "3"},
		{"probably the second", "2"},
		{"i might go with the first one", "1"},
		{"option 3 maybe? not sure", "3"},
		{"the first one perhaps. dunno", "1"},
	} {
		c, ok := first(readWith(t, tc.text, fullSettleSpread), agent.IntentAcceptOffer)
		if !ok || c.OfferID != tc.id || !c.Unsure || !c.Doubt {
			t.Errorf("%q read as %+v; want offer %s read back", tc.text, c, tc.id)
		}
	}
	for _, text := range []string{
		"not sure tbh",
		"honestly I'm not sure yet",
		"erm, perhaps",
		"hmm dunno",
		"I need to ask my family first",
		"我要问下家人先",
		"等我问问老公先",
		"option 2, wait, hold on, let me check my balance",
		"ok the first one... actually no, hang on",
		"第一个吧……等等，先不要",
	} {
		cmds := readWith(t, text, fullSettleSpread)
		for _, c := range cmds {
			if c.Intent == agent.IntentAcceptOffer && !c.Doubt || c.Intent == agent.IntentUnknown || c.Intent == agent.IntentAffirm && !c.Doubt {
				t.Errorf("%q read as %+v; want no agreement and no unread message", text, cmds)
			}
		}
	}
}

// TestTimeGivenIsNoQuestionOfWhen: after "take your time… when you're
// ready, just message here", a day the borrower will answer on ("I'll
// mull it over and let you know on Friday") promises no payment: "when
// you're ready" asks no date.
func TestTimeGivenIsNoQuestionOfWhen(t *testing.T) {
	t.Parallel()
	tc := agent.TurnContext{Now: now, Currency: "USD", OpenOffers: fullSettleSpread,
		History: agentSaid("Of course, take your time: nothing is agreed until you choose. When you're ready, just message here.")}
	for _, text := range []string{"I'll mull it over and let you know on Friday", "ok, I will get back to you next week"} {
		u, err := New().Understand(context.Background(), tc, text)
		if err != nil {
			t.Fatal(err)
		}
		if c, ok := first(u.Commands, agent.IntentPromiseToPay); ok {
			t.Errorf("%q read as a promise to pay on %s", text, c.Date.Format("2006-01-02"))
		}
	}
}
