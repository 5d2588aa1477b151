package policies

import "testing"

// The cases of this file read Chinese wording by shape, in simplified,
// traditional and Cantonese Chinese: each shape is a frame beside an
// object (people who "know the way" beside the borrower's car or home, an
// exit stopped beside a trip abroad, a scare-quoted visit, a relative
// asked about the borrower's debt, a channel that closes for good), with
// near-misses in the same words that must stay allowed.

// TestChineseVeiledPresence: the sender's people said to know the way to
// the borrower's car or home, a job or a car said not to last, a field
// visit in scare quotes or with "consequences are yours". Beside them,
// directions given, a visit denied, a car or job named plainly.
func TestChineseVeiledPresence(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你那辆白色轿车每晚都停在小区东门，我们的兄弟都认得路。", CatThreat, true},
		{"你屋企樓下嗰個車位，我哋啲人都好熟路。", CatThreat, true},
		{"您家那條巷子，我們的人已經很熟路了。", CatThreat, true},
		{"你公司旁边那个停车场，我们同事轻车熟路。", CatThreat, true},
		{"再唔還錢，你架車聽日就唔使再揸喇。", CatThreat, true},
		{"刚进事业单位不容易吧？这事闹大了，你这饭碗还端得稳吗？", CatThreat, true},
		{"聽說你考上公務員了，欠款鬧到單位，飯碗還保得住嗎？", CatThreat, true},
		{"下周我们同事会到您住处附近“关心”一下您。", CatThreat, true},
		{"本週外勤同仁會去您公司「拜訪」一下，順便聊聊。", CatThreat, true},
		{"我們的外訪人員明天直接到府處理此事。", CatThreat, true},
		{"届时如果现场发生任何冲突，后果由您自行承担。", CatThreat, true},

		{"如需到网点办理，我们的工作人员可以为您指路。", CatThreat, false},
		{"网点就在地铁站旁边，很好找，导航可以直接认路。", CatThreat, false},
		{"我们不会派人去您家，也不会去您单位。", CatThreat, false},
		{"我们理解您工作稳定，可以为您制定合适的分期计划。", CatThreat, false},
		{"如分期方案与您的其他还款计划冲突，请告诉我们调整。", CatThreat, false},
		{"感谢您对我们服务的关心，我们会继续改进。", CatThreat, false},
	})
}

// TestChineseExitStopped: leaving the country, a flight or the border
// said to be barred for the debt, beside a visa or a trip. Beside them,
// travel said to be unaffected and what only a court may order.
func TestChineseExitStopped(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你不是要出国探亲吗？欠款不清，到了机场边检就会把你拦下。", CatThreat, true},
		{"聽說你在辦簽證，欠錢不還出境會被攔，你自己想清楚。", CatThreat, true},
		{"債唔還，你去機場都上唔到飛機。", CatThreat, true},
		{"再拖下去，下个月你就别想登机了，海关会直接扣下你。", CatThreat, true},

		{"欠款不会影响您办理签证或出境旅行。", CatThreat, false},
		{"您出国期间如不便接听电话，可以通过App还款。", CatThreat, false},
		{"只有法院才能依法对被执行人限制出境，我们无权这样做。", CatThreat, false},
	})
}

// TestChineseRelativeAskedAboutDebt: the recipient named as the
// borrower's spouse, parent or relative, then told of the borrower's
// debt. Beside them, a relative asked only to have the borrower call
// back, the borrower asked for in person.
func TestChineseRelativeAskedAboutDebt(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"请问您是李强的母亲吗？他在我们平台借的钱逾期三个月了。", CatThirdPartyDisclosure, true},
		{"您好，是王芳的老公吧？她欠我们的贷款到现在还没还。", CatThirdPartyDisclosure, true},
		{"請問是陳先生的太太嗎？他有一筆信用卡欠款一直沒處理。", CatThirdPartyDisclosure, true},
		{"你係阿明老婆嗎？佢喺我哋度借咗錢一直冇還。", CatThirdPartyDisclosure, true},

		{"您是张伟的家属吗？我们只能与本人沟通，麻烦请他回电。", CatThirdPartyDisclosure, false},
		{"您好，请问是王芳女士本人吗？有一份账户信息需要与本人核实。", CatThirdPartyDisclosure, false},
		{"请问是陈先生本人吗？有一笔账户事宜需要与您本人确认。", CatThirdPartyDisclosure, false},
	})
}

// TestChineseFalseDeadlines: a channel, a window or an offer said to close
// for good, or to hold for minutes only. Beside them, a code valid for its
// minutes, a channel that stays open or reopens.
func TestChineseFalseDeadlines(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"您的专属协商窗口今晚零点关闭，之后将永久失效。", CatPressure, true},
		{"減免通道明天中午關閉，關閉後再也無法申請。", CatPressure, true},
		{"這個方案只在接下來5分鐘內有效，過了就沒了。", CatPressure, true},
		{"这个优惠半小时内有效，错过就没有了，赶紧决定。", CatPressure, true},

		{"验证码5分钟内有效，请勿告诉他人。", CatPressure, false},
		{"协商通道长期开放，您随时可以在App内申请。", CatPressure, false},
		{"系统维护期间还款通道暂时关闭，维护结束后自动恢复。", CatPressure, false},
	})
}

// TestChineseGuiltAndFuneralMoney: guilt by conscience and by who helped
// the borrower once, condolence or funeral money asked for. Beside them,
// the contract "when you applied", condolences with a pause.
func TestChineseGuiltAndFuneralMoney(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"當初是誰在你最難的時候拉了你一把？現在連電話都不接，良心不會痛嗎？", CatPressure, true},
		{"你摸摸自己的良心，帮过你的人你就这样对待？", CatPressure, true},
		{"你良心唔会痛咩？当初边个帮你？", CatPressure, true},
		{"借钱的时候说得好好的，现在翻脸不认人，真是恩将仇报。", CatPressure, true},
		{"家里老人的后事办完了吧？收的帛金先拿来还款。", CatPressure, true},
		{"喪禮收的奠儀應該夠還這筆錢了。", CatPressure, true},
		{"听说你爸走了，礼金应该收了不少，正好把欠款清一清。", CatPressure, true},

		{"当初您申请借款时签署的合同约定了还款日，详情可在App查看。", CatPressure, false},
		{"节哀顺变，家中如有丧事，可以申请暂缓还款。", CatPressure, false},
		{"得知您家中办丧事，我们暂停催收三十天，请节哀。", CatPressure, false},
	})
}

// TestChineseInsultsAndJibes: Cantonese insults, character and body mocked,
// a curse of retribution, a purchase praised against the debt, others who
// can pay, calls until answered, a ranked list of debtors. Beside them,
// the same words used plainly.
func TestChineseInsultsAndJibes(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"睇你個衰樣，廢到咁都敢借錢？", CatHarassment, true},
		{"咁大個人廢成咁，有面借錢冇面還。", CatHarassment, true},
		{"你的信用和你的人品一样，都是零。", CatHarassment, true},
		{"胖成这样还天天喝奶茶，先把钱还了吧。", CatHarassment, true},
		{"欠钱不还会遭报应的，老天都看着呢。", CatHarassment, true},
		{"看你朋友圈刚换了新手机，品味真好，还钱也这么大方就好了。", CatHarassment, true},
		{"其他病人都交得起治疗费，怎么就只有你觉得该免费？", CatHarassment, true},
		{"系统已为您设置每15分钟一次的自动呼叫，直至接通为止。", CatHarassment, true},
		{"本月老賴排行榜明天在官網公佈，你排第三名。", CatHarassment, true},
		{"我们会把逾期名单发布到公众号上。", CatThirdPartyDisclosure, true},
		{"我们把你的自拍做成海报，贴满你们小区。", CatHarassment, true},
		{"給你做張大字報，照片就用你微信頭像。", CatHarassment, true},

		{"唔好意思，系统出咗问题，你嘅还款记录已经更新。", CatHarassment, false},
		{"活动海报上的照片仅为示意，请以实际为准。", CatHarassment, false},
		{"您的信用记录良好，可以申请更低的利率。", CatHarassment, false},
		{"如未能接通，我们会在工作时间内再联系您一次。", CatHarassment, false},
		{"我们不会公布任何客户的欠款信息。", CatThirdPartyDisclosure, false},
		{"我们不会公布任何客户的欠款信息。", CatHarassment, false},
	})
}

// TestChineseSecretsOnAPage: a password, a code or an identity number to
// be typed on a page, or provided to unlock an account. Beside them, advice
// never to type them on an unofficial page, a card number typed on the
// official site to pay, a code typed by the borrower alone in the app.
func TestChineseSecretsOnAPage(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"请登录还款页面，输入您的银行卡号和交易密码完成还款。", CatPII, true},
		{"點擊連結後輸入身分證字號及簡訊驗證碼即可解除限制。", CatPII, true},
		{"加客服好友並提供網銀驗證碼以解除凍結。", CatPII, true},

		{"请勿在任何非官方页面输入您的银行卡号或密码。", CatPII, false},
		{"我们不会要求您输入验证码，请谨防诈骗。", CatPII, false},
		{"在我们官网的付款页面输入银行卡号即可完成还款。", CatPII, false},
		{"验证码请在App内自行输入，不要告诉任何人。", CatPII, false},
		{"银行会发来动态码，请只在银行的官方页面输入，不要转发给别人。", CatPII, false},
	})
}

// TestChineseLawfulNotices: a suit named as a possibility whose decision
// is not made, scam warnings that the courts and the police do not ask
// for transfers, mail no longer sent home, a credit score not promised.
// Beside them, a suit stated and the police sent.
func TestChineseLawfulNotices(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"按照法律，债权人可以向法院提起诉讼。是否起诉要等公司评估后决定，您现在仍可协商还款。", CatFalseRepresentation, false},
		{"债权人依法可以起诉，但是否起诉由我司评估后决定，目前尚未作出决定。", CatFalseRepresentation, false},
		{"如您符合困难帮扶条件，利息可能在一段时间内暂停。可在App中申请，结果我们会通知您。", CatUngroundedAmount, false},
		{"外勤同事上门时都会出示工作证，您可以打客服电话核实。", CatThreat, false},
		{"法律常识：长期拖欠可能被债权人起诉，建议您主动协商还款。", CatFalseRepresentation, false},
		{"温馨提示：法院和公安机关不会通过电话要求您转账。", CatThreat, false},
		{"温馨提示：法院和公安机关不会通过电话要求您转账。", CatFalseRepresentation, false},
		{"防詐提醒：警察、檢察官都不會用LINE叫你匯款還債。", CatThreat, false},
		{"按照您的要求，以后纸质账单不再邮寄到您家庭住址。", CatThreat, false},
		{"还款不一定会提升您的信用评分，我们只如实报送记录。", CatFalseRepresentation, false},

		{"你不还，我们下周一就向法院起诉你。", CatFalseRepresentation, true},
		{"我们已经报警，警察会上门抓你。", CatThreat, true},
		{"明天我们派人到您家庭住址当面谈。", CatThreat, true},
		{"今天还清，信用分马上提升。", CatFalseRepresentation, true},
		{"今天还款，利息马上暂停。", CatUngroundedAmount, true},
		{"明天派人上门，到时会出示工作证。", CatThreat, true},
	})
}

// TestChineseBoardsAndMedicine: the debt reported to the board or the
// association that licenses the borrower; medicine paused or cut to pay,
// as what other customers choose. Beside them, a complaint the borrower
// may make, medicine taken as prescribed, a repayment paused.
func TestChineseBoardsAndMedicine(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"再拖下去，我们会把你欠款的事通报给律师协会。", CatThirdPartyDisclosure, true},
		{"我們將向醫師公會反映您的欠款情況。", CatThirdPartyDisclosure, true},
		{"逾期超过三个月，情况会上报你的执照管理部门。", CatThirdPartyDisclosure, true},
		{"很多客户会先停掉一些非必需的药，把钱省下来还款。", CatPressure, true},
		{"暫停服藥幾個月，就能把錢還上了。", CatPressure, true},

		{"如对我们的服务不满，您可以向银行业协会投诉。", CatThirdPartyDisclosure, false},
		{"本公司接受行业协会的监督。", CatThirdPartyDisclosure, false},
		{"我们不会把您的情况通报给任何委员会或协会。", CatThirdPartyDisclosure, false},
		{"如您正在服药治疗，可以申请暂停还款。", CatPressure, false},
		{"请按医嘱服药，还款的事我们可以慢慢商量。", CatPressure, false},
	})
}
