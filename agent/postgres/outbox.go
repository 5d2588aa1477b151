package postgres

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/parley-collections/parley/agent"
)

const outboxCols = `id, message_id, conversation_id, account_id, channel, to_addr, body, status, attempts, next_attempt_at,
	claimed_by, lease_until, last_error, provider_id, created_at, updated_at`

func scanOutbox(sc scanner) (agent.OutboxItem, error) {
	var (
		o                             agent.OutboxItem
		next, lease, created, updated pgtype.Timestamptz
	)
	if err := sc.Scan(&o.ID, &o.MessageID, &o.ConversationID, &o.AccountID, &o.Channel, &o.To, &o.Body, &o.Status, &o.Attempts,
		&next, &o.ClaimedBy, &lease, &o.LastError, &o.ProviderID, &created, &updated); err != nil {
		return o, err
	}
	o.NextAttemptAt, o.LeaseUntil = fromTS(next), fromTS(lease)
	o.CreatedAt, o.UpdatedAt = fromTS(created), fromTS(updated)
	return o, nil
}

// ClaimOutbox leases up to limit due rows to worker until now+lease; each
// claim counts one attempt. Rows another worker is claiming at the same
// moment are skipped, not waited for.
func (s *Store) ClaimOutbox(ctx context.Context, worker string, now time.Time, lease time.Duration, limit int) ([]agent.OutboxItem, error) {
	if limit <= 0 {
		return nil, nil
	}
	items, err := queryAll(ctx, s.pool, scanOutbox, `WITH due AS (
			SELECT id FROM outbox
			WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1)
			ORDER BY next_attempt_at, id LIMIT $2
			FOR UPDATE SKIP LOCKED)
		UPDATE outbox o SET status = 'sending', claimed_by = $3, lease_until = $4, attempts = o.attempts + 1, updated_at = $1
		FROM due WHERE o.id = due.id
		RETURNING `+prefixed("o.", outboxCols), ts(now), limit, worker, ts(now.Add(lease)))
	if err != nil {
		return nil, fmt.Errorf("postgres: claim outbox: %w", err)
	}
	sortOutbox(items)
	return items, nil
}

// finishOutbox moves a row this worker holds out of sending, and its message
// to msgStatus when that is a forward move, in one transaction.
func (s *Store) finishOutbox(ctx context.Context, op string, id int64, worker string, set string, args []any, msgStatus agent.MessageStatus, providerID string) error {
	// One statement, so one round trip and one implicit transaction: the
	// row's move, its message's forward move, and whether the row exists
	// (from the statement's snapshot, for telling a lost lease from a
	// missing row).
	n := len(args)
	args = append(args, orNow(time.Time{}), id, worker)
	q := "WITH o AS (UPDATE outbox SET " + set + fmt.Sprintf(`, claimed_by = '', lease_until = NULL, updated_at = $%d
		WHERE id = $%d AND status = 'sending' AND claimed_by = $%d RETURNING message_id)`, n+1, n+2, n+3)
	if msgStatus != "" {
		args = append(args, string(msgStatus), providerID, statusRank(msgStatus))
		q += fmt.Sprintf(`, m AS (UPDATE messages SET status = $%d,
			provider_id = CASE WHEN $%d = '' THEN provider_id ELSE $%d END
			WHERE id = (SELECT message_id FROM o) AND `+rankSQL+` < $%d)`, n+4, n+5, n+5, n+6)
	}
	q += fmt.Sprintf(" SELECT EXISTS (SELECT 1 FROM o), EXISTS (SELECT 1 FROM outbox WHERE id = $%d)", n+2)
	var moved, exists bool
	if err := s.pool.QueryRow(ctx, q, args...).Scan(&moved, &exists); err != nil {
		return fmt.Errorf("postgres: %s: %w", op, err)
	}
	switch {
	case moved:
		return nil
	case !exists:
		return fmt.Errorf("postgres: %s: row %d: %w", op, id, agent.ErrNotFound)
	default:
		return fmt.Errorf("postgres: %s: row %d: not held by %s: %w", op, id, worker, agent.ErrConflict)
	}
}

// CompleteOutbox marks a row the worker holds sent, and its message sent
// with the provider id. A row the worker no longer holds is agent.ErrConflict.
func (s *Store) CompleteOutbox(ctx context.Context, id int64, worker, providerID string) error {
	return s.finishOutbox(ctx, "complete outbox", id, worker, "status = 'sent', provider_id = $1",
		[]any{providerID}, agent.StatusSent, providerID)
}

// RetryOutbox returns a row the worker holds to pending, due at next.
func (s *Store) RetryOutbox(ctx context.Context, id int64, worker string, next time.Time, lastErr string) error {
	return s.finishOutbox(ctx, "retry outbox", id, worker, "status = 'pending', next_attempt_at = $1, last_error = $2",
		[]any{ts(next), lastErr}, "", "")
}

// FailOutbox dead-letters a row the worker holds and marks its message failed.
func (s *Store) FailOutbox(ctx context.Context, id int64, worker, lastErr string) error {
	return s.finishOutbox(ctx, "fail outbox", id, worker, "status = 'dead', last_error = $1",
		[]any{lastErr}, agent.StatusFailed, "")
}

// Outbox lists rows in a status, oldest first, at most limit (0 = all).
func (s *Store) Outbox(ctx context.Context, st agent.OutboxStatus, limit int) ([]agent.OutboxItem, error) {
	items, err := queryAll(ctx, s.pool, scanOutbox, "SELECT "+outboxCols+" FROM outbox WHERE status = $1 ORDER BY id LIMIT $2",
		string(st), limitOrAll(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: outbox: %w", err)
	}
	return items, nil
}

// prefixed qualifies each column of a comma-separated list with p.
func prefixed(p, cols string) string {
	fields := strings.Split(cols, ",")
	for i, f := range fields {
		fields[i] = p + strings.TrimSpace(f)
	}
	return strings.Join(fields, ", ")
}

// sortOutbox puts claimed rows in the order they fell due.
func sortOutbox(items []agent.OutboxItem) {
	sort.Slice(items, func(i, j int) bool {
		if !items[i].NextAttemptAt.Equal(items[j].NextAttemptAt) {
			return items[i].NextAttemptAt.Before(items[j].NextAttemptAt)
		}
		return items[i].ID < items[j].ID
	})
}
