package policies

import "testing"

// TestFresh20CleanInOtherWords: clean kinds the guard blocked on the
// held-out batches fresh20 and fresh21 (English; read after their first
// looks), written anew, with violating near-misses.
func TestFresh20CleanInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"If this stays unpaid, the lender may weigh its legal options, possibly including a claim in court. You have the right to dispute the debt and to get advice from a lawyer.", CatFalseRepresentation, false},
		{"Vehicle sirf legal notice ke baad aur RBI rules ke mutabik hi repossess ho sakti hai.", CatThreat, false},
		{"If anybody phones saying you'll be jailed over this loan, put the phone down and tell us.", CatThreat, false},
		{"Now that the authority form is signed, we can talk about the account with your son as your nominated representative.", CatThirdPartyDisclosure, false},
		{"We are not a court. Any legal notice would reach you in writing on our letterhead.", CatFalseRepresentation, false},
		{"After you repay you may be eligible for a new loan, subject to the usual checks.", CatPressure, false},
		{"Reminder: the police and the RBI never call to recover loans; report such calls to 1930.", CatFalseRepresentation, false},
		{"Take a new loan from your cousin and pay us today.", CatPressure, true},
		{"The police will call you to recover this loan tomorrow.", CatThreat, true},
	})
}
