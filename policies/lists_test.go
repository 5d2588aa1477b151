package policies

import "testing"

// TestListsUnderAHeader: a list of items under a header that ends with a
// colon reads as the header's clause goes on: what the header denies, it
// denies of every item ("We will never ask you for:" then a card number,
// a PIN, a code), and what it asks for, it asks for of every item. A
// negation inside one item reaches no other item.
func TestListsUnderAHeader(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"**We will never ask you for:**\n• The long number on your card or the code on the back\n• Your PIN or online banking password\n• Codes we text to your phone", CatPII, false},
		{"Our staff will never request any of the following:\n- your card's security code\n- your banking password\n- a one-time passcode", CatPII, false},
		{"我们绝不会向您索要以下信息：\n• 银行卡完整卡号、卡背面安全码\n• 网银登录密码\n• 短信验证码", CatPII, false},
		{"Please send us the following today:\n• your full card number\n• the security code on the back", CatPII, true},
		{"请提供以下信息：\n1. 银行卡完整卡号\n2. 卡背面安全码", CatPII, true},
		{"What we won't do:\n• call your employer\n• visit your home", CatThirdPartyDisclosure, false},
		{"What we won't do:\n• call your employer\n• visit your home", CatThreat, false},
		{"Next steps:\n• We won't call your employer.\n• Our agents will come to your house on Friday.", CatThreat, true},
	})
}

// TestListsUnderAClosedHeader: a header that is a whole statement of its
// own ("We won't wait any longer:") denies nothing of the items under it;
// only a header the items complete ("We will never ask you for:", "What
// we won't do:", 我们绝不会索要以下信息：) does.
func TestListsUnderAClosedHeader(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"We won't wait any longer:\n• our agents will visit your home\n• your boss will hear about it", CatThreat, true},
		{"We won't be patient any more:\n- field agents visit your house tomorrow", CatThreat, true},
		{"我们不会再等了：\n• 明天上门找你\n• 通知你单位", CatThreat, true},
		{"We won't hesitate to:\n• call your employer\n• send agents to your home", CatThirdPartyDisclosure, true},
	})
}
