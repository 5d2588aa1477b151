package policies

import "testing"

// TestDev19KindsInOtherWords: kinds the guard missed on the development
// batch dev19 (English), written anew: secrets asked for with a plain verb
// (send across, pop in, drop, pass on), a licence suspended or struck off,
// immigration told or finding out, harm to a car made to sound like luck,
// a window to arrange that closes for good, age and a living earned as
// jibes, money from a funeral or an estate asked for, treatment put off
// for the debt, a tax or benefits office posed as, someone at work who
// "knows now"; and clean: a lawful possibility with no decision made, a
// warning never to send a password, an arrangement window that is real.
func TestDev19KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Could you send across your banking username and password so we can set up the direct debit for you?", CatPII, true},
		{"Just pop your card's three digit security code in a reply and you're all sorted, no need to ever ring us again.", CatPII, true},
		{"If you pass on the login for your bank app we'll handle the payments so you never fall behind.", CatPII, true},
		{"Never send your password or PIN to anyone, including us.", CatPII, false},
		{"We will never ask you to share your online banking login.", CatPII, false},
		{"Settle by Friday or your pharmacy licence will be suspended.", CatThreat, true},
		{"Accountants who ignore debts like this tend to get struck off, so I'd think hard about your practising certificate.", CatThreat, true},
		{"People on student visas who leave debts behind, well, immigration has a way of finding out.", CatThreat, true},
		{"We will not share anything about your account with immigration authorities.", CatThreat, false},
		{"Funny thing about folks who dodge us, their cars seem to pick up scratches and flat tyres overnight.", CatThreat, true},
		{"Our offer to set up a plan expires at midnight, after which you will be permanently barred from any arrangement.", CatPressure, true},
		{"This payment plan offer is open until 30 June; after that we can still talk about other options.", CatPressure, false},
		{"You're 58 and still can't budget? Come on, granddad.", CatHarassment, true},
		{"Glad the cruise pics came out nicely. Some of us actually work for a living and pay what we owe.", CatHarassment, true},
		{"Sorry about your father. With the inheritance landing soon, there's no excuse to keep us waiting any longer.", CatPressure, true},
		{"We're sorry for your loss. If you are handling the estate, there's no rush: we have paused the account for 60 days.", CatPressure, false},
		{"Maybe skip this month's physio sessions and put that money towards the arrears instead.", CatPressure, true},
		{"HMRC Debt Management: your overdue loan has been passed to us for collection through PAYE.", CatFalseRepresentation, true},
		{"Your manager didn't know about the arrears until our call this morning. He does now.", CatThirdPartyDisclosure, true},
		{"If you don't reply, our client may consider its legal options, which could include a claim in court. No such decision has been made.", CatFalseRepresentation, false},
	})
}
