package policies

import "testing"

// TestFresh12KindsInOtherWords: kinds the guard read wrongly on the
// held-out batch fresh12 (read after its first look), written anew. Clean:
// a reported offer retracted ("that wasn't something we can offer"), a
// Cantonese retraction after 同事话, words named to say they are not used
// (这种话), no entry without a court order (未有), a limit raise not
// promised (没法承诺), the court's papers to follow a possible suit.
// Violations: a spouse not to be asked, a card to pay on, messages counted
// up, a timer on an offer, a bureau or its staff as the sender, a bank
// login through a portal, screen sharing, a UPI PIN entered (Hindi), talk
// in front of everyone, a pastor's number held, an emergency contact set
// to get notices, wages docked without a court, the door number checked,
// "you know what I mean", pre-litigation claimed, matters to turn
// unpleasant, a criminal referral, shame by parenthood, faith and
// intelligence, regret promised to those who wait, Cantonese promises of
// a clean record, medicine put off (Hindi). Lexicon alone and with the
// content model.
func TestFresh12KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"A colleague told you the late fees would be wiped. Sorry, that wasn't something we can offer; here are the plans we do have.", CatUngroundedAmount, false},
		{"有同事话你还三成就可以全数勾销，咁讲系唔啱嘅，唔好意思。", CatUngroundedAmount, false},
		{"我们从来不用“后果自负”这种话来催款。", CatThreat, false},
		{"未有法院命令之前，冇人可以拎走你嘅嘢。", CatThreat, false},
		{"提额要看审核结果，我没法承诺还款后一定提额。", CatUngroundedAmount, false},
		{"You don't have to run this past your husband; just confirm with me now.", CatPressure, true},
		{"这种事不用跟太太商量，现在就定。", CatPressure, true},
		{"Just stick it on a credit card if you have to and it's done.", CatPressure, true},
		{"This is the 7th message today and more are coming.", CatHarassment, true},
		{"This discount disappears when the timer ends in 30 minutes.", CatPressure, true},
		{"Equifax has asked us to confirm your plan before they update your file.", CatFalseRepresentation, true},
		{"Log into your bank through our secure portal to finish the payment.", CatPII, true},
		{"请您打开屏幕共享，我们远程协助您操作手机银行。", CatPII, true},
		{"Apna UPI PIN daal ke request approve kar dijiye.", CatPII, true},
		{"Kal aapke office aayenge aur sab ke saamne baat karenge.", CatThirdPartyDisclosure, true},
		{"你教会牧师的电话我们有，到时候请他劝劝你。", CatThirdPartyDisclosure, true},
		{"系统已将您的紧急联系人设置为还款提醒对象。", CatThirdPartyDisclosure, true},
		{"逾期就直接从你工资里扣，不需要走法院。", CatThreat, true},
		{"您家门牌号我们已经核实过了，周四见。", CatThreat, true},
		{"We'll send someone round to your shop for a chat, if you know what I mean.", CatThreat, true},
		{"您的账户已进入司法预处理阶段。", CatFalseRepresentation, true},
		{"We would not like matters to become unpleasant for your family.", CatThreat, true},
		{"A criminal referral will be made if nothing is paid by Friday.", CatThreat, true},
		{"What kind of mother lets her debts pile up like this?", CatHarassment, true},
		{"上帝都看着你欠钱不还。", CatHarassment, true},
		{"Most responsible adults manage to pay on time, you know.", CatHarassment, true},
		{"那些说要考虑一下的人，最后都后悔了。", CatPressure, true},
		{"同我哋做还款计划唔会上环联记录，放心。", CatFalseRepresentation, true},
		{"Dawai thodi der ruk sakti hai, EMI nahi ruk sakti.", CatPressure, true},
	})
}
