package storetest

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// testPrivacy runs the contract of the optional privacy interfaces: a
// backend that has one must keep it.
func testPrivacy(t *testing.T, open Open) {
	for _, tt := range []struct {
		name string
		fn   func(t *testing.T, open Open)
	}{
		{"SetIdentity", testSetIdentity},
		{"LoginThrottle", testLoginThrottle},
		{"SetPassword", testSetPassword},
		{"SpendToken", testSpendToken},
		{"PurgeClosed", testPurgeClosed},
		{"InboundText", testInboundText},
		{"AccessLog", testAccessLog},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.fn(t, open)
		})
	}
}

func testLoginThrottle(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	since := T0.Add(-24 * time.Hour)
	for i := 1; i <= 3; i++ {
		n, err := s.RecordLoginFailure(ctx, "name:supervisor", T0.Add(time.Duration(i)*time.Second), since)
		if err != nil || n != i {
			t.Fatalf("RecordLoginFailure #%d = %d, %v", i, n, err)
		}
	}
	n, last, err := s.LoginFailures(ctx, "name:supervisor", since)
	if err != nil || n != 3 || !last.Equal(T0.Add(3*time.Second)) {
		t.Errorf("LoginFailures = %d, %v, %v; want 3, %v", n, last, err, T0.Add(3*time.Second))
	}
	if n, _, err := s.LoginFailures(ctx, "name:supervisor", T0.Add(time.Minute)); err != nil || n != 0 {
		t.Errorf("LoginFailures since after the last = %d, %v; want 0", n, err)
	}
	if n, _, err := s.LoginFailures(ctx, "addr:192.0.2.1", since); err != nil || n != 0 {
		t.Errorf("LoginFailures(other key) = %d, %v; want 0", n, err)
	}
	// A failure after a quiet day starts the count again.
	later := T0.Add(48 * time.Hour)
	if n, err := s.RecordLoginFailure(ctx, "name:supervisor", later, later.Add(-24*time.Hour)); err != nil || n != 1 {
		t.Errorf("RecordLoginFailure after a quiet day = %d, %v; want 1", n, err)
	}
	if err := s.ClearLoginFailures(ctx, "name:supervisor"); err != nil {
		t.Fatal(err)
	}
	if n, _, err := s.LoginFailures(ctx, "name:supervisor", since); err != nil || n != 0 {
		t.Errorf("LoginFailures after clearing = %d, %v; want 0", n, err)
	}
	// Concurrent failures are all counted.
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.RecordLoginFailure(ctx, "addr:192.0.2.9", T0, since); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n, _, err := s.LoginFailures(ctx, "addr:192.0.2.9", since); err != nil || n != 8 {
		t.Errorf("LoginFailures after 8 concurrent failures = %d, %v", n, err)
	}
}

func testSetPassword(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	u, err := s.AddUser(ctx, agent.User{Name: "ana", Role: agent.RoleSupervisor, PasswordHash: "old"})
	if err != nil {
		t.Fatal(err)
	}
	se := agent.Session{TokenHash: "tok", UserID: u.ID, CSRF: "c", ExpiresAt: T0.Add(time.Hour), CreatedAt: T0}
	if err := s.CreateSession(ctx, se); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassword(ctx, "ana", "new"); err != nil {
		t.Fatalf("SetPassword: %v", err)
	}
	got, err := s.UserByName(ctx, "ana")
	if err != nil || got.PasswordHash != "new" || got.ID != u.ID || got.Role != u.Role {
		t.Errorf("user after SetPassword = %+v, %v", got, err)
	}
	if _, err := s.Session(ctx, "tok", T0); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("session after SetPassword = %v, want ErrNotFound", err)
	}
	if err := s.SetPassword(ctx, "nobody", "x"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("SetPassword(unknown) = %v, want ErrNotFound", err)
	}
}

func testSpendToken(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	firsts := 0
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			first, err := s.SpendToken(ctx, "call-token", T0.Add(time.Minute), T0)
			if err != nil {
				t.Error(err)
			}
			if first {
				mu.Lock()
				firsts++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if firsts != 1 {
		t.Errorf("a token spent 8 times at once was first %d times, want 1", firsts)
	}
	if first, err := s.SpendToken(ctx, "other-token", T0.Add(time.Minute), T0); err != nil || !first {
		t.Errorf("SpendToken(other) = %v, %v; want true", first, err)
	}
}

func testPurgeClosed(t *testing.T, open Open) {
	f := setup(t, open)
	old := T0.Add(-400 * 24 * time.Hour)
	stale := agent.Conversation{AccountID: f.acct.ID, Channel: agent.ChannelChat, CreatedAt: old}
	if err := f.s.CreateConversation(f.ctx, &stale); err != nil {
		t.Fatal(err)
	}
	in, _, err := f.s.InsertInbound(f.ctx, agent.Message{ConversationID: stale.ID, Channel: agent.ChannelChat,
		Text: "my card is 4111 1111 1111 1111", ChannelMessageID: "old-1", CreatedAt: old}, agent.Durable)
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.s.InsertOutbound(f.ctx, agent.Message{ID: "m-old-out", ConversationID: stale.ID, Channel: agent.ChannelChat,
		Text: "thanks", Guard: allowDecision("thanks"), CreatedAt: old},
		&agent.OutboxItem{Channel: agent.ChannelChat, Body: "thanks", Status: agent.OutboxPending, NextAttemptAt: old}, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddEvent(f.ctx, agent.Event{ConversationID: stale.ID, AccountID: f.acct.ID, Kind: agent.EventIdentityVerified, At: old}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.AddContactAttempt(f.ctx, agent.ContactAttempt{AccountID: f.acct.ID, Channel: agent.ChannelChat,
		Outcome: agent.OutcomeSent, MessageID: out.ID, At: old}); err != nil {
		t.Fatal(err)
	}
	recent := f.inbound(t, f.conv.ID, "new-1", "hello")

	n, err := f.s.PurgeClosed(f.ctx, T0.Add(-24*time.Hour), 0)
	if err != nil || n != 1 {
		t.Fatalf("PurgeClosed = %d, %v; want 1", n, err)
	}
	if _, err := f.s.Conversation(f.ctx, stale.ID); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("purged conversation: %v, want ErrNotFound", err)
	}
	for _, id := range []string{in.ID, out.ID} {
		if _, err := f.s.Message(f.ctx, id); !errors.Is(err, agent.ErrNotFound) {
			t.Errorf("message %s of a purged conversation: %v, want ErrNotFound", id, err)
		}
	}
	if es, err := f.s.Events(f.ctx, stale.ID); err != nil || len(es) != 0 {
		t.Errorf("events of a purged conversation: %d, %v", len(es), err)
	}
	if as, err := f.s.ContactAttempts(f.ctx, f.acct.ID, old.Add(-time.Hour)); err != nil || len(as) != 0 {
		t.Errorf("contact attempts of a purged conversation: %+v, %v", as, err)
	}
	if items, err := f.s.Outbox(f.ctx, agent.OutboxPending, 0); err != nil || len(items) != 0 {
		t.Errorf("outbox rows of a purged conversation: %+v, %v", items, err)
	}
	if _, err := f.s.Message(f.ctx, recent.ID); err != nil {
		t.Errorf("a recent conversation's message is gone: %v", err)
	}
	if _, err := f.s.Account(f.ctx, f.acct.ID); err != nil {
		t.Errorf("the account is gone: %v", err)
	}
	if n, err := f.s.PurgeClosed(f.ctx, T0.Add(-24*time.Hour), 0); err != nil || n != 0 {
		t.Errorf("PurgeClosed again = %d, %v; want 0", n, err)
	}
}

func testSetIdentity(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	a := Account("A-1", "+15555550101")
	if err := s.PutAccount(ctx, a); err != nil {
		t.Fatalf("PutAccount: %v", err)
	}
	f := agent.IdentityFacts{Salt: "s2", DOB: "d2", Postcode: "p2"}
	if err := s.SetIdentity(ctx, "A-1", f); err != nil {
		t.Fatalf("SetIdentity: %v", err)
	}
	got, err := s.Account(ctx, "A-1")
	if err != nil {
		t.Fatalf("Account: %v", err)
	}
	diff(t, "identity", f, got.Borrower.Identity)
	got.Borrower.Identity = a.Borrower.Identity
	diff(t, "rest of the account", a, got, ignoreRowTimes)
	if err := s.SetIdentity(ctx, "A-missing", f); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("SetIdentity(missing) = %v, want ErrNotFound", err)
	}
}

// testInboundText checks that a turn's end rewrites its inbound message's
// text when it says so (identity answers masked once checked) and leaves
// it otherwise.
func testInboundText(t *testing.T, open Open) {
	f := setup(t, open)
	in := f.inbound(t, f.conv.ID, "SM-it1", "my dob is 1990-01-22")
	kept := f.inbound(t, f.conv.ID, "SM-it2", "and my zip is 60601")
	if _, _, err := f.s.FinishTurn(f.ctx, agent.TurnEnd{Conversation: f.conv, InboundID: in.ID, InboundText: "my dob is [date of birth]"}); err != nil {
		t.Fatalf("FinishTurn: %v", err)
	}
	if _, _, err := f.s.FinishTurn(f.ctx, agent.TurnEnd{Conversation: f.conv, InboundID: kept.ID}); err != nil {
		t.Fatalf("FinishTurn: %v", err)
	}
	got, err := f.s.Message(f.ctx, in.ID)
	if err != nil || got.Text != "my dob is [date of birth]" || got.Status != agent.StatusProcessed {
		t.Errorf("rewritten message = %q %s, %v; want the masked text, processed", got.Text, got.Status, err)
	}
	got, err = f.s.Message(f.ctx, kept.ID)
	if err != nil || got.Text != "and my zip is 60601" || got.Status != agent.StatusProcessed {
		t.Errorf("message without InboundText = %q %s, %v; want it as stored, processed", got.Text, got.Status, err)
	}
	msgs, err := f.s.Messages(f.ctx, f.conv.ID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if strings.Contains(m.Text, "1990-01-22") {
			t.Errorf("the transcript still holds the checked answer: %q", m.Text)
		}
	}
}
