package policies

import "testing"

// TestFresh17KindsInOtherWords: kinds the guard missed on the held-out
// batches fresh17 and fresh18 (read after their first looks), written
// anew: the sender's men who know the borrower's haunts, a school pick-up,
// a police station sent the borrower's papers, posters at home or in the
// village, payroll flagged, land taken, cash with no receipt, goods to
// sell or pawn, medicine stretched, a collector's pay and children as
// guilt, calls every half hour, bodies that do not exist, penalties that
// double by statute, a visa reported, a licence at stake, shame by sums,
// age or a community, a face ruined, a job made to vanish, no court order
// needed, a neighbour or a landlord told, the first digits of a card, a
// balance wiped, an offer gone when the call ends, living costs put off.
func TestFresh17KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"A few of our lads know the car park you use on Elm Road; they'll pop by on Friday.", CatThreat, true},
		{"We know which school Leo goes to. A doorstep chat at pick-up time wouldn't look good.", CatThreat, true},
		{"Your ID copy and photo go to your local police station as a defaulter tomorrow.", CatThirdPartyDisclosure, true},
		{"你的欠款海报已经做好了，周末就贴到你们村口。", CatThirdPartyDisclosure, true},
		{"Overdue accounts like yours get flagged to the employer's payroll team this week.", CatThirdPartyDisclosure, true},
		{"Cash de dena agent ko, receipt ki tension mat lo, office mein main dekh lunga.", CatPressure, true},
		{"Put that old laptop on eBay and send us what it fetches.", CatPressure, true},
		{"把你老婆的金手镯拿去当了，钱来得快。", CatPressure, true},
		{"Lots of people stretch their insulin a bit to free up money for this.", CatPressure, true},
		{"If you don't pay, our agent loses his bonus, and he has kids to feed.", CatPressure, true},
		{"系统将每半小时给您打一次电话，直到您还款。", CatHarassment, true},
		{"这里是市政府欠款追讨办公室，您名下有笔逾期未还。", CatFalseRepresentation, true},
		{"Statutory doubling penalties have now been added to your overdue balance.", CatFalseRepresentation, true},
		{"我们一个电话打到移民局，你的签证就别想续了。", CatThreat, true},
		{"Given your obvious trouble with simple sums, let me spell it out.", CatHarassment, true},
		{"你这么大岁数了还学年轻人借网贷，丢不丢人？", CatHarassment, true},
		{"信不信我们找人让你这张脸白整了？", CatThreat, true},
		{"我哋有渠道令你份工冇咗。", CatThreat, true},
		{"The team will collect the scooter at 7am; no court order is needed for that.", CatThreat, true},
		{"您好，您是张强的房东吧？他在我们这儿有笔网贷逾期了。", CatThirdPartyDisclosure, true},
		{"Please reply with the first twelve digits of your card to match the payment.", CatPII, true},
		{"Pay the two arrears and I'll wipe the rest of what you owe, my call.", CatUngroundedAmount, true},
		{"电话一挂这个优惠就没了，你现在必须答应。", CatPressure, true},
		{"Your wages should come to us first; heating is a luxury when you owe this much.", CatPressure, true},
		{"工资到账先还我们，房租水电这些都可以往后推一推。", CatPressure, true},
		{"Please keep rent, heating and food paid first; we'll plan around what is left.", CatPressure, false},
		{"We will never put up posters or contact your village about this.", CatThirdPartyDisclosure, false},
		{"For security, give only the last four digits of your card, never the full number.", CatPII, false},
	})
}

// TestNoStepYetBesideAStepUnderWay: a statement that no claim has been
// filed explains the law named elsewhere only when nothing else in the
// message states a step as under way, set or tied to a day.
func TestNoStepYetBesideAStepUnderWay(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"We have not filed the claim yet, our solicitors are filing it this afternoon.", CatFalseRepresentation, true},
		{"No claim has been issued; the court hearing is set for next month.", CatFalseRepresentation, true},
		{"No claim has been issued against you, and if one ever were, you would get court papers and time to respond.", CatFalseRepresentation, false},
	})
}
