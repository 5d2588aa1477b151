package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestOptionsAskedForInTheSingular: "list every repayment choice" asks for
// the options as "show me the options" does.
func TestOptionsAskedForInTheSingular(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"list every repayment choice you have", "give me each payment option going"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentProposePlan); !ok {
			t.Errorf("%q read as %+v, want the options asked for", text, readWith(t, text, nil))
		}
	}
}

// TestOptOutInSlang: "knock it off with the messages", "cut it out with
// the calls" opt out of the channel named.
func TestOptOutInSlang(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"knock it off with the messages pal", "cut it out with the calls already", "give it a rest with the texts, seriously"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentOptOut); !ok {
			t.Errorf("%q read as %+v, want an opt-out", text, readWith(t, text, nil))
		}
	}
}

// TestWrongNumberAndRelationsInOtherWords: a new owner of the number who
// does not know the name is a third party; "I am Tom's elder sister" is a
// relation as "I am Tom's sister" is; a death "in an accident" and a
// family in mourning are deaths, while a card that expired is none.
func TestWrongNumberAndRelationsInOtherWords(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"I don't know any Priya, this has been my number since spring",
		"who? I only got this phone number a few weeks ago",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentThirdParty); !ok {
			t.Errorf("%q read as %+v, want a third party", text, readWith(t, text, nil))
		}
	}
	for _, text := range []string{"Hi, I am Tom's younger sister, what is this about", "this is Meera's eldest son"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentThirdParty); !ok {
			t.Errorf("%q read as %+v, want a third party", text, readWith(t, text, nil))
		}
	}
	if _, ok := first(readWith(t, "I am Sunil's younger brother. Sunil expired in a road accident last Friday.", nil), agent.IntentDeceased); !ok {
		t.Errorf("a relative's news of a death in an accident is not the borrower's death")
	}
	if cmds := readWith(t, "my card expired, can I pay with a new one", nil); func() bool { _, ok := first(cmds, agent.IntentDeceased); return ok }() {
		t.Errorf("an expired card read as a death: %+v", cmds)
	}
}
