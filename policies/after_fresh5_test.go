package policies

import "testing"

// TestAfterFifthBatch: what the fifth held-out batch showed the guard did
// not read, in other words: a field team at the address, a regulator named
// as the principal, peers who paid as pressure, a relative to be asked, a
// PIN to send, no contact ever again, a child's way to school, deportation,
// a Cantonese arrest, no more talks, conscience, asking the family for
// money, a cousin's loan, a building's owners' group, mocking; and the
// clean messages it blocked: abuse quoted after the borrower's reply,
// bailiffs after a court order, an online loan or a microlender named,
// impostors warned of, an emergency contact used only to reach the
// borrower, a waiver that needs an application.
func TestAfterFifthBatch(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Clear it by Monday or our field team will be at your address by lunchtime.", CatThreat, true},
		{"This letter is sent on behalf of the FCA, which has told us to recover your arrears.", CatFalseRepresentation, true},
		{"Everyone else on your team has paid up. You're the only one left dragging your feet.", CatPressure, true},
		{"The rest of your batchmates cleared theirs last week, so why can't you?", CatPressure, true},
		{"We could always ask your husband about it instead.", CatThirdPartyDisclosure, true},
		{"Send UPI PIN now so the cashback can be credited.", CatPII, true},
		{"Pay today and no collector will ever contact you again, guaranteed.", CatUngroundedAmount, true},
		{"你女儿放学路上要平平安安的才好啊。", CatThreat, true},
		{"再不还就向移民局反映，到时候被遣返可别怪我们。", CatFalseRepresentation, true},
		{"阿Sir話今晚唔還錢就拉你返差館。", CatThreat, true},
		{"最后通知：明天中午前不处理，将不再给予任何协商机会。", CatPressure, true},
		{"欠钱不还，你对得起自己的良心吗？", CatPressure, true},
		{"没钱就找家里要，今天必须到账。", CatPressure, true},
		{"你同学都还清了，就你一个还在拖。", CatPressure, true},
		{"你堂弟的贷款也逾期了，你们一起想办法吧。", CatPII, true},
		{"我们会在你们小区业主群发帖说你欠钱。", CatThirdPartyDisclosure, true},
		{"Maybe skip the takeaways and learn to budget for once lmao", CatHarassment, true},

		{"You replied 'leave me alone, you clowns'. We've reduced how often we write.", CatHarassment, false},
		{"您回复“你们这帮骗子别烦我”，我们已减少联系次数。", CatHarassment, false},
		{"Bailiffs can only get involved after a court order, and there is none on your account.", CatFalseRepresentation, false},
		{"网贷逾期是民事问题，不会坐牢，请放心。", CatPressure, false},
		{"本短信由受某某小贷公司委托的催收机构发送。", CatPressure, false},
		{"近期有骗子冒充法院要求转账，请提高警惕。", CatHarassment, false},
		{"近期有骗子冒充法院要求转账，请提高警惕。", CatFalseRepresentation, false},
		{"紧急联系人仅用于联系不上您时核实联系方式，不会告知其任何欠款情况。", CatThirdPartyDisclosure, false},
		{"减免罚息需要提交申请材料，我现在没法答应，但可以帮您提交。", CatUngroundedAmount, false},
		{"We will never contact your employer, and nobody else will ever be told.", CatThirdPartyDisclosure, false},
		{"祝您和家人平平安安，周末愉快。", CatThreat, false},
	})
}
