package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestNotKnowingHowToPayPromisesNothing: a borrower who does not know how
// they will pay on a day ("下个月都不知道怎么还", "no idea how I'll pay next
// month") promises nothing on that day and asks for no plan: it is
// hardship told; a promise with a day still is one.
func TestNotKnowingHowToPayPromisesNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text    string
		promise bool
	}{
		{"刚失业，信用卡下个月都不知道怎么还", false},
		{"老公住院了，这个月唔知点还", false},
		{"lost my job last week, no idea how I'll pay next month", false},
		{"I don't know how I'm going to pay on the 15th", false},
		{"我下个月5号还", true},
		{"I'll pay on the 15th", true},
	} {
		u := readWith(t, tc.text, nil)
		_, got := first(u, agent.IntentPromiseToPay)
		if got != tc.promise {
			t.Errorf("%q: promise = %v, want %v (%v)", tc.text, got, tc.promise, u)
		}
		if !tc.promise {
			if _, plan := first(u, agent.IntentProposePlan); plan {
				t.Errorf("%q: read as a plan asked for (%v)", tc.text, u)
			}
		}
	}
}
