package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestProtectTold: texts refused in Hindi, paperwork demanded before a
// payment in Hindi, a section 78 request, goods sent back, an account run
// up by a controlling partner, a statutory moratorium and a complaint
// about calls to a relative are read as protective requests.
func TestProtectTold(t *testing.T) {
	t.Parallel()
	want := func(intent agent.Intent, texts ...string) {
		t.Helper()
		for _, text := range texts {
			if _, ok := first(readWith(t, text, nil), intent); !ok {
				t.Errorf("%q read as %+v; want %s", text, readWith(t, text, nil), intent)
			}
		}
	}
	want(agent.IntentOptOut,
		"is number pe sms bhejna band kijiye",
		"mujhe message bhejne band karo please",
		"मुझे मैसेज भेजना बंद कीजिए",
	)
	want(agent.IntentDispute,
		"pehle interest ka breakup bhejo, jab tak nahi milta ek paisa nahi bharunga",
		"I want the signed agreement under s 78 before anything else",
		"please send a true copy of my agreement, section 78 request",
		"I returned the boots inside the 30 days and have the proof of postage",
		"that order went back to the seller weeks ago, it shouldn't be on my bill",
		"my former partner racked this up in my name, he kept control of every penny",
	)
	want(agent.IntentVulnerability,
		"StepChange have applied for a breathing space moratorium on my debts",
		"I'm in a statutory debt moratorium from this week",
	)
	want(agent.IntentRequestHuman,
		"your collectors keep ringing my dad about my account, I want to make a formal complaint",
		"I hold lasting power of attorney for my mother, who do I speak to",
	)
}

// TestProtectToldHeldUntil: payment held until a breakdown comes, in
// Hindi, whatever words stand between.
func TestProtectToldHeldUntil(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"jab tak penalty ka breakdown aur account statement nahi aata, main kuch nahi bharungi",
		"jab tak statement nahi milta, payment nahi karunga",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentDispute); !ok {
			t.Errorf("%q read as %+v; want a dispute", text, readWith(t, text, nil))
		}
	}
	if _, ok := first(readWith(t, "are you a real person?", nil), agent.IntentRequestHuman); ok {
		t.Error("a question whether the writer is a person asks for none")
	}
}

// TestAdvocateInDevanagari: an advocate named in Devanagari is an attorney.
func TestAdvocateInDevanagari(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"मेरे वकील श्री राजेश कुमार हैं", "अब से मेरे एडवोकेट से संपर्क करें"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentAttorney); !ok {
			t.Errorf("%q read as %+v; want an attorney", text, readWith(t, text, nil))
		}
	}
}
