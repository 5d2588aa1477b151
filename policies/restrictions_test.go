package policies

import (
	"slices"
	"testing"
	"time"
)

// TestRestrictionsEnforced holds the guard to the contact restrictions a
// borrower recorded, on contacts the agent starts and on replies.
func TestRestrictionsEnforced(t *testing.T) {
	g := Default()
	noon := ContactRestriction{Kind: RestrictTime, NotBefore: 12 * 60}
	ninePM := ContactRestriction{Kind: RestrictTime, NotAfter: 21 * 60}
	evening := ContactRestriction{Kind: RestrictTime, NotBefore: 18 * 60}
	email := ContactRestriction{Kind: RestrictChannel, Channels: []string{"email"}}
	work := ContactRestriction{Kind: RestrictPlace, Place: PlaceWork}
	weekends := ContactRestriction{Kind: RestrictDays, Days: []time.Weekday{time.Saturday, time.Sunday}}
	const plain = "Hi Maria, this is a reminder about your payment plan. This communication is from a debt collector. Reply STOP to opt out."
	cases := []struct {
		name, jur, zone, now, channel, initiated, text string
		rs                                             []ContactRestriction
		action                                         Action
		sendAt                                         string
	}{
		{"a contact before noon is deferred to noon", "US", "America/Chicago", "2026-03-02T09:30:00-06:00", "sms", "agent", plain,
			[]ContactRestriction{noon}, Defer, "2026-03-02T18:00:00Z"},
		{"a contact after noon goes", "US", "America/Chicago", "2026-03-02T13:00:00-06:00", "sms", "agent", plain,
			[]ContactRestriction{noon}, Allow, ""},
		{"a reply before noon to the borrower's own message goes", "US", "America/Chicago", "2026-03-02T09:30:00-06:00", "chat", "borrower", plain,
			[]ContactRestriction{noon}, Allow, ""},
		{"only after 6pm defers an afternoon text to 6pm", "GB", "Europe/London", "2026-03-02T15:00:00Z", "sms", "agent", plain,
			[]ContactRestriction{evening}, Defer, "2026-03-02T18:00:00Z"},
		{"not after 9pm in China defers an evening call to the next morning", "CN", "Asia/Shanghai", "2026-03-02T21:30:00+08:00", "voice", "agent", "王女士您好，提醒您本月的还款。",
			[]ContactRestriction{ninePM}, Defer, "2026-03-03T00:00:00Z"},
		{"only by email blocks a text the agent starts", "US", "America/Chicago", "2026-03-02T13:00:00-06:00", "sms", "agent", plain,
			[]ContactRestriction{email}, Block, ""},
		{"only by email lets an email go", "US", "America/Chicago", "2026-03-02T13:00:00-06:00", "email", "agent", plain,
			[]ContactRestriction{email}, Allow, ""},
		{"only by email lets a reply in the borrower's chat go", "US", "America/Chicago", "2026-03-02T13:00:00-06:00", "chat", "borrower", plain,
			[]ContactRestriction{email}, Allow, ""},
		{"not at work blocks a message that mentions the workplace", "US", "America/Chicago", "2026-03-02T13:00:00-06:00", "chat", "borrower",
			"We can also reach you at work if that is easier.", []ContactRestriction{work}, Block, ""},
		{"not at work blocks a Chinese message that mentions the workplace", "CN", "Asia/Shanghai", "2026-03-02T15:00:00+08:00", "chat", "borrower",
			"我们也可以打您单位电话。", []ContactRestriction{work}, Block, ""},
		{"not at work lets a message that does not mention it go", "US", "America/Chicago", "2026-03-02T13:00:00-06:00", "chat", "borrower",
			"Your balance is $1,200.00.", []ContactRestriction{work}, Allow, ""},
		// 9 March is after the change to daylight time: 08:00 CDT is 13:00Z.
		{"not on weekends defers a Saturday text to Monday", "US", "America/Chicago", "2026-03-07T10:00:00-06:00", "sms", "agent", plain,
			[]ContactRestriction{weekends}, Defer, "2026-03-09T13:00:00Z"},
		{"not on weekends and not before noon together", "US", "America/Chicago", "2026-03-07T10:00:00-06:00", "sms", "agent", plain,
			[]ContactRestriction{weekends, noon}, Defer, "2026-03-09T17:00:00Z"},
		{"restrictions that leave no time block", "US", "America/Chicago", "2026-03-02T13:00:00-06:00", "sms", "agent", plain,
			[]ContactRestriction{noon, {Kind: RestrictTime, NotAfter: 11 * 60}}, Block, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := verified(tc.jur, tc.zone, tc.now)
			f.Restrictions = tc.rs
			d := g.Check(Proposal{Text: tc.text, Channel: tc.channel, InitiatedBy: tc.initiated}, f)
			if tc.action == Allow && d.Action == Revise {
				d.Action = Allow // a disclosure added is not what this test is about
			}
			wantDecision(t, d, tc.action, tc.sendAt)
			if tc.action == Block || tc.action == Defer {
				if !slices.ContainsFunc(d.Violations, func(v Violation) bool { return v.Detail != "" && v.Citation != "" }) {
					t.Errorf("violations %v name no reason and citation", d.Violations)
				}
			}
		})
	}
}

func TestRestrictionAcknowledgementIsNoWorkplaceMention(t *testing.T) {
	g := Default()
	f := verified("US", "America/Chicago", "2026-03-02T13:00:00-06:00")
	f.Restrictions = []ContactRestriction{{Kind: RestrictPlace, Place: PlaceWork}}
	for _, text := range []string{"Noted. We won't contact you at work.", "已记录。我们不会在您的工作单位联系您。"} {
		if d := g.Check(Proposal{Text: text, Channel: "chat", InitiatedBy: "borrower", Purpose: PurposeIdentity}, f); !d.Sendable() {
			t.Errorf("%q: %s %v", text, d.Action, d.Violations)
		}
	}
}
