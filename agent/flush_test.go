package agent_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// flushLog wraps a store and records each write, marking those stored
// agent.FlushLater, and each Flush.
type flushLog struct {
	agent.Store
	mu  sync.Mutex
	log []string
}

func (f *flushLog) note(op string) { f.noteAs(op, agent.Durable) }

func (f *flushLog) noteAs(op string, d agent.Durability) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if d == agent.FlushLater {
		op += "(later)"
	}
	f.log = append(f.log, op)
}

func (f *flushLog) take() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := strings.Join(f.log, " ")
	f.log = nil
	return s
}

func (f *flushLog) Flush(context.Context) error { f.note("Flush"); return nil }

func (f *flushLog) InsertInbound(ctx context.Context, m agent.Message, d agent.Durability) (agent.Message, bool, error) {
	f.noteAs("InsertInbound", d)
	return f.Store.InsertInbound(ctx, m, d)
}

func (f *flushLog) InsertOutbound(ctx context.Context, m agent.Message, it *agent.OutboxItem, requireAI bool) (agent.Message, error) {
	f.note("InsertOutbound")
	return f.Store.InsertOutbound(ctx, m, it, requireAI)
}

func (f *flushLog) OpenWithInbound(ctx context.Context, c *agent.Conversation, m agent.Message, d agent.Durability) (agent.Message, bool, error) {
	f.noteAs("OpenWithInbound", d)
	return f.Store.OpenWithInbound(ctx, c, m, d)
}

func (f *flushLog) CreateConversation(ctx context.Context, c *agent.Conversation) error {
	f.note("CreateConversation")
	return f.Store.CreateConversation(ctx, c)
}

func (f *flushLog) UpdateConversation(ctx context.Context, c agent.Conversation) error {
	f.note("UpdateConversation")
	return f.Store.UpdateConversation(ctx, c)
}

func (f *flushLog) AddEvent(ctx context.Context, e agent.Event) (agent.Event, error) {
	f.note("AddEvent")
	return f.Store.AddEvent(ctx, e)
}

func (f *flushLog) AddContactAttempt(ctx context.Context, c agent.ContactAttempt) error {
	f.note("AddContactAttempt")
	return f.Store.AddContactAttempt(ctx, c)
}

func (f *flushLog) SetMessageStatus(ctx context.Context, id string, st agent.MessageStatus, p string) (bool, error) {
	f.note("SetMessageStatus")
	return f.Store.SetMessageStatus(ctx, id, st, p)
}

func (f *flushLog) FinishTurn(ctx context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	f.note("FinishTurn")
	return f.Store.FinishTurn(ctx, end)
}

func (f *flushLog) BeginTurn(ctx context.Context, id string, q agent.TurnQuery) (agent.HeldTurn, agent.TurnData, error) {
	return heldVia(f.Store, f.FinishTurn)(ctx, id, q)
}

// Handle stores the message FlushLater and commits the turn's end with
// FinishTurn in one durable transaction, which makes both durable; Receive, whose answer a channel
// acknowledges, does not, and a duplicate delivery is flushed before it is
// acknowledged.
func TestTurnWritesFlushOnceAtTheEnd(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	fl := &flushLog{Store: b.store}
	var st agent.Store = fl
	last, absent := "FinishTurn", []string{"UpdateConversation", "AddContactAttempt", "AddEvent"}
	orch, err := agent.NewOrchestrator(agent.Config{Store: st, Brain: b.brain, Guard: b.orch.Guard(), Clock: b.clock})
	if err != nil {
		t.Fatal(err)
	}
	b.brain.learn("hi", "", []agent.Command{cmd(agent.IntentGreeting)})
	in := agent.Inbound{Channel: agent.ChannelSMS, AccountID: b.acct.ID, From: "+15555550100", Text: "hi", ChannelMessageID: "SM-f1"}

	res, err := orch.Handle(b.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Inbound.Status != agent.StatusProcessed || len(res.Replies) == 0 || len(res.Events) == 0 {
		t.Fatalf("turn result: status %s, %d replies, %d events", res.Inbound.Status, len(res.Replies), len(res.Events))
	}
	if m, err := b.store.Message(b.ctx, res.Inbound.ID); err != nil || m.Status != agent.StatusProcessed {
		t.Fatalf("stored inbound: %+v, %v", m, err)
	}
	if es, err := b.store.Events(b.ctx, res.Conversation.ID); err != nil || len(es) != len(res.Events) {
		t.Fatalf("stored %d events (%v), the turn reported %d", len(es), err, len(res.Events))
	}
	got := strings.Fields(fl.take())
	if len(got) < 2 || got[len(got)-1] != last {
		t.Fatalf("Handle wrote %v; want writes stored FlushLater ending with a durable %s", got, last)
	}
	for _, op := range absent {
		if strings.Contains(strings.Join(got, " "), op) {
			t.Errorf("Handle wrote %v; want no %s", got, op)
		}
	}
	if as, err := b.store.ContactAttempts(b.ctx, b.acct.ID, time.Time{}); err != nil || len(as) != len(res.Replies) {
		t.Errorf("%d contact attempts stored (%v) for %d replies", len(as), err, len(res.Replies))
	}
	for _, op := range got[:len(got)-1] {
		if !strings.HasSuffix(op, "(later)") {
			t.Errorf("Handle: %s before the last write was not stored FlushLater (all: %v)", op, got)
		}
	}

	in.ChannelMessageID, in.Text = "SM-f2", "hi"
	first, _, err := orch.Receive(b.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if got := fl.take(); got != "InsertInbound" {
		t.Errorf("Receive wrote %q, want a plain InsertInbound", got)
	}
	// A redelivery goes to the idempotent insert, a plain write that
	// flushes what the first delivery stored before it is acknowledged.
	again, created, err := orch.Receive(b.ctx, in)
	if err != nil || created || again.ID != first.ID {
		t.Fatalf("redelivery: %s created=%v (%v), want %s again", again.ID, created, err, first.ID)
	}
	if got := fl.take(); got != "InsertInbound" {
		t.Errorf("a duplicate delivery did %q, want a plain InsertInbound before it is acknowledged", got)
	}
	// Once its conversation is closed, a redelivery is found before a
	// conversation would be opened for it: nothing is opened, and what it
	// found is flushed.
	conv, err := b.store.Conversation(b.ctx, first.ConversationID)
	if err != nil {
		t.Fatal(err)
	}
	conv.State = agent.StateClosed
	if err := b.store.UpdateConversation(b.ctx, conv); err != nil {
		t.Fatal(err)
	}
	fl.take()
	again, created, err = orch.Receive(b.ctx, in)
	if err != nil || created || again.ID != first.ID {
		t.Fatalf("redelivery after close: %s created=%v (%v), want %s again", again.ID, created, err, first.ID)
	}
	if got := fl.take(); got != "Flush" {
		t.Errorf("a duplicate delivery to a closed conversation did %q, want only a Flush", got)
	}
}
