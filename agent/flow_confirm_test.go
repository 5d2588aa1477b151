package agent_test

import (
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

func unsure(c agent.Command) agent.Command {
	c.Unsure = true
	return c
}

func byRules(c agent.Command) agent.Command {
	c.Readers = []string{agent.ReaderRules}
	return c
}

// An acceptance the readers did not agree on is read back, and binds only
// on the borrower's explicit YES to the read-back.
func TestUnsureAcceptanceIsReadBack(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("what are my options?", cmd(agent.IntentProposePlan))
	res := b.turn("3 i guess", unsure(agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "3"}))
	noEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "To confirm: option 3,", "Reply YES to agree.")

	res = b.turn("YES", byRules(cmd(agent.IntentAffirm)))
	wantEvents(t, res, agent.EventPlanAccepted)
	wantState(t, res, agent.StatePlanAccepted)
}

// A read-back answered with anything but a yes agrees nothing.
func TestReadBackNotConfirmed(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("what are my options?", cmd(agent.IntentProposePlan))
	b.turn("ok", unsure(cmd(agent.IntentAffirm)))
	res := b.turn("what is my balance", cmd(agent.IntentAskBalance))
	noEvents(t, res, agent.EventPlanAccepted)
	// A yes two messages later confirms nothing: the read-back was answered.
	res = b.turn("yes", byRules(cmd(agent.IntentAffirm)))
	noEvents(t, res, agent.EventPlanAccepted)
}

// A yes that only an unsure reader read does not confirm a read-back.
func TestReadBackNeedsASureYes(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("what are my options?", cmd(agent.IntentProposePlan))
	b.turn("2 maybe", unsure(agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "2"}))
	res := b.turn("sure why not", unsure(agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "1", Readers: []string{agent.ReaderModel}}))
	noEvents(t, res, agent.EventPlanAccepted)
}

// An unsure promise is read back with its date in the borrower's zone,
// and recorded on YES.
func TestUnsurePromiseIsReadBack(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	date := time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)
	res := b.turn("pay the 20th", unsure(agent.Command{Intent: agent.IntentPromiseToPay, Date: date}))
	noEvents(t, res, agent.EventPromiseToPay)
	contains(t, res, "To confirm:", "March 20, 2026", "Reply YES")
	res = b.turn("yes", byRules(cmd(agent.IntentAffirm)))
	wantEvents(t, res, agent.EventPromiseToPay)
	for _, e := range res.Events {
		if e.Kind == agent.EventPromiseToPay && e.Data["date"] != "2026-03-20" {
			t.Errorf("promise date = %s, want 2026-03-20", e.Data["date"])
		}
	}
}

// An unsure cancellation is read back and cancels on YES.
func TestUnsureCancelIsReadBack(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("what are my options?", cmd(agent.IntentProposePlan))
	res := b.turn("option 3", agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "3"})
	wantEvents(t, res, agent.EventPlanAccepted)
	res = b.turn("nah forget it", unsure(cmd(agent.IntentCancelPlan)))
	noEvents(t, res, agent.EventPlanCancelled)
	contains(t, res, "To confirm:", "Reply YES")
	res = b.turn("yes", byRules(cmd(agent.IntentAffirm)))
	wantEvents(t, res, agent.EventPlanCancelled)
}

// The read-back in Chinese.
func TestUnsureAcceptanceReadBackChinese(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turnLang("zh", "有什么方案", cmd(agent.IntentProposePlan))
	res := b.turnLang("zh", "三吧", unsure(agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "3"}))
	noEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "确认", "方案3")
	res = b.turnLang("zh", "是", byRules(cmd(agent.IntentAffirm)))
	wantEvents(t, res, agent.EventPlanAccepted)
}

// A single offer is its own read-back: it asks for a yes to exactly those
// terms, and a yes in reply agrees to them.
func TestSingleOfferIsItsOwnReadBack(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("I can do 200 a month", agent.Command{Intent: agent.IntentProposePlan, Amount: &agent.Money{Minor: 20000, Currency: "USD"}, Frequency: agent.Monthly})
	contains(t, res, "Option 1:", "Reply YES to agree")
	res = b.turn("ok", byRules(unsure(agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "1"})))
	wantEvents(t, res, agent.EventPlanAccepted)
}

// A yes said with doubt ("ok I guess", "fine but…") confirms nothing, even
// when the rules read it: it is read back again.
func TestDoubtfulYesConfirmsNothing(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("I can do 200 a month", agent.Command{Intent: agent.IntentProposePlan, Amount: &agent.Money{Minor: 20000, Currency: "USD"}, Frequency: agent.Monthly})
	doubt := byRules(unsure(agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "1"}))
	doubt.Doubt = true
	res := b.turn("ok I guess", doubt)
	noEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "To confirm: option 1,")
	res = b.turn("yes", byRules(cmd(agent.IntentAffirm)))
	wantEvents(t, res, agent.EventPlanAccepted)
}
