package sqlite

import (
	"context"
	"fmt"

	"github.com/parley-collections/parley/agent"
)

var _ agent.TurnFinisher = (*Store)(nil)

// FinishTurn writes the end of a turn in one transaction: the
// conversation, the events and the inbound message's move to processed
// (agent.TurnFinisher).
func (s *Store) FinishTurn(ctx context.Context, c agent.Conversation, events []agent.Event, inboundID string) (_ string, _ []agent.Event, werr error) {
	ctx, done := s.write(ctx)
	defer done(&werr)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", nil, fmt.Errorf("sqlite: finish turn: %w", err)
	}
	defer tx.Rollback()
	var owner string
	if err := updateConversation(ctx, tx, c, &owner); err != nil {
		return "", nil, fmt.Errorf("sqlite: finish turn: %w", err)
	}
	stored := make([]agent.Event, 0, len(events))
	for _, e := range events {
		if err := addEvent(ctx, tx, &e); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: event %s: %w", e.Kind, err)
		}
		stored = append(stored, e)
	}
	if inboundID != "" {
		if _, err := setMessageStatus(ctx, tx, inboundID, agent.StatusProcessed, ""); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return "", nil, fmt.Errorf("sqlite: finish turn: %w", err)
	}
	return owner, stored, nil
}
