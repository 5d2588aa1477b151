package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestGoAheadOnRestatedTerms: the terms of the offer on the table said
// again with a go-ahead ("four payments is fine, set it up", "haan 250
// monthly pakka karo", 行，每月250就这么办) take that offer; the same
// terms said as a question, or other terms with a go-ahead, are a
// proposal and take nothing.
func TestGoAheadOnRestatedTerms(t *testing.T) {
	t.Parallel()
	four := []agent.Plan{installmentOffer("1", 4, "250.00")}
	runUnderstand(t, []understandCase{
		{text: "four payments is fine, set it up", offers: four, history: offerMade, want: []agent.Command{plan("", "", 4), accept("")}},
		{text: "the 4 payment plan works, go ahead", offers: four, history: offerMade, want: []agent.Command{plan("", "", 4), accept("")}},
		{text: "haan 250 monthly pakka karo", offers: four, history: offerMade, want: []agent.Command{plan("250.00", agent.Monthly, 0), accept("")}},
		{text: "行，每月250就这么办", offers: four, history: offerMade, want: []agent.Command{plan("250.00", agent.Monthly, 0), accept("")}},
		{text: "could I do 200 a month instead? go ahead if so", offers: four, history: offerMade, want: []agent.Command{plan("200.00", agent.Monthly, 0)}},
		{text: "six payments, set it up", offers: four, history: offerMade, want: []agent.Command{plan("", "", 6)}},
	})
}
