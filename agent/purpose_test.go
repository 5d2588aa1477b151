package agent_test

import (
	"sync"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// purposeGuard records the purpose of every proposal it judges.
type purposeGuard struct {
	agent.Guard
	mu   sync.Mutex
	seen map[string]string // proposal id: purpose
}

func (g *purposeGuard) Check(p policies.Proposal, f policies.Facts) policies.Decision {
	g.mu.Lock()
	g.seen[p.ID] = p.Purpose
	g.mu.Unlock()
	return g.Guard.Check(p, f)
}

// Every stored decision records the purpose its message was judged under,
// and a deferred message is judged under it again when it goes, not as
// collection: a message stored deferred with the purpose help is checked
// as help when its time comes.
func TestDeferredMessageKeepsItsPurpose(t *testing.T) {
	t.Parallel()
	g := &purposeGuard{seen: map[string]string{}}
	b := setup(t, usAccount(), agent.ChannelSMS, func(_ *agent.Account, c *agent.Config) { g.Guard = c.Guard; c.Guard = g })
	res := b.turn("I have an attorney", cmd(agent.IntentAttorney))
	if len(res.Replies) == 0 || res.Replies[0].Guard == nil || res.Replies[0].Guard.Purpose != policies.PurposeStopNotice {
		t.Fatalf("the acknowledgement's decision does not record its purpose: %+v", res.Replies)
	}
	b.acct.Flags.Attorney = false // another account state, so that a message may go unasked
	if err := b.store.SetAccountFlags(b.ctx, b.acct.ID, b.acct.Flags); err != nil {
		t.Fatal(err)
	}
	text := "You can reply HELP for help or STOP to opt out at any time."
	held, err := b.store.InsertOutbound(b.ctx, agent.Message{ID: "m-held-help", ConversationID: res.Conversation.ID,
		Channel: agent.ChannelSMS, Text: text, TemplateVersion: "help.v1.en", Status: agent.StatusDeferred,
		SendAt: b.clock.Now(), Guard: &policies.Decision{ID: "m-held-help", Action: policies.Defer, Violations: []policies.Violation{},
			Purpose: policies.PurposeHelp}}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	g.mu.Lock()
	clear(g.seen)
	g.mu.Unlock()
	if err := b.orch.SendDeferred(b.ctx, held.ID); err != nil {
		t.Fatal(err)
	}
	msgs, err := b.store.Messages(b.ctx, held.ConversationID, held.Seq, 0)
	if err != nil || len(msgs) == 0 {
		t.Fatalf("nothing stored after the deferred message: %v", err)
	}
	sent := msgs[len(msgs)-1]
	g.mu.Lock()
	for id, judged := range g.seen {
		if judged != policies.PurposeHelp {
			t.Errorf("the deferred message was judged (%s) as %q, want %q", id, judged, policies.PurposeHelp)
		}
	}
	if len(g.seen) == 0 {
		t.Error("the deferred message was not judged")
	}
	g.mu.Unlock()
	if sent.Guard == nil || sent.Guard.Purpose != policies.PurposeHelp {
		t.Errorf("its decision records %+v, want purpose %q", sent.Guard, policies.PurposeHelp)
	}
}
