package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestHinglishHedgeAgreesNothing: a liking said with a "but not certain"
// in Hinglish (pakka nahi, lekin, shayad, ho sakta hai), in Devanagari
// (शायद, हो सकता है, हम्म) or an English "I reckon" is a hedge: no option
// is agreed outright.
func TestHinglishHedgeAgreesNothing(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"doosra wala accha lag raha hai lekin abhi pakka nahi",
		"shayad teesra wala chalega",
		"I reckon the second one could do",
		"pehla wala ho sakta hai",
		"दूसरा वाला शायद ठीक रहेगा",
		"तीसरा वाला हो सकता है, देखती हूँ",
		"हम्म, पहला वाला",
	} {
		for _, c := range readWith(t, text, fullSettleSpread) {
			if c.Intent == agent.IntentAcceptOffer && !c.Unsure {
				t.Errorf("%q read as %+v: a hedge agreed outright", text, c)
			}
		}
	}
}
