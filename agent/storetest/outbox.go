package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// queue stores n outbound messages with outbox rows due at T0.
func (f fixture) queue(t *testing.T, n int) []agent.OutboxItem {
	t.Helper()
	var items []agent.OutboxItem
	for i := range n {
		item := &agent.OutboxItem{To: "+15555550100"}
		f.outbound(t, f.conv.ID, fmt.Sprintf("message %d", i), item)
		items = append(items, *item)
	}
	return items
}

func claimIDs(items []agent.OutboxItem) []int64 {
	var ids []int64
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

func testOutboxClaimOnce(t *testing.T, open Open) {
	f := setup(t, open)
	ClaimOnce(t, f.s, f.s)
}

// ClaimOnce queues rows through a and lets workers on every store claim them
// concurrently: each row must be claimed by exactly one worker. Backends
// that run across processes pass stores on separate connection pools.
func ClaimOnce(t *testing.T, a agent.Store, others ...agent.Store) {
	t.Helper()
	ctx := ctxFor(t)
	acct := Account("A-claim", "+15555550900")
	if err := a.PutAccount(ctx, acct); err != nil {
		t.Fatalf("PutAccount: %v", err)
	}
	c := agent.Conversation{AccountID: acct.ID, Channel: agent.ChannelSMS}
	if err := a.CreateConversation(ctx, &c); err != nil {
		t.Fatalf("CreateConversation: %v", err)
	}
	f := fixture{s: a, ctx: ctx, acct: acct, conv: c}
	const rows, workersPerStore = 40, 4
	want := claimIDs(f.queue(t, rows))
	now := time.Now().Add(time.Minute)
	var (
		mu      sync.Mutex
		claimed = map[int64]string{}
		wg      sync.WaitGroup
		dupes   []string
	)
	stores := append([]agent.Store{a}, others...)
	for si, s := range stores {
		for w := range workersPerStore {
			worker := fmt.Sprintf("s%d-w%d", si, w)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					items, err := s.ClaimOutbox(ctx, worker, now, time.Hour, 3)
					if err != nil {
						t.Errorf("%s: ClaimOutbox: %v", worker, err)
						return
					}
					if len(items) == 0 {
						return
					}
					mu.Lock()
					for _, it := range items {
						if prev, ok := claimed[it.ID]; ok {
							dupes = append(dupes, fmt.Sprintf("row %d by %s and %s", it.ID, prev, worker))
						}
						claimed[it.ID] = worker
						if it.Status != agent.OutboxSending || it.ClaimedBy != worker || it.Attempts != 1 {
							t.Errorf("claimed row = %+v", it)
						}
					}
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	if len(dupes) > 0 {
		t.Errorf("rows claimed twice: %v", dupes)
	}
	var got []int64
	for id := range claimed {
		got = append(got, id)
	}
	diff(t, "claimed rows", sortedIDs(want), sortedIDs(got))
}

func testOutboxLeaseExpiry(t *testing.T, open Open) {
	f := setup(t, open)
	f.queue(t, 1)
	now := time.Now()
	first, err := f.s.ClaimOutbox(f.ctx, "w1", now, time.Minute, 10)
	if err != nil || len(first) != 1 {
		t.Fatalf("w1 ClaimOutbox = %d rows, %v; want 1", len(first), err)
	}
	if !first[0].LeaseUntil.Equal(now.Add(time.Minute).Truncate(time.Microsecond)) {
		t.Errorf("lease until %v, want %v", first[0].LeaseUntil, now.Add(time.Minute))
	}
	if first[0].AccountID != f.acct.ID {
		t.Errorf("claimed row's account %q, want %q: a sender needs it", first[0].AccountID, f.acct.ID)
	}
	if got, err := f.s.ClaimOutbox(f.ctx, "w2", now.Add(30*time.Second), time.Minute, 10); err != nil || len(got) != 0 {
		t.Fatalf("w2 claimed %d rows while w1's lease runs (%v)", len(got), err)
	}
	second, err := f.s.ClaimOutbox(f.ctx, "w2", now.Add(2*time.Minute), time.Minute, 10)
	if err != nil || len(second) != 1 {
		t.Fatalf("w2 after the lease ran out claimed %d rows, %v; want 1", len(second), err)
	}
	if second[0].ID != first[0].ID || second[0].ClaimedBy != "w2" || second[0].Attempts != 2 {
		t.Errorf("reclaimed row = %+v", second[0])
	}
	// w1 lost the row: it can no longer complete it.
	if err := f.s.CompleteOutbox(f.ctx, first[0].ID, "w1", "SM-1"); !errors.Is(err, agent.ErrConflict) {
		t.Errorf("CompleteOutbox by the expired holder = %v, want ErrConflict", err)
	}
	if err := f.s.CompleteOutbox(f.ctx, second[0].ID, "w2", "SM-2"); err != nil {
		t.Errorf("CompleteOutbox by the new holder: %v", err)
	}
}

func testOutboxTransitions(t *testing.T, open Open) {
	f := setup(t, open)
	items := f.queue(t, 3)
	now := time.Now()
	claimed, err := f.s.ClaimOutbox(f.ctx, "w1", now, time.Minute, 10)
	if err != nil || len(claimed) != 3 {
		t.Fatalf("ClaimOutbox = %d rows, %v; want 3", len(claimed), err)
	}
	diff(t, "claim order", claimIDs(items), claimIDs(claimed))
	sent, retried, dead := claimed[0], claimed[1], claimed[2]

	if err := f.s.CompleteOutbox(f.ctx, sent.ID, "w1", "SM-sent"); err != nil {
		t.Fatalf("CompleteOutbox: %v", err)
	}
	next := now.Add(30 * time.Second)
	if err := f.s.RetryOutbox(f.ctx, retried.ID, "w1", next, "429 too many requests"); err != nil {
		t.Fatalf("RetryOutbox: %v", err)
	}
	if err := f.s.FailOutbox(f.ctx, dead.ID, "w1", "21610 unsubscribed"); err != nil {
		t.Fatalf("FailOutbox: %v", err)
	}
	// Each transition needs the row held by the worker.
	for name, err := range map[string]error{
		"complete a sent row": f.s.CompleteOutbox(f.ctx, sent.ID, "w1", "SM-x"),
		"retry a pending row": f.s.RetryOutbox(f.ctx, retried.ID, "w1", next, "x"),
		"fail a dead row":     f.s.FailOutbox(f.ctx, dead.ID, "w1", "x"),
	} {
		if !errors.Is(err, agent.ErrConflict) {
			t.Errorf("%s = %v, want ErrConflict", name, err)
		}
	}
	if err := f.s.CompleteOutbox(f.ctx, 999999, "w1", "SM-x"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("CompleteOutbox(missing) = %v, want ErrNotFound", err)
	}

	check := func(status agent.OutboxStatus, want agent.OutboxItem) {
		t.Helper()
		rows, err := f.s.Outbox(f.ctx, status, 0)
		if err != nil {
			t.Fatalf("Outbox(%s): %v", status, err)
		}
		if len(rows) != 1 || rows[0].ID != want.ID {
			t.Fatalf("Outbox(%s) = %v, want row %d", status, claimIDs(rows), want.ID)
		}
		r := rows[0]
		if r.ClaimedBy != "" || !r.LeaseUntil.IsZero() {
			t.Errorf("%s row still leased: %+v", status, r)
		}
		switch status {
		case agent.OutboxSent:
			if r.ProviderID != "SM-sent" {
				t.Errorf("sent row provider id = %q", r.ProviderID)
			}
		case agent.OutboxPending:
			if !r.NextAttemptAt.Equal(next.Truncate(time.Microsecond)) || r.LastError != "429 too many requests" || r.Attempts != 1 {
				t.Errorf("retried row = %+v", r)
			}
		case agent.OutboxDead:
			if r.LastError != "21610 unsubscribed" {
				t.Errorf("dead row = %+v", r)
			}
		}
	}
	check(agent.OutboxSent, sent)
	check(agent.OutboxPending, retried)
	check(agent.OutboxDead, dead)

	msgStatus := func(id string) (agent.MessageStatus, string) {
		m, err := f.s.Message(f.ctx, id)
		if err != nil {
			t.Fatalf("Message: %v", err)
		}
		return m.Status, m.ProviderID
	}
	if st, pid := msgStatus(sent.MessageID); st != agent.StatusSent || pid != "SM-sent" {
		t.Errorf("completed message = %s %q, want sent SM-sent", st, pid)
	}
	if st, _ := msgStatus(retried.MessageID); st != agent.StatusQueued {
		t.Errorf("retried message = %s, want queued", st)
	}
	if st, _ := msgStatus(dead.MessageID); st != agent.StatusFailed {
		t.Errorf("dead-lettered message = %s, want failed", st)
	}
	// The retried row comes back when it is due, not before.
	if got, _ := f.s.ClaimOutbox(f.ctx, "w2", next.Add(-time.Second), time.Minute, 10); len(got) != 0 {
		t.Errorf("retried row claimed %v before it was due", claimIDs(got))
	}
	again, err := f.s.ClaimOutbox(f.ctx, "w2", next, time.Minute, 10)
	if err != nil || len(again) != 1 || again[0].ID != retried.ID || again[0].Attempts != 2 {
		t.Errorf("ClaimOutbox when due = %+v, %v; want the retried row on attempt 2", again, err)
	}
}

func testOutboxNotDue(t *testing.T, open Open) {
	f := setup(t, open)
	later := T0.Add(10 * time.Hour)
	item := &agent.OutboxItem{To: "+15555550100", NextAttemptAt: later}
	f.outbound(t, f.conv.ID, "deferred", item)
	if got, err := f.s.ClaimOutbox(f.ctx, "w1", later.Add(-time.Millisecond), time.Minute, 10); err != nil || len(got) != 0 {
		t.Errorf("ClaimOutbox before due = %d rows, %v", len(got), err)
	}
	if got, err := f.s.ClaimOutbox(f.ctx, "w1", later, time.Minute, 0); err != nil || len(got) != 0 {
		t.Errorf("ClaimOutbox(limit 0) = %d rows, %v; want none", len(got), err)
	}
	if got, err := f.s.ClaimOutbox(f.ctx, "w1", later, time.Minute, 10); err != nil || len(got) != 1 {
		t.Errorf("ClaimOutbox when due = %d rows, %v; want 1", len(got), err)
	}
}
