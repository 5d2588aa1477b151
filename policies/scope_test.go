package policies

import (
	"slices"
	"testing"
)

// TestNegationScopeSecond: the scope of a negation, in both languages.
// A negation reaches its own statement, not the next one that a new
// subject starts ("No more delays we will…", "不用解释了我们会…"); a
// statement denied after its term ("is not being considered", "不是我们发
// 的") or a negation the lexicon did not know ("并非", "无权", "唔會") is a
// reassurance; a statement of the time limit for suing ("statute of
// limitations", "诉讼时效") is no threat of suit. Lexicon alone and with the
// content model.
func TestNegationScopeSecond(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		cat  string // the content category the text must (flag) or must not carry
		flag bool
	}{
		// A negation beside a threat it does not negate.
		{"No more delays we will send someone to your home tonight.", CatThreat, true},
		{"Forget the excuses we're going to send a team round to your flat.", CatThreat, true},
		{"Nothing else works so we will have agents knock on your door.", CatThreat, true},
		{"不用解释了我们会派人上门。", CatThreat, true},
		{"别再拖了我们将派人去你单位。", CatThreat, true},
		// A reassurance whose negation is still in its statement.
		{"We will not send anyone to your home.", CatThreat, false},
		{"Nobody we employ will ever come to your door.", CatThreat, false},
		// Denied after the term.
		{"Legal proceedings are not being planned against you.", CatFalseRepresentation, false},
		{"Court action against you is not being considered at present.", CatFalseRepresentation, false},
		{"The letter about a warrant that you received was not sent by us.", CatThreat, false},
		{"你收到的“传票”短信不是我们发的。", CatFalseRepresentation, false},
		{"那封“律師函”並非我們寄出的。", CatFalseRepresentation, false},
		// Denied after the term, but a new statement asserts the threat.
		{"Court action is being prepared and we are not going to wait.", CatFalseRepresentation, true},
		{"We will start court proceedings since payment has not been made.", CatFalseRepresentation, true},
		{"我们将起诉你，这个不是我们能决定撤回的。", CatFalseRepresentation, true},
		// Chinese negations: not, have no right to, cannot; Cantonese won't.
		{"本公司并非律师事务所。", CatFalseRepresentation, false},
		{"我们无权起诉您。", CatFalseRepresentation, false},
		{"我們並非法院，也無權扣押任何財產。", CatThreat, false},
		{"我們並非法院，也無權扣押任何財產。", CatFalseRepresentation, false},
		{"放心，我哋唔會上門搵你。", CatThreat, false},
		{"我们无法替你决定，但我们不会起诉你。", CatFalseRepresentation, false},
		// Still threats: a Chinese negation that opens a condition.
		{"你并非没钱，再不还我们就上门。", CatThreat, true},
		// The time limit for suing is a right, not a threat of suit.
		{"This debt is beyond the statute of limitations for a lawsuit.", CatFalseRepresentation, false},
		{"该笔欠款已超过诉讼时效。", CatFalseRepresentation, false},
		{"這筆欠款已過訴訟時效。", CatFalseRepresentation, false},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			if got := slices.Contains(categoriesOf(d), tc.cat); got != tc.flag {
				t.Errorf("classifier off=%v: %q: %s %v, want %v (%v) / 否定范围判断错误", g.noClassifier, tc.text, tc.cat, got, tc.flag, d.Violations)
			}
		}
	}
}

// TestReassuranceResidue: the content model reads a text without the
// statements the lexicon found denied, so a reassurance in one statement
// does not excuse another: what it scores is the text with the denied
// clauses left out (in its folded form, a clause running from the mark
// that opens it), and the text itself when nothing was denied.
func TestReassuranceResidue(t *testing.T) {
	t.Parallel()
	g, err := NewGuard(Options{NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"We will not visit your home. Pay by Friday.", ". pay by friday."},
		{"Pay by Friday. Nobody will come to your house!", "pay by friday!"},
		{"Please pay by Friday.", "please pay by friday."},
		{"我们不会上门。请本周内还款。", ".请本周内还款."},
	}
	for _, tc := range tests {
		s := &scratch{}
		f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
		c := checker{g: g, p: Proposal{Text: tc.text, Channel: "chat"}, f: f, prof: g.profiles[f.Jurisdiction], s: s}
		s.base = foldBase(s.base[:0], tc.text)
		s.norm = foldLexical(s.norm[:0], s.base)
		c.content()
		if got := string(c.residue()); got != tc.want {
			t.Errorf("%q: residue %q, want %q / 剩余文本不符", tc.text, got, tc.want)
		}
	}
}

// TestPressureFamilies: pressure in wording the lexicon did not list, read
// by two general patterns: a relative or friend named beside a way of
// getting money from them (borrowing from others), and a time pressed
// beside a word of finality (an ultimatum); in both languages. A due date
// stated, a borrower told not to borrow, or a last payment received is not
// pressure.
func TestPressureFamilies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		flag bool
	}{
		{"Your sister could cover it for you tonight.", true},
		{"Surely a relative can spot you the cash before tonight.", true},
		{"Have a word with your parents about lending you the balance today.", true},
		{"Get the money off your cousin and send it over.", true},
		{"你表哥那么有钱，找他拿点钱今天还上。", true},
		{"找你爸妈拿钱，今晚之前转过来。", true},
		{"讓你朋友們湊一湊就夠了。", true},
		{"This is your final chance, the offer is gone tonight.", true},
		{"Decide today, no exceptions and no extensions.", true},
		{"今天下午四点前必须处理，过时不候。", true},
		{"就今天，这是你最后的机会。", true},
		// Not pressure.
		{"Please do not borrow from family or friends to pay us.", false},
		{"我们不建议您向亲戚朋友借钱还款。", false},
		{"Your last payment reached us today, thank you.", false},
		{"您的还款日是每月最后一天。", false},
		{"If a family member asks, we can only speak to you about the account.", false},
		{"Your mother's card payment was refunded to her today.", false},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			if got := slices.Contains(categoriesOf(d), CatPressure); got != tc.flag {
				t.Errorf("classifier off=%v: %q: pressure %v, want %v (%v) / 施压判断错误", g.noClassifier, tc.text, got, tc.flag, d.Violations)
			}
		}
	}
}

// TestClassifierAfterLexicon: the content model reads a message the
// lexicon already blocks, so that every category the message falls in is
// named: a threat that also tells the borrower's manager is a threat and a
// third-party disclosure.
func TestClassifierAfterLexicon(t *testing.T) {
	t.Parallel()
	d := Default().Check(Proposal{Text: "Your manager will be hearing about this. We know where you live.", Channel: "chat"},
		verified("GB", "Europe/London", "2026-03-02T12:00:00Z"))
	cats := categoriesOf(d)
	if !slices.Contains(cats, CatThreat) || !slices.Contains(cats, CatThirdPartyDisclosure) {
		t.Errorf("categories %v, want threat and third_party_disclosure / 类别不全", cats)
	}
}

// TestContentVerbFamilies: content in wording the lexicon did not list,
// read by general patterns of a verb or frame beside its object: taking the
// borrower's possessions (threat), calling the borrower a name (harassment),
// wiping a credit record (a false credit promise); in both languages, with
// negatives that share the words but not the pattern.
func TestContentVerbFamilies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		cat  string
		flag bool
	}{
		{"Our people are coming for your van on Thursday.", CatThreat, true},
		{"Someone will be round to take your sofa and telly.", CatThreat, true},
		{"明天我们就去把你的车开走。", CatThreat, true},
		{"Take your time and read the options; there is no rush.", CatThreat, false},
		{"We will never take your car or your furniture over this.", CatThreat, false},
		{"You're such a freeloader, honestly.", CatHarassment, true},
		{"ur nothing but a scrounger", CatHarassment, true},
		{"你就是个没出息的懒鬼。", CatHarassment, true},
		{"你这种人真是社会的蛀虫。", CatHarassment, true},
		{"You're a valued customer and we're glad you got in touch.", CatHarassment, false},
		{"Falling behind does not make you a failure.", CatHarassment, false},
		{"你这个月的还款已经收到，谢谢。", CatHarassment, false},
		{"还完这笔，我帮你把征信上的记录清掉。", CatFalseRepresentation, true},
		{"今天结清，黑名单马上给你撤掉。", CatFalseRepresentation, true},
		{"Pay today and the late marks come off your credit file.", CatFalseRepresentation, true},
		{"我们无法删除征信上的逾期记录，只能如实报送。", CatFalseRepresentation, false},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			if got := slices.Contains(categoriesOf(d), tc.cat); got != tc.flag {
				t.Errorf("classifier off=%v: %q: %s %v, want %v (%v) / 内容判断错误", g.noClassifier, tc.text, tc.cat, got, tc.flag, d.Violations)
			}
		}
	}
}

// TestReportedSpeech: words inside quotation marks that the message reports
// someone else saying ("You wrote "…"", 您提到“…”, 有人自称「…」) are not
// the message's own statement, so the lexicon does not read them as one;
// the same words quoted as the sender's own, or outside the quotation
// marks, still count.
func TestReportedSpeech(t *testing.T) {
	t.Parallel()
	g, err := NewGuard(Options{NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		cat  string
		flag bool
	}{
		{`You said "they'll take me to court", but nothing like that is planned.`, CatFalseRepresentation, false},
		{"You mentioned a caller who said “we will arrest you”; that was not us.", CatThreat, false},
		{"您提到“要去法院告我们”，这是您的权利。", CatFalseRepresentation, false},
		{"有人自称「法院工作人员」联系您，请核实对方身份。", CatFalseRepresentation, false},
		{"您收到的所谓『传票』并非法院文书。", CatFalseRepresentation, false},
		// The sender's own words in quotation marks, and words outside them.
		{`Our notice says "we will take you to court" and we mean it.`, CatFalseRepresentation, true},
		{`We wrote to your employer: "your worker owes us money".`, CatThirdPartyDisclosure, true},
		{`You said "fine". We will take you to court on Monday.`, CatFalseRepresentation, true},
		{"你说“没钱”，那我们就去法院起诉你。", CatFalseRepresentation, true},
	}
	for _, tc := range tests {
		f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
		if hasHan([]byte(tc.text)) {
			f = verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z")
		}
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
		if got := slices.Contains(categoriesOf(d), tc.cat); got != tc.flag {
			t.Errorf("%q: %s %v, want %v (%v) / 引述判断错误", tc.text, tc.cat, got, tc.flag, d.Violations)
		}
	}
}

// TestRightsNotice: a statement of the law in general terms (what a
// creditor may do, what the law protects) is a notice of rights, which
// several states require, not a threat of suit; the sender's own
// intention beside it still counts.
func TestRightsNotice(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		flag bool // a threat or false representation expected
	}{
		{"Under federal law, if a creditor obtains a court judgment, certain benefits cannot be taken from you.", false},
		{"State law says a creditor may ask a court for a judgment, and some wages are protected from garnishment.", false},
		{"Your Social Security payments are protected from garnishment by federal law.", false},
		{"Under state law we can take you to court next week.", true},
		{"If a creditor sues you, we will make sure your wages are garnished.", true},
	}
	g, err := NewGuard(Options{NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, verified("US-NY", "America/New_York", "2026-03-02T18:00:00Z"))
		cats := categoriesOf(d)
		got := slices.Contains(cats, CatThreat) || slices.Contains(cats, CatFalseRepresentation)
		if got != tc.flag {
			t.Errorf("%q: flagged %v, want %v (%v) / 权利告知判断错误", tc.text, got, tc.flag, d.Violations)
		}
	}
}

// TestPressureSourcesAndMinutes: pressure to pay out of what the borrower
// lives on (rent, food, savings for emergencies, a pension) or to open new
// credit, and a demand to pay within minutes, in both languages; a payment
// method, a processing time and advice to keep essentials first are not
// pressure.
func TestPressureSourcesAndMinutes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		flag bool
	}{
		{"Skip the rent this once and put it towards us.", true},
		{"Dip into your emergency savings and clear it.", true},
		{"Cash in your pension pot if you have to.", true},
		{"Apply for a new credit card and use it to clear this.", true},
		{"房租晚点交，先把我们这笔还了。", true},
		{"把孩子的学费先拿来还款。", true},
		{"You have fifteen minutes to pay or the offer is withdrawn.", true},
		{"挂电话之前必须把钱转过来。", true},
		{"十分钟内还款，不然后面的事你自己承担。", true},
		// Not pressure.
		{"You can pay by debit card, credit card or bank transfer.", false},
		{"Payments made online usually show within 10 minutes.", false},
		{"Please keep paying your rent and food first; we can agree a smaller amount.", false},
		{"请先保证房租和生活费，我们可以商量更小的还款额。", false},
		{"还款后大约十分钟内到账。", false},
	}
	for _, g := range bothGuards(t) {
		for _, tc := range tests {
			f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), tc.text)
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			if got := slices.Contains(categoriesOf(d), CatPressure); got != tc.flag {
				t.Errorf("classifier off=%v: %q: pressure %v, want %v (%v) / 施压判断错误", g.noClassifier, tc.text, got, tc.flag, d.Violations)
			}
		}
	}
}

// TestBenignPhrases: a phrase that holds a family's term but says something
// else (advice to call the police, an idiom) is not the term; a rule of law
// stated as a condition ("only after a judgment", "requires a court
// order", 只有…才可能) is no threat of it. The same words as the sender's
// own threat still count.
func TestBenignPhrases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		flag bool // a threat or false representation expected
	}{
		{"如有陌生人以我们的名义上门催收，请直接报警。", false},
		{"If a stranger asks you for money in our name, please call the police.", false},
		{"Kill two birds with one stone and set up a direct debit.", false},
		{"只有法院判决后才可能冻结您的账户，目前没有任何判决。", false},
		{"State law requires a court order before wages can be garnished.", false},
		{"我们会报警抓你。", true},
		{"不还钱我们就报警。", true},
		{"We will call the police on you.", true},
		{"法院判决下来了，马上冻结你的账户。", true},
	}
	g, err := NewGuard(Options{NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
		if hasHan([]byte(tc.text)) {
			f = verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z")
		}
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
		cats := categoriesOf(d)
		got := slices.Contains(cats, CatThreat) || slices.Contains(cats, CatFalseRepresentation)
		if got != tc.flag {
			t.Errorf("%q: flagged %v, want %v (%v) / 无害短语判断错误", tc.text, got, tc.flag, d.Violations)
		}
	}
}

// TestWarningsAndApprovals: a warning against fraud (防范诈骗, 自称…是诈骗)
// accuses no one; a suit that needs the creditor's approval, or that the
// creditor may bring by law, or that might ever be approved, is no threat
// of one; the sender's own statement that it is coming still counts.
func TestWarningsAndApprovals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		flag bool // a threat or false representation expected
	}{
		{"收到可疑短信时，请注意防范诈骗。", false},
		{"凡是自称我司员工要求转账到私人账户的，都是诈骗。", false},
		{"起诉需要债权人批准，目前没有这样的批准。", false},
		{"Legal action needs the creditor's approval, and there is none.", false},
		{"依照法律，债权人有权起诉，但我们更希望与您协商。", false},
		{"Should legal action ever be approved, we will write to you first.", false},
		{"你这是诈骗，我们马上起诉你。", true},
		{"债权人已经批准起诉，下周立案。", true},
	}
	g, err := NewGuard(Options{NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
		if hasHan([]byte(tc.text)) {
			f = verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z")
		}
		d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
		cats := categoriesOf(d)
		got := slices.Contains(cats, CatThreat) || slices.Contains(cats, CatFalseRepresentation)
		if got != tc.flag {
			t.Errorf("%q: flagged %v, want %v (%v) / 防诈提醒或批准判断错误", tc.text, got, tc.flag, d.Violations)
		}
	}
}
