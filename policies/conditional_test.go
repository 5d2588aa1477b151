package policies

import (
	"slices"
	"testing"
)

// TestLegalProcessAsCondition: legal process named as the condition of a
// notice ("if a lawsuit is ever authorised", "if you are sued"), as what
// must come first ("can only happen after a judgment", "would require a
// court judgment"), or denied in other words ("isn't something we're
// planning", "there's no…") is no statement or threat of it; legal
// process stated or threatened still is, and so is a threat in the clause
// after such a condition. Lexicon alone, no legal action approved.
func TestLegalProcessAsCondition(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		flag bool // a threat or false representation expected
	}{
		{"If legal action is ever authorised on this debt, we'll write to you before anything happens.", false},
		{"If a lawsuit is approved in future, you'll be told in writing first.", false},
		{"If you are ever sued over an old debt, you can tell the judge it is too old.", false},
		{"If a judgement is entered, some of your income is protected.", false},
		{"If we obtain a judgment one day, you'll have the chance to ask for time to pay.", false},
		{"Seizing property can only happen after a court has ruled, and nobody has gone to court.", false},
		{"Taking money from your wages would require a court judgment, which we don't have.", false},
		{"A lawsuit isn't something we're planning.", false},
		{"There's no court case about this account.", false},
		// Still legal process stated or threatened.
		{"If a judgment is entered, we will garnish your wages the same week.", true},
		{"We are filing a lawsuit against you on Monday.", true},
		{"If you don't pay by Friday, a lawsuit will be filed.", true},
		{"A lawsuit is exactly what we're planning.", true},
	}
	g, err := NewGuard(Options{NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		f := verified("US", "America/New_York", "2026-03-02T17:00:00Z")
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
		cats := categoriesOf(d)
		got := slices.Contains(cats, CatThreat) || slices.Contains(cats, CatFalseRepresentation)
		if got != tc.flag {
			t.Errorf("%q: flagged %v, want %v (%v) / 法律程序条件判断错误", tc.text, got, tc.flag, d.Violations)
		}
	}
}
