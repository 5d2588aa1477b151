package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/parley-collections/parley/agent"
)

const outboxCols = `id, message_id, conversation_id, account_id, channel, to_addr, body, status, attempts, next_attempt_at,
	claimed_by, lease_until, last_error, provider_id, created_at, updated_at`

func scanOutbox(sc scanner) (agent.OutboxItem, error) {
	var (
		o                             agent.OutboxItem
		next, lease, created, updated sql.NullInt64
	)
	if err := sc.Scan(&o.ID, &o.MessageID, &o.ConversationID, &o.AccountID, &o.Channel, &o.To, &o.Body, &o.Status, &o.Attempts,
		&next, &o.ClaimedBy, &lease, &o.LastError, &o.ProviderID, &created, &updated); err != nil {
		return o, err
	}
	o.NextAttemptAt, o.LeaseUntil = fromMicros(next), fromMicros(lease)
	o.CreatedAt, o.UpdatedAt = fromMicros(created), fromMicros(updated)
	return o, nil
}

// insertOutbox adds the pending row that sends m, due at item.NextAttemptAt,
// else m.SendAt, else now, and fills item with what was stored.
func insertOutbox(ctx context.Context, tx execer, m agent.Message, item *agent.OutboxItem) error {
	item.Enqueue(m)
	return tx.QueryRowContext(ctx, `INSERT INTO outbox (message_id, conversation_id, account_id, channel, to_addr, body,
		status, attempts, next_attempt_at, created_at, updated_at)
		VALUES (?, ?, (SELECT account_id FROM conversations WHERE id = ?), ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id, account_id`,
		item.MessageID, item.ConversationID, item.ConversationID, string(item.Channel), item.To, item.Body, string(item.Status),
		item.NextAttemptAt.UnixMicro(), item.CreatedAt.UnixMicro(), item.UpdatedAt.UnixMicro()).Scan(&item.ID, &item.AccountID)
}

// ClaimOutbox leases up to limit due rows to worker until now+lease; each
// claim counts one attempt.
func (s *Store) ClaimOutbox(ctx context.Context, worker string, now time.Time, lease time.Duration, limit int) (_ []agent.OutboxItem, werr error) {
	if limit <= 0 {
		return nil, nil
	}
	n := now.UnixMicro()
	wctx, done := s.write(ctx)
	var items []agent.OutboxItem
	err := s.update(wctx, func(tx *wtx) (err error) {
		items, err = queryAll(wctx, tx, scanOutbox, `UPDATE outbox SET status = 'sending', claimed_by = ?, lease_until = ?,
		attempts = attempts + 1, updated_at = ?
		WHERE id IN (SELECT id FROM outbox
			WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)
			ORDER BY next_attempt_at, id LIMIT ?)
		RETURNING `+outboxCols, worker, now.Add(lease).UnixMicro(), n, n, n, limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: claim outbox: %w", err)
	}
	if len(items) > 0 {
		// A claim counts an attempt, and a send follows: flush it first.
		defer done(&werr)
	}
	sort.Slice(items, func(i, j int) bool {
		if !items[i].NextAttemptAt.Equal(items[j].NextAttemptAt) {
			return items[i].NextAttemptAt.Before(items[j].NextAttemptAt)
		}
		return items[i].ID < items[j].ID
	})
	return items, nil
}

// finishOutbox moves a row this worker holds out of sending, and its message
// to msgStatus when that is a forward move, in one transaction.
func (s *Store) finishOutbox(ctx context.Context, op string, id int64, worker string, set string, args []any, msgStatus agent.MessageStatus, providerID string) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: %s: %w", op, err)
	}
	defer tx.Rollback()
	var msgID string
	args = append(append(args, nowUTC().UnixMicro()), id, worker)
	err = tx.QueryRowContext(ctx, "UPDATE outbox SET "+set+`, claimed_by = '', lease_until = NULL, updated_at = ?
		WHERE id = ? AND status = 'sending' AND claimed_by = ? RETURNING message_id`, args...).Scan(&msgID)
	if errors.Is(err, sql.ErrNoRows) {
		var one int
		if err := tx.QueryRowContext(ctx, "SELECT 1 FROM outbox WHERE id = ?", id).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("sqlite: %s %d: %w", op, id, agent.ErrNotFound)
		}
		return fmt.Errorf("sqlite: %s %d: not held by %s: %w", op, id, worker, agent.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("sqlite: %s: %w", op, err)
	}
	if msgStatus != "" {
		if _, err := setMessageStatus(ctx, tx, msgID, msgStatus, providerID); err != nil {
			return fmt.Errorf("sqlite: %s: %w", op, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: %s: %w", op, err)
	}
	return nil
}

// CompleteOutbox marks a row the worker holds sent, and its message sent
// with the provider id. A row the worker no longer holds is agent.ErrConflict.
func (s *Store) CompleteOutbox(ctx context.Context, id int64, worker, providerID string) error {
	return s.finishOutbox(ctx, "complete outbox", id, worker, "status = 'sent', provider_id = ?",
		[]any{providerID}, agent.StatusSent, providerID)
}

// RetryOutbox returns a row the worker holds to pending, due at next.
func (s *Store) RetryOutbox(ctx context.Context, id int64, worker string, next time.Time, lastErr string) error {
	return s.finishOutbox(ctx, "retry outbox", id, worker, "status = 'pending', next_attempt_at = ?, last_error = ?",
		[]any{next.UnixMicro(), lastErr}, "", "")
}

// FailOutbox dead-letters a row the worker holds and marks its message failed.
func (s *Store) FailOutbox(ctx context.Context, id int64, worker, lastErr string) error {
	return s.finishOutbox(ctx, "fail outbox", id, worker, "status = 'dead', last_error = ?",
		[]any{lastErr}, agent.StatusFailed, "")
}

// Outbox lists rows in a status, oldest first, at most limit (0 = all).
func (s *Store) Outbox(ctx context.Context, st agent.OutboxStatus, limit int) ([]agent.OutboxItem, error) {
	items, err := queryAll(ctx, s.rdb, scanOutbox, "SELECT "+outboxCols+" FROM outbox WHERE status = ? ORDER BY id LIMIT ?",
		string(st), limitOrAll(limit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: outbox: %w", err)
	}
	return items, nil
}
