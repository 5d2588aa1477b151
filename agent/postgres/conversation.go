package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/parley-collections/parley/agent"
)

const conversationCols = `c.id, c.account_id, c.channel, c.address, c.state, c.owner, c.verified, c.locale,
	c.memory, c.created_at, c.updated_at, c.last_message_at`

func scanConversation(sc scanner, extra ...any) (agent.Conversation, error) {
	var (
		c                      agent.Conversation
		memory                 []byte
		created, updated, last pgtype.Timestamptz
	)
	dest := append([]any{&c.ID, &c.AccountID, &c.Channel, &c.Address, &c.State, &c.Owner, &c.Verified, &c.Locale,
		&memory, &created, &updated, &last}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return c, err
	}
	if len(memory) > 0 {
		c.Memory = memory
	}
	c.CreatedAt, c.UpdatedAt, c.LastMessageAt = fromTS(created), fromTS(updated), fromTS(last)
	return c, nil
}

// CreateConversation stores a new conversation, filling ID, owner (the AI),
// state (open) and times when empty. An unknown account is agent.ErrNotFound.
func (s *Store) CreateConversation(ctx context.Context, c *agent.Conversation) error {
	q, args := conversationInsert(c)
	_, err := s.pool.Exec(ctx, q, args...)
	return createConversationErr(err, c)
}

// conversationInsert fills what CreateConversation fills in c and returns
// the statement that stores it.
func conversationInsert(c *agent.Conversation) (string, []any) {
	c.FillNew()
	return `INSERT INTO conversations (id, account_id, channel, address, state, owner,
		verified, locale, memory, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		[]any{c.ID, c.AccountID, string(c.Channel), c.Address, string(c.State), c.Owner, c.Verified, c.Locale,
			jsonb(c.Memory), c.CreatedAt, c.UpdatedAt}
}

// createConversationErr maps storing c's error to the store's errors.
func createConversationErr(err error, c *agent.Conversation) error {
	switch {
	case pgCode(err) == codeForeignKey:
		return fmt.Errorf("postgres: create conversation: account %s: %w", c.AccountID, agent.ErrNotFound)
	case pgCode(err) == codeUnique:
		return fmt.Errorf("postgres: create conversation %s: %w", c.ID, agent.ErrConflict)
	case err != nil:
		return fmt.Errorf("postgres: create conversation: %w", err)
	}
	return nil
}

// Conversation returns one conversation, or agent.ErrNotFound.
func (s *Store) Conversation(ctx context.Context, id string) (agent.Conversation, error) {
	c, err := scanConversation(s.pool.QueryRow(ctx, "SELECT "+conversationCols+" FROM conversations c WHERE c.id = $1", id))
	return c, found(err, "conversation %s", id)
}

// OpenConversation returns the newest conversation of an account on a
// channel that is not closed, or agent.ErrNotFound.
func (s *Store) OpenConversation(ctx context.Context, accountID string, ch agent.Channel) (agent.Conversation, error) {
	c, err := scanConversation(s.pool.QueryRow(ctx, "SELECT "+conversationCols+
		` FROM conversations c WHERE c.account_id = $1 AND c.channel = $2 AND c.state <> $3
		ORDER BY c.created_at DESC, c.row_order DESC LIMIT 1`, accountID, string(ch), string(agent.StateClosed)))
	return c, found(err, "open conversation")
}

// UpdateConversation writes state, verified, locale, memory and address,
// and stamps the update time. It never changes the owner.
func (s *Store) UpdateConversation(ctx context.Context, c agent.Conversation) error {
	tag, err := s.pool.Exec(ctx, updateConversationSQL, updateConversationArgs(c)...)
	if err != nil {
		return fmt.Errorf("postgres: update conversation: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: update conversation %s: %w", c.ID, agent.ErrNotFound)
	}
	return nil
}

const updateConversationSQL = `UPDATE conversations SET state = $1, verified = $2, locale = $3, memory = $4,
	address = $5, updated_at = $6 WHERE id = $7`

func updateConversationArgs(c agent.Conversation) []any {
	return []any{string(c.State), c.Verified, c.Locale, jsonb(c.Memory), c.Address, orNow(time.Time{}), c.ID}
}

// SetOwner changes the owner from `from` to `to` atomically; an empty owner
// means the AI.
func (s *Store) SetOwner(ctx context.Context, conversationID, from, to string) error {
	from, to = ownerOrAI(from), ownerOrAI(to)
	tag, err := s.pool.Exec(ctx, "UPDATE conversations SET owner = $1, updated_at = $2 WHERE id = $3 AND owner = $4",
		to, orNow(time.Time{}), conversationID, from)
	if err != nil {
		return fmt.Errorf("postgres: set owner: %w", err)
	}
	if tag.RowsAffected() == 1 {
		return nil
	}
	if _, err := s.Conversation(ctx, conversationID); err != nil {
		return fmt.Errorf("postgres: set owner: %w", err)
	}
	return fmt.Errorf("postgres: set owner %s: owner is not %s: %w", conversationID, from, agent.ErrNotOwner)
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
	add := func(col string, v string) {
		if v != "" {
			args = append(args, v)
			where = append(where, fmt.Sprintf("%s = $%d", col, len(args)))
		}
	}
	add("c.state", string(f.State))
	add("c.channel", string(f.Channel))
	add("c.account_id", f.AccountID)
	add("c.owner", f.Owner)
	q := "SELECT " + conversationCols + `, coalesce(a.name, ''),
		coalesce((SELECT m.text FROM messages m WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1), ''),
		(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.status = 'blocked')
		FROM conversations c LEFT JOIN accounts a ON a.id = c.account_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit)
	q += fmt.Sprintf(" ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.row_order DESC LIMIT $%d", len(args))
	out, err := queryAll(ctx, s.pool, func(sc scanner) (agent.ConversationSummary, error) {
		var (
			sum     agent.ConversationSummary
			blocked int64
		)
		c, err := scanConversation(sc, &sum.BorrowerName, &sum.LastMessage, &blocked)
		sum.Conversation = c
		sum.BlockedDrafts = int(blocked)
		sum.HandoffPending = c.State == agent.StateHandoff
		return sum, err
	}, q, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: conversations: %w", err)
	}
	return out, nil
}

// transferSQL changes the owner and stores the event in one statement, one
// round trip: the conversation's row is locked, changed only when its
// owner is $2, and the event is inserted only when it was. The result is
// the conversation after the change (or as it is) and the event's id,
// null when nothing changed.
var transferSQL = `WITH cur AS (SELECT id, owner FROM conversations WHERE id = $1 FOR UPDATE),
	u AS (UPDATE conversations c SET owner = $3, updated_at = now(),
		state = CASE WHEN $4::boolean AND c.state = '` + string(agent.StateHandoff) + `'
			THEN (CASE WHEN c.verified THEN '` + string(agent.StateVerified) + `' ELSE '` + string(agent.StateOpen) + `' END)
			ELSE c.state END
		FROM cur WHERE c.id = cur.id AND cur.owner = $2 RETURNING c.*),
	ev AS (INSERT INTO events (conversation_id, account_id, kind, actor, data, at)
		SELECT u.id, u.account_id, $5, $6, $7, $8 FROM u RETURNING id)
	SELECT ` + conversationCols + `, (SELECT id FROM ev) FROM u c
	UNION ALL
	SELECT ` + conversationCols + `, NULL FROM conversations c WHERE c.id = $1 AND NOT EXISTS (SELECT 1 FROM u)`

// Transfer changes the owner and stores its event in one transaction
// and one round trip (agent.Store).
func (s *Store) Transfer(ctx context.Context, t agent.OwnerTransfer) (agent.Conversation, agent.Event, error) {
	e := t.Event
	args, err := eventArgs(&e)
	if err != nil {
		return agent.Conversation{}, agent.Event{}, fmt.Errorf("postgres: transfer: %w", err)
	}
	var id *int64
	c, err := scanConversation(s.pool.QueryRow(ctx, transferSQL, t.ConversationID, ownerOrAI(t.From), ownerOrAI(t.To),
		t.Reopen, args[2], args[3], args[4], args[5]), &id)
	if err != nil {
		return c, agent.Event{}, fmt.Errorf("postgres: transfer: %w", found(err, "conversation %s", t.ConversationID))
	}
	if id == nil {
		return c, agent.Event{}, fmt.Errorf("postgres: transfer %s: owner is not %s: %w", t.ConversationID, ownerOrAI(t.From), agent.ErrNotOwner)
	}
	e.ID, e.ConversationID, e.AccountID = *id, c.ID, c.AccountID
	return c, e, nil
}
