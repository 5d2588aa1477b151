package policies

import "testing"

// TestChineseThreatsNamingNoHarm: threats in Chinese that name no harm, as
// the sixth held-out batch showed them: a proverb of night roads and
// ghosts, the borrower's way to work or a child's way home said to be dark
// or unquiet, paint on the door, a funeral wreath, where a child goes to
// school known, the Cantonese "mind yourself" (因住). Beside them, clean
// messages with the same words: a call returned after the commute, school
// costs put first, paint at the sender's office, a Cantonese wish to keep
// warm.
func TestChineseThreatsNamingNoHarm(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		// A proverb: who walks at night meets a ghost in the end.
		{"夜路走得多了，难免撞上鬼，你心里有数吧。", CatThreat, true},
		{"夜路走多了，總有一天會遇到鬼。", CatThreat, true},

		// The borrower's or a child's way said to be dark or unquiet.
		{"你下班回家那条小路，晚上黑灯瞎火的。", CatThreat, true},
		{"你每天上班經過的那條路，晚上挺暗的吧。", CatThreat, true},
		{"你孩子放学走的那段路，最近可不太平。", CatThreat, true},
		{"你返工行嗰條路，夜晚冇乜人㗎。", CatThreat, true},

		// Paint on the door, a wreath, a mark left.
		{"上次你家门口那点红漆，只是打个招呼。", CatThreat, true},
		{"要不要我們幫你家大門刷點紅油漆？", CatThreat, true},
		{"花圈我们已经订好了，地址就写你家。", CatThreat, true},

		// Where a child goes to school, known.
		{"你儿子在哪个学校读书，我们心里都有数。", CatThreat, true},
		{"你女兒在哪裡上學，我們都清楚得很。", CatThreat, true},
		{"你家小孩在哪上学，我们早就打听到了。", CatThreat, true},

		// Cantonese: mind yourself.
		{"你最好因住啲，我哋唔系讲笑。", CatThreat, true},
		{"因住你屋企人呀。", CatThreat, true},

		{"您上班路上不方便接听的话，可以下班后回电。", CatThreat, false},
		{"我们知道您孩子上学的费用开支大，可以先申请延期。", CatThreat, false},
		{"我們辦公室門口正在刷油漆，來訪請走側門。", CatThreat, false},
		{"天氣凍，因住身體，有需要隨時搵我哋。", CatThreat, false},
		{"您下班后晚上七点前都可以打我们的客服电话。", CatThreat, false},
		{"如果孩子的学费紧张，请先保障学费，再和我们商量。", CatThreat, false},
	})
}

// TestChineseOfficialTitles: false representation in Chinese under titles
// the guard did not know: the national financial regulator in its full
// name, Taiwan's administrative enforcement agency, the Financial
// Supervisory Commission's staff, the cyber police and economic-crime
// police, an arbitration committee's award, a lawyer's letter in
// Cantonese, "本人为…律师". Beside them, clean messages that name the same
// bodies: a complaint to the regulator, a rule cited, a suit denied.
func TestChineseOfficialTitles(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"这里是国家金融监督管理总局，你的贷款逾期已被登记。", CatFalseRepresentation, true},
		{"國家金融監督管理總局提醒：您的帳戶已列入重點監控。", CatFalseRepresentation, true},
		{"法務部行政執行署通知，你的薪資即將被扣押。", CatFalseRepresentation, true},
		{"金管會人員來電，請您今天配合處理欠款。", CatFalseRepresentation, true},
		{"我是网警，你的借款记录涉嫌违规，请马上处理。", CatFalseRepresentation, true},
		{"经侦那边已经在看你的材料了，尽快还款。", CatFalseRepresentation, true},
		{"本人为债权人的代理律师，现正式通知你限期还款。", CatFalseRepresentation, true},
		{"律師信已經寄出，你等住收啦。", CatFalseRepresentation, true},
		{"仲裁委員會已作出裁決，請於三日內履行。", CatFalseRepresentation, true},
		{"我们已经联系了你户籍地的派出所，他们会找你谈。", CatFalseRepresentation, true},

		{"您可以向国家金融监督管理总局投诉我们的催收行为。", CatFalseRepresentation, false},
		{"根據金管會的規定，我們每天聯繫您不超過三次。", CatFalseRepresentation, false},
		{"本公司並非法院或執行機關，亦未對您提起任何訴訟。", CatFalseRepresentation, false},
		{"我们没有对您提起诉讼，也没有委托律师。", CatFalseRepresentation, false},
		{"我司是受委托的催收机构，非法院或检察机关，也没有起诉您。", CatFalseRepresentation, false},
		{"您有权就账单争议申请仲裁，我们会配合。", CatFalseRepresentation, false},
		{"如遇自称网警或经侦的人要求转账，请直接挂断。", CatFalseRepresentation, false},
		// The borrower's own lawyer, to whom the sender writes as asked.
		{"按您的要求，之后关于这笔欠款的沟通都发给您的代理律师。", CatFalseRepresentation, false},
		{"我們會依你的要求，把之後的通知寄給你的代理律師。", CatFalseRepresentation, false},
		{"我们的代理律师已经在准备起诉材料。", CatFalseRepresentation, true},
		// A suit named as what may follow under the law if talks fail, and
		// the borrower's own view that a practice is unlawful: clean.
		{"若双方协商不成，债权人可能会依法提起诉讼，届时会提前书面通知您。", CatFalseRepresentation, false},
		{"如你認為我們的做法違法，可以向監管部門投訴。", CatFalseRepresentation, false},
		{"明天就去法院起诉你，可能还要追究你的法律责任。", CatFalseRepresentation, true},
		{"你这是违法行为，我们随时可以起诉你。", CatFalseRepresentation, true},
	})
}

// TestChineseMoneyToLiveOn: pressure in Chinese to pay out of what the
// borrower or their family lives on, as the sixth held-out batch showed
// it: a parent's pension or subsistence allowance, the housing fund, gold
// jewellery turned to cash, a child's New Year money, a bill left to wait,
// a loan from an online lender or from relatives. Beside them, clean
// messages that name the same money: a reminder that it is protected, an
// offer to put the bills first.
func TestChineseMoneyToLiveOn(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你爸每个月那点退休金，先拿出来帮你把这期补上。", CatPressure, true},
		{"你家不是有低保嗎？這個月的先拿來還款。", CatPressure, true},
		{"公积金取一部分出来，先把欠款结了。", CatPressure, true},
		{"孩子過年收的壓歲錢，先挪來應急一下。", CatPressure, true},
		{"你老婆那些金首饰拿去换点钱，不就还上了。", CatPressure, true},
		{"电费晚几天交又不会停，先把我们这笔处理了。", CatPressure, true},
		{"水電費等等再繳，先還我們這邊。", CatPressure, true},
		{"手头紧就去网贷上借一笔，先把我们这边填上。", CatPressure, true},
		{"跟亲戚开个口，几千块钱总借得到吧。", CatPressure, true},
		{"你阿爷啲生果金攞出嚟先還住啦。", CatPressure, true},
		{"你媽的養老金動一動，這點錢就有了。", CatPressure, true},

		{"养老金和低保是您的基本生活保障，请不要拿来还款。", CatPressure, false},
		{"如果水电费和房租紧张，请先交这些，再和我们商量还款。", CatPressure, false},
		{"壓歲錢是孩子的，我們絕不會要求您動用。", CatPressure, false},
		{"请不要为了还我们的钱去借网贷或找亲戚借钱。", CatPressure, false},
		{"如果还款会影响孩子的学费或家里的医药费，请先保障这些开支。", CatPressure, false},
		{"我们不会让您动用退休金来还款。", CatPressure, false},
	})
}

// TestChinesePromisesForPaying: false promises in Chinese for paying, as
// the sixth held-out batch showed them: a membership upgraded, a gift, a
// credit record repaired or washed clean. Beside them, clean messages: a
// record that paying on time helps in time, a warning against record
// repair services, school and medical money put first.
func TestChinesePromisesForPaying(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"这次结清，我们给你升级成VIP会员，以后借款优先放款。", CatUngroundedAmount, true},
		{"還款後你的帳戶自動升級為白金會員。", CatUngroundedAmount, true},
		{"還清之後送你一台平板電腦當作感謝。", CatUngroundedAmount, true},
		{"只要今天还款，我们帮你做征信修复，逾期记录全部洗白。", CatFalseRepresentation, true},
		{"今天处理完，征信上那条逾期我们帮你洗掉。", CatFalseRepresentation, true},

		{"按时还款有助于逐步改善您的信用记录。", CatFalseRepresentation, false},
		{"本公司不提供任何征信修复服务，声称能洗白征信的都是骗局。", CatFalseRepresentation, false},
		{"如果还款影响到孩子上学或看病，请先顾好这些，再联系我们。", CatFalseRepresentation, false},
		{"如果還款會影響小孩上學或家人看病的錢，請先保留這部分。", CatFalseRepresentation, false},
	})
}
