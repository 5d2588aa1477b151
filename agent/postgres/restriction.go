package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/parley-collections/parley/agent"
)

// AddRestriction records a contact restriction; one with a known ID is
// replaced. An empty ID and creation time are filled in.
func (s *Store) AddRestriction(ctx context.Context, r agent.Restriction) error {
	if r.ID == "" {
		r.ID = agent.NewID("r_")
	}
	args, err := restrictionArgs(r)
	if err == nil {
		_, err = s.pool.Exec(ctx, addRestrictionSQL, args...)
	}
	if err != nil {
		return fmt.Errorf("postgres: add restriction: %w", err)
	}
	return nil
}

const addRestrictionSQL = `INSERT INTO restrictions (id, account_id, conversation_id, kind, data, text, created_at)
	VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, data = excluded.data,
	text = excluded.text`

func restrictionArgs(r agent.Restriction) ([]any, error) {
	data, err := json.Marshal(r.ContactRestriction)
	if err != nil {
		return nil, err
	}
	return []any{r.ID, r.AccountID, r.ConversationID, r.Kind, string(data), r.Text, orNow(r.CreatedAt)}, nil
}

const restrictionCols = "id, account_id, conversation_id, data, text, created_at"

// restrictionOrder orders an account's restrictions oldest first.
const restrictionOrder = " ORDER BY created_at, row_order"

func scanRestriction(sc scanner) (agent.Restriction, error) {
	var (
		r    agent.Restriction
		data []byte
		at   pgtype.Timestamptz
	)
	if err := sc.Scan(&r.ID, &r.AccountID, &r.ConversationID, &data, &r.Text, &at); err != nil {
		return r, err
	}
	r.CreatedAt = fromTS(at)
	if err := json.Unmarshal(data, &r.ContactRestriction); err != nil {
		return r, fmt.Errorf("decode restriction: %w", err)
	}
	return r, nil
}

// Restrictions lists an account's contact restrictions, oldest first.
func (s *Store) Restrictions(ctx context.Context, accountID string) ([]agent.Restriction, error) {
	out, err := queryAll(ctx, s.pool, scanRestriction, "SELECT "+restrictionCols+" FROM restrictions WHERE account_id = $1"+restrictionOrder, accountID)
	if err != nil {
		return nil, fmt.Errorf("postgres: restrictions: %w", err)
	}
	return out, nil
}
