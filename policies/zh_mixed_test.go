package policies

import "testing"

// TestCommaAfterLatin: a comma parts two clauses whatever stands before
// it: a full-width comma after Latin letters in mixed Chinese and English
// ("OK，…", "APP，…") and an Arabic comma in a text of Latin letters, so
// a reassurance before it does not reach the threat after it, and a
// threat before it is not denied by a reassurance after it.
func TestCommaAfterLatin(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"不用担心APP，明天派人上门找你。", CatThreat, true},
		{"别担心 OK，今晚我们派人上门。", CatThreat, true},
		{"Don't worry about the app، someone will come to your house tomorrow.", CatThreat, true},
		{"No need to reply، we will send someone round tonight.", CatThreat, true},
		{"OK，我们不会上门，也不会联系你的家人。", CatThreat, false},
		{"APP，明天可以查看还款计划。", CatThreat, false},
		{"Thanks، nobody will come to your house.", CatThreat, false},
	})
}
