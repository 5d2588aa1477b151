package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// testFinishTurnMessages checks that a turn's outbound messages are
// stored with the rest of its end: in order after the inbound message,
// with the outbox rows and contact attempts of the ones to send, all of it
// or nothing, and once.
func testFinishTurnMessages(t *testing.T, open Open) {
	f := setup(t, open)
	in := f.inbound(t, f.conv.ID, "SM-tm1", "what do i owe")
	c := f.conv
	reply := agent.Message{ID: "m_tm_reply", Author: agent.AuthorAgent, Text: "You owe $1,200.00.",
		ReplyTo: in.ID, TemplateVersion: "balance.v1.en", Guard: allowDecision("You owe $1,200.00."), CreatedAt: T0}
	blocked := agent.Message{ID: "m_tm_blocked", Author: agent.AuthorAgent, Text: "Pay now or else.",
		Status: agent.StatusBlocked, Guard: allowDecision("Pay now or else."), CreatedAt: T0}
	deferred := agent.Message{ID: "m_tm_deferred", Author: agent.AuthorAgent, Text: "A reminder.",
		Status: agent.StatusDeferred, SendAt: T0.Add(12 * time.Hour), Guard: allowDecision("A reminder."), CreatedAt: T0}
	end := func() agent.TurnEnd {
		return agent.TurnEnd{Conversation: c, InboundID: in.ID,
			Events: []agent.Event{{ConversationID: c.ID, AccountID: f.acct.ID, Kind: agent.EventMessageBlocked, At: T0,
				Data: map[string]string{"message_id": blocked.ID}}},
			Messages: []agent.TurnMessage{
				{Message: blocked},
				{Message: reply, RequireAI: true,
					Outbox:  &agent.OutboxItem{Channel: agent.ChannelSMS, To: c.Address, Body: reply.Text, NextAttemptAt: T0},
					Attempt: &agent.ContactAttempt{Channel: agent.ChannelSMS, Address: c.Address, InitiatedBy: "borrower", Outcome: agent.OutcomeSent, At: T0}},
				{Message: deferred, RequireAI: true},
			}}
	}

	// A turn whose commit fails stores none of its messages.
	bad := end()
	bad.InboundID = "m_missing"
	if _, _, err := f.s.FinishTurn(f.ctx, bad); !errors.Is(err, agent.ErrNotFound) {
		t.Fatalf("FinishTurn(missing message) = %v, want ErrNotFound", err)
	}
	if ms, _ := f.s.Messages(f.ctx, c.ID, in.Seq, 0); len(ms) != 0 {
		t.Fatalf("a failed FinishTurn stored %d messages", len(ms))
	}
	if ob, _ := f.s.Outbox(f.ctx, agent.OutboxPending, 0); len(ob) != 0 {
		t.Fatalf("a failed FinishTurn enqueued %d rows", len(ob))
	}

	e := end()
	if _, stored, err := f.s.FinishTurn(f.ctx, e); err != nil || len(stored) != 1 {
		t.Fatalf("FinishTurn: %v, %v; want the one event", stored, err)
	}
	for i, tm := range e.Messages {
		if tm.Existed || tm.Message.Seq != in.Seq+int64(i)+1 || tm.Message.Channel != agent.ChannelSMS {
			t.Errorf("message %d as committed: %+v, existed %v; want seq %d on sms", i, tm.Message, tm.Existed, in.Seq+int64(i)+1)
		}
	}
	ms, err := f.s.Messages(f.ctx, c.ID, in.Seq, 0)
	if err != nil || len(ms) != 3 {
		t.Fatalf("messages after the turn: %+v, %v; want three", ms, err)
	}
	for i, want := range []agent.MessageStatus{agent.StatusBlocked, agent.StatusQueued, agent.StatusDeferred} {
		if ms[i].Status != want || ms[i].Direction != agent.DirectionOut || ms[i].Seq != in.Seq+int64(i)+1 {
			t.Errorf("message %d: %s %s seq %d, want %s out seq %d", i, ms[i].ID, ms[i].Status, ms[i].Seq, want, in.Seq+int64(i)+1)
		}
	}
	if !ms[2].SendAt.Equal(deferred.SendAt) || ms[1].ReplyTo != in.ID || ms[1].TemplateVersion != "balance.v1.en" {
		t.Errorf("stored fields: send at %v, reply to %q, version %q", ms[2].SendAt, ms[1].ReplyTo, ms[1].TemplateVersion)
	}
	ob, err := f.s.Outbox(f.ctx, agent.OutboxPending, 0)
	if err != nil || len(ob) != 1 || ob[0].MessageID != reply.ID || ob[0].Body != reply.Text || ob[0].AccountID != f.acct.ID ||
		ob[0].ID == 0 || ob[0].ID != e.Messages[1].Outbox.ID {
		t.Fatalf("outbox after the turn: %+v, %v; want the reply's row (%+v)", ob, err, e.Messages[1].Outbox)
	}
	as, err := f.s.ContactAttempts(f.ctx, f.acct.ID, time.Time{})
	if err != nil || len(as) != 1 || as[0].MessageID != reply.ID || as[0].AccountID != f.acct.ID {
		t.Fatalf("contact attempts: %+v, %v; want the reply's", as, err)
	}
	if m, _ := f.s.Message(f.ctx, in.ID); m.Status != agent.StatusProcessed {
		t.Errorf("inbound %s, want processed", m.Status)
	}

	// Committed again, it stores nothing twice.
	e = end()
	if _, _, err := f.s.FinishTurn(f.ctx, e); err != nil {
		t.Fatalf("FinishTurn again: %v", err)
	}
	for i, tm := range e.Messages {
		if !tm.Existed {
			t.Errorf("message %d committed again not reported as existing", i)
		}
	}
	if ms, _ := f.s.Messages(f.ctx, c.ID, in.Seq, 0); len(ms) != 3 {
		t.Errorf("%d messages after a second commit, want 3", len(ms))
	}
	if ob, _ := f.s.Outbox(f.ctx, agent.OutboxPending, 0); len(ob) != 1 {
		t.Errorf("%d outbox rows after a second commit, want 1", len(ob))
	}
	if as, _ := f.s.ContactAttempts(f.ctx, f.acct.ID, time.Time{}); len(as) != 1 {
		t.Errorf("%d contact attempts after a second commit, want 1", len(as))
	}

	// Owned by a supervisor at the commit: the AI's reply is dropped,
	// with no outbox row and no attempt, and an event records it; a
	// supervisor's message goes.
	if err := f.s.SetOwner(f.ctx, c.ID, agent.OwnerAI, "alice"); err != nil {
		t.Fatal(err)
	}
	in2 := f.inbound(t, f.conv.ID, "SM-tm2", "hello?")
	ai := agent.Message{ID: "m_tm_ai", Text: "Hello.", Guard: allowDecision("Hello."), CreatedAt: T0}
	sup := agent.Message{ID: "m_tm_sup", Author: agent.AuthorSupervisor, AuthorName: "alice", Text: "Hi, Alice here.",
		Guard: allowDecision("Hi, Alice here."), CreatedAt: T0}
	item := func(m agent.Message) *agent.OutboxItem {
		return &agent.OutboxItem{Channel: agent.ChannelSMS, To: c.Address, Body: m.Text, NextAttemptAt: T0}
	}
	attempt := &agent.ContactAttempt{Channel: agent.ChannelSMS, Address: c.Address, InitiatedBy: "borrower", Outcome: agent.OutcomeSent, At: T0}
	e = agent.TurnEnd{Conversation: c, InboundID: in2.ID, Messages: []agent.TurnMessage{
		{Message: ai, RequireAI: true, Outbox: item(ai), Attempt: attempt},
		{Message: sup, Outbox: item(sup), Attempt: attempt},
	}}
	owner, stored, err := f.s.FinishTurn(f.ctx, e)
	if err != nil || owner != "alice" {
		t.Fatalf("FinishTurn on a conversation taken over: owner %q, %v", owner, err)
	}
	if e.Messages[0].Message.Status != agent.StatusDropped || e.Messages[1].Message.Status != agent.StatusQueued {
		t.Errorf("statuses as committed: %s, %s; want dropped, queued", e.Messages[0].Message.Status, e.Messages[1].Message.Status)
	}
	if len(stored) != 1 || stored[0].Kind != agent.EventMessageBlocked || stored[0].ID == 0 ||
		stored[0].Data["message_id"] != ai.ID || stored[0].Data["reason"] != agent.TakenOverReason {
		t.Fatalf("events of the dropped reply: %+v", stored)
	}
	if es, _ := f.s.Events(f.ctx, c.ID); len(es) == 0 || es[len(es)-1].ID != stored[0].ID {
		t.Errorf("the drop's event is not stored last: %+v", es)
	}
	if m, _ := f.s.Message(f.ctx, ai.ID); m.Status != agent.StatusDropped {
		t.Errorf("the AI's reply is %s, want dropped", m.Status)
	}
	ob, _ = f.s.Outbox(f.ctx, agent.OutboxPending, 0)
	if len(ob) != 2 || ob[1].MessageID != sup.ID {
		t.Errorf("outbox: %+v; want the first reply's row and the supervisor's", ob)
	}
	if as, _ := f.s.ContactAttempts(f.ctx, f.acct.ID, time.Time{}); len(as) != 2 || as[1].MessageID != sup.ID {
		t.Errorf("contact attempts: %+v; want the first reply's and the supervisor's", as)
	}
}

// failFirstFinish fails the first FinishTurn: a process that stops after
// its turn decided, before the turn was committed.
type failFirstFinish struct {
	agent.Store
	failed bool
}

func (f *failFirstFinish) FinishTurn(ctx context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	if !f.failed {
		f.failed = true
		return "", nil, errors.New("injected: the process stopped")
	}
	return f.Store.FinishTurn(ctx, end)
}

func (f *failFirstFinish) BeginTurn(ctx context.Context, id string, q agent.TurnQuery) (agent.HeldTurn, agent.TurnData, error) {
	h, d, err := f.Store.BeginTurn(ctx, id, q)
	if err != nil {
		return h, d, err
	}
	return committedVia{HeldTurn: h, commit: f.FinishTurn}, d, nil
}

// committedVia is a held turn that commits through commit (a wrapper's
// FinishTurn) and then releases its lock.
type committedVia struct {
	agent.HeldTurn
	commit func(context.Context, agent.TurnEnd) (string, []agent.Event, error)
}

func (c committedVia) Commit(ctx context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	defer c.Release()
	return c.commit(ctx, end)
}

// attorneyBrain reads every message as news that an attorney represents
// the borrower.
type attorneyBrain struct{}

func (attorneyBrain) Understand(context.Context, agent.TurnContext, string) (agent.Understanding, error) {
	return agent.Understanding{Commands: []agent.Command{{Intent: agent.IntentAttorney}}, Brain: "test"}, nil
}

// testTurnCrashBetween runs whole turns over the store: a turn that fails
// after its flows decided writes nothing of what it decided (no reply, no
// outbox row, no attempt, no event, no flag), and the turn run again,
// twice, writes each once.
func testTurnCrashBetween(t *testing.T, open Open) {
	f := setup(t, open)
	ff := &failFirstFinish{Store: f.s}
	clock := agent.NewFixedClock(time.Date(2026, 3, 3, 16, 0, 0, 0, time.UTC))
	o, err := agent.NewOrchestrator(agent.Config{Store: ff, Brain: attorneyBrain{}, Guard: policies.Default(), Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	in := agent.Inbound{Channel: agent.ChannelSMS, AccountID: f.acct.ID, From: f.conv.Address, Text: "my lawyer handles this now",
		ChannelMessageID: "SM-crash1", ConversationID: f.conv.ID}
	if _, err := o.Handle(f.ctx, in); err == nil {
		t.Fatal("the turn succeeded although its commit failed")
	}
	m, err := f.s.MessageByChannelID(f.ctx, agent.ChannelSMS, "SM-crash1")
	if err != nil || m.Status != agent.StatusReceived {
		t.Fatalf("inbound after the failed turn: %+v, %v; want it stored, received", m, err)
	}
	type counts struct {
		out, outbox, attempts, events int
		attorney                      bool
	}
	count := func() counts {
		var c counts
		ms, _ := f.s.Messages(f.ctx, f.conv.ID, 0, 0)
		for _, m := range ms {
			if m.Direction == agent.DirectionOut {
				c.out++
			}
		}
		ob, _ := f.s.Outbox(f.ctx, agent.OutboxPending, 0)
		as, _ := f.s.ContactAttempts(f.ctx, f.acct.ID, time.Time{})
		es, _ := f.s.Events(f.ctx, f.conv.ID)
		a, _ := f.s.Account(f.ctx, f.acct.ID)
		c.outbox, c.attempts, c.events, c.attorney = len(ob), len(as), len(es), a.Flags.Attorney
		return c
	}
	if c := count(); c != (counts{}) {
		t.Fatalf("a turn whose commit failed wrote %+v", c)
	}
	res, err := o.Process(f.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Replies) == 0 || res.Duplicate {
		t.Fatalf("the turn run again: %+v", res)
	}
	once := count()
	want := counts{out: len(res.Replies) + len(res.Blocked), outbox: len(res.Replies), attempts: len(res.Replies),
		events: len(res.Events), attorney: true}
	if once != want {
		t.Errorf("after the turn ran again: %+v, want %+v", once, want)
	}
	again, err := o.Process(f.ctx, m.ID)
	if err != nil || !again.Duplicate {
		t.Fatalf("a third run: %+v, %v; want a duplicate", again, err)
	}
	if c := count(); c != once {
		t.Errorf("a third run wrote more: %+v, then %+v", once, c)
	}
}

// testBeginTurn checks Store.BeginTurn: it holds the conversation's lock
// until the turn commits, fails or is released, and reads the turn under
// it.
func testBeginTurn(t *testing.T, open Open) {
	f := setup(t, open)
	in := f.inbound(t, f.conv.ID, "SM-bt1", "hello")
	q := agent.TurnQuery{MessageID: in.ID, History: 20, Since: T0.Add(-24 * time.Hour)}
	// tryLock reports whether Lock succeeded within wait. A held lock is
	// asserted with a short wait; a free one with a long wait, since taking
	// a free lock can mean opening a new database session (the session of
	// a cancelled wait is closed), which is slow under the race detector.
	tryLock := func(t *testing.T, wait time.Duration) bool {
		t.Helper()
		ctx, cancel := context.WithTimeout(f.ctx, wait)
		defer cancel()
		unlock, err := f.s.Lock(ctx, f.conv.ID)
		if err != nil {
			return false
		}
		unlock()
		return true
	}
	held := func(t *testing.T) bool { return !tryLock(t, 50*time.Millisecond) }
	free := func(t *testing.T) bool { return tryLock(t, 10*time.Second) }
	h, d, err := f.s.BeginTurn(f.ctx, f.conv.ID, q)
	if err != nil {
		t.Fatalf("BeginTurn: %v", err)
	}
	if d.Inbound.ID != in.ID || d.Conversation.ID != f.conv.ID || d.Account.ID != f.acct.ID || len(d.History) != 1 {
		t.Errorf("BeginTurn read %+v", d)
	}
	if !held(t) {
		t.Fatal("the conversation is not locked while its turn runs")
	}
	reply := agent.Message{ID: "m_bt_reply", Text: "Hi.", Guard: allowDecision("Hi."), CreatedAt: T0}
	if _, _, err := h.Commit(f.ctx, agent.TurnEnd{Conversation: f.conv, InboundID: in.ID,
		Messages: []agent.TurnMessage{{Message: reply, RequireAI: true}}}); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	h.Release() // after Commit: nothing
	if !free(t) {
		t.Fatal("the conversation is still locked after its turn committed")
	}
	if m, err := f.s.Message(f.ctx, in.ID); err != nil || m.Status != agent.StatusProcessed {
		t.Errorf("inbound after Commit: %+v, %v", m, err)
	}
	if m, err := f.s.Message(f.ctx, reply.ID); err != nil || m.Status != agent.StatusQueued {
		t.Errorf("reply after Commit: %+v, %v", m, err)
	}

	// Released without a commit; a commit that fails releases too.
	h, _, err = f.s.BeginTurn(f.ctx, f.conv.ID, q)
	if err != nil {
		t.Fatal(err)
	}
	h.Release()
	if !free(t) {
		t.Fatal("the conversation is still locked after Release")
	}
	h, _, err = f.s.BeginTurn(f.ctx, f.conv.ID, q)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := h.Commit(f.ctx, agent.TurnEnd{Conversation: f.conv, InboundID: "m_missing"}); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("Commit(missing message) = %v, want ErrNotFound", err)
	}
	if !free(t) {
		t.Fatal("the conversation is still locked after a failed Commit")
	}
	if m, _ := f.s.Message(f.ctx, in.ID); m.Status != agent.StatusProcessed {
		t.Errorf("a failed Commit changed the inbound message to %s", m.Status)
	}

	// A message of another conversation is an error, and holds nothing.
	other := f.conversation(t, agent.ChannelChat, T0)
	if _, _, err := f.s.BeginTurn(f.ctx, other.ID, q); err == nil {
		t.Error("BeginTurn on a message of another conversation succeeded")
	}
	if _, _, err := f.s.BeginTurn(f.ctx, f.conv.ID, agent.TurnQuery{MessageID: "m_missing"}); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("BeginTurn(missing message) = %v, want ErrNotFound", err)
	}
	ctx, cancel := context.WithTimeout(f.ctx, time.Second)
	defer cancel()
	for _, id := range []string{other.ID, f.conv.ID} {
		unlock, err := f.s.Lock(ctx, id)
		if err != nil {
			t.Fatalf("conversation %s still locked after a failed BeginTurn: %v", id, err)
		}
		unlock()
	}
}
