package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestHinglishConsent: an offer taken or refused in Hindi in Latin letters:
// haan, theek hai, chalega say yes; pehla, doosra, teesra (wala) name the
// option; nahi says no. Without an offer on the table, haan is a yes that
// takes nothing.
func TestHinglishConsent(t *testing.T) {
	t.Parallel()
	runUnderstand(t, []understandCase{
		{text: "theek hai, pehla wala", offers: twoOffers, history: offerMade, want: []agent.Command{accept("1")}},
		{text: "pehla wala", offers: twoOffers, history: offerMade, want: []agent.Command{accept("1")}},
		{text: "doosra option", offers: twoOffers, history: offerMade, want: []agent.Command{accept("2")}},
		{text: "dusri wali please", offers: twoOffers, history: offerMade, want: []agent.Command{accept("2")}},
		{text: "haan", offers: oneOffer, history: offerMade, want: []agent.Command{accept("")}},
		{text: "haan ji theek hai", offers: oneOffer, history: offerMade, want: []agent.Command{accept("")}},
		{text: "chalega", offers: oneOffer, history: offerMade, want: []agent.Command{accept("")}},
		{text: "nahi", offers: oneOffer, history: offerMade, want: []agent.Command{c(agent.IntentRejectOffer)}},
		{text: "haan", want: []agent.Command{c(agent.IntentAffirm)}},
	})
}
