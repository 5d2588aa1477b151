package policies

import "testing"

// TestEarlierMessageDisowned: a message that tells the borrower to ignore
// or disregard an earlier message, and disowns it (an apology, not our
// practice, should not have been sent), reports that message: what it is
// said to have held is not the sender's own statement. What the message
// then says on its own is read as ever, and an instruction to ignore a
// message that is not disowned excuses nothing.
func TestEarlierMessageDisowned(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Please disregard yesterday's text telling you to borrow from your family. It should never have been sent, and we apologise.", CatPressure, false},
		{"Kindly ignore the previous email that mentioned contacting your employer; that is not something we do.", CatThirdPartyDisclosure, false},
		{"Ignore the voicemail saying bailiffs would call round, it was sent in error and we are sorry.", CatThreat, false},
		{"请忽略昨天那条让您找朋友借钱的短信，那不是我们的做法。", CatPressure, false},
		{"之前那条说要通知您单位的消息请忽略，是我们发错了，非常抱歉。", CatThirdPartyDisclosure, false},
		{"Ignore the earlier text. Borrow it from your brother and pay us today.", CatPressure, true},
		{"Ignore our last message and reply with the security code on your card.", CatPII, true},
		{"忽略之前的短信，今天不还我们就去你单位找你。", CatThreat, true},
	})
}

// TestGuaranteeRefused: a credit score or a record the sender says it
// cannot guarantee, or a waiver it will ask for without promising, is no
// promise ("I can't guarantee your score will go up", 没办法保证信用分会涨);
// the same words with the guarantee given are.
func TestGuaranteeRefused(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Honestly I can't guarantee your credit score will go up once it's paid; that's down to the bureaus.", CatFalseRepresentation, false},
		{"There's no guarantee the late marker comes off your credit file, that's the bureau's call.", CatFalseRepresentation, false},
		{"说实话我们没办法保证还清后信用分一定会涨，要看征信中心。", CatFalseRepresentation, false},
		{"還清之後個信貸評分會唔會升，我哋冇辦法保證。", CatFalseRepresentation, false},
		{"I guarantee your credit score will jump once this is paid.", CatFalseRepresentation, true},
		{"我保证还清后征信记录马上删掉。", CatFalseRepresentation, true},
	})
}

// TestIgnoringTheSenderIsNoDisowning: "ignore" said of what the borrower
// does (if you ignore our calls, 你再无视我们的电话) disowns nothing, even
// beside an apology.
func TestIgnoringTheSenderIsNoDisowning(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Sorry, but if you ignore our calls again we will send someone to your workplace.", CatThreat, true},
		{"你再无视我们的电话，对不起，我们只能去你单位找你了。", CatThreat, true},
	})
}

// TestNothingOfTheKindExists: process denied as not existing, before or
// after its terms (不存在…的情况, "koi … ki baat nahi", "… nahi hai"), is a
// reassurance; the same terms asserted are read.
func TestNothingOfTheKindExists(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"这里并不存在起诉或者拘留的问题，您放心。", CatThreat, false},
		{"您这笔账不存在上门催收的情况，我们只做电话和短信提醒。", CatThreat, false},
		{"Ma'am, jail ya FIR ki koi baat nahi hai, sirf payment reminder hai.", CatThreat, false},
		{"Aapke khilaaf koi court case nahi hai, sirf EMI pending hai.", CatFalseRepresentation, false},
		{"存在上门的可能，你自己看着办。", CatThreat, true},
		{"Court case file ho chuka hai, ab jail ki taiyari karo.", CatThreat, true},
	})
}

// TestInsultAtAThing: a rude word aimed at a thing (stupid autocorrect,
// this useless app, 垃圾系统) insults nobody; aimed at the borrower it does.
func TestInsultAtAThing(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Sorry, the stupid spellcheck changed your name. It's fixed now.", CatHarassment, false},
		{"This useless website timed out again, I'll resend the link.", CatHarassment, false},
		{"Apologies, our dumb phone system dropped the call.", CatHarassment, false},
		{"不好意思，这个垃圾系统又卡了，我稍后重发。", CatHarassment, false},
		{"You're as stupid as your excuses.", CatHarassment, true},
		{"你就是个垃圾。", CatHarassment, true},
	})
}

// TestMenaceWithoutAnAct: menace that names no act of the sender's (anything
// can happen, a job not kept, a child's school day known, immigration
// told, "you know how it is"), in other words than those the lexicon was
// first given; safety advice and a job named otherwise stay clean.
func TestMenaceWithoutAnAct(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Anything can happen when people stop answering us.", CatThreat, true},
		{"Raaste mein kuch bhi ho sakta hai, dhyan rakhna.", CatThreat, true},
		{"路上什么事都有可能发生，你自己小心点。", CatThreat, true},
		{"Your employer might not keep you on once this escalates.", CatThreat, true},
		{"Aapki naukri bhi khatre mein pad sakti hai.", CatThreat, true},
		{"再拖下去，你这个饭碗怕是保不住。", CatThreat, true},
		{"你女儿每天几点放学我们清楚得很。", CatThreat, true},
		{"We know what time your daughter finishes school.", CatThreat, true},
		{"移民局那边要是知道你欠钱不还，你的身份就麻烦了。", CatThreat, true},
		{"下周换个部门跟进你，怎么跟进你懂的。", CatThreat, true},
		{"If you are worried about losing your job, we can pause payments while you look for work.", CatThreat, false},
		{"我们可以把还款日调到孩子放学后您方便接电话的时间。", CatThreat, false},
	})
}

// TestDev10KindsInOtherWords: more kinds dev10 showed, in other words.
// Clean: a fraud named as the kind of a message or call (诈骗短信, "fraud
// calls"), a colleague's offer retracted as beyond his authority, a credit
// score or a waiver not guaranteed. Violations: faith invoked to shame,
// borrowing from colleagues urged, meals skipped, a remote-access app to
// install.
func TestDev10KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"近期有诈骗电话冒充我司，请不要向任何人透露验证码。", CatFalseRepresentation, false},
		{"Watch out for fraud texts using our name; we never ask for your PIN.", CatFalseRepresentation, false},
		{"我同事讲可以免晒利息，佢其实无权咁承诺，唔好意思。", CatUngroundedAmount, false},
		{"My colleague told you the fees would be dropped; he wasn't authorised to offer that, and I apologise.", CatUngroundedAmount, false},
		{"我这边没法保证您的征信分数会提高多少，这要看征信中心。", CatFalseRepresentation, false},
		{"减免申请需要上级审批，我可以帮您递交，结果以审批为准。", CatUngroundedAmount, false},
		{"老天爷都看着呢，欠钱不还会有报应的。", CatPressure, true},
		{"The Lord is watching how you treat your debts, brother.", CatPressure, true},
		{"找同事朋友凑一凑嘛，这点钱有什么难的。", CatPressure, true},
		{"少吃几顿饭又饿不死，先把钱还了。", CatPressure, true},
		{"Download AnyDesk and read me the nine-digit code so I can sort the payment for you.", CatPII, true},
	})
}

// TestThirdPartyOfferedTheMatter: the sender offers to take the borrower's
// repayment up with a boss, a pastor or the whole office, or says it holds
// their number, in other words than dev10's.
func TestThirdPartyOfferedTheMatter(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"要不要我打给你们领导，聊聊你的还款问题？", CatThirdPartyDisclosure, true},
		{"你房东的电话我都有，要不要我同佢讲讲？", CatThirdPartyDisclosure, true},
		{"Keep ignoring us and everyone at your work will hear why.", CatThirdPartyDisclosure, true},
		{"如果老板推迟发工资影响到您的还款情况，可以告诉我们调整日期。", CatThirdPartyDisclosure, false},
	})
}
