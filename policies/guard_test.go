package policies

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// at parses an RFC 3339 time for the tables.
func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// wantDecision fails t unless d has the action and, when given, the send_at.
func wantDecision(t *testing.T, d Decision, action Action, sendAt string) {
	t.Helper()
	if d.Action != action {
		t.Fatalf("action = %s, want %s (%v) / 决定不符", d.Action, action, d.Violations)
	}
	if sendAt != "" && !d.SendAt.Equal(at(t, sendAt)) {
		t.Errorf("send_at = %s, want %s / 发送时间不符", d.SendAt.Format(time.RFC3339), sendAt)
	}
}

// verified are facts for the verified borrower at a convenient hour.
func verified(jur, zone, now string) Facts {
	n, _ := time.Parse(time.RFC3339, now)
	return Facts{Jurisdiction: jur, Timezone: zone, Now: n, RecipientVerified: true, HasBalance: true, Balance: 120000,
		AllowedAmounts: []Amount{20000}}
}

func categoriesOf(d Decision) []string {
	var out []string
	for _, v := range d.Violations {
		out = append(out, v.Category)
	}
	return out
}

func TestCheckBadInput(t *testing.T) {
	t.Parallel()
	g := Default()
	f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
	tests := []struct {
		name   string
		text   string
		jur    string
		action Action
		err    string
	}{
		{"unknown jurisdiction", "Hello", "ZZ", Block, ErrUnknownJurisdiction},
		{"missing jurisdiction", "Hello", "", Block, ErrUnknownJurisdiction},
		{"empty text", "", "GB", Allow, ""},
		{"over 10000 characters", strings.Repeat("好", MaxTextRunes+1), "GB", Block, ErrTextTooLong},
		{"exactly 10000 characters", strings.Repeat("a", MaxTextRunes), "GB", Allow, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ff := f
			ff.Jurisdiction = tc.jur
			d := g.Check(Proposal{ID: "x", Text: tc.text, Channel: "chat"}, ff)
			if d.Action != tc.action || d.Error != tc.err {
				t.Errorf("got %s %q, want %s %q / 决定不符", d.Action, d.Error, tc.action, tc.err)
			}
			if d.Violations == nil {
				t.Error("Violations is nil, want an empty list / 违规列表不应为 nil")
			}
			if d.ID != "x" {
				t.Errorf("ID = %q, want x / ID 不符", d.ID)
			}
		})
	}
}

func TestCheckContactTime(t *testing.T) {
	t.Parallel()
	g := Default()
	const later = " This communication is from a debt collector."
	tests := []struct {
		name, jur, zone, now string
		reply                bool
		action               Action
		sendAt               string
	}{
		{"Chicago afternoon", "US", "America/Chicago", "2026-03-02T20:00:00Z", false, Allow, ""},
		{"Chicago 21:00 is out", "US", "America/Chicago", "2026-03-03T03:00:00Z", false, Defer, "2026-03-03T14:00:00Z"},
		{"spring forward: next 08:00 is EDT", "US", "America/New_York", "2026-03-08T06:00:00Z", false, Defer, "2026-03-08T12:00:00Z"},
		{"fall back: next 08:00 is EST", "US", "America/New_York", "2026-11-01T05:00:00Z", false, Defer, "2026-11-01T13:00:00Z"},
		{"unknown zone waits for Hawaii, winter", "US", "", "2026-03-02T03:00:00Z", false, Defer, "2026-03-02T18:00:00Z"},
		{"unknown zone waits for Hawaii, summer", "US", "", "2026-07-01T12:00:00Z", false, Defer, "2026-07-01T18:00:00Z"},
		{"unknown zone inside every window", "US", "", "2026-07-01T19:00:00Z", false, Allow, ""},
		{"invalid zone read as unknown", "US", "Mars/Base", "2026-07-01T12:00:00Z", false, Defer, "2026-07-01T18:00:00Z"},
		{"borrower reply at night", "US", "America/Chicago", "2026-03-03T05:00:00Z", true, Allow, ""},
		{"Massachusetts holds Eastern time too", "US-MA", "America/Los_Angeles", "2026-03-03T02:30:00Z", false, Defer, "2026-03-03T16:00:00Z"},
		{"China 22:30", "CN", "", "2026-03-02T14:30:00Z", false, Defer, "2026-03-03T00:00:00Z"},
		{"India 19:00 is out", "IN", "Asia/Kolkata", "2026-03-02T13:30:00Z", false, Defer, "2026-03-03T02:30:00Z"},
		{"Washington 07:45 is out", "US-WA", "America/Los_Angeles", "2026-03-02T15:45:00Z", false, Defer, "2026-03-02T16:00:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := verified(tc.jur, tc.zone, tc.now)
			p := Proposal{Text: "Hi, your plan is ready." + later, Channel: "chat"}
			if tc.jur == "CN" || tc.jur == "IN" {
				p.Text = "Hi, your plan is ready."
			}
			if tc.reply {
				p.InitiatedBy = "borrower"
			}
			d := g.Check(p, f)
			wantDecision(t, d, tc.action, tc.sendAt)
			if d.Action == Defer && !inWindow(d.SendAt, g.profiles[tc.jur].zones[:1], g.profiles[tc.jur].start, g.profiles[tc.jur].end) && tc.zone == "" {
				t.Errorf("send_at %s is outside the window / 发送时间不在窗口内", d.SendAt)
			}
		})
	}
}

func TestCheckFrequency(t *testing.T) {
	t.Parallel()
	g := Default()
	const later = " This communication is from a debt collector."
	tests := []struct {
		name    string
		jur     string
		channel string
		facts   func(*Facts)
		reply   bool
		action  Action
		sendAt  string
	}{
		{"eighth call in 7 days", "US", "voice", func(f *Facts) { f.CallsLast7d = 7 }, false, Block, ""},
		{"seventh call", "US", "voice", func(f *Facts) { f.CallsLast7d = 6 }, false, Allow, ""},
		{"texts are no calls", "US", "chat", func(f *Facts) { f.CallsLast7d = 9 }, false, Allow, ""},
		{"call within 7 days of a conversation, across DST", "US", "voice",
			func(f *Facts) { f.LastPhoneConversationAt = time.Date(2026, 3, 2, 21, 0, 0, 0, time.UTC) }, false, Defer, "2026-03-09T13:00:00Z"},
		{"Massachusetts third contact", "US-MA", "voice", func(f *Facts) { f.ContactsLast7d = 2 }, false, Block, ""},
		{"New York fourth contact", "US-NY", "chat", func(f *Facts) { f.ContactsLast7d = 3 }, false, Block, ""},
		{"reply does not count", "US-NY", "chat", func(f *Facts) { f.ContactsLast7d = 3 }, true, Allow, ""},
		{"GB: past the product cap a person decides", "GB", "chat", func(f *Facts) { f.ContactsLast7d = 3 }, false, Escalate, ""},
		{"China fourth connected call waits a day", "CN", "voice", func(f *Facts) { f.ConnectedCallsToday = 3 }, false, Defer, "2026-03-04T00:00:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := verified(tc.jur, "America/Chicago", "2026-03-03T20:00:00Z")
			switch tc.jur {
			case "CN":
				f.Timezone = "Asia/Shanghai"
				f.Now = at(t, "2026-03-03T02:00:00Z")
			case "GB":
				f.Timezone = "Europe/London"
				f.Now = at(t, "2026-03-03T12:00:00Z")
			}
			tc.facts(&f)
			p := Proposal{Text: "Hi, this is Ava, an automated assistant, about your plan." + later, Channel: tc.channel}
			if tc.reply {
				p.InitiatedBy = "borrower"
			}
			d := g.Check(p, f)
			wantDecision(t, d, tc.action, tc.sendAt)
			if tc.action != Allow && !strings.Contains(strings.Join(categoriesOf(d), ","), CatFrequency) {
				t.Errorf("violations %v lack frequency / 缺少频次违规", d.Violations)
			}
		})
	}
}

func TestCheckDisclosures(t *testing.T) {
	t.Parallel()
	g := Default()
	tests := []struct {
		name     string
		jur      string
		p        Proposal
		facts    func(*Facts)
		action   Action
		wantText string
	}{
		{"US first SMS gets the mini-Miranda and STOP", "US",
			Proposal{Text: "Hi Maria, your balance is $1,200.00.", Channel: "sms", FirstMessage: true}, nil, Revise,
			"Hi Maria, your balance is $1,200.00. This is an attempt to collect a debt and any information obtained will be used for that purpose. Reply STOP to opt out."},
		{"US later chat gets the collector notice", "US",
			Proposal{Text: "Your plan is set.", Channel: "chat"}, nil, Revise,
			"Your plan is set. This communication is from a debt collector."},
		{"US unverified SMS: STOP only, nothing that reveals a debt", "US",
			Proposal{Text: "Hi, this is Ava. Please call us back.", Channel: "sms", FirstMessage: true, Purpose: PurposeIdentity},
			func(f *Facts) { f.RecipientVerified = false }, Revise,
			"Hi, this is Ava. Please call us back. Reply STOP to opt out."},
		{"US unverified chat: nothing appended", "US",
			Proposal{Text: "Hi, this is Ava. Could you confirm your date of birth?", Channel: "chat", FirstMessage: true, Purpose: PurposeIdentity},
			func(f *Facts) { f.RecipientVerified = false }, Allow,
			"Hi, this is Ava. Could you confirm your date of birth?"},
		{"voice first message starts with the AI identity", "GB",
			Proposal{Text: "Hello, I'm calling about your plan.", Channel: "voice", FirstMessage: true}, nil, Revise,
			"You are speaking with an automated assistant. Hello, I'm calling about your plan."},
		{"CN first message names lender and agency, in Chinese", "CN",
			Proposal{Text: "您好，提醒您本期账单。", Channel: "chat", FirstMessage: true},
			func(f *Facts) { f.Lender, f.Agency = "星河银行", "华信资产" }, Revise,
			"您好，提醒您本期账单。本消息由华信资产受星河银行委托发送。"},
		{"IN first message names the lender alone", "IN",
			Proposal{Text: "Hello, your EMI is due on 5 March.", Channel: "chat", FirstMessage: true},
			func(f *Facts) { f.Lender = "Sunrise Finance" }, Revise,
			"Hello, your EMI is due on 5 March. This message is from Sunrise Finance."},
		{"opt-out confirmation needs no STOP line", "US",
			Proposal{Text: "You're unsubscribed. This communication is from a debt collector.", Channel: "sms", Purpose: PurposeOptOutConfirmation},
			func(f *Facts) { f.OptedOutChannels = []string{"sms"} }, Allow,
			"You're unsubscribed. This communication is from a debt collector."},
		{"US first message that ends collection says only it is from a debt collector", "US",
			Proposal{Text: "We've noted that an attorney represents you.", Channel: "chat", FirstMessage: true,
				Purpose: PurposeStopNotice, InitiatedBy: "borrower"},
			func(f *Facts) { f.Attorney = true }, Revise,
			"We've noted that an attorney represents you. This communication is from a debt collector."},
		{"US stop notice that asks for payment is collection, mini-Miranda and all", "US",
			Proposal{Text: "We've stopped, but please pay $1,200.00 today.", Channel: "chat", FirstMessage: true,
				Purpose: PurposeStopNotice, InitiatedBy: "borrower"},
			nil, Revise,
			"We've stopped, but please pay $1,200.00 today. This is an attempt to collect a debt and any information obtained will be used for that purpose."},
		{"a threat is blocked, never revised", "US",
			Proposal{Text: "Pay or you will be arrested.", Channel: "sms"}, nil, Block, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			zone := map[string]string{"US": "America/Chicago", "GB": "Europe/London", "CN": "Asia/Shanghai", "IN": "Asia/Kolkata"}[tc.jur]
			f := verified(tc.jur, zone, "2026-03-02T12:00:00Z")
			if tc.jur == "US" {
				f.Now = at(t, "2026-03-02T18:00:00Z")
			}
			if tc.facts != nil {
				tc.facts(&f)
			}
			d := g.Check(tc.p, f)
			wantDecision(t, d, tc.action, "")
			if diff := cmp.Diff(tc.wantText, d.Text); diff != "" {
				t.Errorf("text (-want +got) / 文本不符:\n%s", diff)
			}
		})
	}
}

func TestCheckPrivacy(t *testing.T) {
	t.Parallel()
	g := Default()
	tests := []struct {
		name       string
		text       string
		verified   bool
		action     Action
		categories []string
		wantText   string
	}{
		{"card masked for the borrower", "Your card 4111 1111 1111 1111 is on file.", true, Revise, []string{CatPII},
			"Your card **** **** **** 1111 is on file."},
		{"card to an unverified recipient is blocked", "Your card 4111111111111111 is on file.", false, Block, []string{CatPII}, ""},
		{"invalid 16-digit reference passes", "Your reference is 4111 1111 1111 1112.", true, Allow, nil,
			"Your reference is 4111 1111 1111 1112."},
		{"last four is fine", "Your card ending 1111 is on file.", true, Allow, nil, "Your card ending 1111 is on file."},
		{"SSN with a card is blocked, not masked", "SSN 078-05-1120, card 4111 1111 1111 1111.", true, Block, []string{CatPII, CatPII}, ""},
		{"amount to an unverified recipient", "Hello, please pay £200.", false, Block, []string{CatThirdPartyDisclosure}, ""},
		{"debt word to an unverified recipient", "Hello, this is about your overdue account.", false, Block, []string{CatThirdPartyDisclosure}, ""},
		{"agency named to an unverified recipient", "Hi, Apex Recoveries here, please call us.", false, Block, []string{CatThirdPartyDisclosure}, ""},
		{"other borrower named", "Unlike JANE DOE, you kept your promise.", true, Block, []string{CatPII}, ""},
		{"other borrower as part of a longer word passes", "We have Janedoes on file.", true, Allow, nil, "We have Janedoes on file."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
			f.RecipientVerified = tc.verified
			f.OtherBorrowerNames = []string{"Jane Doe"}
			f.Agency = "Apex Recoveries"
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			wantDecision(t, d, tc.action, "")
			if diff := cmp.Diff(tc.categories, categoriesOf(d)); diff != "" {
				t.Errorf("categories (-want +got) / 类别不符:\n%s", diff)
			}
			if d.Text != tc.wantText {
				t.Errorf("text = %q, want %q / 文本不符", d.Text, tc.wantText)
			}
		})
	}
}

func TestCheckConsentAndPurpose(t *testing.T) {
	t.Parallel()
	g := Default()
	tests := []struct {
		name    string
		text    string
		purpose string
		channel string
		facts   func(*Facts)
		action  Action
	}{
		{"opted-out channel", "Here is your link.", "", "sms", func(f *Facts) { f.OptedOutChannels = []string{"sms"} }, Block},
		{"opted out of another channel", "Here is your link.", "", "chat", func(f *Facts) { f.OptedOutChannels = []string{"sms"} }, Allow},
		{"unknown channel, any opt-out", "Here is your link.", "", "", func(f *Facts) { f.OptedOutChannels = []string{"email"} }, Block},
		{"the one opt-out confirmation", "You will get no more texts.", PurposeOptOutConfirmation, "chat", func(f *Facts) { f.OptedOutChannels = []string{"chat"} }, Allow},
		{"dispute acknowledgement while disputed", "We have your dispute and will send verification.", PurposeDisputeAck, "chat", func(f *Facts) { f.Disputed = true }, Allow},
		{"collection while disputed", "Please pay £200 today.", "", "chat", func(f *Facts) { f.Disputed = true }, Block},
		{"dispute acknowledgement still carries no threat", "We have your dispute. Pay or you will be arrested.", PurposeDisputeAck, "chat", func(f *Facts) { f.Disputed = true }, Block},
		{"handoff in bankruptcy", "A colleague will take over shortly.", PurposeHandoff, "chat", func(f *Facts) { f.Bankruptcy = true }, Allow},
		{"collection in bankruptcy", "Your next payment is due.", "", "chat", func(f *Facts) { f.Bankruptcy = true }, Block},
		{"cease allows only the confirmation", "We will not contact you again about this.", PurposeOptOutConfirmation, "chat", func(f *Facts) { f.Cease = true }, Allow},
		{"cease blocks identity questions", "Could you confirm your postcode?", PurposeIdentity, "chat", func(f *Facts) { f.Cease = true }, Block},
		{"attorney blocks help", "Reply HELP for help.", PurposeHelp, "chat", func(f *Facts) { f.Attorney = true }, Block},
		{"attorney blocks a stop notice the borrower did not prompt", "We'll deal with your attorney.", PurposeStopNotice, "chat", func(f *Facts) { f.Attorney = true }, Block},
		{"cease allows the notice that collection stops", "We have stopped collection contact.", PurposeStopNotice, "chat", func(f *Facts) { f.Cease = true }, Allow},
		{"bankruptcy allows the notice that collection is paused", "Collection on this account is paused.", PurposeStopNotice, "chat", func(f *Facts) { f.Bankruptcy = true }, Allow},
		{"a stop notice that asks for payment is collection", "Collection is paused, but please pay £200 today.", PurposeStopNotice, "chat", func(f *Facts) { f.Cease = true }, Block},
		{"identity purpose to the unverified still carries no debt", "Can you confirm your name? It is about your debt.", PurposeIdentity, "chat", func(f *Facts) { f.RecipientVerified = false }, Block},
		{"legal action with approval", "Our client has approved legal action and a claim will be filed.", "", "chat", func(f *Facts) { f.LegalActionApproved = true }, Allow},
		{"legal action on a time-barred debt even with approval", "A claim will be filed in court.", "", "chat", func(f *Facts) { f.LegalActionApproved, f.TimeBarred = true, true }, Block},
		{"zero balance backs a cleared claim", "Your balance is zero, you owe nothing.", "", "chat", func(f *Facts) { f.Balance = 0 }, Allow},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
			tc.facts(&f)
			d := g.Check(Proposal{Text: tc.text, Channel: tc.channel, Purpose: tc.purpose}, f)
			if d.Action != tc.action {
				t.Errorf("action = %s, want %s (%v) / 决定不符", d.Action, tc.action, d.Violations)
			}
		})
	}
}

func TestCheckRulesCiteTheProfile(t *testing.T) {
	t.Parallel()
	g := Default()
	tests := []struct {
		jur, text, rule, citation string
	}{
		{"US", "You will be arrested.", "US-P3", "15 USC 1692e(4)"},
		{"US-CA", "You will be arrested.", "CA-P1", "Cal. Civ. Code 1788.10(e)"},
		{"GB", "Borrow it from your family.", "UK-P1", "CONC 7.3.10R"},
		{"CN", "去别的平台借点钱还我们。", "CN-P4", "CBA 2026 指引"},
		{"IN", "We will tell your boss.", "IN-3P1", "RBI circular 12 Aug 2022"},
	}
	for _, tc := range tests {
		t.Run(tc.jur, func(t *testing.T) {
			t.Parallel()
			f := verified(tc.jur, "", "2026-07-01T19:00:00Z")
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			for _, v := range d.Violations {
				if v.Rule == tc.rule && v.Citation == tc.citation {
					return
				}
			}
			t.Errorf("no violation %s %q in %v / 缺少预期规则", tc.rule, tc.citation, d.Violations)
		})
	}
}

func TestCheckConcurrentUse(t *testing.T) {
	t.Parallel()
	g := Default()
	set := loadLabelled(t, "testdata/labelled.jsonl")
	want := make([]Decision, len(set))
	for i, l := range set {
		p, f := decodeLabelled(t, l)
		want[i] = g.Check(p, f)
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(set)*4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, l := range set {
				p, f := decodeLabelled(t, l)
				if !cmp.Equal(want[i], g.Check(p, f)) {
					errs <- l.ID
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for id := range errs {
		t.Errorf("%s: concurrent check differs / 并发结果不一致", id)
	}
}

// Not parallel: testing.AllocsPerRun refuses to run beside other tests.
func TestCheckAllowPathAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector")
	}
	g := Default()
	if d := g.Check(allowedMessage, allowedFacts); d.Action != Allow {
		t.Fatalf("message not allowed: %v / 消息未被放行", d.Violations)
	}
	if n := testing.AllocsPerRun(200, func() { g.Check(allowedMessage, allowedFacts) }); n != 0 {
		t.Errorf("allow path allocates %v times, want 0 / 放行路径不应分配内存", n)
	}
}

// readerGuard is a guard and whether it reads content without the
// content model.
type readerGuard struct {
	*Guard
	noClassifier bool
}

// bothReaders holds the guard reading content by its lexicon alone and
// the guard reading it with the content model as well, built once for
// the package's tests (a guard is safe for concurrent use).
var bothReaders = sync.OnceValues(func() ([]readerGuard, error) {
	var out []readerGuard
	for _, opts := range []Options{{NoClassifier: true}, {}} {
		g, err := NewGuard(opts)
		if err != nil {
			return nil, err
		}
		out = append(out, readerGuard{g, opts.NoClassifier})
	}
	return out, nil
})

// bothGuards returns the guard reading content by its lexicon alone, then
// with the content model: the content tests check each case both ways.
func bothGuards(t *testing.T) []readerGuard {
	t.Helper()
	gs, err := bothReaders()
	if err != nil {
		t.Fatal(err)
	}
	return gs
}

// factsFor is en for a text in English, and the facts of a verified
// borrower in China for a Chinese one.
func factsFor(en Facts, text string) Facts {
	if hasHan([]byte(text)) {
		return verified("CN", "Asia/Shanghai", "2026-03-02T04:00:00Z")
	}
	return en
}

// TestSameViolationOnce: two families reading the same insult make one
// violation, not the same one twice.
func TestSameViolationOnce(t *testing.T) {
	t.Parallel()
	d := Default().Check(Proposal{Text: "You're a joke.", Channel: "chat"},
		factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), "You're a joke."))
	seen := map[Violation]bool{}
	for _, v := range d.Violations {
		if seen[v] {
			t.Errorf("violation listed twice: %+v", v)
		}
		seen[v] = true
	}
	if len(d.Violations) == 0 {
		t.Error("no violation found")
	}
}
