package agent_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
	"github.com/parley-collections/parley/channels/voice"
)

// callBundle is an orchestrator over SQLite that places calls through the
// real voice.Caller against a fake Twilio.
type callBundle struct {
	*testBundle
	twilio *twiliotest.Server
	sched  *recordingScheduler
	out    agent.Outreacher
}

func setupCalls(t *testing.T, opts ...setupOption) *callBundle {
	t.Helper()
	sched := &recordingScheduler{}
	opts = append(opts, func(_ *agent.Account, c *agent.Config) { c.Scheduler = sched })
	b := setup(t, usAccount(), agent.ChannelVoice, opts...)
	fake := twiliotest.NewServer(t)
	caller := voice.NewCaller(fake.Settings("https://parley.example.com"), fake.HTTPClient(), nil)
	return &callBundle{testBundle: b, twilio: fake, sched: sched, out: agent.Outreacher{Orchestrator: b.orch, Dialer: caller}}
}

func (b *callBundle) attempts() []agent.ContactAttempt {
	b.t.Helper()
	as, err := b.store.ContactAttempts(b.ctx, b.acct.ID, time.Time{})
	if err != nil {
		b.t.Fatal(err)
	}
	return as
}

// TestVoiceOutreachPlacesAnAllowedCall: the greeting is the attempt the guard
// allows, it is stored as sent with the call's sid, the call goes to the
// borrower with callbacks that name the account and the greeting, and the
// attempt is recorded once, when Twilio reports its outcome.
func TestVoiceOutreachPlacesAnAllowedCall(t *testing.T) {
	t.Parallel()
	b := setupCalls(t)
	res, err := b.out.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Replies) != 1 || len(res.Blocked) != 0 {
		t.Fatalf("result %+v, want one greeting", res)
	}
	m := res.Replies[0]
	if m.Status != agent.StatusSent || !strings.HasPrefix(m.ProviderID, "CA") || m.Guard == nil || !m.Guard.Sendable() ||
		!strings.HasPrefix(m.TemplateVersion, "voice_greeting.") {
		t.Errorf("greeting %+v", m)
	}
	if strings.Contains(m.Text, "1,200") || strings.Contains(m.Text, "1200") {
		t.Errorf("the greeting of an unverified call states the debt: %q", m.Text)
	}
	reqs := b.twilio.Requests()
	if len(reqs) != 1 || !strings.HasSuffix(reqs[0].Path, "/Calls.json") {
		t.Fatalf("Twilio requests %+v", reqs)
	}
	f := reqs[0].Form
	if f.Get("To") != "+15551230001" || f.Get("Url") != "https://parley.example.com/twilio/voice?aid=A-100&mid="+m.ID ||
		f.Get("StatusCallback") != "https://parley.example.com/twilio/voice/status?aid=A-100&mid="+m.ID {
		t.Errorf("call form %v", f)
	}
	if as := b.attempts(); len(as) != 0 {
		t.Errorf("attempts %+v before Twilio reported the outcome", as)
	}
	text, locale, err := b.orch.CallGreeting(b.ctx, m.ID)
	if err != nil || text != m.Text || locale != "en" {
		t.Errorf("call greeting %q %q %v", text, locale, err)
	}

	if _, err := b.out.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice); !errors.Is(err, agent.ErrCallInProgress) {
		t.Errorf("a second call before the first's outcome: %v", err)
	}
	if n := len(b.twilio.Requests()); n != 1 {
		t.Errorf("%d calls placed, want 1", n)
	}

	outcome := agent.CallOutcome{AccountID: b.acct.ID, MessageID: m.ID, CallSid: m.ProviderID, To: "+15551230001", Outcome: agent.OutcomeConnected}
	for range 2 { // Twilio may post a callback twice
		if err := b.orch.RecordCallOutcome(b.ctx, outcome); err != nil {
			t.Fatal(err)
		}
	}
	as := b.attempts()
	if len(as) != 1 || as[0].Outcome != agent.OutcomeConnected || as[0].InitiatedBy != "agent" || as[0].MessageID != m.ID || as[0].Channel != agent.ChannelVoice {
		t.Errorf("attempts %+v, want one connected call", as)
	}
	if got, _ := b.store.Message(b.ctx, m.ID); got.Status != agent.StatusDelivered {
		t.Errorf("greeting status %s after a connected call, want delivered", got.Status)
	}
	// Counted, the call no longer holds the next one back.
	b.clock.Advance(time.Hour)
	if _, err := b.out.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice); err != nil {
		t.Errorf("a call after the first's outcome: %v", err)
	}
}

// TestVoiceOutreachDefersOutOfHoursThenCalls: at 23:00 in Chicago the call is
// deferred like an SMS opening; when its job fires the guard is asked again
// and the call is placed, once however often the job runs.
func TestVoiceOutreachDefersOutOfHoursThenCalls(t *testing.T) {
	t.Parallel()
	b := setupCalls(t)
	chicago, _ := time.LoadLocation("America/Chicago")
	b.clock.Set(time.Date(2026, 3, 3, 23, 0, 0, 0, chicago))
	res, err := b.out.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Replies) != 0 || len(res.Blocked) != 1 || res.Blocked[0].Status != agent.StatusDeferred {
		t.Fatalf("an out-of-hours call was not deferred: %+v", res)
	}
	if !hasEvent(res.Events, agent.EventMessageDeferred) {
		t.Errorf("events %+v, want message_deferred", res.Events)
	}
	at, ok := b.sched.sends[res.Blocked[0].ID]
	if !ok {
		t.Fatal("the deferred call was not scheduled")
	}
	if n := len(b.twilio.Requests()); n != 0 {
		t.Fatalf("%d calls placed out of hours", n)
	}
	if err := b.orch.SendDeferred(b.ctx, res.Blocked[0].ID); !errors.Is(err, agent.ErrNoDialer) {
		t.Errorf("a deferred call without a dialer: %v", err)
	}
	b.clock.Set(at)
	for range 2 {
		if err := b.out.SendDeferred(b.ctx, res.Blocked[0].ID); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(b.twilio.Requests()); n != 1 {
		t.Errorf("%d calls placed when the deferred call's time came, want 1", n)
	}
}

// TestVoiceOutreachRefusals: no call to a borrower who opted out of calls,
// nor beyond the weekly call cap, nor through a bare orchestrator.
func TestVoiceOutreachRefusals(t *testing.T) {
	t.Parallel()
	t.Run("opted out of calls", func(t *testing.T) {
		t.Parallel()
		b := setupCalls(t)
		if err := b.store.SetConsent(b.ctx, agent.Consent{AccountID: b.acct.ID, Channel: agent.ChannelVoice, OptedOut: true, UpdatedAt: testNow}); err != nil {
			t.Fatal(err)
		}
		if _, err := b.out.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice); !errors.Is(err, agent.ErrContactStopped) {
			t.Errorf("err %v, want ErrContactStopped", err)
		}
		if n := len(b.twilio.Requests()); n != 0 {
			t.Errorf("%d calls placed", n)
		}
	})
	t.Run("weekly call cap", func(t *testing.T) {
		t.Parallel()
		b := setupCalls(t)
		for i := range 7 {
			if err := b.store.AddContactAttempt(b.ctx, agent.ContactAttempt{AccountID: b.acct.ID, Channel: agent.ChannelVoice,
				InitiatedBy: "agent", Outcome: agent.OutcomeNoAnswer, At: testNow.Add(-time.Duration(i+1) * 20 * time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
		res, err := b.out.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Replies) != 0 || len(res.Blocked) != 1 || res.Blocked[0].Status == agent.StatusSent {
			t.Errorf("result %+v, want the call refused", res)
		}
		if n := len(b.twilio.Requests()); n != 0 {
			t.Errorf("%d calls placed beyond the cap", n)
		}
		if n := len(b.attempts()); n != 7 {
			t.Errorf("%d attempts, want the 7 there were", n)
		}
	})
	t.Run("no dialer", func(t *testing.T) {
		t.Parallel()
		b := setupCalls(t)
		if _, err := b.orch.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice); !errors.Is(err, agent.ErrNoDialer) {
			t.Errorf("err %v, want ErrNoDialer", err)
		}
	})
}

// TestVoiceOutreachRecordsFailedAndDryRunCalls: a call Twilio refuses and a
// call the dry-run caller only logs are contact attempts at once, since no
// callback will come.
func TestVoiceOutreachRecordsFailedAndDryRunCalls(t *testing.T) {
	t.Parallel()
	t.Run("twilio refuses", func(t *testing.T) {
		t.Parallel()
		b := setupCalls(t)
		b.twilio.FailNext(1, 400, 21211)
		res, err := b.out.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice)
		var se *agent.SendError
		if !errors.As(err, &se) {
			t.Fatalf("err %v, want the SendError", err)
		}
		if len(res.Blocked) != 1 || res.Blocked[0].Status != agent.StatusFailed {
			t.Errorf("result %+v, want the greeting failed", res)
		}
		if as := b.attempts(); len(as) != 1 || as[0].Outcome != agent.OutcomeFailed {
			t.Errorf("attempts %+v, want one failed", as)
		}
	})
	t.Run("dry run", func(t *testing.T) {
		t.Parallel()
		b := setupCalls(t)
		b.out.Dialer = voice.NewCaller(twilio.Settings{}, nil, nil)
		res, err := b.out.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice)
		if err != nil || len(res.Replies) != 1 {
			t.Fatalf("result %+v, err %v", res, err)
		}
		if as := b.attempts(); len(as) != 1 || as[0].Outcome != agent.OutcomeNoAnswer || as[0].MessageID != res.Replies[0].ID {
			t.Errorf("attempts %+v, want the dry-run call as placed and unanswered", as)
		}
	})
}

// TestRecordInterruptStoresWhatWasHeard: the interruption is recorded on
// the reply it cut, the call's last one, found by conversation id, account
// or phone, with what the caller heard of it; the event vocabulary stays
// closed.
func TestRecordInterruptStoresWhatWasHeard(t *testing.T) {
	t.Parallel()
	b := setupCalls(t)
	res, err := b.out.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice)
	if err != nil {
		t.Fatal(err)
	}
	conv, reply := res.Conversation.ID, res.Replies[0].ID
	before, err := b.store.Events(b.ctx, conv)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in      agent.Interruption
		afterMs int64
	}{
		{agent.Interruption{CallSid: "CA1", ConversationID: conv, Heard: "Hello, this is", Duration: 460 * time.Millisecond}, 460},
		{agent.Interruption{CallSid: "CA1", AccountID: b.acct.ID, Heard: "Hello"}, 0},
		{agent.Interruption{CallSid: "CA1", Phone: "+15551230001", Heard: "Hel"}, 0},
	} {
		if err := b.orch.RecordInterrupt(b.ctx, tc.in); err != nil {
			t.Fatal(err)
		}
		m, err := b.store.Message(b.ctx, reply)
		if err != nil {
			t.Fatal(err)
		}
		got := m.Interrupted
		if got == nil || got.Heard != tc.in.Heard || got.AfterMs != tc.afterMs || got.CallSid != "CA1" || got.At.IsZero() {
			t.Errorf("after %+v the reply's interruption is %+v", tc.in, got)
		}
		if m.Text != res.Replies[0].Text {
			t.Errorf("the reply's text changed to %q", m.Text)
		}
	}
	if err := b.orch.RecordInterrupt(b.ctx, agent.Interruption{CallSid: "CA2", Phone: "+15559990000", Heard: "Hi"}); err != nil {
		t.Errorf("an unknown caller's interruption: %v", err)
	}
	after, err := b.store.Events(b.ctx, conv)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("interruptions added events: %v", after[len(before):])
	}
	for _, e := range after {
		if !slices.Contains(agent.EventKinds, e.Kind) {
			t.Errorf("event %q is outside the vocabulary", e.Kind)
		}
	}
}

// TestVoiceFarewellSpeaksTheBorrowersLanguage: the words before a handed-over
// call ends pass the guard and follow the conversation's language.
func TestVoiceFarewellSpeaksTheBorrowersLanguage(t *testing.T) {
	t.Parallel()
	b := setup(t, cnAccount(), agent.ChannelVoice)
	text, locale, err := b.orch.VoiceFarewell(b.ctx, "", "+8613800000001")
	if err != nil || locale != "zh" || !strings.Contains(text, "工作人员") {
		t.Errorf("farewell %q %q %v", text, locale, err)
	}
	text, locale, err = b.orch.VoiceFarewell(b.ctx, "", "+15559990000")
	if err != nil || locale != "en" || text == "" {
		t.Errorf("farewell to an unknown caller %q %q %v", text, locale, err)
	}
}

func hasEvent(es []agent.Event, k agent.EventKind) bool {
	for _, e := range es {
		if e.Kind == k {
			return true
		}
	}
	return false
}

// takeoverStore hands the conversation to a supervisor just before the
// call's greeting is stored, as a takeover racing the outreach would.
type takeoverStore struct {
	agent.TurnStore
	by string
}

func (s takeoverStore) FinishTurn(ctx context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	for _, tm := range end.Messages {
		if tm.Message.Channel == agent.ChannelVoice {
			if err := s.SetOwner(ctx, end.Conversation.ID, agent.OwnerAI, s.by); err != nil {
				return "", nil, err
			}
			break
		}
	}
	return s.TurnStore.FinishTurn(ctx, end)
}

// A supervisor who takes the conversation over while a call is being
// placed stops it: nothing is dialled, the greeting is kept as dropped,
// and watchers are told, as for a reply dropped by a takeover.
func TestVoiceOutreachStopsForATakeoverWhileDialling(t *testing.T) {
	t.Parallel()
	bus := agent.NewMemoryBus()
	b := setupCalls(t, func(_ *agent.Account, c *agent.Config) {
		c.Store = takeoverStore{TurnStore: c.Store, by: "u_sup"}
		c.Bus = bus
	})
	ctx, cancel := context.WithCancel(b.ctx)
	defer cancel()
	notices := bus.Subscribe(ctx)
	res, err := b.out.Outreach(b.ctx, b.acct.ID, agent.ChannelVoice)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(b.twilio.Requests()); n != 0 {
		t.Errorf("%d calls placed for a conversation a supervisor took over", n)
	}
	msgs, err := b.store.Messages(b.ctx, res.Conversation.ID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 || msgs[0].Status != agent.StatusDropped || msgs[0].Channel != agent.ChannelVoice {
		t.Fatalf("messages %+v, want the greeting, dropped", msgs)
	}
	m := msgs[0]
	evs, err := b.store.Events(b.ctx, m.ConversationID)
	if err != nil {
		t.Fatal(err)
	}
	blocked := false
	for _, e := range evs {
		blocked = blocked || e.Kind == agent.EventMessageBlocked && fmt.Sprint(e.Data["reason"]) == "supervisor took over"
	}
	if !blocked {
		t.Errorf("events %+v: no message_blocked for the takeover", evs)
	}
	for {
		select {
		case n := <-notices:
			if n.Kind == "message" && n.MessageID == m.ID {
				return
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no notice of the dropped greeting")
		}
	}
}
