package policies

import "testing"

// TestChinesePressure: pressure in Chinese beyond an ultimatum: guilt and
// shame about parents, children and face; money to be got from relatives,
// friends, credit cards and other lending apps; things to be sold; money
// for living, medicine or school to be used; a deadline that expires the
// offer; others who paid held up; and a moral maxim used to demand
// payment. Beside them, plain reminders, lawful options for hardship and
// advice against borrowing to repay.
func TestChinesePressure(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		// Guilt and shame about parents, children and face.
		{"你爸妈辛辛苦苦把你养大，你就让他们跟着你丢脸？", CatPressure, true},
		{"想想你的孩子，他们要是知道爸爸欠钱不还会怎么想？", CatPressure, true},
		{"你以后让孩子怎么抬得起头？", CatPressure, true},
		{"你也是要面子的人，何必为这点钱把脸都丢光。", CatPressure, true},
		{"為了你爸媽的面子，今天就把錢還了吧。", CatPressure, true},
		{"做父母的总得给孩子做个榜样吧，赶紧把钱还上。", CatPressure, true},
		{"你都唔想阿爸阿媽為你擔心啩？快啲還錢啦。", CatPressure, true},
		{"你让你父母的脸往哪儿搁？", CatPressure, true},

		// Money got elsewhere: other lending apps, cards, relatives, friends.
		{"去撸几个口子把这笔先填上。", CatPressure, true},
		{"你不是还有微粒贷吗？先借出来还我们这笔。", CatPressure, true},
		{"京東白條還有額度吧，先套出來還款。", CatPressure, true},
		{"问亲戚朋友凑一凑，总能凑出来的。", CatPressure, true},
		{"找你同事先挪一点，今天必须还上。", CatPressure, true},
		{"你可以用信用卡套现先把这期还了。", CatPressure, true},
		{"搵你啲朋友借住先啦，聽日一定要還。", CatPressure, true},

		// Things to be sold or pawned.
		{"把你手上的金项链卖了也够还了。", CatPressure, true},
		{"把车抵押出去，钱不就来了？", CatPressure, true},
		{"家裡的金飾拿去變賣，這筆就能還清。", CatPressure, true},
		{"你部新手機賣咗佢咪有錢還囉。", CatPressure, true},

		// Money for living, medicine or school.
		{"孩子的学费先拿来还我们，学费晚点再交。", CatPressure, true},
		{"你妈的住院费先挪过来还这笔。", CatPressure, true},
		{"这个月的生活费先别花，全部转过来还款。", CatPressure, true},
		{"看病的錢先緩一緩，先把欠款還了。", CatPressure, true},

		// A deadline that expires the offer.
		{"今天下班前不到账，这个方案就作废。", CatPressure, true},
		{"过了今晚，什么减免都没有了。", CatPressure, true},
		{"今晚十二点前必须到账，过时不候。", CatPressure, true},
		{"只给你两个小时，到点不还别怪我们。", CatPressure, true},
		{"過咗今晚就唔會再幫你申請減免。", CatPressure, true},

		// Others who paid held up against the borrower.
		{"跟你同一批借款的人早就还清了，你还在拖什么？", CatPressure, true},
		{"别人比你困难多了都按时还，你有什么理由不还？", CatPressure, true},
		{"人家條件還不如你都還上了，你好意思嗎？", CatPressure, true},

		// A moral maxim used to demand payment.
		{"做人要讲诚信，欠债还钱天经地义，今天就把钱还了。", CatPressure, true},
		{"欠債還錢，天經地義，你還想賴到什麼時候？", CatPressure, true},
		{"人无信不立，这点道理你都不懂吗？赶紧还钱。", CatPressure, true},
		{"借钱的时候好声好气，还钱的时候就装聋作哑，做人不能这样。", CatPressure, true},

		// Plain reminders, lawful options, advice against borrowing.
		{"温馨提示：您本期账单将于12月10日到期，请按时还款。", CatPressure, false},
		{"如有困难可申请延期，我们会根据您的情况协商。", CatPressure, false},
		{"如果您暂时无法一次还清，可以申请分期还款。", CatPressure, false},
		{"请不要为了还款去借网贷，我们可以一起商量方案。", CatPressure, false},
		{"建议您优先保障孩子的学费和生活开支，再安排还款。", CatPressure, false},
		{"今天下班前我们会把还款计划发给您确认。", CatPressure, false},
		{"最后一期还款已经完成，感谢您的配合。", CatPressure, false},
		{"過了今晚的系統維護，APP就可以正常還款。", CatPressure, false},
		{"如有困難，可以申請延期或者分期，唔使擔心。", CatPressure, false},
		{"诚信记录良好的客户可以申请更低的分期手续费。", CatPressure, false},
		{"您的父母不会收到任何关于这笔欠款的信息。", CatPressure, false},
	})
}

// TestChinesePressureLapse: more shapes of Chinese pressure: what today's
// non-payment costs tomorrow (price, instalments, chances), a window of
// hours or minutes after which the plan lapses, a count to three, stay on
// the line; cash advances, other cards, a pension fund withdrawn, a
// consumer loan, a boss's advance, a spouse's wages; classes or pocket
// money cut to pay; a valuable sold; doing right by the children; risk
// that grows every minute. Beside each, the clean wording: tomorrow is as
// good as today, interest that accrues stated plainly, a plan kept open.
func TestChinesePressureLapse(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"今天不处理，明天就不是这个金额了。", CatPressure, true},
		{"现在不还的话，以后就再也别想分期了。", CatPressure, true},
		{"今天沒到賬，明天就唔會再同你傾。", CatPressure, true},
		{"给你四十分钟，四十分钟后这个方案就作废。", CatPressure, true},
		{"这个方案只在这通电话里有效，挂断后就无法再申请。", CatPressure, true},
		{"最后一个小时了，付了就给你减免。", CatPressure, true},
		{"我数到三，还不转账就上报。", CatPressure, true},
		{"電話唔好收線，而家即刻轉賬。", CatPressure, true},
		{"今晚午夜前没付，之后就没机会了。", CatPressure, true},
		{"去信用卡预借现金，今天就能还完。", CatPressure, true},
		{"你不是有住房公积金吗？提出来还。", CatPressure, true},
		{"问你老板预支一个月工资，今天就要。", CatPressure, true},
		{"你太太收入也不错吧？叫她先还上。", CatPressure, true},
		{"孩子的补习班先停掉，省下来的钱还我们。", CatPressure, true},
		{"女儿的压岁钱先拿来用一下。", CatPressure, true},
		{"其他账单先别管，先把我们这笔还了。", CatPressure, true},
		{"你那块表挺值钱的，拿去卖了吧。", CatPressure, true},
		{"你想想你的孩子，这样拖着对得起他们吗？", CatPressure, true},
		{"别让信任你的家人失望，今天就还清。", CatPressure, true},
		{"有担当的父亲不会让孩子跟着受累。", CatPressure, true},
		{"每多拖一分钟，风险都在累积。", CatPressure, true},

		{"今天不方便还款的话，明天还也可以，不会有额外费用。", CatPressure, false},
		{"逾期每多一天会产生约2元利息，请您知悉。", CatPressure, false},
		{"方案在您考虑期间一直有效，挂断后也可以随时在APP里申请。", CatPressure, false},
		{"工资到账后再安排还款也可以，我们不着急。", CatPressure, false},
		{"我们不建议您用信用卡预借现金还款，利息很高。", CatPressure, false},
		{"孩子的补习班和压岁钱都是您家里的事，我们不会过问。", CatPressure, false},
	})
}

// TestChineseTimedNotices: clean notices with a time that lapses: a code
// that expires in minutes, a call put through to an agent, a change locked
// after a day, interest that grows with delay stated plainly.
func TestChineseTimedNotices(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"验证码5分钟后失效，请勿告诉他人。", CatPressure, false},
		{"请别挂电话，我帮您转接人工客服。", CatPressure, false},
		{"唔好收线，我帮你转驳同事。", CatPressure, false},
		{"修改申请提交24小时后将无法再更改，请仔细核对。", CatPressure, false},
		{"逾期时间越拖越长，产生的罚息也会越大，建议您尽早安排。", CatPressure, false},
		{"如您现在就转账，请在备注里填写合同号。", CatPressure, false},
	})
}

// TestChineseCreditNamed: a consumer loan, a cash advance or an advance
// named as a product, not urged as the way to pay.
func TestChineseCreditNamed(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"您的消费贷本期账单已出，请按时还款。", CatPressure, false},
		{"信用卡预借现金的利息较高，不建议用于还款。", CatPressure, false},
		{"您的工资预支服务已到期，如有疑问请联系客服。", CatPressure, false},
		{"先去申请一笔消费贷，把这笔还上。", CatPressure, true},
	})
}

// TestChinesePressureDuty: pressure by duty and by the sender's patience:
// borrowing from a parent or partner urged in short words, a new card or a
// cash withdrawal, the only one left unpaid, colleagues who all paid, a
// wait until an hour, one chance only, nothing left to talk about after a
// day, minutes to pay, a family's expectations, responsibility, trust to
// be repaid, no mercy shown. Beside them, the clean wording.
func TestChinesePressureDuty(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"没钱就找你哥借啊，这还要我教？", CatPressure, true},
		{"问你爸妈要啊，他们总不会不管你。", CatPressure, true},
		{"建议您向亲友借款把这笔结清。", CatPressure, true},
		{"去办一张新的信用卡，先把我们这笔还了。", CatPressure, true},
		{"可以先用信用卡取现还上。", CatPressure, true},
		{"整个小组就差你一个没还了。", CatPressure, true},
		{"您的同事们都按时还了，您也不想当例外吧？", CatPressure, true},
		{"我只等你到今晚八点。", CatPressure, true},
		{"机会只有一次，错过不再有。", CatPressure, true},
		{"过了今天，什么都谈不了了。", CatPressure, true},
		{"请在20分钟内完成还款。", CatPressure, true},
		{"想想你家人对你的期望，今天就处理。", CatPressure, true},
		{"请对自己的家庭负责，今天还清。", CatPressure, true},
		{"如果你还有一点责任心，今天就还。", CatPressure, true},
		{"我们当初信任了你，现在该你回报这份信任了。", CatPressure, true},
		{"今天不还，就别怪我不讲情面。", CatPressure, true},
		{"你就不能为孩子做个好榜样吗？", CatPressure, true},

		{"您的借款信息不会告知家人，请放心。", CatPressure, false},
		{"如需办理新的信用卡，请到网点咨询，与本次还款无关。", CatPressure, false},
		{"我们会在今晚八点前把方案发给您。", CatPressure, false},
		{"感谢您对我们的信任，有问题随时联系。", CatPressure, false},
	})
}
