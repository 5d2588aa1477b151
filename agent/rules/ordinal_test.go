package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestDigitOrdinalsChooseAnOffer: an option named by a digit and an
// ordinal suffix ("2nd one", "the 1st plan", "3rd option pls") chooses
// that offer as the word would.
func TestDigitOrdinalsChooseAnOffer(t *testing.T) {
	t.Parallel()
	threeOffers := []agent.Plan{{ID: "p1"}, {ID: "p2"}, {ID: "p3"}}
	runUnderstand(t, []understandCase{
		{text: "1st one thanks", offers: twoOffers, history: offerMade, want: []agent.Command{accept("1"), c(agent.IntentThanks)}},
		{text: "I want the 2nd plan", offers: twoOffers, history: offerMade, want: []agent.Command{accept("2")}},
		{text: "3rd option pls", offers: threeOffers, history: offerMade, want: []agent.Command{accept("3")}},
		{text: "going with the 2nd", offers: twoOffers, history: offerMade, want: []agent.Command{accept("2")}},
	})
}
