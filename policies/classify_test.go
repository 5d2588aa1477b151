package policies

import (
	"slices"
	"testing"
)

// TestClassifierPromises: a credit promise the lexicon lacks is caught by
// the content model even when the engine granted a term (no term grants a
// promise about credit records); an offer the engine granted is not.
func TestClassifierPromises(t *testing.T) {
	t.Parallel()
	lexicon, err := NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}, NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text    string
		granted []string
		lexicon []string // categories with the lexicon alone
		both    []string // with the content model too
	}{
		{"Complete the plan and we'll make sure your credit history is clean.", []string{TermPaymentPlan}, nil, []string{CatFalseRepresentation}},
		{"As agreed, the late fees on your account have been waived.", []string{TermFeeWaiver}, nil, nil},
	}
	for _, tc := range tests {
		f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
		f.GrantedTerms = tc.granted
		p := Proposal{Text: tc.text, Channel: "chat"}
		if got := categoriesOf(lexicon.Check(p, f)); !slices.Equal(got, tc.lexicon) {
			t.Errorf("lexicon alone: %q -> %v, want %v / 词典判断不符", tc.text, got, tc.lexicon)
		}
		if got := categoriesOf(Default().Check(p, f)); !slices.Equal(got, tc.both) {
			t.Errorf("with the content model: %q -> %v, want %v / 分类器判断不符", tc.text, got, tc.both)
		}
	}
}
