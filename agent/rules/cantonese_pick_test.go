package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestOfferPickedByComparisonInCantonese: an option picked by comparison
// in Cantonese, with 揀 for choosing, 嗰個 for that one and 供 for paying
// (月供最平嗰個, 每期供最少嗰個, 最長嗰個), chooses it when exactly one
// option fits; a comparison two options share (最快嗰個: in full and the
// settlement are each one payment) or asked as a question chooses none.
func TestOfferPickedByComparisonInCantonese(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"我揀月供最平嗰個", "每期供最少嗰個就得", "揀最長嗰個"} {
		c, ok := first(readWith(t, text, fullSettleSpread), agent.IntentAcceptOffer)
		if !ok || c.OfferID != "3" {
			t.Errorf("%q read as %+v; want option 3 picked", text, readWith(t, text, fullSettleSpread))
		}
	}
	for _, text := range []string{"揀最快嗰個", "邊個最平？", "最長可以供幾耐？"} {
		if c, ok := first(readWith(t, text, fullSettleSpread), agent.IntentAcceptOffer); ok && !c.Unsure {
			t.Errorf("%q read as %+v; want no option picked", text, readWith(t, text, fullSettleSpread))
		}
	}
}
