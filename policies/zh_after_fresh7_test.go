package policies

import "testing"

// TestChineseDenialsOfPowerAndReservedRights: a collector that says it has
// no power to enforce (并无, 也无), says in Cantonese what it is not (唔係),
// or reserves a right to sue under the law if talks fail, threatens
// nothing and represents nothing false. Beside them, the same bodies and
// steps asserted.
func TestChineseDenialsOfPowerAndReservedRights(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"本中心只是受托的催收服务方，并无任何强制执行的权力。", CatThreat, false},
		{"我們是委外催收公司，也無任何扣押財產的權限。", CatThreat, false},
		{"我哋唔係警方，亦唔係法院，只係代表銀行跟進你嘅賬。", CatFalseRepresentation, false},
		{"我哋唔係警方，亦唔係法院，只係代表銀行跟進你嘅賬。", CatThreat, false},
		{"若双方始终未能协商一致，本行保留依法提起诉讼的权利。", CatFalseRepresentation, false},
		{"協商不成時，債權人保留依法追訴之權利。", CatFalseRepresentation, false},

		{"再不还，我们就申请强制执行你的房子。", CatFalseRepresentation, true},
		{"我们是公安局经侦大队，你涉嫌恶意逃债。", CatFalseRepresentation, true},
		{"我们已经向法院提起诉讼，传票这周就到。", CatFalseRepresentation, true},
	})
}

// TestChineseDisclosureToTeachersAndGroupChats: the debt told to a child's
// teacher or posted in a parents' or family group chat. Beside them, a
// teacher named for another reason and the sender's own service group.
func TestChineseDisclosureToTeachersAndGroupChats(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"再拖下去，我们就打电话给你女儿的班主任说明情况。", CatThirdPartyDisclosure, true},
		{"孩子學校的老師那邊，我們會請她幫忙轉達一下你的欠款。", CatThirdPartyDisclosure, true},
		{"你不还的话，我们就把你的欠款截图发到你孩子的家长群。", CatThirdPartyDisclosure, true},
		{"你們家族群我們已經進去了，大家很快都會看到。", CatThirdPartyDisclosure, true},

		{"您可以加入我们的官方客服群，随时咨询还款问题。", CatThirdPartyDisclosure, false},
		{"王老师您好，这是您本月的还款提醒，如有疑问请回复。", CatThirdPartyDisclosure, false},
	})
}

// TestChinesePressureOnLivingMoney: paying out of an unemployment benefit,
// a subsistence allowance, rent or school fees put off. Beside them, the
// same money protected and put first.
func TestChinesePressureOnLivingMoney(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"低保那点钱拿一部分出来还我们，又饿不着。", CatPressure, true},
		{"把失業金全部轉給我們，最省事。", CatPressure, true},
		{"孩子的学费晚交一阵子也没事，先把这边结了。", CatPressure, true},
		{"下個月的房租先拿來繳我們這筆，房東那邊拖一下。", CatPressure, true},

		{"失业金是您的基本生活保障，请先用于房租和吃饭，还款我们可以再商量。", CatPressure, false},
		{"救濟金請優先用於生活開支，分期的事我們之後再談。", CatPressure, false},
	})
}

// TestChineseCreditScorePromises: a score raised to a figure or an overdue
// mark revoked, promised for paying. Beside them, paying on time said to
// help and a removal service refused.
func TestChineseCreditScorePromises(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"今天结清，我们保证把你的芝麻分提到七百以上。", CatFalseRepresentation, true},
		{"還清之後，我們幫你撤銷聯徵上的逾期紀錄。", CatFalseRepresentation, true},

		{"按时还款有助于芝麻分逐步提升，但我们无法保证具体分数。", CatFalseRepresentation, false},
		{"撤销逾期记录的代办服务都是骗局，本公司不提供。", CatFalseRepresentation, false},
	})
}

// TestChineseLimitsAndWarnings: a contact used only in a stated case, a
// colleague who may be in touch, an account frozen at the borrower's own
// bank after a theft, a way of borrowing warned against as making things
// worse, a suit named beside talks as the lawful way: no disclosure,
// seizure, pressure or legal threat. Beside them, the same words used as
// threats.
func TestChineseLimitsAndWarnings(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"紧急联系人我们只会在长期联系不上您时才使用，也不会透露任何欠款信息。", CatThirdPartyDisclosure, false},
		{"我们的客服同事可能会与您联系，核对还款计划。", CatThirdPartyDisclosure, false},
		{"发现银行卡被盗刷时，请第一时间联系银行冻结账户。", CatThreat, false},
		{"請勿為了還款去借高利貸，借新還舊只會讓情況更糟。", CatPressure, false},
		{"逾期属于民事纠纷，我们会通过协商或依法起诉的方式处理，不会上门。", CatFalseRepresentation, false},

		{"不用协商了，下周直接依法起诉你。", CatFalseRepresentation, true},
		{"再不还钱，就冻结你名下所有账户。", CatThreat, true},
		{"紧急联系人我们明天就挨个打电话，告诉他们你欠了多少。", CatThirdPartyDisclosure, true},
	})
}

// TestChineseTitlesAndInsultsNotYetRead: a community grid worker or a
// credit bureau claimed as the sender; a borrower called lower than a dog.
func TestChineseTitlesAndInsultsNotYetRead(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"我是街道的网格员，你欠网贷的事情需要跟我说清楚。", CatFalseRepresentation, true},
		{"這裡是信用局，您的個人信用即將被凍結。", CatFalseRepresentation, true},
		{"欠钱不还，你连狗都不如。", CatHarassment, true},
		{"這種人真係豬狗不如。", CatHarassment, true},

		{"您可以向所在街道的网格员咨询低保申请的事宜。", CatFalseRepresentation, false},
		{"家里的狗狗如果需要照顾，我们可以改天再联系。", CatHarassment, false},
	})
}

// TestChineseGuiltAboutASpouse: a wife or husband, ill or in hospital,
// named beside the worry or burden the debt brings them. Beside them, a
// spouse's illness met with time to pay.
func TestChineseGuiltAboutASpouse(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你太太还躺在病床上，你还要让她为你操心吗？", CatPressure, true},
		{"你丈夫身體不好，你忍心讓他跟著受累？", CatPressure, true},

		{"听说您爱人住院了，还款的事不急，先照顾好家人。", CatPressure, false},
		{"您太太如果有疑问，可以一起来电了解还款方案。", CatPressure, false},
	})
}

// TestChineseTimeToSpareAndScarcity: a sender with all the time in the
// world to keep at the borrower; a waiver said to have one place left; a
// parent's allowance asked to pay for the borrower. Beside them, a caller
// who has time to listen, places on a course, a parent's pension kept for
// them.
func TestChineseTimeToSpareAndScarcity(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"我们有的是时间，天天跟你耗。", CatHarassment, true},
		{"明天繼續打，後天繼續打，我們有大把時間陪你玩。", CatHarassment, true},
		{"这次的减免名额只剩两个，错过就没了。", CatPressure, true},
		{"你媽嗰份退休金應該到咗，叫佢幫你還住先。", CatPressure, true},

		{"我们有时间听您说明情况，不必着急。", CatHarassment, false},
		{"理财讲座的名额只剩两个，有兴趣可以报名。", CatPressure, false},
		{"您母亲的退休金是她的生活费，我们不会要求动用。", CatPressure, false},
	})
}

// TestChineseLoansPromisedForPaying: any loan approved afterwards or a
// certificate of good credit that every bank accepts, promised for paying.
// Beside them, a settlement certificate issued as a record of payment.
func TestChineseLoansPromisedForPaying(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"今天处理完，以后你去哪家借，贷款都批。", CatFalseRepresentation, true},
		{"結清後給你出一張信用良好證明，哪家銀行都認。", CatFalseRepresentation, true},

		{"结清后可以在App申请开具结清证明，作为您已还款的凭证。", CatFalseRepresentation, false},
	})
}
