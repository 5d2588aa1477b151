package chat

import (
	"context"
	"fmt"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// BenchmarkMessageRoundTrip is one borrower message over a real socket on
// 127.0.0.1: ack, typing and the reply through the sender, the bus and the
// hub. The orchestrator and store are in-memory fakes, so this is the
// channel's own cost.
func BenchmarkMessageRoundTrip(b *testing.B) {
	tb := setup(b)
	ws := tb.dial(b, "A-1", "")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		id := fmt.Sprintf("c-%d", i)
		send(b, ws, msg("hello", id))
		turnFrames(b, ws, id, 1)
		tb.clock.Advance(tb.h.cfg.TypingInterval) // refill the rate limiter
	}
}

// BenchmarkDeliver is one stored reply reaching an open socket: Sender.Send,
// the bus, the hub's store read and the socket write.
func BenchmarkDeliver(b *testing.B) {
	tb := setup(b)
	ws := tb.dial(b, "A-1", "")
	sender := NewSender(tb.bus)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		m := tb.store.addOut("A-1", agent.AuthorAgent, "Your next payment is due on 1 December.", agent.StatusSending)
		b.StartTimer()
		if _, err := sender.Send(ctx, agent.Outbound{MessageID: m.ID, ConversationID: m.ConversationID, AccountID: "A-1", Channel: agent.ChannelChat}); err != nil {
			b.Fatal(err)
		}
		if f := read(b, ws); f.ID != m.ID {
			b.Fatalf("got %+v, want %s", f, m.ID)
		}
	}
}
