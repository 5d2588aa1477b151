package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/internal/rowcodec"
)

var _ agent.TurnReader = (*Store)(nil)

// The reads of a turn, each keyed by the inbound message ($1).
const (
	turnConversation = "(SELECT conversation_id FROM messages WHERE id = $1)"
	turnAccount      = "(SELECT c.account_id FROM conversations c WHERE c.id = " + turnConversation + ")"
)

// historyCols are messageCols without the guard decision.
var historyCols = strings.Replace(messageCols, "status, guard,", "status, NULL::jsonb,", 1)

// ReadTurn reads what a turn starts from as seven statements in one
// pipeline, run in one implicit transaction and so from one snapshot
// (agent.TurnReader).
func (s *Store) ReadTurn(ctx context.Context, q agent.TurnQuery) (agent.TurnData, error) {
	b := &pgx.Batch{}
	queueReadTurn(b, q)
	br := s.pool.SendBatch(ctx, b)
	defer br.Close()
	d, err := readTurn(br, q)
	if err != nil {
		return d, err
	}
	return d, br.Close()
}

// queueReadTurn queues ReadTurn's statements on b.
func queueReadTurn(b *pgx.Batch, q agent.TurnQuery) {
	b.Queue("SELECT "+messageCols+" FROM messages WHERE id = $1", q.MessageID)
	b.Queue("SELECT "+conversationCols+" FROM conversations c WHERE c.id = "+turnConversation, q.MessageID)
	b.Queue("SELECT "+accountCols+" FROM accounts a WHERE a.id = "+turnAccount, q.MessageID)
	b.Queue("SELECT "+historyCols+" FROM messages WHERE conversation_id = "+turnConversation+
		" AND seq > greatest((SELECT seq FROM messages WHERE id = $1) - $2, 0) ORDER BY seq", q.MessageID, q.History)
	b.Queue("SELECT "+consentCols+" FROM consents WHERE account_id = "+turnAccount+` ORDER BY channel COLLATE "C"`, q.MessageID)
	b.Queue("SELECT "+restrictionCols+" FROM restrictions WHERE account_id = "+turnAccount+restrictionOrder, q.MessageID)
	b.Queue("SELECT "+rowcodec.ContactAttemptCols+" FROM contact_attempts WHERE account_id = "+turnAccount+
		" AND at >= $2 AND "+rowcodec.CountedAttempt+" ORDER BY at, id", q.MessageID, q.Since.UTC())
}

// readTurn reads the results of queueReadTurn's statements.
func readTurn(br pgx.BatchResults, q agent.TurnQuery) (agent.TurnData, error) {
	var d agent.TurnData
	var err error
	if d.Inbound, err = scanMessage(br.QueryRow()); err != nil {
		return d, found(err, "read turn: message %s", q.MessageID)
	}
	if d.Conversation, err = scanConversation(br.QueryRow()); err != nil {
		return d, found(err, "read turn: conversation %s", d.Inbound.ConversationID)
	}
	if d.Account, err = scanAccount(br.QueryRow()); err != nil {
		return d, found(err, "read turn: account %s", d.Conversation.AccountID)
	}
	if d.History, err = batchAll(br, scanMessage); err != nil {
		return d, fmt.Errorf("postgres: read turn: messages: %w", err)
	}
	if d.Consents, err = batchAll(br, scanConsent); err != nil {
		return d, fmt.Errorf("postgres: read turn: consents: %w", err)
	}
	if d.Restrictions, err = batchAll(br, scanRestriction); err != nil {
		return d, fmt.Errorf("postgres: read turn: restrictions: %w", err)
	}
	if d.Attempts, err = batchAll(br, scanContactAttempt); err != nil {
		return d, fmt.Errorf("postgres: read turn: contact attempts: %w", err)
	}
	return d, nil
}

// batchAll reads every row of a pipeline's next result with scan.
func batchAll[T any](br pgx.BatchResults, scan func(scanner) (T, error)) ([]T, error) {
	rows, err := br.Query()
	if err != nil {
		return nil, err
	}
	return collect(rows, scan)
}
