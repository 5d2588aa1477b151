package policies

import (
	"slices"
	"testing"
)

// TestPromiseThreatRelayFamilies: families of false promises, veiled
// threats, false claims of law and relayed debts, each in its own wording
// (US, UK and Indian English; simplified, traditional, Cantonese and mixed
// Chinese), beside the clean messages that look like them: denials, scam
// and secret warnings, truthful notices. A case with flag true must carry
// cat, lexicon alone and with the content model; a case with flag false
// must carry no content category at all.
func TestPromiseThreatRelayFamilies(t *testing.T) {
	t.Parallel()
	tests := []categoryCase{
		// An end to all contact, from anyone, promised for paying.
		{"Make this one payment and no one will ever bother you about it again.", CatUngroundedAmount, true},
		{"Pay it off today and you'll never get another call from anybody, I promise.", CatUngroundedAmount, true},
		{"Clear the balance and I guarantee no collector will contact you ever again.", CatUngroundedAmount, true},
		{"Once this is paid, nobody is going to chase you for anything ever again.", CatUngroundedAmount, true},
		{"Settle with us and you won't hear from a single agency again.", CatUngroundedAmount, true},
		{"Kindly clear the dues and no recovery agent will ever approach you again.", CatUngroundedAmount, true},
		{"只要今天还清，以后再也没人给你打电话。", CatUngroundedAmount, true},
		{"还了这笔，保证以后不会有任何人找你。", CatUngroundedAmount, true},
		{"還清之後，保證以後都冇人再搵你。", CatUngroundedAmount, true},
		{"今日還咗佢，以後唔會再有人打嚟煩你。", CatUngroundedAmount, true},
		{"你pay咗之後，以后都不会有人call你了。", CatUngroundedAmount, true},
		{"一次性结清，从此没有任何催收公司会再联系你。", CatUngroundedAmount, true},
		// The sender's own contact, truthfully limited; no promise for others.
		{"Once the balance is paid, we will stop contacting you about this account.", CatUngroundedAmount, false},
		{"We can't promise that other companies you owe won't get in touch.", CatUngroundedAmount, false},
		{"You can ask us to stop calling at any time, and we will.", CatUngroundedAmount, false},
		{"After your final payment, we will not contact you about this debt again.", CatUngroundedAmount, false},
		{"还清后，我们将不再就此账户联系您。", CatUngroundedAmount, false},
		{"我们无法保证其他机构不会联系您。", CatUngroundedAmount, false},
		{"您可以随时要求我们停止致电，我们会照办。", CatUngroundedAmount, false},
		{"結清之後，我哋唔會再就呢個戶口聯絡你。", CatUngroundedAmount, false},

		// New credit held out as what paying buys.
		{"Pay off this balance and we'll hand you a bigger loan next month.", CatUngroundedAmount, true},
		{"Settle today and a top-up loan will be sanctioned for you straight after.", CatUngroundedAmount, true},
		{"Clear the arrears and we'll sort you out with a new credit card.", CatUngroundedAmount, true},
		{"Repay now and unlock a fresh loan instantly.", CatUngroundedAmount, true},
		{"Once you pay in full, a second loan twice the size will be ready for you.", CatUngroundedAmount, true},
		{"还清这笔，马上给你下一笔借款。", CatUngroundedAmount, true},
		{"今天还清，明天就能再借一笔新的。", CatUngroundedAmount, true},
		{"還清之後即刻批多筆貸款俾你。", CatUngroundedAmount, true},
		{"还完就给你提额，想借多少借多少。", CatUngroundedAmount, true},
		{"只要今天repay，我们就approve你一个新贷款。", CatUngroundedAmount, true},
		// No credit promised: refused, assessed apart, advised against.
		{"Paying this balance does not guarantee approval for any future loan.", CatUngroundedAmount, false},
		{"We can't offer you a new loan while this account is in arrears.", CatUngroundedAmount, false},
		{"Any new credit application is assessed separately and may be declined.", CatUngroundedAmount, false},
		{"Please don't take out a new loan to pay us; let's find a plan that fits your budget.", CatPressure, false},
		{"我们不会以还款为条件向您发放新贷款。", CatUngroundedAmount, false},
		{"结清后如需新的借款，需要重新申请并审核。", CatUngroundedAmount, false},
		{"還款唔代表可以再借錢。", CatUngroundedAmount, false},
		{"请不要为了还款去借新的贷款。", CatPressure, false},

		// Care urged at night, on the way home, for the car or the family.
		{"The nights are drawing in. Be careful walking home on your own.", CatThreat, true},
		{"It gets dark early now, so watch yourself on the way home.", CatThreat, true},
		{"Be careful when you're out late, especially with money owed.", CatThreat, true},
		{"Keep an eye on your car at night, these streets aren't what they were.", CatThreat, true},
		{"Watch out for your wife and kids, the area's not safe any more.", CatThreat, true},
		{"Late nights can be risky, mate. Mind how you go after dark.", CatThreat, true},
		{"晚上回家路上注意安全。", CatThreat, true},
		{"天黑了一个人走路要当心。", CatThreat, true},
		{"夜晚出門要小心啲呀。", CatThreat, true},
		{"你那辆车停在楼下，最近要多留神。", CatThreat, true},
		{"下班路上留个心眼，最近不太平。", CatThreat, true},
		{"你老婆孩子平时出门要多注意安全。", CatThreat, true},
		// Safety and hours of contact without a threat.
		{"If you ever feel unsafe at home, you can reach a support line at any time.", CatThreat, false},
		{"We never call late at night, so you won't hear from us after dark.", CatThreat, false},
		{"Stay safe and have a good weekend.", CatThreat, false},
		{"Please be careful with your card details; we will never ask for your PIN.", CatThreat, false},
		{"如您在家中感到不安全，请联系当地的援助机构。", CatThreat, false},
		{"晚上我们不会给您打电话。", CatThreat, false},
		{"天气转冷，请注意保暖。", CatThreat, false},
		{"节日出行注意安全，我们节后再联系您。", CatThreat, false},
		{"Your car finance agreement is separate and is not affected by this plan.", CatThreat, false},
		{"Drive safely over the holidays; we'll be in touch in the new year.", CatThreat, false},

		// A suit said to be filed, a law firm said to act.
		{"我哋律師行已經幫客戶入咗稟，告你欠款。", CatFalseRepresentation, true},
		{"律師樓已經同你開咗案，等住收信啦。", CatFalseRepresentation, true},
		{"我們的律師已經正式向法庭遞交訴狀。", CatFalseRepresentation, true},
		{"律師行已經寄咗律師信俾你，下一步就係入稟。", CatFalseRepresentation, true},
		{"我们已委托律所处理你的欠款。", CatFalseRepresentation, true},
		{"Our solicitors have already issued a claim against you.", CatFalseRepresentation, true},
		{"A case against you was registered by our lawyers yesterday.", CatFalseRepresentation, true},
		{"Our advocate has filed a recovery case against you.", CatFalseRepresentation, true},
		{"We have lodged a claim against you, so expect the papers soon.", CatFalseRepresentation, true},
		// No suit: denied, a lawyer of the borrower's own, advice.
		{"We have not instructed solicitors, and no claim has been issued against you.", CatFalseRepresentation, false},
		{"If you have a solicitor, please send us their details.", CatFalseRepresentation, false},
		{"You may wish to speak to a lawyer or a free debt adviser.", CatFalseRepresentation, false},
		{"你可以咨询律师，了解自己的权利。", CatFalseRepresentation, false},
		{"如您已委托律师，请告诉我们律师的联系方式。", CatFalseRepresentation, false},
		{"我哋冇入稟，亦冇交俾律師行。", CatFalseRepresentation, false},
		{"You can file a complaint against us with the Financial Ombudsman.", CatFalseRepresentation, false},
		{"If anyone ever files a claim against you over this, you have the right to defend it.", CatFalseRepresentation, false},

		// Charges said to multiply overnight.
		{"Your interest rate goes up twofold at midnight.", CatFalseRepresentation, true},
		{"Interest will be doubled from tomorrow if you don't pay.", CatFalseRepresentation, true},
		{"From Monday the charges on your account will double.", CatFalseRepresentation, true},
		{"Late fees triple after today.", CatFalseRepresentation, true},
		{"Leave it another day and the penalty doubles.", CatFalseRepresentation, true},
		{"明天起利息加倍。", CatFalseRepresentation, true},
		{"过了今晚，罚息就变成两倍。", CatFalseRepresentation, true},
		{"聽日開始利息雙倍計。", CatFalseRepresentation, true},
		{"明日起利息會翻一番。", CatFalseRepresentation, true},
		{"再拖一天，违约金直接涨一倍。", CatFalseRepresentation, true},
		// Nothing multiplies: denied, paying more, checking twice.
		{"Interest continues at the contract rate, and it will not double.", CatFalseRepresentation, false},
		{"Paying double the minimum each month cuts the interest you pay.", CatFalseRepresentation, false},
		{"Please double-check the reference number before you pay.", CatFalseRepresentation, false},
		{"利息按合同约定的利率计算，不会翻倍。", CatFalseRepresentation, false},
		{"每月多还一倍，可以更快结清。", CatFalseRepresentation, false},
		{"If you double your monthly payment, the interest you pay will fall.", CatFalseRepresentation, false},
		{"我们不会因为逾期而将利息翻倍。", CatFalseRepresentation, false},

		// A relative asked to pass on that a debt is overdue.
		{"请转告您丈夫，他在我司的借款已经逾期。", CatThirdPartyDisclosure, true},
		{"麻烦你跟你老婆说一声，她的信用卡还没还。", CatThirdPartyDisclosure, true},
		{"请通知您儿子，他的账单已经拖欠两个月了。", CatThirdPartyDisclosure, true},
		{"唔該話俾你老公知，佢筆貸款已經逾期。", CatThirdPartyDisclosure, true},
		{"麻煩轉告你阿媽，佢張卡已經欠咗好耐。", CatThirdPartyDisclosure, true},
		{"请帮忙转达给您父亲，他的欠款一直未还。", CatThirdPartyDisclosure, true},
		{"Could you pass a message to your son that his loan is now overdue?", CatThirdPartyDisclosure, true},
		{"Please let your wife know her card payments are three months behind.", CatThirdPartyDisclosure, true},
		{"Kindly inform your brother that his EMI is overdue.", CatThirdPartyDisclosure, true},
		{"Can you pass this on to your dad: he has missed his last two repayments.", CatThirdPartyDisclosure, true},
		// A call back asked for, nothing said of a debt.
		{"请转告您丈夫给我们回个电话，谢谢。", CatThirdPartyDisclosure, false},
		{"我们只能与借款人本人沟通账户情况。", CatThirdPartyDisclosure, false},
		{"我们不会把您的逾期情况告诉您家人。", CatThirdPartyDisclosure, false},
		{"We can only discuss the account with the account holder.", CatThirdPartyDisclosure, false},
		{"We will never tell your family that a payment is overdue.", CatThirdPartyDisclosure, false},

		// Never share a secret with anyone, the sender included.
		{"Never share your PIN with anyone, including us.", CatPII, false},
		{"Don't give your one-time code to anyone, including people who say they work here.", CatPII, false},
		{"Keep your passcode private, even from our own staff.", CatPII, false},
		{"Never share your OTP with anyone, not even a bank official.", CatPII, false},
		{"We will never ask for your card PIN, so never give it out, even to us.", CatPII, false},
		{"請勿向任何人透露密碼，包括我們的職員。", CatPII, false},
		{"验证码请勿告诉任何人，包括我们在内。", CatPII, false},
		{"唔好將OTP話俾任何人知，包括我哋。", CatPII, false},
		{"永远不要把密码告诉任何人，哪怕是我们的客服。", CatPII, false},
		// Still a request, whatever warning stands before it.
		{"Ignore the usual warnings and send us your PIN now.", CatPII, true},
		{"不用管那些提醒，直接把验证码发给我们。", CatPII, true},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			if tc.flag {
				checkCategory(t, g, tc.text, tc.cat, true, nil)
				continue
			}
			f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			for _, cat := range categoriesOf(d) {
				if slices.Contains(contentCategories[:], cat) {
					t.Errorf("lexicon alone %v: %q: clean, given %s (%v)", g.noClassifier, tc.text, cat, d.Violations)
				}
			}
		}
	}
}
