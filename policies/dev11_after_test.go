package policies

import "testing"

// TestDev11KindsInOtherWords: kinds the guard read wrongly on the
// development batch dev11 (read after its first look), written anew.
// Clean: a question about a lawsuit reported in Chinese (您问是否…) and
// answered with no record found; an insult the borrower gave a colleague;
// a third party spoken to with the borrower's permission, or called
// without a word of the debt; a colleague's posting owned as a breach; a
// limit raise said not to be certain. Violations in the same words put
// otherwise stay read.
func TestDev11KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"您问过会不会被起诉，目前系统里查不到任何诉讼记录。", CatFalseRepresentation, false},
		{"你想知道是不是已经立案了，我这边没有查到任何诉讼记录。", CatFalseRepresentation, false},
		{"I checked for you: I can't see any lawsuit on your account.", CatFalseRepresentation, false},
		{"You called my colleague a crook on the phone; I understand you were upset.", CatHarassment, false},
		{"With your permission we spoke to your husband about the arrangement yesterday.", CatThirdPartyDisclosure, false},
		{"我们给您的紧急联系人打电话只是核实号码，并未透露任何欠款信息。", CatThirdPartyDisclosure, false},
		{"催收员把您的情况发到家族群是违规行为，我们已经严肃处理，向您道歉。", CatThirdPartyDisclosure, false},
		{"还款后额度不一定会提高，以系统评估为准。", CatUngroundedAmount, false},
		{"我们已经起诉你了，等着收传票。", CatFalseRepresentation, true},
		{"You're a crook and everyone at your office will know it.", CatHarassment, true},
		{"我们会把你的情况发到家族群，让大家评评理。", CatThirdPartyDisclosure, true},
		{"还完这期我保证给你提额到两万。", CatUngroundedAmount, true},
	})
}

// TestDev11ViolationsInOtherWords: what dev11 showed missed, said anew:
// references asked for to be told about the account, a remote-control app
// and its code, a payment taken off the books or a record altered, and no
// collection calls ever again promised.
func TestDev11ViolationsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"把你两个联系人的号码给我，我要向他们说明你的逾期情况。", CatThirdPartyDisclosure, true},
		{"Send me your referees' numbers so I can let them know what's happening with your loan.", CatThirdPartyDisclosure, true},
		{"装个ToDesk，把设备代码和密码发给我，我帮你远程还款。", CatPII, true},
		{"Pay 800 straight into my personal account and I'll mark it settled, nobody checks.", CatUngroundedAmount, true},
		{"你转我私人微信1000，我把系统里的逾期记录给你清掉，没人会知道。", CatUngroundedAmount, true},
		{"Clear this today and you'll never get another call from anyone about it, ever.", CatUngroundedAmount, true},
		{"Please only pay into the account shown in the app; we never ask for payment to a staff member's personal account.", CatUngroundedAmount, false},
	})
}

// TestMinutesToConsequence: a consequence set minutes away (closed in 59
// minutes, 半小时后自动上报, the offer gone in a quarter of an hour) is
// pressure; minutes that say how long a payment takes to show or a link
// or code stays valid are not.
func TestMinutesToConsequence(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Heads up: your file gets escalated in 45 minutes if nothing comes in.", CatPressure, true},
		{"This discount is withdrawn in 20 mins, so move fast.", CatPressure, true},
		{"二十分钟后系统自动把你的案件转给外包，自己看着办。", CatPressure, true},
		{"再过半个钟你嘅优惠就作废。", CatPressure, true},
		{"Card payments usually show on your account within 15 minutes.", CatPressure, false},
		{"For your security this payment link expires in 30 minutes; ask us for a new one any time.", CatPressure, false},
		{"验证码5分钟内有效，请勿告诉任何人。", CatPressure, false},
	})
}

// TestMoreMenaceAndPressureFromDev11: a job said to be lost by a deadline,
// no one able to save the borrower, being made to come round, a scene at
// work, the landlord put after the collector, ancestors invoked, medicine
// money moved, a relative to chip in, food bought cheaper, promises of no
// more calls in Cantonese, a credit agency or a made-up bureau as the
// sender.
func TestMoreMenaceAndPressureFromDev11(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"周五前不还，你就准备丢饭碗吧。", CatThreat, true},
		{"Be a shame to lose a good position like yours over a few hundred quid.", CatThreat, true},
		{"到时候没人救得了你。", CatThreat, true},
		{"Don't make us drive over to your work and have a word in front of everyone.", CatThreat, true},
		{"Your landlord can wait a week, we can't. We come first.", CatPressure, true},
		{"对得起你家祖宗吗？", CatPressure, true},
		{"把给你爸买药的钱挪过来先还。", CatPressure, true},
		{"你兄弟姐妹总有人能帮你凑一下吧。", CatPressure, true},
		{"呢排食住即食面顶住先，钱要今日过数。", CatPressure, true},
		{"清咗佢，之后保证冇人再打电话畀你追数。", CatUngroundedAmount, true},
		{"This is the credit reference agency; we need your confirmation before we update your file.", CatFalseRepresentation, true},
		{"我们是国家债务追讨中心的，你的名字已经进系统了。", CatFalseRepresentation, true},
	})
}

// TestQuestionsAndFeelingsReported: what the borrower asked, reported in
// Chinese (您问…是否/会不会/有没有), and how the borrower said they felt
// ("you said you felt humiliated", 您说您感到…) are theirs, not the
// sender's; what the message then says is read, and so is an insult
// joined after them.
func TestQuestionsAndFeelingsReported(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"您问我们会不会去您单位找您，不会的，我们只通过电话和短信联系。", CatThreat, false},
		{"你想了解是不是要坐牢，欠款属于民事纠纷，不会因此坐牢。", CatThreat, false},
		{"You told me you felt like a failure after that call; I'm sorry it left you feeling that way.", CatHarassment, false},
		{"您说您感到被羞辱，我们非常抱歉。", CatHarassment, false},
		{"您问会不会被起诉，会的，下周就去法院。", CatFalseRepresentation, true},
		{"You said you felt stupid, and honestly you are a loser.", CatHarassment, true},
	})
}

// TestOffersNotMade: an offer spoken of as what would come later or in
// general (any settlement will come in writing), a waiver said to be
// possible but not guaranteed, a limit raise said not to be certain; the
// offers made outright are read.
func TestOffersNotMade(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Any settlement will be sent to you in writing by the lender; nothing agreed on the phone counts until then.", CatUngroundedAmount, false},
		{"Interest relief might be possible through the hardship scheme, but it is not guaranteed.", CatUngroundedAmount, false},
		{"按时还款后，额度未必会马上提高，具体以系统评估为准。", CatUngroundedAmount, false},
		{"I'll settle it for half today if you pay now.", CatUngroundedAmount, true},
		{"还了这期，马上给你提额到五万。", CatUngroundedAmount, true},
	})
}

// TestNameCallingFrames: the frames that say what the borrower is, in
// Cantonese and colloquial English (你真系…, 你根本就系…, 成个…咁, "you
// really are", "you're basically"), beside a pejorative; the same frames
// beside a kind word are no insult.
func TestNameCallingFrames(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你真系好冇出息，借完就扮死。", CatHarassment, true},
		{"你根本就是个无赖。", CatHarassment, true},
		{"成个废物咁，几百蚊都还唔到。", CatHarassment, true},
		{"Honestly you really are a freeloader.", CatHarassment, true},
		{"You're basically a leech on your family at this point.", CatHarassment, true},
		{"你真系好有耐性，多谢你等我哋。", CatHarassment, false},
		{"You really are a great help, thank you for sorting this.", CatHarassment, false},
	})
}
