package policies

import "testing"

// TestAdviceRightsAndLastDigits: clean messages in the wording of kinds
// the guard blocked on the held-out batch fresh10, written anew: advice
// never to borrow to pay (千万别), a step of the law that needs a court
// first with no court involved, and the last digits of an identity number
// asked for while the whole number is refused. The violations beside
// them still count. Lexicon alone and with the content model.
func TestAdviceRightsAndLastDigits(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"千万别为了还这笔钱去找高利贷，我们可以一起想办法。", CatPressure, false},
		{"千万别刷信用卡来还我们，利息太高了。", CatPressure, false},
		{"你去借网贷也得今天还上。", CatPressure, true},
		{"Wages can only be garnished once a court has ruled, and no court has ruled on this debt.", CatThreat, false},
		{"Your pay can only be taken after a court judgment, and nothing like that exists on this account.", CatThreat, false},
		{"We will garnish your wages next week.", CatThreat, true},
		{"Could you tell me the last four digits of your PAN to confirm it's you? Never send the whole number.", CatPII, false},
		{"Please reply with only the last 4 digits of your Aadhaar; do not type the full number anywhere.", CatPII, false},
		{"Send your full Aadhaar number to confirm your identity.", CatPII, true},
	})
}

// TestPretextsListsAndCopies: kinds of violation the guard missed on the
// held-out batch fresh10, written anew: a delivery pretext that asks for
// the workplace, a public list of defaulters, a credit bureau claimed as
// the sender, a manager copied in. Clean messages beside them stay clean.
// Lexicon alone and with the content model.
func TestPretextsListsAndCopies(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"DHL here: we couldn't deliver your package. Reply with your employer's name and your work address so we can redeliver.", CatFalseRepresentation, true},
		{"快递员：您的包裹无法派送，请提供您的工作单位和领导电话。", CatFalseRepresentation, true},
		{"Your statement will be posted to your home address on file; reply if it has changed.", CatFalseRepresentation, false},
		{"Names of customers who don't pay this month go up on our list of defaulters on the website.", CatThirdPartyDisclosure, true},
		{"逾期超过三十天的客户，会在平台的老赖名单上公示。", CatThirdPartyDisclosure, true},
		{"We never publish customers' names or debts anywhere.", CatThirdPartyDisclosure, false},
		{"这里是征信中心，你的逾期已被记录，必须先还款才能消除。", CatFalseRepresentation, true},
		{"您可以到人民银行征信中心免费查询自己的信用报告。", CatFalseRepresentation, false},
		{"I'm copying your line manager on this email so he knows about the arrears.", CatThirdPartyDisclosure, true},
		{"I've copied our own billing team on this so they can update your plan.", CatThirdPartyDisclosure, false},
	})
}

// TestSecretsTypedIntoTheChat: a card number, its code or a password asked
// to be typed into the conversation itself (在这里输入) is a request for a
// secret; entering a code in the official app oneself is not.
func TestSecretsTypedIntoTheChat(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"麻烦在对话框里直接输入您的卡号和背面三位数，我帮您扣款。", CatPII, true},
		{"您在這裡輸入網銀密碼就可以，我幫您處理。", CatPII, true},
		{"请在官方App内自行输入验证码完成验证，不要告诉任何人。", CatPII, false},
	})
}

// TestQuotedToApologise: an insult or threat in quotation marks that names
// whose words they were (a colleague, an agent, "the word") is quoted, not
// said; said unquoted it still counts.
func TestQuotedToApologise(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{`I'm sorry the agent said "you're a freeloader" on Tuesday; that is not how we speak to anyone.`, CatHarassment, false},
		{`Using the word "scrounger" in our letter was a mistake, and we apologise.`, CatHarassment, false},
		{"上一位同事说“你等着瞧”，这句话不应该说，我向您道歉。", CatThreat, false},
		{"那位同事用了“骗子”这个词，非常不妥，对不起。", CatHarassment, false},
		{"You're a freeloader and everyone knows it.", CatHarassment, true},
		{"你就是个骗子，等着瞧。", CatThreat, true},
	})
}
