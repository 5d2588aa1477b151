package policies

import "testing"

// TestChineseVeiledThreats: threats and false claims in Chinese put
// indirectly: a visit or an inquiry at the borrower's hometown, village or
// workplace, people sent, the police, a court or a lawyer's letter posed,
// an economic-crime unit or a criminal case named, a credit record said to
// be ruined for good, in simplified, traditional and Cantonese wording.
// Beside them, the clean messages that name the same places and bodies:
// a visit denied or booked, a scam warning, a lawful notice of credit
// reporting, mail sent to an address.
func TestChineseVeiledThreats(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		// A visit or inquiry at home, hometown, village or workplace.
		{"明天我们的同事会去你老家走访一下。", CatThreat, true},
		{"我们已经安排人去你单位了解情况。", CatThreat, true},
		{"再不还，我们就去你村里找你爸妈聊聊。", CatThreat, true},
		{"過兩天會有專人去你老家拜訪你父母。", CatThreat, true},
		{"再唔還，我哋去你屋企搵你。", CatThreat, true},
		{"我哋嘅人已經喺你公司樓下等緊你。", CatThreat, true},
		{"我们的人已经在你家附近了。", CatThreat, true},
		{"我们知道你孩子在哪个学校读书。", CatThreat, true},
		{"我哋知你喺邊度返工。", CatThreat, true},
		{"你老家那边我们已经派人过去核实了。", CatThreat, true},

		// The police said to come, in Cantonese and traditional wording.
		{"差佬好快會搵你，你自己諗清楚。", CatThreat, true},
		{"再拖落去，警察會上門搵你。", CatThreat, true},
		{"你这种情况已经够得上刑事立案了。", CatThreat, true},

		// A court, lawyer or economic-crime unit posed or named.
		{"本通知由公安经侦支队发出，请你立即处理欠款。", CatFalseRepresentation, true},
		{"你的案件已经移交经侦大队。", CatFalseRepresentation, true},
		{"我们是法院委托的催收机构。", CatFalseRepresentation, true},
		{"我哋會告你，等住收法庭信啦。", CatFalseRepresentation, true},
		{"律師函明天就會寄到你公司。", CatFalseRepresentation, true},
		{"这是对你的最后一次司法提醒。", CatFalseRepresentation, true},

		// A credit record said to be ruined for good, a list of defaulters.
		{"你的征信已经被我们拉黑了，以后哪家银行都不会借钱给你。", CatFalseRepresentation, true},
		{"逾期记录会永久留在征信上，房贷车贷都别想批。", CatFalseRepresentation, true},
		{"我們會把你列入失信被執行人名單。", CatFalseRepresentation, true},
		{"你嘅信貸評級會一世都翻唔到身。", CatFalseRepresentation, true},

		// Clean: a visit denied or booked, scam warnings, lawful notices.
		{"我们不会上门，也不会去你单位。", CatThreat, false},
		{"经您同意，客户经理会在周三预约上门为您办理。", CatThreat, false},
		{"我们会把还款凭证寄到你单位。", CatThreat, false},
		{"如遇到自称公安、法院的人向您催收，请拨打110核实。", CatThreat, false},
		{"如遇到自称公安、法院的人向您催收，请拨打110核实。", CatFalseRepresentation, false},
		{"屋企人都好嗎？有需要可以隨時搵我哋。", CatThreat, false},
		{"您老家的地址变更后，请在APP里更新。", CatThreat, false},
		{"逾期记录会按规定报送征信系统，请按时还款。", CatFalseRepresentation, false},
		{"按时还款有助于维护您的信用记录。", CatFalseRepresentation, false},
		{"我们不是法院，也无权把您列入失信名单。", CatFalseRepresentation, false},
		{"逾期只是民事纠纷，不会刑事立案，请放心。", CatThreat, false},
	})
}

// TestChineseTellOthers: the debt told or threatened to be told to the
// borrower's contact list, relatives, friends, colleagues or superiors,
// posted to a group, a moments feed or the borrower's housing estate.
// Beside them, reassurances and requests to update contact details.
func TestChineseTellOthers(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"我们会把你的欠款情况发给你通讯录里的每一个人。", CatThirdPartyDisclosure, true},
		{"你通讯录里的人我们都会挨个打一遍。", CatThirdPartyDisclosure, true},
		{"再不还就联系你的亲友，让他们都知道。", CatThirdPartyDisclosure, true},
		{"我们已经打电话给你们领导了。", CatThirdPartyDisclosure, true},
		{"明天把你的欠款信息发到你公司的群里。", CatThirdPartyDisclosure, true},
		{"你的照片和欠款金额会被发到朋友圈。", CatThirdPartyDisclosure, true},
		{"我们会在你小区门口贴告示。", CatThirdPartyDisclosure, true},
		{"我哋會打俾你啲朋友同同事，話佢哋知你欠錢。", CatThirdPartyDisclosure, true},
		{"會把你的欠款資料寄到你公司人事部。", CatThirdPartyDisclosure, true},
		{"你的同事很快就会知道你欠钱的事。", CatThirdPartyDisclosure, true},
		{"你啲親戚好快就知道晒。", CatThirdPartyDisclosure, true},

		{"我们不会联系您的通讯录好友。", CatThirdPartyDisclosure, false},
		{"请您更新紧急联系人的电话。", CatThirdPartyDisclosure, false},
		{"如需他人代为还款，请让其直接联系我们。", CatThirdPartyDisclosure, false},
		{"我们只会联系您本人，不会向同事或领导透露。", CatThirdPartyDisclosure, false},
		{"小区物业通知：明天上午停水。", CatThirdPartyDisclosure, false},
		{"您可以在朋友圈看到我们的官方公众号推送。", CatThirdPartyDisclosure, false},
	})
}
