package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/storetest"
)

// chainFixture opens a file store with one account and conversation.
func chainFixture(t *testing.T) (*Store, agent.Conversation) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a := storetest.Account("A-1", "+15555550101")
	if err := s.PutAccount(ctx, a); err != nil {
		t.Fatal(err)
	}
	c := agent.Conversation{AccountID: a.ID, Channel: agent.ChannelSMS}
	if err := s.CreateConversation(ctx, &c); err != nil {
		t.Fatal(err)
	}
	return s, c
}

// queueWrites starts each write in order, each only once the one before
// is waiting for the chain, and returns their results in that order.
func queueWrites(t *testing.T, s *Store, writes ...func() error) []chan error {
	t.Helper()
	out := make([]chan error, len(writes))
	for i, w := range writes {
		out[i] = make(chan error, 1)
		go func() { out[i] <- w() }()
		deadline := time.Now().Add(5 * time.Second)
		for {
			s.chain.mu.Lock()
			n := len(s.chain.queue)
			s.chain.mu.Unlock()
			if n == i+1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("write %d never queued", i)
			}
			time.Sleep(time.Millisecond)
		}
	}
	return out
}

func eventWrite(s *Store, c agent.Conversation, kind string) func() error {
	return func() error {
		_, err := s.AddEvent(context.Background(), agent.Event{ConversationID: c.ID, AccountID: c.AccountID, Kind: agent.EventKind(kind)})
		return err
	}
}

func eventKinds(t *testing.T, s *Store, c agent.Conversation) []string {
	t.Helper()
	es, err := s.Events(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, string(e.Kind))
	}
	return out
}

// Writes that arrive while one is running share its commit; a write that
// fails undoes only its own part.
func TestChainedWritesShareOneCommit(t *testing.T) {
	s, c := chainFixture(t)
	ctx := context.Background()
	before := s.chain.commits
	holder, err := s.begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var writes []func() error
	for i := range 5 {
		writes = append(writes, eventWrite(s, c, fmt.Sprintf("e%d", i)))
		if i == 2 {
			writes = append(writes, func() error { // an unknown account: a foreign key error
				return s.CreateConversation(ctx, &agent.Conversation{AccountID: "A-missing", Channel: agent.ChannelSMS})
			})
		}
	}
	results := queueWrites(t, s, writes...)
	if err := holder.Commit(); err != nil {
		t.Fatalf("holder: %v", err)
	}
	for i, r := range results {
		err := <-r
		if i == 3 {
			if !errors.Is(err, agent.ErrNotFound) {
				t.Errorf("the failing write: %v, want ErrNotFound", err)
			}
			continue
		}
		if err != nil {
			t.Errorf("write %d: %v", i, err)
		}
	}
	if n := s.chain.commits - before; n != 1 {
		t.Errorf("%d commits for 7 writes, want 1", n)
	}
	want := "[e0 e1 e2 e3 e4]"
	if got := fmt.Sprint(eventKinds(t, s, c)); got != want {
		t.Errorf("events %s, want %s", got, want)
	}
	if cs, _ := s.Conversations(ctx, agent.ConversationFilter{}); len(cs) != 1 {
		t.Errorf("%d conversations, want the fixture's only", len(cs))
	}
}

// A chain commits at maxChain writes even with more waiting.
func TestChainIsBounded(t *testing.T) {
	s, c := chainFixture(t)
	before := s.chain.commits
	holder, err := s.begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var writes []func() error
	for i := range maxChain + 3 {
		writes = append(writes, eventWrite(s, c, fmt.Sprintf("e%d", i)))
	}
	results := queueWrites(t, s, writes...)
	if err := holder.Commit(); err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		if err := <-r; err != nil {
			t.Errorf("write %d: %v", i, err)
		}
	}
	if n := s.chain.commits - before; n != 2 {
		t.Errorf("%d commits for %d writes, want 2", n, maxChain+4)
	}
	if n := len(eventKinds(t, s, c)); n != maxChain+3 {
		t.Errorf("%d events, want %d", n, maxChain+3)
	}
}

// When the shared transaction is lost, every write released into it
// reports the error and none of it is stored; writes after it start a new
// transaction.
func TestChainLostTransactionFailsEveryWrite(t *testing.T) {
	s, c := chainFixture(t)
	ctx := context.Background()
	holder, err := s.begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	results := queueWrites(t, s,
		eventWrite(s, c, "lost"),
		func() error { // ends the shared transaction under the chain
			return s.update(ctx, func(tx *wtx) error {
				_, err := tx.ExecContext(ctx, "ROLLBACK")
				return err
			})
		},
		eventWrite(s, c, "kept"),
	)
	if err := holder.Commit(); err == nil {
		t.Error("the holder's write reported committed in a lost transaction")
	}
	for i, r := range results[:2] {
		if err := <-r; err == nil {
			t.Errorf("write %d reported committed in a lost transaction", i)
		}
	}
	if err := <-results[2]; err != nil {
		t.Errorf("the write after: %v", err)
	}
	if got := fmt.Sprint(eventKinds(t, s, c)); got != "[kept]" {
		t.Errorf("events %s, want [kept]", got)
	}
}

// A caller that gives up while waiting is told so and writes nothing.
func TestChainWaiterGivesUp(t *testing.T) {
	s, c := chainFixture(t)
	holder, err := s.begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	results := queueWrites(t, s, func() error {
		_, err := s.AddEvent(ctx, agent.Event{ConversationID: c.ID, AccountID: c.AccountID, Kind: "cancelled"})
		return err
	}, eventWrite(s, c, "after"))
	cancel()
	if err := holder.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-results[0]; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled write: %v, want context.Canceled", err)
	}
	if err := <-results[1]; err != nil {
		t.Errorf("write after: %v", err)
	}
	if got := fmt.Sprint(eventKinds(t, s, c)); got != "[after]" {
		t.Errorf("events %s, want [after]", got)
	}
}
