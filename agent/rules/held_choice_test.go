package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestChoiceHeldForTheSchedule: a likely pick held back until the writer
// knows their shifts, rota, hours or pay ("the third one could work, let
// me check my rota first", "2 seems fine once I see my shifts", "pehla
// wala theek lagta hai par salary aane ke baad confirm karunga") is a
// decision put off: a goodbye for now that accepts nothing. A choice
// made with a note about hours ("2, my hours are fine") still chooses.
func TestChoiceHeldForTheSchedule(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"the third one could work, let me check my rota first",
		"2 seems fine but I need to see my shifts before deciding",
		"option 1 might suit, I'll know once I get next week's schedule",
		"the first one is probably doable, have to check my hours at work first",
		"pehla wala theek lagta hai par salary aane ke baad confirm karunga",
	} {
		cmds := readWith(t, text, twoOffers)
		if c, ok := first(cmds, agent.IntentAcceptOffer); ok && !c.Unsure {
			t.Errorf("%q accepts an offer: %+v", text, cmds)
		}
		if _, ok := first(cmds, agent.IntentGoodbye); !ok {
			t.Errorf("%q read as %+v, want a goodbye for now", text, cmds)
		}
	}
	for _, text := range []string{"option 2, my hours are fine for that", "the second one, I checked my schedule already"} {
		if c, ok := first(readWith(t, text, twoOffers), agent.IntentAcceptOffer); !ok || c.OfferID != "2" {
			t.Errorf("%q does not choose option 2", text)
		}
	}
}
