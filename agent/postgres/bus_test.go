package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
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

// A burst of notices arrives whole and in order, packed into few
// notifications.
func TestBusBurstInOrder(t *testing.T) {
	t.Parallel()
	sender := NewBus(newPool(t), nil)
	receiver := NewBus(newPool(t), nil)
	pids := make(chan uint32, 4)
	receiver.onListen = func(pid uint32) { pids <- pid }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go receiver.Run(ctx)
	sub := receiver.Subscribe(ctx)
	<-pids

	conv := agent.NewID("c_")
	const n = 2000 // more than the subscription buffers: read while publishing
	got := make(chan []string, 1)
	go func() {
		var ids []string
		timeout := time.After(20 * time.Second)
		for len(ids) < n {
			select {
			case x := <-sub:
				if x.ConversationID == conv {
					ids = append(ids, x.MessageID)
				}
			case <-timeout:
				got <- ids
				return
			}
		}
		got <- ids
	}()
	for i := range n {
		if err := sender.Publish(ctx, agent.Notice{Kind: "message", ConversationID: conv, MessageID: fmt.Sprintf("m_%04d", i)}); err != nil {
			t.Fatalf("Publish %d: %v", i, err)
		}
	}
	ids := <-got
	if len(ids) != n {
		t.Fatalf("received %d of %d notices", len(ids), n)
	}
	for i, id := range ids {
		if want := fmt.Sprintf("m_%04d", i); id != want {
			t.Fatalf("notice %d is %s, want %s: out of order", i, id, want)
		}
	}
}

func TestPackUnpack(t *testing.T) {
	t.Parallel()
	var encoded [][]byte
	var want []agent.Notice
	for i := range 500 {
		n := agent.Notice{Kind: "event", ConversationID: fmt.Sprintf("c_%d", i), EventKind: "plan_offered"}
		b, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		encoded, want = append(encoded, b), append(want, n)
	}
	payloads := pack(encoded)
	if len(payloads) < 2 {
		t.Fatalf("500 notices packed into %d payloads; want them split by size", len(payloads))
	}
	var got []agent.Notice
	for _, p := range payloads {
		if len(p) > maxPayload {
			t.Errorf("a payload of %d bytes is over %d", len(p), maxPayload)
		}
		ns, err := unpack(p)
		if err != nil {
			t.Fatalf("unpack: %v", err)
		}
		got = append(got, ns...)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unpacked %d notices, not the %d packed in order", len(got), len(want))
	}
	// A single notice, as an older replica sends it, still reads.
	one, err := unpack(string(encoded[0]))
	if err != nil || len(one) != 1 || one[0] != want[0] {
		t.Errorf("unpack(single) = %v, %v", one, err)
	}
}
