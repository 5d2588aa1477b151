package agent_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/policies"
)

// gatedBrain blocks each Understand until release is closed, telling
// entered when a turn is inside it: a turn held in flight.
type gatedBrain struct {
	entered chan struct{}
	release chan struct{}
	inner   agent.Brain
}

func (g *gatedBrain) Understand(ctx context.Context, tc agent.TurnContext, text string) (agent.Understanding, error) {
	g.entered <- struct{}{}
	<-g.release
	return g.inner.Understand(ctx, tc, text)
}

// TestTakeoverDuringTurnDropsTheDraft holds a turn inside the brain while a
// supervisor takes over: the AI's draft is stored as dropped, nothing is
// queued for sending, and the takeover is recorded.
func TestTakeoverDuringTurnDropsTheDraft(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.turn("hi", cmd(agent.IntentGreeting)) // opens the conversation
	gate := &gatedBrain{entered: make(chan struct{}), release: make(chan struct{}), inner: b.brain}
	orch, err := agent.NewOrchestrator(agent.Config{Store: b.store, Brain: gate, Guard: policies.Default(), Clock: b.clock})
	if err != nil {
		t.Fatal(err)
	}
	b.brain.learn("how much do I owe?", "", []agent.Command{cmd(agent.IntentAskBalance)})
	done := make(chan agent.TurnResult, 1)
	go func() {
		res, err := orch.Handle(b.ctx, agent.Inbound{Channel: agent.ChannelSMS, AccountID: b.acct.ID, Text: "how much do I owe?", ChannelMessageID: "race-1", ConversationID: b.convID})
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	<-gate.entered
	if err := orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	close(gate.release)
	res := <-done
	if len(res.Replies) != 0 {
		t.Fatalf("the AI sent %d replies after the takeover", len(res.Replies))
	}
	if len(res.Blocked) == 0 || res.Blocked[0].Status != agent.StatusDropped {
		t.Fatalf("the in-flight draft was not recorded as dropped: %+v", res.Blocked)
	}
	pending, err := b.store.Outbox(b.ctx, agent.OutboxPending, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range pending {
		if it.MessageID == res.Blocked[0].ID {
			t.Fatal("the dropped draft is in the outbox")
		}
	}
	c, _ := b.store.Conversation(b.ctx, b.convID)
	if c.Owner != "sam" {
		t.Fatalf("owner = %q", c.Owner)
	}
	// A second supervisor cannot take it; the same one may, harmlessly.
	if err := orch.TakeOver(b.ctx, b.convID, "lee"); !errors.Is(err, agent.ErrNotOwner) {
		t.Fatalf("second supervisor: err = %v, want ErrNotOwner", err)
	}
	if err := orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatalf("taking over twice: %v", err)
	}
	// While sam owns it, a borrower message is stored but the AI says nothing.
	res2, err := orch.Handle(b.ctx, agent.Inbound{Channel: agent.ChannelSMS, AccountID: b.acct.ID, Text: "hello?", ChannelMessageID: "race-2", ConversationID: b.convID})
	if err != nil {
		t.Fatal(err)
	}
	if len(res2.Replies)+len(res2.Blocked) != 0 {
		t.Fatalf("the AI answered a supervisor's conversation: %+v", res2)
	}
	evs, _ := b.store.Events(b.ctx, b.convID)
	found := false
	for _, e := range evs {
		found = found || (e.Kind == agent.EventHandoffStarted && e.Actor == "sam")
	}
	if !found {
		t.Fatal("no handoff_started event by sam")
	}
}

func TestSupervisorSendPassesTheGuard(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.turn("hi", cmd(agent.IntentGreeting))
	if _, _, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "hello"); !errors.Is(err, agent.ErrNotOwner) {
		t.Fatalf("send without owning: %v", err)
	}
	if err := b.orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	m, d, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Pay today or the police will arrest you.")
	if !errors.Is(err, agent.ErrBlocked) || m.Status != agent.StatusBlocked || len(d.Violations) == 0 {
		t.Fatalf("a threat went through: err=%v status=%s decision=%+v", err, m.Status, d)
	}
	m, d, err = b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi, this is Sam from the team. How can I help?")
	if err != nil || !d.Sendable() || m.Status != agent.StatusQueued || m.Author != agent.AuthorSupervisor || m.AuthorName != "sam" {
		t.Fatalf("a plain message did not go: err=%v decision=%+v message=%+v", err, d, m)
	}
	out, _ := b.store.Outbox(b.ctx, agent.OutboxPending, 0)
	if len(out) == 0 || out[len(out)-1].MessageID != m.ID {
		t.Fatal("the supervisor's message is not in the outbox")
	}
	if err := b.orch.HandBack(b.ctx, b.convID, "lee"); !errors.Is(err, agent.ErrNotOwner) {
		t.Fatalf("hand back by a non-owner: %v", err)
	}
	if err := b.orch.HandBack(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	res := b.turn("what do I owe", cmd(agent.IntentAskBalance))
	if len(res.Replies) == 0 {
		t.Fatal("the AI did not resume after the hand-back")
	}
}

// panicGuard and slowGuard stand for a guard that fails.
type panicGuard struct{}

func (panicGuard) Check(policies.Proposal, policies.Facts) policies.Decision { panic("boom") }
func (panicGuard) Family(j string) (string, bool)                            { return policies.Default().Family(j) }

type slowGuard struct{}

func (slowGuard) Family(j string) (string, bool) { return policies.Default().Family(j) }

func (slowGuard) Check(p policies.Proposal, _ policies.Facts) policies.Decision {
	time.Sleep(200 * time.Millisecond)
	return policies.Decision{ID: p.ID, Action: policies.Allow, Text: p.Text}
}

// TestGuardFailsClosed: a guard that panics or is too slow blocks the
// message; nothing is sent.
func TestGuardFailsClosed(t *testing.T) {
	t.Parallel()
	for name, g := range map[string]agent.Guard{"panic": panicGuard{}, "timeout": slowGuard{}} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, usAccount(), agent.ChannelSMS)
			orch, err := agent.NewOrchestrator(agent.Config{Store: b.store, Brain: b.brain, Guard: g, Clock: b.clock, GuardTimeout: 20 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			b.brain.learn("hi", "", []agent.Command{cmd(agent.IntentGreeting)})
			res, err := orch.Handle(b.ctx, agent.Inbound{Channel: agent.ChannelSMS, AccountID: b.acct.ID, Text: "hi", ChannelMessageID: "g-1"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Replies) != 0 {
				t.Fatalf("sent %d replies past a failing guard", len(res.Replies))
			}
			if len(res.Blocked) == 0 || res.Blocked[0].Guard == nil || res.Blocked[0].Guard.Action != policies.Block || res.Blocked[0].Guard.Error == "" {
				t.Fatalf("blocked drafts do not record the failure: %+v", res.Blocked)
			}
			if out, _ := b.store.Outbox(b.ctx, agent.OutboxPending, 0); len(out) != 0 {
				t.Fatalf("%d outbox rows past a failing guard", len(out))
			}
		})
	}
}

// flakySender fails the first n sends with err, then succeeds, counting calls.
type flakySender struct {
	mu    sync.Mutex
	fails int
	err   error
	calls map[string]int
}

func (f *flakySender) Send(_ context.Context, m agent.Outbound) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.calls == nil {
		f.calls = map[string]int{}
	}
	f.calls[m.MessageID]++
	if f.fails > 0 {
		f.fails--
		return "", f.err
	}
	return "SM" + m.MessageID, nil
}

func TestDispatcherRetriesThenSendsOnce(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	res := b.turn("hi", cmd(agent.IntentGreeting))
	if len(res.Replies) == 0 {
		t.Fatal("no reply queued")
	}
	s := &flakySender{fails: 2, err: &agent.SendError{Retryable: true, Code: "500", Err: errors.New("twilio 500")}}
	d := &agent.Dispatcher{Store: b.store, Clock: b.clock, Senders: map[agent.Channel]agent.Sender{agent.ChannelSMS: s},
		Backoff: func(int) time.Duration { return time.Second }}
	for i := 0; i < 3; i++ {
		if _, err := d.RunOnce(b.ctx); err != nil {
			t.Fatal(err)
		}
		b.clock.Advance(2 * time.Second)
	}
	if n, _ := d.RunOnce(b.ctx); n != 0 {
		t.Fatalf("%d rows still due after success", n)
	}
	for id, n := range s.calls {
		if n != 3 {
			t.Errorf("message %s: %d calls, want 2 failures and 1 send", id, n)
		}
		m, _ := b.store.Message(b.ctx, id)
		if m.Status != agent.StatusSent || m.ProviderID != "SM"+id {
			t.Errorf("message %s: status %s provider %q", id, m.Status, m.ProviderID)
		}
	}
}

func TestDispatcherDeadLetters(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		err      error
		attempts int
	}{
		"permanent error": {&agent.SendError{Retryable: false, Code: "21211", Err: errors.New("invalid number")}, 1},
		"too many tries":  {&agent.SendError{Retryable: true, Code: "429", Err: errors.New("slow down")}, 3},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, usAccount(), agent.ChannelSMS)
			b.turn("hi", cmd(agent.IntentGreeting))
			s := &flakySender{fails: 100, err: tc.err}
			d := &agent.Dispatcher{Store: b.store, Clock: b.clock, Senders: map[agent.Channel]agent.Sender{agent.ChannelSMS: s},
				MaxAttempts: 3, Backoff: func(int) time.Duration { return time.Second }}
			for i := 0; i < 6; i++ {
				if _, err := d.RunOnce(b.ctx); err != nil {
					t.Fatal(err)
				}
				b.clock.Advance(2 * time.Second)
			}
			dead, _ := b.store.Outbox(b.ctx, agent.OutboxDead, 0)
			if len(dead) == 0 {
				t.Fatal("nothing dead-lettered")
			}
			for id, n := range s.calls {
				if n != tc.attempts {
					t.Errorf("message %s: %d attempts, want %d", id, n, tc.attempts)
				}
				if m, _ := b.store.Message(b.ctx, id); m.Status != agent.StatusFailed {
					t.Errorf("message %s: status %s, want failed", id, m.Status)
				}
			}
		})
	}
}

// recordingScheduler remembers deferred sends.
type recordingScheduler struct {
	mu    sync.Mutex
	sends map[string]time.Time
	n     atomic.Int32
}

func (r *recordingScheduler) ScheduleSend(_ context.Context, id string, at time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.sends == nil {
		r.sends = map[string]time.Time{}
	}
	r.sends[id] = at
	r.n.Add(1)
	return nil
}

func (r *recordingScheduler) ScheduleReminder(context.Context, string, string, time.Time) error {
	return nil
}

// TestOutreachDefersOutOfHoursThenSends: an opening at 23:00 in Chicago is
// deferred to the next allowed instant; when the job fires then, the guard
// lets it go.
func TestOutreachDefersOutOfHoursThenSends(t *testing.T) {
	t.Parallel()
	sched := &recordingScheduler{}
	b := setup(t, usAccount(), agent.ChannelSMS, func(_ *agent.Account, c *agent.Config) { c.Scheduler = sched })
	chicago, _ := time.LoadLocation("America/Chicago")
	b.clock.Set(time.Date(2026, 3, 3, 23, 0, 0, 0, chicago))
	res, err := b.orch.Outreach(b.ctx, b.acct.ID, agent.ChannelSMS)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Replies) != 0 || len(res.Blocked) == 0 || res.Blocked[0].Status != agent.StatusDeferred {
		t.Fatalf("an out-of-hours opening was not deferred: %+v", res)
	}
	deferred := res.Blocked[0]
	at, ok := sched.sends[deferred.ID]
	if !ok {
		t.Fatal("the deferred message was not scheduled")
	}
	if local := at.In(chicago); local.Hour() < 8 || local.Hour() >= 21 {
		t.Fatalf("scheduled at %s, outside 08:00-21:00 Chicago", local)
	}
	b.clock.Set(at)
	if err := b.orch.SendDeferred(b.ctx, deferred.ID); err != nil {
		t.Fatal(err)
	}
	if err := b.orch.SendDeferred(b.ctx, deferred.ID); err != nil { // a job that runs twice
		t.Fatal(err)
	}
	msgs, _ := b.store.Messages(b.ctx, res.Conversation.ID, 0, 0)
	queued := 0
	for _, m := range msgs {
		if m.Direction == agent.DirectionOut && m.Status == agent.StatusQueued {
			queued++
		}
	}
	if queued != 1 {
		t.Fatalf("%d messages queued after the deferred send, want 1", queued)
	}
	// No outreach to a borrower who disputed.
	if err := b.store.SetAccountFlags(b.ctx, b.acct.ID, agent.AccountFlags{Disputed: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.orch.Outreach(b.ctx, b.acct.ID, agent.ChannelSMS); !errors.Is(err, agent.ErrContactStopped) {
		t.Fatalf("outreach to a disputed account: %v", err)
	}
}

func TestRemindStatesTheNextInstallment(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	plan := agent.Plan{ID: "p-1", AccountID: b.acct.ID, Kind: agent.PlanInstallment, Frequency: agent.Monthly,
		Total: agent.MustMoney("300.00", "USD"), Status: agent.PlanAccepted,
		Installments: []agent.Installment{
			{Due: testNow.Add(-24 * time.Hour), Amount: agent.MustMoney("150.00", "USD")},
			{Due: testNow.Add(72 * time.Hour), Amount: agent.MustMoney("150.00", "USD")},
		}}
	res := b.turn("hi", cmd(agent.IntentGreeting))
	plan.ConversationID = res.Conversation.ID
	conv := res.Conversation
	conv.Verified = true
	if err := b.store.UpdateConversation(b.ctx, conv); err != nil {
		t.Fatal(err)
	}
	if err := b.store.PutPlan(b.ctx, plan); err != nil {
		t.Fatal(err)
	}
	if err := b.orch.Remind(b.ctx, b.acct.ID, "p-1"); err != nil {
		t.Fatal(err)
	}
	if err := b.orch.Remind(b.ctx, b.acct.ID, "p-1"); err != nil { // the job ran twice
		t.Fatal(err)
	}
	msgs, _ := b.store.Messages(b.ctx, res.Conversation.ID, 0, 0)
	var reminders []agent.Message
	for _, m := range msgs {
		if m.TemplateVersion == "reminder.v1.en" {
			reminders = append(reminders, m)
		}
	}
	if len(reminders) != 1 {
		t.Fatalf("%d reminders stored, want 1", len(reminders))
	}
	if r := reminders[0]; r.Status != agent.StatusQueued || !strings.Contains(r.Text, "$150.00") {
		t.Fatalf("reminder = %s %q (guard %+v)", r.Status, r.Text, r.Guard)
	}
	if err := b.orch.Remind(b.ctx, b.acct.ID, "missing"); !errors.Is(err, agent.ErrNotFound) {
		t.Fatalf("unknown plan: %v", err)
	}
}

func TestVoiceGreeting(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelVoice)
	text, locale, err := b.orch.VoiceGreeting(b.ctx, "+15551230001")
	if err != nil {
		t.Fatal(err)
	}
	if locale != "en" || !strings.Contains(text, "automated") || !strings.Contains(text, "recorded") || !strings.Contains(text, "calling for Midwest Recovery") {
		t.Fatalf("greeting = %q (%s)", text, locale)
	}
	if n := strings.Count(text, "automated"); n != 1 {
		t.Errorf("the greeting says it is automated %d times, want once: %q", n, text)
	}
	for _, w := range []string{"debt", "owe", "$", "balance"} {
		if strings.Contains(strings.ToLower(text), w) {
			t.Errorf("the greeting to an unverified caller mentions %q: %q", w, text)
		}
	}
	text, _, err = b.orch.VoiceGreeting(b.ctx, "+15559999999")
	if err != nil || strings.Contains(text, "Midwest") || text == "" {
		t.Fatalf("unknown caller greeting = %q, %v", text, err)
	}
}

// orderSender records each conversation's sends and how many ran at once.
type orderSender struct {
	mu      sync.Mutex
	running map[string]int // per conversation
	now     int
	max     int
	overlap bool // two sends of one conversation at once
	sent    map[string][]string
}

func (o *orderSender) Send(_ context.Context, m agent.Outbound) (string, error) {
	o.mu.Lock()
	o.now++
	o.max = max(o.max, o.now)
	o.running[m.ConversationID]++
	if o.running[m.ConversationID] > 1 {
		o.overlap = true
	}
	o.sent[m.ConversationID] = append(o.sent[m.ConversationID], m.Text)
	o.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	o.mu.Lock()
	o.now--
	o.running[m.ConversationID]--
	o.mu.Unlock()
	return "SM" + m.MessageID, nil
}

// The dispatcher sends different conversations' rows at once, and one
// conversation's rows one after another in the order they were written.
func TestDispatcherParallelAcrossConversationsInOrderWithin(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	acct := usAccount()
	if err := st.PutAccount(ctx, acct); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	now := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	for c := range 4 {
		conv := agent.Conversation{AccountID: acct.ID, Channel: agent.ChannelSMS, Address: "+1555555010" + string(rune('0'+c))}
		if err := st.CreateConversation(ctx, &conv); err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			text := conv.Address + " reply " + string(rune('1'+i))
			at := now.Add(time.Duration(i*4+c) * time.Millisecond)
			if _, err := st.InsertOutbound(ctx, agent.Message{ConversationID: conv.ID, Text: text, CreatedAt: at},
				&agent.OutboxItem{To: conv.Address, NextAttemptAt: at}, false); err != nil {
				t.Fatal(err)
			}
			want[conv.ID] = append(want[conv.ID], text)
		}
	}
	s := &orderSender{running: map[string]int{}, sent: map[string][]string{}}
	d := &agent.Dispatcher{Store: st, Clock: agent.NewFixedClock(now.Add(time.Minute)),
		Senders: map[agent.Channel]agent.Sender{agent.ChannelSMS: s}}
	if n, err := d.RunOnce(ctx); err != nil || n != 12 {
		t.Fatalf("RunOnce = %d, %v; want 12 rows", n, err)
	}
	if s.max < 2 {
		t.Errorf("at most %d sends ran at once; conversations were not sent in parallel", s.max)
	}
	if s.overlap {
		t.Error("two rows of one conversation were sent at once")
	}
	for id, texts := range want {
		if got := strings.Join(s.sent[id], " | "); got != strings.Join(texts, " | ") {
			t.Errorf("conversation %s sent %q, want %q", id, got, strings.Join(texts, " | "))
		}
	}
}

// TestDispatcherKickWhileRunning: the orchestrator kicks the dispatcher
// from its own goroutine while Run is starting in another; the defaults
// are set once (the race detector caught both writing them).
func TestDispatcherKickWhileRunning(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	d := &agent.Dispatcher{Store: b.store, Clock: b.clock, Senders: map[agent.Channel]agent.Sender{agent.ChannelSMS: &flakySender{}}}
	ctx, cancel := context.WithCancel(b.ctx)
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	for range 100 {
		d.Kick()
	}
	cancel()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
}
