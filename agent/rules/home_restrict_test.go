package rules

import (
	"slices"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestHomeRestrictions: the home, its phone or its number ruled out
// (the house phone, the landline, 家里座机, 屋企电话, घर का नंबर) is a
// restriction to "not at home", never an opt-out of all calls; being at
// home, or contact allowed there, is none.
func TestHomeRestrictions(t *testing.T) {
	t.Parallel()
	b := New()
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"don't call the house phone", []string{"not at home"}},
		{"not on my home number please", []string{"not at home"}},
		{"never ring the landline, my in-laws pick up", []string{"not at home"}},
		{"please stop ringing our landline, the kids answer it", []string{"not at home"}},
		{"do not phone me at home, my parents have no idea", []string{"not at home"}},
		{"no more calls to my house, my husband gets angry", []string{"not at home"}},
		{"my home line is off limits", []string{"not at home"}},
		{"please don't text or call the home phone", []string{"not at home"}},
		{"don't call my work or my home number", []string{"not at home", "not at work"}},
		{"घर के नंबर पर फोन मत करो", []string{"not at home"}},
		{"ghar wale number pe phone mat karo", []string{"not at home"}},
		{"ghar par call mat karna please", []string{"not at home"}},
		{"唔好打屋企电话", []string{"not at home"}},
		{"唔好再打去我屋企", []string{"not at home"}},
		{"别打家里座机", []string{"not at home"}},
		{"不要往我家里打电话，我爸妈会接", []string{"not at home"}},
		{"家里的电话别打了", []string{"not at home"}},
		{"座機不要再打了", []string{"not at home"}},
		{"I'm at home now, you can call", nil},
		{"I work from home so calls are fine", nil},
		{"call me at home after 6", []string{"not before 6pm"}},
		{"I can't pay, I'm stuck at home with no job", nil},
	} {
		got, intents := restrictionNames(t, b, tc.text)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: restrictions %q, want %q (%v)", tc.text, got, want, intents)
		}
		if tc.want != nil && (slices.Contains(intents, agent.IntentOptOut) || slices.Contains(intents, agent.IntentCease)) {
			t.Errorf("%q: a home restriction read as an opt-out or a cease too: %v", tc.text, intents)
		}
	}
}
