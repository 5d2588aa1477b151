package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestAgreedPlanSwapped: another option of the table asked for after one
// was taken, by its number, its place, its kind or a comparison, with
// change, switch, swap or make it (改成, 换成), or by its number of
// payments, picks that option, which then replaces the agreed plan (read
// back first when the readers are not sure of it).
func TestAgreedPlanSwapped(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, id string }{
		{"actually make it option 3", "3"},
		{"hmm change it to the third one please", "3"},
		{"can you swap me to the longer one", "3"},
		{"switch me over to the settlement", "2"},
		{"change that to the settlement instead", "2"},
		{"could we change it to the discounted one-time payment", "2"},
		{"let's change to the monthly plan after all", "3"},
		{"switch me to the three payments instead", "3"},
		{"ok make it the 3 payment plan", "3"},
		{"改成分期那个吧", "3"},
		{"还是换成一次性结清吧", "2"},
	} {
		c, ok := first(readWith(t, tc.text, fullSettleSpread), agent.IntentAcceptOffer)
		if !ok || c.OfferID != tc.id {
			t.Errorf("%q read as %+v; want option %s picked", tc.text, readWith(t, tc.text, fullSettleSpread), tc.id)
		}
	}
}

// TestAgreedPlanCalledOff: a plan called off with a doubled no before it
// ("no no cancel that", "no no no, scrap it") is cancelled: a no said
// twice is an interjection, not the negation of what follows, and the
// message refuses no offer.
func TestAgreedPlanCalledOff(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"no no cancel that... I can't commit",
		"no no, undo it, I can't keep up with those payments",
		"no no no scrap the plan, I can't do it",
		"nope nope, cancel the arrangement, I spoke too soon",
		"scrap the plan, I can't do it",
		"不不不，取消这个方案，我现在做不到",
	} {
		for _, offers := range [][]agent.Plan{nil, fullSettleSpread} {
			cmds := readWith(t, text, offers)
			if _, ok := first(cmds, agent.IntentCancelPlan); !ok {
				t.Errorf("%q (offers %d) read as %+v; want the plan cancelled", text, len(offers), cmds)
			}
			for _, i := range []agent.Intent{agent.IntentRejectOffer, agent.IntentDeny, agent.IntentAcceptOffer} {
				if _, ok := first(cmds, i); ok {
					t.Errorf("%q (offers %d) read as %+v; want no %s", text, len(offers), cmds, i)
				}
			}
		}
	}
	// A no said once right before cancel still says not to.
	if _, ok := first(readWith(t, "there's no cancelling it now, I'll keep the plan", fullSettleSpread), agent.IntentCancelPlan); ok {
		t.Error("a plan kept read as cancelled")
	}
}

// TestAgreedPlanCalledOffInHindi: a plan called off in Hindi in Latin
// letters with cancel or radd and a verb of doing (cancel kar do, radd
// karo, cancel kar dijiye), after a doubled nahi or none, is cancelled
// and refuses no offer; "cancel nahi karna" keeps the plan.
func TestAgreedPlanCalledOffInHindi(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"nahi yaar, plan cancel kar do, naukri ka bharosa nahi hai",
		"nahin nahin, radd karo, abhi paise ka intezaam nahi hai",
		"cancel kar dijiye, abhi haath tang hai",
		"woh plan cancel karna hai, main nahi de paunga",
	} {
		for _, offers := range [][]agent.Plan{nil, fullSettleSpread} {
			cmds := readWith(t, text, offers)
			if _, ok := first(cmds, agent.IntentCancelPlan); !ok {
				t.Errorf("%q (offers %d) read as %+v; want the plan cancelled", text, len(offers), cmds)
			}
			for _, i := range []agent.Intent{agent.IntentRejectOffer, agent.IntentDeny, agent.IntentAcceptOffer} {
				if _, ok := first(cmds, i); ok {
					t.Errorf("%q (offers %d) read as %+v; want no %s", text, len(offers), cmds, i)
				}
			}
		}
	}
	for _, text := range []string{"plan cancel nahi karna, bas date badal do", "radd nahi karna, plan chalne do"} {
		if _, ok := first(readWith(t, text, fullSettleSpread), agent.IntentCancelPlan); ok {
			t.Errorf("%q read as a plan cancelled", text)
		}
	}
}
