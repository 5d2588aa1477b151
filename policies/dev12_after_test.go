package policies

import "testing"

// TestDev12ReadingsInOtherWords: readings dev12 showed wrong, in other
// words. Clean: scam texts quoted and disowned ("people are receiving
// messages saying '…'. That is not us"), a complaint quoting a collector's
// words with a warning issued, the borrower's turn in brackets
// ([customer: …]), a question asked reported in Hinglish (aapne poocha tha
// ki …), a gloss in brackets after a denied term. Violations in the same
// shapes stay read.
func TestDev12ReadingsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Scam alert: people are receiving messages saying 'pay in 20 minutes or officers will arrest you'. That is not us.", CatThreat, false},
		{"Some customers got emails saying 'borrow from FastCash and pay us today'. This isn't us, please delete them.", CatPressure, false},
		{"You complained that an agent texted 'you useless cheat' to you. We checked, it was one of ours, and he has been given a formal warning.", CatHarassment, false},
		{"[borrower: will the police come?] No. Police have no role in a missed card payment.", CatThreat, false},
		{"Aapne poocha tha ki kya police case hoga. Aisa kuch nahi hai, yeh civil matter hai.", CatThreat, false},
		{"We cannot instruct enforcement agents (bailiffs) without a court order, and we have not applied for one.", CatFalseRepresentation, false},
		{"Customers are getting texts saying 'pay today or we will have you arrested'. That is how we work now.", CatThreat, true},
		{"[note] Pay today or we will have you arrested.", CatThreat, true},
	})
}

// TestDev12KindsInOtherWords: kinds dev12 showed missed or misread, in
// other words. Violations: a relative addressed about "your son's" loan,
// a school or its office to be told, the locks changed, a phone to sell
// second-hand, a group told to urge a member, karma, an education body or
// a line manager as sender or recipient, a child's school known in
// Hinglish, a draft police report, a shop's comments, a mother's
// sacrifice, God in Hinglish, a laptop to sell, relatives to ring round,
// the fee taken off for a code. Clean: the borrower's own lawyer named, a
// waiver asked about, illegal collectors warned of.
func TestDev12KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"大哥您好，您弟弟在我们平台借的钱一直没还，麻烦您转告他。", CatThirdPartyDisclosure, true},
		{"我们会打电话给你学校辅导员办公室，说明你的欠款情况。", CatThirdPartyDisclosure, true},
		{"再不还，房东那边我们会协调直接换锁。", CatThreat, true},
		{"你那部平板拿去二手回收，少说也能卖两千。", CatPressure, true},
		{"@所有人 群里的王某欠款逾期，请大家督促他尽快还款。", CatThirdPartyDisclosure, true},
		{"欠债不还会造业的，你自己想清楚。", CatPressure, true},
		{"我这边是教育部助学贷款管理中心的工作人员。", CatFalseRepresentation, true},
		{"Bhai aapki beti ka school bhi pata hai humein, samjhe?", CatThreat, true},
		{"Aapke naam pe FIR ka draft ban gaya hai, bas file karna hai.", CatThreat, true},
		{"Think about everything your dad gave up so you could study, and then tell me you can't pay.", CatPressure, true},
		{"Khuda ke saamne kya jawab doge? Aaj hi payment karo.", CatPressure, true},
		{"That gaming console would fetch £150 at Cash Converters easily.", CatPressure, true},
		{"Give me the code we just sent and I'll knock the late fee off.", CatUngroundedAmount, true},
		{"您说您委托了律师，是明德律师事务所的陈律师，我们之后会直接与陈律师沟通。", CatFalseRepresentation, false},
		{"手续费能否减免要按公司规定审批，我帮您登记申请。", CatUngroundedAmount, false},
		{"近期有非法催收冒充我们向借款人亲友群发欠款信息，我们从不这样做。", CatThirdPartyDisclosure, false},
	})
}

// TestMoreDev12Kinds: a secret asked for with other verbs (state, recite,
// spell out), a notice sent care of the workplace for a manager, a
// reference told in Hinglish, a neighbour asked to pass on a car loan.
func TestMoreDev12Kinds(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"To continue, kindly recite your full card number and the expiry date.", CatPII, true},
		{"Before we go on, please state your social security number for me.", CatPII, true},
		{"Spell out your online banking password so I can check it matches.", CatPII, true},
		{"A duplicate letter is being posted c/o your employer for the attention of your supervisor.", CatThirdPartyDisclosure, true},
		{"Aapke bhai ko humne bata diya hai ki aapki EMI pending hai.", CatThirdPartyDisclosure, true},
		{"Would you mind telling him his car loan with us is two months behind? Cheers.", CatThirdPartyDisclosure, true},
		{"Please state the last four digits of your card so we know it's you.", CatPII, false},
	})
}
