package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

const messageCols = `id, conversation_id, seq, direction, author, author_name, channel, text,
	coalesce(channel_message_id, ''), reply_to, template_version, model, status, guard, send_at, provider_id, created_at`

func scanMessage(sc scanner) (agent.Message, error) {
	var (
		m               agent.Message
		guard           []byte
		sendAt, created pgtype.Timestamptz
	)
	if err := sc.Scan(&m.ID, &m.ConversationID, &m.Seq, &m.Direction, &m.Author, &m.AuthorName, &m.Channel, &m.Text,
		&m.ChannelMessageID, &m.ReplyTo, &m.TemplateVersion, &m.Model, &m.Status, &guard, &sendAt, &m.ProviderID,
		&created); err != nil {
		return m, err
	}
	if len(guard) > 0 {
		var d policies.Decision
		if err := json.Unmarshal(guard, &d); err != nil {
			return m, fmt.Errorf("decode guard decision of %s: %w", m.ID, err)
		}
		m.Guard = &d
	}
	m.SendAt, m.CreatedAt = fromTS(sendAt), fromTS(created)
	return m, nil
}

// errLostRace reports that a concurrent insert of the same message won.
var errLostRace = errors.New("a concurrent insert won")

// InsertInbound stores an inbound message idempotently on (channel, channel
// message id), also when several inserts race.
func (s *Store) InsertInbound(ctx context.Context, m agent.Message) (agent.Message, bool, error) {
	m.Direction = agent.DirectionIn
	if m.Author == "" {
		m.Author = agent.AuthorBorrower
	}
	if m.Status == "" {
		m.Status = agent.StatusReceived
	}
	var existing *agent.Message
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if m.Channel == "" {
			err := tx.QueryRow(ctx, "SELECT channel FROM conversations WHERE id = $1", m.ConversationID).Scan(&m.Channel)
			if err != nil {
				return found(err, "conversation %s", m.ConversationID)
			}
		}
		if m.ChannelMessageID != "" {
			old, err := scanMessage(tx.QueryRow(ctx, "SELECT "+messageCols+
				" FROM messages WHERE channel = $1 AND channel_message_id = $2", string(m.Channel), m.ChannelMessageID))
			if err == nil {
				existing = &old
				return nil
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return err
			}
		}
		if _, err := nextSeq(ctx, tx, &m); err != nil {
			return err
		}
		return writeMessage(ctx, tx, &m)
	})
	if errors.Is(err, errLostRace) && m.ChannelMessageID != "" {
		old, err := s.MessageByChannelID(ctx, m.Channel, m.ChannelMessageID)
		if err != nil {
			return m, false, fmt.Errorf("postgres: insert inbound: %w", err)
		}
		return old, false, nil
	}
	if err != nil {
		return m, false, fmt.Errorf("postgres: insert inbound: %w", err)
	}
	if existing != nil {
		return *existing, false, nil
	}
	return m, true, nil
}

// nextSeq takes the conversation's next sequence number, fills ID, Seq,
// Channel and CreatedAt, and returns the conversation's owner. The update
// locks the conversation row until commit: it is the locking read of the
// owner, so no takeover can slip between this read and the insert.
func nextSeq(ctx context.Context, tx pgx.Tx, m *agent.Message) (owner string, err error) {
	if m.ID == "" {
		m.ID = agent.NewID("m_")
	}
	m.CreatedAt = orNow(m.CreatedAt)
	var ch string
	err = tx.QueryRow(ctx, `UPDATE conversations SET last_seq = last_seq + 1,
		last_message_at = greatest(last_message_at, $1) WHERE id = $2 RETURNING last_seq, owner, channel`,
		m.CreatedAt, m.ConversationID).Scan(&m.Seq, &owner, &ch)
	if err != nil {
		return "", found(err, "conversation %s", m.ConversationID)
	}
	if m.Channel == "" {
		m.Channel = agent.Channel(ch)
	}
	return owner, nil
}

// writeMessage inserts m; when a concurrent insert of the same message won
// it returns errLostRace, so that the caller rolls back and reads the winner.
func writeMessage(ctx context.Context, tx pgx.Tx, m *agent.Message) error {
	var guard []byte
	if m.Guard != nil {
		b, err := json.Marshal(m.Guard)
		if err != nil {
			return fmt.Errorf("encode guard decision: %w", err)
		}
		guard = b
	}
	if !m.SendAt.IsZero() {
		m.SendAt = m.SendAt.UTC().Truncate(time.Microsecond)
	}
	tag, err := tx.Exec(ctx, `INSERT INTO messages (id, conversation_id, seq, direction, author, author_name,
		channel, text, channel_message_id, reply_to, template_version, model, status, guard, send_at, provider_id,
		created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
		ON CONFLICT DO NOTHING`,
		m.ID, m.ConversationID, m.Seq, string(m.Direction), string(m.Author), m.AuthorName, string(m.Channel), m.Text,
		nullString(m.ChannelMessageID), m.ReplyTo, m.TemplateVersion, m.Model, string(m.Status), jsonb(guard),
		ts(m.SendAt), m.ProviderID, m.CreatedAt)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return errLostRace
	}
	return nil
}

// InsertOutbound stores an outbound message and its outbox row in one
// transaction, idempotently on m.ID; see agent.Store.
func (s *Store) InsertOutbound(ctx context.Context, m agent.Message, item *agent.OutboxItem, requireAI bool) (agent.Message, error) {
	m.Direction = agent.DirectionOut
	if m.Author == "" {
		m.Author = agent.AuthorAgent
	}
	if m.Status == "" {
		m.Status = agent.StatusQueued
	}
	var (
		existing *agent.Message
		dropped  bool
	)
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if m.ID != "" {
			old, err := scanMessage(tx.QueryRow(ctx, "SELECT "+messageCols+" FROM messages WHERE id = $1", m.ID))
			if err == nil {
				existing = &old
				return nil
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return err
			}
		}
		owner, err := nextSeq(ctx, tx, &m)
		if err != nil {
			return err
		}
		dropped = requireAI && ownerOrAI(owner) != agent.OwnerAI
		if dropped {
			m.Status = agent.StatusDropped
		}
		if err := writeMessage(ctx, tx, &m); err != nil {
			return err
		}
		if item != nil && !dropped {
			if err := insertOutbox(ctx, tx, m, item); err != nil {
				return fmt.Errorf("outbox: %w", err)
			}
		}
		return nil
	})
	if errors.Is(err, errLostRace) {
		old, err := s.Message(ctx, m.ID)
		if err != nil {
			return m, fmt.Errorf("postgres: insert outbound: %w", err)
		}
		return old, nil
	}
	if err != nil {
		return m, fmt.Errorf("postgres: insert outbound: %w", err)
	}
	if existing != nil {
		return *existing, nil
	}
	if dropped {
		return m, fmt.Errorf("postgres: insert outbound: conversation %s is owned by a supervisor: %w", m.ConversationID, agent.ErrNotOwner)
	}
	return m, nil
}

// Message returns one message, or agent.ErrNotFound.
func (s *Store) Message(ctx context.Context, id string) (agent.Message, error) {
	m, err := scanMessage(s.pool.QueryRow(ctx, "SELECT "+messageCols+" FROM messages WHERE id = $1", id))
	return m, found(err, "message %s", id)
}

// MessageByChannelID finds a message by its channel message id, or agent.ErrNotFound.
func (s *Store) MessageByChannelID(ctx context.Context, ch agent.Channel, channelMessageID string) (agent.Message, error) {
	m, err := scanMessage(s.pool.QueryRow(ctx, "SELECT "+messageCols+
		" FROM messages WHERE channel = $1 AND channel_message_id = $2", string(ch), channelMessageID))
	return m, found(err, "message by channel id")
}

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
		agent.StatusUndelivered, agent.StatusFailed, agent.StatusBlocked, agent.StatusDropped} {
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

func setMessageStatus(ctx context.Context, q queryer, id string, st agent.MessageStatus, providerID string) (bool, error) {
	// One statement: the update, or else whether the message exists.
	var moved, exists bool
	err := q.QueryRow(ctx, `WITH u AS (UPDATE messages SET status = $1,
			provider_id = CASE WHEN $2 = '' THEN provider_id ELSE $2 END
			WHERE id = $3 AND `+rankSQL+` < $4 RETURNING 1)
		SELECT EXISTS (SELECT 1 FROM u), EXISTS (SELECT 1 FROM messages WHERE id = $3)`,
		string(st), providerID, id, statusRank(st)).Scan(&moved, &exists)
	if err != nil {
		return false, err
	}
	if !moved && !exists {
		return false, fmt.Errorf("message %s: %w", id, agent.ErrNotFound)
	}
	return moved, nil
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
