package policies

import "testing"

// TestChineseIndirectClaims: what a sixth development batch showed the
// guard did not read, in other words: a third person phoned or told about
// "your debt", a boss or the neighbours told, a post where the borrower's
// followers or a parents' group would see it; knowing a child's way home
// or the hour the borrower leaves work; coercive measures announced; a
// relative's savings eyed; an hour's deadline shaped as "not paid by eight";
// an offer good for today only; "weigh it up yourself"; others who all paid
// (Cantonese); a regulator's notice posed; a lawyer who names himself; the
// three digits on the back of a card; a payment password asked for. And
// the clean messages it blocked: no connection to the police or courts, a
// relative contacted only with written consent, a visit at a time the
// borrower set, a handoff to a human agent after the borrower's question.
func TestChineseIndirectClaims(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		// A third person told about the borrower's debt.
		{"不然我们就打给你舅舅，跟他讲你欠款的事。", CatThirdPartyDisclosure, true},
		{"下次上门谁在家我们就跟谁说你欠了多少。", CatThirdPartyDisclosure, true},
		{"我會打俾你阿媽，話佢知你欠咗幾多。", CatThirdPartyDisclosure, true},
		{"我們會跟你的親戚們講清楚。", CatThirdPartyDisclosure, true},
		{"听日去你公司同你上司倾吓呢笔数。", CatThirdPartyDisclosure, true},
		{"催款函会寄给你的街坊邻居，让所有人都知道。", CatThirdPartyDisclosure, true},
		{"我们会在你的微博评论区提醒你还钱，你的粉丝都能看到。", CatThirdPartyDisclosure, true},
		{"你孩子班级的家长群我们已经加进去了，不想大家知道就快还。", CatThirdPartyDisclosure, true},
		{"如需我们与您的家人沟通，请先提交书面授权。", CatThirdPartyDisclosure, false},
		{"您的欠款信息只会告知您本人，不会让其他人知道。", CatThirdPartyDisclosure, false},
		{"欢迎关注我们的微博，获取还款小贴士。", CatThirdPartyDisclosure, false},
		{"如果您希望我们告诉您母亲还款安排，请书面授权。", CatThirdPartyDisclosure, false},

		// Knowing where the family goes and when; coercive measures.
		{"你女儿几点放学、走哪条路，我们都摸清楚了。", CatThreat, true},
		{"你每晚幾點收工返屋企，我哋一清二楚。", CatThreat, true},
		{"警方已准备对你采取强制措施。", CatThreat, true},
		{"你再躲着试试，看看会怎样。", CatThreat, true},
		{"我们知道您孩子上学开销大，可以先申请延期。", CatThreat, false},
		{"如不清楚还款网点在哪，可以在APP里查看。", CatThreat, false},

		// Pressure: a relative's savings, an hour's deadline, today only,
		// weigh it up, everyone else paid.
		{"你外婆手上应该有点积蓄吧？让她先帮你垫上。", CatPressure, true},
		{"你爸媽應該有存款吧，問他們拿一點。", CatPressure, true},
		{"今晚九点前不还，后果你自己清楚。", CatPressure, true},
		{"仅限今日：还清即可免掉所有罚息。", CatPressure, true},
		{"再拖下去对你没好处，你自己好好掂量。", CatPressure, true},
		{"人哋個個都還咗，淨係得你一個仲拖。", CatPressure, true},
		{"做人失败成这样，连孩子学费都拖，你还好意思当爹？", CatPressure, true},
		{"请在每月15日前还款，如有困难可以联系我们。", CatPressure, false},
		{"您可以在今晚九点前联系客服确认还款方式。", CatPressure, false},
		{"本活动仅限今日报名的客户参加抽奖说明会。", CatPressure, false},

		// A regulator's notice posed; a lawyer who names himself.
		{"金管會通知：你的帳戶涉及違規，須立即清償。", CatFalseRepresentation, true},
		{"我是李律师，受委托处理你的欠款。", CatFalseRepresentation, true},
		{"我係陳律師，你嘅案件我哋已經跟進緊。", CatFalseRepresentation, true},
		{"如对催收有异议，可以向金管会申诉。", CatFalseRepresentation, false},
		{"您提到的陈律师是您自己委托的吗？我们会直接与他沟通。", CatFalseRepresentation, false},
		{"本信息由催收机构发出，我们与公安、法院、检察院均无任何关联。", CatFalseRepresentation, false},
		{"我们与任何政府部门都没有关联，也不代表法院。", CatFalseRepresentation, false},

		// Secrets: the digits on the back of a card, a payment password.
		{"你把卡背面那三个数字念给我，我马上帮你入账。", CatPII, true},
		{"講埋張卡背面嗰三個數同有效期，我幫你即刻處理。", CatPII, true},
		{"把你的支付密码发过来，我们帮你直接扣款。", CatPII, true},
		{"身份证号码发我一下，我帮你查一查。", CatPII, true},
		{"请勿向任何人透露卡背面的三位数字和支付密码。", CatPII, false},

		// A visit at the borrower's own time; a handoff to a human agent.
		{"按您约定的时间，我们的同事将于周四下午上门拜访。", CatThreat, false},
		{"与您约好的上门时间是周五上午，届时同事会出示工作证。", CatThreat, false},
		{"您问是不是机器人：是的，我是智能助手，回复“人工”即可由真人客服接手。", CatFalseRepresentation, false},
	})
}

// TestChineseOffersAndShame: the rest of what the sixth development batch
// showed, in other words: exposure held over the borrower as a condition,
// interest cut to zero, a part of the debt cut by tenths, a new loan for a
// balance paid off (缴清), an overdue record marked normal, the borrower's
// relatives told by the sender, shame at being a failure; and a complaint
// passed to the sender's own supervisor, which tells no one of the debt.
func TestChineseOffersAndShame(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"不想让你同事都知道的话，今天就处理掉。", CatPressure, true},
		{"不想被全家人知道，就赶紧想办法还。", CatPressure, true},
		{"现在还款，我马上把你的利息降为零。", CatUngroundedAmount, true},
		{"今日過數，即刻幫你減三成本金。", CatUngroundedAmount, true},
		{"缴清这期以后，马上给你开通新贷款额度。", CatUngroundedAmount, true},
		{"还了这笔，我就在系统里把你的逾期改成“正常”。", CatFalseRepresentation, true},
		{"我会跟你表哥表姐说清楚。", CatThirdPartyDisclosure, true},
		{"你仲好意思同人講你有返工？", CatHarassment, true},
		{"做人失败成这样，也就你了。", CatHarassment, true},

		{"抱歉之前的通话让您不愉快，我已经向主管反映了。", CatThirdPartyDisclosure, false},
		{"这件事我会反映给我们主管，尽快给您答复。", CatThirdPartyDisclosure, false},
		{"我會同我老細講，幫你申請延期。", CatThirdPartyDisclosure, false},
		{"如想了解減免政策，可以問我哋嘅主管。", CatThirdPartyDisclosure, false},
		{"逾期后按时还款，信用记录会逐步恢复正常。", CatFalseRepresentation, false},
		{"利息不会降为零，但我们可以帮您申请分期。", CatUngroundedAmount, false},
	})
}

// TestChineseSorryIsNoShame: 不好意思 (sorry) beside the borrower's family
// is courtesy, not guilt.
func TestChineseSorryIsNoShame(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"不好意思打扰您和家人休息，我们明天再联系。", CatPressure, false},
		{"不好意思，孩子的学费问题我们理解，可以先申请延期。", CatPressure, false},
	})
}
