package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/parley-collections/parley/agent"
)

const conversationCols = `c.id, c.account_id, c.channel, c.address, c.state, c.owner, c.verified, c.locale,
	c.memory, c.created_at, c.updated_at, c.last_message_at`

func scanConversation(sc scanner, extra ...any) (agent.Conversation, error) {
	var (
		c                      agent.Conversation
		verified               int
		memory                 sql.NullString
		created, updated, last sql.NullInt64
	)
	dest := append([]any{&c.ID, &c.AccountID, &c.Channel, &c.Address, &c.State, &c.Owner, &verified, &c.Locale,
		&memory, &created, &updated, &last}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return c, err
	}
	c.Verified = verified != 0
	if memory.Valid {
		c.Memory = []byte(memory.String)
	}
	c.CreatedAt, c.UpdatedAt, c.LastMessageAt = fromMicros(created), fromMicros(updated), fromMicros(last)
	return c, nil
}

// CreateConversation stores a new conversation, filling ID, owner (the AI),
// state (open) and times when empty. An unknown account is agent.ErrNotFound.
func (s *Store) CreateConversation(ctx context.Context, c *agent.Conversation) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	err := s.update(ctx, func(tx *wtx) error { return insertConversation(ctx, tx, c) })
	if err != nil {
		return fmt.Errorf("sqlite: create conversation: %w", err)
	}
	return nil
}

// insertConversation is CreateConversation in a transaction.
func insertConversation(ctx context.Context, tx execer, c *agent.Conversation) error {
	c.FillNew()
	_, err := tx.ExecContext(ctx, `INSERT INTO conversations (id, account_id, channel, address, state, owner,
		verified, locale, memory, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.AccountID, string(c.Channel), c.Address, string(c.State), c.Owner, boolInt(c.Verified), c.Locale,
		jsonText(c.Memory), c.CreatedAt.UnixMicro(), c.UpdatedAt.UnixMicro())
	switch {
	case isConstraint(err, "FOREIGN KEY"):
		return fmt.Errorf("account %s: %w", c.AccountID, agent.ErrNotFound)
	case isConstraint(err, "UNIQUE"):
		return fmt.Errorf("conversation %s: %w", c.ID, agent.ErrConflict)
	}
	return err
}

// Conversation returns one conversation, or agent.ErrNotFound.
func (s *Store) Conversation(ctx context.Context, id string) (agent.Conversation, error) {
	return readConversation(ctx, s.rdb, id)
}

func readConversation(ctx context.Context, q querier, id string) (agent.Conversation, error) {
	c, err := scanConversation(q.QueryRowContext(ctx, "SELECT "+conversationCols+" FROM conversations c WHERE c.id = ?", id))
	return c, found(err, "conversation %s", id)
}

// OpenConversation returns the newest conversation of an account on a
// channel that is not closed, or agent.ErrNotFound.
func (s *Store) OpenConversation(ctx context.Context, accountID string, ch agent.Channel) (agent.Conversation, error) {
	return openConversation(ctx, s.rdb, accountID, ch)
}

func openConversation(ctx context.Context, q querier, accountID string, ch agent.Channel) (agent.Conversation, error) {
	c, err := scanConversation(q.QueryRowContext(ctx, "SELECT "+conversationCols+
		` FROM conversations c WHERE c.account_id = ? AND c.channel = ? AND c.state <> ?
		ORDER BY c.created_at DESC, c.rowid DESC LIMIT 1`, accountID, string(ch), string(agent.StateClosed)))
	return c, found(err, "open conversation")
}

// UpdateConversation writes state, verified, locale, memory and address,
// and stamps the update time. It never changes the owner.
func (s *Store) UpdateConversation(ctx context.Context, c agent.Conversation) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	var owner string
	if err := s.update(ctx, func(tx *wtx) error { return updateConversation(ctx, tx, c, &owner) }); err != nil {
		return fmt.Errorf("sqlite: update conversation: %w", err)
	}
	return nil
}

// updateConversation is UpdateConversation on db; it reads the owner the
// row has after the update into owner.
func updateConversation(ctx context.Context, db execer, c agent.Conversation, owner *string) error {
	err := db.QueryRowContext(ctx, `UPDATE conversations SET state = ?, verified = ?, locale = ?, memory = ?,
		address = ?, updated_at = ? WHERE id = ? RETURNING owner`,
		string(c.State), boolInt(c.Verified), c.Locale, jsonText(c.Memory), c.Address, nowUTC().UnixMicro(), c.ID).Scan(owner)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("conversation %s: %w", c.ID, agent.ErrNotFound)
	}
	return err
}

// SetOwner changes the owner from `from` to `to` atomically; an empty owner
// means the AI.
func (s *Store) SetOwner(ctx context.Context, conversationID, from, to string) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	from, to = ownerOrAI(from), ownerOrAI(to)
	res, err := s.db.ExecContext(ctx, "UPDATE conversations SET owner = ?, updated_at = ? WHERE id = ? AND owner = ?",
		to, nowUTC().UnixMicro(), conversationID, from)
	if err != nil {
		return fmt.Errorf("sqlite: set owner: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	if _, err := s.Conversation(ctx, conversationID); err != nil {
		return fmt.Errorf("sqlite: set owner: %w", err)
	}
	return fmt.Errorf("sqlite: set owner %s: owner is not %s: %w", conversationID, from, agent.ErrNotOwner)
}

func ownerOrAI(o string) string {
	if o == "" {
		return agent.OwnerAI
	}
	return o
}

// Conversations lists conversations, newest activity (last message, else
// creation) first.
func (s *Store) Conversations(ctx context.Context, f agent.ConversationFilter) ([]agent.ConversationSummary, error) {
	var (
		where []string
		args  []any
	)
	add := func(cond string, v string) {
		if v != "" {
			where = append(where, cond)
			args = append(args, v)
		}
	}
	add("c.state = ?", string(f.State))
	add("c.channel = ?", string(f.Channel))
	add("c.account_id = ?", f.AccountID)
	add("c.owner = ?", f.Owner)
	q := "SELECT " + conversationCols + `, coalesce(a.name, ''),
		coalesce((SELECT m.text FROM messages m WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1), ''),
		(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.status = 'blocked')
		FROM conversations c LEFT JOIN accounts a ON a.id = c.account_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.rowid DESC LIMIT ?"
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit)
	out, err := queryAll(ctx, s.rdb, func(sc scanner) (agent.ConversationSummary, error) {
		var sum agent.ConversationSummary
		c, err := scanConversation(sc, &sum.BorrowerName, &sum.LastMessage, &sum.BlockedDrafts)
		sum.Conversation = c
		sum.HandoffPending = c.State == agent.StateHandoff
		return sum, err
	}, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: conversations: %w", err)
	}
	return out, nil
}

// Transfer changes the owner and stores its event in one transaction
// (agent.Store).
func (s *Store) Transfer(ctx context.Context, t agent.OwnerTransfer) (c agent.Conversation, e agent.Event, werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	from, to := ownerOrAI(t.From), ownerOrAI(t.To)
	err := s.update(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `UPDATE conversations SET owner = ?, updated_at = ?,
			state = CASE WHEN ? AND state = ? THEN (CASE WHEN verified <> 0 THEN ? ELSE ? END) ELSE state END
			WHERE id = ? AND owner = ?`,
			to, nowUTC().UnixMicro(), boolInt(t.Reopen), string(agent.StateHandoff), string(agent.StateVerified),
			string(agent.StateOpen), t.ConversationID, from)
		if err != nil {
			return err
		}
		c, err = readConversation(ctx, tx, t.ConversationID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("%s: owner is not %s: %w", t.ConversationID, from, agent.ErrNotOwner)
		}
		e = t.Event
		e.ConversationID, e.AccountID = c.ID, c.AccountID
		return addEvent(ctx, tx, &e)
	})
	if err != nil {
		return c, agent.Event{}, fmt.Errorf("sqlite: transfer: %w", err)
	}
	return c, e, nil
}
