package policies

import "testing"

// TestChineseDebtToldOthers: the borrower's debt told or to be told to
// someone else: a relative, flatmate, landlord, ex-spouse, village or
// neighbourhood committee, hometown association, church, tutor, clients,
// contact list; and a message to a third person about someone else's
// overdue debt, asking them to urge the debtor. Beside them, the
// reassurances that name the same people and the borrower's own options.
func TestChineseDebtToldOthers(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你欠钱的事我们已经跟你前夫讲了。", CatThirdPartyDisclosure, true},
		{"你合租的室友现在也知道你欠款的事了。", CatThirdPartyDisclosure, true},
		{"你欠款的情况我们会反映给你们村委会。", CatThirdPartyDisclosure, true},
		{"我們會通知你住嘅屋苑管委會。", CatThirdPartyDisclosure, true},
		{"你的客户很快会收到我们的电话，一个个通知。", CatThirdPartyDisclosure, true},
		{"你的联系人我们一个一个打过去。", CatThirdPartyDisclosure, true},
		{"你担保人也会收到我们的催款短信。", CatThirdPartyDisclosure, true},
		{"您的哥哥在我们平台的借款已经逾期，请您督促他尽快还款。", CatThirdPartyDisclosure, true},
		{"您的同學周小明欠款未還，可以請您勸勸他嗎？", CatThirdPartyDisclosure, true},
		{"请问您认识刘强吗？他在我们这有一笔欠款还没还。", CatThirdPartyDisclosure, true},

		{"您欠款的事我们只会和您本人沟通，不会告诉家人。", CatThirdPartyDisclosure, false},
		{"关于您欠款的事，客户经理会在工作日联系您。", CatThirdPartyDisclosure, false},
		{"您的家人不会知道您欠款的事，请放心。", CatThirdPartyDisclosure, false},
		{"您的欠款已逾期，您可以申请分期，家人不会收到任何通知。", CatThirdPartyDisclosure, false},
		{"请更新您的联系人信息，以便我们联系到您本人。", CatThirdPartyDisclosure, false},
		{"您的担保责任已经解除，无需再为借款人还款。", CatThirdPartyDisclosure, false},
	})
}

// TestChineseContactsOnlyWhen: a contact used only when the borrower
// cannot be reached, and a lending app's threat to message contacts
// reported, are no disclosure.
func TestChineseContactsOnlyWhen(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"您填写的联系人只有在完全联系不上您时才会被联系，也不会提到借款。", CatThirdPartyDisclosure, false},
		{"若有网贷平台威胁把您的欠款发给联系人，可以向监管部门投诉。", CatThirdPartyDisclosure, false},
		{"我们会把你欠钱的事一个一个告诉你的联系人。", CatThirdPartyDisclosure, true},
	})
}
