package rules

import (
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// TestPartPaymentWithoutAmount: paying some of the balance now, with no
// amount named, asks for terms (propose_plan with none), never a promise
// of nothing; with an amount it is read as before.
func TestPartPaymentWithoutAmount(t *testing.T) {
	t.Parallel()
	runUnderstand(t, []understandCase{
		{text: "could I put a bit towards it today", want: []agent.Command{plan("", "", 0)}},
		{text: "is it ok if I clear part of the balance first", want: []agent.Command{plan("", "", 0)}},
		{text: "kuch paisa abhi bhar sakti hoon", want: []agent.Command{plan("", "", 0)}},
		{text: "थोड़ा अभी जमा कर सकता हूं", want: []agent.Command{plan("", "", 0)}},
		{text: "我可以先还一点吗", want: []agent.Command{plan("", "", 0)}},
		{text: "先付部分可以不", want: []agent.Command{plan("", "", 0)}},
	})
	u := readWith(t, "I can pay $300 of it on Friday", nil)
	if c, ok := first(u, agent.IntentPromiseToPay); !ok || c.Amount == nil || c.Amount.Minor != 30000 {
		t.Errorf("a part payment with an amount and a day: got %+v", u)
	}
}

// TestHindiWeekdays: the days of the week in Hindi, in Latin letters and in
// Devanagari, date a promise as the English names do; agle is next.
func TestHindiWeekdays(t *testing.T) {
	t.Parallel()
	// now is Saturday, November 28, 2026.
	runUnderstand(t, []understandCase{
		{text: "mangalwar tak 1500 bhej dungi", want: []agent.Command{promise(day(2026, time.December, 1), "1500.00")}},
		{text: "budhvar ko pura bhar denge", want: []agent.Command{promise(day(2026, time.December, 2), "")}},
		{text: "guruwar ko 900 jama kar dunga", want: []agent.Command{promise(day(2026, time.December, 3), "900.00")}},
		{text: "brihaspativar tak 700 de dungi", want: []agent.Command{promise(day(2026, time.December, 3), "700.00")}},
		{text: "shukrawar ko 1200 de dunga", want: []agent.Command{promise(day(2026, time.December, 4), "1200.00")}},
		{text: "ravivar ko 400 bhar dunga", want: []agent.Command{promise(day(2026, time.November, 29), "400.00")}},
		{text: "agle shanivar 2500 de denge", want: []agent.Command{promise(day(2026, time.December, 5), "2500.00")}},
		{text: "सोमवार को 3000 दे दूंगा", want: []agent.Command{promise(day(2026, time.November, 30), "3000.00")}},
		{text: "शुक्रवार तक 800 भर दूंगी", want: []agent.Command{promise(day(2026, time.December, 4), "800.00")}},
	})
}
