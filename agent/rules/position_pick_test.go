package rules

import (
	"context"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestOfferPickedByPlace: an option picked by its place in an odd-length
// list ("the middle plan", "bich wali", 中间的那个) or at its foot ("the
// one on the bottom"), by a clipped word for option ("opt 3") or by a bare
// number with an ok or a then ("alright 1 please", "fine, 3 then") chooses
// it. The middle of an even list names nothing.
func TestOfferPickedByPlace(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text, id string
	}{
		{"put me on the middle plan", "2"},
		{"the one in the middle works for me", "2"},
		{"bich wali chalegi", "2"},
		{"中间的那个方案吧", "2"},
		{"選中間嗰個", "2"},
		{"I'd like the one on the bottom", "3"},
		{"whichever is at the bottom of the list, that one", "3"},
		{"i'll do opt 3", "3"},
		{"fine, 3 then", "3"},
		{"alright 1 please", "1"},
	} {
		cmds := readWith(t, tc.text, fullSettleSpread)
		c, ok := first(cmds, agent.IntentAcceptOffer)
		if !ok || c.OfferID != tc.id || c.Unsure {
			t.Errorf("%q read as %+v; want offer %s chosen", tc.text, cmds, tc.id)
		}
		// after a list that also asks what the borrower can afford
		u, err := New().Understand(context.Background(), agent.TurnContext{Now: now, Currency: "USD", OpenOffers: fullSettleSpread,
			History: agentSaid("Option 1: ... Option 3: ... Reply with the number of the option you'd like, or tell me what you can afford.")}, tc.text)
		if err != nil {
			t.Fatal(err)
		}
		if c, ok := first(u.Commands, agent.IntentAcceptOffer); !ok || c.OfferID != tc.id || c.Unsure {
			t.Errorf("%q after a list read as %+v; want offer %s chosen", tc.text, u.Commands, tc.id)
		}
	}
	for _, text := range []string{"the middle one", "中间那个"} {
		if c, ok := first(readWith(t, text, shortAndLong), agent.IntentAcceptOffer); ok && c.OfferID != "" {
			t.Errorf("%q with two offers picked offer %s", text, c.OfferID)
		}
	}
	for _, text := range []string{"what's in the middle one exactly?", "fine, 3 then?"} {
		if c, ok := first(readWith(t, text, fullSettleSpread), agent.IntentAcceptOffer); ok && !c.Unsure {
			t.Errorf("%q took offer %s; it asks", text, c.OfferID)
		}
	}
}

// TestDiscussedThenChosen: a pick after the talk at home is over
// (跟家里人商量好了，选第二个) chooses it; a pick said with "we'll see"
// in Hindi (dekhenge, dekh lete hain) is put off.
func TestDiscussedThenChosen(t *testing.T) {
	t.Parallel()
	if c, ok := first(readWith(t, "跟家里人商量好了，选第二个", fullSettleSpread), agent.IntentAcceptOffer); !ok || c.OfferID != "2" || c.Unsure {
		t.Errorf("a pick after the talk read as %+v; want offer 2 chosen", c)
	}
	for _, text := range []string{"teesra wala accha lag raha hai, dekhenge", "pehli wali theek hai shayad, dekh lete hain"} {
		if c, ok := first(readWith(t, text, fullSettleSpread), agent.IntentAcceptOffer); ok && !c.Unsure {
			t.Errorf("%q took offer %s; the pick is put off", text, c.OfferID)
		}
	}
}

// TestOptionsAskedAsWhatIsGot: the options asked for as what the agent
// has ("so what've you got for me", "what's on offer then"), a bare
// "options?" after a filler, payments in small amounts ("a few quid at a
// time", "in small amounts"), a smaller instalment in Hindi and
// Devanagari, and paying in parts in Cantonese and Mandarin, the parts
// counted or not (分開幾期, 分开几期, 分開三四期): each asks for the plans.
func TestOptionsAskedAsWhatIsGot(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"so what've you got for me",
		"right, what have you lot got",
		"so, options?",
		"I could only manage it in small amounts",
		"a few quid at a time ok?",
		"kisht thodi kam kar sakte ho?",
		"क्या मैं किस्तों में चुका सकता हूँ",
		"分開還得唔得",
		"俾我分開三四期還，得唔得？",
		"可唔可以分幾期俾",
		"能分开几期还吗",
		"唔該分開兩三期交",
	} {
		cmds := readWith(t, text, nil)
		if _, ok := first(cmds, agent.IntentProposePlan); !ok {
			t.Errorf("%q read as %+v, want a request for the plans", text, cmds)
		}
	}
	// a bill of another period is no count of parts
	if cmds := readWith(t, "分开的那期账单我没收到", nil); len(cmds) > 0 && cmds[0].Intent == agent.IntentProposePlan {
		t.Errorf("a bill of another period read as %+v", cmds)
	}
}
