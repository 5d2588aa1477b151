package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/parley-collections/parley/agent"
)

// warmID names no row: the warm-up's statements find nothing and so
// change nothing.
const warmID = "parley-warm-up"

// warmLocks is how many lock connections Warm opens: one for each SMS
// turn that runs at once on PostgreSQL by default.
const warmLocks = 4

// Warm opens every connection of the query pools and runs the statements
// of an SMS turn once on each, against rows that do not exist, and opens
// the first warmLocks lock connections. A server that has just started
// then meets its first burst with its backends started, their catalogs
// cached and the driver's statements prepared: a burst of 1,000 webhooks a
// second onto a fresh server had a webhook p99 of 36-62 ms without it and
// 20-27 ms after 30 warming webhooks (docs/bench-load.md). It writes
// nothing. Only a connection that cannot be opened is an error.
func (s *Store) Warm(ctx context.Context) error {
	if err := warmPool(ctx, s.pool, func(ctx context.Context) { s.warmTurn(ctx) }); err != nil {
		return err
	}
	if err := warmPool(ctx, s.lazy, func(ctx context.Context) { s.warmInbound(ctx, agent.FlushLater) }); err != nil {
		return err
	}
	unlocks := make([]func(), 0, warmLocks)
	defer func() {
		for _, u := range unlocks {
			u()
		}
	}()
	for i := range warmLocks {
		u, err := s.Lock(ctx, fmt.Sprintf("%s-%d", warmID, i))
		if err != nil {
			return fmt.Errorf("postgres: warm: %w", err)
		}
		unlocks = append(unlocks, u)
	}
	return nil
}

// warmPool runs warm on each connection of p in turn: all the others are
// held meanwhile, so that the one left idle is the one warm acquires.
func warmPool(ctx context.Context, p *pgxpool.Pool, warm func(context.Context)) error {
	n := int(p.Config().MaxConns)
	held := make([]*pgxpool.Conn, 0, n)
	defer func() {
		for _, c := range held {
			if c != nil {
				c.Release()
			}
		}
	}()
	for range n {
		c, err := p.Acquire(ctx)
		if err != nil {
			return fmt.Errorf("postgres: warm: %w", err)
		}
		held = append(held, c)
	}
	for i := range held {
		held[i].Release()
		held[i] = nil
		warm(ctx)
		c, err := p.Acquire(ctx)
		if err != nil {
			return fmt.Errorf("postgres: warm: %w", err)
		}
		held[i] = c
	}
	return nil
}

// warmTurn runs what a webhook and a turn read and write, each finding no
// row; the errors that result are the point, so they are dropped.
func (s *Store) warmTurn(ctx context.Context) {
	_, _ = s.FindSender(ctx, agent.SenderLookup{Phone: warmID, Channel: agent.ChannelSMS, ChannelMessageID: warmID})
	s.warmInbound(ctx, agent.Durable)
	_, _ = s.ReadTurn(ctx, agent.TurnQuery{MessageID: warmID, History: 20, Since: time.Now()})
	s.warmWrites(ctx)
	_ = s.CompleteOutbox(ctx, -1, warmID, "")
}

// warmInbound stores an inbound message for a conversation that does not
// exist, through the pool that d picks. (Opening a conversation for an
// account that does not exist would fail inside the pipeline, and pgx then
// forgets the connection's prepared statements.)
func (s *Store) warmInbound(ctx context.Context, d agent.Durability) {
	_, _, _ = s.InsertInbound(ctx, agent.Message{ID: warmID, ConversationID: warmID, Channel: agent.ChannelSMS, ChannelMessageID: warmID}, d)
}

// warmWrites runs a turn's writes against a conversation that does not
// exist: the reply's insert finds no conversation, and the end of the turn
// is undone by its own check that the conversation exists.
func (s *Store) warmWrites(ctx context.Context) {
	m := agent.Message{ID: warmID, ConversationID: warmID, Channel: agent.ChannelSMS}
	_, _ = s.InsertOutbound(ctx, m, &agent.OutboxItem{To: warmID}, true)
	_, _, _ = s.FinishTurn(ctx, agent.TurnEnd{
		Conversation: agent.Conversation{ID: warmID, AccountID: warmID, Channel: agent.ChannelSMS},
		InboundID:    warmID,
		Events:       []agent.Event{{ConversationID: warmID, AccountID: warmID, Kind: agent.EventKind("warm_up")}},
		Attempts:     []agent.ContactAttempt{{AccountID: warmID, Channel: agent.ChannelSMS, InitiatedBy: "agent", At: time.Now()}},
	})
}
