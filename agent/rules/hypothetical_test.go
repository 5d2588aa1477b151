package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestUnderstandHypotheticalCounters: a counter-offer put as a supposition
// ("what if I paid 60 a month", "suppose I sent 50 every month", 要是每个月
// 还500呢) proposes that plan, with or without an offer on the table; it
// is neither a promise nor a question nobody understood.
func TestUnderstandHypotheticalCounters(t *testing.T) {
	t.Parallel()
	var cases []understandCase
	for _, tc := range []struct{ text, amount string }{
		{"what if i paid like 60 a month", "60.00"},
		{"What if I paid 70 monthly?", "70.00"},
		{"suppose I sent you 50 every month", "50.00"},
		{"if I paid 80 a month would that work?", "80.00"},
		{"what if i did 65 a month instead", "65.00"},
		{"say I paid $90 per month?", "90.00"},
		{"what if I was to pay 75 a month", "75.00"},
		{"要是每个月还500呢", "500.00"},
		{"如果我每月还300可以吗", "300.00"},
		{"假如我一个月还400行不行", "400.00"},
	} {
		want := []agent.Command{plan(tc.amount, agent.Monthly, 0)}
		cases = append(cases,
			understandCase{text: tc.text, want: want},
			understandCase{text: tc.text, offers: oneOffer, history: offerMade, want: want})
	}
	runUnderstand(t, cases)
}

// offerMadeZH is the Chinese reply that put an offer on the table and asked
// what the borrower can afford.
var offerMadeZH = agentSaid("很抱歉，这低于债权方允许的范围，我无法同意。我能提供的最低方案如下：\n方案1：分12期，每月还款¥1,250.00（共¥15,000.00），首期于2026年3月9日。\n回复“是”即表示同意，或告诉我您能负担的金额。")

// TestBareAmountAfterChineseOffer: after a Chinese reply that asks what the
// borrower can afford (告诉我您能负担的金额), a bare amount is a counter,
// as it is after "tell me what you can afford".
func TestBareAmountAfterChineseOffer(t *testing.T) {
	t.Parallel()
	var cases []understandCase
	for _, text := range []string{"那300行不行", "300可以吗", "那300呢"} {
		cases = append(cases, understandCase{text: text, offers: oneOffer, history: offerMadeZH, want: []agent.Command{plan("300.00", "", 0)}})
	}
	runUnderstand(t, cases)
}
