package agent

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
)

// CallRequest is an outbound call the guard has allowed.
type CallRequest struct {
	AccountID string
	MessageID string // the stored greeting the call opens with; its outcome refers to it
	To        string // E.164
}

// Dialer places outbound calls; channels/voice.Caller is Parley's. pending
// reports that the call's outcome will be reported later through
// RecordCallOutcome; a dry-run dialer that placed nothing reports false.
type Dialer interface {
	Dial(ctx context.Context, c CallRequest) (sid string, pending bool, err error)
}

// Outreacher is an Orchestrator that can place calls: outreach on voice, and
// a deferred call whose time has come, dial through Dialer once the guard
// allows the attempt. Everything else is the Orchestrator's.
type Outreacher struct {
	*Orchestrator
	Dialer Dialer
}

// Reach is Orchestrator.Reach, placing a call on voice.
func (r Outreacher) Reach(ctx context.Context, accountID string, ch Channel) error {
	_, err := r.outreach(ctx, accountID, ch, r.Dialer)
	return err
}

// Outreach is Orchestrator.Outreach, placing a call on voice.
func (r Outreacher) Outreach(ctx context.Context, accountID string, ch Channel) (TurnResult, error) {
	return r.outreach(ctx, accountID, ch, r.Dialer)
}

// SendDeferred is Orchestrator.SendDeferred, placing a deferred call.
func (r Outreacher) SendDeferred(ctx context.Context, messageID string) error {
	return r.sendDeferred(ctx, messageID, r.Dialer)
}

// Reach opens contact with a borrower on a channel: the flows draft the
// opening (AI identity, who is writing, a request to verify, no debt
// detail), and the guard decides whether it may go now, later (deferred to
// its send time) or not at all. On voice the opening is a call, which an
// Orchestrator alone cannot place (ErrNoDialer): see Outreacher.
func (o *Orchestrator) Reach(ctx context.Context, accountID string, ch Channel) error {
	_, err := o.Outreach(ctx, accountID, ch)
	return err
}

// Outreach is Reach returning what the turn did.
func (o *Orchestrator) Outreach(ctx context.Context, accountID string, ch Channel) (TurnResult, error) {
	return o.outreach(ctx, accountID, ch, nil)
}

func (o *Orchestrator) outreach(ctx context.Context, accountID string, ch Channel, dialer Dialer) (TurnResult, error) {
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
	if ch == ChannelVoice && addr == "" {
		return TurnResult{}, fmt.Errorf("reach %s on voice: no phone number: %w", accountID, ErrNotFound)
	}
	conv, _, _, err := o.conversationFor(ctx, Inbound{Channel: ch, AccountID: accountID, From: addr}, false)
	if err != nil {
		return TurnResult{}, fmt.Errorf("reach: %w", err)
	}
	t, release, err := o.begin(ctx, conv.ID, func(c Conversation) error {
		if !c.OwnedByAI() {
			conv = c
			return E("reach", KindConflict, "a supervisor owns the open conversation on this channel", ErrNotOwner)
		}
		return nil
	})
	if errors.Is(err, ErrNotOwner) {
		return TurnResult{Conversation: conv}, err
	}
	if err != nil {
		return TurnResult{}, fmt.Errorf("reach: %w", err)
	}
	defer release()
	if ch == ChannelVoice {
		return o.placeCall(ctx, t, dialer)
	}
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

// placeCall opens contact by phone: the greeting the call will open with is
// the attempt the guard judges (contact hours, call caps, consent), stored
// with its decision like any message; only an allowed attempt is dialled.
func (o *Orchestrator) placeCall(ctx context.Context, t *Turn, dialer Dialer) (TurnResult, error) {
	if dialer == nil {
		return TurnResult{Conversation: t.Conversation}, fmt.Errorf("reach: call: %w", ErrNoDialer)
	}
	text, version, err := prompts.Render(t.Locale, o.greeting(t.Account.Collector()))
	if err != nil {
		return TurnResult{}, fmt.Errorf("reach: call: %w", err)
	}
	r := Reply{Text: text, TemplateVersion: version, Purpose: policies.PurposeIdentity}
	res, err := o.dial(ctx, t, r, replyID(t.key(), 0), dialer)
	if err != nil {
		return res, fmt.Errorf("reach: %w", err)
	}
	return res, nil
}

// callInProgress reports a call placed in the last hour on the turn's
// conversation that is not yet a contact attempt: Twilio has not reported
// its outcome.
func (o *Orchestrator) callInProgress(ctx context.Context, t *Turn) (bool, error) {
	since := t.Now.Add(-time.Hour)
	var placed []string
	for _, m := range t.Context.History {
		if m.Channel == ChannelVoice && m.Direction == DirectionOut && m.Status == StatusSent && m.ProviderID != "" && m.CreatedAt.After(since) {
			placed = append(placed, m.ID)
		}
	}
	if len(placed) == 0 {
		return false, nil
	}
	as, err := o.cfg.Store.ContactAttempts(ctx, t.Account.ID, since)
	if err != nil {
		return false, err
	}
	for _, id := range placed {
		if !slices.ContainsFunc(as, func(a ContactAttempt) bool { return a.MessageID == id }) {
			return true, nil
		}
	}
	return false, nil
}

// dial runs a call's greeting through the guard and places the call when
// the guard allows it, and no earlier call is still to be counted. The
// turn is committed first, the greeting with it: a deferred or refused
// attempt as any message is, an allowed one queued, so that the call
// refers to a stored greeting. Every dialled attempt is a contact attempt:
// a failed one at once, a dry-run one at once (as placed and unanswered),
// a live one when Twilio reports its outcome (RecordCallOutcome).
func (o *Orchestrator) dial(ctx context.Context, t *Turn, r Reply, id string, dialer Dialer) (TurnResult, error) {
	st := o.cfg.Store
	res := TurnResult{Conversation: t.Conversation}
	if busy, err := o.callInProgress(ctx, t); err != nil || busy {
		if err == nil {
			err = ErrCallInProgress
		}
		return res, fmt.Errorf("call: %w", err)
	}
	d := o.check(t, r)
	if !d.Sendable() {
		if _, _, err := o.deliver(ctx, t, r, id, AuthorAgent, "", turnOptions{}); err != nil {
			return res, fmt.Errorf("call: %w", err)
		}
	} else {
		m := o.outbound(t, r, id, AuthorAgent, "", &d)
		m.Text, m.Status = d.Text, StatusQueued
		t.queue(TurnMessage{Message: m, RequireAI: true})
	}
	c, events, msgs, err := o.commit(ctx, t, "", turnOptions{})
	if err != nil {
		return res, fmt.Errorf("call: %w", err)
	}
	res.Conversation, res.Events = c, events
	var m Message
	for _, tm := range msgs {
		if tm.Message.ID == id || m.ID == "" {
			m = tm.Message
		}
		if tm.Existed && tm.Message.ID == id {
			return res, nil // dialled already: a job that ran twice
		}
	}
	if m.ID == "" {
		return res, nil
	}
	if m.Status != StatusQueued {
		res.Blocked = []Message{m}
		return res, nil
	}
	attempt := ContactAttempt{AccountID: t.Account.ID, Channel: ChannelVoice, Address: t.Conversation.Address,
		InitiatedBy: "agent", MessageID: m.ID, At: m.CreatedAt}
	sid, pending, callErr := dialer.Dial(ctx, CallRequest{AccountID: t.Account.ID, MessageID: m.ID, To: t.Conversation.Address})
	status := StatusSent
	switch {
	case callErr != nil:
		status, attempt.Outcome = StatusFailed, OutcomeFailed
	case !pending:
		attempt.Outcome = OutcomeNoAnswer
	}
	// Record what happened even when the caller has gone: the call is placed.
	wctx := context.WithoutCancel(ctx)
	if _, err := st.SetMessageStatus(wctx, m.ID, status, sid); err != nil {
		return res, fmt.Errorf("call: %w", err)
	}
	m.Status, m.ProviderID = status, sid
	if attempt.Outcome != "" {
		if err := st.AddContactAttempt(wctx, attempt); err != nil {
			return res, fmt.Errorf("call: %w", err)
		}
	}
	o.publish(wctx, Notice{Kind: "message", ConversationID: m.ConversationID, AccountID: t.Account.ID, MessageID: m.ID})
	if status == StatusSent {
		res.Replies = []Message{m}
	} else {
		res.Blocked = []Message{m}
	}
	if callErr != nil {
		return res, fmt.Errorf("call: %w", callErr)
	}
	t.sentCount++
	return res, nil
}

// SendDeferred sends a message the guard deferred, now that its time has
// come, checking the guard again: it may go, wait longer, or be refused. A
// deferred call needs a Dialer (Outreacher.SendDeferred).
func (o *Orchestrator) SendDeferred(ctx context.Context, messageID string) error {
	return o.sendDeferred(ctx, messageID, nil)
}

func (o *Orchestrator) sendDeferred(ctx context.Context, messageID string, dialer Dialer) error {
	st := o.cfg.Store
	m, err := st.Message(ctx, messageID)
	if err != nil {
		return fmt.Errorf("send deferred: %w", err)
	}
	if m.Status != StatusDeferred {
		return nil // already handled
	}
	// The successor's id derives from the deferred message, so a job that
	// runs twice stores and sends it once.
	next := replyID(m.ID, 1)
	t, release, err := o.begin(ctx, m.ConversationID, func(Conversation) error {
		if _, err := st.Message(ctx, next); err == nil {
			return errSkip
		}
		return nil
	})
	if errors.Is(err, errSkip) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("send deferred: %w", err)
	}
	defer release()
	acct := t.Account
	t.id = m.ID
	for _, p := range mustPlans(ctx, st, acct.ID) {
		for _, in := range p.Installments {
			t.Ground(in.Amount)
		}
		t.Ground(p.Total)
	}
	// A message deferred again is stored as a new deferred message and
	// scheduled by deliver; a refused one is stored as blocked.
	// It is judged again under the purpose it was judged under when it was
	// deferred; a message stored before decisions kept it was collection,
	// or, by its template, an opening.
	r := Reply{Text: m.Text, TemplateVersion: m.TemplateVersion, Purpose: policies.PurposeCollection}
	switch {
	case m.Guard != nil && m.Guard.Purpose != "":
		r.Purpose = m.Guard.Purpose
	case identityOnly(m.TemplateVersion):
		r.Purpose = policies.PurposeIdentity // an opening: introduction and identity request
	}
	if m.Channel == ChannelVoice {
		// A deferred voice message is a call's greeting: the call is placed now.
		if dialer == nil {
			return fmt.Errorf("send deferred: call: %w", ErrNoDialer)
		}
		r.Purpose = policies.PurposeIdentity
		if _, err := o.dial(ctx, t, r, next, dialer); err != nil {
			return fmt.Errorf("send deferred: %w", err)
		}
		return nil
	}
	if _, _, err := o.deliver(ctx, t, r, next, m.Author, m.AuthorName, turnOptions{}); err != nil {
		return fmt.Errorf("send deferred: %w", err)
	}
	if _, _, _, err := o.commit(ctx, t, "", turnOptions{}); err != nil {
		return fmt.Errorf("send deferred: %w", err)
	}
	return nil
}

func mustPlans(ctx context.Context, st ConversationReader, accountID string) []Plan {
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
		if plans[i].ID == planID {
			plan = &plans[i]
		}
	}
	if plan == nil || plan.ConversationID == "" {
		return fmt.Errorf("remind: plan %s: %w", planID, ErrNotFound)
	}
	if plan.Status != PlanAccepted {
		return nil // superseded or cancelled: its reminders are void
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
	t, release, err := o.begin(ctx, plan.ConversationID, func(c Conversation) error {
		if !c.OwnedByAI() {
			return errSkip // a supervisor has the conversation; they decide
		}
		return nil
	})
	if errors.Is(err, errSkip) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("remind: %w", err)
	}
	defer release()
	t.id = fmt.Sprintf("%s/%s/%d", plan.ID, "reminder", next.Due.Unix())
	link := ""
	if o.cfg.Linker != nil {
		link, _ = o.cfg.Linker.Link(*plan, next.Due.Add(72*time.Hour))
	}
	text, version, err := prompts.Render(t.Locale, prompts.Reminder{Amount: next.Amount.String(), Due: next.Due.In(t.Account.Location()), Link: link})
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

// identityOnly reports whether a message was composed only of the
// introduction and identity requests ("intro.v1.en+identity_request.v1.en"),
// which carry no debt detail: its purpose is identity when it is sent again.
func identityOnly(version string) bool {
	if version == "" {
		return false
	}
	for part := range strings.SplitSeq(version, "+") {
		if !strings.HasPrefix(part, "intro.") && !strings.HasPrefix(part, "identity_request.") {
			return false
		}
	}
	return true
}
