package sqlite

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/storetest"
)

// Concurrent waiters share flushes, and each returns only after a flush that
// began after it called.
func TestGroupFlushSharesFlushes(t *testing.T) {
	f := newWALFlusher("/nonexistent/db")
	var (
		mu    sync.Mutex
		begun []time.Time
	)
	f.sync = func(string) error {
		mu.Lock()
		begun = append(begun, time.Now())
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		return nil
	}
	const waiters = 50
	var wg sync.WaitGroup
	late := atomic.Int64{}
	for range waiters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			called := time.Now()
			if err := f.wait(); err != nil {
				t.Error(err)
			}
			// Some flush must have begun at or after this call.
			mu.Lock()
			defer mu.Unlock()
			if !begun[len(begun)-1].After(called) && !begun[len(begun)-1].Equal(called) {
				late.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := f.count; n >= waiters/2 || n < 1 {
		t.Errorf("%d waiters took %d flushes; want a few shared ones", waiters, n)
	}
	if late.Load() > 0 {
		t.Errorf("%d waiters returned without a flush begun after their call", late.Load())
	}
}

func TestGroupFlushReportsFailure(t *testing.T) {
	f := newWALFlusher("/nonexistent/db")
	boom := errors.New("disk gone")
	fail := true
	f.sync = func(string) error {
		if fail {
			return boom
		}
		return nil
	}
	if err := f.wait(); !errors.Is(err, boom) {
		t.Fatalf("failed flush: err = %v, want %v", err, boom)
	}
	fail = false
	if err := f.wait(); err != nil {
		t.Fatalf("flush after recovery: %v", err)
	}
}

// On a file store every write waits for a flush, unless it was stored
// agent.FlushLater; reads and an outbox claim with nothing due do not flush.
func TestStoreWritesFlush(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	flushes := func() uint64 {
		s.flush.mu.Lock()
		defer s.flush.mu.Unlock()
		return s.flush.count
	}
	acct := storetest.Account("A-flush", "+15555550123")
	if err := s.PutAccount(ctx, acct); err != nil {
		t.Fatal(err)
	}
	c := agent.Conversation{AccountID: acct.ID, Channel: agent.ChannelSMS, Address: "+15555550123"}
	n0 := flushes()
	if err := s.CreateConversation(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if flushes() != n0+1 {
		t.Errorf("CreateConversation: %d flushes, want 1", flushes()-n0)
	}
	n0 = flushes()
	if _, _, err := s.InsertInbound(ctx, agent.Message{ConversationID: c.ID, Text: "hello", ChannelMessageID: "SM0"}, agent.FlushLater); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Conversation(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClaimOutbox(ctx, "w", time.Now(), time.Minute, 10); err != nil {
		t.Fatal(err)
	}
	if flushes() != n0 {
		t.Errorf("a FlushLater insert, a read and an empty claim flushed %d times, want 0", flushes()-n0)
	}
	if _, _, err := s.InsertInbound(ctx, agent.Message{ConversationID: c.ID, Text: "hi", ChannelMessageID: "SM1"}, agent.Durable); err != nil {
		t.Fatal(err)
	}
	if flushes() != n0+1 {
		t.Errorf("InsertInbound: %d flushes, want 1", flushes()-n0)
	}
	n0 = flushes()
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if flushes() != n0+1 {
		t.Errorf("Flush: %d flushes, want 1", flushes()-n0)
	}
}
