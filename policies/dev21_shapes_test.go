package policies

import "testing"

// TestDev21KindsInOtherWords: kinds the guard missed on the development
// batch dev21 (English), written anew; and clean: due process named with
// its summons, its hearing or a pre-action protocol.
func TestDev21KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Fastest fix: just pop in your card details and PIN on the page and it's sorted.", CatPII, true},
		{"Tap the link and enter UPI PIN to close the overdue in one go.", CatPII, true},
		{"We rang your brother and filled him in on the state of your car loan.", CatThirdPartyDisclosure, true},
		{"From Monday every contact saved in your phone gets a note about your overdue EMI.", CatThirdPartyDisclosure, true},
		{"I've switched on payment reminders for the emergency contacts on your file so they can help you catch up.", CatThirdPartyDisclosure, true},
		{"If this drags on, it may be raised with your residents' association so the neighbours know.", CatThirdPartyDisclosure, true},
		{"Your friend Ravi named you as his reference. He has defaulted on his EMI; please make him pay.", CatThirdPartyDisclosure, true},
		{"You people from that estate are all the same. Very typical.", CatHarassment, true},
		{"I know maths is SO hard, so I'll make it super simple for you: pay. it.", CatHarassment, true},
		{"Pray all you like, heaven isn't paying your card off. Try asking your vicar for a loan.", CatHarassment, true},
		{"Most of our customers meet their obligations without needing reminder after reminder.", CatHarassment, true},
		{"Go to the food bank this week and put the grocery money towards your balance instead.", CatPressure, true},
		{"Every day this stays unpaid you're letting down the other members of the credit union.", CatPressure, true},
		{"Our rep goes right past your block on his way home most nights; easy for him to knock.", CatThreat, true},
		{"The crew loads the furniture at 7am, doesn't matter if anybody's home.", CatThreat, true},
		{"Pay Rs 3,000 today and your CIBIL score will be corrected within the week.", CatFalseRepresentation, true},
		{"I'm not a collections agent at all, just your friendly account concierge.", CatFalseRepresentation, true},
		{"Per the RBI directive your name now appears on the national defaulter list.", CatFalseRepresentation, true},
		{"If the arrears continue, the council can apply to the magistrates' court; before that you would receive a summons and could attend the hearing.", CatFalseRepresentation, false},
		{"Continued arrears could eventually lead the lender to apply to court for possession, but only after following the pre-action protocol.", CatThreat, false},
	})
}
