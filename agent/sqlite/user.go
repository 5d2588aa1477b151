package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parley-collections/parley/agent"
)

// AddUser stores a console user, filling ID and CreatedAt when empty; a
// taken name is agent.ErrConflict.
func (s *Store) AddUser(ctx context.Context, u agent.User) (agent.User, error) {
	if u.ID == "" {
		u.ID = agent.NewID("u_")
	}
	u.CreatedAt = orNow(u.CreatedAt)
	_, err := s.db.ExecContext(ctx, "INSERT INTO users (id, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
		u.ID, u.Name, string(u.Role), u.PasswordHash, u.CreatedAt.UnixMicro())
	if isConstraint(err, "UNIQUE") {
		return u, fmt.Errorf("sqlite: add user %q: %w", u.Name, agent.ErrConflict)
	}
	if err != nil {
		return u, fmt.Errorf("sqlite: add user: %w", err)
	}
	return u, nil
}

func (s *Store) user(ctx context.Context, op, where string, arg any) (agent.User, error) {
	var (
		u  agent.User
		at sql.NullInt64
	)
	err := s.rdb.QueryRowContext(ctx, "SELECT id, name, role, password_hash, created_at FROM users WHERE "+where, arg).
		Scan(&u.ID, &u.Name, &u.Role, &u.PasswordHash, &at)
	if err != nil {
		return u, found(err, "%s", op)
	}
	u.CreatedAt = fromMicros(at)
	return u, nil
}

// UserByName returns a user, or agent.ErrNotFound.
func (s *Store) UserByName(ctx context.Context, name string) (agent.User, error) {
	return s.user(ctx, "user by name", "name = ?", name)
}

// User returns a user by id, or agent.ErrNotFound.
func (s *Store) User(ctx context.Context, id string) (agent.User, error) {
	return s.user(ctx, "user", "id = ?", id)
}

// CreateSession stores a console session.
func (s *Store) CreateSession(ctx context.Context, se agent.Session) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO sessions (token_hash, user_id, csrf, expires_at, created_at) VALUES (?, ?, ?, ?, ?)",
		se.TokenHash, se.UserID, se.CSRF, se.ExpiresAt.UnixMicro(), orNow(se.CreatedAt).UnixMicro())
	switch {
	case isConstraint(err, "FOREIGN KEY"):
		return fmt.Errorf("sqlite: create session: user %s: %w", se.UserID, agent.ErrNotFound)
	case isConstraint(err, "UNIQUE"):
		return fmt.Errorf("sqlite: create session: %w", agent.ErrConflict)
	case err != nil:
		return fmt.Errorf("sqlite: create session: %w", err)
	}
	return nil
}

// Session returns the session with that token digest that has not expired
// at now, or agent.ErrNotFound.
func (s *Store) Session(ctx context.Context, tokenHash string, now time.Time) (agent.Session, error) {
	var (
		se               agent.Session
		expires, created sql.NullInt64
	)
	err := s.rdb.QueryRowContext(ctx, `SELECT token_hash, user_id, csrf, expires_at, created_at FROM sessions
		WHERE token_hash = ? AND expires_at > ?`, tokenHash, now.UnixMicro()).
		Scan(&se.TokenHash, &se.UserID, &se.CSRF, &expires, &created)
	if err != nil {
		return se, found(err, "session")
	}
	se.ExpiresAt, se.CreatedAt = fromMicros(expires), fromMicros(created)
	return se, nil
}

// DeleteSession ends a session; ending one that does not exist is not an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE token_hash = ?", tokenHash); err != nil {
		return fmt.Errorf("sqlite: delete session: %w", err)
	}
	return nil
}
