package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"
)

// Dispatcher sends outbox rows through each channel's Sender: retried with
// backoff on retryable errors, dead-lettered after MaxAttempts or a
// permanent error, and never sent twice for one message id (a row is
// claimed by one worker at a time, and completed in the store before the
// next claim could see it).
type Dispatcher struct {
	Store   OutboxStore
	Senders map[Channel]Sender
	Clock   Clock
	Bus     Bus
	Logger  *slog.Logger
	// Worker names this dispatcher in claims; default a random id.
	Worker string
	// MaxAttempts before a row is dead-lettered; default 6.
	MaxAttempts int
	// Lease is how long a claim holds a row; default 30s.
	Lease time.Duration
	// Batch is how many rows one claim takes; default 32.
	Batch int
	// Parallel is how many conversations' rows are sent at once; default 8.
	// A conversation's own rows go one after another, in claim order, so
	// its replies arrive in the order they were written.
	Parallel int
	// Backoff returns the wait before attempt n+1 after n failures; default
	// exponential from 1s with jitter, capped at 5 minutes.
	Backoff func(attempts int) time.Duration

	kick chan struct{}
	once sync.Once // defaults are set once: Kick and Run may be called from different goroutines
}

// defaults fills in the fields left unset, once.
func (d *Dispatcher) defaults() { d.once.Do(d.setDefaults) }

func (d *Dispatcher) setDefaults() {
	if d.Clock == nil {
		d.Clock = SystemClock{}
	}
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if d.Worker == "" {
		d.Worker = NewID("w_")
	}
	if d.MaxAttempts <= 0 {
		d.MaxAttempts = 6
	}
	if d.Lease <= 0 {
		d.Lease = 30 * time.Second
	}
	if d.Batch <= 0 {
		d.Batch = 32
	}
	if d.Parallel <= 0 {
		d.Parallel = 8
	}
	if d.Backoff == nil {
		d.Backoff = DefaultBackoff
	}
	if d.kick == nil {
		d.kick = make(chan struct{}, 1)
	}
}

// DefaultBackoff waits 1s, 2s, 4s … up to 5 minutes, with ±20% jitter.
func DefaultBackoff(attempts int) time.Duration {
	base := time.Second << min(attempts, 9)
	base = min(base, 5*time.Minute)
	jitter := time.Duration(rand.Int64N(int64(base)/5+1)) - base/10
	return base + jitter
}

// Kick wakes the dispatcher at once; it never blocks.
func (d *Dispatcher) Kick() {
	d.defaults()
	select {
	case d.kick <- struct{}{}:
	default:
	}
}

// Run sends what is due at once, then whenever it is kicked (Kick: a row
// was enqueued), until ctx ends. It does not poll: a row it retries later,
// and rows another process left, are sent by the scheduler's periodic
// sweep (riverjobs.SweepArgs), which kicks it.
func (d *Dispatcher) Run(ctx context.Context) error {
	d.defaults()
	for {
		if err := d.drain(ctx); err != nil && ctx.Err() == nil {
			d.Logger.Warn("outbox pass failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-d.kick:
		}
	}
}

// drain sends due rows, a batch at a time, until a claim finds fewer than
// a batch.
func (d *Dispatcher) drain(ctx context.Context) error {
	for ctx.Err() == nil {
		n, err := d.RunOnce(ctx)
		if err != nil {
			return err
		}
		if n < d.Batch {
			return nil
		}
	}
	return ctx.Err()
}

// RunOnce claims and sends one batch of due rows and reports how many it handled.
func (d *Dispatcher) RunOnce(ctx context.Context) (int, error) {
	d.defaults()
	items, err := d.Store.ClaimOutbox(ctx, d.Worker, d.Clock.Now(), d.Lease, d.Batch)
	if err != nil {
		return 0, fmt.Errorf("outbox: claim: %w", err)
	}
	// Claims come oldest first; group them by conversation in that order.
	var (
		order  []string
		byConv = map[string][]OutboxItem{}
	)
	for _, it := range items {
		if _, ok := byConv[it.ConversationID]; !ok {
			order = append(order, it.ConversationID)
		}
		byConv[it.ConversationID] = append(byConv[it.ConversationID], it)
	}
	sem := make(chan struct{}, d.Parallel)
	var wg sync.WaitGroup
	for _, id := range order {
		sem <- struct{}{}
		wg.Add(1)
		go func(its []OutboxItem) {
			defer func() { <-sem; wg.Done() }()
			for _, it := range its {
				d.send(ctx, it)
			}
		}(byConv[id])
	}
	wg.Wait()
	return len(items), nil
}

func (d *Dispatcher) send(ctx context.Context, it OutboxItem) {
	s, ok := d.Senders[it.Channel]
	if !ok {
		d.fail(ctx, it, "no sender for channel "+string(it.Channel))
		return
	}
	// The row carries what is sent (the message it belongs to exists: the
	// row refers to it) and whose account it is.
	pid, err := s.Send(ctx, Outbound{MessageID: it.MessageID, ConversationID: it.ConversationID, AccountID: it.AccountID, Channel: it.Channel, To: it.To, Text: it.Body})
	if err != nil {
		var se *SendError
		if errors.As(err, &se) && !se.Retryable {
			d.fail(ctx, it, err.Error())
			return
		}
		d.retry(ctx, it, err)
		return
	}
	if err := d.Store.CompleteOutbox(ctx, it.ID, d.Worker, pid); err != nil {
		// The provider has the message; the lease keeps others off the row
		// until it ends. Log loudly: this is the one window where a crash
		// could resend.
		d.Logger.Error("outbox: sent but not recorded", "message", it.MessageID, "err", err)
		return
	}
	d.notify(ctx, it)
}

func (d *Dispatcher) retry(ctx context.Context, it OutboxItem, err error) {
	attempts := it.Attempts // the claim counted this attempt
	if attempts >= d.MaxAttempts {
		d.fail(ctx, it, err.Error())
		return
	}
	next := d.Clock.Now().Add(d.Backoff(attempts))
	d.Logger.Warn("outbox: send failed, will retry", "message", it.MessageID, "attempt", attempts, "err", err)
	if rerr := d.Store.RetryOutbox(ctx, it.ID, d.Worker, next, err.Error()); rerr != nil {
		d.Logger.Error("outbox: retry not recorded", "message", it.MessageID, "err", rerr)
	}
}

func (d *Dispatcher) fail(ctx context.Context, it OutboxItem, reason string) {
	d.Logger.Error("outbox: dead-lettered", "message", it.MessageID, "reason", reason)
	if err := d.Store.FailOutbox(ctx, it.ID, d.Worker, reason); err != nil {
		d.Logger.Error("outbox: dead letter not recorded", "message", it.MessageID, "err", err)
		return
	}
	d.notify(ctx, it)
}

func (d *Dispatcher) notify(ctx context.Context, it OutboxItem) {
	if d.Bus != nil {
		_ = d.Bus.Publish(ctx, Notice{Kind: "message", ConversationID: it.ConversationID, AccountID: it.AccountID, MessageID: it.MessageID})
	}
}
