package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/internal/rowcodec"
)

// execer is what both *sql.DB and *sql.Tx offer.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// PutAccount inserts or replaces an account; a replaced account keeps its
// creation time.
func (s *Store) PutAccount(ctx context.Context, a agent.Account) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: put account: %w", err)
	}
	defer tx.Rollback()
	if err := putAccount(ctx, tx, a); err != nil {
		return fmt.Errorf("sqlite: put account: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: put account: %w", err)
	}
	return nil
}

// ImportAccounts inserts or replaces every account in one transaction.
func (s *Store) ImportAccounts(ctx context.Context, as []agent.Account) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: import accounts: %w", err)
	}
	defer tx.Rollback()
	for i, a := range as {
		if err := putAccount(ctx, tx, a); err != nil {
			return fmt.Errorf("sqlite: import accounts: account %d: %w", i+1, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: import accounts: %w", err)
	}
	return nil
}

func putAccount(ctx context.Context, tx execer, a agent.Account) error {
	if a.ID == "" {
		return errors.New("account id is empty")
	}
	created, updated := orNow(a.CreatedAt), orNow(a.UpdatedAt)
	data, err := accountJSON(a)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO accounts (id, name, data, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data, updated_at = excluded.updated_at`,
		a.ID, a.Borrower.Name, data, created.UnixMicro(), updated.UnixMicro()); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM account_phones WHERE account_id = ?", a.ID); err != nil {
		return err
	}
	for _, p := range a.Borrower.Phones {
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO account_phones (account_id, phone) VALUES (?, ?)", a.ID, p); err != nil {
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
		created, updated sql.NullInt64
	)
	if err := sc.Scan(&data, &created, &updated); err != nil {
		return agent.Account{}, err
	}
	a, err := rowcodec.DecodeAccount(data)
	if err != nil {
		return a, err
	}
	a.CreatedAt, a.UpdatedAt = fromMicros(created), fromMicros(updated)
	return a, nil
}

const accountCols = "a.data, a.created_at, a.updated_at"

// Account returns one account, or agent.ErrNotFound.
func (s *Store) Account(ctx context.Context, id string) (agent.Account, error) {
	return readAccount(ctx, s.rdb, id)
}

func readAccount(ctx context.Context, q querier, id string) (agent.Account, error) {
	a, err := scanAccount(q.QueryRowContext(ctx, "SELECT "+accountCols+" FROM accounts a WHERE a.id = ?", id))
	return a, found(err, "account %s", id)
}

// AccountByPhone finds the account of the borrower with that number; when
// several share it, the lowest id wins.
func (s *Store) AccountByPhone(ctx context.Context, phone string) (agent.Account, error) {
	return accountByPhone(ctx, s.rdb, phone)
}

func accountByPhone(ctx context.Context, q querier, phone string) (agent.Account, error) {
	a, err := scanAccount(q.QueryRowContext(ctx, "SELECT "+accountCols+
		" FROM account_phones p JOIN accounts a ON a.id = p.account_id WHERE p.phone = ? ORDER BY a.id LIMIT 1", phone))
	return a, found(err, "account by phone")
}

// FindSender finds the account of a phone, its open conversation on the
// channel and an earlier delivery of the message in one read transaction
// (agent.Store.FindSender), for the reason ReadTurn gives.
func (s *Store) FindSender(ctx context.Context, q agent.SenderLookup) (agent.FoundSender, error) {
	var out agent.FoundSender
	err := s.view(ctx, "find sender", func(tx *sql.Tx) (err error) {
		if out.Account, err = accountByPhone(ctx, tx, q.Phone); err != nil {
			return err
		}
		c, err := openConversation(ctx, tx, out.Account.ID, q.Channel)
		switch {
		case err == nil:
			out.Conversation, out.Open = c, true
		case !errors.Is(err, agent.ErrNotFound):
			return err
		}
		if q.ChannelMessageID != "" {
			m, err := messageByChannelID(ctx, tx, q.Channel, q.ChannelMessageID)
			switch {
			case err == nil:
				out.Delivered = &m
			case !errors.Is(err, agent.ErrNotFound):
				return err
			}
		}
		return nil
	})
	return out, err
}

// Accounts lists accounts ordered by id after the given id, at most limit (0 = all).
func (s *Store) Accounts(ctx context.Context, after string, limit int) ([]agent.Account, error) {
	as, err := queryAll(ctx, s.rdb, scanAccount, "SELECT "+accountCols+" FROM accounts a WHERE a.id > ? ORDER BY a.id LIMIT ?",
		after, limitOrAll(limit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: accounts: %w", err)
	}
	return as, nil
}

// SetAccountFlags replaces an account's flags.
func (s *Store) SetAccountFlags(ctx context.Context, accountID string, f agent.AccountFlags) error {
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("sqlite: set account flags: %w", err)
	}
	res, err := s.db.ExecContext(ctx, "UPDATE accounts SET data = json_set(data, '$.flags', json(?)), updated_at = ? WHERE id = ?",
		string(b), nowUTC().UnixMicro(), accountID)
	if err != nil {
		return fmt.Errorf("sqlite: set account flags: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("sqlite: set account flags %s: %w", accountID, agent.ErrNotFound)
	}
	return nil
}

// limitOrAll turns "0 = all" into SQLite's "-1 = no limit".
func limitOrAll(limit int) int {
	if limit <= 0 {
		return -1
	}
	return limit
}

// SetIdentity replaces an account's identity digests.
func (s *Store) SetIdentity(ctx context.Context, accountID string, f agent.IdentityFacts) error {
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("sqlite: set identity: %w", err)
	}
	res, err := s.db.ExecContext(ctx, "UPDATE accounts SET data = json_set(data, '$.borrower.identity', json(?)), updated_at = ? WHERE id = ?",
		string(b), nowUTC().UnixMicro(), accountID)
	if err != nil {
		return fmt.Errorf("sqlite: set identity: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("sqlite: set identity %s: %w", accountID, agent.ErrNotFound)
	}
	return nil
}
