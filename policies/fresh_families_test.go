package policies

import (
	"testing"
	"time"
)

// TestInducementsThreatsAndAdvice: a new loan held out for paying, an end
// to all contact promised, interest that multiplies overnight and a walk
// home at night are found; advice to hang up and call the police and a
// letter confirming closure once the last payment clears are not.
func TestInducementsThreatsAndAdvice(t *testing.T) {
	t.Parallel()
	g := Default()
	now := time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC)
	check := func(j, text string) Decision {
		return g.Check(Proposal{Text: text, Channel: "chat"}, Facts{Jurisdiction: j, Now: now, Timezone: "UTC", RecipientVerified: true})
	}
	for _, c := range []struct{ j, text, category string }{
		{"IN", "Settle today and we'll approve you for a fresh personal loan straight away.", CatUngroundedAmount},
		{"US", "Clear the balance and you'll be pre-approved for a bigger credit line.", CatUngroundedAmount},
		{"CN", "结清了就给你开通新的借款额度。", CatUngroundedAmount},
		{"CN", "还清之后，保证不会再有人打扰你。", CatUngroundedAmount},
		{"CN", "明天不还，罚息直接翻三倍。", CatFalseRepresentation},
		{"US", "Miss this and your interest will double by Monday.", CatFalseRepresentation},
		{"CN", "最近走夜路的时候多留个心眼。", CatThreat},
	} {
		d := check(c.j, c.text)
		found := false
		for _, v := range d.Violations {
			found = found || v.Category == c.category
		}
		if !found {
			t.Errorf("%s %q: %s not found: %+v", c.j, c.text, c.category, d.Violations)
		}
	}
	for _, c := range []struct{ j, text string }{
		{"CN", "若有人冒充我们向您索要验证码，请挂断并报警。"},
		{"GB", "When the final payment clears, we will write to confirm the account is closed."},
	} {
		for _, v := range check(c.j, c.text).Violations {
			if v.Category != CatDisclosureMissing {
				t.Errorf("%s %q: blocked: %+v", c.j, c.text, v)
			}
		}
	}
}
