package agent_test

import (
	"fmt"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// The pending sweep runs a stored, unanswered message at once, however
// young it is, when no turn of this process holds it, and runs it once.
func TestPendingSweepRunsUnclaimedAtOnce(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	m, _, err := b.orch.Receive(b.ctx, agent.Inbound{Channel: agent.ChannelSMS, From: "+15551230001", Text: "hello", ChannelMessageID: "SM-lost-1"})
	if err != nil {
		t.Fatal(err)
	}
	// Stored here and held for its turn: the sweep leaves it alone.
	if n, err := b.orch.SweepPending(b.ctx); err != nil || n != 0 {
		t.Fatalf("sweep of a held message ran %d turns (err %v), want 0", n, err)
	}
	// The channel gave it up (a queue with no room, a stopped worker).
	b.orch.Release(m.ID)
	n, err := b.orch.SweepPending(b.ctx)
	if err != nil || n != 1 {
		t.Fatalf("sweep ran %d turns (err %v), want 1", n, err)
	}
	got, err := b.store.Message(b.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status == agent.StatusReceived {
		t.Errorf("message still %s after the sweep", got.Status)
	}
	if n, _ := b.orch.SweepPending(b.ctx); n != 0 {
		t.Errorf("a second sweep ran %d turns, want 0", n)
	}
}

// A turn that ends releases its message, answered or not: a message whose
// turn failed is left to the sweep, not held for ever.
func TestTurnReleasesItsMessage(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	m, _, err := b.orch.Receive(b.ctx, agent.Inbound{Channel: agent.ChannelSMS, From: "+15551230001", Text: "hello", ChannelMessageID: "SM-run-1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.orch.Process(b.ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if b.orch.Holds(m.ID) {
		t.Errorf("message %s still held after its turn", m.ID)
	}
	if n, _ := b.orch.SweepPending(b.ctx); n != 0 {
		t.Errorf("sweep after the turn ran %d turns, want 0", n)
	}
}

// One sweep runs every unheld pending turn, however many batches of the
// store's reads that takes, not one batch a wake.
func TestPendingSweepDrainsEveryBatch(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	const n = 250
	for i := range n {
		m, _, err := b.orch.Receive(b.ctx, agent.Inbound{Channel: agent.ChannelSMS, From: "+15551230001", Text: "hello", ChannelMessageID: fmt.Sprintf("SM-many-%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		b.orch.Release(m.ID)
	}
	ran, err := b.orch.SweepPending(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ran != n {
		t.Errorf("one sweep ran %d turns of %d", ran, n)
	}
	if left, _ := b.store.PendingInbound(b.ctx, 0); len(left) != 0 {
		t.Errorf("%d messages still pending after the sweep", len(left))
	}
}
