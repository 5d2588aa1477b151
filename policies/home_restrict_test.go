package policies

import (
	"slices"
	"strings"
	"testing"
)

// TestHomeRestriction: after "not at home" a message that proposes to
// call, text or visit the borrower at home, on the house phone or the
// landline is blocked, in English and Chinese; the acknowledgement, a
// promise not to, and a message about the workplace or nothing of the
// kind go. "Not at work" does not block a mention of home, nor "not at
// home" one of work: neither is the place the borrower ruled out.
func TestHomeRestriction(t *testing.T) {
	t.Parallel()
	g := Default()
	home := []ContactRestriction{{Kind: RestrictPlace, Place: "home"}}
	work := []ContactRestriction{{Kind: RestrictPlace, Place: PlaceWork}}
	for _, tc := range []struct {
		name, jur, zone, now, text string
		rs                         []ContactRestriction
		sendable                   bool
	}{
		{"a call to the house phone offered", "US", "America/Chicago", "2026-03-02T13:00:00-06:00",
			"If it's easier we can ring your home number this evening.", home, false},
		{"the landline proposed", "US", "America/Chicago", "2026-03-02T13:00:00-06:00",
			"We'll try your landline tomorrow.", home, false},
		{"a visit to the home proposed", "GB", "Europe/London", "2026-03-02T13:00:00Z",
			"An agent could call round at your house to discuss it.", home, false},
		{"the home phone in Chinese", "CN", "Asia/Shanghai", "2026-03-02T15:00:00+08:00",
			"我们也可以打您家里的座机。", home, false},
		{"the acknowledgement goes", "US", "America/Chicago", "2026-03-02T13:00:00-06:00",
			"Noted. We won't contact you at home or on your home phone.", home, true},
		{"the Chinese acknowledgement goes", "CN", "Asia/Shanghai", "2026-03-02T15:00:00+08:00",
			"已记录。我们不会拨打您家里的电话，也不会到您家中联系您。", home, true},
		{"a message about something else goes", "US", "America/Chicago", "2026-03-02T13:00:00-06:00",
			"Your balance is $1,200.00.", home, true},
		{"a mention of work is no matter for not at home", "US", "America/Chicago", "2026-03-02T13:00:00-06:00",
			"We can also reach you at work if that is easier.", home, true},
		{"a mention of home is no matter for not at work", "US", "America/Chicago", "2026-03-02T13:00:00-06:00",
			"If it's easier we can ring your home number this evening.", work, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := verified(tc.jur, tc.zone, tc.now)
			f.Restrictions = tc.rs
			d := g.Check(Proposal{Text: tc.text, Channel: "chat", InitiatedBy: "borrower"}, f)
			placed := slices.ContainsFunc(d.Violations, func(v Violation) bool {
				return strings.Contains(v.Detail, "where the borrower asked not to be contacted")
			})
			if placed == tc.sendable || !tc.sendable && d.Sendable() {
				t.Errorf("%q: %s %v, want sendable %v", tc.text, d.Action, d.Violations, tc.sendable)
			}
		})
	}
}
