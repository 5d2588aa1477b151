package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestBritishMoneyAndAssent: a tenner, a fiver and quid are pounds ("could
// I do a tenner a week?" proposes 10 a week); "go on then" takes the offer
// on the table and, with none, takes nothing.
func TestBritishMoneyAndAssent(t *testing.T) {
	t.Parallel()
	runUnderstand(t, []understandCase{
		{text: "could I do a tenner a week?", want: []agent.Command{plan("10.00", agent.Weekly, 0)}},
		{text: "a fiver a week is all I can manage", want: []agent.Command{plan("5.00", agent.Weekly, 0)}},
		{text: "twenty quid a week", want: []agent.Command{plan("20.00", agent.Weekly, 0)}},
		{text: "I could manage 40 quid a month", want: []agent.Command{plan("40.00", agent.Monthly, 0)}},
		{text: "go on then", offers: oneOffer, history: offerMade, want: []agent.Command{accept("")}},
		{text: "yeah go on", offers: oneOffer, history: offerMade, want: []agent.Command{accept("")}},
	})
	for _, text := range []string{"go on then", "go on"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentAcceptOffer); ok {
			t.Errorf("%q with no offer accepted one", text)
		}
	}
}
