package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestHalvesAreTwoPayments: the balance asked for in two halves ("half now
// and half next month", "先还一半，剩下的下个月") is a plan of two payments,
// a month apart or a week apart as said; half alone is not.
func TestHalvesAreTwoPayments(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		freq agent.Frequency
	}{
		{"can I pay half now and half next month?", agent.Monthly},
		{"half now, the rest next month", agent.Monthly},
		{"could I split it, half today and the other half in a month", agent.Monthly},
		{"I'll do half this week and the other half next week", agent.Weekly},
		{"先还一半，剩下的下个月还", agent.Monthly},
		{"这个月还一半，下个月再还另一半", agent.Monthly},
	} {
		cmds := readWith(t, tc.text, nil)
		c, ok := first(cmds, agent.IntentProposePlan)
		if !ok || c.Count != 2 || c.Frequency != tc.freq || c.Amount != nil {
			t.Errorf("%q read as %+v; want a plan of 2 %s payments", tc.text, cmds, tc.freq)
		}
		if _, ok := first(cmds, agent.IntentPromiseToPay); ok {
			t.Errorf("%q read as a promise too: %+v", tc.text, cmds)
		}
	}
	for _, text := range []string{"I can only pay half", "is half ok to settle?"} {
		if c, ok := first(readWith(t, text, nil), agent.IntentProposePlan); ok && c.Count == 2 {
			t.Errorf("%q read as two payments: %+v", text, c)
		}
	}
}
