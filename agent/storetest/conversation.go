package storetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

func testConversationRoundTrip(t *testing.T, open Open) {
	f := setup(t, open)
	if f.conv.ID == "" || f.conv.Owner != agent.OwnerAI || f.conv.State != agent.StateOpen {
		t.Fatalf("CreateConversation did not fill defaults: %+v", f.conv)
	}
	got, err := f.s.Conversation(f.ctx, f.conv.ID)
	if err != nil {
		t.Fatalf("Conversation: %v", err)
	}
	diff(t, "conversation", f.conv, got)
	if _, err := f.s.Conversation(f.ctx, "c_missing"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("Conversation(missing) = %v, want ErrNotFound", err)
	}
	bad := agent.Conversation{AccountID: "A-missing", Channel: agent.ChannelChat}
	if err := f.s.CreateConversation(f.ctx, &bad); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("CreateConversation(unknown account) = %v, want ErrNotFound", err)
	}
}

func testOpenConversation(t *testing.T, open Open) {
	f := setup(t, open)
	newer := f.conversation(t, agent.ChannelSMS, T0.Add(time.Hour))
	chat := f.conversation(t, agent.ChannelChat, T0.Add(2*time.Hour))
	got, err := f.s.OpenConversation(f.ctx, f.acct.ID, agent.ChannelSMS)
	if err != nil {
		t.Fatalf("OpenConversation: %v", err)
	}
	if got.ID != newer.ID {
		t.Errorf("OpenConversation(sms) = %s, want the newest %s", got.ID, newer.ID)
	}
	newer.State = agent.StateClosed
	if err := f.s.UpdateConversation(f.ctx, newer); err != nil {
		t.Fatalf("UpdateConversation: %v", err)
	}
	if got, err = f.s.OpenConversation(f.ctx, f.acct.ID, agent.ChannelSMS); err != nil || got.ID != f.conv.ID {
		t.Errorf("OpenConversation(sms) after closing the newest = %s, %v; want %s", got.ID, err, f.conv.ID)
	}
	if got, err = f.s.OpenConversation(f.ctx, f.acct.ID, agent.ChannelChat); err != nil || got.ID != chat.ID {
		t.Errorf("OpenConversation(chat) = %s, %v; want %s", got.ID, err, chat.ID)
	}
	if _, err := f.s.OpenConversation(f.ctx, f.acct.ID, agent.ChannelVoice); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("OpenConversation(voice) = %v, want ErrNotFound", err)
	}
}

func testUpdateConversation(t *testing.T, open Open) {
	f := setup(t, open)
	c := f.conv
	c.State = agent.StateVerified
	c.Verified = true
	c.Locale = "zh"
	c.Address = "+15555550177"
	c.Memory = rawJSON(map[string]any{"attempts": 2, "offer": "p_1"})
	c.Owner = "alice" // UpdateConversation never changes the owner
	if err := f.s.UpdateConversation(f.ctx, c); err != nil {
		t.Fatalf("UpdateConversation: %v", err)
	}
	got, err := f.s.Conversation(f.ctx, c.ID)
	if err != nil {
		t.Fatalf("Conversation: %v", err)
	}
	if got.State != c.State || !got.Verified || got.Locale != "zh" || got.Address != c.Address {
		t.Errorf("fields not written: %+v", got)
	}
	diff(t, "memory", map[string]any{"attempts": 2.0, "offer": "p_1"}, decode(t, got.Memory))
	if got.Owner != agent.OwnerAI {
		t.Errorf("owner = %q, want %q: UpdateConversation must not change it", got.Owner, agent.OwnerAI)
	}
	c.ID = "c_missing"
	if err := f.s.UpdateConversation(f.ctx, c); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("UpdateConversation(missing) = %v, want ErrNotFound", err)
	}
}

func testSetOwner(t *testing.T, open Open) {
	f := setup(t, open)
	steps := []struct {
		from, to string
		want     error
		owner    string
	}{
		{agent.OwnerAI, "alice", nil, "alice"},
		{agent.OwnerAI, "bob", agent.ErrNotOwner, "alice"},
		{"bob", agent.OwnerAI, agent.ErrNotOwner, "alice"},
		{"alice", "bob", nil, "bob"},
		{"bob", agent.OwnerAI, nil, agent.OwnerAI},
	}
	for i, st := range steps {
		err := f.s.SetOwner(f.ctx, f.conv.ID, st.from, st.to)
		if !errors.Is(err, st.want) || (st.want == nil && err != nil) {
			t.Fatalf("step %d: SetOwner(%s -> %s) = %v, want %v", i, st.from, st.to, err, st.want)
		}
		got, err := f.s.Conversation(f.ctx, f.conv.ID)
		if err != nil {
			t.Fatalf("Conversation: %v", err)
		}
		if got.Owner != st.owner {
			t.Fatalf("step %d: owner = %q, want %q", i, got.Owner, st.owner)
		}
	}
	if err := f.s.SetOwner(f.ctx, "c_missing", agent.OwnerAI, "alice"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("SetOwner(missing) = %v, want ErrNotFound", err)
	}
}

func testSetOwnerRace(t *testing.T, open Open) {
	f := setup(t, open)
	names := []string{"alice", "bob", "carol", "dave", "erin", "frank"}
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f.s.SetOwner(f.ctx, f.conv.ID, agent.OwnerAI, n)
		}()
	}
	wg.Wait()
	winner := ""
	for i, err := range errs {
		switch {
		case err == nil && winner != "":
			t.Errorf("both %s and %s took over", winner, names[i])
		case err == nil:
			winner = names[i]
		case !errors.Is(err, agent.ErrNotOwner):
			t.Errorf("SetOwner(%s) = %v, want nil or ErrNotOwner", names[i], err)
		}
	}
	got, err := f.s.Conversation(f.ctx, f.conv.ID)
	if err != nil {
		t.Fatalf("Conversation: %v", err)
	}
	if winner == "" || got.Owner != winner {
		t.Errorf("owner = %q, winner %q", got.Owner, winner)
	}
}

func testConversationsSummary(t *testing.T, open Open) {
	f := setup(t, open)
	second := f.conversation(t, agent.ChannelChat, T0.Add(time.Minute))
	third := f.conversation(t, agent.ChannelVoice, T0.Add(2*time.Minute))
	// Activity: the first conversation gets the newest message.
	f.inbound(t, f.conv.ID, "SM1", "hello")
	blocked := agent.Message{ConversationID: f.conv.ID, Text: "pay now or else", Status: agent.StatusBlocked,
		Guard: &policies.Decision{Action: policies.Block}, CreatedAt: T0.Add(time.Hour)}
	if _, err := f.s.InsertOutbound(f.ctx, blocked, nil, true); err != nil {
		t.Fatalf("InsertOutbound(blocked): %v", err)
	}
	last := agent.Message{ConversationID: f.conv.ID, Text: "Thanks, Maria.", Guard: allowDecision("Thanks, Maria."),
		CreatedAt: T0.Add(2 * time.Hour)}
	if _, err := f.s.InsertOutbound(f.ctx, last, &agent.OutboxItem{To: "+15555550100"}, true); err != nil {
		t.Fatalf("InsertOutbound: %v", err)
	}
	third.State = agent.StateHandoff
	if err := f.s.UpdateConversation(f.ctx, third); err != nil {
		t.Fatalf("UpdateConversation: %v", err)
	}
	got, err := f.s.Conversations(f.ctx, agent.ConversationFilter{})
	if err != nil {
		t.Fatalf("Conversations: %v", err)
	}
	type row struct {
		ID      string
		Name    string
		Last    string
		Blocked int
		Handoff bool
	}
	var rows []row
	for _, c := range got {
		rows = append(rows, row{c.ID, c.BorrowerName, c.LastMessage, c.BlockedDrafts, c.HandoffPending})
	}
	want := []row{
		{f.conv.ID, "Maria Lopez", "Thanks, Maria.", 1, false},
		{third.ID, "Maria Lopez", "", 0, true},
		{second.ID, "Maria Lopez", "", 0, false},
	}
	diff(t, "summaries", want, rows)
	if len(got) > 0 && got[0].LastMessageAt.IsZero() {
		t.Errorf("LastMessageAt not set on a conversation with messages")
	}
}

func testConversationsFilter(t *testing.T, open Open) {
	f := setup(t, open)
	chat := f.conversation(t, agent.ChannelChat, T0.Add(time.Minute))
	other := Account("A-200", "+15555550200")
	if err := f.s.PutAccount(f.ctx, other); err != nil {
		t.Fatalf("PutAccount: %v", err)
	}
	oc := agent.Conversation{AccountID: other.ID, Channel: agent.ChannelSMS, CreatedAt: T0.Add(2 * time.Minute)}
	if err := f.s.CreateConversation(f.ctx, &oc); err != nil {
		t.Fatalf("CreateConversation: %v", err)
	}
	if err := f.s.SetOwner(f.ctx, chat.ID, agent.OwnerAI, "alice"); err != nil {
		t.Fatalf("SetOwner: %v", err)
	}
	oc.State = agent.StateVerified
	if err := f.s.UpdateConversation(f.ctx, oc); err != nil {
		t.Fatalf("UpdateConversation: %v", err)
	}
	tests := []struct {
		name string
		f    agent.ConversationFilter
		want []string
	}{
		{"all", agent.ConversationFilter{}, []string{oc.ID, chat.ID, f.conv.ID}},
		{"limit", agent.ConversationFilter{Limit: 2}, []string{oc.ID, chat.ID}},
		{"channel", agent.ConversationFilter{Channel: agent.ChannelSMS}, []string{oc.ID, f.conv.ID}},
		{"account", agent.ConversationFilter{AccountID: f.acct.ID}, []string{chat.ID, f.conv.ID}},
		{"owner", agent.ConversationFilter{Owner: "alice"}, []string{chat.ID}},
		{"state", agent.ConversationFilter{State: agent.StateVerified}, []string{oc.ID}},
		{"none", agent.ConversationFilter{State: agent.StateClosed}, nil},
	}
	for _, tt := range tests {
		got, err := f.s.Conversations(f.ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: Conversations: %v", tt.name, err)
		}
		var ids []string
		for _, c := range got {
			ids = append(ids, c.ID)
		}
		diff(t, tt.name, tt.want, ids)
	}
}

// testTransfer checks Transfer: the owner changes and its event is stored
// together, or neither; a hand-back reopens a conversation waiting for a
// person.
func testTransfer(t *testing.T, open Open) {
	f := setup(t, open)
	c := f.conv
	c.State, c.Verified = agent.StateHandoff, true
	if err := f.s.UpdateConversation(f.ctx, c); err != nil {
		t.Fatal(err)
	}
	ev := func(k agent.EventKind, actor string) agent.Event { return agent.Event{Kind: k, Actor: actor, At: T0} }
	got, e, err := f.s.Transfer(f.ctx, agent.OwnerTransfer{ConversationID: c.ID, From: agent.OwnerAI, To: "alice",
		Event: ev(agent.EventHandoffStarted, "alice")})
	if err != nil || got.Owner != "alice" || got.State != agent.StateHandoff || e.ID == 0 || e.ConversationID != c.ID || e.AccountID != f.acct.ID {
		t.Fatalf("take over: %+v, %+v, %v", got, e, err)
	}
	// Another supervisor's takeover changes nothing and records nothing.
	got, _, err = f.s.Transfer(f.ctx, agent.OwnerTransfer{ConversationID: c.ID, From: agent.OwnerAI, To: "bob",
		Event: ev(agent.EventHandoffStarted, "bob")})
	if !errors.Is(err, agent.ErrNotOwner) || got.Owner != "alice" {
		t.Fatalf("second take over: owner %q, %v; want alice and ErrNotOwner", got.Owner, err)
	}
	got, e2, err := f.s.Transfer(f.ctx, agent.OwnerTransfer{ConversationID: c.ID, From: "alice", To: agent.OwnerAI, Reopen: true,
		Event: ev(agent.EventHandoffEnded, "alice")})
	if err != nil || got.Owner != agent.OwnerAI || got.State != agent.StateVerified || e2.ID <= e.ID {
		t.Fatalf("hand back: %+v, %+v, %v", got, e2, err)
	}
	es, err := f.s.Events(f.ctx, c.ID)
	if err != nil || len(es) != 2 || es[0].Kind != agent.EventHandoffStarted || es[1].Kind != agent.EventHandoffEnded || es[0].Actor != "alice" {
		t.Fatalf("events: %+v, %v; want the takeover and the hand-back only", es, err)
	}
	if _, _, err := f.s.Transfer(f.ctx, agent.OwnerTransfer{ConversationID: "c_missing", From: agent.OwnerAI, To: "alice",
		Event: ev(agent.EventHandoffStarted, "alice")}); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("Transfer(missing) = %v, want ErrNotFound", err)
	}
}
