package policies

import "testing"

// TestDev12ReadingsInOtherWords: readings dev12 showed wrong, in other
// words. Clean: scam texts quoted and disowned ("people are receiving
// messages saying '…'. That is not us"), a complaint quoting a collector's
// words with a warning issued, the borrower's turn in brackets
// ([customer: …]), a question asked reported in Hinglish (aapne poocha tha
// ki …), a gloss in brackets after a denied term. Violations in the same
// shapes stay read.
func TestDev12ReadingsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Scam alert: people are receiving messages saying 'pay in 20 minutes or officers will arrest you'. That is not us.", CatThreat, false},
		{"Some customers got emails saying 'borrow from FastCash and pay us today'. This isn't us, please delete them.", CatPressure, false},
		{"You complained that an agent texted 'you useless cheat' to you. We checked, it was one of ours, and he has been given a formal warning.", CatHarassment, false},
		{"[borrower: will the police come?] No. Police have no role in a missed card payment.", CatThreat, false},
		{"Aapne poocha tha ki kya police case hoga. Aisa kuch nahi hai, yeh civil matter hai.", CatThreat, false},
		{"We cannot instruct enforcement agents (bailiffs) without a court order, and we have not applied for one.", CatFalseRepresentation, false},
		{"Customers are getting texts saying 'pay today or we will have you arrested'. That is how we work now.", CatThreat, true},
		{"[note] Pay today or we will have you arrested.", CatThreat, true},
	})
}
