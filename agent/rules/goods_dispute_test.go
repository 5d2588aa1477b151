package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestGoodsAndServicesDisputed: a debt refused because what it paid for
// failed (work done badly and not put right, goods or a system never
// delivered or installed), because an insurer should have paid it, or
// because the collateral was already taken back and sold, is a dispute.
func TestGoodsAndServicesDisputed(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"the dentures snapped a month after fitting and the clinic won't replace them, I'm not paying for botched work",
		"the boiler they put in broke after a week and they refuse to fix it",
		"why should I pay for a faulty repair job",
		"the sofa was never delivered and the shop has closed down",
		"they took the deposit but the windows were never installed",
		"the alarm system was never connected so I won't pay for it",
		"my insurer was supposed to pay this, I have the explanation of benefits",
		"this should have been covered by my insurance",
		"这笔费用保险应该赔的，为什么找我",
		"insurance 本来要 cover 这个，凭什么让我付",
		"you people already repossessed the car and sold it at auction, what am I paying for",
		"gaadi toh pichhle mahine utha li, neelam bhi kar di, ab paisa kis baat ka",
		"they seized the scooter in March and auctioned it off",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentDispute); !ok {
			t.Errorf("%q read as %+v; want a dispute", text, readWith(t, text, nil))
		}
	}
	for _, text := range []string{
		"the repair was done well, I just can't pay it all this month",
		"my insurance renewal is due next month, can I pay on the 5th",
		"the car was delivered fine, I need a payment plan",
		"please don't repossess the car, I can pay 200 a month",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentDispute); ok {
			t.Errorf("%q read as a dispute: %+v", text, readWith(t, text, nil))
		}
	}
}
