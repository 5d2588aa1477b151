package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/parley-collections/parley/agent"
)

// FinishTurn writes the end of a turn in one round trip: its statements
// go as one pipeline, which the server runs as one implicit transaction,
// so that the conversation's row is locked only while the server runs
// them. The pipeline opens by requiring the conversation and the inbound
// message (parley_require, migration 0003): when either is missing, the
// error undoes the whole pipeline. Account flags are changed one at a time
// (setAccountFlagSQL), so two conversations of one account never undo each
// other's flags (agent.Store).
func (s *Store) FinishTurn(ctx context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	c, inboundID := end.Conversation, end.InboundID
	stored := make([]agent.Event, len(end.Events))
	copy(stored, end.Events)
	b := &pgx.Batch{}
	b.Queue("SELECT parley_require(EXISTS (SELECT 1 FROM conversations WHERE id = $1), 'conversation ' || $1)", c.ID)
	if inboundID != "" {
		b.Queue("SELECT parley_require(EXISTS (SELECT 1 FROM messages WHERE id = $1), 'message ' || $1)", inboundID)
	}
	b.Queue(updateConversationSQL+" RETURNING owner", updateConversationArgs(c)...)
	for _, f := range end.Flags {
		if !agent.ValidFlag(f.Flag) {
			return "", nil, fmt.Errorf("postgres: finish turn: flag %q: %w", f.Flag, agent.ErrConflict)
		}
		b.Queue(setAccountFlagSQL, f.Flag, f.Value, c.AccountID)
	}
	for _, cs := range end.Consents {
		b.Queue(setConsentSQL, consentArgs(cs)...)
	}
	for _, p := range end.Plans {
		args, err := planArgs(p)
		if err != nil {
			return "", nil, fmt.Errorf("postgres: finish turn: plan: %w", err)
		}
		b.Queue(putPlanSQL, args...)
	}
	for _, d := range end.Disputes {
		b.Queue(addDisputeSQL, disputeArgs(d)...)
	}
	effects := len(end.Flags) + len(end.Consents) + len(end.Plans) + len(end.Disputes)
	if inboundID != "" && end.InboundText != "" {
		b.Queue(`UPDATE messages SET text = $1 WHERE id = $2`, end.InboundText, inboundID)
		effects++
	}
	for i := range stored {
		args, err := eventArgs(&stored[i])
		if err != nil {
			return "", nil, fmt.Errorf("postgres: finish turn: event %s: %w", stored[i].Kind, err)
		}
		b.Queue(insertEventSQL, args...)
	}
	for _, a := range end.Attempts {
		b.Queue(insertContactAttemptSQL, contactAttemptArgs(a)...)
	}
	if inboundID != "" {
		b.Queue(setMessageStatusSQL, string(agent.StatusProcessed), "", inboundID, statusRank(agent.StatusProcessed))
	}
	owner, err := finishTurn(s.wpool(ctx).SendBatch(ctx, b), stored, effects, len(end.Attempts), inboundID != "")
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "P0002" {
			err = fmt.Errorf("%s: %w", pe.Message, agent.ErrNotFound)
		}
		return "", nil, fmt.Errorf("postgres: finish turn: %w", err)
	}
	return owner, stored, nil
}

// finishTurn reads FinishTurn's results in order, filling the events' IDs.
func finishTurn(br pgx.BatchResults, stored []agent.Event, effects, attempts int, inbound bool) (owner string, err error) {
	defer func() {
		if cerr := br.Close(); err == nil {
			err = cerr
		}
	}()
	checks := 1
	if inbound {
		checks = 2
	}
	for range checks {
		if _, err := br.Exec(); err != nil {
			return "", err
		}
	}
	if err := br.QueryRow().Scan(&owner); err != nil {
		return "", err
	}
	for range effects {
		if _, err := br.Exec(); err != nil {
			return "", err
		}
	}
	for i := range stored {
		if err := br.QueryRow().Scan(&stored[i].ID); err != nil {
			return "", fmt.Errorf("event %s: %w", stored[i].Kind, err)
		}
	}
	for range attempts {
		if _, err := br.Exec(); err != nil {
			return "", fmt.Errorf("contact attempt: %w", err)
		}
	}
	if inbound {
		if _, err := br.Exec(); err != nil {
			return "", err
		}
	}
	return owner, nil
}
