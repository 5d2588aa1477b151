package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/parley-collections/parley/agent"
)

// AddUser stores a console user, filling ID and CreatedAt when empty; a
// taken name is agent.ErrConflict.
func (s *Store) AddUser(ctx context.Context, u agent.User) (agent.User, error) {
	if u.ID == "" {
		u.ID = agent.NewID("u_")
	}
	u.CreatedAt = orNow(u.CreatedAt)
	_, err := s.pool.Exec(ctx, "INSERT INTO users (id, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
		u.ID, u.Name, string(u.Role), u.PasswordHash, u.CreatedAt)
	if pgCode(err) == codeUnique {
		return u, fmt.Errorf("postgres: add user %q: %w", u.Name, agent.ErrConflict)
	}
	if err != nil {
		return u, fmt.Errorf("postgres: add user: %w", err)
	}
	return u, nil
}

func (s *Store) user(ctx context.Context, op, where string, arg any) (agent.User, error) {
	var (
		u  agent.User
		at pgtype.Timestamptz
	)
	err := s.pool.QueryRow(ctx, "SELECT id, name, role, password_hash, created_at FROM users WHERE "+where, arg).
		Scan(&u.ID, &u.Name, &u.Role, &u.PasswordHash, &at)
	u.CreatedAt = fromTS(at)
	return u, found(err, "%s", op)
}

// UserByName returns a user, or agent.ErrNotFound.
func (s *Store) UserByName(ctx context.Context, name string) (agent.User, error) {
	return s.user(ctx, "user by name", "name = $1", name)
}

// User returns a user by id, or agent.ErrNotFound.
func (s *Store) User(ctx context.Context, id string) (agent.User, error) {
	return s.user(ctx, "user", "id = $1", id)
}

// CreateSession stores a console session.
func (s *Store) CreateSession(ctx context.Context, se agent.Session) error {
	_, err := s.pool.Exec(ctx, "INSERT INTO sessions (token_hash, user_id, csrf, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)",
		se.TokenHash, se.UserID, se.CSRF, ts(se.ExpiresAt), orNow(se.CreatedAt))
	switch {
	case pgCode(err) == codeForeignKey:
		return fmt.Errorf("postgres: create session: user %s: %w", se.UserID, agent.ErrNotFound)
	case pgCode(err) == codeUnique:
		return fmt.Errorf("postgres: create session: %w", agent.ErrConflict)
	case err != nil:
		return fmt.Errorf("postgres: create session: %w", err)
	}
	return nil
}

// Session returns the session with that token digest that has not expired
// at now, or agent.ErrNotFound.
func (s *Store) Session(ctx context.Context, tokenHash string, now time.Time) (agent.Session, error) {
	var (
		se               agent.Session
		expires, created pgtype.Timestamptz
	)
	err := s.pool.QueryRow(ctx, `SELECT token_hash, user_id, csrf, expires_at, created_at FROM sessions
		WHERE token_hash = $1 AND expires_at > $2`, tokenHash, now.UTC()).
		Scan(&se.TokenHash, &se.UserID, &se.CSRF, &expires, &created)
	se.ExpiresAt, se.CreatedAt = fromTS(expires), fromTS(created)
	return se, found(err, "session")
}

// DeleteSession ends a session; ending one that does not exist is not an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.pool.Exec(ctx, "DELETE FROM sessions WHERE token_hash = $1", tokenHash); err != nil {
		return fmt.Errorf("postgres: delete session: %w", err)
	}
	return nil
}
