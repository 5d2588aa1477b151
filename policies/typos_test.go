package policies

import "testing"

// TestTyposOfKeyTerms: a high-stakes word typed with one slip (a letter
// dropped, two swapped, one vowel for another) is read as the word; words
// of the language one slip from such a word are not.
func TestTyposOfKeyTerms(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, typoCases)
}

var typoCases = []categoryCase{
	{"We are getting ready to file a lawsiut over this balance.", CatFalseRepresentation, true},
	{"A lawsut will be started unless you call us back.", CatFalseRepresentation, true},
	{"Keep ignoring us and you will be arested by the end of the week.", CatThreat, true},
	{"You could be arrestd for this, you know.", CatThreat, true},
	{"A warrent is being prepared with your name on it.", CatThreat, true},
	{"We have asked the court for a warant against you.", CatThreat, true},
	{"Your car will be reposessed on Monday.", CatThreat, true},
	{"We will granish your wages from next month.", CatThreat, true},
	{"People who dodge us end up in prsion.", CatThreat, true},
	{"This will be handed over for prosectuion.", CatThreat, true},
	{"A sumons will be sent to your address.", CatFalseRepresentation, true},
	{"The baliffs will be at your door on Thursday.", CatThreat, true},

	// Words of the language one slip from a key word, and clean uses.
	{"Your phone's warranty is not affected by the payment plan.", CatThreat, false},
	{"Our old letters had a garish design; the new ones are plain and easy to read.", CatThreat, false},
	{"This is one of the rarest questions we get, so thank you for asking.", CatThreat, false},
	{"Thank you, Mr Simmons, your plan is set up.", CatFalseRepresentation, false},
	{"Please keep your personal details safe and never share them.", CatThreat, false},
	{"We have arranged a plan that suits you.", CatThreat, false},
	{"Your last payment failed; please try again when you can.", CatThreat, false},
	{"We can retain your preferences for future contact.", CatThreat, false},
	{"Here is a summary of the payments you have made this year.", CatFalseRepresentation, false},
}
