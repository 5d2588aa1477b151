package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

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
	err := s.db.QueryRowContext(ctx, recordLoginFailureSQL+" RETURNING failures",
		key, orNow(at).UnixMicro(), since.UTC().UnixMicro()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("sqlite: record login failure: %w", err)
	}
	return n, nil
}

// recordLoginFailureSQL counts a failure of key ($1) at $2, starting the
// count again when its last failure is before $3.
const recordLoginFailureSQL = `INSERT INTO login_failures (key, failures, last_at) VALUES (?1, 1, ?2)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN login_failures.last_at < ?3 THEN 1 ELSE login_failures.failures + 1 END,
			last_at = excluded.last_at`

const clearLoginFailuresSQL = "DELETE FROM login_failures WHERE key = ?"

// changeLogin applies one of a turn's login changes in tx.
func changeLogin(ctx context.Context, tx execer, c agent.LoginChange) error {
	var err error
	if c.Failed {
		_, err = tx.ExecContext(ctx, recordLoginFailureSQL, c.Key, orNow(c.At).UnixMicro(), c.Since.UTC().UnixMicro())
	} else {
		_, err = tx.ExecContext(ctx, clearLoginFailuresSQL, c.Key)
	}
	return err
}

// LoginFailures returns key's failures since since and the last one.
func (s *Store) LoginFailures(ctx context.Context, key string, since time.Time) (int, time.Time, error) {
	var n int
	var last int64
	err := s.rdb.QueryRowContext(ctx, "SELECT failures, last_at FROM login_failures WHERE key = ? AND last_at >= ?",
		key, since.UTC().UnixMicro()).Scan(&n, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("sqlite: login failures: %w", err)
	}
	return n, time.UnixMicro(last).UTC(), nil
}

// ClearLoginFailures forgets key's failures.
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	if _, err := s.db.ExecContext(ctx, clearLoginFailuresSQL, key); err != nil {
		return fmt.Errorf("sqlite: clear login failures: %w", err)
	}
	return nil
}

// SetPassword changes a user's password hash and ends their sessions.
func (s *Store) SetPassword(ctx context.Context, name, passwordHash string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: set password: %w", err)
	}
	defer tx.Rollback()
	var id string
	if err := tx.QueryRowContext(ctx, "UPDATE users SET password_hash = ? WHERE name = ? RETURNING id", passwordHash, name).Scan(&id); err != nil {
		return found(err, "set password %q", name)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ?", id); err != nil {
		return fmt.Errorf("sqlite: set password: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: set password: %w", err)
	}
	return nil
}

// SpendToken records a one-time token and reports its first use.
func (s *Store) SpendToken(ctx context.Context, token string, expires, now time.Time) (bool, error) {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM spent_tokens WHERE expires_at < ?", now.UTC().UnixMicro()); err != nil {
		return false, fmt.Errorf("sqlite: spend token: %w", err)
	}
	res, err := s.db.ExecContext(ctx, "INSERT INTO spent_tokens (token, expires_at) VALUES (?, ?) ON CONFLICT (token) DO NOTHING",
		token, expires.UTC().UnixMicro())
	if err != nil {
		return false, fmt.Errorf("sqlite: spend token: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// PurgeClosed deletes conversations idle since before, at most limit of
// them (0 = all), with what was said in them.
func (s *Store) PurgeClosed(ctx context.Context, before time.Time, limit int) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("sqlite: purge: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS purge_ids (id TEXT PRIMARY KEY)`); err != nil {
		return 0, fmt.Errorf("sqlite: purge: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM temp.purge_ids"); err != nil {
		return 0, fmt.Errorf("sqlite: purge: %w", err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO temp.purge_ids (id)
		SELECT id FROM conversations
		WHERE coalesce(last_message_at, created_at) < ? AND owner = ?
		ORDER BY coalesce(last_message_at, created_at) LIMIT ?`,
		before.UTC().UnixMicro(), agent.OwnerAI, limitOrAll(limit))
	if err != nil {
		return 0, fmt.Errorf("sqlite: purge: %w", err)
	}
	n, _ := res.RowsAffected()
	for _, q := range []string{
		"DELETE FROM contact_attempts WHERE message_id IN (SELECT m.id FROM messages m JOIN temp.purge_ids p ON p.id = m.conversation_id)",
		"DELETE FROM outbox WHERE conversation_id IN (SELECT id FROM temp.purge_ids)",
		"DELETE FROM events WHERE conversation_id IN (SELECT id FROM temp.purge_ids)",
		"DELETE FROM messages WHERE conversation_id IN (SELECT id FROM temp.purge_ids)",
		"DELETE FROM conversations WHERE id IN (SELECT id FROM temp.purge_ids)",
		"DELETE FROM temp.purge_ids",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, fmt.Errorf("sqlite: purge: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("sqlite: purge: %w", err)
	}
	return int(n), nil
}
