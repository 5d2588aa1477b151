package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestDeferralsAreGoodbyes: time asked for to think or talk it over, with
// the answer to come later, is a goodbye for now that accepts nothing;
// "revert" in the sense of undoing something, and a plain statement of
// what the writer will tell, are no deferral.
func TestDeferralsAreGoodbyes(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"will discuss with my brother and revert back",
		"I shall revert to you by Monday",
		"let me check and get back",
		"ghar mein pooch ke bataunga",
		"soch ke bataenge",
		"give me a day to think it through",
		"I'd like a night to think this through",
	} {
		cmds := readWith(t, text, twoOffers)
		if _, ok := first(cmds, agent.IntentGoodbye); !ok {
			t.Errorf("%q read as %+v, want a goodbye for now", text, cmds)
		}
		if _, ok := first(cmds, agent.IntentAcceptOffer); ok {
			t.Errorf("%q accepts an offer", text)
		}
	}
	for _, text := range []string{"I want to revert the payment I made", "can you revert the late fee", "I will tell you my date of birth"} {
		if _, ok := first(readWith(t, text, twoOffers), agent.IntentGoodbye); ok {
			t.Errorf("%q read as a goodbye", text)
		}
	}
}

// TestDeferralAskedAsAQuestion: time to decide asked for as a question
// ("can I think about it?") is the deferral, not a question for the
// knowledge base; another question beside it still is one.
func TestDeferralAskedAsAQuestion(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"could I have a think about it?", "can I get back to you tomorrow?", "我可以考虑一下吗？"} {
		cmds := readWith(t, text, twoOffers)
		if _, ok := first(cmds, agent.IntentQuestion); ok {
			t.Errorf("%q read as %+v, want the deferral alone", text, cmds)
		}
		if _, ok := first(cmds, agent.IntentGoodbye); !ok {
			t.Errorf("%q read as %+v, want a goodbye for now", text, cmds)
		}
	}
	text := "let me think it over. do you accept bitcoin?"
	if _, ok := first(readWith(t, text, twoOffers), agent.IntentQuestion); !ok {
		t.Errorf("%q lost its question", text)
	}
}

// TestDeferralInSlang: the answer promised later in casual words (hit you
// back, text u back, get back to u, circle back) is time to decide, a
// goodbye for now that accepts nothing and asks for no person.
func TestDeferralInSlang(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"I'll hit you back after payday",
		"lemme text u back tmrw once i talk to the wife",
		"get back to u monday, gotta see what my check looks like",
		"will circle back next week on this",
		"ok ill hit ya back tonight",
	} {
		cmds := readWith(t, text, twoOffers)
		if _, ok := first(cmds, agent.IntentGoodbye); !ok {
			t.Errorf("%q read as %+v, want a goodbye for now", text, cmds)
		}
		for _, i := range []agent.Intent{agent.IntentAcceptOffer, agent.IntentRequestHuman, agent.IntentPromiseToPay} {
			if _, ok := first(cmds, i); ok {
				t.Errorf("%q read as %+v; want no %s", text, cmds, i)
			}
		}
	}
	for _, text := range []string{"can you call me back", "text me back the balance"} {
		if _, ok := first(readWith(t, text, twoOffers), agent.IntentGoodbye); ok {
			t.Errorf("%q read as a goodbye", text)
		}
	}
}
