package policies

import (
	"testing"
	"time"
)

// TestLinkDigitsAreNotAmounts: a payment link's token may hold any digits;
// they are not amounts, while an amount beside the link still is.
func TestLinkDigitsAreNotAmounts(t *testing.T) {
	t.Parallel()
	g := Default()
	f := Facts{Jurisdiction: "US", Now: time.Date(2026, 11, 28, 20, 0, 0, 0, time.UTC), Timezone: "America/Chicago",
		RecipientVerified: true, HasBalance: true, Balance: 120000, AllowedAmounts: []Amount{15000}}
	link := "https://pay.example.com/p/eyJwIjoicGxhbl85OTk5In0.Zm9vMTIzNDU2"
	ok := g.Check(Proposal{Text: "Thank you. Pay $150.00 here: " + link + " This communication is from a debt collector.", Channel: "chat"}, f)
	for _, v := range ok.Violations {
		if v.Category == CatUngroundedAmount {
			t.Fatalf("digits in a link read as an amount: %+v", ok.Violations)
		}
	}
	bad := g.Check(Proposal{Text: "Pay $999.00 here: " + link, Channel: "chat"}, f)
	found := false
	for _, v := range bad.Violations {
		found = found || v.Category == CatUngroundedAmount
	}
	if !found {
		t.Fatalf("an ungrounded amount beside a link passed: %+v", bad)
	}
}
