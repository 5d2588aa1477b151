package agent_test

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// Twilio's OptOutType=STOP opts the borrower out on SMS before any reader
// runs, whatever the readers make of the words (a custom opt-out keyword
// the readers do not know, here a scripted greeting).
func TestTwilioOptOutTypeOptsOut(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.meta = map[string]string{"OptOutType": "STOP"}
	res := b.turn("ARRET", cmd(agent.IntentGreeting))
	wantEvents(t, res, agent.EventOptedOut)
	wantState(t, res, agent.StateStopped)
	cs, err := b.store.Consents(b.ctx, b.acct.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := false
	for _, c := range cs {
		out = out || c.Channel == agent.ChannelSMS && c.OptedOut
	}
	if !out {
		t.Errorf("consents %+v: SMS not opted out", cs)
	}
}

// Without OptOutType the same words are what the readers say they are.
func TestNoOptOutTypeNoOptOut(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	res := b.turn("ARRET", cmd(agent.IntentGreeting))
	noEvents(t, res, agent.EventOptedOut)
}
