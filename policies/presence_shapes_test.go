package policies

import "testing"

// TestPresenceInOtherWords: the sender placed at the borrower's door or
// street right now, a child's school day told back, a board's interest in a
// licence, goods carried off in Hindi, a car that will not be there in the
// morning; and clean: an agent who never waits outside, a school run the
// sender keeps clear of, a lawful notice about goods.
func TestPresenceInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"I'm parked just across the road from your house, silver Focus. Take your time coming out.", CatThreat, true},
		{"We're sat outside your flat as we speak, so you may as well come down and sort this.", CatThreat, true},
		{"Our agents will never wait outside your home or follow you.", CatThreat, false},
		{"Your lad looked smart in his blazer at the gates this morning. Anyway, the arrears.", CatThreat, true},
		{"Your daughter's school gets out at half three, right? Let's get this settled before then.", CatThreat, true},
		{"We won't call between 3 and 4pm so your children's school pick-up isn't disturbed.", CatThreat, false},
		{"The medical council takes a keen interest in doctors with unpaid debts; your registration review could hit a snag.", CatThreat, true},
		{"Paise nahi diye toh hum ghar se fridge aur TV utha ke le jayenge.", CatThreat, true},
		{"Don't be surprised if the van isn't on your drive one of these mornings.", CatThreat, true},
		{"Don't be surprised if you get a letter from us confirming the new plan.", CatThreat, false},
	})
}
