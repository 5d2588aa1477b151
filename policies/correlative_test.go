package policies

import (
	"slices"
	"testing"
)

// TestCorrelativeClause: a correlative comparative ("the longer you wait,
// the worse it gets", 拖得越久，后果越严重) and a time adverbial put first
// ("every day you delay, …", 每拖一天，…就…) are one statement although a
// comma stands inside them: its halves are read in one clause, so harm that
// grows with delay is pressure however it is punctuated. A comma between
// two statements still parts them.
func TestCorrelativeClause(t *testing.T) {
	t.Parallel()
	tests := []categoryCase{
		{"The longer you wait, the worse it gets for you.", CatPressure, true},
		{"The longer you put this off, the more serious things become.", CatPressure, true},
		{"The longer this goes unpaid, the worse your position will be.", CatPressure, true},
		{"Every day you delay, the situation gets worse.", CatPressure, true},
		{"拖得越久，后果越严重。", CatPressure, true},
		{"你拖得越久，麻烦就越大。", CatPressure, true},
		{"每拖一天，问题就更严重。", CatPressure, true},
		{"We will not take you to court, the longer you wait the worse it gets.", CatPressure, true},
		// Nothing grows worse: what a shorter or longer plan costs, interest
		// that accrues.
		{"The sooner you call, the sooner we can set up a plan that suits you.", CatPressure, false},
		{"The longer the plan, the lower each monthly payment.", CatPressure, false},
		{"越早还款，需要支付的利息越少。", CatPressure, false},
	}
	checkCategoryCases(t, tests)
}

// categoryCase is a message and whether the guard must (flag) or must not
// give it category cat.
type categoryCase struct {
	text string
	cat  string
	flag bool
}

// checkCategoryCases checks every case with and without the content
// model, for a verified recipient in GB with no terms granted.
func checkCategoryCases(t *testing.T, tests []categoryCase) {
	t.Helper()
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			checkCategory(t, g, tc.text, tc.cat, tc.flag, nil)
		}
	}
}

// readCategory reports whether g finds the category in one message for a
// verified recipient in GB to whom the engine granted terms, with the
// decision.
func readCategory(g readerGuard, text, cat string, granted []string) (bool, Decision) {
	f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), text)
	f.GrantedTerms = granted
	d := g.Check(Proposal{Text: text, Channel: "chat"}, f)
	return slices.Contains(categoriesOf(d), cat), d
}

// checkCategory checks one message with g for a verified recipient in GB
// to whom the engine granted terms.
func checkCategory(t *testing.T, g readerGuard, text, cat string, flag bool, granted []string) {
	t.Helper()
	if got, d := readCategory(g, text, cat, granted); got != flag {
		t.Errorf("lexicon alone %v: %q: %s = %v, want %v (%v)", g.noClassifier, text, cat, got, flag, d.Violations)
	}
}
