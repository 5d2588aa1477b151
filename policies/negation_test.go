package policies

import (
	"slices"
	"testing"
)

// TestNegationScope: a negation or reassurance reaches what follows it in
// its clause, however far, up to a word that starts a new statement ("and
// we", "or our", "unless", "就"); a negation word that negates something
// else ("don't ignore this", "nothing will stop us", "别以为") is no
// reassurance of the threat beside it. Both languages, lexicon alone and
// with the content model.
func TestNegationScope(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text   string
		threat bool
	}{
		// Reassurances whose negation stands far from the term.
		{"Nobody from our company is ever going to come to your house about this.", false},
		{"None of the people who work for our company will turn up at your home.", false},
		{"No one on our team will ever show up at your workplace for any reason.", false},
		{"We won't report you to the police or take you to court over this.", false},
		{"You will never be arrested or sent to jail because of an unpaid credit card.", false},
		{"我们公司的任何工作人员都不会因为这笔欠款或者其他任何原因上门打扰您。", false},
		{"我們的工作人員絕對不會在週末晚上或者其他任何時間派人上門找您。", false},
		// A negation that negates something else, beside a threat.
		{"Don't ignore this or our agents will come to your house.", true},
		{"Nothing will stop us from coming to your home.", true},
		{"You won't like it when we show up at your office.", true},
		{"Don't be surprised if we come to your house tonight.", true},
		{"We won't wait any longer and then our field agent visits you.", true},
		{"Nobody can stop us from seizing your car.", true},
		{"Never forget that we know where you live.", true},
		{"别以为我们不会上门。", true},
		{"我们不会再等了就直接派人上门。", true},
		{"不要以為我們不會派人去你家。", true},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			if got := slices.Contains(categoriesOf(d), CatThreat); got != tc.threat {
				t.Errorf("classifier off=%v: %q: threat %v, want %v (%v) / 否定范围判断错误", g.noClassifier, tc.text, got, tc.threat, d.Violations)
			}
		}
	}
}
