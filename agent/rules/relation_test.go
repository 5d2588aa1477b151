package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestThirdPartyWritersInCasualWording covers writers who say who they are
// without an apostrophe or by where they live, and borrowers who only
// mention their family, who are not third parties.
func TestThirdPartyWritersInCasualWording(t *testing.T) {
	t.Parallel()
	hasThird := func(cmds []agent.Command) bool {
		for _, c := range cmds {
			if c.Intent == agent.IntentThirdParty {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"im kevins wife, he asked me to sort this out", true},
		{"hey its tonys brother here", true},
		{"i am danas mum, what is this about", true},
		{"I share a flat with him, he's away till friday", true},
		{"i live with her, she's at the hospital today", true},
		{"I live with Carla Diaz, she is not here, what is this about", true},
		{"I am brother of Anil, he asked me to check", true},
		{"she handed me her phone so I could sort this out", true},
		{"my boss gave me a phone for work", false},
		{"this is the wife of Mr. Okafor speaking", true},
		{"I am mother of two small kids and cannot pay now", false},
		{"i am father of a newborn so money is tight", false},
		// Borrowers speaking of their own family.
		{"I am a husband and a father and I just can't pay this month", false},
		{"I live with my parents now so money is tight", false},
		{"my husband lost his job", false},
		{"im a single mom of three", false},
		{"I live with chronic pain", false},
	} {
		u := readWith(t, tc.text, nil)
		if got := hasThird(u); got != tc.want {
			t.Errorf("%q: third party = %v, want %v (%v)", tc.text, got, tc.want, u)
		}
	}
}

// TestThirdPartyWritersByHomelyNames: a mother, a grandmother or a
// husband named as they are at home in Britain, Ireland or America ("I'm
// his mam", "this is her nan", "it's his missus") is a third party.
func TestThirdPartyWritersByHomelyNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"I'm his mam, he's away working, what does he owe", true},
		{"this is her nan, she asked me to ring you", true},
		{"it's his missus here, he's on shift", true},
		{"I'm her stepdad, can I pay this for her", true},
		{"I'm a nan of four and money's tight this month", false},
		{"my mam is poorly so I can't pay till friday", false},
	} {
		u := readWith(t, tc.text, nil)
		third := false
		for _, c := range u {
			if c.Intent == agent.IntentThirdParty {
				third = true
			}
		}
		if third != tc.want {
			t.Errorf("%q: third party = %v, want %v (%v)", tc.text, third, tc.want, u)
		}
	}
}
