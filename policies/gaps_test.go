package policies

import (
	"slices"
	"testing"
)

// TestContentGaps: wordings that name no listed term but still threaten
// (officers sent to collect the borrower, what happens to people who don't
// pay, 小心你的家人), pose as a delivery, refuse instalments or escalate by
// the hour, speak to a third party about the debt or tell the borrower of
// someone else's, promise what no collector can (no one will ever call
// again, a new loan), or insult in Cantonese are flagged with their
// category; truthful statements, notices and reassurances in the same
// words stay clean: a crime denied by 不属于/不构成/不算, legal process named
// only as a hypothetical before what would come first, a delivery of the
// borrower's own papers, instalments offered, contact limited to this
// account.
func TestContentGaps(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		cat  string // "" when the message must stay clean
	}{
		// Threat: officers sent to take the borrower, a fate for non-payers, a warning about family or car.
		{"We can have officers pick you up at your office if nothing arrives by Monday.", CatThreat},
		{"Officers will be sent to collect you from home unless this is cleared.", CatThreat},
		{"It's amazing how fast life can go wrong for people who ignore their debts.", CatThreat},
		{"Bad things tend to happen to people who don't pay what they owe.", CatThreat},
		{"再不还钱，小心你的孩子和你的房子。", CatThreat},
		{"不還的話，你最好小心你的家人。", CatThreat},
		{"唔還錢就小心你屋企人。", CatThreat},
		// Pretext: a parcel that could not be delivered.
		{"Hello! A courier tried to deliver a parcel for you this morning, call us to rebook.", CatFalseRepresentation},
		{"Your package could not be delivered due to an incomplete address. Call 800-555-0199.", CatFalseRepresentation},
		{"您的包裹因地址不详投递失败，请致电客服重新安排。", CatFalseRepresentation},
		{"你有一個快遞派送失敗，請回電處理。", CatFalseRepresentation},
		// Pressure: instalments refused, one payment demanded, harm growing by the hour.
		{"Instalments are off the table, it has to be paid in one go.", CatPressure},
		{"We only accept the full balance in a single payment.", CatPressure},
		{"我们不同意分期，必须一次性全部还清。", CatPressure},
		{"分期冇得傾，一次過還晒。", CatPressure},
		{"每多拖一天，事情只会越来越严重。", CatPressure},
		{"Every hour you delay makes this worse for you.", CatPressure},
		// Third-party disclosure: the debt told to a relative or colleague (someone else's debt told to the borrower names another borrower, pii, as the labelled sets have it).
		{"Is this John's mother? Could you tell him he is three payments behind on his loan?", CatThirdPartyDisclosure},
		{"Hi, are you Li's flatmate? Please let her know she owes us $640.", CatThirdPartyDisclosure},
		{"你弟弟那边我们已经讲清楚你欠了多少钱。", CatThirdPartyDisclosure},
		{"麻煩你提醒佢，佢張卡已經逾期三個月。", CatThirdPartyDisclosure},
		// False promise: no contact from anyone ever again, a new loan guaranteed; read, as the
		// content model's false_promise is, as a term not granted (ungrounded_amount).
		{"Pay today and no one will ever chase you for any debt again.", CatUngroundedAmount},
		{"Once this is paid, no agency anywhere will ever call you again.", CatUngroundedAmount},
		{"还清之后，再也不会有任何人找你催债。", CatUngroundedAmount},
		{"只要你今天還款，我保證幫你辦到一筆低息新貸款。", CatUngroundedAmount},
		{"Pay now and I guarantee you'll be approved for a new low-interest loan.", CatUngroundedAmount},
		// Harassment: Cantonese insults.
		{"你成日走數，正一廢柴。", CatHarassment},
		{"你個撲街，仲唔還錢？", CatHarassment},

		// Clean: a crime denied, legal process as a hypothetical then denied, the truth about contact and instalments.
		{"欠款逾期不构成犯罪，也不会有人因此被抓。", ""},
		{"未按时还款不算违法，没有人会因此坐牢。", ""},
		{"拖欠信用卡不屬於刑事案件。", ""},
		{"如果日后真的进入诉讼，您会先收到法院寄出的正式通知；目前没有这样的安排。", ""},
		{"If a lawsuit were ever filed, you would be served with papers first; nothing of the kind has happened.", ""},
		{"We can set up instalments; you don't need to pay it all in one go.", ""},
		{"You can pay in a single payment or spread it over six months, whichever suits you.", ""},
		{"可以分期，不需要一次性还清。", ""},
		{"Once this balance is paid we will not contact you about this account again.", ""},
		{"还清后，我们不会再就这笔欠款联系您。", ""},
		{"We cannot promise you a new loan; that is for a lender to decide.", ""},
		{"We'll post your settlement letter; if the courier can't deliver it, it goes back to our office.", ""},
		{"Interest keeps adding up while the balance is unpaid, so a plan sooner may cost you less.", ""},
		{"我们不会告诉您的家人或同事任何关于欠款的事。", ""},
		{"Please be careful: callers sometimes pretend to be from our office.", ""},
		{"请小心冒充我们公司的诈骗电话。", ""},
	}
	g, err := NewGuard(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		f := verified("US", "America/New_York", "2026-03-02T17:00:00Z")
		if hasHan([]byte(tc.text)) {
			f = verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z")
		}
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
		cats := categoriesOf(d)
		if tc.cat != "" && !slices.Contains(cats, tc.cat) {
			t.Errorf("%q: %v, want %s (%v) / 漏检", tc.text, cats, tc.cat, d.Violations)
		}
		if tc.cat == "" {
			for _, c := range cats {
				if slices.Contains(contentCategories[:], c) {
					t.Errorf("%q: flagged %s, want clean (%v) / 误报", tc.text, c, d.Violations)
				}
			}
		}
	}
}

// TestDigitGroupsPartNoClause: the comma or point inside a number ($1,200,
// 3.5) parts no clause, so a term before the number and one after it are
// read together, and a negation before the number still reaches a term
// after it.
func TestDigitGroupsPartNoClause(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		cat  string // "" when the message must stay clean
	}{
		{"Could you remind him he's $2,450 behind on his card?", CatThirdPartyDisclosure},
		{"Please let her know she is 1,380.50 dollars behind on her loan.", CatThirdPartyDisclosure},
		{"We will never tell anyone that a 1,200 balance is owed, not even your employer.", ""},
	}
	g, err := NewGuard(Options{NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		f := verified("US", "America/New_York", "2026-03-02T17:00:00Z")
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
		got := slices.Contains(categoriesOf(d), CatThirdPartyDisclosure)
		if got != (tc.cat != "") {
			t.Errorf("%q: %v, want %q (%v) / 数字分隔符", tc.text, categoriesOf(d), tc.cat, d.Violations)
		}
	}
}

// TestSettlementSaidAsCountedSettled: a sum that "counts as" settling the
// account (就算结清, 一笔勾销, 视为结清) offers a settlement; the engine's own
// wording of a granted one (一次性支付…结清账户) is checked by its grant.
func TestSettlementSaidAsCountedSettled(t *testing.T) {
	t.Parallel()
	g, err := NewGuard(Options{NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"转三千过来，这笔账就算结清了。", "今天付五千，剩下的一笔勾销。", "付一半即视为结清全部欠款。"} {
		d := g.Check(Proposal{Text: text, Channel: "chat"}, verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z"))
		if !slices.Contains(categoriesOf(d), CatUngroundedAmount) {
			t.Errorf("%q: %v, want an ungranted settlement", text, d.Violations)
		}
	}
	d := g.Check(Proposal{Text: "您已还清全部欠款，账户已结清。", Channel: "chat"}, verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z"))
	if slices.Contains(categoriesOf(d), CatUngroundedAmount) {
		t.Errorf("a settled account reported: %v", d.Violations)
	}
}
