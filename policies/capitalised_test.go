package policies

import "testing"

// TestOnlyCapitalised: a name word excuses its hits only where every
// whole-word occurrence of it is capitalised; runes that fold to an ASCII
// letter (the Kelvin sign, the long s) spell no occurrence of an ASCII word.
func TestOnlyCapitalised(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text, w string
		want    bool
	}{
		{"Hi Dick, how are you?", "Dick", true},
		{"Hi Dick, don't be a dick", "Dick", false},
		{"dick", "Dick", false},
		{"Dickens wrote it, dicks", "Dick", true},
		{"no name here", "Dick", true},
		{"", "Dick", true},
		{"Mr Kay and \u212aay", "Kay", true},
		{"Mr Kay and \u212aay and kay", "Kay", false},
		{"Bo\u017f\u017f, Boss", "Boss", true},
		{"Boss boss", "Boss", false},
		{"x-ray Xray xray", "Xray", false},
		{"Ana_ana", "Ana", false},
		{"Ana1 ana1x anas Ana", "Ana", true},
		{"ANA and Ana", "Ana", true},
		{"aNA", "Ana", false},
		{"é Ana ana", "Ana", false},
		{"Ana", "Ana", true},
		{"Ana", "Anabel", true},
	} {
		if got := onlyCapitalised(tc.text, tc.w); got != tc.want {
			t.Errorf("onlyCapitalised(%q, %q) = %v, want %v", tc.text, tc.w, got, tc.want)
		}
	}
}
