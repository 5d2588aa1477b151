package agent_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-collections/parley/agent"
)

func money(s string) *agent.Money {
	m := agent.MustMoney(s, "USD")
	return &m
}

func TestNegotiationToAcceptedPlanWithLinkAndReminders(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.turn("hi", cmd(agent.IntentGreeting))
	b.verify()

	res := b.turn("what are my options?", cmd(agent.IntentProposePlan))
	wantEvents(t, res, agent.EventPlanOffered)
	wantState(t, res, agent.StateNegotiating)
	contains(t, res, "Option 1: Pay $1,200.00 in full")

	res = b.turn("I can do 150 a month", agent.Command{Intent: agent.IntentProposePlan, Amount: money("150.00"), Frequency: agent.Monthly})
	wantEvents(t, res, agent.EventPlanOffered)
	contains(t, res, "monthly payments of $150.00")

	res = b.turn("yes", cmd(agent.IntentAffirm))
	wantEvents(t, res, agent.EventPlanAccepted, agent.EventPaymentLinkSent)
	wantState(t, res, agent.StatePlanAccepted)
	contains(t, res, "https://pay.example.com/p/", "$150.00")

	plans, err := b.store.Plans(b.ctx, b.acct.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 1 {
		t.Fatalf("stored plans = %d, want 1", len(plans))
	}
	p := plans[0]
	if p.Status != agent.PlanAccepted || !strings.HasPrefix(p.PaymentURL, "https://pay.example.com/p/") || p.ConversationID != b.convID {
		t.Errorf("stored plan = %+v", p)
	}
	for _, in := range p.Installments {
		if in.Amount.Minor > 15000 {
			t.Errorf("installment %s exceeds the 150.00 asked", in.Amount)
		}
	}
	if got, want := len(b.sched.reminders), len(p.Installments); got != want {
		t.Errorf("reminders = %d, want %d", got, want)
	}
	// Every amount a reply stated was grounded: the guard saw them allowed.
	for _, m := range res.Replies {
		if m.Guard == nil || !m.Guard.Sendable() {
			t.Errorf("reply without a sendable guard decision: %+v", m.Guard)
		}
	}
}

func TestAcceptByOptionNumberWithoutLinker(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS, withoutLinker())
	b.verify()
	b.turn("how can I pay", cmd(agent.IntentProposePlan))
	res := b.turn("option 3", agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "3"})
	wantEvents(t, res, agent.EventPlanAccepted)
	noEvents(t, res, agent.EventPaymentLinkSent)
	contains(t, res, "send you the payment details")

	res = b.turn("option 9", agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "9"})
	noEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "Reply with the number")
}

func TestVoiceReadsNoLink(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelVoice)
	b.verify()
	b.turn("I'll pay it all", cmd(agent.IntentPayInFull))
	res := b.turn("yes", cmd(agent.IntentAffirm))
	wantEvents(t, res, agent.EventPlanAccepted)
	noEvents(t, res, agent.EventPaymentLinkSent)
	notContains(t, res, "https://")
	contains(t, res, "send you the payment details")
	plans, err := b.store.Plans(b.ctx, b.acct.ID)
	if err != nil || len(plans) != 1 || plans[0].PaymentURL == "" {
		t.Errorf("plans = %+v, %v; want the link kept on the plan", plans, err)
	}
}

// Paying in full is offered, and agreed only when the borrower chooses it
// in reply: never in the message that offers it.
func TestPayInFullIsAgreedOnlyInReply(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("I'll pay it all", cmd(agent.IntentPayInFull))
	wantEvents(t, res, agent.EventPlanOffered)
	noEvents(t, res, agent.EventPlanAccepted, agent.EventPaymentLinkSent)
	contains(t, res, "$1,200.00 in full")
	notContains(t, res, "that's agreed")
	res = b.turn("yes", cmd(agent.IntentAffirm))
	wantEvents(t, res, agent.EventPlanAccepted, agent.EventPaymentLinkSent)
	contains(t, res, "that's agreed")
}

// A choice counts only in reply to the message that offered: a "yes" after
// the agent said something else shows the options again.
func TestAcceptanceNeedsTheOfferInThePreviousReply(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("I'll pay it all", cmd(agent.IntentPayInFull))
	b.turn("who is the creditor?", cmd(agent.IntentAskCreditor))
	res := b.turn("yes", cmd(agent.IntentAffirm))
	noEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "Option 1")
	res = b.turn("1", agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "1"})
	wantEvents(t, res, agent.EventPlanAccepted)
}

// An account has one live plan: a new agreement supersedes the old, and a
// cancelled plan leaves nothing agreed.
func TestOneLivePlanAndCancel(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("I'll pay it all", cmd(agent.IntentPayInFull))
	first := b.turn("yes", cmd(agent.IntentAffirm))
	wantEvents(t, first, agent.EventPlanAccepted)
	b.turn("actually 150 a month", agent.Command{Intent: agent.IntentProposePlan, Amount: money("150.00"), Frequency: agent.Monthly})
	res := b.turn("yes", cmd(agent.IntentAffirm))
	wantEvents(t, res, agent.EventPlanAccepted, agent.EventPlanSuperseded)
	plans, err := b.store.Plans(b.ctx, b.acct.ID)
	if err != nil {
		t.Fatal(err)
	}
	live := 0
	for _, p := range plans {
		if p.Status == agent.PlanAccepted {
			live++
		}
	}
	if len(plans) != 2 || live != 1 {
		t.Fatalf("plans %+v: want two, one of them live", plans)
	}
	res = b.turn("cancel that plan", cmd(agent.IntentCancelPlan))
	wantEvents(t, res, agent.EventPlanCancelled)
	contains(t, res, "cancelled")
	plans, _ = b.store.Plans(b.ctx, b.acct.ID)
	for _, p := range plans {
		if p.Status == agent.PlanAccepted {
			t.Errorf("plan %s still accepted after cancel", p.ID)
		}
	}
}

func TestPayInFullOfLessThanTheBalanceAgreesNothing(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("I can pay 900 in full", agent.Command{Intent: agent.IntentPayInFull, Amount: money("900.00")})
	wantEvents(t, res, agent.EventPlanOffered)
	noEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "Settle the account with one payment of $900.00")
	notContains(t, res, "Pay $1,200.00 in full")

	b = setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res = b.turn("I can pay 1200 in full", agent.Command{Intent: agent.IntentPayInFull, Amount: money("1200.00")})
	noEvents(t, res, agent.EventPlanAccepted)
	res = b.turn("yes", cmd(agent.IntentAffirm))
	wantEvents(t, res, agent.EventPlanAccepted)
}

func TestOnePaymentOfAnAmountIsASettlementOffer(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("what about 900 to settle", agent.Command{Intent: agent.IntentProposePlan, Amount: money("900.00"), Count: 1})
	wantEvents(t, res, agent.EventPlanOffered)
	noEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "Settle the account with one payment of $900.00")
	notContains(t, res, "monthly payments")
}

// An ask below every permitted plan is countered with the lowest terms;
// declining those hands the conversation to a person.
func TestUnaffordableAskIsCounteredThenHandsOver(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("I can pay 5 a month", agent.Command{Intent: agent.IntentProposePlan, Amount: money("5.00"), Frequency: agent.Monthly})
	wantEvents(t, res, agent.EventPlanOffered)
	noEvents(t, res, agent.EventHandoffRequested, agent.EventPlanAccepted)
	contains(t, res, "12 monthly payments of $100.00")
	notContains(t, res, "$5.00")
	for range 3 { // the settlement, then its floor, then a person
		if res = b.turn("no, I can't", cmd(agent.IntentRejectOffer)); hasKind(res.Events, agent.EventHandoffRequested) {
			break
		}
	}
	wantEvents(t, res, agent.EventHandoffRequested)
	wantState(t, res, agent.StateHandoff)
}

func TestPromiseToPay(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	date := testNow.AddDate(0, 0, 5)
	res := b.turn("I'll pay 300 on Saturday", agent.Command{Intent: agent.IntentPromiseToPay, Date: date, Amount: money("300.00")})
	wantEvents(t, res, agent.EventPromiseToPay)
	contains(t, res, "March 7, 2026")
	contains(t, res, "$300.00") // what is recorded is said back: the date and the amount
	var got map[string]string
	for _, e := range res.Events {
		if e.Kind == agent.EventPromiseToPay {
			got = e.Data
		}
	}
	if diff := cmp.Diff(map[string]string{"date": "2026-03-07", "amount": "300.00"}, got); diff != "" {
		t.Errorf("promise data (-want +got):\n%s", diff)
	}
}

func TestWishToPayWithoutADateGetsTheOffers(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("I want to pay", cmd(agent.IntentPromiseToPay))
	wantEvents(t, res, agent.EventPlanOffered)
	noEvents(t, res, agent.EventPromiseToPay)
	contains(t, res, "Option 1:")
}

func TestHardshipOffersTheManageablePlanAndAPerson(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	res := b.turn("I lost my job, I can't pay all of it", cmd(agent.IntentHardship))
	noDebtDetail(t, res)
	noEvents(t, res, agent.EventHardshipRecorded)
	contains(t, res, "sorry to hear")

	res = b.verify()
	wantEvents(t, res, agent.EventHardshipRecorded, agent.EventPlanOffered)
	contains(t, res, "a person from our team", "more manageable")
	wantState(t, res, agent.StateHardship)

	res = b.turn("1", agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "1"})
	wantEvents(t, res, agent.EventPlanAccepted)
}

func TestOneSetOfOffersPerTurn(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("I lost my job, I can't pay it all", cmd(agent.IntentHardship), cmd(agent.IntentRejectOffer))
	wantEvents(t, res, agent.EventHardshipRecorded, agent.EventPlanOffered)
	offered := 0
	for _, e := range res.Events {
		if e.Kind == agent.EventPlanOffered {
			offered++
		}
	}
	if offered != 1 {
		t.Errorf("plan_offered %d times in one turn, want 1:\n%s", offered, text(res))
	}
	contains(t, res, "Option 1: 24 monthly payments of $50.00")
	res = b.turn("option 1", agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "1"})
	contains(t, res, "24 monthly payments of $50.00")
}

func TestChineseNegotiation(t *testing.T) {
	t.Parallel()
	b := setup(t, cnAccount(), agent.ChannelChat)
	b.turnLang("zh", "你好", cmd(agent.IntentGreeting))
	b.turnLang("zh", "1990-08-08 1234", identity("1990-08-08", ""), last4("1234"))
	res := b.turnLang("zh", "我想分期", cmd(agent.IntentProposePlan))
	wantEvents(t, res, agent.EventPlanOffered)
	contains(t, res, "可以为您提供以下还款方案", "¥12,000.00")
	res = b.turnLang("zh", "选2", agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "2"})
	wantEvents(t, res, agent.EventPlanAccepted, agent.EventPaymentLinkSent)
	contains(t, res, "已为您确认", "安全链接")
}

// Wanting time to decide among the offers agrees to nothing and hands
// nothing over: the borrower is told to take their time.
func TestTimeToThinkAgreesToNothing(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("what are my options?", cmd(agent.IntentProposePlan))
	res := b.turn("let me sleep on it", cmd(agent.IntentGoodbye))
	contains(t, res, "take your time")
	noEvents(t, res, agent.EventPlanAccepted, agent.EventHandoffRequested)
	// A hedged choice is read back, not taken.
	b.turn("what are my options?", cmd(agent.IntentProposePlan))
	res = b.turn("maybe the second one?", agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "2", Unsure: true})
	noEvents(t, res, agent.EventPlanAccepted)
}

// A borrower who says they are overwhelmed gets care and a person, not a
// payment menu, on that turn; a plain hardship still gets hardship terms.
func TestOverwhelmedHardshipGetsNoMenu(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"my hours got cut and my daughter is in and out of the doctor, I honestly can't cope right now",
		"lost my job last month and I'm falling apart, no idea what to do",
		"失业了，家里又有病人，我现在真的不知道该怎么办",
	} {
		b := setup(t, usAccount(), agent.ChannelChat)
		b.verify()
		res := b.turn(text, cmd(agent.IntentHardship))
		wantEvents(t, res, agent.EventHardshipRecorded)
		noEvents(t, res, agent.EventPlanOffered)
		notContains(t, res, "Option 1", "方案1")
	}
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("I lost my job, is there a smaller payment I could make", cmd(agent.IntentHardship))
	wantEvents(t, res, agent.EventHardshipRecorded, agent.EventPlanOffered)
}

// Taking back a choice that was only read back is told that nothing was
// agreed.
func TestTakingBackAReadBackAgreesNothing(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("I can do 200 a month", agent.Command{Intent: agent.IntentProposePlan, Amount: money("200.00"), Frequency: agent.Monthly})
	res := b.turn("ok", agent.Command{Intent: agent.IntentAcceptOffer, Unsure: true})
	noEvents(t, res, agent.EventPlanAccepted)
	res = b.turn("no wait, I didn't agree to that", cmd(agent.IntentCancelPlan))
	contains(t, res, "nothing has been agreed")
	noEvents(t, res, agent.EventPlanAccepted, agent.EventPlanCancelled)
}

// A plan agreed on one channel is cancelled from another: the account has
// one live plan, whichever conversation agreed it.
func TestCancelOnAnotherChannel(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("I can do 200 a month", agent.Command{Intent: agent.IntentProposePlan, Amount: money("200.00"), Frequency: agent.Monthly})
	res := b.turn("yes", cmd(agent.IntentAffirm))
	wantEvents(t, res, agent.EventPlanAccepted)

	b.channel, b.convID = agent.ChannelSMS, ""
	b.verify()
	res = b.turn("cancel my payment plan please", cmd(agent.IntentCancelPlan))
	wantEvents(t, res, agent.EventPlanCancelled)
	notContains(t, res, "nothing has been agreed")
}

// A yes to several options says which one nobody knows: the reply asks
// which, in so many words, shows them again, and agrees to nothing.
func TestAYesToSeveralOptionsAsksWhichOne(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("what are my options?", cmd(agent.IntentProposePlan))
	contains(t, res, "Option 1", "Option 2")
	res = b.turn("yes", cmd(agent.IntentAffirm))
	noEvents(t, res, agent.EventPlanAccepted, agent.EventPlanOffered)
	contains(t, res, "Which one would you like?", "Option 1", "Option 2")

	c := setup(t, cnAccount(), agent.ChannelChat)
	c.turnLang("zh", "1990年8月8日，尾号1234", identity("1990-08-08", ""), last4("1234"))
	c.turnLang("zh", "有什么方案", cmd(agent.IntentProposePlan))
	res = c.turnLang("zh", "好的", cmd(agent.IntentAffirm))
	noEvents(t, res, agent.EventPlanAccepted)
	contains(t, res, "您想选哪一个？")
}

// A yes after a plan is agreed answers the confirmation; it does not put
// the options on the table again as if nothing were agreed.
func TestAYesAfterTheAgreementOffersNothingNew(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("what are my options?", cmd(agent.IntentProposePlan))
	res := b.turn("option 2", agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "2"})
	wantEvents(t, res, agent.EventPlanAccepted)
	res = b.turn("yes", cmd(agent.IntentAffirm))
	noEvents(t, res, agent.EventPlanOffered, agent.EventPlanAccepted)
	notContains(t, res, "Option 1", "Option 2")
	if len(res.Replies) == 0 {
		t.Fatal("no reply to a yes after the agreement")
	}
}

// A plain yes after a plan was agreed, whichever way a reader took it (a
// yes, or an acceptance naming no option), is acknowledged: the options
// are not shown again, and nothing said next agrees the plan twice.
func TestYesAfterAgreementIsAcknowledged(t *testing.T) {
	t.Parallel()
	for _, yes := range []agent.Command{cmd(agent.IntentAffirm), cmd(agent.IntentAcceptOffer)} {
		b := setup(t, usAccount(), agent.ChannelChat)
		b.verify()
		b.turn("I can do 200 a month", agent.Command{Intent: agent.IntentProposePlan, Amount: money("200.00"), Frequency: agent.Monthly})
		res := b.turn("yes", cmd(agent.IntentAffirm))
		wantEvents(t, res, agent.EventPlanAccepted)
		res = b.turn("yes", yes)
		noEvents(t, res, agent.EventPlanOffered, agent.EventPlanAccepted)
		notContains(t, res, "Option 1")
		res = b.turn("ok thanks", cmd(agent.IntentAcceptOffer), cmd(agent.IntentThanks))
		noEvents(t, res, agent.EventPlanAccepted, agent.EventPlanSuperseded)
		var said strings.Builder
		for _, m := range res.Replies {
			said.WriteString(m.Text)
		}
		if n := strings.Count(said.String(), "If you need anything else"); n != 1 {
			t.Errorf("%s: \"ok thanks\" answered with %d closings: %q", yes.Intent, n, said.String())
		}
		plans, err := b.store.Plans(b.ctx, b.acct.ID)
		if err != nil || len(plans) != 1 {
			t.Errorf("%s: plans %d, %v; want the one agreed", yes.Intent, len(plans), err)
		}
	}
}
