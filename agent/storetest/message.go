package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

func allowDecision(text string) *policies.Decision {
	return &policies.Decision{ID: "d1", Action: policies.Allow, Text: text, Violations: []policies.Violation{}}
}

func decode(t *testing.T, b json.RawMessage) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return m
}

func testInsertInboundIdempotent(t *testing.T, open Open) {
	f := setup(t, open)
	in := agent.Message{ConversationID: f.conv.ID, Channel: agent.ChannelSMS, Author: agent.AuthorBorrower,
		Text: "how much do I owe?", ChannelMessageID: "SM100", CreatedAt: T0}
	first, created, err := f.s.InsertInbound(f.ctx, in, agent.Durable)
	if err != nil || !created {
		t.Fatalf("InsertInbound = %v, created %v; want created", err, created)
	}
	if first.ID == "" || first.Seq != 1 || first.Direction != agent.DirectionIn || first.Status != agent.StatusReceived {
		t.Errorf("first insert not filled: %+v", first)
	}
	again := in
	again.Text = "a redelivery with other text"
	second, created, err := f.s.InsertInbound(f.ctx, again, agent.Durable)
	if err != nil || created {
		t.Fatalf("second InsertInbound = %v, created %v; want not created", err, created)
	}
	diff(t, "second insert returns the first", first, second)
	// The same channel message id on another channel is another message;
	// stored FlushLater, it is read like any other, and Flush makes it
	// durable.
	chat := in
	chat.Channel = agent.ChannelChat
	stored, created, err := f.s.InsertInbound(f.ctx, chat, agent.FlushLater)
	if err != nil || !created {
		t.Errorf("same id on chat = %v, created %v; want created", err, created)
	}
	if err := f.s.Flush(f.ctx); err != nil {
		t.Errorf("Flush: %v", err)
	}
	if got, err := f.s.MessageByChannelID(f.ctx, agent.ChannelChat, "SM100"); err != nil || got.ID != stored.ID {
		t.Errorf("the FlushLater message read back as %+v (%v), want %s", got, err, stored.ID)
	}
	got, err := f.s.MessageByChannelID(f.ctx, agent.ChannelSMS, "SM100")
	if err != nil {
		t.Fatalf("MessageByChannelID: %v", err)
	}
	diff(t, "MessageByChannelID", first, got)
	if _, err := f.s.MessageByChannelID(f.ctx, agent.ChannelSMS, "SM-missing"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("MessageByChannelID(missing) = %v, want ErrNotFound", err)
	}
	ms, err := f.s.Messages(f.ctx, f.conv.ID, 0, 0)
	if err != nil {
		t.Fatalf("Messages: %v", err)
	}
	if len(ms) != 2 || ms[1].Seq != 2 {
		t.Errorf("messages = %d (last seq %d), want 2 with seq 1, 2", len(ms), ms[len(ms)-1].Seq)
	}
}

func testInsertInboundRace(t *testing.T, open Open) {
	f := setup(t, open)
	const racers = 20
	type result struct {
		id      string
		created bool
		err     error
	}
	results := make([]result, racers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			m, created, err := f.s.InsertInbound(f.ctx, agent.Message{ConversationID: f.conv.ID,
				Channel: agent.ChannelSMS, Text: "STOP", ChannelMessageID: "SM-race"}, agent.Durable)
			results[i] = result{m.ID, created, err}
		}()
	}
	close(start)
	wg.Wait()
	createdCount := 0
	for i, r := range results {
		if r.err != nil {
			t.Fatalf("racer %d: %v", i, r.err)
		}
		if r.created {
			createdCount++
		}
		if r.id != results[0].id {
			t.Errorf("racer %d got message %s, racer 0 got %s", i, r.id, results[0].id)
		}
	}
	if createdCount != 1 {
		t.Errorf("%d racers created the message, want exactly 1", createdCount)
	}
	ms, err := f.s.Messages(f.ctx, f.conv.ID, 0, 0)
	if err != nil {
		t.Fatalf("Messages: %v", err)
	}
	if len(ms) != 1 || ms[0].Seq != 1 {
		t.Errorf("stored %d messages (first seq %v), want one with seq 1", len(ms), ms)
	}
}

func testSeqConcurrent(t *testing.T, open Open) {
	f := setup(t, open)
	const n = 12
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if i%2 == 0 {
				_, _, err = f.s.InsertInbound(f.ctx, agent.Message{ConversationID: f.conv.ID,
					Channel: agent.ChannelSMS, Text: "in", ChannelMessageID: fmt.Sprintf("SM%d", i)}, agent.Durable)
			} else {
				_, err = f.s.InsertOutbound(f.ctx, agent.Message{ConversationID: f.conv.ID, Text: "out",
					Guard: allowDecision("out")}, &agent.OutboxItem{To: "+15555550100"}, true)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("insert %d: %v", i, err)
		}
	}
	ms, err := f.s.Messages(f.ctx, f.conv.ID, 0, 0)
	if err != nil {
		t.Fatalf("Messages: %v", err)
	}
	var seqs, want []int64
	for i, m := range ms {
		seqs = append(seqs, m.Seq)
		want = append(want, int64(i+1))
	}
	diff(t, "sequence numbers", want, seqs)
}

func testInsertOutbound(t *testing.T, open Open) {
	f := setup(t, open)
	in := f.inbound(t, f.conv.ID, "SM1", "what do I owe?")
	d := &policies.Decision{ID: "d9", Action: policies.Revise, Text: "You owe $1,200.00. Reply STOP to opt out.",
		Violations: []policies.Violation{{Rule: "US-D1", Category: policies.CatDisclosureMissing,
			Detail: "opt-out notice appended", Citation: "47 CFR 64.1200"}}}
	m := agent.Message{ConversationID: f.conv.ID, Author: agent.AuthorAgent, Text: d.Text, ReplyTo: in.ID,
		TemplateVersion: "balance.v1.en", Model: "rules", Guard: d, CreatedAt: T0.Add(time.Minute)}
	item := &agent.OutboxItem{To: "+15555550100"}
	got, err := f.s.InsertOutbound(f.ctx, m, item, true)
	if err != nil {
		t.Fatalf("InsertOutbound: %v", err)
	}
	if got.ID == "" || got.Seq != 2 || got.Direction != agent.DirectionOut || got.Status != agent.StatusQueued ||
		got.Channel != agent.ChannelSMS {
		t.Errorf("outbound not filled: %+v", got)
	}
	stored, err := f.s.Message(f.ctx, got.ID)
	if err != nil {
		t.Fatalf("Message: %v", err)
	}
	diff(t, "stored outbound", got, stored)
	diff(t, "guard decision", *d, *stored.Guard)
	rows, err := f.s.Outbox(f.ctx, agent.OutboxPending, 0)
	if err != nil {
		t.Fatalf("Outbox: %v", err)
	}
	if len(rows) != 1 {
		t.Fatalf("outbox has %d pending rows, want 1", len(rows))
	}
	r := rows[0]
	if r.ID != item.ID || r.MessageID != got.ID || r.ConversationID != f.conv.ID || r.AccountID != f.acct.ID ||
		item.AccountID != f.acct.ID || r.Channel != agent.ChannelSMS ||
		r.To != "+15555550100" || r.Body != d.Text || r.Attempts != 0 || !r.NextAttemptAt.Equal(m.CreatedAt) {
		t.Errorf("outbox row = %+v (item %+v)", r, item)
	}
	if _, err := f.s.Message(f.ctx, "m_missing"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("Message(missing) = %v, want ErrNotFound", err)
	}
	// A deferred message is due at its SendAt.
	later := T0.Add(14 * time.Hour)
	def := agent.Message{ConversationID: f.conv.ID, Text: "Good morning.", Status: agent.StatusDeferred, SendAt: later,
		Guard: &policies.Decision{Action: policies.Defer, SendAt: later}}
	dItem := &agent.OutboxItem{To: "+15555550100"}
	if _, err := f.s.InsertOutbound(f.ctx, def, dItem, true); err != nil {
		t.Fatalf("InsertOutbound(deferred): %v", err)
	}
	if !dItem.NextAttemptAt.Equal(later) {
		t.Errorf("deferred outbox row due %v, want %v", dItem.NextAttemptAt, later)
	}
}

func testInsertOutboundIdempotent(t *testing.T, open Open) {
	f := setup(t, open)
	m := agent.Message{ID: "m_fixed", ConversationID: f.conv.ID, Text: "hello", Guard: allowDecision("hello")}
	first, err := f.s.InsertOutbound(f.ctx, m, &agent.OutboxItem{To: "+15555550100"}, true)
	if err != nil {
		t.Fatalf("InsertOutbound: %v", err)
	}
	m.Text = "a retry after a crash"
	second, err := f.s.InsertOutbound(f.ctx, m, &agent.OutboxItem{To: "+15555550100"}, true)
	if err != nil {
		t.Fatalf("second InsertOutbound: %v", err)
	}
	diff(t, "second insert returns the first", first, second)
	rows, err := f.s.Outbox(f.ctx, agent.OutboxPending, 0)
	if err != nil {
		t.Fatalf("Outbox: %v", err)
	}
	if len(rows) != 1 {
		t.Errorf("outbox has %d rows after two inserts of one message, want 1", len(rows))
	}
	ms, err := f.s.Messages(f.ctx, f.conv.ID, 0, 0)
	if err != nil {
		t.Fatalf("Messages: %v", err)
	}
	if len(ms) != 1 {
		t.Errorf("%d messages stored, want 1", len(ms))
	}
}

func testInsertOutboundSupervisorOwned(t *testing.T, open Open) {
	f := setup(t, open)
	if err := f.s.SetOwner(f.ctx, f.conv.ID, agent.OwnerAI, "alice"); err != nil {
		t.Fatalf("SetOwner: %v", err)
	}
	m := agent.Message{ConversationID: f.conv.ID, Text: "drafted before the takeover", Guard: allowDecision("x")}
	got, err := f.s.InsertOutbound(f.ctx, m, &agent.OutboxItem{To: "+15555550100"}, true)
	if !errors.Is(err, agent.ErrNotOwner) {
		t.Fatalf("InsertOutbound on a supervisor's conversation = %v, want ErrNotOwner", err)
	}
	if got.ID == "" || got.Status != agent.StatusDropped {
		t.Errorf("returned message = %+v, want it stored as dropped", got)
	}
	stored, err := f.s.Message(f.ctx, got.ID)
	if err != nil || stored.Status != agent.StatusDropped {
		t.Errorf("stored message = %+v, %v; want dropped", stored, err)
	}
	rows, err := f.s.Outbox(f.ctx, agent.OutboxPending, 0)
	if err != nil {
		t.Fatalf("Outbox: %v", err)
	}
	if len(rows) != 0 {
		t.Errorf("outbox has %d rows, want none for a dropped message", len(rows))
	}
	// The supervisor's own message goes out.
	sup := agent.Message{ConversationID: f.conv.ID, Author: agent.AuthorSupervisor, AuthorName: "alice",
		Text: "Hi, this is Alice.", Guard: allowDecision("Hi, this is Alice.")}
	if _, err := f.s.InsertOutbound(f.ctx, sup, &agent.OutboxItem{To: "+15555550100"}, false); err != nil {
		t.Fatalf("InsertOutbound(supervisor): %v", err)
	}
	if rows, _ := f.s.Outbox(f.ctx, agent.OutboxPending, 0); len(rows) != 1 {
		t.Errorf("outbox has %d rows after the supervisor's message, want 1", len(rows))
	}
}

func testInsertUnknownConversation(t *testing.T, open Open) {
	f := setup(t, open)
	_, _, err := f.s.InsertInbound(f.ctx, agent.Message{ConversationID: "c_missing", Channel: agent.ChannelSMS,
		Text: "hi", ChannelMessageID: "SM1"}, agent.Durable)
	if !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("InsertInbound(unknown conversation) = %v, want ErrNotFound", err)
	}
	_, err = f.s.InsertOutbound(f.ctx, agent.Message{ConversationID: "c_missing", Text: "hi"}, nil, true)
	if !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("InsertOutbound(unknown conversation) = %v, want ErrNotFound", err)
	}
}

func testTranscriptPagination(t *testing.T, open Open) {
	f := setup(t, open)
	other := f.conversation(t, agent.ChannelChat, T0)
	for i := 1; i <= 7; i++ {
		f.inbound(t, f.conv.ID, fmt.Sprintf("SM%d", i), fmt.Sprintf("message %d", i))
	}
	if m := f.outbound(t, other.ID, "elsewhere", nil); m.Seq != 1 {
		t.Errorf("first message of another conversation has seq %d, want 1: numbering is per conversation", m.Seq)
	}
	tests := []struct {
		after int64
		limit int
		want  []int64
	}{
		{0, 0, []int64{1, 2, 3, 4, 5, 6, 7}},
		{0, 3, []int64{1, 2, 3}},
		{3, 3, []int64{4, 5, 6}},
		{6, 3, []int64{7}},
		{7, 3, nil},
	}
	for _, tt := range tests {
		ms, err := f.s.Messages(f.ctx, f.conv.ID, tt.after, tt.limit)
		if err != nil {
			t.Fatalf("Messages: %v", err)
		}
		var seqs []int64
		for _, m := range ms {
			seqs = append(seqs, m.Seq)
			if m.Text != fmt.Sprintf("message %d", m.Seq) {
				t.Errorf("seq %d has text %q", m.Seq, m.Text)
			}
		}
		diff(t, fmt.Sprintf("Messages(after %d, limit %d)", tt.after, tt.limit), tt.want, seqs)
	}
}

func testMessageStatusMonotonic(t *testing.T, open Open) {
	f := setup(t, open)
	out := f.outbound(t, f.conv.ID, "hello", nil)
	steps := []struct {
		to       agent.MessageStatus
		provider string
		moved    bool
		want     agent.MessageStatus
	}{
		{agent.StatusSending, "", true, agent.StatusSending},
		{agent.StatusQueued, "", false, agent.StatusSending},
		{agent.StatusSent, "SM-out-1", true, agent.StatusSent},
		{agent.StatusDelivered, "", true, agent.StatusDelivered},
		{agent.StatusSent, "", false, agent.StatusDelivered}, // a late "sent" callback
		{agent.StatusUndelivered, "", false, agent.StatusDelivered},
		{agent.StatusRead, "", true, agent.StatusRead},
		{agent.StatusRead, "", false, agent.StatusRead},
	}
	for i, st := range steps {
		moved, err := f.s.SetMessageStatus(f.ctx, out.ID, st.to, st.provider)
		if err != nil {
			t.Fatalf("step %d: SetMessageStatus(%s): %v", i, st.to, err)
		}
		got, err := f.s.Message(f.ctx, out.ID)
		if err != nil {
			t.Fatalf("Message: %v", err)
		}
		if moved != st.moved || got.Status != st.want {
			t.Errorf("step %d: SetMessageStatus(%s) moved %v to %s; want moved %v to %s", i, st.to, moved, got.Status, st.moved, st.want)
		}
		if got.ProviderID != "" && got.ProviderID != "SM-out-1" || i >= 2 && got.ProviderID != "SM-out-1" {
			t.Errorf("step %d: provider id = %q, want SM-out-1 kept once set", i, got.ProviderID)
		}
	}
	in := f.inbound(t, f.conv.ID, "SM1", "hi")
	if moved, err := f.s.SetMessageStatus(f.ctx, in.ID, agent.StatusProcessed, ""); err != nil || !moved {
		t.Errorf("received -> processed = %v, %v; want moved", moved, err)
	}
	if moved, err := f.s.SetMessageStatus(f.ctx, in.ID, agent.StatusReceived, ""); err != nil || moved {
		t.Errorf("processed -> received = %v, %v; want ignored", moved, err)
	}
	if _, err := f.s.SetMessageStatus(f.ctx, "m_missing", agent.StatusSent, ""); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("SetMessageStatus(missing) = %v, want ErrNotFound", err)
	}
}

func testPendingInbound(t *testing.T, open Open) {
	f := setup(t, open)
	other := f.conversation(t, agent.ChannelChat, T0)
	var ids []string
	for i := range 4 {
		conv := f.conv.ID
		if i%2 == 1 {
			conv = other.ID
		}
		m, _, err := f.s.InsertInbound(f.ctx, agent.Message{ConversationID: conv, Text: "hi",
			ChannelMessageID: fmt.Sprintf("X%d", i), CreatedAt: T0.Add(time.Duration(i) * time.Second)}, agent.Durable)
		if err != nil {
			t.Fatalf("InsertInbound: %v", err)
		}
		ids = append(ids, m.ID)
	}
	f.outbound(t, f.conv.ID, "an outbound message is never pending inbound", nil)
	if _, err := f.s.SetMessageStatus(f.ctx, ids[1], agent.StatusProcessed, ""); err != nil {
		t.Fatalf("SetMessageStatus: %v", err)
	}
	got, err := f.s.PendingInbound(f.ctx, 0)
	if err != nil {
		t.Fatalf("PendingInbound: %v", err)
	}
	var gotIDs []string
	for _, m := range got {
		gotIDs = append(gotIDs, m.ID)
	}
	diff(t, "pending inbound", []string{ids[0], ids[2], ids[3]}, gotIDs)
	if got, _ := f.s.PendingInbound(f.ctx, 2); len(got) != 2 {
		t.Errorf("PendingInbound(limit 2) returned %d", len(got))
	}
}

// sortedIDs is a helper for set comparisons.
func sortedIDs(ids []int64) []int64 {
	out := append([]int64(nil), ids...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
