package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/internal/rowcodec"
)

const messageCols = `id, conversation_id, seq, direction, author, author_name, channel, text,
	coalesce(channel_message_id, ''), reply_to, template_version, model, status, guard, send_at, provider_id, created_at,
	interrupted`

func scanMessage(sc scanner) (agent.Message, error) {
	var (
		m                  agent.Message
		guard, interrupted []byte
		sendAt, created    pgtype.Timestamptz
	)
	if err := sc.Scan(&m.ID, &m.ConversationID, &m.Seq, &m.Direction, &m.Author, &m.AuthorName, &m.Channel, &m.Text,
		&m.ChannelMessageID, &m.ReplyTo, &m.TemplateVersion, &m.Model, &m.Status, &guard, &sendAt, &m.ProviderID,
		&created, &interrupted); err != nil {
		return m, err
	}
	if err := rowcodec.DecodeMessage(&m, guard, interrupted); err != nil {
		return m, err
	}
	m.SendAt, m.CreatedAt = fromTS(sendAt), fromTS(created)
	return m, nil
}

// Message returns one message, or agent.ErrNotFound.
func (s *Store) Message(ctx context.Context, id string) (agent.Message, error) {
	m, err := scanMessage(s.pool.QueryRow(ctx, "SELECT "+messageCols+" FROM messages WHERE id = $1", id))
	return m, found(err, "message %s", id)
}

// MessageByChannelID finds a message by its channel message id, or agent.ErrNotFound.
func (s *Store) MessageByChannelID(ctx context.Context, ch agent.Channel, channelMessageID string) (agent.Message, error) {
	m, err := scanMessage(s.pool.QueryRow(ctx, messageByChannelIDSQL, string(ch), channelMessageID))
	return m, found(err, "message by channel id")
}

const messageByChannelIDSQL = "SELECT " + messageCols + " FROM messages WHERE channel = $1 AND channel_message_id = $2"

// Messages returns a conversation's messages with Seq > afterSeq, in order,
// at most limit (0 = all).
func (s *Store) Messages(ctx context.Context, conversationID string, afterSeq int64, limit int) ([]agent.Message, error) {
	ms, err := queryAll(ctx, s.pool, scanMessage, "SELECT "+messageCols+
		" FROM messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3", conversationID, afterSeq, limitOrAll(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: messages: %w", err)
	}
	return ms, nil
}

// statusRank extends agent.StatusRank to inbound messages, where processed
// follows received.
func statusRank(s agent.MessageStatus) int {
	if s == agent.StatusProcessed {
		return 1
	}
	return agent.StatusRank(s)
}

// rankSQL is statusRank as a SQL expression over the status column.
var rankSQL = func() string {
	q := "CASE status"
	for _, s := range []agent.MessageStatus{agent.StatusReceived, agent.StatusProcessed, agent.StatusQueued,
		agent.StatusDeferred, agent.StatusSending, agent.StatusSent, agent.StatusDelivered, agent.StatusRead,
		agent.StatusUndelivered, agent.StatusFailed, agent.StatusBlocked, agent.StatusDropped, agent.StatusCancelled} {
		q += fmt.Sprintf(" WHEN '%s' THEN %d", s, statusRank(s))
	}
	return q + " ELSE 0 END"
}()

// SetMessageStatus moves a message's status forward; a move that is not
// forward changes nothing and reports false. A non-empty providerID is
// recorded with the move.
func (s *Store) SetMessageStatus(ctx context.Context, id string, st agent.MessageStatus, providerID string) (bool, error) {
	moved, err := setMessageStatus(ctx, s.pool, id, st, providerID)
	if err != nil {
		return false, fmt.Errorf("postgres: set message status: %w", err)
	}
	return moved, nil
}

// setMessageStatusSQL moves a message's status forward and reports whether
// it moved and whether the message exists.
var setMessageStatusSQL = `WITH u AS (UPDATE messages SET status = $1,
		provider_id = CASE WHEN $2 = '' THEN provider_id ELSE $2 END
		WHERE id = $3 AND ` + rankSQL + ` < $4 RETURNING 1)
	SELECT EXISTS (SELECT 1 FROM u), EXISTS (SELECT 1 FROM messages WHERE id = $3)`

func setMessageStatus(ctx context.Context, q queryer, id string, st agent.MessageStatus, providerID string) (bool, error) {
	// One statement: the update, or else whether the message exists.
	var moved, exists bool
	err := q.QueryRow(ctx, setMessageStatusSQL, string(st), providerID, id, statusRank(st)).Scan(&moved, &exists)
	if err != nil {
		return false, err
	}
	if !moved && !exists {
		return false, fmt.Errorf("message %s: %w", id, agent.ErrNotFound)
	}
	return moved, nil
}

// ReviseOutbound rewrites a streaming reply; see agent.Store.
func (s *Store) ReviseOutbound(ctx context.Context, m agent.Message) error {
	guard, err := rowcodec.Guard(m.Guard)
	if err != nil {
		return fmt.Errorf("postgres: revise outbound: %w", err)
	}
	// The status is read before the update, in the same statement.
	var status *string
	err = s.pool.QueryRow(ctx, `WITH old AS (SELECT status FROM messages WHERE id = $5 AND direction = 'out'),
		u AS (UPDATE messages SET text = $1, guard = $2, template_version = $3, model = $4
			WHERE id = $5 AND direction = 'out' AND status = 'sending')
		SELECT (SELECT status FROM old)`, m.Text, jsonb(guard), m.TemplateVersion, m.Model, m.ID).Scan(&status)
	switch {
	case err != nil:
		return fmt.Errorf("postgres: revise outbound: %w", err)
	case status == nil:
		return fmt.Errorf("postgres: revise outbound: message %s: %w", m.ID, agent.ErrNotFound)
	case *status != string(agent.StatusSending):
		return fmt.Errorf("postgres: revise outbound: message %s is %s: %w", m.ID, *status, agent.ErrConflict)
	}
	return nil
}

// SetInterrupted records where a caller cut a spoken reply.
func (s *Store) SetInterrupted(ctx context.Context, messageID string, in agent.Interrupt) error {
	in.At = orNow(in.At)
	b, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("postgres: set interrupted: %w", err)
	}
	tag, err := s.pool.Exec(ctx, "UPDATE messages SET interrupted = $1 WHERE id = $2", jsonb(b), messageID)
	if err != nil {
		return fmt.Errorf("postgres: set interrupted: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: set interrupted: message %s: %w", messageID, agent.ErrNotFound)
	}
	return nil
}

var _ agent.StreamCloser = (*Store)(nil)

// CloseStaleStreams marks undelivered the spoken replies created before
// before that are still sending and have no outbox row
// (agent.StreamCloser), through the partial index messages_streaming.
func (s *Store) CloseStaleStreams(ctx context.Context, before time.Time) ([]string, error) {
	rows, err := s.pool.Query(ctx, `UPDATE messages m SET status = $1
		WHERE m.direction = 'out' AND m.channel = 'voice' AND m.status = 'sending' AND m.created_at < $2
		AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = m.id)
		RETURNING m.id`, string(agent.StatusUndelivered), before.UTC())
	if err != nil {
		return nil, fmt.Errorf("postgres: close stale streams: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: close stale streams: %w", err)
	}
	return ids, nil
}

// PendingInbound lists inbound messages still received, oldest first.
func (s *Store) PendingInbound(ctx context.Context, limit int) ([]agent.Message, error) {
	ms, err := queryAll(ctx, s.pool, scanMessage, "SELECT "+messageCols+
		" FROM messages WHERE direction = 'in' AND status = 'received' ORDER BY created_at, row_order LIMIT $1",
		limitOrAll(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: pending inbound: %w", err)
	}
	return ms, nil
}
