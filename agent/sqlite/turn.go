package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parley-collections/parley/agent"
)

// FinishTurn commits a turn in one transaction: the conversation, the
// account flag changes, consents, plans, disputes, contact restrictions,
// login changes, events, contact attempts and the inbound message's move to processed
// (agent.Store).
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
	for _, r := range end.Restrictions {
		if err := addRestriction(ctx, tx, r); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: restriction: %w", err)
		}
	}
	for _, l := range end.Logins {
		if err := changeLogin(ctx, tx, l); err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: verification attempts: %w", err)
		}
	}
	var dropped []agent.Event
	for i := range end.Messages {
		d, err := storeOutbound(ctx, tx, &end.Messages[i], c.ID, c.AccountID)
		if err != nil {
			return "", nil, fmt.Errorf("sqlite: finish turn: message %s: %w", end.Messages[i].Message.ID, err)
		}
		if d {
			dropped = append(dropped, agent.DroppedEvent(end.Messages[i].Message, c.AccountID))
		}
	}
	stored := make([]agent.Event, 0, len(events)+len(dropped))
	for _, e := range append(events[:len(events):len(events)], dropped...) {
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

// storeOutbound stores one of a turn's outbound messages in tx, with its
// outbox row and contact attempt unless it is dropped (agent.TurnMessage),
// and reports whether it was dropped now.
func storeOutbound(ctx context.Context, tx execer, o *agent.TurnMessage, conversationID, accountID string) (bool, error) {
	m := &o.Message
	m.ConversationID = conversationID
	m.Direction = agent.DirectionOut
	if m.Author == "" {
		m.Author = agent.AuthorAgent
	}
	if m.Status == "" {
		m.Status = agent.StatusQueued
	}
	if m.ID != "" {
		old, err := scanMessage(tx.QueryRowContext(ctx, "SELECT "+messageCols+" FROM messages WHERE id = ?", m.ID))
		if err == nil {
			*m, o.Existed = old, true
			return false, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
	}
	owner, err := nextSeq(ctx, tx, m)
	if err != nil {
		return false, err
	}
	dropped := o.RequireAI && ownerOrAI(owner) != agent.OwnerAI
	if dropped {
		m.Status = agent.StatusDropped
	}
	if err := writeMessage(ctx, tx, m); err != nil {
		return false, err
	}
	if dropped {
		return true, nil
	}
	if o.Outbox != nil {
		if err := insertOutbox(ctx, tx, *m, o.Outbox); err != nil {
			return false, fmt.Errorf("outbox: %w", err)
		}
	}
	if o.Attempt != nil {
		a := *o.Attempt
		if a.AccountID == "" {
			a.AccountID = accountID
		}
		a.MessageID = m.ID
		if err := addContactAttempt(ctx, tx, a); err != nil {
			return false, fmt.Errorf("contact attempt: %w", err)
		}
	}
	return false, nil
}
