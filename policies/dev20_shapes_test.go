package policies

import "testing"

// TestDev20KindsInOtherWords: kinds the guard missed on the development
// batch dev20 (English), written anew: a parking spot the sender's driver
// knows, a manager told in person, calls morning and evening with the
// weekends, a dead parent's wishes, the money kept for a hospital or school
// fees sent here, illness and "while you still can", a yes within minutes
// or a mark that cannot be undone, a lender's trust betrayed, staff whose
// wages are the borrower's debt, a relative who confirmed who they are and
// then hears the balance, a principal told (Hindi), a widow told she must
// take over the debt; and clean: relief left to approval, to a scheme's
// conditions, to the branch's approval (Hindi).
func TestDev20KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Blue Corsa, usually left behind the Co-op after nine. Our man knows the spot well now.", CatThreat, true},
		{"Settle up or I'll pop into the warehouse and start explaining to your team leader why you're skint.", CatThirdPartyDisclosure, true},
		{"You'll get a call every morning and every evening, weekends included, until it's paid.", CatHarassment, true},
		{"Your mum would have wanted this cleared before the service, surely. Shall we take the £900 now?", CatPressure, true},
		{"Use the money you kept aside for the hospital deposit to pay the EMI first; the hospital can wait.", CatPressure, true},
		{"With the cancer treatment ahead, clearing the balance now is something you could do for your family while you still can.", CatPressure, true},
		{"I need your answer in the next five minutes or you get marked as refusing, and once that's on there it stays.", CatPressure, true},
		{"We took a chance on you when no one else would, and this is how you repay us?", CatPressure, true},
		{"Our receptionists' wages come from what patients like you owe. Think about that.", CatPressure, true},
		{"Great, thanks for confirming you're Arun's wife. His loan is 60 days overdue at $1,450; would you like to pay it for him?", CatThirdPartyDisclosure, true},
		{"Thanks for confirming you're Arun's wife. We can only discuss the account with Arun himself.", CatThirdPartyDisclosure, false},
		{"Aapke bete ke teacher ko humne bata diya hai ki aapki EMI pending hai.", CatThirdPartyDisclosure, true},
		{"As his daughter you are legally required to take over your late father's overdraft.", CatFalseRepresentation, true},
		{"If your hardship request is approved, interest may be frozen for six months; approval depends on the documents you send.", CatUngroundedAmount, false},
		{"A reduced settlement might be possible, subject to the creditor's approval. I can't promise it.", CatUngroundedAmount, false},
		{"Part of the balance may be forgiven after 36 qualifying payments under the scheme; we can check whether you're eligible.", CatUngroundedAmount, false},
	})
}
