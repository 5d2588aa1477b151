package agent

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// Clock tells the time. Tests and evals inject a fixed or stepping clock.
type Clock interface {
	Now() time.Time
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now returns the current time.
func (SystemClock) Now() time.Time { return time.Now() }

// FixedClock is a settable clock for tests and evals; it advances only when told.
type FixedClock struct {
	mu sync.Mutex
	t  time.Time
}

// NewFixedClock returns a clock stopped at t.
func NewFixedClock(t time.Time) *FixedClock { return &FixedClock{t: t} }

// Now returns the clock's time.
func (c *FixedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d.
func (c *FixedClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// Set moves the clock to t.
func (c *FixedClock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// NewID returns a random 128-bit identifier in hex, prefixed: "c_3f…".
func NewID(prefix string) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}

// Outbound is one message handed to a channel's sender.
type Outbound struct {
	MessageID      string
	ConversationID string
	AccountID      string
	Channel        Channel
	To             string
	Text           string
}

// SendError classifies a failed send. Retryable errors (429, 5xx, network)
// are tried again with backoff; others dead-letter the message at once.
type SendError struct {
	Retryable bool
	Code      string // the provider's error code, e.g. "21610"
	Err       error
}

func (e *SendError) Error() string { return e.Err.Error() }
func (e *SendError) Unwrap() error { return e.Err }

// Sender delivers an outbound message on one channel and returns the
// provider's id for it.
type Sender interface {
	Send(ctx context.Context, m Outbound) (providerID string, err error)
}

// Notice tells subscribers that something changed on a conversation. It is
// a wake-up, never the data itself: readers fetch from the store.
type Notice struct {
	Kind           string `json:"kind"` // "message", "event", "conversation", NoticeTyping
	ConversationID string `json:"conversation_id"`
	AccountID      string `json:"account_id,omitempty"`
	MessageID      string `json:"message_id,omitempty"`
	EventKind      string `json:"event_kind,omitempty"`
}

// NoticeTyping is the notice that the borrower is typing in a chat
// conversation; nothing is stored, and the console shows it for a few
// seconds.
const NoticeTyping = "typing"

// Bus carries notices to every subscriber, across replicas where the backend
// can (PostgreSQL LISTEN/NOTIFY). Delivery is best effort.
type Bus interface {
	Publish(ctx context.Context, n Notice) error
	// Subscribe returns a channel of notices that closes when ctx ends.
	Subscribe(ctx context.Context) <-chan Notice
}

// MemoryBus is a Bus inside one process.
type MemoryBus struct {
	mu   sync.Mutex
	subs map[chan Notice]struct{}
}

// NewMemoryBus returns an empty in-process bus.
func NewMemoryBus() *MemoryBus { return &MemoryBus{subs: map[chan Notice]struct{}{}} }

// Publish delivers n to every subscriber without blocking; a subscriber that
// is too slow misses the notice and catches up from the store.
func (b *MemoryBus) Publish(_ context.Context, n Notice) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- n:
		default:
		}
	}
	return nil
}

// Subscribe returns a buffered channel of notices until ctx ends.
func (b *MemoryBus) Subscribe(ctx context.Context) <-chan Notice {
	ch := make(chan Notice, 256)
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
