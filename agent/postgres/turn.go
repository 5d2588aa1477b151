package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/parley-collections/parley/agent"
)

var _ agent.TurnFinisher = (*Store)(nil)

// FinishTurn writes the end of a turn in one transaction, its statements
// sent as one pipeline: the conversation, the events, the contact attempts
// and the inbound message's move to processed (agent.TurnFinisher).
func (s *Store) FinishTurn(ctx context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	c, events, inboundID := end.Conversation, end.Events, end.InboundID
	var owner string
	stored := make([]agent.Event, len(events))
	copy(stored, events)
	err := pgx.BeginFunc(ctx, s.wpool(ctx), func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		b.Queue(updateConversationSQL+" RETURNING owner", updateConversationArgs(c)...)
		for i := range stored {
			args, err := eventArgs(&stored[i])
			if err != nil {
				return fmt.Errorf("event %s: %w", stored[i].Kind, err)
			}
			b.Queue(insertEventSQL, args...)
		}
		for _, a := range end.Attempts {
			b.Queue(insertContactAttemptSQL, contactAttemptArgs(a)...)
		}
		if inboundID != "" {
			b.Queue(setMessageStatusSQL, string(agent.StatusProcessed), "", inboundID, statusRank(agent.StatusProcessed))
		}
		br := tx.SendBatch(ctx, b)
		defer br.Close()
		if err := br.QueryRow().Scan(&owner); errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("conversation %s: %w", c.ID, agent.ErrNotFound)
		} else if err != nil {
			return err
		}
		for i := range stored {
			if err := br.QueryRow().Scan(&stored[i].ID); err != nil {
				return fmt.Errorf("event %s: %w", stored[i].Kind, err)
			}
		}
		for range end.Attempts {
			if _, err := br.Exec(); err != nil {
				return fmt.Errorf("contact attempt: %w", err)
			}
		}
		if inboundID != "" {
			var moved, exists bool
			if err := br.QueryRow().Scan(&moved, &exists); err != nil {
				return err
			}
			if !exists {
				return fmt.Errorf("message %s: %w", inboundID, agent.ErrNotFound)
			}
		}
		return br.Close()
	})
	if err != nil {
		return "", nil, fmt.Errorf("postgres: finish turn: %w", err)
	}
	return owner, stored, nil
}
