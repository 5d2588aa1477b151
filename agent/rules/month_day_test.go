package rules

import (
	"context"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// TestDayOfNextMonth: a day of the month said with "next month" (or
// "agle mahine") is that day of next month, not the first of it, nor the
// next such day of this month.
func TestDayOfNextMonth(t *testing.T) {
	t.Parallel()
	early := time.Date(2026, 11, 5, 10, 0, 0, 0, chicago)
	want := time.Date(2026, 12, 10, 0, 0, 0, 0, chicago)
	for _, text := range []string{
		"next month on the 10th I will pay 3000",
		"agle mahine 10 tarikh ko 3000 bhar dunga",
		"I'll pay 3000 next month, on the 10th",
	} {
		u, err := New().Understand(context.Background(), agent.TurnContext{Now: early, Currency: "INR"}, text)
		if err != nil {
			t.Fatal(err)
		}
		c, ok := first(u.Commands, agent.IntentPromiseToPay)
		if !ok || !c.Date.Equal(want) {
			t.Errorf("%q read as %+v, want a promise for %s", text, u.Commands, want.Format(time.DateOnly))
		}
	}
	u, _ := New().Understand(context.Background(), agent.TurnContext{Now: early, Currency: "INR"}, "I will pay 3000 on the 10th")
	if c, ok := first(u.Commands, agent.IntentPromiseToPay); !ok || !c.Date.Equal(time.Date(2026, 11, 10, 0, 0, 0, 0, chicago)) {
		t.Errorf("the 10th alone read as %+v, want November 10", u.Commands)
	}
}
