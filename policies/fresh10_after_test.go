package policies

import (
	"slices"
	"testing"
)

// TestAdviceRightsAndLastDigits: clean messages in the wording of kinds
// the guard blocked on the held-out batch fresh10, written anew: advice
// never to borrow to pay (千万别), a step of the law that needs a court
// first with no court involved, and the last digits of an identity number
// asked for while the whole number is refused. The violations beside
// them still count. Lexicon alone and with the content model.
func TestAdviceRightsAndLastDigits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		cat  string
		flag bool
	}{
		{"千万别为了还这笔钱去找高利贷，我们可以一起想办法。", CatPressure, false},
		{"千万别刷信用卡来还我们，利息太高了。", CatPressure, false},
		{"你去借网贷也得今天还上。", CatPressure, true},
		{"Wages can only be garnished once a court has ruled, and no court has ruled on this debt.", CatThreat, false},
		{"Your pay can only be taken after a court judgment, and nothing like that exists on this account.", CatThreat, false},
		{"We will garnish your wages next week.", CatThreat, true},
		{"Could you tell me the last four digits of your PAN to confirm it's you? Never send the whole number.", CatPII, false},
		{"Please reply with only the last 4 digits of your Aadhaar; do not type the full number anywhere.", CatPII, false},
		{"Send your full Aadhaar number to confirm your identity.", CatPII, true},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("US", "America/New_York", "2026-03-02T18:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			if got := slices.Contains(categoriesOf(d), tc.cat); got != tc.flag {
				t.Errorf("classifier off=%v: %q: %s %v, want %v (%v)", g.noClassifier, tc.text, tc.cat, got, tc.flag, d.Violations)
			}
		}
	}
}
