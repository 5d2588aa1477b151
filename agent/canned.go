package agent

import (
	"context"
	"fmt"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
)

// CannedReply is a ready-made reply offered to a team member, in the
// conversation's language, that the guard would let them send now or at
// the next lawful time.
type CannedReply struct {
	Name    string `json:"name"`
	Text    string `json:"text"`
	Version string `json:"template_version"`
}

// CannedReplies renders the canned replies for user on a conversation and
// checks each with the guard as the message it would become: a reply the
// guard would block is not offered. The judge is not asked: listing is a
// read, and sending one goes through SupervisorSend, the guard and the
// judge.
func (o *Orchestrator) CannedReplies(ctx context.Context, conversationID, user string) ([]CannedReply, error) {
	st := o.cfg.Store
	conv, err := st.Conversation(ctx, conversationID)
	if err != nil {
		return nil, fmt.Errorf("canned replies: %w", err)
	}
	acct, err := st.Account(ctx, conv.AccountID)
	if err != nil {
		return nil, fmt.Errorf("canned replies: %w", err)
	}
	t, err := o.newTurn(ctx, conv, acct, Message{})
	if err != nil {
		return nil, fmt.Errorf("canned replies: %w", err)
	}
	t.initiatedBy = "agent"
	if o.answersBorrower(t.Context.History) {
		t.initiatedBy = "borrower"
	}
	out := make([]CannedReply, 0, len(prompts.CannedNames))
	for _, name := range prompts.CannedNames {
		text, version, err := prompts.Render(t.Locale, prompts.Canned{Name: name, Sender: DisplayName(user)})
		if err != nil {
			return nil, fmt.Errorf("canned replies: %w", err)
		}
		switch d, _ := o.guardCheck(t, Reply{Text: text, TemplateVersion: version}); d.Action {
		case policies.Allow, policies.Revise, policies.Defer:
			out = append(out, CannedReply{Name: name, Text: text, Version: version})
		}
	}
	return out, nil
}
