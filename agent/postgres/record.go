package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/internal/rowcodec"
)

// AddEvent stores an event, filling At when empty, and returns it with its ID.
func (s *Store) AddEvent(ctx context.Context, e agent.Event) (agent.Event, error) {
	args, err := eventArgs(&e)
	if err != nil {
		return e, fmt.Errorf("postgres: add event: %w", err)
	}
	if err := s.pool.QueryRow(ctx, insertEventSQL, args...).Scan(&e.ID); err != nil {
		return e, fmt.Errorf("postgres: add event: %w", err)
	}
	return e, nil
}

const insertEventSQL = `INSERT INTO events (conversation_id, account_id, kind, actor, data, at)
	VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`

// eventArgs fills e.At when empty and returns insertEventSQL's arguments.
func eventArgs(e *agent.Event) ([]any, error) {
	e.At = orNow(e.At)
	var data []byte
	if len(e.Data) > 0 {
		b, err := json.Marshal(e.Data)
		if err != nil {
			return nil, err
		}
		data = b
	}
	return []any{e.ConversationID, e.AccountID, string(e.Kind), e.Actor, jsonb(data), e.At}, nil
}

// Events lists a conversation's events in the order they were added.
func (s *Store) Events(ctx context.Context, conversationID string) ([]agent.Event, error) {
	out, err := queryAll(ctx, s.pool, scanEvent, `SELECT id, conversation_id, account_id, kind, actor, data, at
		FROM events WHERE conversation_id = $1 ORDER BY id`, conversationID)
	if err != nil {
		return nil, fmt.Errorf("postgres: events: %w", err)
	}
	return out, nil
}

func scanEvent(sc scanner) (agent.Event, error) {
	var (
		e    agent.Event
		data []byte
		at   pgtype.Timestamptz
	)
	if err := sc.Scan(&e.ID, &e.ConversationID, &e.AccountID, &e.Kind, &e.Actor, &data, &at); err != nil {
		return e, err
	}
	e.At = fromTS(at)
	if len(data) > 0 {
		if err := json.Unmarshal(data, &e.Data); err != nil {
			return e, fmt.Errorf("decode event data: %w", err)
		}
	}
	return e, nil
}

// AddContactAttempt records an attempt to reach a borrower; a zero time is now.
func (s *Store) AddContactAttempt(ctx context.Context, c agent.ContactAttempt) error {
	_, err := s.pool.Exec(ctx, insertContactAttemptSQL, contactAttemptArgs(c)...)
	if err != nil {
		return fmt.Errorf("postgres: add contact attempt: %w", err)
	}
	return nil
}

const insertContactAttemptSQL = `INSERT INTO contact_attempts (account_id, channel, address, initiated_by, outcome,
	message_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`

func contactAttemptArgs(c agent.ContactAttempt) []any {
	return []any{c.AccountID, string(c.Channel), c.Address, c.InitiatedBy, string(c.Outcome), c.MessageID, orNow(c.At)}
}

// ContactAttempts lists an account's attempts at or after since, in order.
func (s *Store) ContactAttempts(ctx context.Context, accountID string, since time.Time) ([]agent.ContactAttempt, error) {
	out, err := queryAll(ctx, s.pool, scanContactAttempt, `SELECT `+rowcodec.ContactAttemptCols+`
		FROM contact_attempts WHERE account_id = $1 AND at >= $2 ORDER BY at, id`, accountID, since.UTC())
	if err != nil {
		return nil, fmt.Errorf("postgres: contact attempts: %w", err)
	}
	return out, nil
}

// SetConsent records a borrower's consent state on a channel, replacing the previous one.
func (s *Store) SetConsent(ctx context.Context, c agent.Consent) error {
	_, err := s.pool.Exec(ctx, setConsentSQL, consentArgs(c)...)
	if err != nil {
		return fmt.Errorf("postgres: set consent: %w", err)
	}
	return nil
}

const setConsentSQL = `INSERT INTO consents (account_id, channel, opted_out, source, updated_at)
	VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id, channel) DO UPDATE SET opted_out = excluded.opted_out,
	source = excluded.source, updated_at = excluded.updated_at`

func consentArgs(c agent.Consent) []any {
	return []any{c.AccountID, string(c.Channel), c.OptedOut, c.Source, orNow(c.UpdatedAt)}
}

// Consents lists an account's consents by channel.
func (s *Store) Consents(ctx context.Context, accountID string) ([]agent.Consent, error) {
	out, err := queryAll(ctx, s.pool, scanConsent, `SELECT `+consentCols+` FROM consents WHERE account_id = $1
		ORDER BY channel COLLATE "C"`, accountID)
	if err != nil {
		return nil, fmt.Errorf("postgres: consents: %w", err)
	}
	return out, nil
}

// PutPlan inserts or replaces a plan; an empty ID and creation time are filled in.
func (s *Store) PutPlan(ctx context.Context, p agent.Plan) error {
	if p.ID == "" {
		p.ID = agent.NewID("p_")
	}
	args, err := planArgs(p)
	if err != nil {
		return fmt.Errorf("postgres: put plan: %w", err)
	}
	if _, err = s.pool.Exec(ctx, putPlanSQL, args...); err != nil {
		return fmt.Errorf("postgres: put plan: %w", err)
	}
	return nil
}

const putPlanSQL = `INSERT INTO plans (id, account_id, conversation_id, status, data, created_at)
	VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id,
	conversation_id = excluded.conversation_id, status = excluded.status, data = excluded.data`

// planArgs fills p's creation time when empty and returns putPlanSQL's arguments.
func planArgs(p agent.Plan) ([]any, error) {
	p.CreatedAt = orNow(p.CreatedAt)
	p.Installments = append([]agent.Installment(nil), p.Installments...)
	for i := range p.Installments {
		p.Installments[i].Due = p.Installments[i].Due.UTC()
	}
	data, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	return []any{p.ID, p.AccountID, p.ConversationID, string(p.Status), string(data), p.CreatedAt}, nil
}

// Plans lists an account's plans, oldest first.
func (s *Store) Plans(ctx context.Context, accountID string) ([]agent.Plan, error) {
	out, err := queryAll(ctx, s.pool, func(sc scanner) (agent.Plan, error) {
		var (
			p    agent.Plan
			data []byte
			at   pgtype.Timestamptz
		)
		if err := sc.Scan(&data, &at); err != nil {
			return p, err
		}
		if err := json.Unmarshal(data, &p); err != nil {
			return p, fmt.Errorf("decode plan: %w", err)
		}
		p.CreatedAt = fromTS(at)
		return p, nil
	}, "SELECT data, created_at FROM plans WHERE account_id = $1 ORDER BY created_at, row_order", accountID)
	if err != nil {
		return nil, fmt.Errorf("postgres: plans: %w", err)
	}
	return out, nil
}

// AddDispute records a dispute; a dispute with a known ID is replaced, so
// closing one is AddDispute with Open false.
func (s *Store) AddDispute(ctx context.Context, d agent.Dispute) error {
	if d.ID == "" {
		d.ID = agent.NewID("d_")
	}
	_, err := s.pool.Exec(ctx, addDisputeSQL, disputeArgs(d)...)
	if err != nil {
		return fmt.Errorf("postgres: add dispute: %w", err)
	}
	return nil
}

const addDisputeSQL = `INSERT INTO disputes (id, account_id, conversation_id, reason, open, created_at)
	VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, open = excluded.open`

func disputeArgs(d agent.Dispute) []any {
	return []any{d.ID, d.AccountID, d.ConversationID, d.Reason, d.Open, orNow(d.CreatedAt)}
}

// setAccountFlagSQL sets one flag in an account's stored JSON, leaving the
// others as they are (a change, not a replacement), and requires the account.
const setAccountFlagSQL = `WITH u AS (UPDATE accounts SET data = jsonb_set(data, ARRAY['flags', $1::text], to_jsonb($2::boolean)),
	updated_at = now() WHERE id = $3 RETURNING 1)
	SELECT parley_require(EXISTS (SELECT 1 FROM u), 'account ' || $3)`

// Disputes lists an account's disputes, oldest first.
func (s *Store) Disputes(ctx context.Context, accountID string) ([]agent.Dispute, error) {
	out, err := queryAll(ctx, s.pool, func(sc scanner) (agent.Dispute, error) {
		var (
			d  agent.Dispute
			at pgtype.Timestamptz
		)
		err := sc.Scan(&d.ID, &d.AccountID, &d.ConversationID, &d.Reason, &d.Open, &at)
		d.CreatedAt = fromTS(at)
		return d, err
	}, `SELECT id, account_id, conversation_id, reason, open, created_at
		FROM disputes WHERE account_id = $1 ORDER BY created_at, row_order`, accountID)
	if err != nil {
		return nil, fmt.Errorf("postgres: disputes: %w", err)
	}
	return out, nil
}

func scanContactAttempt(sc scanner) (agent.ContactAttempt, error) {
	var (
		c  agent.ContactAttempt
		at pgtype.Timestamptz
	)
	err := sc.Scan(&c.ID, &c.AccountID, &c.Channel, &c.Address, &c.InitiatedBy, &c.Outcome, &c.MessageID, &at)
	c.At = fromTS(at)
	return c, err
}

const consentCols = "account_id, channel, opted_out, source, updated_at"

func scanConsent(sc scanner) (agent.Consent, error) {
	var (
		c  agent.Consent
		at pgtype.Timestamptz
	)
	err := sc.Scan(&c.AccountID, &c.Channel, &c.OptedOut, &c.Source, &at)
	c.UpdatedAt = fromTS(at)
	return c, err
}
