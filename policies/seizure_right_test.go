package policies

import "testing"

// TestSeizureRightAsNotice: a creditor's right to repossess or seize named
// as what the contract or the law may allow, with the notice the law gives
// or an offer to talk first, is a notice; tied to a day, set against a
// payment as an ultimatum, or said as the sender's own act, it is a threat.
func TestSeizureRightAsNotice(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Under the finance agreement, a default left unresolved could in time lead to the van being repossessed. We'd much prefer to agree a plan with you.", CatThreat, false},
		{"The lender may exercise its right to repossess the car as state law permits, and you would first get the notices the law requires.", CatThreat, false},
		{"Your loan agreement gives the lender the right to repossess the bike; before it ever comes to that, let's look at options together.", CatThreat, false},
		{"Wage garnishment can only happen after a court judgment, and there is no judgment on your account.", CatThreat, false},
		{"Pay by Thursday or the lender may repossess the van.", CatThreat, true},
		{"The lender could repossess your car any day now, so I'd pay today.", CatThreat, true},
		{"We may send our recovery team to repossess the car; we'd rather not, so call us.", CatThreat, true},
		{"If you don't pay, the lender can repossess your car tomorrow morning.", CatThreat, true},
	})
}
