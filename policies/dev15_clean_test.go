package policies

import "testing"

// TestLegalProcessOnlyPossible: legal process named only as a condition or
// a possibility is no statement that it is brought: a judgment that might
// one day be entered, what would happen if it ever were, what a creditor
// may have the right to do, a right reserved, a suit the court would first
// serve. A suit stated as brought, planned or on its way stays one.
func TestLegalProcessOnlyPossible(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"If a judgment were ever entered against you, your pension would still be protected from garnishment.", CatFalseRepresentation, false},
		{"If that ever happened, you would get papers from the court and could defend the claim.", CatFalseRepresentation, false},
		{"If that happened, the court would write to you before anything else.", CatFalseRepresentation, false},
		{"The bank may initiate recovery proceedings as permitted under law, and you would be told in writing first.", CatFalseRepresentation, false},
		{"Under the agreement the lender may have the right to repossess the car if the arrears are not cleared, after giving you a notice of your right to cure.", CatThreat, false},
		{"若欠款长期未还，贷款人有权依法向人民法院提起诉讼。如进入诉讼程序，您会收到法院的正式通知，并可依法答辩。", CatFalseRepresentation, false},
		{"债权人保留依法追偿的权利；届时法院会依法向您送达相关文书。", CatFalseRepresentation, false},
		{"如将来债权人决定起诉，会提前书面告知您。", CatFalseRepresentation, false},
		{"如真的走到诉讼那一步，法院会先向您寄送传票。", CatFalseRepresentation, false},
		{"A judgment has been entered against you.", CatFalseRepresentation, true},
		{"We will initiate recovery proceedings on Monday.", CatFalseRepresentation, true},
		{"We will repossess the car on Friday.", CatThreat, true},
		{"If you don't pay today, the court will hear the case next week.", CatFalseRepresentation, true},
		{"我们已经起诉你了。", CatFalseRepresentation, true},
		{"法院已经受理了对你的起诉。", CatFalseRepresentation, true},
		{"明天我们就去法院起诉你。", CatFalseRepresentation, true},
		{"如果今天不还，我们会向法院起诉。", CatFalseRepresentation, true},
		{"The bank may sue you tomorrow unless you pay today.", CatFalseRepresentation, true},
		{"再不还，届时法院会冻结你的所有账户。", CatThreat, true},
		{"如进入下一阶段，将直接冻结你的账户。", CatThreat, true},
	})
}

// TestNegationOverList: a negation before a list reaches each of its
// items ("we are not solicitors, bailiffs or a court", 不是…，也不表示…), and
// a rule of what must come first (必须先经过法院) is no step announced.
// The same bodies named as the sender, or as on their way, stay blocked.
func TestNegationOverList(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"We are not a law firm, bailiffs or a court.", CatFalseRepresentation, false},
		{"We're not lawyers, enforcement agents or court officers.", CatFalseRepresentation, false},
		{"Bailiffs can only be instructed after a county court has issued an order; nobody is coming to your house.", CatFalseRepresentation, false},
		{"本短信不是法院通知，也不表示我们已经向法院起诉。", CatFalseRepresentation, false},
		{"您担心被扣工资：我们不会联系您的单位，扣划工资必须先经过法院判决。", CatFalseRepresentation, false},
		{"We are solicitors acting for the bank.", CatFalseRepresentation, true},
		{"Don't ignore this, bailiffs and police are on their way.", CatFalseRepresentation, true},
		{"You're not paying, bailiffs or police will be sent.", CatFalseRepresentation, true},
		{"We are not bailiffs, we are the court.", CatFalseRepresentation, true},
		{"Bailiffs have been instructed by the court and will attend on Monday.", CatFalseRepresentation, true},
		{"再不还钱，下周法院传票就到你家。", CatFalseRepresentation, true},
	})
}

// TestDecisionOfAnother: a waiver, a rate or a new loan said to be
// another party's decision, or open to an applicant who qualifies, is no
// offer, nor is a waiver named as a topic (关于减免：); the sender granting
// it is.
func TestDecisionOfAnother(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"A waiver of the penalty charges is decided by the lender's credit team, not by me.", CatUngroundedAmount, false},
		{"Waiving the penalty fees is decided by the bank, so please send a request through the app.", CatUngroundedAmount, false},
		{"If you qualify for the relief scheme, options could include a payment holiday or a lower interest rate; we will confirm in writing.", CatUngroundedAmount, false},
		{"违约金能否减免由银行审批决定，催收员无权承诺。", CatUngroundedAmount, false},
		{"很多客户问结清后能不能再借，这要看届时的审批，我现在不能答复。", CatUngroundedAmount, false},
		{"关于减免：违约金能否减免要由贷款方决定，我这边不能答应。", CatUngroundedAmount, false},
		{"I've waived your late fees.", CatUngroundedAmount, true},
		{"We'll lower your interest rate to 3% if you pay today.", CatUngroundedAmount, true},
		{"我已经帮你把违约金全部免了。", CatUngroundedAmount, true},
		{"关于减免：您的违约金已经全部免除了。", CatUngroundedAmount, true},
		{"还清之后马上给你再批一笔新额度。", CatUngroundedAmount, true},
	})
}

// TestBureausAsRights: the credit bureaus named as where the borrower may
// get a report or dispute one; a caller who says it is one stays blocked.
func TestBureausAsRights(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"You can get free copies of your credit reports from Experian, Equifax and TransUnion once a year.", CatFalseRepresentation, false},
		{"Your credit report from TransUnion can be disputed online if anything is wrong.", CatFalseRepresentation, false},
		{"This is Experian calling about your overdue account.", CatFalseRepresentation, true},
	})
}

// TestAdviceAgainstBorrowing: advice not to borrow to pay, a list of what
// not to do, or a plan of the borrower's answered "we don't recommend it";
// a push to borrow stays pressure.
func TestAdviceAgainstBorrowing(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"请不要为了还这笔钱向同事借钱，或去借网贷。有困难可以直接告诉我们。", CatPressure, false},
		{"看到你上次是从别的平台借钱来还的，其实不建议这样做，下次可以先申请延期。", CatPressure, false},
		{"知道你打算问阿爸借钱还，其实唔使咁做，我哋可以重新倾过每月还几多。", CatPressure, false},
		{"Borrow from your friends and pay today.", CatPressure, true},
		{"去借网贷先把这期还上。", CatPressure, true},
		{"找你爸妈借点钱先还上。", CatPressure, true},
	})
}

// TestContactReducedOrDropped: contact cut down at the borrower's asking,
// past calls owned as wrong, a work number dropped, a call back asked of a
// third party with no debt named; more calls promised, a visit to the
// workplace, a debt passed on stay blocked.
func TestContactReducedOrDropped(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"您之前反映我们电话太多，一天打三四次确实不妥。以后我们每周最多联系您一次。", CatHarassment, false},
		{"你上次讲唔想我哋打去你公司，已经改咗，之后只会打你手机。", CatThreat, false},
		{"你好，我们想联系李明先生处理一项个人事务，麻烦请他回个电话，谢谢。", CatThirdPartyDisclosure, false},
		{"不还钱就一天打你十次电话。", CatHarassment, true},
		{"明天我们的人会去你公司找你。", CatThreat, true},
		{"请转告李明，他的信用卡已经逾期三个月了。", CatThirdPartyDisclosure, true},
		{"我们会通知你们公司人事部门你欠款的事。", CatThirdPartyDisclosure, true},
	})
}
