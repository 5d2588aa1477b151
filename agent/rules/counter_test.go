package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// offerMade is the agent's reply that put offers on the table.
var offerMade = agentSaid("Here are the options I can offer:\nOption 1: Settle the account with one payment of $900.00 by March 16, 2026.\n" +
	"Reply with the number of the option you'd like, or tell me what you can afford.")

var oneOffer = []agent.Plan{{ID: "1"}}

// TestUnderstandCounterOffers: haggling. A counter names an amount and is
// never also an acceptance; asking for the lowest terms is its own request;
// an amount to close or settle the account is one payment of it.
func TestUnderstandCounterOffers(t *testing.T) {
	t.Parallel()
	runUnderstand(t, []understandCase{
		{text: "what's the least you would accept", want: []agent.Command{c(agent.IntentAskLowest)}},
		{text: "how low can you go on this?", want: []agent.Command{c(agent.IntentAskLowest)}},
		{text: "what is your best settlement offer?", want: []agent.Command{c(agent.IntentAskLowest)}},
		{text: "what's the lowest then", offers: oneOffer, history: offerMade, want: []agent.Command{c(agent.IntentAskLowest)}},
		{text: "ok what is the longest plan you can give me", offers: oneOffer, history: offerMade, want: []agent.Command{c(agent.IntentAskLowest)}},
		{text: "最低能接受多少", want: []agent.Command{c(agent.IntentAskLowest)}},
		{text: "can I settle for less, say 500", want: []agent.Command{plan("500.00", "", 1)}},
		{text: "would you accept 700 to close the account", want: []agent.Command{plan("700.00", "", 1)}},
		{text: "would you take 650?", want: []agent.Command{plan("650.00", "", 1)}},
		{text: "would you take 100 a month", want: []agent.Command{plan("100.00", agent.Monthly, 0)}},
		{text: "ok how about 750", offers: oneOffer, history: offerMade, want: []agent.Command{plan("750.00", "", 0)}},
		{text: "fine, 800 then", offers: oneOffer, history: offerMade, want: []agent.Command{plan("800.00", "", 0)}},
		{text: "alright 25000 then", offers: oneOffer, history: offerMade, want: []agent.Command{plan("25000.00", "", 0)}},
		{text: "can we make it 80 instead", offers: oneOffer, history: offerMade, want: []agent.Command{plan("80.00", "", 0)}},
		{text: "could you knock a bit off the balance?", want: []agent.Command{plan("", "", 0)}},
		{text: "ok", offers: oneOffer, history: offerMade, want: []agent.Command{accept("")}},
	})
}

// TestUnderstandRestatedOffer: "yes" with the amount of an offer on the
// table takes it; "ok" or "fine" with an amount proposes it.
func TestUnderstandRestatedOffer(t *testing.T) {
	t.Parallel()
	table := []agent.Plan{{ID: "1", Total: agent.MustMoney("1000", "USD"), Installments: []agent.Installment{{Amount: agent.MustMoney("1000", "USD")}}}}
	runUnderstand(t, []understandCase{
		{text: "yes, 1000 to close it", offers: table, history: offerMade, want: []agent.Command{plan("1000.00", "", 1), accept("")}},
		{text: "fine, 1000 then", offers: table, history: offerMade, want: []agent.Command{plan("1000.00", "", 0)}},
		{text: "yes 900 to close it", offers: table, history: offerMade, want: []agent.Command{plan("900.00", "", 1)}},
	})
}

// TestMakeProposesOrEarns: "make" before an amount proposes when it asks
// ("please make EMI 4500 monthly", "can you make it 80") and states an
// income when someone makes it ("I make 2000 a month").
func TestMakeProposesOrEarns(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"please make EMI 4500 monthly", "make 300 a month please", "could you make 250 monthly work"} {
		c, ok := first(readWith(t, text, nil), agent.IntentProposePlan)
		if !ok || c.Amount == nil {
			t.Errorf("%q read as %+v, want a proposal with an amount", text, readWith(t, text, nil))
		}
	}
	for _, text := range []string{"I make 2000 a month", "my husband makes 3000 monthly", "we make about 4000 a month"} {
		if c, ok := first(readWith(t, text, nil), agent.IntentProposePlan); ok && c.Amount != nil {
			t.Errorf("%q read as a proposal %+v", text, c)
		}
	}
}

// TestAskingForTheRecords: asking for an itemised bill, a breakdown or the
// paperwork behind the debt asks for the records (validation), in both
// languages.
func TestAskingForTheRecords(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"show me the itemized bill", "can I get a breakdown of the charges", "send me the paperwork for this debt",
		"i need an itemised statement", "where are the records showing what I owe", "给我发一份欠款明细", "把账单明细发我看看",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentAskValidation); !ok {
			t.Errorf("%q read as %+v, want a request for the records", text, readWith(t, text, nil))
		}
	}
}

// TestAmountsGatheredTogether: "pull together 800", "scrape together 300
// a month" propose those amounts.
func TestAmountsGatheredTogether(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"i can pull together 800 to close this out", "could probably scrape together 300 a month", "I might get together 450 for it"} {
		c, ok := first(readWith(t, text, nil), agent.IntentProposePlan)
		if !ok || c.Amount == nil {
			t.Errorf("%q read as %+v, want a proposal with an amount", text, readWith(t, text, nil))
		}
	}
}
