package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestNoMoreOfTheseCalls: "no more of these calls" opts out of the
// channel named, with words between "no more" and the channel.
func TestNoMoreOfTheseCalls(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		ch   agent.Channel
	}{
		{"right, I want this in writing from now on, no more of these chats or calls", agent.ChannelVoice},
		{"no more of your texts", agent.ChannelSMS},
		{"no more of those phone calls please", agent.ChannelVoice},
	} {
		cmds := readWith(t, tc.text, nil)
		found := false
		for _, c := range cmds {
			found = found || (c.Intent == agent.IntentOptOut && c.Channel == tc.ch)
		}
		if !found {
			t.Errorf("%q read as %+v; want an opt-out of %s", tc.text, cmds, tc.ch)
		}
	}
	if c, ok := first(readWith(t, "no more of this nonsense, what do I owe", nil), agent.IntentOptOut); ok {
		t.Errorf("no channel named, read as an opt-out: %+v", c)
	}
}
