package sqlite

import (
	"context"
	"fmt"

	"github.com/parley-collections/parley/agent"
)

// FinishTurn commits a turn in one transaction: the conversation, the
// account flag changes, consents, plans, disputes, events, contact
// attempts and the inbound message's move to processed (agent.Store).
func (s *Store) FinishTurn(ctx context.Context, end agent.TurnEnd) (_ string, _ []agent.Event, werr error) {
	c, events, inboundID := end.Conversation, end.Events, end.InboundID
	ctx, done := s.write(ctx)
	defer done(&werr)
	tx, err := s.begin(ctx)
	if err != nil {
		return "", nil, fmt.Errorf("sqlite: finish turn: %w", err)
	}
	defer tx.Rollback()
	var owner string
	if err := updateConversation(ctx, tx, c, &owner); err != nil {
		return "", nil, fmt.Errorf("sqlite: finish turn: %w", err)
	}
	for _, f := range end.Flags {
		if err := setAccountFlag(ctx, tx, c.AccountID, f); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: %w", err)
		}
	}
	for _, cs := range end.Consents {
		if err := setConsent(ctx, tx, cs); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: consent: %w", err)
		}
	}
	for _, p := range end.Plans {
		if err := putPlan(ctx, tx, p); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: plan: %w", err)
		}
	}
	for _, d := range end.Disputes {
		if err := addDispute(ctx, tx, d); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: dispute: %w", err)
		}
	}
	stored := make([]agent.Event, 0, len(events))
	for _, e := range events {
		if err := addEvent(ctx, tx, &e); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: event %s: %w", e.Kind, err)
		}
		stored = append(stored, e)
	}
	for _, a := range end.Attempts {
		if err := addContactAttempt(ctx, tx, a); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: contact attempt: %w", err)
		}
	}
	if inboundID != "" {
		if _, err := setMessageStatus(ctx, tx, inboundID, agent.StatusProcessed, ""); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: %w", err)
		}
		if end.InboundText != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE messages SET text = ? WHERE id = ?`, end.InboundText, inboundID); err != nil {
				return "", nil, fmt.Errorf("sqlite: finish turn: inbound text: %w", err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return "", nil, fmt.Errorf("sqlite: finish turn: %w", err)
	}
	return owner, stored, nil
}
