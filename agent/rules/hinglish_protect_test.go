package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestHinglishProtection: crisis language and a relative speaking, in
// Hindi in Latin letters, and a stop said as a preference, are read as
// such.
func TestHinglishProtection(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"ab bas marne ka mann karta hai",
		"main mar jaana chahti hoon, kuch samajh nahi aa raha",
		"jeene ka mann nahi karta ab",
		"sach bolun toh khudkushi ke khayal aa rahe hain",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentVulnerable); !ok {
			t.Errorf("%q read as %+v; want a crisis", text, readWith(t, text, nil))
		}
	}
	for _, text := range []string{"main uski behen hoon, kitna baaki hai?", "mai unka beta hu, papa ka loan kitna hai"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentThirdParty); !ok {
			t.Errorf("%q read as %+v; want a third party", text, readWith(t, text, nil))
		}
	}
	for _, text := range []string{"I'd really rather you didn't message me again", "thanks but pack in the calls"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentOptOut); !ok {
			t.Errorf("%q read as %+v; want an opt-out", text, readWith(t, text, nil))
		}
	}
}
