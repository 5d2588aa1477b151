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
func (s *Store) ReadTurn(ctx context.Context, q agent.TurnQuery) (_ agent.TurnData, err error) {
	var d agent.TurnData
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return d, fmt.Errorf("sqlite: read turn: %w", err)
	}
	defer tx.Rollback() // a read: nothing to commit
	if d.Inbound, err = readMessage(ctx, tx, q.MessageID); err != nil {
		return d, fmt.Errorf("sqlite: read turn: %w", err)
	}
	if d.Conversation, err = readConversation(ctx, tx, d.Inbound.ConversationID); err != nil {
		return d, fmt.Errorf("sqlite: read turn: %w", err)
	}
	if d.Account, err = readAccount(ctx, tx, d.Conversation.AccountID); err != nil {
		return d, fmt.Errorf("sqlite: read turn: %w", err)
	}
	d.History, err = queryAll(ctx, tx, scanMessage, "SELECT "+historyCols+
		" FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq",
		d.Conversation.ID, max(d.Inbound.Seq-int64(q.History), 0))
	if err != nil {
		return d, fmt.Errorf("sqlite: read turn: messages: %w", err)
	}
	if d.Consents, err = readConsents(ctx, tx, d.Account.ID); err != nil {
		return d, fmt.Errorf("sqlite: read turn: consents: %w", err)
	}
	d.Attempts, err = queryAll(ctx, tx, scanContactAttempt, "SELECT "+rowcodec.ContactAttemptCols+
		" FROM contact_attempts WHERE account_id = ? AND at >= ? AND "+rowcodec.CountedAttempt+" ORDER BY at, id",
		d.Account.ID, q.Since.UnixMicro())
	if err != nil {
		return d, fmt.Errorf("sqlite: read turn: contact attempts: %w", err)
	}
	return d, nil
}
