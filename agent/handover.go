package agent

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-collections/parley/prompts"
)

// DisplayName is how a console user is named to borrowers and in the
// console: the user name's words, capitalised ("sam" is "Sam",
// "sam.lee" is "Sam Lee").
func DisplayName(user string) string {
	words := strings.FieldsFunc(user, func(r rune) bool { return r == '.' || r == '_' || r == '-' || unicode.IsSpace(r) })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	if len(words) == 0 {
		return user
	}
	return strings.Join(words, " ")
}

// announce tells the borrower who is talking now: a notice passed through
// the guard like any message. A notice the guard would hold for contact
// hours is cancelled at once: it would be out of date by then.
//
// It takes no lock: the notice goes out the moment ownership changes,
// while a borrower's turn may still be in flight under the lock (that
// turn finds the new owner when it commits and drops its draft), and a
// supervisor's take-over must not wait for a model to answer.
func (o *Orchestrator) announce(ctx context.Context, conversationID, user string, data prompts.Data) error {
	st := o.cfg.Store
	conv, err := st.Conversation(ctx, conversationID)
	if err != nil {
		return err
	}
	acct, err := st.Account(ctx, conv.AccountID)
	if err != nil {
		return err
	}
	t, err := o.newTurn(ctx, conv, acct, Message{})
	if err != nil {
		return err
	}
	t.initiatedBy = "agent"
	o.replying(t)
	text, version, err := prompts.Render(t.Locale, data)
	if err != nil {
		return err
	}
	m, _, err := o.deliver(ctx, t, Reply{Text: text, TemplateVersion: version}, NewID("m_"), AuthorSystem, user, turnOptions{})
	if err != nil {
		return err
	}
	_, _, msgs, err := o.commit(ctx, t, user, turnOptions{})
	if err != nil {
		return err
	}
	if len(msgs) > 0 {
		m = msgs[0].Message
	}
	if m.Status == StatusDeferred {
		return o.cancel(ctx, conv, m, user, "a notice of who is talking is not sent after contact hours begin")
	}
	return nil
}

// answerLast has the AI answer the borrower's last message when nothing
// answered it while a person had the conversation. It runs a turn on that
// message under the conversation's lock, with replies of its own ids.
func (o *Orchestrator) answerLast(ctx context.Context, conversationID string) error {
	t, release, err := o.begin(ctx, conversationID, func(c Conversation) error {
		if !c.OwnedByAI() || c.Channel == ChannelVoice {
			return errSkip
		}
		return nil
	})
	if errors.Is(err, errSkip) {
		return nil
	}
	if err != nil {
		return err
	}
	defer release()
	conv := t.Conversation
	in, ok, err := o.unanswered(ctx, conversationID)
	if err != nil || !ok {
		return err
	}
	// The message's own turn ran already (with a person as owner): this
	// turn is a new one on its words, so its replies get ids of their
	// own; it sees the message as the turn's words.
	t.Inbound = in
	t.Inbound.ID = ""
	o.replying(t)
	u, err := o.cfg.Brain.Understand(ctx, t.Context, in.Text)
	if err != nil {
		o.log.Warn("brain failed", "conversation", conv.ID, "err", err)
		u = Understanding{Commands: []Command{{Intent: IntentUnknown}}, Brain: "none", Fallback: err.Error()}
	}
	t.Understanding = u
	if err := o.respond(ctx, t); err != nil {
		return fmt.Errorf("flows: %w", err)
	}
	var res TurnResult
	return o.finish(ctx, t, &res, turnOptions{})
}

// unanswered is the borrower's last message when no message from the AI
// or a person that reaches the borrower came after it.
func (o *Orchestrator) unanswered(ctx context.Context, conversationID string) (Message, bool, error) {
	msgs, err := o.cfg.Store.Messages(ctx, conversationID, 0, 0)
	if err != nil {
		return Message{}, false, err
	}
	for i := len(msgs) - 1; i >= 0; i-- {
		m := msgs[i]
		if m.Direction == DirectionIn {
			// A message still waiting for its own turn is answered by it.
			return m, m.Status != StatusReceived, nil
		}
		if (m.Author == AuthorAgent || m.Author == AuthorSupervisor) && reaches(m.Status) {
			return Message{}, false, nil
		}
	}
	return Message{}, false, nil
}

// reaches reports whether a message in status s went or goes to the borrower.
func reaches(s MessageStatus) bool {
	switch s {
	case StatusQueued, StatusSending, StatusSent, StatusDelivered, StatusRead, StatusDeferred:
		return true
	}
	return false
}
