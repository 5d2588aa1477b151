package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
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

	// Notices wait in pending for the one sender goroutine, which packs
	// all that are waiting into as few notifications as their size allows:
	// under load a turn's several notices cost the database one NOTIFY
	// between them, not one each.
	pmu     sync.Mutex
	pending [][]byte
	sending bool

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

// maxPending bounds the notices waiting to be sent; beyond it Publish
// drops the notice and says so, as a subscriber that cannot keep up would.
const maxPending = 10000

// Publish queues n for every replica's subscribers and returns; a sender
// goroutine delivers it through pg_notify, packed with the notices queued
// beside it. A notice that cannot be encoded, is too large or finds the
// queue full is an error; a failed send is logged.
func (b *Bus) Publish(ctx context.Context, n agent.Notice) error {
	payload, err := json.Marshal(n)
	if err != nil {
		return fmt.Errorf("postgres bus: publish: %w", err)
	}
	if len(payload) > maxPayload-2 {
		return fmt.Errorf("postgres bus: publish: notice of %d bytes is over the %d-byte limit", len(payload), maxPayload-2)
	}
	b.pmu.Lock()
	defer b.pmu.Unlock()
	if len(b.pending) >= maxPending {
		return fmt.Errorf("postgres bus: publish: %d notices already wait to be sent", len(b.pending))
	}
	b.pending = append(b.pending, payload)
	if !b.sending {
		b.sending = true
		go b.send()
	}
	return nil
}

// send delivers pending notices until none wait, then ends.
func (b *Bus) send() {
	for {
		b.pmu.Lock()
		batch := b.pending
		b.pending = nil
		if len(batch) == 0 {
			b.sending = false
			b.pmu.Unlock()
			return
		}
		b.pmu.Unlock()
		payloads := pack(batch)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err := b.notify(ctx, payloads)
		cancel()
		if err != nil {
			b.log.Warn("postgres bus: notices not sent", "notices", len(batch), "error", err)
		}
	}
}

// notify sends each payload as one notification, in one round trip.
func (b *Bus) notify(ctx context.Context, payloads []string) error {
	if len(payloads) == 1 {
		_, err := b.pool.Exec(ctx, "SELECT pg_notify($1, $2)", busChannel, payloads[0])
		return err
	}
	batch := &pgx.Batch{}
	for _, p := range payloads {
		batch.Queue("SELECT pg_notify($1, $2)", busChannel, p)
	}
	return b.pool.SendBatch(ctx, batch).Close()
}

// pack joins encoded notices into JSON arrays of at most maxPayload bytes,
// in order.
func pack(notices [][]byte) []string {
	var out []string
	buf := make([]byte, 0, maxPayload)
	for _, n := range notices {
		if len(buf) > 0 && len(buf)+1+len(n)+1 > maxPayload {
			out = append(out, string(append(buf, ']')))
			buf = buf[:0]
		}
		if len(buf) == 0 {
			buf = append(buf, '[')
		} else {
			buf = append(buf, ',')
		}
		buf = append(buf, n...)
	}
	if len(buf) > 0 {
		out = append(out, string(append(buf, ']')))
	}
	return out
}

// unpack reads a notification's payload: an array of notices, or one
// notice alone.
func unpack(payload string) ([]agent.Notice, error) {
	if strings.HasPrefix(payload, "[") {
		var ns []agent.Notice
		err := json.Unmarshal([]byte(payload), &ns)
		return ns, err
	}
	var n agent.Notice
	if err := json.Unmarshal([]byte(payload), &n); err != nil {
		return nil, err
	}
	return []agent.Notice{n}, nil
}

// subBuffer is how many notices a subscription holds. Notices arrive
// packed, many in one notification, so the buffer takes whole bursts.
const subBuffer = 4096

// Subscribe returns a buffered channel of notices that closes when ctx
// ends. A subscriber too slow to keep up misses notices.
func (b *Bus) Subscribe(ctx context.Context) <-chan agent.Notice {
	ch := make(chan agent.Notice, subBuffer)
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
		notices, err := unpack(n.Payload)
		if err != nil {
			b.log.Warn("postgres bus: dropping a malformed notice", "error", err)
			continue
		}
		for _, notice := range notices {
			b.deliver(notice)
		}
	}
}
