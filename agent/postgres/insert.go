package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/internal/rowcodec"
)

// Storing a message takes one round trip: a pipeline of two statements that
// the server runs as one implicit transaction, committed at its Sync.
//
// The first statement locks the conversation row (SELECT … FOR UPDATE), so
// messages of one conversation are stored one at a time and the owner
// cannot change before the commit. The second starts after the lock is
// granted, so its snapshot sees every message committed before: it numbers
// the message after the last one, inserts it unless the same message (by ID
// or channel message id) exists, stamps the conversation's activity and,
// for an outbound message the conversation's owner lets out, adds the
// outbox row. A duplicate inserts nothing, so sequence numbers have no gaps.
const lockConversationSQL = "SELECT channel, owner FROM conversations WHERE id = $1 FOR UPDATE"

var insertMessageSQL = fmt.Sprintf(`WITH c AS (SELECT owner, channel, account_id FROM conversations WHERE id = $2::text),
ins AS (
	INSERT INTO messages (id, conversation_id, seq, direction, author, author_name, channel, text,
		channel_message_id, reply_to, template_version, model, status, guard, send_at, provider_id, created_at)
	SELECT $1::text, $2::text, (SELECT coalesce(max(seq), 0) + 1 FROM messages WHERE conversation_id = $2::text),
		$3::text, $4::text, $5::text, coalesce(nullif($6::text, ''), c.channel), $7::text,
		$8::text, $9::text, $10::text, $11::text,
		CASE WHEN $17::boolean AND c.owner NOT IN ('', '%s') THEN '%s' ELSE $12::text END,
		$13::jsonb, $14::timestamptz, $15::text, $16::timestamptz
	FROM c
	ON CONFLICT DO NOTHING
	RETURNING id, seq, channel, status),
upd AS (
	UPDATE conversations SET last_seq = ins.seq,
		last_message_at = greatest(conversations.last_message_at, $16::timestamptz)
	FROM ins WHERE conversations.id = $2::text),
ob AS (
	INSERT INTO outbox (message_id, conversation_id, account_id, channel, to_addr, body, status, attempts,
		next_attempt_at, created_at, updated_at)
	SELECT ins.id, $2::text, c.account_id, coalesce(nullif($21::text, ''), ins.channel), $19::text, $20::text, '%s', 0,
		$22::timestamptz, $16::timestamptz, $16::timestamptz
	FROM ins, c WHERE $18::boolean AND ins.status <> '%s'
	RETURNING id, channel, account_id)
SELECT ins.seq, ins.channel, ins.status, ob.id, ob.channel, ob.account_id FROM ins LEFT JOIN ob ON true`,
	agent.OwnerAI, agent.StatusDropped, agent.OutboxPending, agent.StatusDropped)

// insertMessageArgs returns insertMessageSQL's arguments for m, its outbox
// row item (nil: none) and requireAI, normalising m's SendAt, and the
// outbox row's address, body and first attempt as they will be stored.
func insertMessageArgs(m *agent.Message, item *agent.OutboxItem, requireAI bool) ([]any, agent.OutboxItem, error) {
	guard, err := rowcodec.Guard(m.Guard)
	if err != nil {
		return nil, agent.OutboxItem{}, err
	}
	if !m.SendAt.IsZero() {
		m.SendAt = m.SendAt.UTC().Truncate(time.Microsecond)
	}
	var ob agent.OutboxItem
	if item != nil {
		ob = agent.OutboxItem{To: item.To, Body: item.Body, Channel: item.Channel, NextAttemptAt: item.NextAttemptAt}
		ob.Enqueue(*m)
	}
	return []any{m.ID, m.ConversationID, string(m.Direction), string(m.Author), m.AuthorName,
		string(m.Channel), m.Text, nullString(m.ChannelMessageID), m.ReplyTo, m.TemplateVersion, m.Model,
		string(m.Status), jsonb(guard), ts(m.SendAt), m.ProviderID, m.CreatedAt,
		requireAI, item != nil, ob.To, ob.Body, string(ob.Channel), ts(ob.NextAttemptAt)}, ob, nil
}

// insertResult is what storing a message found out.
type insertResult struct {
	convChannel string // the conversation's channel; empty when it does not exist
	inserted    bool   // false: the message already existed
}

// insertMessage stores m (and, when item is not nil, its outbox row) in one
// round trip, filling m's Seq, Channel and Status and item's ID and Channel.
func (s *Store) insertMessage(ctx context.Context, p *pgxpool.Pool, m *agent.Message, item *agent.OutboxItem, requireAI bool) (insertResult, error) {
	return s.insertMessageIn(ctx, p, nil, m, item, requireAI)
}

// insertMessageIn is insertMessage that, when open is not nil, stores that
// conversation first, in the same pipeline and transaction.
func (s *Store) insertMessageIn(ctx context.Context, p *pgxpool.Pool, open *agent.Conversation, m *agent.Message, item *agent.OutboxItem, requireAI bool) (insertResult, error) {
	var res insertResult
	b := &pgx.Batch{}
	if open != nil {
		q, args := conversationInsert(open)
		m.ConversationID = open.ID
		b.Queue(q, args...)
	}
	b.Queue(lockConversationSQL, m.ConversationID)
	args, ob, err := insertMessageArgs(m, item, requireAI)
	if err != nil {
		return res, err
	}
	to, body, next := ob.To, ob.Body, ob.NextAttemptAt
	b.Queue(insertMessageSQL, args...)
	if open != nil {
		// A redelivery inserts no message: then take back the conversation
		// opened for it, in the same transaction, rather than leave an
		// empty one to take the borrower's next message.
		b.Queue("DELETE FROM conversations c WHERE c.id = $1 AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1)", open.ID)
	}
	br := p.SendBatch(ctx, b)
	if open != nil {
		if _, err := br.Exec(); err != nil {
			br.Close()
			return res, createConversationErr(err, open)
		}
	}
	var owner string
	err = br.QueryRow().Scan(&res.convChannel, &owner)
	if errors.Is(err, pgx.ErrNoRows) {
		br.Close()
		return res, fmt.Errorf("conversation %s: %w", m.ConversationID, agent.ErrNotFound)
	}
	if err != nil {
		br.Close()
		return res, err
	}
	var (
		obID      *int64
		obChan    *string
		obAccount *string
		seq       int64
		ch, state string
	)
	err = br.QueryRow().Scan(&seq, &ch, &state, &obID, &obChan, &obAccount)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		// A duplicate: nothing was written.
	case err != nil:
		br.Close()
		return res, err
	default:
		res.inserted = true
	}
	// The commit happens at the pipeline's end: only now is the write durable.
	if err := br.Close(); err != nil {
		return res, err
	}
	if res.inserted {
		m.Seq, m.Channel, m.Status = seq, agent.Channel(ch), agent.MessageStatus(state)
		if item != nil && obID != nil {
			item.ID, item.Channel, item.AccountID = *obID, agent.Channel(*obChan), *obAccount
			item.MessageID, item.ConversationID, item.To, item.Body = m.ID, m.ConversationID, to, body
			item.Status, item.Attempts, item.ClaimedBy, item.LeaseUntil = agent.OutboxPending, 0, "", time.Time{}
			item.NextAttemptAt, item.CreatedAt, item.UpdatedAt = next, m.CreatedAt, m.CreatedAt
		}
	}
	return res, nil
}

// InsertInbound stores an inbound message idempotently on (channel, channel
// message id), also when several inserts race.
func (s *Store) InsertInbound(ctx context.Context, m agent.Message, d agent.Durability) (agent.Message, bool, error) {
	m = withDefaults(m, agent.DirectionIn, agent.AuthorBorrower, agent.StatusReceived)
	res, err := s.insertMessage(ctx, s.poolFor(d), &m, nil, false)
	if err != nil {
		return m, false, fmt.Errorf("postgres: insert inbound: %w", err)
	}
	if res.inserted {
		return m, true, nil
	}
	if m.ChannelMessageID == "" {
		return m, false, fmt.Errorf("postgres: insert inbound: message %s: %w", m.ID, agent.ErrConflict)
	}
	ch := m.Channel
	if ch == "" {
		ch = agent.Channel(res.convChannel)
	}
	old, err := s.MessageByChannelID(ctx, ch, m.ChannelMessageID)
	if err != nil {
		return m, false, fmt.Errorf("postgres: insert inbound: %w", err)
	}
	return old, false, nil
}

// OpenWithInbound stores a new conversation and its first inbound message
// in one round trip and one transaction (agent.Store.OpenWithInbound).
func (s *Store) OpenWithInbound(ctx context.Context, c *agent.Conversation, m agent.Message, d agent.Durability) (agent.Message, bool, error) {
	m = withDefaults(m, agent.DirectionIn, agent.AuthorBorrower, agent.StatusReceived)
	res, err := s.insertMessageIn(ctx, s.poolFor(d), c, &m, nil, false)
	if err != nil {
		return m, false, fmt.Errorf("postgres: open with inbound: %w", err)
	}
	if res.inserted {
		return m, true, nil
	}
	// Delivered before, into another conversation: return that message.
	old, err := s.MessageByChannelID(ctx, m.Channel, m.ChannelMessageID)
	if err != nil {
		return m, false, fmt.Errorf("postgres: open with inbound: %w", err)
	}
	return old, false, nil
}

// InsertOutbound stores an outbound message and its outbox row in one
// transaction, idempotently on m.ID; see agent.Store.
func (s *Store) InsertOutbound(ctx context.Context, m agent.Message, item *agent.OutboxItem, requireAI bool) (agent.Message, error) {
	m = withDefaults(m, agent.DirectionOut, agent.AuthorAgent, agent.StatusQueued)
	res, err := s.insertMessage(ctx, s.pool, &m, item, requireAI)
	if err != nil {
		return m, fmt.Errorf("postgres: insert outbound: %w", err)
	}
	if !res.inserted {
		old, err := s.Message(ctx, m.ID)
		if err != nil {
			return m, fmt.Errorf("postgres: insert outbound: %w", err)
		}
		return old, nil
	}
	if m.Status == agent.StatusDropped && requireAI {
		return m, fmt.Errorf("postgres: insert outbound: conversation %s is owned by a supervisor: %w", m.ConversationID, agent.ErrNotOwner)
	}
	return m, nil
}

// withDefaults sets the direction and fills the author, status, ID and
// creation time a caller left empty.
func withDefaults(m agent.Message, d agent.Direction, a agent.Author, st agent.MessageStatus) agent.Message {
	m.Direction = d
	if m.Author == "" {
		m.Author = a
	}
	if m.Status == "" {
		m.Status = st
	}
	if m.ID == "" {
		m.ID = agent.NewID("m_")
	}
	m.CreatedAt = orNow(m.CreatedAt)
	return m
}
