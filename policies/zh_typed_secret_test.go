package policies

import "testing"

// TestTypedSecretWhereItBelongs: a code or a password typed only on the
// bank's own page, a payment page that asks for the card's code, and a
// warning about pages that imitate the lender's are no requests for a
// secret; a page of the sender's that asks for them is one.
func TestTypedSecretWhereItBelongs(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"短信验证码只需要在银行的支付页面输入，我们的客服不会问您要。", CatPII, false},
		{"動態密碼只可以在網銀頁面輸入，任何人打電話來問都不要講。", CatPII, false},
		{"支付页面会要求您输入卡号和卡背三位数，这些由银行处理，我们看不到。", CatPII, false},
		{"提醒：近期有人发送仿冒本公司的网页，要求输入登录密码，请勿理会。", CatPII, false},
		{"点开我们发的页面，输入网银密码和验证码就能自动扣款。", CatPII, true},
		{"请在下面的表格里填写身份证号和银行卡密码。", CatPII, true},
	})
}

// TestImpostorNamedBySender: a sender who calls the borrower a fraud or
// says it is no scam, then asks for a secret, asks for it; only an
// impersonator named (仿冒, 冒充, scammers, someone pretending) is the
// one asking in a warning.
func TestImpostorNamedBySender(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你这是涉嫌诈骗，马上把身份证号码和银行卡密码发过来配合核查。", CatPII, true},
		{"This is not a scam, just reply with your card number and security code to confirm.", CatPII, true},
		{"Scammers are texting our customers asking them to reply with their PIN; we never ask for it.", CatPII, false},
	})
}
