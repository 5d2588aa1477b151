package policies

import "testing"

// TestReportedSpeechSingleQuotes: the borrower's words quoted in single
// quotation marks, straight or curly, after a reporter are reported speech
// like words in double ones; an apostrophe (don't, borrower's, lenders')
// opens no quotation, and the sender's own words around a quotation
// still count.
func TestReportedSpeechSingleQuotes(t *testing.T) {
	t.Parallel()
	lexicon := bothGuards(t)[0] // the lexicon alone, which reads the quotation marks
	for _, tc := range []categoryCase{
		{"You wrote 'stop texting me you idiots'. We have noted that and will write by post from now on.", CatHarassment, false},
		{"Your message said 'see you in court then'; we hope we can agree a plan instead.", CatFalseRepresentation, false},
		{"You wrote ‘you people are scum’ in your last reply, and we have passed your complaint on.", CatHarassment, false},
		{"You mentioned a caller who said 'we'll have you arrested tonight'; that was not us.", CatThreat, false},
		{"You told us 'the bailiffs are coming for my car', so here is what the law says about that.", CatThreat, false},
		{"You called yourself 'a worthless idiot with money'. Please don't be so hard on yourself.", CatHarassment, false},
		// The sender's own words, and apostrophes that quote nothing.
		{"You said 'fine'. We'll have you arrested on Monday.", CatThreat, true},
		{"You said you'd pay, but you're a liar and we'll take you to court.", CatHarassment, true},
		{"You said you'd pay, but you're a liar and we'll take you to court.", CatFalseRepresentation, true},
		{"You wrote to the lenders' office, and the lenders' lawyers will sue you this week.", CatFalseRepresentation, true},
		{"You replied 'ok', so don't be surprised when we have you arrested.", CatThreat, true},
		{"We told your employer 'he owes us money' yesterday.", CatThirdPartyDisclosure, true},
	} {
		checkCategory(t, lexicon, tc.text, tc.cat, tc.flag, nil)
	}
}
