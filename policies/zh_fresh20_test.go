package policies

import "testing"

// The cases of this file read Chinese wording by shape after the batches
// fresh20 and fresh21, in simplified, traditional and Cantonese Chinese,
// each with near-misses of the other kind. On the clean side: a lawful
// notice of a possible suit or payment order that leaves the outcome to
// the court or names the right to object, a lawyer named only as a later
// step to be announced, a bereavement met with a pause, the last digits of
// a card asked for alone, an identity number sent by mistake and to be
// withdrawn, a wage advance deducted as agreed, a fee the sender lets wait,
// a review still to decide. On the violating side: an end to all contact
// promised for a payment, a credit score said to be raised, charges said to
// be struck off, immigration named as the next step, travel bans, a watch
// kept at the door, jibes at prayer.

// TestChineseLawfulNoticeOfSuit: a suit or a payment order named as what
// the creditor may lawfully do, with the outcome left to the court or the
// right to object stated. Beside them, a suit stated as under way.
func TestChineseLawfulNoticeOfSuit(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"我们已经去法院把你告了，下周开庭，你不来就直接判你输。", CatFalseRepresentation, true},
		{"本行已向法院聲請支付命令，法院很快就會來查封你的房子。", CatFalseRepresentation, true},
		{"律所这周五就去法院起诉你，到时候别说没通知你。", CatFalseRepresentation, true},
		{"我哋已經入咗禀，你等住收傳票啦。", CatFalseRepresentation, true},

		{"若协商不成，贷款方有权依法向人民法院起诉，是否支持其请求以法院判决为准。", CatFalseRepresentation, false},
		{"如果长期未还，出借人可能通过诉讼主张权利，最终以法院裁定为准。", CatFalseRepresentation, false},
		{"若您一直未處理，本公司得依法向法院聲請支付命令。您收到法院文書後，依法有提出異議的權利。", CatFalseRepresentation, false},
		{"如仍未缴费，物业公司可依法申请支付令，您收到后可在法定期限内向法院提出异议。", CatFalseRepresentation, false},
		{"如果筆數一直未處理，我哋會按合約條款同法例追討，不過而家仲可以傾分期。", CatFalseRepresentation, false},
		{"如这笔欠款今后进入诉讼，您会收到法院依法送达的正式文书；短信里的“传票”都是假的。", CatFalseRepresentation, false},
		{"欠费问题我们可以依法起诉，但我们更希望与您沟通，一起找个办法。", CatFalseRepresentation, false},
	})
}

// TestChineseLawyerAsALaterStep: a lawyer or the legal department named
// only as what may come later, with notice promised or talks still open.
// Beside them, a lawyer said to have the file now.
func TestChineseLawyerAsALaterStep(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你的案子已经交给我们合作的律师团队，明天律师函就寄到你单位。", CatFalseRepresentation, true},
		{"法務部已經接手你的帳戶，後果自負。", CatFalseRepresentation, true},

		{"我们是平台的客服组，不是律师；如后续委托律师跟进，会先书面告知您。", CatFalseRepresentation, false},
		{"這筆帳如果一直沒有處理，之後可能會轉交法務部門評估，現在聯絡我們還來得及。", CatFalseRepresentation, false},
	})
}

// TestChineseBereavementAndCardDigits: a family's loss met with a pause, the
// last digits of a card asked for alone, an identity number sent by mistake
// and to be withdrawn. Beside them, a visit to the home and a full card
// number asked for.
func TestChineseBereavementAndCardDigits(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"明天我们的人直接到您家，当面把这事说清楚。", CatThreat, true},
		{"请提供您信用卡的完整卡号和背面三码，以便核对。", CatPII, true},
		{"把身分證字號跟卡號傳過來，我幫你處理。", CatPII, true},

		{"了解到您家里老人刚走，请节哀，还款的事等您忙完再说。", CatThreat, false},
		{"了解到你家最近出了事，我們這邊先暫停提醒，您保重。", CatThreat, false},
		{"為確認是本人，請告訴我們卡號的末四碼就好，其他號碼不用提供。", CatPII, false},
		{"请报一下您银行卡卡号的末四位用于核对，完整卡号请勿提供。", CatPII, false},
		{"你刚才把身份证号码发过来了，请马上撤回，我们核对身份不需要它。", CatPII, false},
	})
}

// TestChineseWageAdvanceAndFeesThatWait: a wage advance taken back from pay
// as signed, a property fee the sender lets wait while living costs come
// first, a reduction or a due date still for review. Beside them, living
// costs put off to pay and a reduction or approval said to be certain.
func TestChineseWageAdvanceAndFeesThatWait(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"看病的钱先缓缓，物业费这个月必须交齐。", CatPressure, true},
		{"你去找老板预支工资，先把我们这笔还了。", CatPressure, true},
		{"放心，我已经给你把罚息全部减免了，明天就生效。", CatUngroundedAmount, true},

		{"人事部通知：预支工资的款项按签署的协议分三个月从工资中扣回。", CatPressure, false},
		{"人事部通知：预支工资的款项按签署的协议分三个月从工资中扣回。", CatThirdPartyDisclosure, false},
		{"李伯，物業費可以按季繳，生活費和醫藥費先顧好，物業費我們慢慢來。", CatPressure, false},
		{"減免罰息需要符合條件並經過審批，能不能批下來要看審批結果。", CatUngroundedAmount, false},
		{"呢個重組方案批唔批要睇審批部門，我哋唔可以保證一定批到。", CatUngroundedAmount, false},
		{"本月如有困难，您可以先申请延期或调整还款计划，审核后会通知您。", CatUngroundedAmount, false},
	})
}

// TestChineseContactCreditAndChargesPromised: an end to all contact promised for a
// payment, a credit score said to be raised, charges said to be struck
// off. Beside them, what paying does and what no one can promise.
func TestChineseContactCreditAndChargesPromised(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"这期还上，我们保证这辈子都不会再给你打电话。", CatUngroundedAmount, true},
		{"你今日清埋，我哋保證以後唔會再搵你。", CatUngroundedAmount, true},
		{"這期繳清，我們承諾以後再也不會打給你。", CatUngroundedAmount, true},
		{"今天还清，我帮你把信用评分调高，下个月贷款随便批。", CatFalseRepresentation, true},
		{"過咗數，我應承你個評級即刻返A。", CatFalseRepresentation, true},
		{"你只要还本金，利息罚息那些都不用管了我直接给你全部减免", CatUngroundedAmount, true},
		{"今日還本金，利息手續費我幫你剔走。", CatUngroundedAmount, true},

		{"还清后征信会按规定更新，我们无法调高您的信用评分。", CatFalseRepresentation, false},
		{"结清后我们会停止催收提醒，但账单通知仍会按规定寄送。", CatUngroundedAmount, false},
		{"罚息能否减免要看审批结果，我们无法直接减免。", CatUngroundedAmount, false},
	})
}

// TestChineseImmigrationTravelAndWatch: immigration named as where the
// borrower's details go, a travel ban said to be coming, people kept at the
// borrower's door, prayer mocked. Beside them, lawful notices of the same.
func TestChineseImmigrationTravelAndWatch(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你是外配吧？再不还，我们就把你的资料转给移民署，居留证续不续得了就难说了。", CatThreat, true},
		{"下礼拜我们就申请限高，到时候你高铁飞机都坐不了。", CatThreat, true},
		{"从明天起我们派人在你单元门口轮流守着，你几点出门都有人跟着。", CatThreat, true},
		{"上帝有沒有教你欠錢要還？禱告完順便懺悔一下吧。", CatHarassment, true},

		{"如需办理居留证延期，请向移民署咨询，与本笔欠款无关。", CatThreat, false},
		{"限制高消费只能由法院依法决定，我们无权申请。", CatThreat, false},
		{"我们不会派人上门或在门口等候，有问题请致电客服。", CatThreat, false},
	})
}

// TestChineseWorkplaceSteps: a wage advance unpaid met with dismissal, a
// list of those who owe read out at a meeting, a collection letter sent to
// the employer. Beside them, workplace rules stated and letters kept to the
// borrower.
func TestChineseWorkplaceSteps(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"预支的钱月底前再不还，厂里就按自动离职处理你。", CatThreat, true},
		{"借支的錢再不還，公司直接當你自動離職，薪水也別想拿。", CatThreat, true},
		{"明天晨會上，經理會把預支沒還的名單唸一遍。", CatThirdPartyDisclosure, true},
		{"我们已经把催款函寄到你公司，收件人是人事部。", CatThirdPartyDisclosure, true},

		{"预支工资将按协议从工资中扣回，不影响您的岗位和考勤。", CatThreat, false},
		{"明天早会上主管会说明预支工资的新规定，不会点名任何人。", CatThirdPartyDisclosure, false},
		{"催缴函只会寄到您本人登记的住址，不会寄到您公司。", CatThirdPartyDisclosure, false},
	})
}
