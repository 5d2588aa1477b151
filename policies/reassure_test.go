package policies

import (
	"slices"
	"testing"
)

// TestReassuranceReach: a reassurance reaches every part of the threat it
// denies: the items of a list after a comma ("not be detained, held or
// prosecuted"), an introduction before it ("By law, …"), a question the
// borrower asked that it answers ("You asked if …"). A comma before a new
// statement still ends it, and a threat in the next sentence still counts.
// Lexicon alone and with the content model.
func TestReassuranceReach(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		cat  string
		flag bool
	}{
		// A list of what is denied, items parted by commas.
		{"Nobody will detain, imprison or prosecute you because a card payment was missed.", CatThreat, false},
		{"You won't be locked up, jailed or taken to a police station for owing money.", CatThreat, false},
		{"You will never be handcuffed, arrested, or charged with a crime over a late bill.", CatFalseRepresentation, false},
		// A comma before a statement of its own.
		{"Don't ignore this, arrest or prosecution will follow.", CatThreat, true},
		{"We won't wait, we will have you arrested on Friday.", CatThreat, true},
		// An introduction before a denied statement.
		{"Because of its age, this balance can no longer be taken to court, and we will not sue you for it.", CatFalseRepresentation, false},
		{"As the law stands, a claim this old can no longer go before a judge.", CatFalseRepresentation, false},
		{"By law, we will take you to court.", CatFalseRepresentation, true},
		// The borrower's own question, answered.
		{"You asked if you might end up in jail over this. That will not happen.", CatThreat, false},
		{"You wanted to know whether we would sue you. There are no plans for that.", CatFalseRepresentation, false},
		{"You asked if we were serious. We will have you arrested.", CatThreat, true},
		{"您问会不会坐牢，请放心，欠款属于民事纠纷。", CatThreat, false},
		{"您问我们会不会起诉？我们会起诉你。", CatFalseRepresentation, true},
		// Chinese reassurances.
		{"我们不会起诉您，您也不会因此被拘留。", CatThreat, false},
		{"我们不会起诉您，您也不会因此被拘留。", CatFalseRepresentation, false},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("US", "America/New_York", "2026-03-02T18:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			if got := slices.Contains(categoriesOf(d), tc.cat); got != tc.flag {
				t.Errorf("classifier off=%v: %q: %s %v, want %v (%v) / 否定范围判断错误", g.noClassifier, tc.text, tc.cat, got, tc.flag, d.Violations)
			}
		}
	}
}

// TestStatuteNotice: a statement of what the law protects reaches the
// whole sentence it stands in, before or after the legal term ("even if a
// court rules against you", "即使…判决"): it is a notice of rights. A new
// statement of the sender's own ("but we will…", a new sentence) is read
// on its own. Lexicon alone and with the content model.
func TestStatuteNotice(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		flag bool // a threat or false representation expected
	}{
		{"The law protects part of your wages from being taken, even if a court rules against you.", false},
		{"Even if a judgment is later entered, state law protects certain benefits such as disability payments.", false},
		{"Some of your income is protected by law, even where a creditor wins a court case.", false},
		{"即便将来进入诉讼，法律依然保障您的基本生活所需。", false},
		{"即使法院判决，您的基本生活费用也受法律保护。", false},
		{"The law protects some income, but we will take you to court and seize your car.", true},
		{"State law protects your pension; we will still sue you next week.", true},
		{"The law protects your wages, and we will garnish them anyway.", true},
		{"法律保障您的权利，但我们会起诉你。", true},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("US-NY", "America/New_York", "2026-03-02T18:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			cats := categoriesOf(d)
			got := slices.Contains(cats, CatThreat) || slices.Contains(cats, CatFalseRepresentation)
			if got != tc.flag {
				t.Errorf("classifier off=%v: %q: flagged %v, want %v (%v) / 权利告知判断错误", g.noClassifier, tc.text, got, tc.flag, d.Violations)
			}
		}
	}
}

// TestFamilyExceptions: a family's term inside a phrase that says
// something else of the same word is not that family's: interest that is
// frozen is no account frozen, a colleague who will contact the borrower
// is no third party told. The other families still read the phrase (an
// interest freeze is an offer, allowed only when granted).
func TestFamilyExceptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text    string
		granted []string
		cat     string
		flag    bool
	}{
		{"Interest on your account will be frozen for 60 days.", []string{TermInterestFreeze}, CatThreat, false},
		{"Interest on your account will be frozen for 60 days.", []string{TermInterestFreeze}, CatUngroundedAmount, false},
		{"Interest on your account will be frozen for 60 days.", nil, CatThreat, false},
		{"Interest on your account will be frozen for 60 days.", nil, CatUngroundedAmount, true},
		{"您的利息将冻结三个月。", []string{TermInterestFreeze}, CatThreat, false},
		{"您的利息将冻结三个月。", []string{TermInterestFreeze}, CatUngroundedAmount, false},
		{"我们已为您冻结利息，期间不产生新的利息。", nil, CatUngroundedAmount, true},
		{"We will freeze your bank account.", []string{TermInterestFreeze}, CatThreat, true},
		{"您的银行账户将被冻结。", []string{TermInterestFreeze}, CatThreat, true},
		{"利息已为您暂停，冻结期间请按计划还款。", []string{TermInterestFreeze}, CatThreat, false},
		{"稍后会有同事与您电话联系。", nil, CatThirdPartyDisclosure, false},
		{"我们会联系您的同事。", nil, CatThirdPartyDisclosure, true},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), tc.text)
			f.GrantedTerms = tc.granted
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			if got := slices.Contains(categoriesOf(d), tc.cat); got != tc.flag {
				t.Errorf("classifier off=%v: %q granted %v: %s %v, want %v (%v)", g.noClassifier, tc.text, tc.granted, tc.cat, got, tc.flag, d.Violations)
			}
		}
	}
}

// TestBorrowerNameFact: a borrower's name that is also a slur is read as
// the name when the facts give it (Facts.BorrowerName); without the fact
// the word is profanity, and the fact does not excuse other abuse.
func TestBorrowerNameFact(t *testing.T) {
	t.Parallel()
	g := Default()
	tests := []struct {
		text, name string
		flag       bool
	}{
		{"Good morning Dick, your plan is confirmed.", "Dick Alvarez", false},
		{"Good morning Dick, your plan is confirmed.", "", true},
		{"Good morning Dick, you lazy bastard.", "Dick Alvarez", true},
		// The name is written as a name, capitalised; the same word in
		// lower case beside it is the slur.
		{"Good morning Dick, don't be a dick about this.", "Dick Alvarez", true},
		{"good morning dick, your plan is confirmed.", "Dick Alvarez", true},
	}
	for _, tc := range tests {
		f := verified("US", "America/New_York", "2026-03-02T18:00:00Z")
		f.BorrowerName = tc.name
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
		if got := slices.Contains(categoriesOf(d), CatHarassment); got != tc.flag {
			t.Errorf("%q name %q: harassment %v, want %v (%v)", tc.text, tc.name, got, tc.flag, d.Violations)
		}
	}
}

// TestSecondReadings: more readings that keep a compliant message clean
// without letting its threat through: a claim that the debt is cleared
// stated as a condition ("once the balance is…"), a clause that carries a
// denial on ("and neither will…"), a request refused or not approved, a
// term that says something else (垃圾邮件 is spam, 联系方式 contact details,
// a visit the borrower booked, 是不是机器人 a question), advice to check
// with the court, and a secret the sender says it will never ask for.
func TestSecondReadings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		cat  string
		flag bool
	}{
		{"Once the balance is cleared, we will mark the account as satisfied.", CatUngroundedAmount, false},
		{"Your balance is cleared, you owe nothing more.", CatUngroundedAmount, true},
		{"Your manager won't hear from us, and neither will your coworkers.", CatThirdPartyDisclosure, false},
		{"We won't call your boss, and we will call your parents.", CatThirdPartyDisclosure, true},
		{"Your request to waive the fees was not approved.", CatUngroundedAmount, false},
		{"您的减免申请未获批准，可以改为申请分期。", CatUngroundedAmount, false},
		{"您的罚息已减免。", CatUngroundedAmount, true},
		{"如未收到，请查看垃圾邮件箱。", CatHarassment, false},
		{"你就是个垃圾。", CatHarassment, true},
		{"您预约的上门服务时间为周二下午。", CatThreat, false},
		{"我们会派人上门。", CatThreat, true},
		{"紧急联系人仅用于核实您的联系方式。", CatThirdPartyDisclosure, false},
		{"我是自动语音助理，不是真人客服。", CatFalseRepresentation, false},
		{"你问我是不是机器人？是的。", CatFalseRepresentation, false},
		{"我是真人客服，不是机器人。", CatFalseRepresentation, true},
		{"本公司是金融机构，与公安机关无关。", CatFalseRepresentation, false},
		{"是否起诉由债权人决定，目前没有计划。", CatFalseRepresentation, false},
		{"我们不会索要您的短信验证码。", CatPII, false},
		{"We will never ask you for your PIN.", CatPII, false},
		{"请提供您的验证码。", CatPII, true},
		{"Please send us your PIN.", CatPII, true},
		{"You can confirm with the court that nothing has been filed.", CatFalseRepresentation, false},
		{"如有疑问，可向法院核实。", CatFalseRepresentation, false},
		{"传票只能由法院送达。", CatFalseRepresentation, false},
		{"You mentioned a text saying you'd be arrested; we never sent it.", CatThreat, false},
		{"We will take you to court.", CatFalseRepresentation, true},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("US", "America/New_York", "2026-03-02T18:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			if got := slices.Contains(categoriesOf(d), tc.cat); got != tc.flag {
				t.Errorf("classifier off=%v: %q: %s %v, want %v (%v)", g.noClassifier, tc.text, tc.cat, got, tc.flag, d.Violations)
			}
		}
	}
}

// TestEnumerationComma: the enumeration comma (、) parts the items of a
// list, not two statements, so a negation before the list reaches past it;
// a warning that what it describes is a scam denies the request it
// describes. A request for a secret after a list still counts.
func TestEnumerationComma(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		cat  string
		flag bool
	}{
		{"我们不会通过邮件、电话、短信向您索取登录密码。", CatPII, false},
		{"本行绝不会向您索取卡号、安全码或验证码。", CatPII, false},
		{"凡是冒充客服索取验证码、让您转账的都是诈骗。", CatPII, false},
		{"我们不会打电话、发短信，请直接回复您的验证码。", CatPII, true},
		{"请通过邮件、短信提供您的验证码。", CatPII, true},
		{"我们不会上门、也不会起诉，但会联系您的单位、家人。", CatThirdPartyDisclosure, true},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z"))
			if got := slices.Contains(categoriesOf(d), tc.cat); got != tc.flag {
				t.Errorf("classifier off=%v: %q: %s %v, want %v (%v)", g.noClassifier, tc.text, tc.cat, got, tc.flag, d.Violations)
			}
		}
	}
}

// TestDenialCarriedOn: a clause that carries a denial on ("…, nor will
// your relatives", "…, and neither will…", "…，也不会…") belongs to the
// denied clause before it, and the content model does not read it alone;
// a clause after a denial that asserts something new still counts.
func TestDenialCarriedOn(t *testing.T) {
	t.Parallel()
	g := Default()
	tests := []struct {
		text string
		flag bool
	}{
		{"Nobody at your workplace will hear about this, nor will your relatives.", false},
		{"Your landlord will not be told about the account, and neither will your flatmates.", false},
		{"我们不会联系您的单位，也不会联系您的亲属。", false},
		{"We won't call your boss, but your parents will be told today.", true},
	}
	for _, tc := range tests {
		f := verified("US", "America/New_York", "2026-03-02T18:00:00Z")
		if hasHan([]byte(tc.text)) {
			f = verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z")
		}
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
		if got := slices.Contains(categoriesOf(d), CatThirdPartyDisclosure); got != tc.flag {
			t.Errorf("%q: third_party_disclosure %v, want %v (%v)", tc.text, got, tc.flag, d.Violations)
		}
	}
}
