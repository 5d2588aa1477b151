package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/postgres/pgtest"
)

func newPool(t *testing.T) *pgxpool.Pool {
	t.Helper()
	pool, err := pgxpool.New(context.Background(), pgtest.URL(t))
	if err != nil {
		t.Fatalf("pool: %v", err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// receive waits for the notice about conversation id, skipping notices
// other tests publish on the shared channel.
func receive(t *testing.T, ch <-chan agent.Notice, id string) agent.Notice {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case n, ok := <-ch:
			if !ok {
				t.Fatal("subscription closed")
			}
			if n.ConversationID == id {
				return n
			}
		case <-timeout:
			t.Fatalf("no notice for %s", id)
		}
	}
}

func TestBusAcrossPools(t *testing.T) {
	t.Parallel()
	sender := NewBus(newPool(t), nil)
	listenerPool := newPool(t)
	receiver := NewBus(listenerPool, nil)
	pids := make(chan uint32, 4)
	receiver.onListen = func(pid uint32) { pids <- pid }

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runDone := make(chan error, 1)
	go func() { runDone <- receiver.Run(ctx) }()
	sub := receiver.Subscribe(ctx)
	pid := <-pids

	want := agent.Notice{Kind: "message", ConversationID: agent.NewID("c_"), AccountID: "A-1", MessageID: "m_1"}
	if err := sender.Publish(ctx, want); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if got := receive(t, sub, want.ConversationID); got != want {
		t.Errorf("received %+v, want %+v", got, want)
	}

	// Kill the listening session: the bus reconnects and delivers again.
	if _, err := listenerPool.Exec(ctx, "SELECT pg_terminate_backend($1)", int32(pid)); err != nil {
		t.Fatalf("terminate listener: %v", err)
	}
	if again := <-pids; again == pid {
		t.Fatalf("listener came back on the same backend %d", pid)
	}
	after := agent.Notice{Kind: "event", ConversationID: agent.NewID("c_"), EventKind: "opted_out"}
	if err := sender.Publish(ctx, after); err != nil {
		t.Fatalf("Publish after reconnect: %v", err)
	}
	if got := receive(t, sub, after.ConversationID); got != after {
		t.Errorf("after reconnect received %+v, want %+v", got, after)
	}

	cancel()
	if err := <-runDone; err != nil {
		t.Errorf("Run = %v, want nil after cancel", err)
	}
	for range sub {
	}
}

func TestBusPublishTooLarge(t *testing.T) {
	t.Parallel()
	b := NewBus(newPool(t), nil)
	big := agent.Notice{Kind: "message", ConversationID: string(make([]byte, maxPayload))}
	if err := b.Publish(context.Background(), big); err == nil {
		t.Error("Publish of an oversized notice succeeded")
	}
}
