package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/parley-collections/parley/agent"
)

var (
	_ agent.LoginThrottle = (*Store)(nil)
	_ agent.PasswordStore = (*Store)(nil)
	_ agent.TokenSpender  = (*Store)(nil)
	_ agent.Retainer      = (*Store)(nil)
)

// RecordLoginFailure counts a failed login of key.
func (s *Store) RecordLoginFailure(ctx context.Context, key string, at, since time.Time) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, recordLoginFailureSQL+" RETURNING failures", key, orNow(at), since.UTC()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("postgres: record login failure: %w", err)
	}
	return n, nil
}

// recordLoginFailureSQL counts a failure of key ($1) at $2, starting the
// count again when its last failure is before $3.
const recordLoginFailureSQL = `INSERT INTO login_failures (key, failures, last_at) VALUES ($1, 1, $2)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN login_failures.last_at < $3 THEN 1 ELSE login_failures.failures + 1 END,
			last_at = excluded.last_at`

const clearLoginFailuresSQL = "DELETE FROM login_failures WHERE key = $1"

// queueLoginChange queues one of a turn's login changes on b.
func queueLoginChange(b *pgx.Batch, c agent.LoginChange) {
	if c.Failed {
		b.Queue(recordLoginFailureSQL, c.Key, orNow(c.At), c.Since.UTC())
		return
	}
	b.Queue(clearLoginFailuresSQL, c.Key)
}

// LoginFailures returns key's failures since since and the last one.
func (s *Store) LoginFailures(ctx context.Context, key string, since time.Time) (int, time.Time, error) {
	var n int
	var last time.Time
	err := s.pool.QueryRow(ctx, "SELECT failures, last_at FROM login_failures WHERE key = $1 AND last_at >= $2",
		key, since.UTC()).Scan(&n, &last)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("postgres: login failures: %w", err)
	}
	return n, last.UTC(), nil
}

// ClearLoginFailures forgets key's failures.
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	if _, err := s.pool.Exec(ctx, clearLoginFailuresSQL, key); err != nil {
		return fmt.Errorf("postgres: clear login failures: %w", err)
	}
	return nil
}

// SetPassword changes a user's password hash and ends their sessions.
func (s *Store) SetPassword(ctx context.Context, name, passwordHash string) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var id string
		if err := tx.QueryRow(ctx, "UPDATE users SET password_hash = $1 WHERE name = $2 RETURNING id", passwordHash, name).Scan(&id); err != nil {
			return found(err, "set password %q", name)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM sessions WHERE user_id = $1", id); err != nil {
			return fmt.Errorf("postgres: set password: %w", err)
		}
		return nil
	})
}

// SpendToken records a one-time token and reports its first use.
func (s *Store) SpendToken(ctx context.Context, token string, expires, now time.Time) (bool, error) {
	if _, err := s.pool.Exec(ctx, "DELETE FROM spent_tokens WHERE expires_at < $1", now.UTC()); err != nil {
		return false, fmt.Errorf("postgres: spend token: %w", err)
	}
	tag, err := s.pool.Exec(ctx, "INSERT INTO spent_tokens (token, expires_at) VALUES ($1, $2) ON CONFLICT (token) DO NOTHING",
		token, expires.UTC())
	if err != nil {
		return false, fmt.Errorf("postgres: spend token: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// PurgeClosed deletes conversations idle since before, at most limit of
// them (0 = all), with what was said in them.
func (s *Store) PurgeClosed(ctx context.Context, before time.Time, limit int) (int, error) {
	var n int
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		lim := any(nil)
		if limit > 0 {
			lim = limit
		}
		rows, err := tx.Query(ctx, `SELECT id FROM conversations
			WHERE coalesce(last_message_at, created_at) < $1 AND owner = $2
			ORDER BY coalesce(last_message_at, created_at) LIMIT $3 FOR UPDATE SKIP LOCKED`,
			before.UTC(), agent.OwnerAI, lim)
		if err != nil {
			return err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		n = len(ids)
		if n == 0 {
			return nil
		}
		for _, q := range []string{
			"DELETE FROM contact_attempts WHERE message_id IN (SELECT id FROM messages WHERE conversation_id = ANY($1))",
			"DELETE FROM outbox WHERE conversation_id = ANY($1)",
			"DELETE FROM events WHERE conversation_id = ANY($1)",
			"DELETE FROM messages WHERE conversation_id = ANY($1)",
			"DELETE FROM conversations WHERE id = ANY($1)",
		} {
			if _, err := tx.Exec(ctx, q, ids); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: purge: %w", err)
	}
	return n, nil
}
