package agent_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/policies"
)

// scriptedBrain understands exactly the texts a test scripted, so the flow
// tests do not depend on the rules brain.
type scriptedBrain struct {
	mu     sync.Mutex
	script map[string]agent.Understanding
}

func (b *scriptedBrain) Understand(_ context.Context, _ agent.TurnContext, text string) (agent.Understanding, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if u, ok := b.script[text]; ok {
		return u, nil
	}
	return agent.Understanding{Commands: []agent.Command{{Intent: agent.IntentUnknown}}, Brain: "scripted"}, nil
}

func (b *scriptedBrain) learn(text string, lang string, cmds []agent.Command) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.script[text] = agent.Understanding{Commands: cmds, Lang: lang, Brain: "scripted"}
}

// fakeLinker makes predictable payment links.
type fakeLinker struct{}

func (fakeLinker) Link(p agent.Plan, _ time.Time) (string, error) {
	return "https://pay.example.com/p/" + strings.Map(letter, strings.TrimPrefix(p.ID, "plan_")), nil
}

// letter spells a hex digit as a letter: the link tokens in these tests
// hold no digits, so no part of a URL reads as an amount.
func letter(r rune) rune {
	if r >= '0' && r <= '9' {
		return 'g' + (r - '0')
	}
	return r
}

// fakeScheduler records the reminders asked for.
type fakeScheduler struct {
	mu        sync.Mutex
	reminders []time.Time
}

func (s *fakeScheduler) ScheduleSend(context.Context, string, time.Time) error { return nil }

func (s *fakeScheduler) ScheduleReminder(_ context.Context, _, _ string, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reminders = append(s.reminders, at)
	return nil
}

// testNow is a weekday afternoon in Chicago, inside every contact window.
var testNow = time.Date(2026, 3, 2, 15, 0, 0, 0, time.FixedZone("CST", -6*3600))

// testBundle is one orchestrator over a private in-memory SQLite store.
type testBundle struct {
	t       *testing.T
	ctx     context.Context
	orch    *agent.Orchestrator
	store   *sqlite.Store
	brain   *scriptedBrain
	sched   *fakeScheduler
	clock   *agent.FixedClock
	acct    agent.Account
	channel agent.Channel
	convID  string
	n       int
	meta    map[string]string
	// namelessOK lets the guard refuse an introduction naming the sender, as
	// long as the nameless fallback goes out instead.
	namelessOK bool
	// modelBlockOK lets the guard refuse a model's wording, as long as the
	// template goes out instead.
	modelBlockOK bool
}

type setupOption func(*agent.Account, *agent.Config)

func withoutLinker() setupOption {
	return func(_ *agent.Account, c *agent.Config) { c.Linker = nil }
}

func withAccount(fn func(*agent.Account)) setupOption {
	return func(a *agent.Account, _ *agent.Config) { fn(a) }
}

func withBrain(br agent.Brain) setupOption {
	return func(_ *agent.Account, c *agent.Config) { c.Brain = br }
}

// usAccount is a Chicago borrower: DOB 1985-04-12, ZIP 60601, $1,200.00.
func usAccount() agent.Account {
	return agent.Account{
		ID:          "A-100",
		Creditor:    "First Bank",
		Agency:      "Midwest Recovery",
		Purpose:     "a personal loan",
		Balance:     agent.MustMoney("1200.00", "USD"),
		DueDate:     time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC),
		DaysPastDue: 46,
		Policy: agent.CreditorPolicy{
			MaxInstallments:        12,
			MinInstallment:         agent.MustMoney("50.00", "USD"),
			SettlementFloorBP:      7000,
			FirstPaymentWithinDays: 14,
			Hardship:               agent.HardshipPolicy{MaxInstallments: 24, MinInstallment: agent.MustMoney("25.00", "USD"), PauseDays: 30},
		},
		Borrower: agent.Borrower{
			Name:         "Maria Lopez",
			Phones:       []string{"+15551230001"},
			Timezone:     "America/Chicago",
			Jurisdiction: "US",
			Locale:       "en",
			Identity:     agent.NewIdentityFacts("salt-100", "1985-04-12", "60601", ""),
		},
	}
}

// cnAccount is a Shanghai borrower: DOB 1990-08-08, ID last 4 1234, ¥12,000.00.
func cnAccount() agent.Account {
	return agent.Account{
		ID:       "A-200",
		Creditor: "安心消费金融",
		Agency:   "华信商务服务",
		Balance:  agent.MustMoney("12000.00", "CNY"),
		Policy: agent.CreditorPolicy{
			MaxInstallments:        12,
			MinInstallment:         agent.MustMoney("500.00", "CNY"),
			FirstPaymentWithinDays: 10,
		},
		Borrower: agent.Borrower{
			Name:         "王芳",
			Phones:       []string{"+8613800000001"},
			Timezone:     "Asia/Shanghai",
			Jurisdiction: "CN",
			Locale:       "zh",
			Identity:     agent.NewIdentityFacts("salt-200", "1990-08-08", "", "1234"),
		},
	}
}

func setup(t *testing.T, acct agent.Account, ch agent.Channel, opts ...setupOption) *testBundle {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	brain := &scriptedBrain{script: map[string]agent.Understanding{}}
	sched := &fakeScheduler{}
	clock := agent.NewFixedClock(testNow)
	cfg := agent.Config{Store: st, Brain: brain, Guard: policies.Default(), Clock: clock, Linker: fakeLinker{}, Scheduler: sched}
	for _, o := range opts {
		o(&acct, &cfg)
	}
	if err := st.PutAccount(ctx, acct); err != nil {
		t.Fatal(err)
	}
	orch, err := agent.NewOrchestrator(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &testBundle{t: t, ctx: ctx, orch: orch, store: st, brain: brain, sched: sched, clock: clock, acct: acct, channel: ch}
}

// expectedBlock reports whether a blocked draft is one the flows plan for:
// an introduction whose sender's name the guard finds too telling before
// verification, replaced by the same words without the name.
func (b *testBundle) expectedBlock(messageID string) bool {
	m, err := b.store.Message(b.ctx, messageID)
	if err != nil {
		return false
	}
	return b.namelessOK && strings.HasPrefix(m.TemplateVersion, "intro.") || b.modelBlockOK && m.Model != ""
}

// turn sends text, scripted to mean cmds, and runs its turn.
func (b *testBundle) turn(text string, cmds ...agent.Command) agent.TurnResult {
	b.t.Helper()
	return b.turnLang("", text, cmds...)
}

func (b *testBundle) turnLang(lang, text string, cmds ...agent.Command) agent.TurnResult {
	b.t.Helper()
	if len(cmds) > 0 {
		b.brain.learn(text, lang, cmds)
	}
	b.n++
	b.clock.Advance(time.Minute)
	res, err := b.orch.Handle(b.ctx, agent.Inbound{
		Channel:          b.channel,
		AccountID:        b.acct.ID,
		From:             b.acct.Borrower.Phones[0],
		Text:             text,
		ChannelMessageID: fmt.Sprintf("in-%d", b.n),
		ConversationID:   b.convID,
		Meta:             b.meta,
	})
	if err != nil {
		b.t.Fatalf("turn %d %q: %v", b.n, text, err)
	}
	b.convID = res.Conversation.ID
	// A template the guard refuses is a bug in the template or the guard:
	// every flow must get its own words through.
	for _, m := range res.Blocked {
		b.t.Errorf("turn %d %q: guard refused %s: %+v", b.n, text, m.TemplateVersion, m.Guard)
	}
	for _, e := range res.Events {
		if e.Kind == agent.EventMessageBlocked && !b.expectedBlock(e.Data["message_id"]) {
			m, _ := b.store.Message(b.ctx, e.Data["message_id"])
			b.t.Errorf("turn %d %q: guard blocked a draft (%s): %q %+v", b.n, text, m.TemplateVersion, m.Text, m.Guard.Violations)
		}
	}
	return res
}

func cmd(i agent.Intent) agent.Command { return agent.Command{Intent: i} }

func identity(dob, postcode string) agent.Command {
	c := agent.Command{Intent: agent.IntentVerifyIdentity}
	if dob != "" {
		c.Identity = append(c.Identity, agent.IdentityClaim{Kind: agent.IdentityDOB, Values: []string{dob}})
	}
	if postcode != "" {
		c.Identity = append(c.Identity, agent.IdentityClaim{Kind: agent.IdentityPostcode, Values: []string{postcode}})
	}
	return c
}

func last4(v string) agent.Command {
	return agent.Command{Intent: agent.IntentVerifyIdentity, Identity: []agent.IdentityClaim{{Kind: agent.IdentityIDLast4, Values: []string{v}}}}
}

// kinds lists a turn's events by kind.
func kinds(es []agent.Event) []agent.EventKind {
	out := make([]agent.EventKind, 0, len(es))
	for _, e := range es {
		out = append(out, e.Kind)
	}
	return out
}

func hasKind(es []agent.Event, k agent.EventKind) bool {
	for _, e := range es {
		if e.Kind == k {
			return true
		}
	}
	return false
}

// text is everything a turn sent, one reply a line.
func text(res agent.TurnResult) string {
	var b strings.Builder
	for _, m := range res.Replies {
		b.WriteString(m.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// debtWords would reveal that a debt exists, in either language.
var debtWords = []string{"1,200", "1200", "12,000", "debt", "balance", "owe", "First Bank", "collect", "payment", "欠", "债", "还款", "安心消费金融", "逾期"}

// noDebtDetail fails when a reply sent before verification reveals a debt.
func noDebtDetail(t *testing.T, res agent.TurnResult) {
	t.Helper()
	for _, m := range res.Replies {
		low := strings.ToLower(m.Text)
		for _, w := range debtWords {
			if strings.Contains(low, strings.ToLower(w)) {
				t.Errorf("reply before verification reveals %q: %q", w, m.Text)
			}
		}
	}
}

// wantEvents fails unless the turn emitted every kind in want.
func wantEvents(t *testing.T, res agent.TurnResult, want ...agent.EventKind) {
	t.Helper()
	for _, k := range want {
		if !hasKind(res.Events, k) {
			t.Errorf("events %v lack %s", kinds(res.Events), k)
		}
	}
}

func noEvents(t *testing.T, res agent.TurnResult, unwanted ...agent.EventKind) {
	t.Helper()
	for _, k := range unwanted {
		if hasKind(res.Events, k) {
			t.Errorf("events %v include %s", kinds(res.Events), k)
		}
	}
}

func wantState(t *testing.T, res agent.TurnResult, s agent.ConversationState) {
	t.Helper()
	if res.Conversation.State != s {
		t.Errorf("state = %s, want %s", res.Conversation.State, s)
	}
}

func contains(t *testing.T, res agent.TurnResult, subs ...string) {
	t.Helper()
	got := text(res)
	for _, s := range subs {
		if !strings.Contains(got, s) {
			t.Errorf("replies lack %q:\n%s", s, got)
		}
	}
}

func notContains(t *testing.T, res agent.TurnResult, subs ...string) {
	t.Helper()
	got := text(res)
	for _, s := range subs {
		if strings.Contains(got, s) {
			t.Errorf("replies contain %q:\n%s", s, got)
		}
	}
}

// verify runs the two-fact verification of the US account.
func (b *testBundle) verify() agent.TurnResult {
	b.t.Helper()
	res := b.turn("dob 1985-04-12 zip 60601", identity("1985-04-12", "60601"))
	if !res.Conversation.Verified {
		b.t.Fatalf("not verified: %v\n%s", kinds(res.Events), text(res))
	}
	return res
}
