package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestHouseholdBlowTold: a partner held, sent away or laid up, and the
// household left on one wage, told as news, is hardship and nothing more:
// a relative in prison asks nothing about arrest, and a wage that pays
// for things now is no payment promised today. Asked about, jail is still
// a question.
func TestHouseholdBlowTold(t *testing.T) {
	t.Parallel()
	hardship := []agent.Command{c(agent.IntentHardship)}
	runUnderstand(t, []understandCase{
		{text: "they deported my boyfriend last month and the rent is all on me", want: hardship},
		{text: "my brother has been locked up since spring and we're down to a single income", want: hardship},
		{text: "my dad is bedridden since his stroke, I look after him", want: []agent.Command{c(agent.IntentVulnerability), c(agent.IntentHardship)}},
		{text: "it's my salary covering everything now that she's been detained", want: hardship},
		{text: "papa do mahine se bistar pe hain", want: hardship},
		{text: "can I go to jail for not paying?", want: []agent.Command{c(agent.IntentAskArrest)}},
	})
}
