package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// testFinishTurn checks Store.FinishTurn: the end of a turn is written
// whole, or not at all.
func testFinishTurn(t *testing.T, open Open) {
	f := setup(t, open)
	tf := f.s
	in := f.inbound(t, f.conv.ID, "SM-ft1", "hello")
	if err := f.s.SetOwner(f.ctx, f.conv.ID, "", "alice"); err != nil {
		t.Fatalf("SetOwner: %v", err)
	}
	c := f.conv
	c.State, c.Verified, c.Locale = agent.StateVerified, true, "zh"
	c.Owner = agent.OwnerAI // FinishTurn never changes the owner
	events := []agent.Event{
		{ConversationID: c.ID, AccountID: f.acct.ID, Kind: agent.EventIdentityVerified, Actor: "ai", At: T0},
		{ConversationID: c.ID, AccountID: f.acct.ID, Kind: agent.EventPlanOffered, Actor: "ai",
			Data: map[string]string{"plan_id": "p_1"}},
	}

	// A missing inbound message fails the whole write.
	attempts := []agent.ContactAttempt{{AccountID: f.acct.ID, Channel: agent.ChannelSMS, Address: c.Address,
		InitiatedBy: "borrower", Outcome: agent.OutcomeSent, MessageID: "m_reply", At: T0}}
	if _, _, err := tf.FinishTurn(f.ctx, agent.TurnEnd{Conversation: c, Events: events, Attempts: attempts, InboundID: "m_missing"}); !errors.Is(err, agent.ErrNotFound) {
		t.Fatalf("FinishTurn(missing message) = %v, want ErrNotFound", err)
	}
	if got, _ := f.s.Events(f.ctx, c.ID); len(got) != 0 {
		t.Errorf("a failed FinishTurn stored %d events", len(got))
	}
	if got, _ := f.s.ContactAttempts(f.ctx, f.acct.ID, time.Time{}); len(got) != 0 {
		t.Errorf("a failed FinishTurn stored %d contact attempts", len(got))
	}
	if got, _ := f.s.Conversation(f.ctx, c.ID); got.Verified || got.State != f.conv.State {
		t.Errorf("a failed FinishTurn wrote the conversation: %+v", got)
	}
	missing := c
	missing.ID = "c_missing"
	if _, _, err := tf.FinishTurn(f.ctx, agent.TurnEnd{Conversation: missing, InboundID: in.ID}); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("FinishTurn(missing conversation) = %v, want ErrNotFound", err)
	}
	if got, _ := f.s.Message(f.ctx, in.ID); got.Status != agent.StatusReceived {
		t.Errorf("a failed FinishTurn moved the message to %s", got.Status)
	}

	owner, stored, err := tf.FinishTurn(f.ctx, agent.TurnEnd{Conversation: c, Events: events, Attempts: attempts, InboundID: in.ID})
	if err != nil {
		t.Fatalf("FinishTurn: %v", err)
	}
	if owner != "alice" {
		t.Errorf("owner = %q, want the stored owner alice", owner)
	}
	if len(stored) != 2 || stored[0].ID == 0 || stored[1].ID <= stored[0].ID || stored[1].At.IsZero() {
		t.Fatalf("stored events %+v: want two, with increasing IDs and times filled", stored)
	}
	got, err := f.s.Events(f.ctx, c.ID)
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	diff(t, "events", stored, got)
	conv, err := f.s.Conversation(f.ctx, c.ID)
	if err != nil {
		t.Fatalf("Conversation: %v", err)
	}
	if conv.State != agent.StateVerified || !conv.Verified || conv.Locale != "zh" || conv.Owner != "alice" {
		t.Errorf("conversation after FinishTurn: %+v", conv)
	}
	m, err := f.s.Message(f.ctx, in.ID)
	if err != nil {
		t.Fatalf("Message: %v", err)
	}
	if m.Status != agent.StatusProcessed {
		t.Errorf("inbound status = %s, want processed", m.Status)
	}
	as, err := f.s.ContactAttempts(f.ctx, f.acct.ID, time.Time{})
	if err != nil || len(as) != 1 || as[0].MessageID != "m_reply" || !as[0].At.Equal(T0) {
		t.Errorf("contact attempts after FinishTurn: %+v, %v; want the one written with it", as, err)
	}

	// Without an inbound message (outreach) and without events.
	if _, stored, err := tf.FinishTurn(f.ctx, agent.TurnEnd{Conversation: c}); err != nil || len(stored) != 0 {
		t.Errorf("FinishTurn(no message, no events) = %v, %v", stored, err)
	}
}

// testSetInterrupted checks that where a caller cut a reply is stored on
// the reply and read back with it.
func testSetInterrupted(t *testing.T, open Open) {
	f := setup(t, open)
	m := f.outbound(t, f.conv.ID, "Hello, this is Ava, an automated assistant.", nil)
	if got, err := f.s.Message(f.ctx, m.ID); err != nil || got.Interrupted != nil {
		t.Fatalf("a fresh reply: %+v, %v; want no interruption", got.Interrupted, err)
	}
	in := agent.Interrupt{Heard: "Hello, this is", AfterMs: 460, CallSid: "CA1", At: T0}
	if err := f.s.SetInterrupted(f.ctx, m.ID, in); err != nil {
		t.Fatalf("SetInterrupted: %v", err)
	}
	got, err := f.s.Message(f.ctx, m.ID)
	if err != nil {
		t.Fatalf("Message: %v", err)
	}
	in.At = T0.UTC()
	diff(t, "interruption", &in, got.Interrupted)
	if got.Text != m.Text {
		t.Errorf("text %q, want the whole reply %q", got.Text, m.Text)
	}
	ms, err := f.s.Messages(f.ctx, f.conv.ID, 0, 0)
	if err != nil || len(ms) != 1 || ms[0].Interrupted == nil {
		t.Errorf("Messages: %+v, %v; want the interruption with the reply", ms, err)
	}
	if err := f.s.SetInterrupted(f.ctx, "m_missing", in); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("SetInterrupted(missing) = %v, want ErrNotFound", err)
	}
}

// testReviseOutbound checks that a reply still sending can be rewritten as
// it streams, and nothing else can.
func testReviseOutbound(t *testing.T, open Open) {
	f := setup(t, open)
	m, err := f.s.InsertOutbound(f.ctx, agent.Message{ID: "m_stream", ConversationID: f.conv.ID, Channel: agent.ChannelVoice,
		Text: "Your balance is $1,200.00.", Status: agent.StatusSending, Guard: allowDecision("Your balance is $1,200.00.")}, nil, true)
	if err != nil {
		t.Fatalf("InsertOutbound: %v", err)
	}
	next := m
	next.Text = "Your balance is $1,200.00. I can help you pay it."
	next.Guard = allowDecision(next.Text)
	next.TemplateVersion, next.Model = "system.v1.en.voice/balance.v1.en", "test-model"
	if err := f.s.ReviseOutbound(f.ctx, next); err != nil {
		t.Fatalf("ReviseOutbound: %v", err)
	}
	got, err := f.s.Message(f.ctx, m.ID)
	if err != nil {
		t.Fatalf("Message: %v", err)
	}
	if got.Text != next.Text || got.Guard == nil || got.Guard.Text != next.Text || got.TemplateVersion != next.TemplateVersion ||
		got.Model != "test-model" || got.Status != agent.StatusSending || got.Seq != m.Seq {
		t.Errorf("revised message %+v, want the new text, decision, version and model, still sending", got)
	}
	if _, err := f.s.SetMessageStatus(f.ctx, m.ID, agent.StatusSent, ""); err != nil {
		t.Fatalf("SetMessageStatus: %v", err)
	}
	late := next
	late.Text = "something else"
	if err := f.s.ReviseOutbound(f.ctx, late); !errors.Is(err, agent.ErrConflict) {
		t.Errorf("ReviseOutbound(sent) = %v, want ErrConflict", err)
	}
	if got, _ := f.s.Message(f.ctx, m.ID); got.Text != next.Text {
		t.Errorf("a sent message was rewritten to %q", got.Text)
	}
	late.ID = "m_missing"
	if err := f.s.ReviseOutbound(f.ctx, late); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("ReviseOutbound(missing) = %v, want ErrNotFound", err)
	}
}

// testReadTurn checks agent.TurnReader against the single reads.
func testReadTurn(t *testing.T, open Open) {
	f := setup(t, open)
	var in agent.Message
	for i := range 8 {
		m := f.inbound(t, f.conv.ID, fmt.Sprintf("SM-rt-%d", i), fmt.Sprintf("message %d", i))
		if i == 5 {
			in = m
		}
	}
	f.outbound(t, f.conv.ID, "Thanks.", nil) // after the inbound message, with a guard decision
	now := time.Now().UTC()
	for _, a := range []agent.ContactAttempt{
		{Channel: agent.ChannelSMS, InitiatedBy: "agent", Outcome: agent.OutcomeSent, At: now.Add(-10 * 24 * time.Hour)}, // before Since
		{Channel: agent.ChannelSMS, InitiatedBy: "agent", Outcome: agent.OutcomeSent, At: now.Add(-time.Hour)},
		// Replies to the borrower count toward no limit and are not read;
		// a connected call counts whoever placed it.
		{Channel: agent.ChannelSMS, InitiatedBy: "borrower", Outcome: agent.OutcomeSent, At: now.Add(-time.Minute)},
		{Channel: agent.ChannelVoice, InitiatedBy: "borrower", Outcome: agent.OutcomeConnected, At: now.Add(-time.Minute)},
	} {
		a.AccountID, a.Address = f.acct.ID, f.conv.Address
		if err := f.s.AddContactAttempt(f.ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, ch := range []agent.Channel{agent.ChannelVoice, agent.ChannelSMS} {
		if err := f.s.SetConsent(f.ctx, agent.Consent{AccountID: f.acct.ID, Channel: ch, OptedOut: ch == agent.ChannelVoice, Source: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range []agent.ContactRestriction{{Kind: policies.RestrictPlace, Place: policies.PlaceWork},
		{Kind: policies.RestrictChannel, Channels: []string{"email"}}} {
		if err := f.s.AddRestriction(f.ctx, agent.Restriction{ID: fmt.Sprintf("r_rt%d", i), AccountID: f.acct.ID,
			ContactRestriction: r, CreatedAt: T0.Add(time.Duration(i) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	since := now.Add(-8 * 24 * time.Hour)
	got, err := f.s.ReadTurn(f.ctx, agent.TurnQuery{MessageID: in.ID, History: 3, Since: since})
	if err != nil {
		t.Fatalf("ReadTurn: %v", err)
	}
	var want agent.TurnData
	want.Inbound, _ = f.s.Message(f.ctx, in.ID)
	want.Conversation, _ = f.s.Conversation(f.ctx, f.conv.ID)
	want.Account, _ = f.s.Account(f.ctx, f.acct.ID)
	want.History, _ = f.s.Messages(f.ctx, f.conv.ID, in.Seq-3, 0)
	want.Consents, _ = f.s.Consents(f.ctx, f.acct.ID)
	want.Restrictions, _ = f.s.Restrictions(f.ctx, f.acct.ID)
	all, _ := f.s.ContactAttempts(f.ctx, f.acct.ID, since)
	for _, a := range all {
		if a.Counts() {
			want.Attempts = append(want.Attempts, a)
		}
	}
	if len(want.History) != 6 || want.History[5].Guard == nil || len(want.Consents) != 2 || len(all) != 3 || len(want.Attempts) != 2 ||
		len(want.Restrictions) != 2 {
		t.Fatalf("fixture: %d messages, %d consents, %d attempts, %d counted, %d restrictions", len(want.History), len(want.Consents),
			len(all), len(want.Attempts), len(want.Restrictions))
	}
	for i := range want.History {
		want.History[i].Guard = nil // the history comes without decisions
	}
	diff(t, "ReadTurn against the single reads", want, got)
	if _, err := f.s.ReadTurn(f.ctx, agent.TurnQuery{MessageID: "m_missing", History: 3, Since: since}); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("ReadTurn(missing) = %v, want ErrNotFound", err)
	}
}

// testOpenWithInbound checks Store.OpenWithInbound: a conversation and
// its first message are stored together.
func testOpenWithInbound(t *testing.T, open Open) {
	f := setup(t, open)
	op := f.s
	c := agent.Conversation{AccountID: f.acct.ID, Channel: agent.ChannelChat, Address: "+15555550100", Locale: "en"}
	m, created, err := op.OpenWithInbound(f.ctx, &c, agent.Message{Channel: agent.ChannelChat, Text: "hi", ChannelMessageID: "ow-1"}, agent.Durable)
	if err != nil || !created {
		t.Fatalf("OpenWithInbound: created %v, %v", created, err)
	}
	if c.ID == "" || m.ConversationID != c.ID || m.Seq != 1 || m.Status != agent.StatusReceived {
		t.Errorf("conversation %q, message %+v: want the message first in the new conversation", c.ID, m)
	}
	if got, err := f.s.Conversation(f.ctx, c.ID); err != nil || got.Owner != agent.OwnerAI || got.State != agent.StateOpen {
		t.Errorf("stored conversation %+v, %v", got, err)
	}
	// A redelivery opening another conversation gets the first message back.
	again := agent.Conversation{AccountID: f.acct.ID, Channel: agent.ChannelChat}
	m2, created, err := op.OpenWithInbound(f.ctx, &again, agent.Message{Channel: agent.ChannelChat, Text: "hi", ChannelMessageID: "ow-1"}, agent.Durable)
	if err != nil || created || m2.ID != m.ID {
		t.Errorf("redelivery: %s created=%v, %v; want %s again", m2.ID, created, err, m.ID)
	}
	// ... and opens no conversation: an empty one would take the
	// borrower's next message (OpenConversation returns the newest).
	if again.ID != "" {
		if got, err := f.s.Conversation(f.ctx, again.ID); !errors.Is(err, agent.ErrNotFound) {
			t.Errorf("a redelivery left conversation %s (%+v, %v)", again.ID, got, err)
		}
	}
	if open, err := f.s.OpenConversation(f.ctx, f.acct.ID, agent.ChannelChat); err != nil || open.ID != c.ID {
		t.Errorf("open chat conversation %s, %v; want %s", open.ID, err, c.ID)
	}
	// An unknown account stores neither.
	lost := agent.Conversation{AccountID: "A-missing", Channel: agent.ChannelChat}
	if _, _, err := op.OpenWithInbound(f.ctx, &lost, agent.Message{Channel: agent.ChannelChat, Text: "hi", ChannelMessageID: "ow-2"}, agent.Durable); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("unknown account: %v, want ErrNotFound", err)
	}
	if _, err := f.s.MessageByChannelID(f.ctx, agent.ChannelChat, "ow-2"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("a failed OpenWithInbound stored its message: %v", err)
	}
}

// testFindSender checks agent.SenderFinder: it finds what AccountByPhone,
// OpenConversation and MessageByChannelID would.
func testFindSender(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	sf := s
	a := Account("A-200", "+15555550200")
	if err := s.PutAccount(ctx, a); err != nil {
		t.Fatal(err)
	}
	q := agent.SenderLookup{Phone: "+15555550200", Channel: agent.ChannelSMS, ChannelMessageID: "SM-find-1"}
	if _, err := sf.FindSender(ctx, agent.SenderLookup{Phone: "+15555550999", Channel: agent.ChannelSMS}); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("unknown phone: %v, want ErrNotFound", err)
	}
	got, err := sf.FindSender(ctx, q)
	if err != nil || got.Open || got.Delivered != nil || got.Account.ID != a.ID {
		t.Fatalf("no conversation yet: %+v, %v", got, err)
	}
	c := agent.Conversation{AccountID: a.ID, Channel: agent.ChannelSMS, Address: "+15555550200"}
	if err := s.CreateConversation(ctx, &c); err != nil {
		t.Fatal(err)
	}
	voice := agent.Conversation{AccountID: a.ID, Channel: agent.ChannelVoice}
	if err := s.CreateConversation(ctx, &voice); err != nil {
		t.Fatal(err)
	}
	in, _, err := s.InsertInbound(ctx, agent.Message{ConversationID: c.ID, Channel: agent.ChannelSMS, Text: "hi", ChannelMessageID: "SM-find-1"}, agent.Durable)
	if err != nil {
		t.Fatal(err)
	}
	got, err = sf.FindSender(ctx, q)
	if err != nil || !got.Open || got.Conversation.ID != c.ID || got.Delivered == nil || got.Delivered.ID != in.ID {
		t.Fatalf("open conversation and an earlier delivery: %+v, %v; want %s and %s", got, err, c.ID, in.ID)
	}
	c.State = agent.StateClosed
	if err := s.UpdateConversation(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err = sf.FindSender(ctx, agent.SenderLookup{Phone: q.Phone, Channel: q.Channel})
	if err != nil || got.Open || got.Delivered != nil {
		t.Errorf("closed conversation, no message id: %+v, %v; want nothing open, nothing looked up", got, err)
	}
}

// testCloseStaleStreams checks that a spoken reply left sending before the
// cut-off is closed as undelivered, and nothing else is touched.
func testCloseStaleStreams(t *testing.T, open Open) {
	f := setup(t, open)
	cutoff := T0.Add(time.Hour)
	store := func(id string, ch agent.Channel, st agent.MessageStatus, at time.Time, item *agent.OutboxItem) {
		t.Helper()
		if _, err := f.s.InsertOutbound(f.ctx, agent.Message{ID: id, ConversationID: f.conv.ID, Channel: ch, Text: "Your balance is due.",
			Status: st, Guard: allowDecision("Your balance is due."), CreatedAt: at}, item, true); err != nil {
			t.Fatalf("InsertOutbound %s: %v", id, err)
		}
	}
	store("m_left_open", agent.ChannelVoice, agent.StatusSending, T0, nil)
	store("m_still_speaking", agent.ChannelVoice, agent.StatusSending, cutoff.Add(time.Minute), nil)
	store("m_spoken", agent.ChannelVoice, agent.StatusSent, T0, nil)
	store("m_voice_outbox", agent.ChannelVoice, agent.StatusQueued, T0, &agent.OutboxItem{To: "+15555550100"})
	if _, err := f.s.SetMessageStatus(f.ctx, "m_voice_outbox", agent.StatusSending, ""); err != nil {
		t.Fatal(err)
	}
	store("m_sms", agent.ChannelSMS, agent.StatusQueued, T0, nil)
	if _, err := f.s.SetMessageStatus(f.ctx, "m_sms", agent.StatusSending, ""); err != nil {
		t.Fatal(err)
	}
	closed, err := f.s.CloseStaleStreams(f.ctx, cutoff)
	if err != nil {
		t.Fatalf("CloseStaleStreams: %v", err)
	}
	diff(t, "closed streams", []string{"m_left_open"}, closed)
	for id, want := range map[string]agent.MessageStatus{
		"m_left_open": agent.StatusUndelivered, "m_still_speaking": agent.StatusSending, "m_spoken": agent.StatusSent,
		"m_voice_outbox": agent.StatusSending, "m_sms": agent.StatusSending,
	} {
		got, err := f.s.Message(f.ctx, id)
		if err != nil {
			t.Fatalf("Message %s: %v", id, err)
		}
		if got.Status != want {
			t.Errorf("%s is %s, want %s", id, got.Status, want)
		}
	}
	if again, err := f.s.CloseStaleStreams(f.ctx, cutoff); err != nil || len(again) != 0 {
		t.Errorf("second CloseStaleStreams = %v, %v; want nothing", again, err)
	}
}

// testFinishTurnEffects checks that a turn's effects are committed with
// it: flag changes as changes, consents, plans and disputes upserted, so
// that a turn committed twice writes each row once.
func testFinishTurnEffects(t *testing.T, open Open) {
	f := setup(t, open)
	in := f.inbound(t, f.conv.ID, "SM-fe1", "i have a lawyer and i dispute this")
	c := f.conv
	plan := agent.Plan{ID: "plan_fe1", AccountID: f.acct.ID, ConversationID: c.ID, Kind: agent.PlanFull,
		Total: f.acct.Balance, Status: agent.PlanAccepted, CreatedAt: T0}
	end := agent.TurnEnd{
		Conversation: c,
		InboundID:    in.ID,
		Flags:        []agent.FlagChange{{Flag: agent.FlagAttorney, Value: true}, {Flag: agent.FlagDisputed, Value: true}},
		Consents:     []agent.Consent{{AccountID: f.acct.ID, Channel: agent.ChannelSMS, OptedOut: true, Source: "sms reply", UpdatedAt: T0}},
		Plans:        []agent.Plan{plan},
		Disputes:     []agent.Dispute{{ID: "d_fe1", AccountID: f.acct.ID, ConversationID: c.ID, Reason: "not mine", Open: true, CreatedAt: T0}},
		Restrictions: []agent.Restriction{{ID: "r_fe1", AccountID: f.acct.ID, ConversationID: c.ID, Text: "not before noon",
			ContactRestriction: agent.ContactRestriction{Kind: policies.RestrictTime, NotBefore: 12 * 60}, CreatedAt: T0}},
	}
	// An unknown flag fails the whole turn.
	bad := end
	bad.Flags = append([]agent.FlagChange{{Flag: "legal_action_approved", Value: false}}, end.Flags...)
	if _, _, err := f.s.FinishTurn(f.ctx, bad); err == nil {
		t.Fatal("FinishTurn with a flag a turn may not change succeeded")
	}
	if a, _ := f.s.Account(f.ctx, f.acct.ID); a.Flags.Attorney || !a.Flags.LegalActionApproved {
		t.Fatalf("a failed FinishTurn changed the flags: %+v", a.Flags)
	}
	for range 2 { // a turn that runs again writes the same rows
		if _, _, err := f.s.FinishTurn(f.ctx, end); err != nil {
			t.Fatalf("FinishTurn: %v", err)
		}
	}
	a, err := f.s.Account(f.ctx, f.acct.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := f.acct.Flags
	want.Attorney, want.Disputed = true, true
	diff(t, "flags", want, a.Flags)
	if ps, err := f.s.Plans(f.ctx, f.acct.ID); err != nil || len(ps) != 1 || ps[0].ID != plan.ID {
		t.Errorf("plans after two commits: %+v, %v; want the one plan once", ps, err)
	}
	if ds, err := f.s.Disputes(f.ctx, f.acct.ID); err != nil || len(ds) != 1 || ds[0].ID != "d_fe1" || !ds[0].Open {
		t.Errorf("disputes after two commits: %+v, %v; want the one dispute once", ds, err)
	}
	if cs, err := f.s.Consents(f.ctx, f.acct.ID); err != nil || len(cs) != 1 || !cs[0].OptedOut {
		t.Errorf("consents: %+v, %v; want sms opted out", cs, err)
	}
	if rs, err := f.s.Restrictions(f.ctx, f.acct.ID); err != nil || len(rs) != 1 || rs[0].ID != "r_fe1" || rs[0].NotBefore != 12*60 {
		t.Errorf("restrictions after two commits: %+v, %v; want the one restriction once", rs, err)
	}
}

// testConcurrentFlags checks that two conversations of one account, whose
// turns commit at the same moment, never undo each other's flags: one sets
// cease, the other attorney, and both survive.
func testConcurrentFlags(t *testing.T, open Open) {
	f := setup(t, open)
	chat := agent.Conversation{AccountID: f.acct.ID, Channel: agent.ChannelChat, Locale: "en", CreatedAt: T0}
	if err := f.s.CreateConversation(f.ctx, &chat); err != nil {
		t.Fatal(err)
	}
	const rounds = 8
	for i := range rounds {
		flags := []string{agent.FlagCease, agent.FlagAttorney, agent.FlagBankruptcy, agent.FlagDeceased}
		a, b := flags[i%4], flags[(i+1)%4]
		var wg sync.WaitGroup
		errs := make(chan error, 2)
		for _, job := range []struct {
			conv agent.Conversation
			flag string
		}{{f.conv, a}, {chat, b}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _, err := f.s.FinishTurn(f.ctx, agent.TurnEnd{Conversation: job.conv,
					Flags: []agent.FlagChange{{Flag: job.flag, Value: true}}})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("FinishTurn: %v", err)
			}
		}
		got, err := f.s.Account(f.ctx, f.acct.ID)
		if err != nil {
			t.Fatal(err)
		}
		set := map[string]bool{agent.FlagCease: got.Flags.Cease, agent.FlagAttorney: got.Flags.Attorney,
			agent.FlagBankruptcy: got.Flags.Bankruptcy, agent.FlagDeceased: got.Flags.Deceased}
		if !set[a] || !set[b] || !got.Flags.LegalActionApproved {
			t.Fatalf("round %d: set %s and %s at once, stored flags %+v", i, a, b, got.Flags)
		}
		// Clear both for the next round, again as changes.
		if _, _, err := f.s.FinishTurn(f.ctx, agent.TurnEnd{Conversation: f.conv,
			Flags: []agent.FlagChange{{Flag: a, Value: false}, {Flag: b, Value: false}}}); err != nil {
			t.Fatal(err)
		}
	}
}
