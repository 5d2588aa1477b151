package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/parley-collections/parley/agent"
)

// busChannel is the LISTEN/NOTIFY channel notices travel on.
const busChannel = "parley_notices"

// maxPayload is PostgreSQL's limit on a notification payload, less a margin.
const maxPayload = 7900

var _ agent.Bus = (*Bus)(nil)

// Bus is agent.Bus on LISTEN/NOTIFY: a notice published by any replica
// reaches the subscribers of every replica whose Bus is running. Delivery
// is best effort: notices sent while the listener reconnects are lost, and
// readers catch up from the store.
type Bus struct {
	pool *pgxpool.Pool
	log  *slog.Logger

	mu   sync.Mutex
	subs map[chan agent.Notice]struct{}

	// onListen, when set, is told the backend pid each time LISTEN is in
	// place; tests use it to wait for the listener.
	onListen func(pid uint32)
}

// NewBus returns a bus over pool; call Run to receive notices. A nil log
// discards the bus's reconnect messages.
func NewBus(pool *pgxpool.Pool, log *slog.Logger) *Bus {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Bus{pool: pool, log: log, subs: map[chan agent.Notice]struct{}{}}
}

// Publish sends n to every replica's subscribers through pg_notify.
func (b *Bus) Publish(ctx context.Context, n agent.Notice) error {
	payload, err := json.Marshal(n)
	if err != nil {
		return fmt.Errorf("postgres bus: publish: %w", err)
	}
	if len(payload) > maxPayload {
		return fmt.Errorf("postgres bus: publish: notice of %d bytes is over the %d-byte limit", len(payload), maxPayload)
	}
	if _, err := b.pool.Exec(ctx, "SELECT pg_notify($1, $2)", busChannel, string(payload)); err != nil {
		return fmt.Errorf("postgres bus: publish: %w", err)
	}
	return nil
}

// Subscribe returns a buffered channel of notices that closes when ctx
// ends. A subscriber too slow to keep up misses notices.
func (b *Bus) Subscribe(ctx context.Context) <-chan agent.Notice {
	ch := make(chan agent.Notice, 256)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		delete(b.subs, ch)
		close(ch)
		b.mu.Unlock()
	}()
	return ch
}

func (b *Bus) deliver(n agent.Notice) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- n:
		default:
		}
	}
}

// Run listens on a dedicated connection until ctx ends, reconnecting with
// backoff when the connection is lost. It returns nil when ctx ends.
func (b *Bus) Run(ctx context.Context) error {
	const first, most = 100 * time.Millisecond, 5 * time.Second
	backoff := first
	for {
		listened, err := b.listen(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if listened {
			backoff = first
		}
		b.log.Warn("postgres bus: listener lost, reconnecting", "error", err, "retry_in", backoff)
		select {
		case <-time.After(backoff):
		case <-ctx.Done():
			return nil
		}
		backoff = min(2*backoff, most)
	}
}

// listen takes a connection out of the pool for good, LISTENs on it and
// delivers notifications until it fails; listened reports whether LISTEN
// was in place.
func (b *Bus) listen(ctx context.Context) (listened bool, err error) {
	pc, err := b.pool.Acquire(ctx)
	if err != nil {
		return false, err
	}
	conn := pc.Hijack() // a listening session never goes back to the pool
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+busChannel); err != nil {
		return false, err
	}
	if b.onListen != nil {
		b.onListen(conn.PgConn().PID())
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return true, err
		}
		var notice agent.Notice
		if err := json.Unmarshal([]byte(n.Payload), &notice); err != nil {
			b.log.Warn("postgres bus: dropping a malformed notice", "error", err)
			continue
		}
		b.deliver(notice)
	}
}
