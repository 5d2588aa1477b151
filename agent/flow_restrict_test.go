package agent_test

import (
	"slices"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// A contact restriction is recorded once, acknowledged, leaves the
// conversation open, and holds the guard on every later contact: the
// agent's own messages on another channel are blocked, and one on the
// allowed channel waits for the allowed time.
func TestRestrictionRecordedAndEnforced(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat, withAccount(func(a *agent.Account) { a.Borrower.Email = "maria@example.com" }))
	b.verify()
	restrict := agent.Command{Intent: agent.IntentRestrictContact, Restrictions: []agent.ContactRestriction{
		{Kind: policies.RestrictChannel, Channels: []string{"sms"}}, {Kind: policies.RestrictTime, NotBefore: 18 * 60}}}
	res := b.turn("only text me after 6pm", restrict)
	wantEvents(t, res, agent.EventRestriction)
	noEvents(t, res, agent.EventOptedOut, agent.EventCeaseRecorded)
	contains(t, res, "Noted", "only by text message", "before 6pm")
	if res.Conversation.State == agent.StateStopped {
		t.Errorf("a restriction stopped the conversation")
	}
	rs, err := b.store.Restrictions(b.ctx, b.acct.ID)
	if err != nil || len(rs) != 2 {
		t.Fatalf("restrictions %+v, %v; want two", rs, err)
	}
	if rs[0].Text != "only text me after 6pm" || rs[0].ConversationID != res.Conversation.ID {
		t.Errorf("restriction %+v lacks the borrower's words or the conversation", rs[0])
	}

	// Said again, it is acknowledged and not recorded twice.
	res = b.turn("only text me after 6pm", restrict)
	noEvents(t, res, agent.EventRestriction)
	contains(t, res, "Noted")
	if rs, _ := b.store.Restrictions(b.ctx, b.acct.ID); len(rs) != 2 {
		t.Errorf("%d restrictions after the same request twice, want 2", len(rs))
	}

	// The balance is still answered: a restriction is no cease.
	res = b.turn("what's my balance?", cmd(agent.IntentAskBalance))
	contains(t, res, "$1,200.00")

	// An email the agent starts is blocked: texts only.
	em, err := b.orch.Outreach(b.ctx, b.acct.ID, agent.ChannelEmail)
	if err != nil {
		t.Fatal(err)
	}
	if len(em.Replies) != 0 || !hasKind(em.Events, agent.EventMessageBlocked) {
		t.Errorf("an email went out after 'only text me': replies %d, events %v", len(em.Replies), kinds(em.Events))
	}
	// A text at 15:00 waits until 18:00 at the borrower's location.
	sms, err := b.orch.Outreach(b.ctx, b.acct.ID, agent.ChannelSMS)
	if err != nil {
		t.Fatal(err)
	}
	deferred := false
	for _, e := range sms.Events {
		if e.Kind == agent.EventMessageDeferred {
			deferred = true
			if at, _ := time.Parse(time.RFC3339, e.Data["send_at"]); !at.Equal(time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("deferred to %s, want 18:00 in Chicago", e.Data["send_at"])
			}
		}
	}
	if len(sms.Replies) != 0 || !deferred {
		t.Errorf("a text before 6pm was not deferred: replies %d, events %v", len(sms.Replies), kinds(sms.Events))
	}
}

func TestRestrictionNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		r    agent.ContactRestriction
		want []string
	}{
		{agent.ContactRestriction{Kind: policies.RestrictPlace, Place: policies.PlaceWork}, []string{"not at work"}},
		{agent.ContactRestriction{Kind: policies.RestrictTime, NotBefore: 720}, []string{"not before noon"}},
		{agent.ContactRestriction{Kind: policies.RestrictTime, NotBefore: 18 * 60, NotAfter: 21*60 + 30}, []string{"not before 6pm", "not after 9:30pm"}},
		{agent.ContactRestriction{Kind: policies.RestrictTime, NotBefore: 9 * 60}, []string{"not before 9am"}},
		{agent.ContactRestriction{Kind: policies.RestrictChannel, Channels: []string{"email"}}, []string{"only by email"}},
		{agent.ContactRestriction{Kind: policies.RestrictDays, Days: []time.Weekday{time.Sunday, time.Saturday}}, []string{"not on weekends"}},
		{agent.ContactRestriction{Kind: policies.RestrictDays, Days: []time.Weekday{time.Sunday}}, []string{"not on sunday"}},
	} {
		if got := agent.RestrictionNames(tc.r); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: names %q, want %q", tc.r, got, tc.want)
		}
	}
}
