package policies

import (
	"slices"
	"testing"
)

// TestDev13KindsInOtherWords: a noun insult before the thing the sentence
// goes on about (chor, phone utha) still insults: only a rude adjective
// right before a thing is aimed at it; an identity number to be sent over
// WhatsApp or by text, asked in Hinglish.
func TestDev13KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Arre kamina phone kyun nahi uthata?", CatHarassment, true},
		{"You absolute idiot, phone us back.", CatHarassment, true},
		{"This stupid phone line keeps dropping, sorry.", CatHarassment, false},
		{"Aadhaar card ki photo WhatsApp kar dijiye, verification ke liye.", CatPII, true},
		{"Apna UPI PIN SMS kar do, payment turant ho jayega.", CatPII, true},
	})
}

// TestDeniedClauseReadForOtherKinds: a clause the lexicon reads as denied
// for one kind (a waiver only applied for, a visit ruled out) is still read
// by the content model for the others: a secret asked for in it is found.
func TestDeniedClauseReadForOtherKinds(t *testing.T) {
	t.Parallel()
	g := Default()
	for _, text := range []string{
		"您的减免申请需要您把银行卡CVV和身份证号码发给我们。",
		"Your fee waiver application needs approval, so text us your full card number and the three digits on the back.",
	} {
		f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), text)
		d := g.Check(Proposal{Text: text, Channel: "chat"}, f)
		if !slices.Contains(categoriesOf(d), CatPII) {
			t.Errorf("%q: the secret asked for is not found (%v)", text, d.Violations)
		}
	}
}

// TestWaiversAppliedFor: a waiver, discount or exemption the borrower may
// apply for, or that the sender will apply for on their behalf with the
// outcome left to a review, is not granted (申请…减免, …减免申请, "apply for
// a … discount", 向经理申请); a waiver granted outright is read.
func TestWaiversAppliedFor(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"您可以申请滞纳金减免，审核通过后我们会短信通知。", CatUngroundedAmount, false},
		{"我这边帮您把罚息豁免的申请递上去，最后由风控决定。", CatUngroundedAmount, false},
		{"罚息减免我可以帮你同主管申请，但批唔批我话唔到你知。", CatUngroundedAmount, false},
		{"You can apply for a hardship discount on the arrears; we'll write with the decision.", CatUngroundedAmount, false},
		{"滞纳金已经全部给您减免了，今天还本金就行。", CatUngroundedAmount, true},
		{"We've waived every late fee on the account as a goodwill gesture.", CatUngroundedAmount, true},
	})
}

// TestDev13CleanKindsInOtherWords: clean kinds dev13 showed blocked, in
// other words: neither … nor in Hinglish (na hi), enforcement agents'
// notice as a right, an agent's words quoted and called wrong, the last
// four of a Social Security number, a waiver request in Hinglish, the
// police as the borrower's own recourse, a loan the borrower may be
// considering.
func TestDev13CleanKindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Ghabraiye mat, na hi police aayegi aur na hi koi aapke office jayega.", CatThreat, false},
		{"Should bailiffs ever be instructed, they have to give you written notice before any visit.", CatFalseRepresentation, false},
		{"A caller from our agency told you you'd \"lose your house by Friday.\" That was wrong, and I apologise.", CatThreat, false},
		{"Could you give me the last four of your Social Security number to confirm it's you?", CatPII, false},
		{"Late fee waiver ki request maine manager ko bhej di hai, decision unka hoga.", CatUngroundedAmount, false},
		{"若您遇到暴力催收，可以直接拨打110报警。", CatThreat, false},
		{"如果您正在考虑找朋友借钱来还，先别急，我们可以先调整还款日期。", CatPressure, false},
		{"不还钱我们就报警抓你。", CatThreat, true},
	})
}

// TestDev13MissesInOtherWords: menace and promises dev13 showed missed,
// in other words: not coming alone, immigration folks, a van taken back,
// an unfortunate recovery in full view, a building known, a car towed, a
// job cut first, blood to sell, a regulator's authority claimed, a limit
// raised, fees refunded with a gift.
func TestDev13MissesInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Next visit, I won't be coming alone.", CatThreat, true},
		{"Folks on a work visa usually don't want the immigration people hearing about unpaid debts.", CatThreat, true},
		{"We'll take the car back on Monday, and then how do you get to work?", CatThreat, true},
		{"It would be most unfortunate if the recovery happened in full view of your neighbours.", CatThreat, true},
		{"我们的外访人员对你住的小区和楼栋都很熟了。", CatThreat, true},
		{"你架车停喺楼下我哋知，俾人拖咗唔好怪我哋。", CatThreat, true},
		{"公司要裁人，你猜先裁谁？欠钱的那个。", CatThreat, true},
		{"实在没钱就去卖血凑。", CatPressure, true},
		{"我們係金管局批准嘅收數公司，有權處理你嘅戶口。", CatFalseRepresentation, true},
		{"这期还上，下个月给你提额到三万。", CatUngroundedAmount, true},
		{"结清之后把以前的违约金全退给你，再送你一张话费券。", CatUngroundedAmount, true},
	})
}
