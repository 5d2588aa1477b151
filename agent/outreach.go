package agent

import (
	"time"

	"context"
	"errors"
	"fmt"
	"github.com/parley-collections/parley/prompts"

	"github.com/parley-collections/parley/policies"
)

// ErrContactStopped reports outreach to an account whose borrower has
// stopped collection contact (dispute, cease, attorney, bankruptcy) or opted
// out of the channel.
var ErrContactStopped = errors.New("collection contact stopped")

// Reach opens contact with a borrower on a channel: the flows draft the
// opening (AI identity, who is writing, a request to verify, no debt
// detail), and the guard decides whether it may go now, later (deferred to
// its send time) or not at all.
func (o *Orchestrator) Reach(ctx context.Context, accountID string, ch Channel) error {
	_, err := o.Outreach(ctx, accountID, ch)
	return err
}

// Outreach is Reach returning what the turn did.
func (o *Orchestrator) Outreach(ctx context.Context, accountID string, ch Channel) (TurnResult, error) {
	st := o.cfg.Store
	acct, err := st.Account(ctx, accountID)
	if err != nil {
		return TurnResult{}, fmt.Errorf("reach: %w", err)
	}
	if acct.CollectionStopped() {
		return TurnResult{}, fmt.Errorf("reach %s: %w", accountID, ErrContactStopped)
	}
	consents, err := st.Consents(ctx, accountID)
	if err != nil {
		return TurnResult{}, fmt.Errorf("reach: %w", err)
	}
	for _, c := range consents {
		if c.Channel == ch && c.OptedOut {
			return TurnResult{}, fmt.Errorf("reach %s on %s: %w", accountID, ch, ErrContactStopped)
		}
	}
	addr := ""
	if (ch == ChannelSMS || ch == ChannelVoice) && len(acct.Borrower.Phones) > 0 {
		addr = acct.Borrower.Phones[0]
	} else if ch == ChannelEmail {
		addr = acct.Borrower.Email
	}
	conv, _, err := o.conversationFor(ctx, Inbound{Channel: ch, AccountID: accountID, From: addr})
	if err != nil {
		return TurnResult{}, fmt.Errorf("reach: %w", err)
	}
	unlock, err := st.Lock(ctx, conv.ID)
	if err != nil {
		return TurnResult{}, fmt.Errorf("reach: lock: %w", err)
	}
	defer unlock()
	if conv, err = st.Conversation(ctx, conv.ID); err != nil {
		return TurnResult{}, fmt.Errorf("reach: %w", err)
	}
	if !conv.OwnedByAI() {
		return TurnResult{Conversation: conv}, fmt.Errorf("reach: %w", ErrNotOwner)
	}
	t, err := o.newTurn(ctx, conv, acct, Message{})
	if err != nil {
		return TurnResult{}, fmt.Errorf("reach: %w", err)
	}
	t.initiatedBy = "agent"
	t.Understanding = Understanding{Commands: []Command{{Intent: IntentGreeting}}, Brain: "outreach"}
	if err := o.respond(ctx, t); err != nil {
		return TurnResult{}, fmt.Errorf("reach: flows: %w", err)
	}
	var res TurnResult
	if err := o.finish(ctx, t, &res, turnOptions{}); err != nil {
		return TurnResult{}, fmt.Errorf("reach: %w", err)
	}
	return res, nil
}

// SendDeferred sends a message the guard deferred, now that its time has
// come, checking the guard again: it may go, wait longer, or be refused.
func (o *Orchestrator) SendDeferred(ctx context.Context, messageID string) error {
	st := o.cfg.Store
	m, err := st.Message(ctx, messageID)
	if err != nil {
		return fmt.Errorf("send deferred: %w", err)
	}
	if m.Status != StatusDeferred {
		return nil // already handled
	}
	unlock, err := st.Lock(ctx, m.ConversationID)
	if err != nil {
		return fmt.Errorf("send deferred: lock: %w", err)
	}
	defer unlock()
	conv, err := st.Conversation(ctx, m.ConversationID)
	if err != nil {
		return fmt.Errorf("send deferred: %w", err)
	}
	acct, err := st.Account(ctx, conv.AccountID)
	if err != nil {
		return fmt.Errorf("send deferred: %w", err)
	}
	// The successor's id derives from the deferred message, so a job that
	// runs twice stores and sends it once.
	next := replyID(m.ID, 1)
	if _, err := st.Message(ctx, next); err == nil {
		return nil
	}
	t, err := o.newTurn(ctx, conv, acct, Message{})
	if err != nil {
		return fmt.Errorf("send deferred: %w", err)
	}
	t.initiatedBy = "agent"
	t.id = m.ID
	for _, p := range mustPlans(ctx, st, acct.ID) {
		for _, in := range p.Installments {
			t.Ground(in.Amount)
		}
		t.Ground(p.Total)
	}
	// A message deferred again is stored as a new deferred message and
	// scheduled by deliver; a refused one is stored as blocked.
	r := Reply{Text: m.Text, TemplateVersion: m.TemplateVersion, Purpose: policies.PurposeCollection}
	if _, _, err := o.deliver(ctx, t, r, next, m.Author, m.AuthorName, turnOptions{}); err != nil {
		return fmt.Errorf("send deferred: %w", err)
	}
	if _, err := o.storeEvents(ctx, t, conv, ""); err != nil {
		return fmt.Errorf("send deferred: %w", err)
	}
	return nil
}

func mustPlans(ctx context.Context, st Store, accountID string) []Plan {
	ps, err := st.Plans(ctx, accountID)
	if err != nil {
		return nil
	}
	return ps
}

// Remind reminds the borrower of the next installment of an accepted plan,
// on the conversation where it was agreed. The guard checks it like any
// agent-initiated message: out of hours it is deferred, after an opt-out
// or a dispute it is refused.
func (o *Orchestrator) Remind(ctx context.Context, accountID, planID string) error {
	st := o.cfg.Store
	plans, err := st.Plans(ctx, accountID)
	if err != nil {
		return fmt.Errorf("remind: %w", err)
	}
	var plan *Plan
	for i := range plans {
		if plans[i].ID == planID && plans[i].Status == PlanAccepted {
			plan = &plans[i]
		}
	}
	if plan == nil || plan.ConversationID == "" {
		return fmt.Errorf("remind: plan %s: %w", planID, ErrNotFound)
	}
	now := o.cfg.Clock.Now()
	var next *Installment
	for i := range plan.Installments {
		if !plan.Installments[i].Due.Before(now) {
			next = &plan.Installments[i]
			break
		}
	}
	if next == nil {
		return nil // paid out or past: nothing to remind
	}
	unlock, err := st.Lock(ctx, plan.ConversationID)
	if err != nil {
		return fmt.Errorf("remind: lock: %w", err)
	}
	defer unlock()
	conv, err := st.Conversation(ctx, plan.ConversationID)
	if err != nil {
		return fmt.Errorf("remind: %w", err)
	}
	if !conv.OwnedByAI() {
		return nil // a supervisor has the conversation; they decide
	}
	acct, err := st.Account(ctx, accountID)
	if err != nil {
		return fmt.Errorf("remind: %w", err)
	}
	t, err := o.newTurn(ctx, conv, acct, Message{})
	if err != nil {
		return fmt.Errorf("remind: %w", err)
	}
	t.initiatedBy = "agent"
	t.id = fmt.Sprintf("%s/%s/%d", plan.ID, "reminder", next.Due.Unix())
	link := ""
	if o.cfg.Linker != nil {
		link, _ = o.cfg.Linker.Link(*plan, next.Due.Add(72*time.Hour))
	}
	text, version, err := prompts.Render(t.Locale, prompts.Reminder{Amount: next.Amount.String(), Due: next.Due.In(acct.Location()), Link: link})
	if err != nil {
		return fmt.Errorf("remind: %w", err)
	}
	t.Ground(next.Amount)
	t.Say(Reply{Text: text, TemplateVersion: version, Purpose: policies.PurposeCollection})
	var res TurnResult
	if err := o.finish(ctx, t, &res, turnOptions{}); err != nil {
		return fmt.Errorf("remind: %w", err)
	}
	return nil
}
