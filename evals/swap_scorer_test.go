package evals

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// The consent scorer hears another option asked for in place of the one
// agreed ("change that to the settlement", "swap me over to the longer
// one", "make it the monthly one", 换成一次性结清), and still hears none in
// a change of date or of channel.
func TestConsentScorerReadsASwap(t *testing.T) {
	accepted := []string{string(agent.EventPlanAccepted)}
	for _, b := range []string{"change that to the settlement instead", "swap me over to the longer one", "could you switch it to the monthly one",
		"make it the two payments plan", "还是换成一次性结清吧", "改成分期那个"} {
		if got := scoreConsent(Reply{Borrower: b, Events: accepted}); got != "" {
			t.Errorf("%q: %s", b, got)
		}
	}
	for _, b := range []string{"can you change the date to the 20th", "switch me to email from now on"} {
		if got := scoreConsent(Reply{Borrower: b, Events: accepted}); got == "" {
			t.Errorf("a plan agreed on %q passed", b)
		}
	}
}
