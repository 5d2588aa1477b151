package prompts

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var due = time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)

// samples are the cases each golden file shows, keyed by template name.
var samples = map[string][]Data{
	"intro.v1": {Intro{AgentName: "Ava", Collector: "Midwest Recovery"}, Intro{AgentName: "Ava"}, Intro{AgentName: "Ava", Collector: "Midwest Recovery", Voice: true}},
	"identity_request.v1": {
		IdentityRequest{First: FactDOB, Second: FactZip},
		IdentityRequest{First: FactDOB, Second: FactIDLast4, Again: true},
	},
	"identity_more.v1":     {IdentityMore{Kind: FactPostcode}},
	"identity_retry.v1":    {IdentityRetry{First: FactDOB, Second: FactZip, Remaining: 2}, IdentityRetry{First: FactDOB, Second: FactZip, Remaining: 1}},
	"nothing_agreed.v1":    {NothingAgreed{}},
	"take_time.v1":         {TakeTime{}},
	"identity_one.v1":      {IdentityOneValue{Kind: FactDOB, Remaining: 2}, IdentityOneValue{Kind: FactZip, Remaining: 1}, IdentityOneValue{Kind: "id_last4", Remaining: 2}},
	"identity_failed.v1":   {IdentityFailed{Collector: "Midwest Recovery"}, IdentityFailed{}},
	"identity_verified.v1": {Verified{}},
	"disclosure.v1": {
		Disclosure{Region: RegionUS, Collector: "Midwest Recovery", Creditor: "First Bank", Agency: "Midwest Recovery"},
		Disclosure{Region: RegionUS, Collector: "Prairie Medical Group", Creditor: "Prairie Medical Group"},
		Disclosure{Region: RegionGB, Collector: "Thames Credit", Creditor: "Thames Credit"},
		Disclosure{Region: RegionCN, Collector: "华信催收", Creditor: "安心消费金融", Agency: "华信催收"},
		Disclosure{Region: RegionIN, Collector: "Sahyog Recovery", Creditor: "Mumbai Finance", Agency: "Sahyog Recovery"},
		Disclosure{Region: "", Collector: "First Bank", Creditor: "First Bank"},
	},
	"balance.v1":    {Balance{Creditor: "First Bank", Balance: "$1,200.00"}},
	"due_date.v1":   {DueDate{HasDue: true, Due: due, DaysPastDue: 45}, DueDate{}},
	"creditor.v1":   {Creditor{Creditor: "First Bank", Agency: "Midwest Recovery"}, Creditor{Creditor: "First Bank"}},
	"purpose.v1":    {Purpose{Creditor: "First Bank", Purpose: "a personal loan"}, Purpose{Creditor: "First Bank"}},
	"how_to_pay.v1": {HowToPay{}},
	"fees.v1":       {Fees{Creditor: "First Bank"}},
	"bot.v1":        {Bot{AgentName: "Ava", Collector: "Midwest Recovery"}},
	"who.v1":        {Who{AgentName: "Ava", Collector: "Midwest Recovery"}},
	"legit.v1":      {Legit{AgentName: "Ava", Collector: "Midwest Recovery"}, Legit{AgentName: "Ava", Collector: "Midwest Recovery", Creditor: "First Bank"}},
	"credit.v1": {Credit{Region: RegionUS, Reported: true}, Credit{Region: RegionUS}, Credit{Region: RegionUS, Obsolete: true},
		Credit{Region: RegionGB, Reported: true}, Credit{Region: RegionGB}, Credit{Region: RegionIN, Reported: true},
		Credit{Region: RegionIN}, Credit{Region: RegionCN, Reported: true}, Credit{Region: RegionCN}, Credit{}},
	"suit.v1": {Suit{Region: RegionUS, Jurisdiction: "US-CA", TimeBarred: true}, Suit{Region: RegionUS, Jurisdiction: "US-CA", TimeBarred: true, Obsolete: true},
		Suit{Region: RegionUS, Jurisdiction: "US-NY", TimeBarred: true, Age: true}, Suit{Region: RegionUS, Jurisdiction: "US", TimeBarred: true, Age: true},
		Suit{Region: RegionGB, Jurisdiction: "GB", TimeBarred: true}, Suit{Region: RegionCN, Jurisdiction: "CN", TimeBarred: true},
		Suit{Region: RegionUS, Jurisdiction: "US-MA", Age: true}, Suit{Region: RegionUS, Jurisdiction: "US-WA", Approved: true},
		Suit{Region: RegionUS, Jurisdiction: "US"}},
	"validation.v1":     {Validation{Region: RegionUS}, Validation{Region: RegionGB}},
	"dont_know.v1":      {DontKnow{}},
	"arrest.v1":         {Arrest{}},
	"advice.v1":         {Advice{Region: RegionUS}, Advice{Region: RegionGB}, Advice{Region: RegionCN}, Advice{Region: RegionIN}},
	"answer.v1":         {Answer{Title: "Ways to pay", Text: "You can pay by card or bank transfer."}},
	"not_understood.v1": {NotUnderstood{}, NotUnderstood{Verified: true}},
	"menu.v1":           {Menu{}},
	"third_party.v1":    {ThirdParty{Collector: "Midwest Recovery"}, ThirdParty{}},
	"offer.v1": {
		Offers{Offers: []Offer{
			{ID: "1", Kind: "full", Frequency: "once", Total: "$1,200.00", Installment: "$1,200.00", Count: 1, First: due},
			{ID: "2", Kind: "settlement", Frequency: "once", Total: "$960.00", Installment: "$960.00", Count: 1, First: due},
			{ID: "3", Kind: "installments", Frequency: "monthly", Total: "$1,200.00", Installment: "$200.00", Count: 6, First: due},
			{ID: "4", Kind: "installments", Frequency: "monthly", Total: "$1,200.00", Installment: "$171.42", Last: "$171.48", Count: 7, First: due},
		}},
		Offers{Hardship: true, Offers: []Offer{
			{ID: "1", Kind: "hardship", Frequency: "biweekly", Total: "$1,200.00", Installment: "$50.00", Count: 24, First: due},
		}},
		Offers{Which: true, Offers: []Offer{
			{ID: "1", Kind: "settlement", Frequency: "once", Total: "$840.00", Installment: "$840.00", Count: 1, First: due},
			{ID: "2", Kind: "installments", Frequency: "monthly", Total: "$1,200.00", Installment: "$100.00", Count: 12, First: due},
		}},
	},
	"plan_accepted.v1": {
		PlanAccepted{Plan: Offer{ID: "3", Kind: "installments", Frequency: "weekly", Total: "$1,200.00", Installment: "$100.00", Count: 12, First: due}, Link: "https://pay.example/p/abc", Reminders: true},
		PlanAccepted{Plan: Offer{ID: "1", Kind: "full", Frequency: "once", Total: "$1,200.00", Installment: "$1,200.00", Count: 1, First: due}},
	},
	"promise.v1":       {Promise{Date: due}, Promise{Date: due, Amount: "$150.00"}},
	"dispute_ack.v1":   {DisputeAck{Creditor: "First Bank"}},
	"paused.v1":        {Paused{Reason: "dispute"}, Paused{Reason: "attorney"}, Paused{Reason: "bankruptcy"}, Paused{Reason: "cease"}},
	"hardship.v1":      {Hardship{Noted: true}, Hardship{}, Hardship{Noted: true, Again: true}},
	"deceased.v1":      {Deceased{Verified: true}, Deceased{}},
	"vulnerability.v1": {Vulnerability{}, Vulnerability{Verified: true}, Vulnerability{Kind: "breathing_space", Verified: true}},
	"plan_cancelled.v1": {
		PlanCancelled{Plan: Offer{ID: "1", Kind: "installments", Frequency: "monthly", Total: "$1,200.00", Installment: "$150.00", Count: 8, First: due}},
		PlanCancelled{Plan: Offer{ID: "1", Kind: "full", Total: "$1,200.00", Installment: "$1,200.00", Count: 1, First: due}},
	},
	"read_back.v1": {
		ReadBack{Kind: "accept", Plan: Offer{ID: "1", Kind: "installments", Frequency: "monthly", Total: "$1,200.00", Installment: "$150.00", Count: 8, First: due}},
		ReadBack{Kind: "accept", Plan: Offer{ID: "2", Kind: "settlement", Frequency: "once", Total: "$960.00", Installment: "$960.00", Count: 1, First: due}},
		ReadBack{Kind: "accept", Plan: Offer{ID: "4", Kind: "installments", Frequency: "weekly", Total: "$1,200.00", Installment: "$171.42", Last: "$171.48", Count: 7, First: due}},
		ReadBack{Kind: "promise", Date: due},
		ReadBack{Kind: "promise", Date: due, Amount: "$150.00"},
		ReadBack{Kind: "cancel", Plan: Offer{ID: "1", Kind: "full", Total: "$1,200.00", Installment: "$1,200.00", Count: 1, First: due}},
	},
	"crisis.v1": {Crisis{Region: RegionUS}, Crisis{Region: RegionGB}, Crisis{Region: RegionCN}, Crisis{Region: RegionIN}, Crisis{}},
	"opt_out.v1": {
		OptOut{Channel: "sms", Collector: "Midwest Recovery", Current: true},
		OptOut{Channel: "voice", Collector: "Midwest Recovery"},
		OptOut{Channel: "chat", Current: true},
	},
	"opt_in.v1": {OptIn{Collector: "Midwest Recovery"}, OptIn{}},
	"help.v1":   {Help{AgentName: "Ava", Collector: "Midwest Recovery"}, Help{AgentName: "Ava"}},
	"stop_ack.v1": {
		StopAck{Reason: "cease", Verified: true}, StopAck{Reason: "attorney", Verified: true},
		StopAck{Reason: "bankruptcy", Verified: true}, StopAck{Reason: "attorney"},
		StopAck{Reason: "attorney", Verified: true, AttorneyName: "Sarah Klein", AttorneyPhone: "312-555-0142"},
		StopAck{Reason: "attorney", Verified: true, AttorneyName: "Sarah Klein"},
		StopAck{Reason: "attorney", AttorneyEmail: true},
	},
	"restriction_ack.v1": {
		RestrictionAck{Terms: []RestrictionTerm{{Kind: "place", Place: "work"}}},
		RestrictionAck{Terms: []RestrictionTerm{{Kind: "time", NotBefore: 720}}},
		RestrictionAck{Terms: []RestrictionTerm{{Kind: "channel", Channels: []string{"sms"}}, {Kind: "time", NotBefore: 18 * 60}}},
		RestrictionAck{Terms: []RestrictionTerm{{Kind: "time", NotAfter: 21 * 60}, {Kind: "time", NotBefore: 9*60 + 30, NotAfter: 17 * 60}}},
		RestrictionAck{Terms: []RestrictionTerm{{Kind: "channel", Channels: []string{"email", "sms"}}}},
		RestrictionAck{Terms: []RestrictionTerm{{Kind: "days", Weekends: true}, {Kind: "days", Days: []string{"Sunday"}}}},
		RestrictionAck{Terms: []RestrictionTerm{{Kind: "other"}}},
		RestrictionAck{Terms: []RestrictionTerm{{Kind: "place", Place: "home"}, {Kind: "place", Place: "work"}}},
	},
	"handoff.v1":  {Handoff{Reason: "request"}, Handoff{Reason: "negotiation"}, Handoff{Reason: "waiting"}, Handoff{Reason: "still_waiting"}, Handoff{Reason: "not_understood"}},
	"closing.v1":  {Closing{}, Closing{Ack: true}, Closing{Later: true}},
	"joined.v1":   {Joined{Name: "Sam"}},
	"language.v1": {Language{}, Language{Other: "Spanish", OtherZh: "西班牙语"}, Language{Unread: true}, Language{Other: "Hindi", OtherZh: "印地语"}, Language{Unread: true, Answered: true}},
	"canned.v1": {Canned{Name: "greeting", Sender: "Sam"}, Canned{Name: "looking_into_it"}, Canned{Name: "payment_options"},
		Canned{Name: "more_time"}, Canned{Name: "thanks"}},
	"returned.v1": {Returned{AgentName: "Ava"}},
	"fallback.v1": {Fallback{}, Fallback{Kind: "opt_out"}, Fallback{Kind: "handoff"}, Fallback{Kind: "dispute"}},
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for name, cases := range samples {
		for _, locale := range Locales {
			t.Run(name+"."+locale, func(t *testing.T) {
				t.Parallel()
				var b strings.Builder
				for i, d := range cases {
					text, version, err := Render(locale, d)
					if err != nil {
						t.Fatalf("Render(%s, %T): %v", locale, d, err)
					}
					if want := name + "." + locale; version != want {
						t.Errorf("version = %q, want %q", version, want)
					}
					if strings.Contains(text, "<no value>") || strings.TrimSpace(text) == "" {
						t.Errorf("case %d rendered a blank: %q", i, text)
					}
					if locale == "zh" && !containsHan(text) {
						t.Errorf("case %d: Chinese template rendered no Chinese: %q", i, text)
					}
					b.WriteString("--- case " + string(rune('0'+i)) + "\n" + text + "\n")
				}
				golden(t, filepath.Join("testdata", name+"."+locale+".golden"), b.String())
			})
		}
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./prompts -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// TestEveryTemplateHasSamplesInBothLocales keeps the golden files complete:
// a new template without samples, or without its other locale, fails.
func TestEveryTemplateHasSamplesInBothLocales(t *testing.T) {
	t.Parallel()
	seen := map[string]int{}
	for _, v := range Versions() {
		name := v[:strings.LastIndexByte(v, '.')]
		seen[name]++
		if _, ok := samples[name]; !ok {
			t.Errorf("template %s has no golden samples", v)
		}
	}
	for name, n := range seen {
		if n != len(Locales) {
			t.Errorf("template %s exists in %d locales, want %d", name, n, len(Locales))
		}
	}
	for name := range samples {
		if seen[name] == 0 {
			t.Errorf("samples name %s, which has no template file", name)
		}
	}
}

// wrongData points at a real template but lacks the fields it uses.
type wrongData struct{}

func (wrongData) Template() string { return "balance.v1" }

type noSuchTemplate struct{}

func (noSuchTemplate) Template() string { return "nothing.v9" }

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		locale string
		data   Data
		want   error
	}{
		{"missing field", "en", wrongData{}, nil},
		{"unknown template", "en", noSuchTemplate{}, ErrUnknownTemplate},
		{"unknown locale", "fr", Balance{Creditor: "X", Balance: "$1.00"}, ErrUnknownTemplate},
		{"nil data", "en", nil, ErrUnknownTemplate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			text, _, err := Render(tt.locale, tt.data)
			if err == nil {
				t.Fatalf("Render = %q, want an error", text)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDateFormat(t *testing.T) {
	t.Parallel()
	tests := []struct{ locale, want string }{
		{"en", "March 16, 2026"},
		{"zh", "2026年3月16日"},
	}
	for _, tt := range tests {
		if got := formatDate(tt.locale, due); got != tt.want {
			t.Errorf("formatDate(%s) = %q, want %q", tt.locale, got, tt.want)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	d := samples["offer.v1"][0]
	for b.Loop() {
		if _, _, err := Render("en", d); err != nil {
			b.Fatal(err)
		}
	}
}
