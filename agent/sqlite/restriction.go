package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/parley-collections/parley/agent"
)

// AddRestriction records a contact restriction; one with a known ID is
// replaced. An empty ID and creation time are filled in.
func (s *Store) AddRestriction(ctx context.Context, r agent.Restriction) (werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	if r.ID == "" {
		r.ID = agent.NewID("r_")
	}
	if err := addRestriction(ctx, s.db, r); err != nil {
		return fmt.Errorf("sqlite: add restriction: %w", err)
	}
	return nil
}

func addRestriction(ctx context.Context, db execer, r agent.Restriction) error {
	data, err := json.Marshal(r.ContactRestriction)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `INSERT INTO restrictions (id, account_id, conversation_id, kind, data, text, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, data = excluded.data,
		text = excluded.text`,
		r.ID, r.AccountID, r.ConversationID, r.Kind, string(data), r.Text, orNow(r.CreatedAt).UnixMicro())
	return err
}

// Restrictions lists an account's contact restrictions, oldest first.
func (s *Store) Restrictions(ctx context.Context, accountID string) ([]agent.Restriction, error) {
	out, err := readRestrictions(ctx, s.rdb, accountID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: restrictions: %w", err)
	}
	return out, nil
}

func readRestrictions(ctx context.Context, q querier, accountID string) ([]agent.Restriction, error) {
	return queryAll(ctx, q, func(sc scanner) (agent.Restriction, error) {
		var (
			r    agent.Restriction
			data string
			at   sql.NullInt64
		)
		if err := sc.Scan(&r.ID, &r.AccountID, &r.ConversationID, &data, &r.Text, &at); err != nil {
			return r, err
		}
		r.CreatedAt = fromMicros(at)
		if err := json.Unmarshal([]byte(data), &r.ContactRestriction); err != nil {
			return r, fmt.Errorf("decode restriction: %w", err)
		}
		return r, nil
	}, `SELECT id, account_id, conversation_id, data, text, created_at
		FROM restrictions WHERE account_id = ? ORDER BY created_at, rowid`, accountID)
}
