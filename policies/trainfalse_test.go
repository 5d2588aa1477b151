package policies

import "testing"

// TestLawAndRequestNotices: families of clean messages the lexicon blocked
// (TestLexiconCleanTrainingRows lists them), in other words than the
// corpus's: what only a court may do (只有法院…), proceedings that have not
// been started (尚未…, 法院没有任何关于您的…, nothing in the public court
// records), legal process as a hypothetical of the future or of the
// creditor's decision (若未来…, 如果法院…, "if the creditor decides to sue,
// …", "if you are sued, …"), the borrower's own rights (您有权…, 法律告知：),
// a time limit that has passed (the deadline for suing, 法院已不再受理) and
// exemptions from garnishment; a waiver or a discount that only the
// creditor can approve, that the sender wishes it could give, or that is
// not available; a scam warning about anyone who asks for a code; a
// quotation after "you told me", "you called me", "the letter said" or
// 您投诉. Each beside a message of the same family that still asserts it.
func TestLawAndRequestNotices(t *testing.T) {
	t.Parallel()
	tests := []categoryCase{
		// What only a court may do.
		{"只有法院才有权查封财产，我们没有这个权力。", CatThreat, false},
		{"只有法院才有权查封财产，我们没有这个权力。", CatFalseRepresentation, false},
		{"工资能否被扣划，只有法院依法裁定才能决定。", CatFalseRepresentation, false},
		{"只有法院能救你了，我们明天就起诉。", CatFalseRepresentation, true},
		// Proceedings not started.
		{"这笔欠款尚未提起任何诉讼，我们愿意先和您商量方案。", CatFalseRepresentation, false},
		{"法院目前没有任何关于您的立案记录。", CatFalseRepresentation, false},
		{"No claim has been lodged with any court; the public court records will confirm that.", CatFalseRepresentation, false},
		{"我们尚未起诉，但下周一定起诉你。", CatFalseRepresentation, true},
		// Legal process as a hypothetical.
		{"若未来需要走法律程序，我们会先书面通知您。", CatFalseRepresentation, false},
		{"如果法院判决支持债权人，您仍然可以申请分期履行。", CatFalseRepresentation, false},
		{"If your creditor ever decides to take legal action, you will get court papers and can respond to them.", CatFalseRepresentation, false},
		{"If you are sued on a debt this old, you can ask the court to dismiss the claim.", CatFalseRepresentation, false},
		{"如果法院判决下来，我们就会查封你的房子。", CatThreat, true},
		{"If the creditor decides to sue, we will also send someone to take your car.", CatThreat, true},
		// The borrower's rights, a notice of the law.
		{"您有权对一审判决提出上诉。", CatFalseRepresentation, false},
		{"法律告知：债权人须先取得法院判决，才能申请强制执行。", CatFalseRepresentation, false},
		{"法律规定，欠款超过半年不还就要坐牢。", CatThreat, true},
		{"You may be entitled to exemptions from garnishment under state law.", CatThreat, false},
		// A time limit that has passed.
		{"The deadline for bringing a lawsuit on this debt has passed.", CatFalseRepresentation, false},
		{"这笔债务年代太久，法院已不再受理相关起诉。", CatFalseRepresentation, false},
		// A term only the creditor can approve, wished for, or not available.
		{"Only your lender can approve a fee waiver; I've passed your request on.", CatUngroundedAmount, false},
		{"Late fees can be removed only by the lender, and I've asked them to consider it.", CatUngroundedAmount, false},
		{"I wish I could cut the interest for you, but that decision isn't mine.", CatUngroundedAmount, false},
		{"I know you hoped for a discount; I've put the question to the creditor.", CatUngroundedAmount, false},
		{"An interest freeze is not available on this account at the moment.", CatUngroundedAmount, false},
		{"我会向主管帮您申请减免，目前还不能保证结果。", CatUngroundedAmount, false},
		{"We can waive your late fees today if you pay.", CatUngroundedAmount, true},
		{"The lender has agreed to drop the interest on your account.", CatUngroundedAmount, true},
		// A scam warning.
		{"如遇陌生来电索要短信验证码，请直接挂断。", CatPII, false},
		{"任何人向您索要银行卡密码，都请不要提供。", CatPII, false},
		{"近期骗子较多，请小心诈骗，不要轻信陌生链接。", CatThreat, false},
		{"近期骗子较多，请小心诈骗，不要轻信陌生链接。", CatHarassment, false},
		{"请把短信验证码发给我。", CatPII, true},
		// Someone else's words, quoted.
		{"You told me \"I'm an idiot with money\". You're not, this happens to many people.", CatHarassment, false},
		{"You called me \"a liar\" earlier. I understand you're upset.", CatHarassment, false},
		{"The letter said \"final demand\", but no action is planned and there is no deadline.", CatPressure, false},
		{"您投诉我们的员工说您是“骗子”，我们已经严肃处理。", CatHarassment, false},
	}
	checkCategoryCases(t, tests)
}

// TestCleanWordingSecond: more families of clean messages the lexicon
// blocked, in other words than the corpus's: a payment not received (没收到
// holds 没收, confiscate), an annual fee waived when the waiver was granted,
// "do not" before the term, the borrower's question put with "whether", a
// zero balance stated as what follows payment, contact with a third party
// stopped, what needs a court first (未经法院…, 需要经过法院, …后才会), a
// garnishment that would require a judgment, a visit denied (不上门) and
// advice to keep evidence and call the police. Each beside a message of the
// family that still asserts it.
func TestCleanWordingSecond(t *testing.T) {
	t.Parallel()
	fee := []string{TermFeeWaiver}
	tests := []struct {
		text    string
		granted []string
		cat     string
		flag    bool
	}{
		{"您这个月的款项我们还没收到，方便时请处理。", nil, CatThreat, false},
		{"再不还款就没收你的车。", nil, CatThreat, true},
		{"您的信用卡年费已按规定免除。", fee, CatUngroundedAmount, false},
		{"Your annual fee has been waived this year.", fee, CatUngroundedAmount, false},
		{"您的信用卡年费已按规定免除。", nil, CatUngroundedAmount, true},
		{"We do not act for the court and have no power to enforce anything.", nil, CatFalseRepresentation, false},
		{"We act for the court and will enforce this order.", nil, CatFalseRepresentation, true},
		{"Please do not take out a payday loan to pay us.", nil, CatPressure, false},
		{"Take out a payday loan and pay us today.", nil, CatPressure, true},
		{"You asked whether you could be arrested over this. You cannot.", nil, CatThreat, false},
		{"Once paid the account will show a zero balance.", nil, CatUngroundedAmount, false},
		{"Your account now shows a zero balance.", nil, CatUngroundedAmount, true},
		{"按您的要求，我们已停止联系您的同事。", nil, CatThirdPartyDisclosure, false},
		{"我们会联系您的同事，告诉他您欠钱不还。", nil, CatThirdPartyDisclosure, true},
		{"未经法院判决，任何人都不能扣押您的工资。", nil, CatFalseRepresentation, false},
		{"未经法院判决，任何人都不能扣押您的工资。", nil, CatThreat, false},
		{"强制执行需要经过法院，我们自己不能处理。", nil, CatFalseRepresentation, false},
		{"Any garnishment of wages would require a judgment first, and there is none.", nil, CatThreat, false},
		{"我们不上门，也不会去您单位。", nil, CatThreat, false},
		{"明天我们上门找你。", nil, CatThreat, true},
		{"请保存好证据并报警，我们会全力配合。", nil, CatThreat, false},
		{"再不还钱我们就报警抓你。", nil, CatThreat, true},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			checkCategory(t, g, tc.text, tc.cat, tc.flag, tc.granted)
		}
	}
}

// TestAnyoneWhoWarnings: a warning about anyone who claims to be someone
// or asks for something (任何自称…的都是骗子, 任何问您要…的人) accuses no one
// the message is sent to, and a number removed from a contact list (联系
// 列表) is no contact with a third party; each beside a message of the
// family that still asserts it.
func TestAnyoneWhoWarnings(t *testing.T) {
	t.Parallel()
	tests := []categoryCase{
		{"任何自称法院工作人员要求您转账的都是骗子。", CatHarassment, false},
		{"任何自称法院工作人员要求您转账的都是骗子。", CatFalseRepresentation, false},
		{"任何问您要验证码的人都是骗子，请勿理会。", CatHarassment, false},
		{"你就是个骗子。", CatHarassment, true},
		{"按您的意思，我们已经把您父母的电话从联系列表中删掉了。", CatThirdPartyDisclosure, false},
		{"我们会联系你的单位。", CatThirdPartyDisclosure, true},
	}
	checkCategoryCases(t, tests)
}
