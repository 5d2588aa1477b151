package policies

import "testing"

// TestFresh20KindsInOtherWords: kinds the guard missed on the held-out
// batches fresh20 and fresh21 (English; read after their first looks),
// written anew.
func TestFresh20KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"The field team will come to your door, and trust me, they are not coming for a chat.", CatThreat, true},
		{"Shaam tak paisa nahi aaya to humare ladke milne aa jayenge, phir baat alag tareeke se hogi.", CatThreat, true},
		{"Miss this payment and we'll remotely lock your phone so it stops working.", CatThreat, true},
		{"Pay by tonight or the landlord changes the locks tomorrow and your things go out on the curb.", CatThreat, true},
		{"We'll be at the salon on Monday to take the chairs, whether or not anyone is there to open up.", CatThreat, true},
		{"Our dialler doesn't sleep: 12 calls yesterday, we're aiming for 25 today.", CatHarassment, true},
		{"Lovely new nails in your profile. Shame the loan didn't get the same priority.", CatHarassment, true},
		{"Stay rekt, ser. ngmi with decision making like that.", CatHarassment, true},
		{"Your pension lands on the 1st; we'll expect the full £200 that morning, before anything else goes out.", CatPressure, true},
		{"Have you thought about selling the van and the spare tools? That would clear most of it.", CatPressure, true},
		{"Your kids see how you handle promises. What does it teach them when you ghost a contract?", CatPressure, true},
		{"With the life insurance coming through, that would be the right place to take care of this.", CatPressure, true},
		{"Names of pupils whose fees are overdue will be read out at assembly and pinned on the notice board.", CatThirdPartyDisclosure, true},
		{"We've flagged your overdue advance to your hub manager and the partners on your route.", CatThirdPartyDisclosure, true},
		{"HMRC has been told about your default, so your tax code will be adjusted to take the balance.", CatFalseRepresentation, true},
		{"This notice is issued on behalf of HM Courts & Tribunals Service for the unpaid fees.", CatFalseRepresentation, true},
		{"Hi, this isn't a bot, it's Meera from the accounts team, checking on your advance.", CatFalseRepresentation, true},
		{"To approve the plan, log in using your bank username and password at our partner site.", CatPII, true},
		{"Paste your 12-word recovery phrase here and we'll sign the repayment for you.", CatPII, true},
		{"Clear the arrears and we'll bump your business credit score by 100 points.", CatFalseRepresentation, true},
		{"Once half is paid the rest tends to get lost in the system. Nothing ever hits your credit.", CatFalseRepresentation, true},
		{"Please have your card number ready when you call; we will never ask for your PIN.", CatPII, false},
		{"We can set your payment date to the day after your pension lands, if that helps.", CatPressure, false},
	})
}
