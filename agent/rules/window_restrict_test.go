package rules

import (
	"slices"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestContactRefusedInAWindow: contact refused between two times of day
// ("don't ring me between 11 and 3", "11 se 4 baje tak phone mat karna")
// is a time restriction, never an opt-out. The restriction keeps contact
// to the longer side of the window inside the day: after it when the
// window ends by the afternoon, before it when the window is the evening.
// Working hours named without times ("during working hours") are the
// workplace.
func TestContactRefusedInAWindow(t *testing.T) {
	t.Parallel()
	b := New()
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"please don't ring me between 11 and 3, I'm on the ward then", []string{"not before 3pm"}},
		{"no calls from 9am to 5:30pm, I'm teaching", []string{"not before 5:30pm"}},
		{"don't phone between 8pm and 10pm, that's bedtime for the kids", []string{"not after 8pm"}},
		{"11 se 4 baje tak phone mat karna, duty hoti hai", []string{"not before 4pm"}},
		{"9 se 6 ke beech call nahi karna please", []string{"not before 6pm"}},
		// working hours named rather than timed: the workplace
		{"please don't call during working hours", []string{"not at work"}},
		{"business hours 别 call 我，在上班", []string{"not at work"}},
	} {
		got, intents := restrictionNames(t, b, tc.text)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: restrictions %q, want %q (%v)", tc.text, got, tc.want, intents)
		}
		if slices.Contains(intents, agent.IntentOptOut) || slices.Contains(intents, agent.IntentCease) {
			t.Errorf("%q: a window read as an opt-out or a cease: %v", tc.text, intents)
		}
	}
}
