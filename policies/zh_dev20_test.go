package policies

import "testing"

// The cases of this file read Chinese wording by shape, in simplified,
// traditional and Cantonese Chinese, each with near-misses in the same
// words that must stay allowed: a career or a car said not to last, a
// third party asked to look into the borrower's money, a community made
// to know, contempt for the borrower's standing, guilt about a mother's
// sacrifice; and, on the clean side, a legal step named as a possibility
// with its notice first, relief offered for talks or for review, scam
// warnings, the last digits of an identity number asked to verify.

// TestChineseVeiledFuture: a child's or the borrower's career, a job or a
// car said to be at risk or not to last. Beside them, well-wishes and a
// job or car named plainly.
func TestChineseVeiledFuture(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你女儿刚考上研究生，前途大好，做父母的总不希望她的前途出什么岔子吧？", CatThreat, true},
		{"你個女喺銀行返工，做阿爸嘅都唔想佢前途有乜閃失啩？", CatThreat, true},
		{"王先生，您在国企上班，这笔欠款再拖下去，您的工作恐怕会受到影响。", CatThreat, true},
		{"你喺政府做嘢，我哋好清楚單位會點處理有債務糾紛嘅員工。", CatThreat, true},
		{"看你朋友圈天天开着新车兜风，好好享受吧，估计也开不了几天了。", CatThreat, true},
		{"聽講你間舖頭生意幾好，好好享受啦，怕且都冇幾日好做。", CatThreat, true},

		{"祝您孩子学业顺利，前途无量。", CatThreat, false},
		{"逾期不会影响您的工作，请放心。", CatThreat, false},
		{"如果还款安排影响到您的工作时间，可以调整还款日。", CatThreat, false},
		{"您的车贷还有三期就结清了，祝您用车愉快。", CatThreat, false},
	})
}

// TestChineseExitTrouble: a trip abroad beside "a little trouble" at the
// airport or the border. Beside it, travel said to be unaffected.
func TestChineseExitTrouble(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"听说你下周要去曼谷，欠款没处理的话，过边检的时候难免遇到点小麻烦。", CatThreat, true},
		{"我們知道你月底飛台北，機場出境嗰陣可能會有啲「麻煩」。", CatThreat, true},

		{"您出境旅行不受欠款影响，祝您旅途愉快。", CatThreat, false},
		{"如果在机场遇到任何还款问题，可以拨打客服热线。", CatThreat, false},
	})
}

// TestChineseOthersAskedOrTold: a pastor, a manager or a village
// committee asked to look into the borrower's money; a landlord or an
// employer asked if they are the borrower's, then told of the debt; a
// whole village or a group chat told; an emergency contact told of the
// debt. Beside them, the borrower invited to seek advice, a contact used
// only to reach the borrower.
func TestChineseOthersAskedOrTold(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"听说您常去教会，要不我们请牧师帮忙劝劝您还款？", CatThirdPartyDisclosure, true},
		{"我哋可以搵你公司主管關心下你嘅財務狀況。", CatThirdPartyDisclosure, true},
		{"要不要我们让村委会的干部督促一下你还款？", CatThirdPartyDisclosure, true},
		{"請問您是黃先生的房東嗎？他在我們這裡有筆貸款逾期了。", CatThirdPartyDisclosure, true},
		{"你好，係咪陳生嘅老闆嗎？佢喺我哋度有筆數一直冇還。", CatThirdPartyDisclosure, true},
		{"再拖下去，我就让全村的人都知道你欠钱不还。", CatThirdPartyDisclosure, true},
		{"各位群友好，群里的刘伟在我司借款至今逾期未还，请大家帮忙转告。", CatThirdPartyDisclosure, true},
		{"我們已聯絡您的緊急聯絡人，告知您貸款逾期的情況。", CatThirdPartyDisclosure, true},
		{"我们昨天已经打给你的紧急联系人，把你欠款的事说了。", CatThirdPartyDisclosure, true},

		{"如果您愿意，可以找信任的人或专业机构咨询理财建议。", CatThirdPartyDisclosure, false},
		{"紧急联系人仅用于无法联系到您本人时使用，我们不会向其透露欠款信息。", CatThirdPartyDisclosure, false},
		{"請問您是黃先生的房東嗎？麻煩您請他回電給我們，謝謝。", CatThirdPartyDisclosure, false},
		{"各位客户好，本平台春节期间客服时间调整如下。", CatThirdPartyDisclosure, false},
	})
}

// TestChineseContempt: the borrower's thick skin, standing, faith or
// region mocked. Beside them, the same words said kindly.
func TestChineseContempt(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"欠钱不还还好意思发朋友圈，你这脸皮比城墙还厚吧？", CatHarassment, true},
		{"你呢塊面皮係咪鐵打㗎？借錢唔還仲咁理直氣壯。", CatHarassment, true},
		{"像你这种信用的人我们见得多了，一点都不意外。", CatHarassment, true},
		{"像您這樣的客戶我們見多了，早就料到您會違約。", CatHarassment, true},
		{"你们那个地方的人是不是都这个德性，借了钱就跑？", CatHarassment, true},
		{"天天念经拜佛，佛祖没教你欠债还钱吗？", CatHarassment, true},

		{"像您这样的情况我们见得多了，可以申请分期，不用太担心。", CatHarassment, false},
		{"谢谢您的信任，我们会尽快为您处理。", CatHarassment, false},
		{"您参加宗教活动期间，如不方便接电话，可以在App上留言。", CatHarassment, false},
	})
}

// TestChinesePressureByGuiltAndMeans: a mother's sacrifice, funeral gifts,
// livestock or a new loan to pay. Beside them, condolences with a pause,
// advice against borrowing.
func TestChinesePressureByGuiltAndMeans(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你爸当年起早贪黑吃了多少苦供你读大学，你就这么对待自己的信用？", CatPressure, true},
		{"你阿媽要係知道你欠咗咁多錢，佢會幾寒心？", CatPressure, true},
		{"你奶奶的丧事办完了，收的礼金应该也不少，先拿出来把欠款还了。", CatPressure, true},
		{"你家那几只羊卖了不就够还了吗？", CatPressure, true},
		{"推荐您在我们合作的平台申请一笔新借款，用来还这期的欠款。", CatPressure, true},

		{"节哀顺变，丧事期间我们暂停联系，有需要再找我们。", CatPressure, false},
		{"请不要为了还款去借新的贷款，可以和我们协商分期。", CatPressure, false},
		{"如您已把羊卖了，请告知我们更新抵押信息。", CatPressure, false},
	})
}

// TestChineseCallsEndedOrRecordsCleaned: calls stopped by anyone ever, a credit
// report cleaned, by paying a part. Beside them, what paying truly does.
func TestChineseCallsEndedOrRecordsCleaned(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你今天先转300，我保证以后再也没有人打给你。", CatUngroundedAmount, true},
		{"還咗呢期，我哋幫你清咗信貸報告上面嘅不良紀錄。", CatFalseRepresentation, true},

		{"结清后我们会停止催收，但之前的逾期记录会如实保留。", CatFalseRepresentation, false},
	})
}

// TestChineseSecretTyped: a card number and password filled in on a link.
// Beside it, the last digits of an identity number asked to verify, a
// scam warning, a payment identifier, a denial in Cantonese.
func TestChineseSecretTyped(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"点这个链接填一下银行卡号和密码，马上帮你处理。", CatPII, true},
		{"點入去填埋卡號同密碼就搞掂。", CatPII, true},

		{"為核對身分，請提供身分證字號的後四碼，其餘資料不需要。", CatPII, false},
		{"为确认身份，请告诉我身份证号码的最后四位即可。", CatPII, false},
		{"防诈骗提示：凡是要求您在链接里输入密码的，都是骗子。", CatPII, false},
		{"請轉數到本公司FPS識別碼 1234567，我哋唔會問你任何密碼。", CatPII, false},
	})
}

// TestChineseCleanNotices: a suit or a lawyer's letter named only as a
// possibility with written notice, a chance to query or talks first; a
// borrower's words in a group quoted back; relief offered for talks or
// review; a question about deleting records answered; a tea to talk.
func TestChineseCleanNotices(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"如長期未還款，本公司或會循法律途徑追討，但事先會以書面通知你。", CatFalseRepresentation, false},
		{"若协商不成，本公司有权依法向法院起诉。目前仍处于协商阶段，欢迎来电沟通。", CatFalseRepresentation, false},
		{"如逾期较久，我司可能委托律师发函，收到后请注意核实真伪。", CatFalseRepresentation, false},
		{"如长期逾期，我司可能委托律所发出律师函，具体以书面通知为准。", CatFalseRepresentation, false},
		{"如仍未还款，我司可能依法通过诉讼主张权利。如对金额有疑问，请致电客服。", CatFalseRepresentation, false},
		{"关于您咨询的“结清后能否消除征信记录”：记录会按规定保留，我们无法删除。", CatFalseRepresentation, false},
		{"你之前在群里说我们乱收费，我们很重视，可以查看费用明细。", CatThirdPartyDisclosure, false},
		{"如果你暫時有困難，可以同我哋傾下延後還款日。", CatUngroundedAmount, false},
		{"如有困难，可在App提交申请延期还款，审核结果会在5个工作日内通知您。", CatUngroundedAmount, false},
		{"現在還沒到那一步，咱們先商量個計劃。", CatThreat, false},
		{"改天一起喝杯茶，慢慢聊聊还款安排。", CatThreat, false},

		// Still read.
		{"本公司明天就会向法院起诉你。", CatFalseRepresentation, true},
		{"我们可以同意延期，只要你今天先还一半。", CatUngroundedAmount, true},
		{"今晚就请你喝杯茶，看你还躲不躲。", CatThreat, true},
	})
}

// TestChineseSchoolAndCalls: a school said entitled to withhold a degree
// once told; calls at set times every day until the borrower answers.
// Beside them, the school left out, a call-back at a time the borrower
// chose.
func TestChineseSchoolAndCalls(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"同學，逾期的我們會通報學校，學校有權扣發你的學位證，你自己想清楚。", CatThreat, true},
		{"欠款不清，我们就联系你们学院，到时候毕业证拿不到别怪我们。", CatThreat, true},
		{"从明天起我们每天上午、下午、晚上都会给您打电话，直到您接听为止。", CatHarassment, true},
		{"我哋會朝早、中午、夜晚各打一次畀你，打到您接為止。", CatHarassment, true},

		{"逾期不会通知学校，也不会影响您领取毕业证。", CatThreat, false},
		{"按您的要求，我们会在明天下午三点再给您打一次电话。", CatHarassment, false},
	})
}
