package agent

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-collections/parley/policies"
)

// TakeOver makes user the owner of a conversation. From that instant the AI
// sends nothing on it: a turn already in flight finds the owner changed when
// it stores its reply, and its draft is dropped and recorded. The change and
// its audit event are one store call. It returns ErrNotOwner when another
// supervisor owns the conversation.
func (o *Orchestrator) TakeOver(ctx context.Context, conversationID, user string) error {
	if user == "" || user == OwnerAI {
		return fmt.Errorf("take over: %w: bad user", ErrConflict)
	}
	c, e, err := o.cfg.Store.Transfer(ctx, OwnerTransfer{ConversationID: conversationID, From: OwnerAI, To: user,
		Event: Event{Kind: EventHandoffStarted, Actor: user, At: o.cfg.Clock.Now()}})
	if errors.Is(err, ErrNotOwner) && c.Owner == user {
		return nil // already ours: taking over twice is harmless
	}
	if err != nil {
		return fmt.Errorf("take over: %w", err)
	}
	o.ownerNotice(c, e)
	return nil
}

// HandBack returns a conversation from user to the AI, which resumes with
// the whole transcript; a conversation waiting for a person opens again.
func (o *Orchestrator) HandBack(ctx context.Context, conversationID, user string) error {
	c, e, err := o.cfg.Store.Transfer(ctx, OwnerTransfer{ConversationID: conversationID, From: user, To: OwnerAI, Reopen: true,
		Event: Event{Kind: EventHandoffEnded, Actor: user, At: o.cfg.Clock.Now()}})
	if err != nil {
		return fmt.Errorf("hand back: %w", err)
	}
	o.ownerNotice(c, e)
	return nil
}

func (o *Orchestrator) ownerNotice(c Conversation, e Event) {
	o.publish(context.Background(), Notice{Kind: "conversation", ConversationID: c.ID, AccountID: c.AccountID, EventKind: string(e.Kind)})
}

// ErrBlocked reports a supervisor message the guard refused; the stored
// message and the decision say why.
var ErrBlocked = errors.New("blocked by the guard")

// SupervisorSend sends a supervisor's message on a conversation they own.
// It passes the same guard as the AI's drafts; a refused message is stored
// as blocked, shown to the supervisor with its reasons, and not sent.
func (o *Orchestrator) SupervisorSend(ctx context.Context, conversationID, user, text string) (Message, policies.Decision, error) {
	st := o.cfg.Store
	unlock, err := st.Lock(ctx, conversationID)
	if err != nil {
		return Message{}, policies.Decision{}, fmt.Errorf("supervisor send: %w", err)
	}
	defer unlock()
	conv, err := st.Conversation(ctx, conversationID)
	if err != nil {
		return Message{}, policies.Decision{}, fmt.Errorf("supervisor send: %w", err)
	}
	if conv.Owner != user {
		return Message{}, policies.Decision{}, fmt.Errorf("supervisor send: %w", ErrNotOwner)
	}
	acct, err := st.Account(ctx, conv.AccountID)
	if err != nil {
		return Message{}, policies.Decision{}, fmt.Errorf("supervisor send: %w", err)
	}
	t, err := o.newTurn(ctx, conv, acct, Message{})
	if err != nil {
		return Message{}, policies.Decision{}, fmt.Errorf("supervisor send: %w", err)
	}
	t.initiatedBy = "agent"
	if n := len(t.Context.History); n > 0 && t.Context.History[n-1].Direction == DirectionIn {
		t.initiatedBy = "borrower"
	}
	m, blocked, err := o.deliver(ctx, t, Reply{Text: text}, NewID("m_"), AuthorSupervisor, user, turnOptions{})
	if err != nil {
		return Message{}, policies.Decision{}, fmt.Errorf("supervisor send: %w", err)
	}
	if _, err := o.storeEvents(ctx, t, conv, user); err != nil {
		return m, *m.Guard, fmt.Errorf("supervisor send: %w", err)
	}
	if blocked && m.Status == StatusBlocked {
		return m, *m.Guard, ErrBlocked
	}
	return m, *m.Guard, nil
}
