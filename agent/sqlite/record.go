package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/internal/rowcodec"
)

// AddEvent stores an event, filling At when empty, and returns it with its ID.
func (s *Store) AddEvent(ctx context.Context, e agent.Event) (_ agent.Event, werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	if err := s.update(ctx, func(tx *wtx) error { return addEvent(ctx, tx, &e) }); err != nil {
		return e, fmt.Errorf("sqlite: add event: %w", err)
	}
	return e, nil
}

// addEvent is AddEvent on db: it fills e's ID, and At when empty.
func addEvent(ctx context.Context, db execer, e *agent.Event) error {
	e.At = orNow(e.At)
	var data []byte
	if len(e.Data) > 0 {
		b, err := json.Marshal(e.Data)
		if err != nil {
			return err
		}
		data = b
	}
	return db.QueryRowContext(ctx, `INSERT INTO events (conversation_id, account_id, kind, actor, data, at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		e.ConversationID, e.AccountID, string(e.Kind), e.Actor, jsonText(data), e.At.UnixMicro()).Scan(&e.ID)
}

// Events lists a conversation's events in the order they were added.
func (s *Store) Events(ctx context.Context, conversationID string) ([]agent.Event, error) {
	out, err := queryAll(ctx, s.rdb, scanEvent, `SELECT id, conversation_id, account_id, kind, actor, data, at
		FROM events WHERE conversation_id = ? ORDER BY id`, conversationID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	return out, nil
}

func scanEvent(sc scanner) (agent.Event, error) {
	var (
		e    agent.Event
		data sql.NullString
		at   sql.NullInt64
	)
	if err := sc.Scan(&e.ID, &e.ConversationID, &e.AccountID, &e.Kind, &e.Actor, &data, &at); err != nil {
		return e, err
	}
	e.At = fromMicros(at)
	if data.Valid {
		if err := json.Unmarshal([]byte(data.String), &e.Data); err != nil {
			return e, fmt.Errorf("decode event data: %w", err)
		}
	}
	return e, nil
}

// AddContactAttempt records an attempt to reach a borrower; a zero time is now.
func (s *Store) AddContactAttempt(ctx context.Context, c agent.ContactAttempt) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	if err := s.update(ctx, func(tx *wtx) error { return addContactAttempt(ctx, tx, c) }); err != nil {
		return fmt.Errorf("sqlite: add contact attempt: %w", err)
	}
	return nil
}

// addContactAttempt is AddContactAttempt on db.
func addContactAttempt(ctx context.Context, db execer, c agent.ContactAttempt) error {
	_, err := db.ExecContext(ctx, `INSERT INTO contact_attempts (account_id, channel, address, initiated_by, outcome,
		message_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)`, c.AccountID, string(c.Channel), c.Address, c.InitiatedBy,
		string(c.Outcome), c.MessageID, orNow(c.At).UnixMicro())
	return err
}

// ContactAttempts lists an account's attempts at or after since, in order.
func (s *Store) ContactAttempts(ctx context.Context, accountID string, since time.Time) ([]agent.ContactAttempt, error) {
	out, err := queryAll(ctx, s.rdb, scanContactAttempt, "SELECT "+rowcodec.ContactAttemptCols+
		" FROM contact_attempts WHERE account_id = ? AND at >= ? ORDER BY at, id", accountID, since.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("sqlite: contact attempts: %w", err)
	}
	return out, nil
}

func scanContactAttempt(sc scanner) (agent.ContactAttempt, error) {
	var (
		c  agent.ContactAttempt
		at sql.NullInt64
	)
	err := sc.Scan(&c.ID, &c.AccountID, &c.Channel, &c.Address, &c.InitiatedBy, &c.Outcome, &c.MessageID, &at)
	c.At = fromMicros(at)
	return c, err
}

// SetConsent records a borrower's consent state on a channel, replacing the previous one.
func (s *Store) SetConsent(ctx context.Context, c agent.Consent) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	if err := setConsent(ctx, s.db, c); err != nil {
		return fmt.Errorf("sqlite: set consent: %w", err)
	}
	return nil
}

func setConsent(ctx context.Context, db execer, c agent.Consent) error {
	_, err := db.ExecContext(ctx, `INSERT INTO consents (account_id, channel, opted_out, source, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, channel) DO UPDATE SET opted_out = excluded.opted_out,
		source = excluded.source, updated_at = excluded.updated_at`,
		c.AccountID, string(c.Channel), boolInt(c.OptedOut), c.Source, orNow(c.UpdatedAt).UnixMicro())
	return err
}

// Consents lists an account's consents by channel.
func (s *Store) Consents(ctx context.Context, accountID string) ([]agent.Consent, error) {
	out, err := readConsents(ctx, s.rdb, accountID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: consents: %w", err)
	}
	return out, nil
}

func readConsents(ctx context.Context, q querier, accountID string) ([]agent.Consent, error) {
	return queryAll(ctx, q, func(sc scanner) (agent.Consent, error) {
		var (
			c   agent.Consent
			opt int
			at  sql.NullInt64
		)
		err := sc.Scan(&c.AccountID, &c.Channel, &opt, &c.Source, &at)
		c.OptedOut, c.UpdatedAt = opt != 0, fromMicros(at)
		return c, err
	}, `SELECT account_id, channel, opted_out, source, updated_at FROM consents WHERE account_id = ? ORDER BY channel`, accountID)
}

// PutPlan inserts or replaces a plan; an empty ID and creation time are filled in.
func (s *Store) PutPlan(ctx context.Context, p agent.Plan) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	if p.ID == "" {
		p.ID = agent.NewID("p_")
	}
	if err := putPlan(ctx, s.db, p); err != nil {
		return fmt.Errorf("sqlite: put plan: %w", err)
	}
	return nil
}

func putPlan(ctx context.Context, db execer, p agent.Plan) error {
	p.CreatedAt = orNow(p.CreatedAt)
	p.Installments = append([]agent.Installment(nil), p.Installments...)
	for i := range p.Installments {
		p.Installments[i].Due = p.Installments[i].Due.UTC()
	}
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `INSERT INTO plans (id, account_id, conversation_id, status, data, created_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id,
		conversation_id = excluded.conversation_id, status = excluded.status, data = excluded.data`,
		p.ID, p.AccountID, p.ConversationID, string(p.Status), string(data), p.CreatedAt.UnixMicro())
	return err
}

// Plans lists an account's plans, oldest first.
func (s *Store) Plans(ctx context.Context, accountID string) ([]agent.Plan, error) {
	out, err := queryAll(ctx, s.rdb, func(sc scanner) (agent.Plan, error) {
		var (
			p    agent.Plan
			data string
			at   sql.NullInt64
		)
		if err := sc.Scan(&data, &at); err != nil {
			return p, err
		}
		if err := json.Unmarshal([]byte(data), &p); err != nil {
			return p, fmt.Errorf("decode plan: %w", err)
		}
		p.CreatedAt = fromMicros(at)
		return p, nil
	}, "SELECT data, created_at FROM plans WHERE account_id = ? ORDER BY created_at, rowid", accountID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: plans: %w", err)
	}
	return out, nil
}

// AddDispute records a dispute; a dispute with a known ID is replaced, so
// closing one is AddDispute with Open false.
func (s *Store) AddDispute(ctx context.Context, d agent.Dispute) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	if d.ID == "" {
		d.ID = agent.NewID("d_")
	}
	if err := addDispute(ctx, s.db, d); err != nil {
		return fmt.Errorf("sqlite: add dispute: %w", err)
	}
	return nil
}

func addDispute(ctx context.Context, db execer, d agent.Dispute) error {
	_, err := db.ExecContext(ctx, `INSERT INTO disputes (id, account_id, conversation_id, reason, open, created_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, open = excluded.open`,
		d.ID, d.AccountID, d.ConversationID, d.Reason, boolInt(d.Open), orNow(d.CreatedAt).UnixMicro())
	return err
}

// setAccountFlag sets one flag of an account's stored JSON, leaving the
// others as they are: a change, not a replacement.
func setAccountFlag(ctx context.Context, db execer, accountID string, c agent.FlagChange) error {
	if !agent.ValidFlag(c.Flag) {
		return fmt.Errorf("flag %q: %w", c.Flag, agent.ErrConflict)
	}
	res, err := db.ExecContext(ctx, "UPDATE accounts SET data = json_set(data, '$.flags.' || ?, json(?)), updated_at = ? WHERE id = ?",
		c.Flag, strconv.FormatBool(c.Value), nowUTC().UnixMicro(), accountID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("account %s: %w", accountID, agent.ErrNotFound)
	}
	return nil
}

// Disputes lists an account's disputes, oldest first.
func (s *Store) Disputes(ctx context.Context, accountID string) ([]agent.Dispute, error) {
	out, err := queryAll(ctx, s.rdb, func(sc scanner) (agent.Dispute, error) {
		var (
			d    agent.Dispute
			open int
			at   sql.NullInt64
		)
		err := sc.Scan(&d.ID, &d.AccountID, &d.ConversationID, &d.Reason, &open, &at)
		d.Open, d.CreatedAt = open != 0, fromMicros(at)
		return d, err
	}, `SELECT id, account_id, conversation_id, reason, open, created_at
		FROM disputes WHERE account_id = ? ORDER BY created_at, rowid`, accountID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: disputes: %w", err)
	}
	return out, nil
}
