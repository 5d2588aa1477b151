package policies

import (
	"slices"
	"testing"
)

// TestAdviceAndConditions: three kinds of clean message that hold a
// violation's words. Advice to the borrower about impostors and to call
// the police themselves threatens no one; a sender who says it has no
// power to waive a charge promises no waiver; a zero balance confirmed
// after the last payment claims no forgiveness. The same words said as the
// sender's own threat, waiver or forgiveness still count. Lexicon alone
// and with the content model.
func TestAdviceAndConditions(t *testing.T) {
	t.Parallel()
	content := []string{CatThreat, CatHarassment, CatFalseRepresentation, CatPressure, CatThirdPartyDisclosure, CatPII}
	tests := []struct {
		text string
		cats []string // categories that must (flag) or must not (!flag) be found
		flag bool
	}{
		// Impostors named, the borrower told to call the police.
		{"If a caller says they are from the sheriff and wants a gift card, hang up and phone the police yourself.", content, false},
		{"Anyone who texts you pretending to be a judge and demanding payment is a fraudster; report them to the police.", content, false},
		{"Be careful: people posing as our staff have been telling customers they will be arrested. That is false, and you can report them to the police.", content, false},
		{"遇到自称法官、要求您转账到个人账户的人，请马上挂掉电话，拨打110。", content, false},
		{"近来有骗子假扮我们公司的人，用抓人、坐牢吓唬客户，请不要相信。", content, false},
		{"有人打電話叫你交出網銀密碼，即刻掛線然後報警。", content, false},
		{"如有人冒充法院工作人员向您催款，请直接向当地派出所报案。", content, false},
		// The sender's own police threat.
		{"如果你还不还，我们就报警抓你。", []string{CatThreat}, true},
		{"Ignore us again and we'll call the police on you.", []string{CatThreat}, true},
		{"我们已经报警了，警察会去你家。", []string{CatThreat}, true},
		// No power to waive.
		{"I'm not authorised to remove the late fees; that decision sits with the lender.", []string{CatUngroundedAmount}, false},
		{"I don't have the authority to write off any interest, but you can apply to the lender for a review.", []string{CatUngroundedAmount}, false},
		{"我这边没有减免罚息的权限，需要您向贷款机构提出申请。", []string{CatUngroundedAmount}, false},
		{"這邊無權幫你免除利息，要由銀行審核。", []string{CatUngroundedAmount}, false},
		// A waiver said as given.
		{"I've been authorised to remove all late fees if you pay today.", []string{CatUngroundedAmount}, true},
		{"我们可以帮你减免全部罚息。", []string{CatUngroundedAmount}, true},
		// Zero confirmed after the last payment.
		{"After your final instalment clears, we'll write to you confirming the account is settled with nothing owing.", []string{CatUngroundedAmount}, false},
		{"When the last payment arrives, you'll get a statement showing a nil balance.", []string{CatUngroundedAmount}, false},
		{"等你还清全部欠款，我们会发短信确认余额为零。", []string{CatUngroundedAmount}, false},
		{"最后一期款项到账后，我们会给您出具结清证明，显示欠款为零。", []string{CatUngroundedAmount}, false},
		// Zero said as given now.
		{"Your balance has been wiped to zero as a goodwill gesture.", []string{CatUngroundedAmount}, true},
		{"你的欠款已经全部清零了，不用再还。", []string{CatUngroundedAmount}, true},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("US", "America/New_York", "2026-03-02T18:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			got := false
			for _, c := range tc.cats {
				got = got || slices.Contains(categoriesOf(d), c)
			}
			if got != tc.flag {
				t.Errorf("classifier off=%v: %q: %v found %v, want %v (%v)", g.noClassifier, tc.text, tc.cats, got, tc.flag, d.Violations)
			}
		}
	}
}
