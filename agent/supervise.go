package agent

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
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
	o.afterHandover(ctx, conversationID, user, prompts.Joined{Name: DisplayName(user)}, false)
	return nil
}

// HandBack returns a conversation from user to the AI, which resumes with
// the whole transcript; a conversation waiting for a person opens again.
// The supervisor's messages still waiting for contact hours are cancelled.
func (o *Orchestrator) HandBack(ctx context.Context, conversationID, user string) error {
	return o.HandBackKeeping(ctx, conversationID, user, false)
}

// HandBackKeeping is HandBack that keeps the supervisor's deferred messages
// when keep is true: they go out at their time, under the guard then.
func (o *Orchestrator) HandBackKeeping(ctx context.Context, conversationID, user string, keep bool) error {
	c, e, err := o.cfg.Store.Transfer(ctx, OwnerTransfer{ConversationID: conversationID, From: user, To: OwnerAI, Reopen: true,
		Event: Event{Kind: EventHandoffEnded, Actor: user, At: o.cfg.Clock.Now()}})
	if err != nil {
		return fmt.Errorf("hand back: %w", err)
	}
	o.ownerNotice(c, e)
	if !keep {
		msgs, err := o.cfg.Store.Messages(ctx, conversationID, 0, 0)
		if err != nil {
			return fmt.Errorf("hand back: %w", err)
		}
		for _, m := range msgs {
			if m.Status == StatusDeferred && m.Author == AuthorSupervisor {
				if err := o.cancel(ctx, c, m, user, "handed back"); err != nil {
					return fmt.Errorf("hand back: %w", err)
				}
			}
		}
	}
	o.afterHandover(ctx, conversationID, user, prompts.Returned{AgentName: o.cfg.AgentName}, true)
	return nil
}

// afterHandover tells the borrower who is talking now and, when the AI is
// back, answers what the borrower asked meanwhile. The owner changed
// already: a failure here is logged, not returned.
func (o *Orchestrator) afterHandover(ctx context.Context, conversationID, user string, notice prompts.Data, answer bool) {
	if err := o.announce(ctx, conversationID, user, notice); err != nil {
		o.log.Warn("handover notice not sent", "conversation", conversationID, "err", err)
	}
	if !answer {
		return
	}
	if err := o.answerLast(ctx, conversationID); err != nil {
		o.log.Warn("the borrower's last message was not answered after hand-back", "conversation", conversationID, "err", err)
	}
}

func (o *Orchestrator) ownerNotice(c Conversation, e Event) {
	o.publish(context.Background(), Notice{Kind: "conversation", ConversationID: c.ID, AccountID: c.AccountID, EventKind: string(e.Kind)})
}

// SupervisorSend sends a supervisor's message on a conversation they own.
// It passes the same guard as the AI's drafts; a refused message is stored
// as blocked, shown to the supervisor with its reasons, and not sent.
func (o *Orchestrator) SupervisorSend(ctx context.Context, conversationID, user, text string) (Message, policies.Decision, error) {
	return o.supervisorSend(ctx, conversationID, user, Reply{Text: text, supervisor: true})
}

// SupervisorConfirm sends a supervisor's message that was held because the
// judge could not read it (ErrConfirmNeeded): the guard checks it again,
// and the judge too, whose violation still blocks it; only the judge's
// absence no longer holds it.
func (o *Orchestrator) SupervisorConfirm(ctx context.Context, conversationID, user, text string) (Message, policies.Decision, error) {
	return o.supervisorSend(ctx, conversationID, user, Reply{Text: text, supervisor: true, confirmed: true})
}

func (o *Orchestrator) supervisorSend(ctx context.Context, conversationID, user string, r Reply) (Message, policies.Decision, error) {
	t, release, err := o.begin(ctx, conversationID, func(c Conversation) error {
		if c.Owner != user {
			return E("supervisor send", KindConflict, "take the conversation over before writing", ErrNotOwner)
		}
		return nil
	})
	if err != nil {
		return Message{}, policies.Decision{}, fmt.Errorf("supervisor send: %w", err)
	}
	defer release()
	o.replying(t)
	m, _, err := o.deliver(ctx, t, r, NewID("m_"), AuthorSupervisor, user, turnOptions{})
	if err != nil {
		return Message{}, policies.Decision{}, fmt.Errorf("supervisor send: %w", err)
	}
	_, _, msgs, err := o.commit(ctx, t, user, turnOptions{})
	if err != nil {
		return m, *m.Guard, fmt.Errorf("supervisor send: %w", err)
	}
	if len(msgs) > 0 {
		m = msgs[0].Message
	}
	if m.Status == StatusBlocked {
		if m.Guard.Error == ErrorJudgeUnavailable {
			return m, *m.Guard, ErrConfirmNeeded
		}
		return m, *m.Guard, ErrBlocked
	}
	return m, *m.Guard, nil
}

// DefaultReplyWindow is how long after the borrower's last message a
// supervisor's message still answers it (Regulation F comment 6(b)(1)-2: a
// reply to a message the borrower sent is not a communication the
// collector initiates, so contact hours do not hold it back).
const DefaultReplyWindow = 30 * time.Minute

// answersBorrower reports whether a supervisor writing now answers the
// borrower: the borrower's last message is within the reply window, even
// when the AI or the supervisor wrote since.
func (o *Orchestrator) answersBorrower(history []Message) bool {
	window := o.cfg.ReplyWindow
	if window <= 0 {
		window = DefaultReplyWindow
	}
	for i := len(history) - 1; i >= 0; i-- {
		if m := history[i]; m.Direction == DirectionIn {
			return o.cfg.Clock.Now().Sub(m.CreatedAt) <= window
		}
	}
	return false
}

// CancelDeferred cancels a supervisor's message the guard deferred, before
// it goes out. Only the conversation's owner may, or anyone once the AI
// owns it again. The cancellation is an audit event.
func (o *Orchestrator) CancelDeferred(ctx context.Context, messageID, user string) error {
	st := o.cfg.Store
	m, err := st.Message(ctx, messageID)
	if err != nil {
		return fmt.Errorf("cancel: %w", err)
	}
	t, release, err := o.begin(ctx, m.ConversationID, func(c Conversation) error {
		if c.Owner != user && c.Owner != OwnerAI {
			return E("cancel", KindConflict, "take the conversation over before cancelling its messages", ErrNotOwner)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("cancel: %w", err)
	}
	defer release()
	if m, err = st.Message(ctx, messageID); err != nil {
		return fmt.Errorf("cancel: %w", err)
	}
	if m.Status != StatusDeferred || m.Author != AuthorSupervisor {
		return fmt.Errorf("cancel: %w", ErrNotDeferred)
	}
	if err := o.cancel(ctx, t.Conversation, m, user, "cancelled by the supervisor"); err != nil {
		return fmt.Errorf("cancel: %w", err)
	}
	return nil
}

// cancel marks a deferred message cancelled and records why.
func (o *Orchestrator) cancel(ctx context.Context, c Conversation, m Message, user, reason string) error {
	moved, err := o.cfg.Store.SetMessageStatus(ctx, m.ID, StatusCancelled, "")
	if err != nil || !moved {
		return err
	}
	if _, err := o.cfg.Store.AddEvent(ctx, Event{ConversationID: c.ID, AccountID: c.AccountID, Kind: EventMessageCancelled, Actor: user,
		At: o.cfg.Clock.Now(), Data: map[string]string{"message_id": m.ID, "reason": reason}}); err != nil {
		return err
	}
	o.publish(ctx, Notice{Kind: "message", ConversationID: c.ID, AccountID: c.AccountID, MessageID: m.ID})
	return nil
}
