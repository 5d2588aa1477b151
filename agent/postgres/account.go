package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/internal/rowcodec"
)

// PutAccount inserts or replaces an account; a replaced account keeps its
// creation time.
func (s *Store) PutAccount(ctx context.Context, a agent.Account) error {
	if err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return putAccount(ctx, tx, a) }); err != nil {
		return fmt.Errorf("postgres: put account: %w", err)
	}
	return nil
}

// ImportAccounts inserts or replaces every account in one transaction.
func (s *Store) ImportAccounts(ctx context.Context, as []agent.Account) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for i, a := range as {
			if err := putAccount(ctx, tx, a); err != nil {
				return fmt.Errorf("account %d: %w", i+1, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: import accounts: %w", err)
	}
	return nil
}

func putAccount(ctx context.Context, tx pgx.Tx, a agent.Account) error {
	if a.ID == "" {
		return errors.New("account id is empty")
	}
	data, err := accountJSON(a)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO accounts (id, name, data, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data, updated_at = excluded.updated_at`,
		a.ID, a.Borrower.Name, data, orNow(a.CreatedAt), orNow(a.UpdatedAt)); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM account_phones WHERE account_id = $1", a.ID); err != nil {
		return err
	}
	if len(a.Borrower.Phones) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO account_phones (account_id, phone)
			SELECT $1, p FROM unnest($2::text[]) AS p ON CONFLICT DO NOTHING`, a.ID, a.Borrower.Phones); err != nil {
			return err
		}
	}
	return nil
}

// accountJSON is the stored document: the account without its row times,
// times in UTC.
func accountJSON(a agent.Account) (string, error) {
	a.CreatedAt, a.UpdatedAt = time.Time{}, time.Time{}
	if !a.DueDate.IsZero() {
		a.DueDate = a.DueDate.UTC()
	}
	b, err := json.Marshal(a)
	if err != nil {
		return "", fmt.Errorf("encode account %s: %w", a.ID, err)
	}
	return string(b), nil
}

func scanAccount(sc scanner) (agent.Account, error) {
	var (
		data             []byte
		created, updated pgtype.Timestamptz
	)
	if err := sc.Scan(&data, &created, &updated); err != nil {
		return agent.Account{}, err
	}
	a, err := rowcodec.DecodeAccount(data)
	if err != nil {
		return a, err
	}
	a.CreatedAt, a.UpdatedAt = fromTS(created), fromTS(updated)
	return a, nil
}

const accountCols = "a.data, a.created_at, a.updated_at"

// Account returns one account, or agent.ErrNotFound.
func (s *Store) Account(ctx context.Context, id string) (agent.Account, error) {
	a, err := scanAccount(s.pool.QueryRow(ctx, "SELECT "+accountCols+" FROM accounts a WHERE a.id = $1", id))
	return a, found(err, "account %s", id)
}

// AccountByPhone finds the account of the borrower with that number; when
// several share it, the lowest id wins.
func (s *Store) AccountByPhone(ctx context.Context, phone string) (agent.Account, error) {
	a, err := scanAccount(s.pool.QueryRow(ctx, accountByPhoneSQL, phone))
	return a, found(err, "account by phone")
}

const accountByPhoneSQL = "SELECT " + accountCols +
	" FROM account_phones p JOIN accounts a ON a.id = p.account_id WHERE p.phone = $1 ORDER BY a.id LIMIT 1"

// FindSender finds the account of a phone, its open conversation on the
// channel and an earlier delivery of the message in one round trip: three
// statements in a pipeline, run in one implicit transaction
// (agent.Store.FindSender).
func (s *Store) FindSender(ctx context.Context, q agent.SenderLookup) (agent.FoundSender, error) {
	var out agent.FoundSender
	b := &pgx.Batch{}
	b.Queue(accountByPhoneSQL, q.Phone)
	b.Queue("SELECT "+conversationCols+` FROM conversations c
		WHERE c.account_id = (SELECT p.account_id FROM account_phones p WHERE p.phone = $1 ORDER BY p.account_id LIMIT 1)
		AND c.channel = $2 AND c.state <> $3
		ORDER BY c.created_at DESC, c.row_order DESC LIMIT 1`, q.Phone, string(q.Channel), string(agent.StateClosed))
	if q.ChannelMessageID != "" {
		b.Queue(messageByChannelIDSQL, string(q.Channel), q.ChannelMessageID)
	}
	br := s.pool.SendBatch(ctx, b)
	defer br.Close()
	a, err := scanAccount(br.QueryRow())
	if err != nil {
		return out, found(err, "account by phone")
	}
	out.Account = a
	c, err := scanConversation(br.QueryRow())
	switch {
	case err == nil:
		out.Conversation, out.Open = c, true
	case !errors.Is(err, pgx.ErrNoRows):
		return out, fmt.Errorf("postgres: open conversation: %w", err)
	}
	if q.ChannelMessageID != "" {
		m, err := scanMessage(br.QueryRow())
		switch {
		case err == nil:
			out.Delivered = &m
		case !errors.Is(err, pgx.ErrNoRows):
			return out, fmt.Errorf("postgres: message by channel id: %w", err)
		}
	}
	return out, br.Close()
}

// Accounts lists accounts ordered by id after the given id, at most limit (0 = all).
func (s *Store) Accounts(ctx context.Context, after string, limit int) ([]agent.Account, error) {
	as, err := queryAll(ctx, s.pool, scanAccount, "SELECT "+accountCols+
		" FROM accounts a WHERE a.id > $1 ORDER BY a.id LIMIT $2", after, limitOrAll(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: accounts: %w", err)
	}
	return as, nil
}

// SetAccountFlags replaces an account's flags.
func (s *Store) SetAccountFlags(ctx context.Context, accountID string, f agent.AccountFlags) error {
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("postgres: set account flags: %w", err)
	}
	tag, err := s.pool.Exec(ctx, "UPDATE accounts SET data = jsonb_set(data, '{flags}', $1::jsonb), updated_at = $2 WHERE id = $3",
		string(b), orNow(time.Time{}), accountID)
	if err != nil {
		return fmt.Errorf("postgres: set account flags: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: set account flags %s: %w", accountID, agent.ErrNotFound)
	}
	return nil
}

// SetIdentity replaces an account's identity digests.
func (s *Store) SetIdentity(ctx context.Context, accountID string, f agent.IdentityFacts) error {
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("postgres: set identity: %w", err)
	}
	tag, err := s.pool.Exec(ctx, "UPDATE accounts SET data = jsonb_set(data, '{borrower,identity}', $1::jsonb), updated_at = $2 WHERE id = $3",
		string(b), orNow(time.Time{}), accountID)
	if err != nil {
		return fmt.Errorf("postgres: set identity: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: set identity %s: %w", accountID, agent.ErrNotFound)
	}
	return nil
}
