package policies

import (
	"slices"
	"testing"
	"time"
)

// TestLimitationPeriodStatedInChinese: saying in Chinese that a debt is past
// its limitation period (诉讼时效, 法定诉讼期限) is the notice several rules
// require, not a mention of suit; a suit threatened beside it still is one.
func TestLimitationPeriodStatedInChinese(t *testing.T) {
	t.Parallel()
	g := Default()
	now := time.Date(2026, 12, 7, 6, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text string
		flag bool
	}{
		{"这笔欠款已过诉讼时效，我们不会起诉您。", false},
		{"该债务已超过法定诉讼期限，是否还款由您自行决定。", false},
		{"您的账户已超过诉讼时效期间，还款与否由您决定。", false},
		{"這筆帳已經過了訴訟時效，我們不會向法院起訴。", false},
		{"虽然过了诉讼时效，我们照样可以起诉你。", true},
		{"别以为过了诉讼时效就没事，法院传票马上就到。", true},
	} {
		d := g.Check(Proposal{Text: c.text, Channel: "chat"}, Facts{Jurisdiction: "CN", Now: now, Timezone: "Asia/Shanghai",
			RecipientVerified: true, TimeBarred: true})
		if got := slices.Contains(categoriesOf(d), CatTimeBarred); got != c.flag {
			t.Errorf("%q: time_barred = %v, want %v (%v)", c.text, got, c.flag, d.Violations)
		}
	}
}
