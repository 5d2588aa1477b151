package main

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// recordingSender records what the outbox sends on a channel.
type recordingSender struct {
	mu   sync.Mutex
	sent []string
}

func (r *recordingSender) Send(_ context.Context, m agent.Outbound) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, m.MessageID)
	return "SM-" + m.MessageID, nil
}

func (r *recordingSender) has(id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.sent {
		if s == id {
			return true
		}
	}
	return false
}

// Work that another replica stored and left while this one was already
// running (an inbound message it never answered, an outbox row it never
// sent) is done by this one, with nothing on this one asking for it: the
// scheduler's periodic sweep finds it.
func TestServeRunsWorkAnotherReplicaLeft(t *testing.T) {
	rec := &recordingSender{}
	_, st, _ := startApp(t, nil, true, slog.New(slog.DiscardHandler), func(a *app) {
		a.disp.Senders[agent.ChannelSMS] = rec
	})
	ctx := context.Background()
	// Past the sweep at start.
	time.Sleep(500 * time.Millisecond)
	c := agent.Conversation{AccountID: "DEMO-US-1", Channel: agent.ChannelSMS, Address: "+13125550101", Locale: "en"}
	if err := st.CreateConversation(ctx, &c); err != nil {
		t.Fatal(err)
	}
	out, err := st.InsertOutbound(ctx, agent.Message{ID: "m_left_unsent", ConversationID: c.ID, Channel: agent.ChannelSMS,
		Text: "Hello, this is the automated assistant.", CreatedAt: time.Now()}, &agent.OutboxItem{To: c.Address}, true)
	if err != nil {
		t.Fatal(err)
	}
	in, _, err := st.InsertInbound(ctx, agent.Message{ConversationID: c.ID, Channel: agent.ChannelSMS,
		Text: "what do I owe", ChannelMessageID: "SM-left-unanswered", CreatedAt: time.Now()}, agent.Durable)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		m, err := st.Message(ctx, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		if m.Status == agent.StatusProcessed && rec.has(out.ID) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 30s: inbound %s, outbox row sent %v", m.Status, rec.has(out.ID))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
