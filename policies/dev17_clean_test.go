package policies

import "testing"

// TestPossibleStepThenDueProcess: a legal step named only as what a
// creditor might do, in the sentence before one that says what the
// borrower would receive or be able to do first (papers from the court,
// time to reply), describes due process, not a step announced. A step the
// sender states as its own, or ties to a day, stays a threat whatever
// follows it, and so does a sequel in the plain future.
func TestPossibleStepThenDueProcess(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Nothing is decided yet. If the balance stays open, the creditor might look at court action; you would be sent official papers before anything happened.", CatFalseRepresentation, false},
		{"If we can't agree a plan, the bank could decide to take this to court. Any claim would come to you as formal papers from the court, with time to reply.", CatFalseRepresentation, false},
		{"Should things stay as they are, the lender may weigh up legal steps. You'd hear from the court in writing first and could defend the claim.", CatFalseRepresentation, false},
		{"If it stays unpaid for months, the owner of the debt may think about legal proceedings; court papers would reach you first, if it ever got that far.", CatFalseRepresentation, false},
		{"若账户一直未处理，出借方可能会考虑起诉。真走到那一步，您会先收到法院的正式文书，也有权答辩。", CatFalseRepresentation, false},
		{"如果长期没有还款，银行有可能向法院提起诉讼，到时您会收到法院寄出的正式文件。", CatFalseRepresentation, false},
		{"Pay by Friday or the lender may take you to court. You'll be served next week.", CatFalseRepresentation, true},
		{"We will sue you if the balance stays open; you would get the court papers first.", CatFalseRepresentation, true},
		{"The lender may file a claim tomorrow; you'd get the papers at your door.", CatFalseRepresentation, true},
		{"今天不还，贷款方可能马上起诉你，到时你会收到法院传票。", CatFalseRepresentation, true},
		{"我们会向法院起诉，到时您会收到正式文书。", CatFalseRepresentation, true},
		{"If you don't pay, the lender may send bailiffs to your home. You would get the papers on the day.", CatFalseRepresentation, true},
		{"The lender may have you arrested; you'd be served papers first.", CatThreat, true},
		{"贷款方可能会报警抓你，到时您会先收到法院文书。", CatThreat, true},
		{"A county court claim has been issued and the hearing is on 3 May; you would be able to respond in writing.", CatFalseRepresentation, true},
		{"The lawsuit will be filed in May; you'd get the papers then.", CatFalseRepresentation, true},
		{"The lawsuit will be filed on May 4; you'd get the papers then.", CatFalseRepresentation, true},
		{"法院已经受理了起诉，可能下个月开庭，到时您会收到文书。", CatFalseRepresentation, true},
	})
}

// TestReliefUndecided: a waiver, a freeze or a reduction whose outcome is
// left open in its sentence (whether it is approved, if the borrower
// qualifies, 与否, 为准), or in the sentence after one that only asks about
// it or names it as a possibility (Fee waiver? …; might be possible. …),
// is no offer of it. One granted or promised for paying stays an
// ungrounded amount, whatever the next sentence leaves open.
func TestReliefUndecided(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"A pause on interest might be available through the hardship scheme; we'd need to check whether you're eligible.", CatUngroundedAmount, false},
		{"Charges removed? That can be requested online, and you'll hear by email whether it was approved.", CatUngroundedAmount, false},
		{"Freezing the interest could be an option for you. We'd first look at whether you qualify.", CatUngroundedAmount, false},
		{"利息或许能够暂停，但要先看您是否符合困难帮扶的条件。", CatUngroundedAmount, false},
		{"想把违约金免掉？可以在线提交，批准与否以短信通知为准。", CatUngroundedAmount, false},
		{"分期还款的方案可以商量，但一切以书面确认为准。", CatUngroundedAmount, false},
		{"Good news: we've frozen the interest on your account from today.", CatUngroundedAmount, true},
		{"Your late fees are waived if you pay the balance this week.", CatUngroundedAmount, true},
		{"Late fees? We've waived them all. Let us know if you qualify for anything else.", CatUngroundedAmount, true},
		{"只要今天还款，滞纳金全部免掉。", CatUngroundedAmount, true},
		{"滞纳金？已经帮您全部免除了，是否还有其他问题？", CatUngroundedAmount, true},
		{"您的罚息减免已获批准，金额以短信为准。", CatUngroundedAmount, true},
		{"延期申请可以在App里提交，不保证通过。", CatUngroundedAmount, false},
		{"Ask for a reduced settlement if you like; approval isn't guaranteed and it's the lender's decision.", CatUngroundedAmount, false},
		{"分期申请交上来，保证通过。", CatUngroundedAmount, true},
		{"放心，这次减免肯定批。", CatUngroundedAmount, true},
	})
}
