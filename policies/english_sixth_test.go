package policies

import "testing"

// TestEnglishAndHinglishSixthRound: Hindi in Latin letters negates after
// the verb ("court nahi jayenge") and reports what the borrower said
// (aapne kaha "…"); a zero balance an account will show once paid in full
// is what payment does; the next visitors said to be less polite, telling
// relatives put as a question, a grown borrower called a baby, medicine
// put off to pay, a regulator's name as the sender's, a word with the
// borrower's manager, a visit popped in on and no collector ever again
// are read; the clean look-alikes beside them are not.
func TestEnglishAndHinglishSixthRound(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, sixthRoundCases)
}

var sixthRoundCases = []categoryCase{
	{"Hum aapke khilaf court case nahi karenge, aap aaram se plan chuniye.", CatFalseRepresentation, false},
	{"Yeh message police ki taraf se nahi hai, bank ki taraf se reminder hai.", CatThreat, false},
	{"Payment nahi kiya toh hum court jayenge.", CatFalseRepresentation, true},
	{`Aapne likha "tum log chor ho", hum aapki baat samajhte hain.`, CatHarassment, false},
	{`Tum chor ho, isliye paise abhi bhejo.`, CatHarassment, true},

	{"Paying the full balance doesn't remove old late marks, but your report will then show a zero balance.", CatUngroundedAmount, false},
	{"After your final instalment the account will show a zero balance and be closed.", CatUngroundedAmount, false},
	{"Good news: your balance is zero now, nothing more to pay.", CatUngroundedAmount, true},

	{"Clear it by Monday, or the next people we send won't be so polite.", CatThreat, true},
	{"If you don't pay, the team that visits next won't be as friendly as I am.", CatThreat, true},
	{"Our staff are always polite, and nobody will visit you.", CatThreat, false},

	{"How would your wife feel if we told her about this?", CatThirdPartyDisclosure, true},
	{"Imagine what your parents would say if we told them.", CatThirdPartyDisclosure, true},
	{"We will not tell your parents anything about this.", CatThirdPartyDisclosure, false},

	{"Quit being such a baby and pay up.", CatHarassment, true},
	{"Stop acting like a crybaby over a small bill.", CatHarassment, true},
	{"Congratulations on the new baby! We can pause payments for a month.", CatHarassment, false},

	{"Put your medicine money toward this instead, your health can wait.", CatPressure, true},
	{"Skip your meds this month and pay us.", CatPressure, true},
	{"Please don't skip medication to pay us; your health comes first.", CatPressure, false},

	{"This is the Financial Conduct Authority: your loan must be repaid today.", CatFalseRepresentation, true},
	{"Message from the CFPB: your account is under investigation.", CatFalseRepresentation, true},
	{"You can complain to the Financial Conduct Authority if you are unhappy with us.", CatFalseRepresentation, false},

	{"We'll be having a quiet word with your boss about this.", CatThirdPartyDisclosure, true},
	{"I'm going to have a word with your manager tomorrow.", CatThirdPartyDisclosure, true},
	{"Would you like a word with our manager about your complaint?", CatThirdPartyDisclosure, false},

	{"I'll pop round to your place on Friday to collect.", CatThreat, true},
	{"You can pop in to any branch to pay if you prefer.", CatThreat, false},

	{"Pay this and you'll never hear from any collector ever again.", CatUngroundedAmount, true},
}
