package agent

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
)

// VoiceGreeting is the first thing said on a call from or to phone, in the
// borrower's language, after the guard has allowed it. It names the
// assistant as automated and says the call may be recorded, and reveals no
// debt: the caller is not verified. A greeting the guard refuses comes back
// empty, so the call starts by listening.
func (o *Orchestrator) VoiceGreeting(ctx context.Context, phone string) (text, locale string, err error) {
	locale = "en"
	acct, err := o.cfg.Store.AccountByPhone(ctx, phone)
	switch {
	case err == nil:
		if acct.Borrower.Locale != "" {
			locale = acct.Borrower.Locale
		}
	case errors.Is(err, ErrNotFound):
		acct = Account{Borrower: Borrower{Jurisdiction: "US"}}
	default:
		return "", "", fmt.Errorf("voice greeting: %w", err)
	}
	collector := ""
	if acct.ID != "" {
		collector = acct.Collector()
	}
	text, _, err = prompts.Render(locale, o.greeting(collector))
	if err != nil {
		return "", "", fmt.Errorf("voice greeting: %w", err)
	}
	t := &Turn{Account: acct, Conversation: Conversation{Channel: ChannelVoice}, Now: o.cfg.Clock.Now(), Locale: locale, o: o, initiatedBy: "borrower"}
	if acct.ID != "" {
		if err := t.load(ctx); err != nil {
			return "", locale, fmt.Errorf("voice greeting: %w", err)
		}
	}
	t.loaded = true
	d := o.check(t, Reply{Text: text, Purpose: policies.PurposeIdentity})
	if !d.Sendable() {
		o.log.Warn("voice greeting refused by the guard", "decision", d.Action)
		return "", locale, nil
	}
	return d.Text, locale, nil
}

// UnknownCallerReply is what a caller from a number no account has hears
// in answer to what they said (ErrUnknownSender): the automated assistant,
// that nothing can be discussed on the call, and the way forward, in the
// language they spoke, after the guard has allowed it. It reveals nothing
// about any debt: the caller may be anyone. A reply the guard refuses
// comes back empty.
func (o *Orchestrator) UnknownCallerReply(ctx context.Context, said string) (text, locale string, err error) {
	locale = "en"
	if strings.ContainsFunc(said, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		locale = "zh"
	}
	text, _, err = prompts.Render(locale, prompts.UnknownCaller{AgentName: o.cfg.AgentName})
	if err != nil {
		return "", "", fmt.Errorf("unknown caller: %w", err)
	}
	t := &Turn{Account: Account{Borrower: Borrower{Jurisdiction: "US"}}, Conversation: Conversation{Channel: ChannelVoice},
		Now: o.cfg.Clock.Now(), Locale: locale, o: o, initiatedBy: "borrower", loaded: true}
	d := o.check(t, Reply{Text: text, Purpose: policies.PurposeIdentity})
	if !d.Sendable() {
		o.log.Warn("unknown caller reply refused by the guard", "decision", d.Action)
		return "", locale, nil
	}
	return d.Text, locale, nil
}

func (o *Orchestrator) greeting(collector string) prompts.VoiceGreeting {
	return prompts.VoiceGreeting{AgentName: o.cfg.AgentName, Collector: collector, Recorded: true}
}

// CallGreeting is the greeting of a call Parley placed: the message the
// guard allowed when the call was dialled (see Outreacher), in the
// conversation's language.
func (o *Orchestrator) CallGreeting(ctx context.Context, messageID string) (text, locale string, err error) {
	st := o.cfg.Store
	m, err := st.Message(ctx, messageID)
	if err != nil {
		return "", "", fmt.Errorf("call greeting: %w", err)
	}
	dialled := m.Status == StatusQueued || m.Status == StatusSent || m.Status == StatusDelivered
	if m.Channel != ChannelVoice || m.Direction != DirectionOut || !dialled || m.Guard == nil || !m.Guard.Sendable() {
		return "", "", fmt.Errorf("call greeting %s: not an allowed call greeting: %w", messageID, ErrNotFound)
	}
	c, err := st.Conversation(ctx, m.ConversationID)
	if err != nil {
		return "", "", fmt.Errorf("call greeting: %w", err)
	}
	return m.Text, c.Locale, nil
}

// CallOutcome is the final outcome of a call Parley placed, as Twilio
// reports it.
type CallOutcome struct {
	AccountID string
	MessageID string // the call's greeting (CallRequest.MessageID); may be empty
	CallSid   string
	To        string
	Outcome   ContactOutcome
}

// RecordCallOutcome records a placed call as a contact attempt with its
// outcome and moves its greeting's status on: delivered when someone (or a
// machine) answered, undelivered when no one did, failed when the number
// could not be reached. A callback Twilio repeats is recorded once.
func (o *Orchestrator) RecordCallOutcome(ctx context.Context, c CallOutcome) error {
	st := o.cfg.Store
	now := o.cfg.Clock.Now()
	if c.MessageID != "" {
		seen, err := st.ContactAttempts(ctx, c.AccountID, now.Add(-48*time.Hour))
		if err != nil {
			return fmt.Errorf("call outcome: %w", err)
		}
		if slices.ContainsFunc(seen, func(a ContactAttempt) bool {
			return a.MessageID == c.MessageID && a.Channel == ChannelVoice && a.InitiatedBy == "agent"
		}) {
			return nil
		}
	}
	err := st.AddContactAttempt(ctx, ContactAttempt{AccountID: c.AccountID, Channel: ChannelVoice, Address: c.To,
		InitiatedBy: "agent", Outcome: c.Outcome, MessageID: c.MessageID, At: now})
	if err != nil {
		return fmt.Errorf("call outcome: %w", err)
	}
	if c.MessageID == "" {
		return nil
	}
	status := StatusUndelivered
	switch c.Outcome {
	case OutcomeConnected, OutcomeVoicemail:
		status = StatusDelivered
	case OutcomeFailed:
		status = StatusFailed
	}
	moved, err := st.SetMessageStatus(ctx, c.MessageID, status, c.CallSid)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("call outcome: %w", err)
	}
	if moved {
		if m, err := st.Message(ctx, c.MessageID); err == nil {
			o.publish(ctx, Notice{Kind: "message", ConversationID: m.ConversationID, AccountID: c.AccountID, MessageID: m.ID})
		}
	}
	return nil
}

// Interruption is a caller speaking over a reply: Heard is what they had
// heard of it (ConversationRelay's utteranceUntilInterrupt).
type Interruption struct {
	CallSid        string
	ConversationID string // when the call's conversation is known
	AccountID      string // otherwise the account, for a call Parley placed
	Phone          string // otherwise the caller's number
	Heard          string
	Duration       time.Duration // how long the reply had played
}

// RecordInterrupt records an interruption on the reply it cut, the call's
// last reply (Message.Interrupted): the transcript keeps the whole reply and
// says what the caller heard of it. An interruption on a call with no
// conversation or no reply yet (a greeting to an unknown caller) is not
// recorded.
func (o *Orchestrator) RecordInterrupt(ctx context.Context, in Interruption) error {
	st := o.cfg.Store
	conv, err := o.callConversation(ctx, in)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("record interrupt: %w", err)
	}
	msgs, err := st.Messages(ctx, conv.ID, 0, 0)
	if err != nil {
		return fmt.Errorf("record interrupt: %w", err)
	}
	for i := len(msgs) - 1; i >= 0; i-- {
		m := msgs[i]
		if m.Direction != DirectionOut || m.Status == StatusBlocked || m.Status == StatusDropped {
			continue
		}
		cut := Interrupt{Heard: in.Heard, AfterMs: in.Duration.Milliseconds(), CallSid: in.CallSid, At: o.cfg.Clock.Now()}
		if err := st.SetInterrupted(ctx, m.ID, cut); err != nil {
			return fmt.Errorf("record interrupt: %w", err)
		}
		o.publish(ctx, Notice{Kind: "message", ConversationID: conv.ID, AccountID: conv.AccountID, MessageID: m.ID})
		return nil
	}
	return nil
}

// callConversation finds a call's voice conversation, or ErrNotFound.
func (o *Orchestrator) callConversation(ctx context.Context, in Interruption) (Conversation, error) {
	st := o.cfg.Store
	if in.ConversationID != "" {
		return st.Conversation(ctx, in.ConversationID)
	}
	accountID := in.AccountID
	if accountID == "" {
		if in.Phone == "" {
			return Conversation{}, ErrNotFound
		}
		a, err := st.AccountByPhone(ctx, in.Phone)
		if err != nil {
			return Conversation{}, err
		}
		accountID = a.ID
	}
	return st.OpenConversation(ctx, accountID, ChannelVoice)
}

// VoiceFarewell is said before a call ends when no person can take it after
// a handoff (or when the voice session failed): a person from the team will
// follow up. It is in the conversation's language and passes the guard; a
// refused farewell comes back empty and the call just ends.
func (o *Orchestrator) VoiceFarewell(ctx context.Context, conversationID, phone string) (text, locale string, err error) {
	st := o.cfg.Store
	conv, err := o.callConversation(ctx, Interruption{ConversationID: conversationID, Phone: phone})
	var acct Account
	switch {
	case err == nil:
		acct, err = st.Account(ctx, conv.AccountID)
	case errors.Is(err, ErrNotFound):
		conv = Conversation{Channel: ChannelVoice}
		if acct, err = st.AccountByPhone(ctx, phone); errors.Is(err, ErrNotFound) {
			acct, err = Account{Borrower: Borrower{Jurisdiction: "US"}}, nil
		}
	}
	if err != nil {
		return "", "", fmt.Errorf("voice farewell: %w", err)
	}
	t, err := o.newTurn(ctx, conv, acct, Message{})
	if err != nil {
		return "", "", fmt.Errorf("voice farewell: %w", err)
	}
	t.initiatedBy = "borrower" // said on a call in progress
	if acct.ID == "" {
		t.loaded = true
	}
	text, version, err := prompts.Render(t.Locale, prompts.VoiceCallback{})
	if err != nil {
		return "", t.Locale, fmt.Errorf("voice farewell: %w", err)
	}
	d := o.check(t, Reply{Text: text, TemplateVersion: version, Purpose: policies.PurposeHandoff})
	if !d.Sendable() {
		o.log.Warn("voice farewell refused by the guard", "decision", d.Action)
		return "", t.Locale, nil
	}
	return d.Text, t.Locale, nil
}
