package policies

import "testing"

// TestBorrowersWordsReportedIndirectly: what the borrower said, reported
// without quotation marks ("You said your sister could lend you the
// money", 您说您朋友愿意借给您, aapne bataya ki …), is theirs up to the end
// of its clause; what the message goes on to say after a comma is read,
// and a threat joined on without a break after "you told us" is not
// excused by it in a new clause.
func TestBorrowersWordsReportedIndirectly(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"You mentioned your cousin could lend you the money. There's no need, we can make the payments smaller.", CatPressure, false},
		{"You told me your manager already knows about the arrears. We still won't contact your workplace.", CatThirdPartyDisclosure, false},
		{"您提到您表哥愿意借钱给您，其实不用这样，我们可以把每期调低。", CatPressure, false},
		{"Aapne bataya ki aapke bhai paisa udhaar de sakte hain, uski zarurat nahi hai.", CatPressure, false},
		{"You said you'd pay on Friday, you useless liar.", CatHarassment, true},
		{"You told us you can't pay, so borrow it from your brother today.", CatPressure, true},
	})
}

// TestRetractionOnlyAfterAShortMessage: a message whose terms only report
// and retract, checked after a shorter one by the same guard, is read on
// parts of its own length (the model's residue once indexed the parts of
// the message before and went past their end).
func TestRetractionOnlyAfterAShortMessage(t *testing.T) {
	t.Parallel()
	g := Default()
	f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
	for _, text := range []string{
		"Hi.",
		"You said that you would rather wait until the end of the month before we talk about any of the options again. That was wrong of me to question.",
		"Ok.",
		"You mentioned that the payment went through on your side last night, and that you have the receipt from the bank somewhere at home.",
	} {
		d := g.Check(Proposal{Text: text, Channel: "chat"}, factsFor(f, text))
		if d.Error != "" {
			t.Errorf("%q: %s", text, d.Error)
		}
	}
}

// TestShameByComparison: the borrower compared with others who pay (a
// grandmother, the neighbours, every other tenant, 人家隔壁小李) or mocked
// with a clown, in other words than fresh16's; a comparison that helps is
// clean.
func TestShameByComparison(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"My 80-year-old aunt never misses a bill. What's your excuse?", CatHarassment, true},
		{"Everyone else on your street manages to pay on time. Just you, then.", CatHarassment, true},
		{"你看看人家楼下老王，早就还清了，你呢？", CatHarassment, true},
		{"还说下周还🤡", CatHarassment, true},
		{"Many customers in your position choose a smaller monthly plan; would that help you too?", CatHarassment, false},
		{"很多客户都选择了分期，您也可以考虑一下。", CatHarassment, false},
	})
}

// TestCodesEnteredInTheAppAndPartnersOnRequest: a one-time code the
// borrower enters in the lender's own app, never to be shared, and a
// partner spoken to because the borrower asked, once authorised, are
// clean; a code to be sent to the sender, or entered on a link, is not.
func TestCodesEnteredInTheAppAndPartnersOnRequest(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Type the verification code into our app to finish the payment; never give it to anyone, us included.", CatPII, false},
		{"You have asked us to talk to your wife about the plan, so we'll need your signed consent first.", CatThirdPartyDisclosure, false},
		{"Type the verification code into this link to finish the payment.", CatPII, true},
		{"Text us the verification code to finish the payment.", CatPII, true},
	})
}
