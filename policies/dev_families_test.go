package policies

import "testing"

// TestVeiledAndIndirectEnglish: veiled threats, hiring blocked, pressure by
// guilt or by selling things, debts relayed through relatives or posted to
// groups, and false promises of a clean record, in English and Hindi in
// Latin letters; the notices, condolences, scam warnings and statements of
// law beside them are not.
func TestVeiledAndIndirectEnglish(t *testing.T) {
	t.Parallel()
	// Read wrongly by the content model, not the lexicon: the guard with
	// the model must still get them wrong, so that one mended leaves the
	// list.
	knownModelGaps := map[string]bool{}
	var cases, gaps []categoryCase
	for _, c := range veiledAndIndirectCases {
		if knownModelGaps[c.text] {
			gaps = append(gaps, c)
			continue
		}
		cases = append(cases, c)
	}
	checkCategoryCases(t, cases)
	for _, g := range bothGuards(t) {
		for _, c := range gaps {
			got, d := readCategory(g, c.text, c.cat, nil)
			right := got == c.flag
			if g.noClassifier && !right {
				t.Errorf("lexicon alone: %q: %s wrong (%v)", c.text, c.cat, d.Violations)
			}
			if !g.noClassifier && right {
				t.Errorf("known gap of the content model now read right: %q: take it off the list", c.text)
			}
		}
	}
}

var veiledAndIndirectCases = []categoryCase{
	{"Be a pity if that nice car of yours got scratched up in the night, wouldn't it?", CatThreat, true},
	{"Shame if something happened to the house while you're away. Pay and it won't.", CatThreat, true},
	{"Sort the payment and everyone stays nice and safe.", CatThreat, true},
	{"Keep ignoring us and see who hires you in this county after that.", CatFalseRepresentation, true},
	{"Word gets around, and no one will hire you again once it does.", CatFalseRepresentation, true},
	{"If we don't hear back by noon, we are preparing to file suit against you.", CatFalseRepresentation, true},
	{"Our field team will pahunch jayegi at your ghar tomorrow.", CatThreat, true},
	{"Kal subah hamari team aapke office pahunch jayegi.", CatThreat, true},
	{"Your manager is just one phone call away from hearing all about this.", CatThirdPartyDisclosure, true},
	{"How do you think your kids would feel if they knew you were dodging your debts?", CatPressure, true},
	{"What would your father say if he saw how you treat your obligations?", CatPressure, true},
	{"Sell the bike if you must, just get the money to us today.", CatPressure, true},
	{"Sell something, anything, and clear it this week.", CatPressure, true},
	{"Take it out of the rent money and worry about your landlord next month.", CatPressure, true},
	{"Use your grocery money this week and clear the arrears.", CatPressure, true},
	{"Pay the entire amount first, and only then will we talk about a plan.", CatPressure, true},
	{"You have until close of business today, after that my hands are tied.", CatPressure, true},
	{"Please settle this in the next two hours.", CatPressure, true},
	{"Bas aaj ka din hai, jaldi decide karo.", CatPressure, true},
	{"Good afternoon Mrs Rao, your son-in-law has not paid his instalments since March.", CatThirdPartyDisclosure, true},
	{"Mr Evans, your daughter is three payments behind on her loan with us.", CatThirdPartyDisclosure, true},
	{"Posting in this group because Vikram won't pick up: Vikram, your EMI is overdue.", CatThirdPartyDisclosure, true},
	{"Reminder to Neha in this group chat: the loan payment is still pending.", CatThirdPartyDisclosure, true},
	{"By the way, your colleague Sunil also owes us money.", CatPII, true},
	{"Dear landlord, we are trying to reach your tenant about an overdue credit card balance.", CatThirdPartyDisclosure, true},
	{"Office mein sabko pata chal jayega agar aaj payment nahi hua.", CatThirdPartyDisclosure, true},
	{"Clear it by Friday and the late payments will never show on your record.", CatFalseRepresentation, true},
	{"Pay today and we'll get the account recoded as never late.", CatFalseRepresentation, true},
	{"Bas 5000 de do, penalty hum maaf kar denge.", CatUngroundedAmount, true},
	{"Pay this and we'll treat the account as closed.", CatUngroundedAmount, true},

	{"So sorry to hear about your dad's illness. We can pause calls for a month.", CatThirdPartyDisclosure, false},
	{"Glad to hear about your sister's recovery. Shall we talk next week?", CatThirdPartyDisclosure, false},
	{"Warning: fraudsters are sending fake court papers in our name. We never serve documents by text.", CatFalseRepresentation, false},
	{"Scammers are posting bogus arrest warrants online; we do not issue warrants.", CatThreat, false},
	{"A court hearing can only be set by a court, and nothing like that exists on your account.", CatFalseRepresentation, false},
	{"Your car can only be repossessed under a secured agreement, and this loan is unsecured.", CatThreat, false},
	{"This debt is unsecured, so it can only be recovered through payments you agree to or a court process.", CatFalseRepresentation, false},
	{"While the Breathing Space lasts, the law requires us to stop interest and charges.", CatUngroundedAmount, false},
	{"Because you are in a statutory moratorium, we are required by law to freeze interest.", CatUngroundedAmount, false},
	{"Your brother mentioned he is a police officer; we still cannot discuss your account with him.", CatFalseRepresentation, false},
	{"If an app threatens to message your contacts, report it at cybercrime.gov.in.", CatFalseRepresentation, false},
	{"You can complain to the Financial Ombudsman at financial-ombudsman.org.uk.", CatFalseRepresentation, false},
	{"We will not tell your family, and nobody in this group chat will hear about your account.", CatThirdPartyDisclosure, false},
	{"Once you have paid in full, we will treat the account as closed and send a letter.", CatUngroundedAmount, false},
	{"Please don't sell anything to pay us; we can agree a smaller plan.", CatPressure, false},
	{"Keep your rent money for rent. A plan can start next month.", CatPressure, false},
	{"Your kids' school fees come first; we can wait for the payment.", CatPressure, false},
	{"If you do not hear back from us, please call again.", CatFalseRepresentation, false},
}

// TestConditionsAndVehicles: a condition of not paying, settling or
// answering keeps the threat or deadline after it ("if this isn't settled
// in the next hour"), a vehicle collected by a recovery team is a seizure,
// and a real shame if the car went missing is a veiled threat; a vehicle
// the borrower asked to hand back, and a note that an unanswered call is
// fine, are not.
func TestConditionsAndVehicles(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"If the balance isn't cleared in the next two hours, I can't stop what happens next.", CatPressure, true},
		{"If this isn't settled within two hours, the file goes upstairs.", CatPressure, true},
		{"Since you're not answering, our agents will come to your house tonight.", CatThreat, true},
		{"The recovery team will collect the vehicle from your drive on Thursday.", CatThreat, true},
		{"We have arranged for your car to be picked up by our recovery agents.", CatThreat, true},
		{"It'd be a real shame if your windows got broken over a few hundred quid.", CatThreat, true},
		{"Real pity if the motorbike vanished from the street one night.", CatThreat, true},

		{"As you asked, we can arrange to collect the vehicle for a voluntary surrender; nothing happens unless you confirm.", CatThreat, false},
		{"No worries if you're not answering during work hours; we'll text instead.", CatThreat, false},
		{"It's a real shame you've had such a hard month. We can pause payments.", CatThreat, false},
	})
}
