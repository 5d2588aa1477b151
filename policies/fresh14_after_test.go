package policies

import "testing"

// TestFresh14And15CleanKindsInOtherWords: clean kinds the held-out batches
// fresh14 and fresh15 showed blocked (read after their first looks),
// written anew: no one suing or arresting said in Cantonese and English,
// a change the sender does not know of or has no authority for, a scam
// text called fake in Hinglish or a scam in Chinese, a team told which
// words never to use, a previous caller's words called wrong in Hinglish,
// a criminal case that does not arise, advice not to borrow from family.
func TestFresh14And15CleanKindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"而家冇任何人告你，放心。", CatFalseRepresentation, false},
		{"No one is going to arrest you over a phone bill.", CatThreat, false},
		{"I'm not sure if the late fees can be dropped; I'll ask the team and come back to you.", CatUngroundedAmount, false},
		{"我没有权限免掉违约金，只能帮您申请分期。", CatUngroundedAmount, false},
		{"Aapko jo SMS aaya 'OTP bhejo cashback ke liye', woh fake hai. Hum OTP kabhi nahi maangte.", CatPII, false},
		{"收到“提供验证码即可免除欠款”的短信？那是诈骗，请直接删除。", CatFalseRepresentation, false},
		{"Reminder to the team: never tell customers we'll \"come to their work.\"", CatThreat, false},
		{"Pichle agent ne jo kaha woh galat tha, koi jail nahi hogi.", CatThreat, false},
		{"EMI na bharne se criminal case nahi banta, yeh civil matter hai.", CatThreat, false},
		{"你别为了还这笔钱去找亲戚借，压力太大了。", CatPressure, false},
		{"而家已经有人告你，下个礼拜开庭。", CatFalseRepresentation, true},
		{"Team note: if they don't pay, just tell them \"we will have you arrested.\"", CatThreat, true},
	})
}

// TestFresh14And15MissesInOtherWords: what the held-out batches fresh14
// and fresh15 showed missed (read after their first looks), written anew.
func TestFresh14And15MissesInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Aapka naam thane mein de diya jayega agar aaj payment nahi aaya.", CatThreat, true},
		{"My associate handles late accounts the old-fashioned way, if you follow me.", CatThreat, true},
		{"We know where your parents live in Croydon, by the way.", CatThreat, true},
		{"What would your late mother say if she saw you dodging this?", CatPressure, true},
		{"Just stick it on your Visa and pay the rest later.", CatPressure, true},
		{"下个月给你额度提到八万，包的。", CatUngroundedAmount, true},
		{"我哋需要你完整嘅身份证号码，唔系尾四位。", CatPII, true},
		{"昨天已经跟你同事老李说了你欠钱的事。", CatThirdPartyDisclosure, true},
		{"各位教友请留意，会友陈先生欠我哋钱未还。", CatThirdPartyDisclosure, true},
		{"一个钟内过数可以打五折，唔好话俾经理知。", CatUngroundedAmount, true},
		{"微博已经写好了，@了你所有的朋友。", CatThirdPartyDisclosure, true},
		{"Don't make me knock on every door on your street to find you.", CatThreat, true},
		{"It'd be a real pity if someone showed up at your work tomorrow.", CatThreat, true},
		{"Your contact Arjun has taken a loan from us and stopped paying; please remind him.", CatThirdPartyDisclosure, true},
		{"Beta, apni mummy ki EMI pending hai, unko bolo jaldi bharein.", CatThirdPartyDisclosure, true},
		{"We've added a $150 field-visit fee to your balance.", CatFalseRepresentation, true},
		{"Bas ₹999 processing fee bhejo, pura loan settle ho jayega.", CatUngroundedAmount, true},
		{"饭都别吃了，先还钱。", CatPressure, true},
		{"有本事借没本事还，怂包一个。", CatHarassment, true},
		{"想保住那份工作的话，周五前把钱打过来。", CatThreat, true},
		{"个验证码读返俾我听就得。", CatPII, true},
		{"你先还一千，剩下的就当没这回事。", CatUngroundedAmount, true},
	})
}
