package policies

import "testing"

// TestChineseVeiledSafety: Chinese threats that never name harm: the
// borrower's or family's safety said to be beyond guarantee, an accident
// hoped away, relatives dragged in; an address or building traced; people
// on their way, downstairs, at the door; "you're finished", "you can't
// run", look behind you when you go out; a workplace, hometown or home
// visited; wages or an account taken; a business licence threatened.
// Beside them, the clean messages with the same words: safety wished,
// an address confirmed for post, an agreed direct debit, a parcel on its
// way, a payment method changed.
func TestChineseVeiledSafety(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"再拖下去，我们也没办法保证你的人身安全。", CatThreat, true},
		{"为了你和家人的安全，还是早点把钱还了。", CatThreat, true},
		{"我们真心不希望你家里人出什么意外。", CatThreat, true},
		{"早点处理，免得你爸妈受到牵连。", CatThreat, true},
		{"我们并不希望事情发展到要派人上门的地步。", CatThreat, true},
		{"你搬到哪个小区我们都查到了。", CatThreat, true},
		{"你住几栋几单元我们都知道，识相点。", CatThreat, true},
		{"我們的人已經在路上了，你自己諗清楚。", CatThreat, true},
		{"我们就在你楼下，下来吧。", CatThreat, true},
		{"你死定了，等着吧。", CatThreat, true},
		{"以后出门最好多看看身后。", CatThreat, true},
		{"我们不是好惹的，你别不信。", CatThreat, true},
		{"我们会去你打工的那家饭店找你。", CatThreat, true},
		{"下周安排同事到您单位当面沟通。", CatThreat, true},
		{"我们会直接从你工资卡里把钱划走。", CatThreat, true},
		{"你的營業執照我們會讓有關部門吊銷。", CatFalseRepresentation, true},
		{"明天當著你老闆的面問你要錢。", CatThirdPartyDisclosure, true},

		{"祝您和家人平安健康。", CatThreat, false},
		{"如您的人身安全受到威胁，请立即报警。", CatThreat, false},
		{"请确认您的地址，以便我们把结清证明寄到您家。", CatThreat, false},
		{"按您签署的协议，每月15日从您的工资卡自动扣款。", CatThreat, false},
		{"您申请的结清证明已经在路上了，请注意查收。", CatThreat, false},
		{"如需换个方式还款，可以在APP里修改。", CatThreat, false},
		{"如遇意外情况无法按时还款，可以申请延期。", CatThreat, false},
	})
}
