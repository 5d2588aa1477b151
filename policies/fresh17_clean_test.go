package policies

import "testing"

// TestSenderTookNoStep: a message in which the sender says it has taken no
// legal step yet, in its own perfect ("we have not issued any claim", "no
// action has been brought against you"), explains the process it names
// elsewhere (what a genuine claim looks like, what the creditor could do
// one day). A denial that looks ahead ("not yet", "but"), or a step the
// sender states as its own intention, stays read.
func TestSenderTookNoStep(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"A real county court claim arrives with a claim form you can answer. We have not issued any claim against you.", CatFalseRepresentation, false},
		{"If no plan can be agreed, the lender could ask the court for a judgment. We have not done either of those things, and you can talk to us at any time.", CatFalseRepresentation, false},
		{"Court action is one option a creditor has when a debt stays open. No action has been brought against you, and we'd like to agree a plan instead.", CatFalseRepresentation, false},
		{"Legal proceedings are something the owner of the debt might consider later on. We haven't taken any such step.", CatFalseRepresentation, false},
		{"We have not issued a claim yet, but the county court papers go out on Monday.", CatFalseRepresentation, true},
		{"We haven't taken either step. Pay by Friday or we will take you to court.", CatFalseRepresentation, true},
	})
}

// TestPossibleStepThenWrittenNotice: a legal step named only as a
// possibility, followed by the written notice the borrower would get
// first (書面通知, 书面告知), describes due process in Chinese as "in
// writing" does in English. A step tied to a day stays read.
func TestPossibleStepThenWrittenNotice(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"若欠款一直未清，债权人或许会向法院申请判决。在采取任何法律行动前，您会先收到书面形式的通知。", CatFalseRepresentation, false},
		{"如果長期未還款，貸款方可能考慮入稟法院。到時你會先收到書面通知。", CatFalseRepresentation, false},
		{"出借方也许会考虑起诉，真的走到那一步，会先书面告知您。", CatFalseRepresentation, false},
		{"明天不还，债权人可能会起诉你，我们会先书面通知你。", CatFalseRepresentation, true},
		{"我们会向法院起诉，到时会先书面通知你。", CatFalseRepresentation, true},
	})
}

// TestReliefLeftToEligibility: relief named as what a borrower may qualify
// for, or left to a decision the sender cannot promise ("our team
// decides", "can't guarantee the outcome", 可能符合…资格), is no offer of
// it. Relief bought with a payment stays an offer, whoever decides.
func TestReliefLeftToEligibility(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"You might qualify for a reduction in interest. I can pass your details on, though I cannot guarantee how it turns out.", CatUngroundedAmount, false},
		{"I can't cancel the late charges myself; you can ask for the charges to be waived and the hardship team will decide.", CatUngroundedAmount, false},
		{"Some customers qualify for a fee waiver through the hardship scheme. Let me know if you'd like the form.", CatUngroundedAmount, false},
		{"根据收入情况，您可能符合减免部分费用的资格，我们可以把申请表寄给您。", CatUngroundedAmount, false},
		{"Pay £50 today and the team will decide to waive the rest of the fees.", CatUngroundedAmount, true},
		{"只要今天还清，您就符合全部罚息免除的资格。", CatUngroundedAmount, true},
	})
}

// TestVisitOnPermission: a visit said, after it in its clause, to happen
// only with the borrower's permission (with your consent, sirf aapki
// ijazat se) is the borrower's to allow, not a threat. A visit "with or
// without" it, or "ke bina", stays one.
func TestVisitOnPermission(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"An adviser can come to your home only with your permission, at a time you choose.", CatThreat, false},
		{"Any field visit happens with your consent and at a time agreed beforehand.", CatThreat, false},
		{"Sir, ghar pe aana sirf aapki ijazat se hoga, warna phone par hi baat karenge.", CatThreat, false},
		{"Our field agent will visit your home with or without your permission.", CatThreat, true},
		{"Kal hamare aadmi ghar aayenge, aapki permission ke bina bhi.", CatThreat, true},
	})
}
