package rules

import (
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// TestHinglishPaying: a promise or a plan said in Hindi in Latin letters.
// de/bhar/jama/chuka with a future (dunga, dungi, denge) or an ability
// (sakta, sakti) pays; kal with a future is tomorrow, aaj today, parso
// the day after; agle hafte is next week and N tareekh the Nth; mahine ka
// and har mahine are a month. Kal with a past verb is yesterday: a payment
// already made is no promise.
func TestHinglishPaying(t *testing.T) {
	t.Parallel()
	runUnderstand(t, []understandCase{
		{text: "bhai salary aane do 5 tareekh ko, tab 2000 de dunga", want: []agent.Command{promise(day(2026, time.December, 5), "2000.00")}},
		{text: "kal bhar dunga", want: []agent.Command{promise(day(2026, time.November, 29), "")}},
		{text: "agle hafte 5000 de dunga", want: []agent.Command{promise(day(2026, time.November, 30), "5000.00")}},
		{text: "10 tarikh tak jama kar dungi", want: []agent.Command{promise(day(2026, time.December, 10), "")}},
		{text: "parso tak 1500 bhej denge", want: []agent.Command{promise(day(2026, time.November, 30), "1500.00")}},
		{text: "aaj shaam tak 800 de dungi", want: []agent.Command{promise(day(2026, time.November, 28), "800.00")}},
		{text: "main 3000 mahine ka de sakta hoon", want: []agent.Command{plan("3000.00", agent.Monthly, 0)}},
		{text: "har mahine 2500 bhar sakti hoon", want: []agent.Command{plan("2500.00", agent.Monthly, 0)}},
	})
	for _, text := range []string{"maine kal hi bhar diya tha", "kal 2000 jama kar diya"} {
		if c, ok := first(readWith(t, text, nil), agent.IntentPromiseToPay); ok {
			t.Errorf("%q, a payment made, read as a promise: %+v", text, c)
		}
	}
}
