package policies

import (
	"slices"
	"testing"
)

// TestIncessantByFrequency: contact promised at a frequency meant to wear
// the borrower down (every few minutes, every hour, a new number when one
// is blocked, by turns, until they answer) is harassment in both
// languages; a frequency said of something else (how often payments are
// checked) or a limit on contact is not. Lexicon alone.
func TestIncessantByFrequency(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		flag bool
	}{
		{"We'll message you every ten minutes until we hear back.", true},
		{"Expect us to ring every couple of hours, all weekend.", true},
		{"I'm going to call through the night if that's what it takes.", true},
		{"我们每隔五分钟给你发一次短信。", true},
		{"從現在起每個小時打一通給你。", true},
		{"我们的人会轮流打你电话，打到你接为止。", true},
		{"你拉黑也没用，我们换号接着打。", true},
		{"我哋日日打畀你，打到你覆為止。", true},
		// A frequency of something else, or a limit on contact.
		{"Our system checks for new payments every ten minutes.", false},
		{"We'll only contact you once every two weeks.", false},
		{"系统每隔五分钟自动更新一次还款状态。", false},
		{"我们每个月最多联系您一次。", false},
	}
	g, err := NewGuard(Options{NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		f := verified("US", "America/New_York", "2026-03-02T17:00:00Z")
		if hasHan([]byte(tc.text)) {
			f = verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z")
		}
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
		if got := slices.Contains(categoriesOf(d), CatHarassment); got != tc.flag {
			t.Errorf("%q: harassment %v, want %v (%v) / 频繁联系判断错误", tc.text, got, tc.flag, d.Violations)
		}
	}
}
