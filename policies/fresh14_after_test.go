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
