package policies

import "testing"

// TestChineseVerbFamilies: Chinese families read by verb and scope, in
// simplified, traditional, Cantonese and mixed wording: visits announced
// in Cantonese and Taiwanese registers, officials impersonated, papers
// (visa, passport) threatened, a job or car said to be at stake, veiled
// stock phrases, pressure (pawn, work more, rent put off, pay while I wait,
// a relative or guarantor asked to pay), false promises
// (a due date pushed back, a credit score that rises, fees not charged,
// credit or gifts for paying), debts relayed through a third person and
// the insult of face refused. Beside each, the clean messages that look
// like it: denials, scam warnings, notices of rights, quoted words, mail
// sent to an address, an office near a court.
func TestChineseVerbFamilies(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		// A visit, announced in Cantonese or in Taiwanese usage.
		{"我哋下個禮拜會上嚟搵你，記得喺屋企等。", CatThreat, true},
		{"明天我们几个同事亲自上来找你谈还款。", CatThreat, true},
		{"本週五專員將到府拜訪，請準時在家。", CatThreat, true},
		{"下星期我哋會親身到你府上傾吓。", CatThreat, true},
		{"帳單已經寄到你府上，請查收。", CatThreat, false},
		{"我們不會上門，也不會到府上打擾你。", CatThreat, false},
		{"文件會寄到你府上，唔使你親自上嚟。", CatThreat, false},
		{"有問題可以上嚟我哋門市搵同事傾。", CatThreat, false},

		// An official body impersonated: I am, this is, we are.
		{"这里是国家金融监管总局，我们正在调查你的贷款逾期问题。", CatFalseRepresentation, true},
		{"我是中国驻伦敦大使馆的工作人员，你的欠款已经通报到使馆。", CatFalseRepresentation, true},
		{"我哋係人民銀行嘅職員，要核實你嘅欠款。", CatFalseRepresentation, true},
		{"如对催收方式有异议，可以向金融监管部门投诉。", CatFalseRepresentation, false},
		{"我们是受国家金融监管总局监管的持牌机构。", CatFalseRepresentation, false},
		{"这里是客服中心，如需领事认证文件，请向大使馆咨询。", CatFalseRepresentation, false},
		{"我是贷后专员小李，如对我们有投诉可以拨打人民银行的热线。", CatFalseRepresentation, false},

		// Police named as acting on the debt; the borrower's own report,
		// impostors warned about.
		{"你的事警方已经掌握了，准备好配合吧。", CatThreat, true},
		{"请您配合调查，不要离开本市。", CatThreat, true},
		{"您已向派出所报案，我们会暂停催收并等待结果。", CatThreat, false},
		{"你可以向当地派出所报案，我们全力配合。", CatThreat, false},
		{"如有人自称警察要求您转账，请直接挂断。", CatThreat, false},
		{"警方不会打电话帮人追债，遇到请挂断。", CatThreat, false},

		// Papers at stake: visa, passport, leaving the country.
		{"不还钱的话，移民局会收到你的欠款资料，续签就难了。", CatFalseRepresentation, true},
		{"欠款未清者護照將被吊銷，無法出境。", CatFalseRepresentation, true},
		{"唔還錢就通知入境處，你嘅簽證會有麻煩。", CatFalseRepresentation, true},
		{"逾期不会影响您的签证或护照。", CatFalseRepresentation, false},
		{"我们无权注销您的护照，也不会联系移民局。", CatFalseRepresentation, false},
		{"如您计划出境，可以提前一次性还清。", CatFalseRepresentation, false},
		{"请上传护照首页用于核实身份。", CatFalseRepresentation, false},

		// A job or a car said to be at stake.
		{"再拖下去，你那份差事怕是保不住。", CatThreat, true},
		{"再唔處理，你份工都保唔住。", CatThreat, true},
		{"你那辆车还想不想开了？", CatThreat, true},
		{"如果您担心保不住工作，可以先申请分期。", CatThreat, false},
		{"找到新工作之后，还款可以慢慢恢复。", CatThreat, false},
		{"车贷和这笔欠款是两回事，请分开处理。", CatThreat, false},

		// Stock phrases of a veiled threat.
		{"大家都不想闹到那一步，你明白的。", CatThreat, true},
		{"你都唔想我哋難做㗎嘛，快啲搞掂佢。", CatThreat, true},
		{"别让我们难做，今天给个说法。", CatThreat, true},
		{"下一步我们会把还款计划发给您确认。", CatThreat, false},
		{"我们也理解您的难处，可以一起想办法。", CatThreat, false},
		{"每一步操作都会有短信提醒。", CatThreat, false},

		// Pressure: deal with it yourself, no more talking.
		{"钱的事你自己看着办吧。", CatPressure, true},
		{"过了今天就没得谈了。", CatPressure, true},
		{"聽日之後就冇得傾喇。", CatPressure, true},
		{"还款方式您可以自己选择，我们都支持。", CatPressure, false},
		{"我们可以慢慢谈，不急。", CatPressure, false},
		{"分期没有名额限制，您随时可以申请。", CatPressure, false},

		// Pressure: rent or medicine put off, things pawned, more work.
		{"房租先缓一缓，把我们这笔还了。", CatPressure, true},
		{"医药费先放一放，先还我们。", CatPressure, true},
		{"手上那只金表拿去典当，钱就有了。", CatPressure, true},
		{"周末再去打一份工，月底就能还上。", CatPressure, true},
		{"如果房租压力大，还款可以先缓一缓，我们帮您申请。", CatPressure, false},
		{"请不要挪用房租来还款。", CatPressure, false},
		{"请不要典当个人物品来还款。", CatPressure, false},
		{"不用为了还款去打两份工，我们可以调整计划。", CatPressure, false},
		{"如果您正在找工作，可以先申请延期。", CatPressure, false},

		// Pressure: pay within the day (Cantonese), pay while I wait.
		{"今日之內還晒佢，唔係就麻煩。", CatPressure, true},
		{"你现在就去转账，我在线上等你。", CatPressure, true},
		{"今日之內我哋會寄出收據。", CatPressure, false},
		{"转账完成后请截图给我们，我们会在线上为您确认。", CatPressure, false},

		// Pressure: someone else asked to pay the borrower's debt.
		{"你是他的担保人，请你替他还这笔钱。", CatPressure, true},
		{"麻煩你幫佢還埋呢筆數。", CatPressure, true},
		{"我们不会要求家人代为还款。", CatPressure, false},
		{"联系人没有义务替他还款。", CatPressure, false},

		// False promises: a due date pushed back, a score that rises,
		// fees not charged, interest-free loans, gifts for paying.
		{"今天先还一部分，还款日我帮你往后推两周。", CatUngroundedAmount, true},
		{"交一期，到期日可以往後延。", CatUngroundedAmount, true},
		{"还款日能否往后推，需要债权人审批。", CatUngroundedAmount, false},
		{"还款日不能往后延。", CatUngroundedAmount, false},
		{"还清之后你的信用分马上会上升。", CatFalseRepresentation, true},
		{"結清後芝麻分會回升。", CatFalseRepresentation, true},
		{"按时还款有助于逐步提升信用记录，但不能保证。", CatFalseRepresentation, false},
		{"我们无法承诺您的信用分会上升。", CatFalseRepresentation, false},
		{"这个月还清，罚息我们一分不收。", CatUngroundedAmount, true},
		{"这周还上，手续费就不用交了。", CatUngroundedAmount, true},
		{"逾期会按合同收取罚息。", CatUngroundedAmount, false},
		{"我们不会收取任何合同以外的费用。", CatUngroundedAmount, false},
		{"还了这期，以后的借款都免息。", CatUngroundedAmount, true},
		{"信用卡通常有一段免息期，具体以合同为准。", CatUngroundedAmount, false},
		{"结清后，下次借款秒批。", CatUngroundedAmount, true},
		{"结清后如需借款，需要重新审核，不一定能批。", CatUngroundedAmount, false},
		{"现在还款就送一张购物卡。", CatUngroundedAmount, true},
		{"还清即有红包返现。", CatUngroundedAmount, true},
		{"我们从不以赠送礼品的方式催收，请勿相信。", CatUngroundedAmount, false},
		{"还款不会有任何返现或红包，谨防诈骗。", CatUngroundedAmount, false},
		{"剩余部分按五折结清就行。", CatUngroundedAmount, true},
		{"我们不能按折扣结清，只能全额。", CatUngroundedAmount, false},

		// A debt relayed through a third person.
		{"麻烦提醒他一下，他在我们这里的借款已经逾期两个月。", CatThirdPartyDisclosure, true},
		{"你叫佢快啲覆電話，佢嗰筆數爆咗好耐。", CatThirdPartyDisclosure, true},
		{"您的租客王先生欠款未还，请您协助联系。", CatThirdPartyDisclosure, true},
		{"麻烦提醒他一下明天的会议时间。", CatThirdPartyDisclosure, false},
		{"温馨提醒：本期账单将于下周到期。", CatThirdPartyDisclosure, false},
		{"请提醒自己按时还款，避免逾期。", CatThirdPartyDisclosure, false},
		{"您的同事不会收到任何关于您欠款的信息。", CatThirdPartyDisclosure, false},

		// Telling others: a talk with the family, a letter to the workplace.
		{"我们会找你爸妈好好聊聊你欠钱的事。", CatThirdPartyDisclosure, true},
		{"催款信已经寄到你单位了。", CatThirdPartyDisclosure, true},
		{"有问题可以跟我们聊聊还款计划。", CatThirdPartyDisclosure, false},
		{"账单会寄到您登记的地址。", CatThirdPartyDisclosure, false},
		{"我们不会找你家人聊任何事。", CatThirdPartyDisclosure, false},

		// Face given and refused: an insult.
		{"真是给脸不要脸。", CatHarassment, true},
		{"敬酒不吃吃罚酒是吧？", CatHarassment, true},
		{"谢谢您给我们机会解释。", CatHarassment, false},
		{"给您添麻烦了，不好意思。", CatHarassment, false},

		// What is not the sender's: an office near a court, enforcement
		// the law provides, scam hotlines, quoted words.
		{"我们公司在市法院旁边那栋楼，欢迎来访。", CatFalseRepresentation, false},
		{"办事处就在法院附近，步行五分钟。", CatFalseRepresentation, false},
		{"如判决后仍未履行，债权人可以依法申请强制执行。", CatThreat, false},
		{"遇到网贷App威胁曝光通讯录，可向网络犯罪举报中心举报。", CatFalseRepresentation, false},
		{"客户原话是“再打来我就报警”，已停止外呼。", CatThreat, false},
		{"备注：别跟客户说“还清就删征信记录”，这是误导。", CatFalseRepresentation, false},
	})
}
