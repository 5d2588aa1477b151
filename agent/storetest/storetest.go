// Package storetest is the contract suite for agent.Store: one set of tests
// that every backend (agent/sqlite, agent/postgres) must pass, so that the
// orchestrator can rely on the same behaviour from both.
//
// # Use
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) agent.Store { return openFresh(t) })
//	}
//
// open must return an empty, migrated store private to the calling test and
// close it in t.Cleanup. Every test runs in parallel.
//
// # What must not happen here
//
// The suite checks the contract of agent/store.go only: it never reaches
// into a backend's tables, and it never sleeps to order events.
package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-collections/parley/agent"
)

// Open returns an empty, migrated store private to t.
type Open func(t *testing.T) agent.Store

// Run runs every contract test against stores from open.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open Open)
	}{
		{"Ping", testPing},
		{"AccountRoundTrip", testAccountRoundTrip},
		{"AccountReplaceKeepsCreated", testAccountReplace},
		{"AccountByPhone", testAccountByPhone},
		{"AccountsPagination", testAccountsPagination},
		{"SetAccountFlags", testSetAccountFlags},
		{"ImportAccountsAllOrNothing", testImportAccounts},
		{"ConversationRoundTrip", testConversationRoundTrip},
		{"OpenConversation", testOpenConversation},
		{"UpdateConversation", testUpdateConversation},
		{"SetOwner", testSetOwner},
		{"SetOwnerRace", testSetOwnerRace},
		{"Transfer", testTransfer},
		{"ConversationsSummary", testConversationsSummary},
		{"ConversationsFilter", testConversationsFilter},
		{"InsertInboundIdempotent", testInsertInboundIdempotent},
		{"InsertInboundRace", testInsertInboundRace},
		{"SeqConcurrent", testSeqConcurrent},
		{"InsertOutbound", testInsertOutbound},
		{"InsertOutboundIdempotent", testInsertOutboundIdempotent},
		{"InsertOutboundSupervisorOwned", testInsertOutboundSupervisorOwned},
		{"InsertUnknownConversation", testInsertUnknownConversation},
		{"TranscriptPagination", testTranscriptPagination},
		{"MessageStatusMonotonic", testMessageStatusMonotonic},
		{"PendingInbound", testPendingInbound},
		{"Events", testEvents},
		{"FinishTurn", testFinishTurn},
		{"FinishTurnEffects", testFinishTurnEffects},
		{"FinishTurnMessages", testFinishTurnMessages},
		{"FinishTurnLogins", testFinishTurnLogins},
		{"TurnCrashBetween", testTurnCrashBetween},
		{"BeginTurn", testBeginTurn},
		{"ConcurrentFlags", testConcurrentFlags},
		{"SetInterrupted", testSetInterrupted},
		{"ReviseOutbound", testReviseOutbound},
		{"CloseStaleStreams", testCloseStaleStreams},
		{"ReadTurn", testReadTurn},
		{"OpenWithInbound", testOpenWithInbound},
		{"FindSender", testFindSender},
		{"ContactAttempts", testContactAttempts},
		{"Consents", testConsents},
		{"Plans", testPlans},
		{"Disputes", testDisputes},
		{"Restrictions", testRestrictions},
		{"OutboxClaimOnce", testOutboxClaimOnce},
		{"OutboxLeaseExpiry", testOutboxLeaseExpiry},
		{"OutboxTransitions", testOutboxTransitions},
		{"OutboxNotDue", testOutboxNotDue},
		{"LockSerializes", testLockSerializes},
		{"LockHonoursContext", testLockContext},
		{"LockIndependentConversations", testLockIndependent},
		{"Users", testUsers},
		{"Sessions", testSessions},
		{"TimesUTC", testTimesUTC},
		{"Privacy", testPrivacy},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.fn(t, open)
		})
	}
}

// T0 is the suite's reference instant, in a zone other than UTC and with
// milliseconds, so that the UTC and precision rules are exercised.
var T0 = time.Date(2026, 3, 2, 15, 4, 5, 123_000_000, time.FixedZone("CST", -6*3600))

// Account returns a complete account with id and phone, for fixtures.
func Account(id, phone string) agent.Account {
	return agent.Account{
		ID:          id,
		Creditor:    "First Bank",
		Agency:      "Acme Recovery",
		Purpose:     "credit card",
		Balance:     agent.MustMoney("1200.00", "USD"),
		DueDate:     time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC),
		DaysPastDue: 91,
		Flags:       agent.AccountFlags{LegalActionApproved: true},
		Policy: agent.CreditorPolicy{
			MaxInstallments: 12, MinInstallment: agent.MustMoney("50.00", "USD"), SettlementFloorBP: 7000,
			FirstPaymentWithinDays: 14,
			Hardship:               agent.HardshipPolicy{PauseDays: 30, MinInstallment: agent.MustMoney("25.00", "USD")},
		},
		Borrower: agent.Borrower{
			Name: "Maria Lopez", Phones: []string{phone}, Email: "maria@example.com",
			Timezone: "America/Chicago", Jurisdiction: "US", Locale: "en",
			Identity: agent.NewIdentityFacts(id, "1985-04-12", "60601", "1234"),
		},
	}
}

func ctxFor(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// fixture is a store with one account and one AI-owned conversation.
type fixture struct {
	s    agent.Store
	ctx  context.Context
	acct agent.Account
	conv agent.Conversation
}

func setup(t *testing.T, open Open) fixture {
	t.Helper()
	s := open(t)
	ctx := ctxFor(t)
	a := Account("A-100", "+15555550100")
	if err := s.PutAccount(ctx, a); err != nil {
		t.Fatalf("PutAccount: %v", err)
	}
	c := agent.Conversation{AccountID: a.ID, Channel: agent.ChannelSMS, Address: "+15555550100", Locale: "en",
		CreatedAt: T0}
	if err := s.CreateConversation(ctx, &c); err != nil {
		t.Fatalf("CreateConversation: %v", err)
	}
	return fixture{s: s, ctx: ctx, acct: a, conv: c}
}

// conversation adds another conversation on the fixture's account.
func (f fixture) conversation(t *testing.T, ch agent.Channel, at time.Time) agent.Conversation {
	t.Helper()
	c := agent.Conversation{AccountID: f.acct.ID, Channel: ch, CreatedAt: at}
	if err := f.s.CreateConversation(f.ctx, &c); err != nil {
		t.Fatalf("CreateConversation: %v", err)
	}
	return c
}

func (f fixture) inbound(t *testing.T, convID, channelID, text string) agent.Message {
	t.Helper()
	m, _, err := f.s.InsertInbound(f.ctx, agent.Message{ConversationID: convID, Channel: agent.ChannelSMS,
		Text: text, ChannelMessageID: channelID}, agent.Durable)
	if err != nil {
		t.Fatalf("InsertInbound: %v", err)
	}
	return m
}

func (f fixture) outbound(t *testing.T, convID, text string, item *agent.OutboxItem) agent.Message {
	t.Helper()
	m, err := f.s.InsertOutbound(f.ctx, agent.Message{ConversationID: convID, Channel: agent.ChannelSMS, Text: text,
		Guard: allowDecision(text)}, item, true)
	if err != nil {
		t.Fatalf("InsertOutbound: %v", err)
	}
	return m
}

func diff(t *testing.T, what string, want, got any, opts ...cmp.Option) {
	t.Helper()
	if d := cmp.Diff(want, got, opts...); d != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", what, d)
	}
}

func rawJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("storetest: %v", err))
	}
	return b
}

func testPing(t *testing.T, open Open) {
	s := open(t)
	if err := s.Ping(ctxFor(t)); err != nil {
		t.Fatalf("Ping: %v", err)
	}
}
