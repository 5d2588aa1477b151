package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestPauseRequestsAreHardship: asking for a payment holiday or a
// deferral ("can you give me some breathing room", "could we pause
// payments for a bit", 能不能缓一缓, 延期) says the borrower cannot pay
// now: it is hardship, whose terms start after the policy's pause. A
// length of the pause ("缓三个月") is not a count of payments, and
// nothing is promised or accepted.
func TestPauseRequestsAreHardship(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"can you give me a couple months breathing room before i start paying",
		"could we pause payments for a bit",
		"is there any way to defer this for now",
		"can I get a payment holiday",
		"can we put this on hold until I'm back at work",
		"那你们能给我缓一缓吗",
		"缓三个月行吗",
		"能不能延期还款",
		"可以宽限几个月吗",
	} {
		for _, offers := range [][]agent.Plan{nil, shortAndLong} {
			cmds := readWith(t, text, offers)
			if _, ok := first(cmds, agent.IntentHardship); !ok {
				t.Errorf("%q (%d offers) read as %+v; want hardship", text, len(offers), cmds)
			}
			for _, c := range cmds {
				switch {
				case c.Intent == agent.IntentProposePlan && (c.Count > 0 || c.Amount != nil),
					c.Intent == agent.IntentAcceptOffer, c.Intent == agent.IntentPromiseToPay:
					t.Errorf("%q (%d offers) read as %+v; a pause asked for names no terms", text, len(offers), cmds)
				}
			}
		}
	}
}
