package storetest

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

func testEvents(t *testing.T, open Open) {
	f := setup(t, open)
	other := f.conversation(t, agent.ChannelChat, T0)
	in := []agent.Event{
		{ConversationID: f.conv.ID, AccountID: f.acct.ID, Kind: agent.EventIdentityRequested, Actor: "ai", At: T0},
		{ConversationID: other.ID, AccountID: f.acct.ID, Kind: agent.EventOptedOut, Actor: "borrower", At: T0},
		{ConversationID: f.conv.ID, AccountID: f.acct.ID, Kind: agent.EventPlanOffered, Actor: "ai",
			Data: map[string]string{"plan_id": "p_1", "installments": "6"}},
	}
	var stored []agent.Event
	for _, e := range in {
		got, err := f.s.AddEvent(f.ctx, e)
		if err != nil {
			t.Fatalf("AddEvent: %v", err)
		}
		if got.ID == 0 || got.At.IsZero() {
			t.Errorf("AddEvent did not fill ID and At: %+v", got)
		}
		stored = append(stored, got)
	}
	got, err := f.s.Events(f.ctx, f.conv.ID)
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	diff(t, "events", []agent.Event{stored[0], stored[2]}, got)
}

func testContactAttempts(t *testing.T, open Open) {
	f := setup(t, open)
	at := func(h int) time.Time { return T0.Add(time.Duration(h) * time.Hour) }
	in := []agent.ContactAttempt{
		{AccountID: f.acct.ID, Channel: agent.ChannelVoice, Address: "+15555550100", InitiatedBy: "agent",
			Outcome: agent.OutcomeNoAnswer, At: at(-200)},
		{AccountID: f.acct.ID, Channel: agent.ChannelSMS, Address: "+15555550100", InitiatedBy: "agent",
			Outcome: agent.OutcomeSent, MessageID: "m_1", At: at(2)},
		{AccountID: f.acct.ID, Channel: agent.ChannelVoice, InitiatedBy: "borrower", Outcome: agent.OutcomeConnected, At: at(1)},
		{AccountID: "A-other", Channel: agent.ChannelSMS, Outcome: agent.OutcomeSent, At: at(1)},
	}
	for _, c := range in {
		if err := f.s.AddContactAttempt(f.ctx, c); err != nil {
			t.Fatalf("AddContactAttempt: %v", err)
		}
	}
	got, err := f.s.ContactAttempts(f.ctx, f.acct.ID, at(1))
	if err != nil {
		t.Fatalf("ContactAttempts: %v", err)
	}
	for i := range got {
		if got[i].ID == 0 {
			t.Errorf("attempt %d has no id", i)
		}
		got[i].ID = 0
	}
	diff(t, "attempts since", []agent.ContactAttempt{in[2], in[1]}, got)
}

func testConsents(t *testing.T, open Open) {
	f := setup(t, open)
	steps := []agent.Consent{
		{AccountID: f.acct.ID, Channel: agent.ChannelSMS, OptedOut: true, Source: "keyword STOP", UpdatedAt: T0},
		{AccountID: f.acct.ID, Channel: agent.ChannelVoice, OptedOut: true, Source: "voice", UpdatedAt: T0},
		{AccountID: f.acct.ID, Channel: agent.ChannelSMS, OptedOut: false, Source: "keyword START", UpdatedAt: T0.Add(time.Hour)},
	}
	for _, c := range steps {
		if err := f.s.SetConsent(f.ctx, c); err != nil {
			t.Fatalf("SetConsent: %v", err)
		}
	}
	got, err := f.s.Consents(f.ctx, f.acct.ID)
	if err != nil {
		t.Fatalf("Consents: %v", err)
	}
	diff(t, "consents", []agent.Consent{steps[2], steps[1]}, got)
}

func testPlans(t *testing.T, open Open) {
	f := setup(t, open)
	usd := func(s string) agent.Money { return agent.MustMoney(s, "USD") }
	offer := agent.Plan{ID: "p_1", AccountID: f.acct.ID, ConversationID: f.conv.ID, Kind: agent.PlanInstallment,
		Frequency: agent.Monthly, Total: usd("1200.00"), Status: agent.PlanOffered, CreatedAt: T0,
		Installments: []agent.Installment{
			{Due: time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC), Amount: usd("600.00")},
			{Due: time.Date(2026, 4, 16, 0, 0, 0, 0, time.UTC), Amount: usd("600.00")},
		}}
	settle := agent.Plan{ID: "p_2", AccountID: f.acct.ID, Kind: agent.PlanSettlement, Frequency: agent.Once,
		Total: usd("840.00"), Status: agent.PlanOffered, CreatedAt: T0.Add(time.Minute),
		Installments: []agent.Installment{{Due: time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC), Amount: usd("840.00")}}}
	for _, p := range []agent.Plan{offer, settle} {
		if err := f.s.PutPlan(f.ctx, p); err != nil {
			t.Fatalf("PutPlan: %v", err)
		}
	}
	offer.Status = agent.PlanAccepted
	offer.PaymentURL = "https://pay.example.com/p_1"
	if err := f.s.PutPlan(f.ctx, offer); err != nil {
		t.Fatalf("PutPlan(accept): %v", err)
	}
	got, err := f.s.Plans(f.ctx, f.acct.ID)
	if err != nil {
		t.Fatalf("Plans: %v", err)
	}
	diff(t, "plans", []agent.Plan{offer, settle}, got)
	if got, _ := f.s.Plans(f.ctx, "A-other"); len(got) != 0 {
		t.Errorf("another account has %d plans", len(got))
	}
}

func testDisputes(t *testing.T, open Open) {
	f := setup(t, open)
	d1 := agent.Dispute{ID: "d_1", AccountID: f.acct.ID, ConversationID: f.conv.ID, Reason: "not my debt", Open: true, CreatedAt: T0}
	d2 := agent.Dispute{ID: "d_2", AccountID: f.acct.ID, Reason: "wrong amount", Open: true, CreatedAt: T0.Add(time.Hour)}
	for _, d := range []agent.Dispute{d2, d1} {
		if err := f.s.AddDispute(f.ctx, d); err != nil {
			t.Fatalf("AddDispute: %v", err)
		}
	}
	d1.Open = false
	if err := f.s.AddDispute(f.ctx, d1); err != nil {
		t.Fatalf("AddDispute(close): %v", err)
	}
	got, err := f.s.Disputes(f.ctx, f.acct.ID)
	if err != nil {
		t.Fatalf("Disputes: %v", err)
	}
	diff(t, "disputes", []agent.Dispute{d1, d2}, got)
}

func testLockSerializes(t *testing.T, open Open) {
	s := open(t)
	LockExcludes(t, s, s)
}

// LockExcludes checks that a conversation locked through a cannot be locked
// through b until it is released, and that many holders through both never
// overlap. Backends that serialize across processes pass two stores on
// separate connection pools.
func LockExcludes(t *testing.T, a, b agent.Store) {
	t.Helper()
	ctx := ctxFor(t)
	const conv = "c_lock"
	unlock, err := a.Lock(ctx, conv)
	if err != nil {
		t.Fatalf("Lock: %v", err)
	}
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	if u, err := b.Lock(short, conv); err == nil {
		u()
		t.Fatal("a second holder got a held conversation")
	}
	cancel()
	unlock()
	unlock() // releasing twice is harmless

	var (
		inside, overlaps, turns atomic.Int32
		wg                      sync.WaitGroup
	)
	for i := range 8 {
		s := a
		if i%2 == 1 {
			s = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				u, err := s.Lock(ctx, conv)
				if err != nil {
					t.Errorf("Lock: %v", err)
					return
				}
				if inside.Add(1) != 1 {
					overlaps.Add(1)
				}
				turns.Add(1)
				time.Sleep(200 * time.Microsecond) // hold it long enough for a racer to try
				inside.Add(-1)
				u()
			}
		}()
	}
	wg.Wait()
	if n := overlaps.Load(); n != 0 {
		t.Errorf("%d turns overlapped another on the same conversation", n)
	}
	if n := turns.Load(); n != 40 {
		t.Errorf("%d turns ran, want 40", n)
	}
}

func testLockContext(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	unlock, err := s.Lock(ctx, "c_1")
	if err != nil {
		t.Fatalf("Lock: %v", err)
	}
	waiting, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		u, err := s.Lock(waiting, "c_1")
		if err == nil {
			u()
		}
		done <- err
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Lock with a cancelled context = %v, want context.Canceled", err)
	}
	unlock()
	u, err := s.Lock(ctx, "c_1")
	if err != nil {
		t.Fatalf("Lock after release: %v", err)
	}
	u()
}

func testLockIndependent(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	u1, err := s.Lock(ctx, "c_1")
	if err != nil {
		t.Fatalf("Lock(c_1): %v", err)
	}
	defer u1()
	short, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	u2, err := s.Lock(short, "c_2")
	if err != nil {
		t.Fatalf("Lock(c_2) while c_1 is held: %v", err)
	}
	u2()
}

func testUsers(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	u, err := s.AddUser(ctx, agent.User{Name: "alice", Role: agent.RoleSupervisor, PasswordHash: "$2a$10$hash", CreatedAt: T0})
	if err != nil {
		t.Fatalf("AddUser: %v", err)
	}
	if u.ID == "" {
		t.Fatal("AddUser did not fill the id")
	}
	if _, err := s.AddUser(ctx, agent.User{Name: "alice", Role: agent.RoleQA, PasswordHash: "x"}); !errors.Is(err, agent.ErrConflict) {
		t.Errorf("AddUser(taken name) = %v, want ErrConflict", err)
	}
	byName, err := s.UserByName(ctx, "alice")
	if err != nil {
		t.Fatalf("UserByName: %v", err)
	}
	diff(t, "user by name", u, byName)
	if byName.PasswordHash != "$2a$10$hash" {
		t.Errorf("password hash not stored")
	}
	byID, err := s.User(ctx, u.ID)
	if err != nil {
		t.Fatalf("User: %v", err)
	}
	diff(t, "user by id", u, byID)
	if _, err := s.UserByName(ctx, "bob"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("UserByName(missing) = %v, want ErrNotFound", err)
	}
	if _, err := s.User(ctx, "u_missing"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("User(missing) = %v, want ErrNotFound", err)
	}
}

func testSessions(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	u, err := s.AddUser(ctx, agent.User{Name: "alice", Role: agent.RoleSupervisor, PasswordHash: "x"})
	if err != nil {
		t.Fatalf("AddUser: %v", err)
	}
	se := agent.Session{TokenHash: "h1", UserID: u.ID, CSRF: "csrf1", CreatedAt: T0, ExpiresAt: T0.Add(8 * time.Hour)}
	if err := s.CreateSession(ctx, se); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	tests := []struct {
		name  string
		now   time.Time
		found bool
	}{
		{"fresh", T0.Add(time.Minute), true},
		{"last instant", T0.Add(8*time.Hour - time.Millisecond), true},
		{"expired", T0.Add(8 * time.Hour), false},
		{"long gone", T0.Add(48 * time.Hour), false},
	}
	for _, tt := range tests {
		got, err := s.Session(ctx, "h1", tt.now)
		switch {
		case tt.found && err != nil:
			t.Errorf("%s: Session: %v", tt.name, err)
		case tt.found:
			diff(t, tt.name, se, got)
			if got.CSRF != "csrf1" || got.TokenHash != "h1" {
				t.Errorf("%s: secrets not stored: %+v", tt.name, got)
			}
		case !errors.Is(err, agent.ErrNotFound):
			t.Errorf("%s: Session = %v, want ErrNotFound", tt.name, err)
		}
	}
	if err := s.DeleteSession(ctx, "h1"); err != nil {
		t.Fatalf("DeleteSession: %v", err)
	}
	if _, err := s.Session(ctx, "h1", T0); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("Session after delete = %v, want ErrNotFound", err)
	}
}

func testTimesUTC(t *testing.T, open Open) {
	f := setup(t, open)
	m, _, err := f.s.InsertInbound(f.ctx, agent.Message{ConversationID: f.conv.ID, Text: "hi", ChannelMessageID: "SM1",
		CreatedAt: T0}, agent.Durable)
	if err != nil {
		t.Fatalf("InsertInbound: %v", err)
	}
	got, err := f.s.Message(f.ctx, m.ID)
	if err != nil {
		t.Fatalf("Message: %v", err)
	}
	conv, err := f.s.Conversation(f.ctx, f.conv.ID)
	if err != nil {
		t.Fatalf("Conversation: %v", err)
	}
	for name, tm := range map[string]time.Time{"message": got.CreatedAt, "conversation": conv.CreatedAt} {
		if !tm.Equal(T0) {
			t.Errorf("%s time = %v, want %v to the millisecond", name, tm, T0)
		}
		if tm.Location() != time.UTC {
			t.Errorf("%s time in %v, want UTC", name, tm.Location())
		}
	}
}

func testRestrictions(t *testing.T, open Open) {
	f := setup(t, open)
	work := agent.Restriction{ID: "r_1", AccountID: f.acct.ID, ConversationID: f.conv.ID, Text: "don't call me at work",
		ContactRestriction: agent.ContactRestriction{Kind: policies.RestrictPlace, Place: policies.PlaceWork}, CreatedAt: T0}
	evening := agent.Restriction{ID: "r_2", AccountID: f.acct.ID, Text: "only text me after 6pm, never on weekends",
		ContactRestriction: agent.ContactRestriction{Kind: policies.RestrictTime, NotBefore: 18 * 60, NotAfter: 21*60 + 30},
		CreatedAt:          T0.Add(time.Hour)}
	sms := agent.Restriction{ID: "r_3", AccountID: f.acct.ID, ContactRestriction: agent.ContactRestriction{
		Kind: policies.RestrictChannel, Channels: []string{"sms", "email"}}, CreatedAt: T0.Add(time.Hour)}
	days := agent.Restriction{ID: "r_4", AccountID: f.acct.ID, ContactRestriction: agent.ContactRestriction{
		Kind: policies.RestrictDays, Days: []time.Weekday{time.Saturday, time.Sunday}}, CreatedAt: T0.Add(2 * time.Hour)}
	for _, r := range []agent.Restriction{days, evening, work, sms} {
		if err := f.s.AddRestriction(f.ctx, r); err != nil {
			t.Fatalf("AddRestriction: %v", err)
		}
	}
	work.Text = "not at my office"
	if err := f.s.AddRestriction(f.ctx, work); err != nil {
		t.Fatalf("AddRestriction(replace): %v", err)
	}
	got, err := f.s.Restrictions(f.ctx, f.acct.ID)
	if err != nil {
		t.Fatalf("Restrictions: %v", err)
	}
	// Oldest first; two of one time in the order they were added.
	diff(t, "restrictions", []agent.Restriction{work, evening, sms, days}, got)
	if got, _ := f.s.Restrictions(f.ctx, "A-other"); len(got) != 0 {
		t.Errorf("another account has %d restrictions", len(got))
	}
	// An empty ID and time are filled in.
	if err := f.s.AddRestriction(f.ctx, agent.Restriction{AccountID: "A-other",
		ContactRestriction: agent.ContactRestriction{Kind: policies.RestrictOther}}); err != nil {
		t.Fatalf("AddRestriction(no id): %v", err)
	}
	if got, _ := f.s.Restrictions(f.ctx, "A-other"); len(got) != 1 || got[0].ID == "" || got[0].CreatedAt.IsZero() {
		t.Errorf("restriction without id or time stored as %+v", got)
	}
}
