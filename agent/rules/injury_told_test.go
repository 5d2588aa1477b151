package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestInjuryToldInHindi: an accident or a broken limb that keeps the
// borrower off work, told in Hindi in Latin letters or in Devanagari, is
// hardship or a vulnerability.
func TestInjuryToldInHindi(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"accident mein haath toot gaya, do mahine se kaam pe nahi ja pa raha",
		"pichle hafte mera pair fracture ho gaya",
		"मेरा हाथ टूट गया है, दो महीने से काम पर नहीं जा पा रही",
		"सड़क दुर्घटना में चोट लगी है",
	} {
		got := readWith(t, text, nil)
		_, h := first(got, agent.IntentHardship)
		_, v := first(got, agent.IntentVulnerability)
		if !h && !v {
			t.Errorf("%q read as %+v; want hardship or a vulnerability", text, got)
		}
	}
}
