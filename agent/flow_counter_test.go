package agent_test

import (
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// A lump sum under the settlement floor is countered with the floor, the
// lowest one payment the creditor allows; never a plan of the amount asked.
func TestLumpSumUnderTheFloorIsCountered(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("would you take 600 to settle", agent.Command{Intent: agent.IntentProposePlan, Amount: money("600"), Count: 1})
	wantEvents(t, res, agent.EventPlanOffered)
	noEvents(t, res, agent.EventPlanAccepted, agent.EventHandoffRequested)
	contains(t, res, "lowest", "$840.00")
	notContains(t, res, "$600.00")

	// A bare amount after a settlement counter is another lump sum.
	res = b.turn("700 then", agent.Command{Intent: agent.IntentProposePlan, Amount: money("700")})
	wantEvents(t, res, agent.EventPlanOffered)
	noEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "$840.00")
	notContains(t, res, "payments of $700.00", "$700.00")

	res = b.turn("900", agent.Command{Intent: agent.IntentProposePlan, Amount: money("900")})
	contains(t, res, "Settle the account with one payment of $900.00")
	noEvents(t, res, agent.EventPlanAccepted)
	res = b.turn("yes", cmd(agent.IntentAffirm))
	wantEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "$900.00")
}

// "ok, what about 700" counters and agrees nothing: an acceptance in the
// message that puts new offers on the table never binds them.
func TestCounterWithOkAgreesNothing(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("what are my options", cmd(agent.IntentProposePlan))
	res := b.turn("ok what about 700 a month", agent.Command{Intent: agent.IntentProposePlan, Amount: money("700"), Frequency: agent.Monthly},
		cmd(agent.IntentAcceptOffer))
	wantEvents(t, res, agent.EventPlanOffered)
	noEvents(t, res, agent.EventPlanAccepted)
	res = b.turn("yes", cmd(agent.IntentAffirm))
	wantEvents(t, res, agent.EventPlanAccepted)
}

// An amount on its own that is most of the balance is read as one payment.
func TestLargeAmountAloneIsALumpSum(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("600?", agent.Command{Intent: agent.IntentProposePlan, Amount: money("600")})
	wantEvents(t, res, agent.EventPlanOffered)
	notContains(t, res, "payments of $600.00")
	contains(t, res, "$840.00")
}

// A monthly amount below the creditor's limits gets the lowest plan the
// limits allow, said honestly, and no person only because it is low.
func TestMonthlyAmountTooLowIsCountered(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("I can only do $50 a month", agent.Command{Intent: agent.IntentProposePlan, Amount: money("50"), Frequency: agent.Monthly})
	wantEvents(t, res, agent.EventPlanOffered)
	noEvents(t, res, agent.EventHandoffRequested, agent.EventPlanAccepted)
	contains(t, res, "lowest", "12 monthly payments of $100.00")
	res = b.turn("fine", cmd(agent.IntentAffirm))
	wantEvents(t, res, agent.EventPlanAccepted)
}

// "What's the lowest you'd take" gets the floor settlement and the longest
// plan, as offers to choose from.
func TestAskLowestGetsTheLowestTerms(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("whats the lowest you'd take", cmd(agent.IntentAskLowest))
	wantEvents(t, res, agent.EventPlanOffered)
	noEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "lowest", "$840.00", "12 monthly payments of $100.00")
	notContains(t, res, "didn't quite follow")
}

// "yes, 900 to settle" after an offer of 900 chooses that offer.
func TestYesRestatingAnOfferAcceptsIt(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("900 to settle?", agent.Command{Intent: agent.IntentProposePlan, Amount: money("900"), Count: 1})
	res := b.turn("yes, 900 to settle", agent.Command{Intent: agent.IntentProposePlan, Amount: money("900"), Count: 1}, cmd(agent.IntentAcceptOffer))
	wantEvents(t, res, agent.EventPlanAccepted)
	noEvents(t, res, agent.EventPlanOffered)
	if n := strings.Count(text(res), "that's agreed"); n != 1 {
		t.Errorf("agreed %d times in %q", n, text(res))
	}
}
