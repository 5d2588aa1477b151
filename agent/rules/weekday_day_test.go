package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestWeekdayWithItsDay: a weekday followed by the day of the month
// ("Tuesday the 22nd", "this Thursday, the 3rd", "Monday 14th December")
// dates the promise by that day of the month, not by the next such weekday.
func TestWeekdayWithItsDay(t *testing.T) {
	t.Parallel()
	runUnderstand(t, []understandCase{
		{text: "I'll pay 300 on Tuesday the 22nd once my bonus clears", want: []agent.Command{promise(day(2026, 12, 22), "300")}},
		{text: "can send $80 this Thursday, the 3rd", want: []agent.Command{promise(day(2026, 12, 3), "80")}},
		{text: "I can manage $200 on Monday 14th December", want: []agent.Command{promise(day(2026, 12, 14), "200")}},
		{text: "I can pay $150 next Friday the 11th", want: []agent.Command{promise(day(2026, 12, 11), "150")}},
		{text: "I can pay 120 on friday", want: []agent.Command{promise(day(2026, 12, 4), "120")}},
	})
}
