package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/internal/rowcodec"
)

var _ agent.TurnReader = (*Store)(nil)

// historyCols are messageCols without the guard decision.
var historyCols = strings.Replace(messageCols, "status, guard,", "status, NULL,", 1)

// ReadTurn reads what a turn starts from in one read transaction on one
// connection (agent.TurnReader); the history is read without decoding
// guard decisions. One transaction is one snapshot, and it matters for
// speed too: a connection drops its page cache whenever it starts a read
// after another connection's commit, which under load is nearly every
// statement, so six statements each in their own transaction read the
// same upper pages of the same tables from the file six times.
func (s *Store) ReadTurn(ctx context.Context, q agent.TurnQuery) (agent.TurnData, error) {
	var d agent.TurnData
	err := s.view(ctx, "read turn", func(tx *sql.Tx) (err error) {
		if d.Inbound, err = readMessage(ctx, tx, q.MessageID); err != nil {
			return fmt.Errorf("sqlite: read turn: %w", err)
		}
		if d.Conversation, err = readConversation(ctx, tx, d.Inbound.ConversationID); err != nil {
			return fmt.Errorf("sqlite: read turn: %w", err)
		}
		if d.Account, err = readAccount(ctx, tx, d.Conversation.AccountID); err != nil {
			return fmt.Errorf("sqlite: read turn: %w", err)
		}
		d.History, err = queryAll(ctx, tx, scanMessage, "SELECT "+historyCols+
			" FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq",
			d.Conversation.ID, max(d.Inbound.Seq-int64(q.History), 0))
		if err != nil {
			return fmt.Errorf("sqlite: read turn: messages: %w", err)
		}
		if d.Consents, err = readConsents(ctx, tx, d.Account.ID); err != nil {
			return fmt.Errorf("sqlite: read turn: consents: %w", err)
		}
		if d.Restrictions, err = readRestrictions(ctx, tx, d.Account.ID); err != nil {
			return fmt.Errorf("sqlite: read turn: restrictions: %w", err)
		}
		d.Attempts, err = queryAll(ctx, tx, scanContactAttempt, "SELECT "+rowcodec.ContactAttemptCols+
			" FROM contact_attempts WHERE account_id = ? AND at >= ? AND "+rowcodec.CountedAttempt+" ORDER BY at, id",
			d.Account.ID, q.Since.UnixMicro())
		if err != nil {
			return fmt.Errorf("sqlite: read turn: contact attempts: %w", err)
		}
		return nil
	})
	return d, err
}

// view runs fn, the read op, in one read-only transaction on a reader
// connection: one snapshot, and one page cache for all of fn's statements
// (ReadTurn says why that matters). The transaction is rolled back: a
// read commits nothing. fn's error is returned as it is.
func (s *Store) view(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("sqlite: %s: %w", op, err)
	}
	defer tx.Rollback()
	return fn(tx)
}
