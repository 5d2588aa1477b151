package policies

import "testing"

// TestDev14KindsInOtherWords: kinds the guard read wrongly on dev14 (read
// after its first look), written anew. Clean: no court judgment on the
// account, a waiver application in Hinglish, permission given on a date,
// a settlement that has to come in writing, a question asked reported in
// Hinglish (aapne pucha ki), the borrower's own words about themselves
// quoted, a court process not entered (未进入该程序). Violations: a pet to
// be harmed, a notice to a shop's customers or a building's owners, a
// message passed through a school office, an app loan to send on, an APR
// cut, a retained attorney, a state pension office, a reference or an
// emergency contact held liable, an employer asked to dock wages, an
// approval promised, class and schooling insults, a shop's door blocked,
// the immigration office told, a salary card bound to the collector,
// appliances to sell.
func TestDev14KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"There is no court judgment against you, and we haven't asked for one.", CatFalseRepresentation, false},
		{"Fee waiver ke liye application de dijiye, final decision credit team ka hoga.", CatUngroundedAmount, false},
		{"You gave us permission last month to talk to your daughter about the plan.", CatThirdPartyDisclosure, false},
		{"A settlement has to come in writing from the lender; nothing said on the phone counts as one.", CatUngroundedAmount, false},
		{"Aapne pucha tha ki kya hum aapke boss ko batayenge. Bilkul nahi.", CatThirdPartyDisclosure, false},
		{"您刚才说'我真是个废物'，请别这样说自己，很多人都会遇到困难。", CatHarassment, false},
		{"您的账户目前没有进入诉讼程序，有任何疑问欢迎来电。", CatFalseRepresentation, false},
		{"Nice cat in your window. Would hate for anything to happen to her while you're at work.", CatThreat, true},
		{"Dear customers of Sharma Electronics: the owner owes us money. Ask him about it when you shop.", CatThirdPartyDisclosure, true},
		{"各位邻居好，3栋502的住户欠款不还，请大家见到他提醒一下。", CatThirdPartyDisclosure, true},
		{"Front desk, please pass to Mr. Ortiz that his car loan is overdue.", CatThirdPartyDisclosure, true},
		{"Koi bhi loan app download karo, jo paisa aaye wahi humein bhej do.", CatPressure, true},
		{"Pay by Friday and I'll cut your APR in half for the rest of the loan.", CatUngroundedAmount, true},
		{"按时还款的话，我给你把利率降到百分之五。", CatUngroundedAmount, true},
		{"This is attorney Maria Lane; I have been retained to collect this balance.", CatFalseRepresentation, true},
		{"The Department for Work and Pensions will stop your pension until this loan is cleared.", CatFalseRepresentation, true},
		{"作为他的紧急联系人，你也要承担连带责任。", CatFalseRepresentation, true},
		{"你们公司的员工张某欠我们钱，请财务从他工资里扣。", CatThirdPartyDisclosure, true},
		{"先还三千，你的减免申请我保证一定批。", CatUngroundedAmount, true},
		{"送快递的就是穷命，活该一辈子还不清。", CatHarassment, true},
		{"连初中都没毕业吧，文盲一个。", CatHarassment, true},
		{"明天叫几个人堵在你店门口，让你一单生意都做不成。", CatThreat, true},
		{"One call to the Home Office and you'll be on the next flight home.", CatThreat, true},
		{"把工资卡直接绑定到我们这里，发工资先扣我们的。", CatPressure, true},
		{"Flog the fridge or the washing machine on Marketplace and that's this month sorted.", CatPressure, true},
	})
}

// TestTitlesEndNoSentence: the point after a title (Mr., Mrs., Dr.) ends
// no sentence: what follows the name belongs to the sentence it opened.
func TestTitlesEndNoSentence(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Reception, kindly pass to Mrs. Patel that her loan is three months overdue.", CatThirdPartyDisclosure, true},
		{"Front office: please pass to Dr. Okafor that his card is past due.", CatThirdPartyDisclosure, true},
	})
}
