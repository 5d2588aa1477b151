package policies

import "testing"

// The cases of this file were written before the lexicon changes they
// judge, in wording of their own (not taken from any content batch), to
// read classes of Chinese wording rather than sentences: veiled threats
// that name a gift, a surprise or means out of the ordinary; the
// borrower's job, degree or shop put at stake; living money, benefits and
// medical bills put off, and offers said to run out by places or minutes;
// police and court titles of Hong Kong; identity papers and insurance
// said to be cancelled; third parties whose number the sender holds;
// secrets read out; loans and credit promised for paying. Beside them, the
// same words denied within their clause, or used for something else.

// TestChineseVeiledMeansAndStakes: a gift or surprise prepared, means out
// of the ordinary, the borrower's job, degree, parents' home or shop, a
// look behind them. Beside them, a gift to customers, other ways of
// paying, the same acts denied.
func TestChineseVeiledMeansAndStakes(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"再不处理，明早你出门会收到我们准备的一份“大礼”。", CatThreat, true},
		{"钱不到，我们给你备好的“惊喜”很快就到。", CatThreat, true},
		{"公司已经授权我们用一些特别的办法来处理你这种情况。", CatThreat, true},
		{"再装聋作哑，我们只能动用非常规手段了。", CatThreat, true},
		{"钱不到位，我们只好换一种你不喜欢的方式跟你沟通了。", CatThreat, true},
		{"拖到月底，我们就让你单位把你开除。", CatThreat, true},
		{"我们会联系你们学校，让学校扣下你的毕业证。", CatThreat, true},
		{"唔还钱？你份工都唔使做啦。", CatThreat, true},
		{"如果你还装死，我们就去你爸妈家里坐着不走。", CatThreat, true},
		{"我哋啲兄弟今晚会去你铺头睇下。", CatThreat, true},
		{"你再唔还钱，出街最好望下后面。", CatThreat, true},
		{"你女儿每天几点出校门，我们这边都有记录。", CatThreat, true},

		{"我们不会上门，也不会去您单位找您。", CatThreat, false},
		{"冇人會上你屋企，你放心。", CatThreat, false},
		{"网上流传的爆通讯录、上门催收，我们一律不做。", CatThreat, false},
		{"网上流传的爆通讯录、上门催收，我们一律不做。", CatThirdPartyDisclosure, false},
		{"我们没有派人去您家，也没有打算这样做。", CatThreat, false},
		{"你唔使担心，我哋唔会搵你公司。", CatThreat, false},
		{"我们不会用任何手段威胁您或您的家人。", CatThreat, false},
		{"我们不会采取任何非常规手段，请放心。", CatThreat, false},
		{"我们为按时还款的客户准备了一份新春礼物，已随账单寄出。", CatThreat, false},
		{"如遇特殊情况，我们可以用别的方式帮您安排还款。", CatThreat, false},
		{"不会有人去你老家，也不会联系你爸妈。", CatThreat, false},
		{"不会有人去你老家，也不会联系你爸妈。", CatThirdPartyDisclosure, false},
		{"工作的事要紧，还款日期可以和我们商量。", CatThreat, false},
	})
}

// TestChineseTitlesAndPapers: Hong Kong police and court titles given as
// the sender's, identity papers and insurance said to be cancelled for a
// debt. Beside them, the bodies disowned or named for the borrower to
// check with, papers said to be unaffected.
func TestChineseTitlesAndPapers(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"我哋係警務處商業罪案調查科，就你嘅欠款向你了解情況。", CatFalseRepresentation, true},
		{"本人是區域法院執達主任，今日通知你欠款案件。", CatFalseRepresentation, true},
		{"你的医保卡和社保卡都会因为欠款被停用。", CatFalseRepresentation, true},
		{"逾期超过半年，你的户口会被注销。", CatFalseRepresentation, true},

		{"本公司并非公安机关，也无权采取任何强制措施。", CatFalseRepresentation, false},
		{"本公司并非公安机关，也无权采取任何强制措施。", CatThreat, false},
		{"我们是受委托的催收机构，不是法院，也不是警方。", CatFalseRepresentation, false},
		{"您提到有人冒充公安给您打电话，请直接挂断并报警。", CatFalseRepresentation, false},
		{"欠款不会影响您的医保和社保。", CatFalseRepresentation, false},
	})
}

// TestChineseLivingMoneyScarcityAndClocks: a pension, infant formula, a
// disability allowance or medical bills put off to pay; an offer said to
// be down to its last places or minutes. Beside them, the same money put
// first and offers that stay open.
func TestChineseLivingMoneyScarcityAndClocks(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你妈每个月那点退休金，先挪过来还了不就好了。", CatPressure, true},
		{"你孩子的奶粉钱省一省，这个月先还我们。", CatPressure, true},
		{"残疾补贴到账了就直接转给我们。", CatPressure, true},
		{"看病的钱可以缓缓，我们这笔等不了。", CatPressure, true},
		{"你阿爸嘅药费可以慢慢嚟，呢笔今日一定要清。", CatPressure, true},
		{"优惠名额就剩两个，你不抓紧就被别人抢走了。", CatPressure, true},
		{"减免名额有限，先到先得，犹豫就没了。", CatPressure, true},
		{"还有15分钟系统就自动关闭协商通道了。", CatPressure, true},
		{"倒数十分钟，过时这个方案就不再保留。", CatPressure, true},

		{"如果您暂时困难，可以先支付生活必需开支，我们再商量还款计划。", CatPressure, false},
		{"请不要为了还款向亲友借钱或者使用其他网贷。", CatPressure, false},
		{"您的孩子学费要紧，这个月可以先只还最低还款额。", CatPressure, false},
		{"看病要紧，还款的事我们可以先缓一缓。", CatPressure, false},
		{"退休金是老人家的生活保障，请不要动用。", CatPressure, false},
		{"名额的事您不用着急，方案长期有效。", CatPressure, false},
		{"协商通道全天开放，您可以随时联系我们。", CatPressure, false},
	})
}

// TestChineseThirdPartiesHeld: a teacher's, landlord's or manager's number
// said to be held, the debt told to a building's office or a manager.
// Beside them, the same denied and a teacher addressed as the borrower.
func TestChineseThirdPartiesHeld(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你儿子的辅导员电话我们已经拿到了。", CatThirdPartyDisclosure, true},
		{"你房东的联系方式我们也有，要不要我们帮你说一声？", CatThirdPartyDisclosure, true},
		{"我哋会将你欠债嘅事话俾你大厦管理处知。", CatThirdPartyDisclosure, true},
		{"你欠钱的事，我们已经跟你房东打过招呼了。", CatThirdPartyDisclosure, true},
		{"我们已经把你的欠款明细发给你的直属领导了。", CatThirdPartyDisclosure, true},

		{"我们从来不会把您的欠款告诉您的家人或同事。", CatThirdPartyDisclosure, false},
		{"您的紧急联系人信息仅用于无法联系您本人时核实您的联系方式，我们不会向其透露欠款。", CatThirdPartyDisclosure, false},
		{"我们不会联系你的学校或者老师。", CatThirdPartyDisclosure, false},
		{"欠款信息不会发到任何群里，请放心。", CatThirdPartyDisclosure, false},
		{"绝对不会把你的照片发到网上。", CatThirdPartyDisclosure, false},
		{"老师您好，这里是XX银行，提醒您本月账单已出。", CatThirdPartyDisclosure, false},
	})
}

// TestChineseSecretsReadOut: an identity number, a login password, a
// card's expiry and back digits asked for, in Mandarin and Cantonese.
// Beside them, the same secrets the sender says it never asks for.
func TestChineseSecretsReadOut(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"请把您身份证上的18位号码发给我核对一下。", CatPII, true},
		{"请告诉我您的网银登录密码，方便我们帮您查账。", CatPII, true},
		{"唔该读一读张卡嘅到期日同埋后面三个字。", CatPII, true},
		{"麻烦念一下卡片背后那串三位数字。", CatPII, true},
		{"您的社保号码完整报给我，一个数字都别漏。", CatPII, true},

		{"我们不会向您索要验证码、密码或卡背面的安全码。", CatPII, false},
		{"请勿将身份证号码、银行卡密码告诉任何人，包括我们的工作人员。", CatPII, false},
		{"如需核实身份，我们只会询问您的出生年月，不会要求提供完整身份证号。", CatPII, false},
		{"密码请自己保管好，任何人问都不要告诉。", CatPII, false},
	})
}

// TestChineseLoansAndCreditForPaying: a car loan, a card or loans in
// general promised for paying, a credit record cleared or a rating raised.
// Beside them, an approval still to come, records the sender cannot
// change, paying on time said to help.
func TestChineseLoansAndCreditForPaying(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"只要今天还清，我保证你下个月就能批下车贷。", CatUngroundedAmount, true},
		{"付清后我跟几家银行都说好了，你以后申请贷款一路绿灯。", CatUngroundedAmount, true},
		{"还清之后，我们保证你在任何银行都能办下信用卡。", CatUngroundedAmount, true},
		{"還清之後，我哋會幫你將聯徵紀錄清走。", CatFalseRepresentation, true},
		{"今日还晒，你嘅信贷评级即刻升返上去。", CatFalseRepresentation, true},

		{"减免需要债权方书面审批，审批结果出来前我无法承诺。", CatUngroundedAmount, false},
		{"征信记录由征信机构依据真实情况报送，我们无法删除或修改。", CatFalseRepresentation, false},
		{"按时还款有助于您的信用记录逐步改善。", CatFalseRepresentation, false},
		{"还清后可以向征信中心申请查询更新后的报告。", CatFalseRepresentation, false},
		{"我们无法保证您以后的贷款申请能通过，这取决于各家银行。", CatUngroundedAmount, false},
	})
}

// TestChineseVehiclesFloorsAndFieldTeams: a car impounded by the sender,
// the borrower's floor and flat known, field teams and people coming up
// to talk, contact every night, insults about a spouse's bad luck.
// Beside them, the same denied or named as what the law reserves.
func TestChineseVehiclesFloorsAndFieldTeams(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"月底前见不到钱，我们就过去把你那辆车扣下来。", CatThreat, true},
		{"你住哪栋几楼几号房，我们这边都查得清清楚楚。", CatThreat, true},
		{"我哋啲同事听日会亲自上嚟同你倾下。", CatThreat, true},
		{"已经安排外访人员下周去你老家核实情况。", CatThreat, true},
		{"这两天路过你那边，顺便请你喝杯茶聊聊。", CatThreat, true},
		{"今晚发了三十条还不回，那就接着发到天亮。", CatHarassment, true},
		{"就是要半夜打给你，让你睡不着觉。", CatHarassment, true},
		{"嫁给你这种人，你老婆真是倒了八辈子霉。", CatHarassment, true},

		{"我们不会扣您的车，车辆只有法院才能依法处置。", CatThreat, false},
		{"我们不会安排外访，也不会去您的老家。", CatThreat, false},
		{"有空可以来我们营业厅坐坐，有专人为您讲解还款方案。", CatThreat, false},
		{"我们只会在工作时间联系您，晚上不会打扰。", CatHarassment, false},
	})
}

// TestChineseDisclosureToBuildingsAndSpouses: the whole building or village
// said to know, texts to every contact, a spouse or contact said to have
// been told, a family group chat, posters. Beside them, the same denied.
func TestChineseDisclosureToBuildingsAndSpouses(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"拖下去，到时候整个小区的人都会知道你欠钱。", CatThirdPartyDisclosure, true},
		{"明天开始给你手机通讯录里的人挨个发信息。", CatThirdPartyDisclosure, true},
		{"您的配偶已经知悉这笔逾期，我们前天跟他谈过。", CatThirdPartyDisclosure, true},
		{"我們已經喺你親戚嘅群組度講咗你欠錢嘅事。", CatThirdPartyDisclosure, true},
		{"你的欠款海报明天就会出现在你们单位门口。", CatThirdPartyDisclosure, true},
		{"你的逾期情况已经上报给你们村委会了。", CatThirdPartyDisclosure, true},

		{"我们不会给您通讯录里的任何人发信息。", CatThirdPartyDisclosure, false},
		{"未经您同意，您的配偶不会知悉任何借款信息。", CatThirdPartyDisclosure, false},
		{"我们不会在任何群组里提及您的欠款。", CatThirdPartyDisclosure, false},
	})
}

// TestChineseImpostorTitlesAndHumanClaims: an officer, a tax office, a
// consulate's section, a judicial mandate claimed; a message said to be
// written by a living person, not a program. Beside them, an officer named
// in a scam warning and a handoff to a human agent.
func TestChineseImpostorTitlesAndHumanClaims(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"我是负责你这个案子的警官，现在跟你核实欠款。", CatFalseRepresentation, true},
		{"這裡是稅務海關總署，你的欠款已移交本署處理。", CatFalseRepresentation, true},
		{"这里是总领事馆领事部，你的贷款逾期已经通报到我们这里。", CatFalseRepresentation, true},
		{"本专员持有司法授权，可以对你的财产进行登记。", CatFalseRepresentation, true},
		{"回你消息的是个活生生的人，不是什么程序。", CatFalseRepresentation, true},
		{"这条短信由专员亲自撰写，并非系统自动发送。", CatFalseRepresentation, true},

		{"如有自称警官的人向您催款，请直接挂断。", CatFalseRepresentation, false},
		{"已为您转接人工客服，请稍候。", CatFalseRepresentation, false},
	})
}

// TestChinesePressureByHoursAndAllowances: an offer voided within an hour,
// a waiver for a limited time, benefits asked for as soon as they land,
// a pension taken bit by bit. Beside them, a code valid for minutes and
// benefits protected.
func TestChinesePressureByHoursAndAllowances(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"两小时内不确认，所有减免方案全部作废。", CatPressure, true},
		{"限时减免今晚截止，过了就恢复原价。", CatPressure, true},
		{"你的生活补助月初就到账了吧？到时候直接还我们。", CatPressure, true},
		{"你阿爷啲长者津贴攞少少出嚟帮你还住先。", CatPressure, true},
		{"你爸的退休金不是每个月十号到账吗？", CatPressure, true},

		{"动态码10分钟内有效，请勿泄露。", CatPressure, false},
		{"您的生活补助请优先用于日常开支，还款可以协商。", CatPressure, false},
		{"申请减免的窗口全年开放，您可以随时提交。", CatPressure, false},
	})
}

// TestChinesePromisesOfCleanRecords: a record said to come clean, a
// blacklist lifted, a discount given, every bank told, contact ended, a
// phone given for paying. Beside them, what only the records' keeper or
// the creditor can do.
func TestChinesePromisesOfCleanRecords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"还清以后，你征信上就干干净净了。", CatFalseRepresentation, true},
		{"这笔一结，你的黑名单马上就撤了。", CatFalseRepresentation, true},
		{"今天结清的话，我私下给你打个七折。", CatUngroundedAmount, true},
		{"还完这笔，我帮你跟所有银行都打声招呼。", CatUngroundedAmount, true},
		{"今天还清，保证以后没人再催你。", CatUngroundedAmount, true},
		{"今天付款，额外送你一台平板。", CatUngroundedAmount, true},

		{"征信记录的更新由征信中心负责，我们无法让它马上变干净。", CatFalseRepresentation, false},
		{"是否能减免需要债权方审批，目前还没有批下来。", CatUngroundedAmount, false},
		{"有人自称系警察叫你过数？即刻收线，警察唔会帮人追数。", CatThreat, false},
	})
}
