package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/internal/rowcodec"
)

const messageCols = `id, conversation_id, seq, direction, author, author_name, channel, text,
	coalesce(channel_message_id, ''), reply_to, template_version, model, status, guard, send_at, provider_id, created_at,
	interrupted`

func scanMessage(sc scanner) (agent.Message, error) {
	var (
		m                  agent.Message
		guard, interrupted sql.NullString
		sendAt, created    sql.NullInt64
	)
	if err := sc.Scan(&m.ID, &m.ConversationID, &m.Seq, &m.Direction, &m.Author, &m.AuthorName, &m.Channel, &m.Text,
		&m.ChannelMessageID, &m.ReplyTo, &m.TemplateVersion, &m.Model, &m.Status, &guard, &sendAt, &m.ProviderID,
		&created, &interrupted); err != nil {
		return m, err
	}
	if err := rowcodec.DecodeMessage(&m, []byte(guard.String), []byte(interrupted.String)); err != nil {
		return m, err
	}
	m.SendAt, m.CreatedAt = fromMicros(sendAt), fromMicros(created)
	return m, nil
}

// InsertInbound stores an inbound message idempotently on (channel, channel
// message id).
func (s *Store) InsertInbound(ctx context.Context, m agent.Message, d agent.Durability) (agent.Message, bool, error) {
	m, created, err := s.storeInbound(ctx, nil, m, d)
	if err != nil {
		return m, false, fmt.Errorf("sqlite: insert inbound: %w", err)
	}
	return m, created, nil
}

// OpenWithInbound stores a new conversation and its first inbound message
// in one transaction (agent.Store.OpenWithInbound). A redelivery, the message
// stored already, opens nothing and returns that message.
func (s *Store) OpenWithInbound(ctx context.Context, c *agent.Conversation, m agent.Message, d agent.Durability) (agent.Message, bool, error) {
	m, created, err := s.storeInbound(ctx, c, m, d)
	if err != nil {
		return m, false, fmt.Errorf("sqlite: open with inbound: %w", err)
	}
	return m, created, nil
}

// storeInbound stores m in its conversation, or, when open is not nil, in
// that conversation, stored first; unless the message was stored before,
// which it then returns, storing nothing; durable as d says.
func (s *Store) storeInbound(ctx context.Context, open *agent.Conversation, m agent.Message, d agent.Durability) (_ agent.Message, _ bool, werr error) {
	ctx, done := s.writeAs(ctx, d)
	defer done(&werr)
	m.Direction = agent.DirectionIn
	if m.Author == "" {
		m.Author = agent.AuthorBorrower
	}
	if m.Status == "" {
		m.Status = agent.StatusReceived
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return m, false, err
	}
	defer tx.Rollback()
	switch {
	case m.Channel != "":
	case open != nil:
		m.Channel = open.Channel
	default:
		err := tx.QueryRowContext(ctx, "SELECT channel FROM conversations WHERE id = ?", m.ConversationID).Scan(&m.Channel)
		if errors.Is(err, sql.ErrNoRows) {
			return m, false, fmt.Errorf("conversation %s: %w", m.ConversationID, agent.ErrNotFound)
		}
		if err != nil {
			return m, false, err
		}
	}
	if m.ChannelMessageID != "" {
		old, err := messageByChannelID(ctx, tx, m.Channel, m.ChannelMessageID)
		if err == nil {
			return old, false, nil
		}
		if !errors.Is(err, agent.ErrNotFound) {
			return m, false, err
		}
	}
	if open != nil {
		if err := insertConversation(ctx, tx, open); err != nil {
			return m, false, err
		}
		m.ConversationID = open.ID
	}
	if _, err := nextSeq(ctx, tx, &m); err != nil {
		return m, false, err
	}
	if err := writeMessage(ctx, tx, &m); err != nil {
		return m, false, err
	}
	if err := tx.Commit(); err != nil {
		return m, false, err
	}
	return m, true, nil
}

// nextSeq takes the conversation's next sequence number, fills ID, Seq,
// Channel and CreatedAt, and returns the conversation's owner. The update
// holds the write lock, so no takeover can slip between this read of the
// owner and the insert that follows.
func nextSeq(ctx context.Context, tx execer, m *agent.Message) (owner string, err error) {
	if m.ID == "" {
		m.ID = agent.NewID("m_")
	}
	m.CreatedAt = orNow(m.CreatedAt)
	var ch string
	err = tx.QueryRowContext(ctx, `UPDATE conversations SET last_seq = last_seq + 1, last_message_at = max(coalesce(last_message_at, 0), ?)
		WHERE id = ? RETURNING last_seq, owner, channel`, m.CreatedAt.UnixMicro(), m.ConversationID).Scan(&m.Seq, &owner, &ch)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("conversation %s: %w", m.ConversationID, agent.ErrNotFound)
	}
	if err != nil {
		return "", err
	}
	if m.Channel == "" {
		m.Channel = agent.Channel(ch)
	}
	return owner, nil
}

func writeMessage(ctx context.Context, tx execer, m *agent.Message) error {
	guard, err := rowcodec.Guard(m.Guard)
	if err != nil {
		return err
	}
	if !m.SendAt.IsZero() {
		m.SendAt = m.SendAt.UTC().Truncate(time.Microsecond)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO messages (id, conversation_id, seq, direction, author, author_name,
		channel, text, channel_message_id, reply_to, template_version, model, status, guard, send_at, provider_id,
		created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.ID, m.ConversationID, m.Seq, string(m.Direction), string(m.Author), m.AuthorName, string(m.Channel), m.Text,
		nullString(m.ChannelMessageID), m.ReplyTo, m.TemplateVersion, m.Model, string(m.Status), jsonText(guard),
		micros(m.SendAt), m.ProviderID, m.CreatedAt.UnixMicro())
	if isConstraint(err, "UNIQUE") {
		return fmt.Errorf("message %s: %w", m.ID, agent.ErrConflict)
	}
	return err
}

// InsertOutbound stores an outbound message and its outbox row in one
// transaction, idempotently on m.ID; see agent.Store.
func (s *Store) InsertOutbound(ctx context.Context, m agent.Message, item *agent.OutboxItem, requireAI bool) (_ agent.Message, werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	m.Direction = agent.DirectionOut
	if m.Author == "" {
		m.Author = agent.AuthorAgent
	}
	if m.Status == "" {
		m.Status = agent.StatusQueued
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return m, fmt.Errorf("sqlite: insert outbound: %w", err)
	}
	defer tx.Rollback()
	if m.ID != "" {
		old, err := scanMessage(tx.QueryRowContext(ctx, "SELECT "+messageCols+" FROM messages WHERE id = ?", m.ID))
		if err == nil {
			return old, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return m, fmt.Errorf("sqlite: insert outbound: %w", err)
		}
	}
	owner, err := nextSeq(ctx, tx, &m)
	if err != nil {
		return m, fmt.Errorf("sqlite: insert outbound: %w", err)
	}
	dropped := requireAI && ownerOrAI(owner) != agent.OwnerAI
	if dropped {
		m.Status = agent.StatusDropped
	}
	if err := writeMessage(ctx, tx, &m); err != nil {
		return m, fmt.Errorf("sqlite: insert outbound: %w", err)
	}
	if item != nil && !dropped {
		if err := insertOutbox(ctx, tx, m, item); err != nil {
			return m, fmt.Errorf("sqlite: insert outbound: outbox: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return m, fmt.Errorf("sqlite: insert outbound: %w", err)
	}
	if dropped {
		return m, fmt.Errorf("sqlite: insert outbound: conversation %s is owned by a supervisor: %w", m.ConversationID, agent.ErrNotOwner)
	}
	return m, nil
}

// Message returns one message, or agent.ErrNotFound.
func (s *Store) Message(ctx context.Context, id string) (agent.Message, error) {
	return readMessage(ctx, s.rdb, id)
}

func readMessage(ctx context.Context, q querier, id string) (agent.Message, error) {
	m, err := scanMessage(q.QueryRowContext(ctx, "SELECT "+messageCols+" FROM messages WHERE id = ?", id))
	return m, found(err, "message %s", id)
}

// MessageByChannelID finds a message by its channel message id, or agent.ErrNotFound.
func (s *Store) MessageByChannelID(ctx context.Context, ch agent.Channel, channelMessageID string) (agent.Message, error) {
	return messageByChannelID(ctx, s.rdb, ch, channelMessageID)
}

func messageByChannelID(ctx context.Context, q querier, ch agent.Channel, channelMessageID string) (agent.Message, error) {
	m, err := scanMessage(q.QueryRowContext(ctx, "SELECT "+messageCols+
		" FROM messages WHERE channel = ? AND channel_message_id = ?", string(ch), channelMessageID))
	return m, found(err, "message by channel id")
}

// Messages returns a conversation's messages with Seq > afterSeq, in order,
// at most limit (0 = all).
func (s *Store) Messages(ctx context.Context, conversationID string, afterSeq int64, limit int) ([]agent.Message, error) {
	ms, err := queryAll(ctx, s.rdb, scanMessage, "SELECT "+messageCols+
		" FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?", conversationID, afterSeq, limitOrAll(limit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: messages: %w", err)
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
func (s *Store) SetMessageStatus(ctx context.Context, id string, st agent.MessageStatus, providerID string) (_ bool, werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	var moved bool
	err := s.update(ctx, func(tx *wtx) (err error) {
		moved, err = setMessageStatus(ctx, tx, id, st, providerID)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("sqlite: set message status: %w", err)
	}
	return moved, nil
}

func setMessageStatus(ctx context.Context, db execer, id string, st agent.MessageStatus, providerID string) (bool, error) {
	res, err := db.ExecContext(ctx, `UPDATE messages SET status = ?,
		provider_id = CASE WHEN ? = '' THEN provider_id ELSE ? END
		WHERE id = ? AND `+rankSQL+` < ?`, string(st), providerID, providerID, id, statusRank(st))
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return true, nil
	}
	var one int
	err = db.QueryRowContext(ctx, "SELECT 1 FROM messages WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("message %s: %w", id, agent.ErrNotFound)
	}
	return false, err
}

// ReviseOutbound rewrites a streaming reply; see agent.Store.
func (s *Store) ReviseOutbound(ctx context.Context, m agent.Message) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	guard, err := rowcodec.Guard(m.Guard)
	if err != nil {
		return fmt.Errorf("sqlite: revise outbound: %w", err)
	}
	var status string
	err = s.db.QueryRowContext(ctx, `UPDATE messages SET
		text = CASE WHEN status = 'sending' THEN ? ELSE text END,
		guard = CASE WHEN status = 'sending' THEN ? ELSE guard END,
		template_version = CASE WHEN status = 'sending' THEN ? ELSE template_version END,
		model = CASE WHEN status = 'sending' THEN ? ELSE model END
		WHERE id = ? AND direction = 'out' RETURNING status`,
		m.Text, jsonText(guard), m.TemplateVersion, m.Model, m.ID).Scan(&status)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("sqlite: revise outbound: message %s: %w", m.ID, agent.ErrNotFound)
	case err != nil:
		return fmt.Errorf("sqlite: revise outbound: %w", err)
	case status != string(agent.StatusSending):
		return fmt.Errorf("sqlite: revise outbound: message %s is %s: %w", m.ID, status, agent.ErrConflict)
	}
	return nil
}

// SetInterrupted records where a caller cut a spoken reply.
func (s *Store) SetInterrupted(ctx context.Context, messageID string, in agent.Interrupt) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	in.At = orNow(in.At)
	b, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("sqlite: set interrupted: %w", err)
	}
	res, err := s.db.ExecContext(ctx, "UPDATE messages SET interrupted = ? WHERE id = ?", string(b), messageID)
	if err != nil {
		return fmt.Errorf("sqlite: set interrupted: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("sqlite: set interrupted: message %s: %w", messageID, agent.ErrNotFound)
	}
	return nil
}

var _ agent.StreamCloser = (*Store)(nil)

// closeStreamsSQL names its index: without table statistics SQLite would
// rather search the (channel, channel_message_id) index, every voice
// message, than the few replies still streaming.
const closeStreamsSQL = `UPDATE messages INDEXED BY messages_streaming SET status = ?
	WHERE direction = 'out' AND channel = 'voice' AND status = 'sending' AND created_at < ?
	AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = messages.id)
	RETURNING id`

// CloseStaleStreams marks undelivered the spoken replies created before
// before that are still sending and have no outbox row
// (agent.StreamCloser). The condition repeats messages_streaming's.
func (s *Store) CloseStaleStreams(ctx context.Context, before time.Time) (_ []string, werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	var ids []string
	err := s.update(ctx, func(tx *wtx) error {
		rows, err := tx.QueryContext(ctx, closeStreamsSQL, string(agent.StatusUndelivered), before.UnixMicro())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: close stale streams: %w", err)
	}
	return ids, nil
}

// PendingInbound lists inbound messages still received, oldest first.
func (s *Store) PendingInbound(ctx context.Context, limit int) ([]agent.Message, error) {
	ms, err := queryAll(ctx, s.rdb, scanMessage, "SELECT "+messageCols+
		" FROM messages WHERE direction = 'in' AND status = ? ORDER BY created_at, rowid LIMIT ?",
		string(agent.StatusReceived), limitOrAll(limit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: pending inbound: %w", err)
	}
	return ms, nil
}
