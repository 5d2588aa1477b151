package rules

import (
	"slices"
	"testing"
)

// TestEveningOnlyContact: contact kept to the evening in English ("only
// evenings", "evenings only", "only after work"), as 只能晚上联系我 is in
// Chinese, is contact not before 6pm; a workday limit beside it stays.
func TestEveningOnlyContact(t *testing.T) {
	t.Parallel()
	b := New()
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"can you not text me during work hours? only evenings", []string{"not at work", "not before 6pm"}},
		{"evenings only please", []string{"not before 6pm"}},
		{"please only call me in the evening", []string{"not before 6pm"}},
		{"only contact me after work", []string{"not before 6pm"}},
		{"text me after work only", []string{"not before 6pm"}},
		{"only reach me in the evenings", []string{"not before 6pm"}},
		{"evenings only, I'm at the shop all day", []string{"not before 6pm"}},
		{"I work evenings only", nil},
		{"only 只能晚上联系我", []string{"not before 6pm"}},
	} {
		got, intents := restrictionNames(t, b, tc.text)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: restrictions %q, want %q (%v)", tc.text, got, want, intents)
		}
	}
}
