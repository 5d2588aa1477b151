package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/parley-collections/parley/agent"
)

var _ agent.TurnReader = (*Store)(nil)

// historyCols are messageCols without the guard decision.
var historyCols = strings.Replace(messageCols, "status, guard,", "status, NULL,", 1)

// ReadTurn reads what a turn starts from (agent.TurnReader); the history
// is read without decoding guard decisions.
func (s *Store) ReadTurn(ctx context.Context, q agent.TurnQuery) (agent.TurnData, error) {
	var d agent.TurnData
	var err error
	if d.Inbound, err = s.Message(ctx, q.MessageID); err != nil {
		return d, fmt.Errorf("sqlite: read turn: %w", err)
	}
	if d.Conversation, err = s.Conversation(ctx, d.Inbound.ConversationID); err != nil {
		return d, fmt.Errorf("sqlite: read turn: %w", err)
	}
	if d.Account, err = s.Account(ctx, d.Conversation.AccountID); err != nil {
		return d, fmt.Errorf("sqlite: read turn: %w", err)
	}
	d.History, err = queryAll(ctx, s.rdb, scanMessage, "SELECT "+historyCols+
		" FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq",
		d.Conversation.ID, max(d.Inbound.Seq-int64(q.History), 0))
	if err != nil {
		return d, fmt.Errorf("sqlite: read turn: messages: %w", err)
	}
	if d.Consents, err = s.Consents(ctx, d.Account.ID); err != nil {
		return d, fmt.Errorf("sqlite: read turn: %w", err)
	}
	if d.Attempts, err = s.ContactAttempts(ctx, d.Account.ID, q.Since); err != nil {
		return d, fmt.Errorf("sqlite: read turn: %w", err)
	}
	return d, nil
}
