package agent_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// failFinish fails the first FinishTurn it is asked for: a turn that
// crashes after its flows decided and before its end was committed.
type failFinish struct {
	agent.Store
	failed bool
}

func (f *failFinish) FinishTurn(ctx context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	if !f.failed {
		f.failed = true
		return "", nil, errors.New("injected: connection lost")
	}
	return f.Store.FinishTurn(ctx, end)
}

func (f *failFinish) BeginTurn(ctx context.Context, id string, q agent.TurnQuery) (agent.HeldTurn, agent.TurnData, error) {
	return heldVia(f.Store, f.FinishTurn)(ctx, id, q)
}

// heldVia returns st's BeginTurn whose held turns commit through commit
// (a wrapper's FinishTurn) and then release their lock.
func heldVia(st agent.Store, commit func(context.Context, agent.TurnEnd) (string, []agent.Event, error)) func(context.Context, string, agent.TurnQuery) (agent.HeldTurn, agent.TurnData, error) {
	return func(ctx context.Context, id string, q agent.TurnQuery) (agent.HeldTurn, agent.TurnData, error) {
		h, d, err := st.BeginTurn(ctx, id, q)
		if err != nil {
			return h, d, err
		}
		return committedVia{HeldTurn: h, commit: commit}, d, nil
	}
}

type committedVia struct {
	agent.HeldTurn
	commit func(context.Context, agent.TurnEnd) (string, []agent.Event, error)
}

func (c committedVia) Commit(ctx context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	defer c.Release()
	return c.commit(ctx, end)
}

// A turn that fails before its end is committed leaves nothing of what its
// flows decided, and running it again records each effect once.
func TestEffectsCommitWithTheTurn(t *testing.T) {
	t.Parallel()
	var ff *failFinish
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.verify()
	orch, err := agent.NewOrchestrator(agent.Config{Store: func() agent.Store { ff = &failFinish{Store: b.store}; return ff }(),
		Brain: b.brain, Guard: b.orch.Guard(), Clock: b.clock})
	if err != nil {
		t.Fatal(err)
	}
	b.brain.learn("this is not my debt and my lawyer handles it", "", []agent.Command{cmd(agent.IntentDispute)})
	in := agent.Inbound{Channel: agent.ChannelSMS, AccountID: b.acct.ID, From: b.acct.Borrower.Phones[0],
		Text: "this is not my debt and my lawyer handles it", ChannelMessageID: "SM-eff1", ConversationID: b.convID}
	if _, err := orch.Handle(b.ctx, in); err == nil {
		t.Fatal("the turn succeeded although its commit failed")
	}
	if ds, _ := b.store.Disputes(b.ctx, b.acct.ID); len(ds) != 0 {
		t.Fatalf("a turn whose commit failed recorded %d disputes", len(ds))
	}
	if a, _ := b.store.Account(b.ctx, b.acct.ID); a.Flags.Disputed {
		t.Fatal("a turn whose commit failed set the disputed flag")
	}
	m, err := b.store.MessageByChannelID(b.ctx, agent.ChannelSMS, "SM-eff1")
	if err != nil || m.Status != agent.StatusReceived {
		t.Fatalf("inbound after the failed turn: %+v, %v; want it still received", m, err)
	}
	for range 2 {
		if _, err := orch.Process(b.ctx, m.ID); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := b.store.Disputes(b.ctx, b.acct.ID)
	if err != nil || len(ds) != 1 {
		t.Fatalf("disputes after the turn ran again: %+v, %v; want one", ds, err)
	}
	if a, _ := b.store.Account(b.ctx, b.acct.ID); !a.Flags.Disputed {
		t.Fatal("the disputed flag was not set")
	}
}

// A wrong identity answer is counted by the turn's commit: a turn that
// fails before it commits counts no failed attempt, and the same turn run
// again counts one, so a borrower keeps the tries a crash did not use.
func TestVerificationFailureCountsWithTheTurn(t *testing.T) {
	t.Parallel()
	var ff *failFinish
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.turn("whats my balance", cmd(agent.IntentAskBalance))
	orch, err := agent.NewOrchestrator(agent.Config{Store: func() agent.Store { ff = &failFinish{Store: b.store}; return ff }(),
		Brain: b.brain, Guard: b.orch.Guard(), Clock: b.clock})
	if err != nil {
		t.Fatal(err)
	}
	text := "dob 1986-02-03 zip 10001"
	b.brain.learn(text, "", []agent.Command{identity("1986-02-03", "10001")})
	in := agent.Inbound{Channel: agent.ChannelSMS, AccountID: b.acct.ID, From: b.acct.Borrower.Phones[0],
		Text: text, ChannelMessageID: "SM-idf1", ConversationID: b.convID}
	if _, err := orch.Handle(b.ctx, in); err == nil {
		t.Fatal("the turn succeeded although its commit failed")
	}
	key := agent.IdentityFailureKey(b.acct.ID)
	if n, _, err := b.store.LoginFailures(b.ctx, key, time.Time{}); err != nil || n != 0 {
		t.Fatalf("failed attempts after a turn whose commit failed = %d, %v; want 0", n, err)
	}
	m, err := b.store.MessageByChannelID(b.ctx, agent.ChannelSMS, "SM-idf1")
	if err != nil {
		t.Fatal(err)
	}
	res, err := orch.Process(b.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, res, "2 tries left")
	if n, _, err := b.store.LoginFailures(b.ctx, key, time.Time{}); err != nil || n != 1 {
		t.Fatalf("failed attempts after the turn ran again = %d, %v; want 1", n, err)
	}

	// A success clears the count with the turn that verifies.
	res = b.turn("april 12 1985, 60601", identity("1985-04-12", "60601"))
	wantEvents(t, res, agent.EventIdentityVerified)
	if n, _, err := b.store.LoginFailures(b.ctx, key, time.Time{}); err != nil || n != 0 {
		t.Fatalf("failed attempts after verifying = %d, %v; want 0", n, err)
	}
}
