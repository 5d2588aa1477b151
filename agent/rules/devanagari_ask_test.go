package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// TestDevanagariAsksAndChannel: how much is left asked in Devanagari or in
// Hindi in Latin letters is a balance question; one channel allowed alone
// in Devanagari (केवल ईमेल, सिर्फ़ SMS) is a contact restriction.
func TestDevanagariAsksAndChannel(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"मेरे लोन में अभी कुल कितना बकाया है?",
		"कितना पैसा देना बाकी है",
		"abhi kitna baki hai mera",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentAskBalance); !ok {
			t.Errorf("%q read as %+v; want a balance question", text, readWith(t, text, nil))
		}
	}
	for text, ch := range map[string]agent.Channel{
		"मेरा नंबर बदल गया है, आगे से केवल ईमेल पर संपर्क कीजिए": agent.ChannelEmail,
		"फ़ोन मत कीजिए, सिर्फ़ mail भेजिए":                       agent.ChannelEmail,
		"सिर्फ SMS भेजिए": agent.ChannelSMS,
	} {
		c, ok := first(readWith(t, text, nil), agent.IntentRestrictContact)
		if !ok || len(c.Restrictions) == 0 || c.Restrictions[0].Kind != policies.RestrictChannel ||
			len(c.Restrictions[0].Channels) != 1 || c.Restrictions[0].Channels[0] != string(ch) {
			t.Errorf("%q read as %+v; want only %s", text, readWith(t, text, nil), ch)
		}
	}
}
