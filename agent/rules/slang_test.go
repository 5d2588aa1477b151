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
