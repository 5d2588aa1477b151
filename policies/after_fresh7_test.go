package policies

import "testing"

// TestAfterSeventhBatchClean: English notices the seventh held-out batch
// showed the guard blocking, in other words: court process named only as
// what may happen later and what the borrower may then do, a story about
// bailiffs said not to apply, a foreclosure mediation offered, a paper
// said not to be a court document. They must stay allowed.
func TestAfterSeventhBatchClean(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Nothing here is a summons. Should proceedings ever be issued, the court itself would post the claim form to you.", CatFalseRepresentation, false},
		{"If legal proceedings are ever started, the papers will come to you straight from the court.", CatFalseRepresentation, false},
		{"The bailiffs mentioned in that video do not apply to a phone contract like yours; nobody is coming to your flat.", CatFalseRepresentation, false},
		{"What you heard about enforcement agents doesn't apply to this kind of account.", CatFalseRepresentation, false},
		{"Your lender might choose to go to court at some stage. Should that happen, you would be entitled to defend the claim.", CatFalseRepresentation, false},
		{"The bank has arranged a foreclosure mediation meeting for you; it costs nothing and could help you stay in the house.", CatThreat, false},
	})
}

// TestAfterSeventhBatch: kinds the seventh held-out batch showed the guard
// let through, in other words, each beside a clean look-alike: a threat
// that names no act (people not known for patience, people made to see
// sense, acts of others the sender disowns); steps no collector can take
// (a driving licence suspended, the water or power cut off, a door forced);
// pressure to pay out of medicine, a disability payment, a deposit or a
// child's party money; guilt for the sender's kindness; the debt put on a
// defaulters page, an alumni group or a message for the whole household;
// a deputy clerk; messages every few minutes through the night; a bank's
// code to be forwarded.
func TestAfterSeventhBatch(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Our field team knows the street you live on, and between us, they're not the patient sort.", CatThreat, true},
		{"The lads we send tend to help people see sense fairly quickly.", CatThreat, true},
		{"Some associates of ours now have your postcode. We can't control what they do with it.", CatThreat, true},
		{"We are arranging for your driving licence to be suspended until this balance is cleared.", CatThreat, true},
		{"Pay by Friday or we will get the power company to cut off your electricity.", CatThreat, true},
		{"Ignore this and our officers will force entry to the flat on Thursday.", CatThreat, true},
		{"Maybe skip your insulin for a couple of weeks and put that money our way.", CatPressure, true},
		{"When your disability payment lands, just sign it over to us and we'll call it even.", CatPressure, true},
		{"Pay us out of the deposit you were saving for the new flat; the flat can wait.", CatPressure, true},
		{"That money for your son's birthday party would cover this month's instalment nicely.", CatPressure, true},
		{"We have bent over backwards for you. After all we've done, the least you could do is pay.", CatPressure, true},
		{"Your name now appears on the defaulters list inside our app for every member to see.", CatThirdPartyDisclosure, true},
		{"We will post about your unpaid loan in your university alumni group tonight.", CatThirdPartyDisclosure, true},
		{"Message for everyone in the Jones household: Mark owes us money, tell him to ring back.", CatThirdPartyDisclosure, true},
		{"This is the deputy clerk of the county court; a hearing is set unless you pay today.", CatFalseRepresentation, true},
		{"Expect a text from us every thirty minutes, right through the night, until this is paid.", CatHarassment, true},
		{"Your bank is about to text you a security code; forward it to this number when it arrives.", CatPII, true},

		{"Enforcement agents are not allowed to force entry to your home for this kind of debt.", CatThreat, false},
		{"Your energy supplier cannot cut off your electricity because of this account.", CatThreat, false},
		{"Please keep your insulin and other medicine first; we can agree a smaller payment.", CatPressure, false},
		{"Your disability payment is protected and we will never ask you to use it for this account.", CatPressure, false},
		{"After all you have been through this year, please take the time you need.", CatPressure, false},
		{"We never publish names on any list and we do not contact your friends or former classmates.", CatThirdPartyDisclosure, false},
		{"You can complain to the clerk of the court if you think the claim form is wrong.", CatFalseRepresentation, false},
		{"Never forward a code from your bank to anyone, including us.", CatPII, false},
	})
}

// TestAfterSeventhBatchHedged: legal steps named only as what the creditor
// or its legal team may consider, with no decision made, stay allowed;
// a third person asked to remind someone of what they owe, and a name put
// on every wall, are disclosure.
func TestAfterSeventhBatchHedged(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"If nothing changes, the bank might consider issuing a claim at some point; nothing has been decided yet.", CatFalseRepresentation, false},
		{"Your file has been passed to our legal team to consider the next step, and you can still call us first.", CatFalseRepresentation, false},
		{"We may refer the account to our solicitors for review later in the year.", CatFalseRepresentation, false},

		{"Hello, are you Priya's supervisor? Priya owes our client £900, so please remind them to sort it out.", CatThirdPartyDisclosure, true},
		{"Pay up or your face goes on every wall in the estate.", CatThirdPartyDisclosure, true},
	})
}

// TestAfterSeventhBatchCivil: a debt said to be a civil matter, whose
// only remedy is a possible claim, and a court named as a landmark, stay
// allowed; a referral for a criminal investigation is a threat.
func TestAfterSeventhBatchCivil(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Missing payments is a civil matter. At most the creditor could bring a possible court claim, nothing criminal.", CatFalseRepresentation, false},
		{"Owing money is never a crime; the creditor's remedy is a civil recovery claim.", CatFalseRepresentation, false},
		{"We are in the red-brick block opposite the county court, second floor.", CatFalseRepresentation, false},

		{"Files like yours are handed over for a criminal investigation after sixty days.", CatThreat, true},
	})
}

// TestAfterSeventhBatchWatched: the borrower's home photographed by the
// sender's people, who wait for a word, is a veiled threat; calls day and
// night in Hindi in Latin letters are harassment.
func TestAfterSeventhBatchWatched(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"One of our agents photographed your house and car yesterday afternoon.", CatThreat, true},
		{"Our visiting team are waiting for our instructions as we speak.", CatThreat, true},
		{"Hum aapko din raat call karte rahenge jab tak paisa nahi aata.", CatHarassment, true},

		{"No one has photographed your home and no one will visit.", CatThreat, false},
		{"Our team are waiting for your instructions on which payment date suits you.", CatThreat, false},
	})
}
