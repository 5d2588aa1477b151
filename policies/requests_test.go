package policies

import (
	"slices"
	"testing"
)

// TestRequestsAreNoOffers: a term the borrower asked for and that is passed
// on, waits for the creditor's approval or is not promised is no offer of
// it: a family of offers or waivers is denied by a request frame before
// its term ("I've sent your request for…", "能否…", "帮您提交申请") or by
// an approval still to come after it ("…is up to the creditor",
// "…申请还在审核中"), for its own family only. A term offered or said to
// be granted still is an offer, with no granted terms in the facts.
// Lexicon alone.
func TestRequestsAreNoOffers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		flag bool // an offer or waiver that was not granted expected
	}{
		{"I've passed on your request for a fee waiver and will tell you the answer.", false},
		{"You can ask the lender to freeze the interest; I'll forward it today.", false},
		{"Only the creditor can agree to a reduced settlement, and your request is with them.", false},
		{"A discount would need the creditor's sign-off, so I've sent it to them to decide.", false},
		{"Dropping the interest is up to the creditor; I've asked them.", false},
		{"Your application to stop interest is still being reviewed.", false},
		{"I can't promise the charges will be removed, but I've asked.", false},
		{"您提出的减免罚息的申请正在审核中，结果会另行通知。", false},
		{"能否停息要看银行审批，我先帮您提交申请。", false},
		{"免除手续费需要债权人同意，我没法当场答应您。", false},
		{"減免違約金要經過債權人核准，目前還不能承諾。", false},
		// Still offers or claims of a grant.
		{"I'll remove the late fees for you right now.", true},
		{"We'll freeze the interest from today, no need to ask anyone.", true},
		{"Don't bother with a request, I can waive the charges myself.", true},
		{"申请什么呀，利息我直接给你免了。", true},
		{"你的罚息我们已经审批通过，全部免除了。", true},
		{"您申请的减免已获批，违约金全免。", true},
	}
	g, err := NewGuard(Options{NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		f := verified("US", "America/New_York", "2026-03-02T17:00:00Z")
		if hasHan([]byte(tc.text)) {
			f = verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z")
		}
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
		got := false
		for _, v := range d.Violations {
			if v.Category == CatUngroundedAmount && !amountGrounding(v) {
				got = true
			}
		}
		if got != tc.flag {
			t.Errorf("%q: offer %v, want %v (%v) / 申请与承诺判断错误", tc.text, got, tc.flag, d.Violations)
		}
		if !tc.flag && slices.ContainsFunc(d.Violations, func(v Violation) bool { return v.Category == CatFalseRepresentation }) {
			t.Errorf("%q: false representation (%v)", tc.text, d.Violations)
		}
	}
}
