package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// BenchmarkTurn measures the store writes of one turn against s: the
// inbound message, the reply with its outbox row and guard decision, an
// event, and the inbound message's status. "Turn" runs all four per
// iteration as the orchestrator does: the inbound message durable on its
// own, the reply and the event with flushing deferred
// (agent.WithFlushDeferred), and the status move, which makes them all
// durable. "FinishTurn" writes a turn as the
// orchestrator does. The other sub-benchmarks run one
// durable write each.
func BenchmarkTurn(b *testing.B, s agent.Store) {
	ctx := context.Background()
	acct := Account("A-bench", "+15555550999")
	if err := s.PutAccount(ctx, acct); err != nil {
		b.Fatalf("PutAccount: %v", err)
	}
	newConv := func(b *testing.B) agent.Conversation {
		c := agent.Conversation{AccountID: acct.ID, Channel: agent.ChannelSMS, Address: "+15555550999"}
		if err := s.CreateConversation(ctx, &c); err != nil {
			b.Fatalf("CreateConversation: %v", err)
		}
		return c
	}
	guard := &policies.Decision{ID: "d", Action: policies.Revise, Text: "You owe $1,200.00. Reply STOP to opt out.",
		Violations: []policies.Violation{{Rule: "US-D1", Category: policies.CatDisclosureMissing,
			Detail: "opt-out notice appended", Citation: "47 CFR 64.1200"}}}
	var n int
	inbound := func(b *testing.B, c agent.Conversation, d agent.Durability) agent.Message {
		n++
		m, _, err := s.InsertInbound(ctx, agent.Message{ConversationID: c.ID, Channel: agent.ChannelSMS,
			Text: "how much do I owe?", ChannelMessageID: fmt.Sprintf("SM-bench-%s-%d", c.ID, n)}, d)
		if err != nil {
			b.Fatalf("InsertInbound: %v", err)
		}
		return m
	}
	reply := func(id string, c agent.Conversation, in agent.Message) agent.Message {
		return agent.Message{ID: id, ConversationID: c.ID, Text: guard.Text, ReplyTo: in.ID,
			TemplateVersion: "balance.v1.en", Guard: guard}
	}
	outbound := func(b *testing.B, c agent.Conversation, in agent.Message) {
		_, err := s.InsertOutbound(ctx, reply("", c, in), &agent.OutboxItem{To: c.Address}, true)
		if err != nil {
			b.Fatalf("InsertOutbound: %v", err)
		}
	}
	event := func(b *testing.B, c agent.Conversation) {
		if _, err := s.AddEvent(ctx, agent.Event{ConversationID: c.ID, AccountID: acct.ID,
			Kind: agent.EventBalanceDisclosed, Actor: agent.OwnerAI}); err != nil {
			b.Fatalf("AddEvent: %v", err)
		}
	}
	status := func(b *testing.B, in agent.Message) {
		if _, err := s.SetMessageStatus(ctx, in.ID, agent.StatusProcessed, ""); err != nil {
			b.Fatalf("SetMessageStatus: %v", err)
		}
	}

	// A turn's writes one by one: the inbound message left to the next
	// flush, then the reply with its outbox row, an event and the
	// inbound message's status, each durable.
	b.Run("Turn", func(b *testing.B) {
		c := newConv(b)
		for b.Loop() {
			in := inbound(b, c, agent.FlushLater)
			outbound(b, c, in)
			event(b, c)
			status(b, in)
		}
	})
	if tf := s; tf != nil {
		// As the orchestrator writes a turn: the inbound message left to
		// the next flush, then the conversation, the reply with its outbox
		// row, the event, the contact attempt and the status in one
		// durable transaction.
		b.Run("FinishTurn", func(b *testing.B) {
			c := newConv(b)
			for b.Loop() {
				in := inbound(b, c, agent.FlushLater)
				_, _, err := tf.FinishTurn(ctx, agent.TurnEnd{Conversation: c, InboundID: in.ID,
					Messages: []agent.TurnMessage{{Message: reply("out-"+in.ID, c, in), Outbox: &agent.OutboxItem{To: c.Address}, RequireAI: true}},
					Events:   []agent.Event{{ConversationID: c.ID, AccountID: acct.ID, Kind: agent.EventBalanceDisclosed, Actor: agent.OwnerAI}},
					Attempts: []agent.ContactAttempt{{AccountID: acct.ID, Channel: agent.ChannelSMS, Address: c.Address,
						InitiatedBy: "borrower", Outcome: agent.OutcomeSent}}})
				if err != nil {
					b.Fatalf("FinishTurn: %v", err)
				}
			}
		})
	}
	b.Run("InsertInbound", func(b *testing.B) {
		c := newConv(b)
		for b.Loop() {
			inbound(b, c, agent.Durable)
		}
	})
	b.Run("InsertOutbound", func(b *testing.B) {
		c := newConv(b)
		in := inbound(b, c, agent.Durable)
		for b.Loop() {
			outbound(b, c, in)
		}
	})
	b.Run("AddEvent", func(b *testing.B) {
		c := newConv(b)
		for b.Loop() {
			event(b, c)
		}
	})
	b.Run("SetMessageStatus", func(b *testing.B) {
		c := newConv(b)
		ins := make([]agent.Message, 0, 64)
		for b.Loop() {
			b.StopTimer()
			if len(ins) == 0 {
				for range 64 {
					ins = append(ins, inbound(b, c, agent.Durable))
				}
			}
			in := ins[len(ins)-1]
			ins = ins[:len(ins)-1]
			b.StartTimer()
			status(b, in)
		}
	})
}
