package voice_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/rules"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
	"github.com/parley-collections/parley/channels/voice"
	"github.com/parley-collections/parley/policies"
)

// e2eOrchestrator is the orchestrator `parley serve` wires, over SQLite with
// the rules brain and the guard, on a Monday at 10:00 in Chicago, with
// DEMO-US-1 in the store.
func e2eOrchestrator(t *testing.T) (*sqlite.Store, *agent.Orchestrator, agent.Account) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC)
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var acct agent.Account
	for _, a := range agent.DemoAccounts(now) {
		if a.ID == "DEMO-US-1" {
			acct = a
		}
	}
	if err := st.PutAccount(ctx, acct); err != nil {
		t.Fatal(err)
	}
	orch, err := agent.NewOrchestrator(agent.Config{Store: st, Brain: rules.New(), Guard: policies.Default(), Clock: agent.NewFixedClock(now)})
	if err != nil {
		t.Fatal(err)
	}
	return st, orch, acct
}

// TestOutboundCallEndToEnd wires voice as `parley serve` does, over SQLite
// with the rules brain and the guard, and plays Twilio's side of a call
// Parley places: outreach dials through the fake REST API, Twilio fetches
// the call's TwiML and opens the relay, the borrower speaks over the first
// reply and then asks for a person, the session ends with handoffData for
// the human queue, the Connect action puts the call through, and the status
// callback records the attempt as connected.
func TestOutboundCallEndToEnd(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, orch, acct := e2eOrchestrator(t)
	var (
		h   *voice.Handler
		err error
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	fake := twiliotest.NewServer(t)
	settings := fake.Settings(srv.URL)
	h, err = voice.NewHandler(voice.Config{
		Settings: settings,
		Turn:     voice.Turns(orch),
		Greeting: func(ctx context.Context, r voice.GreetingRequest) (voice.Greeting, error) {
			text, locale, err := orch.CallGreeting(ctx, r.MessageID)
			return voice.Greeting{Text: text, Language: locale}, err
		},
		Interrupts:    orch,
		Outcomes:      orch,
		HandoffNumber: "+13125550199",
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close(context.Background()) })
	out := agent.Outreacher{Orchestrator: orch, Dialer: voice.NewCaller(settings, fake.HTTPClient(), nil)}

	// Outreach places the call.
	res, err := out.Outreach(ctx, acct.ID, agent.ChannelVoice)
	if err != nil || len(res.Replies) != 1 {
		t.Fatalf("outreach %+v: %v", res, err)
	}
	greetingMsg := res.Replies[0]
	reqs := fake.Requests()
	if len(reqs) != 1 {
		t.Fatalf("Twilio requests %+v", reqs)
	}
	callURL, statusURL := reqs[0].Form.Get("Url"), reqs[0].Form.Get("StatusCallback")
	target := func(u string) string { return strings.TrimPrefix(u, srv.URL) }

	// Twilio fetches the call's TwiML once the borrower answers.
	form := url.Values{"CallSid": {greetingMsg.ProviderID}, "AccountSid": {twiliotest.AccountSID}, "From": {"+15550001111"},
		"To": {acct.Borrower.Phones[0]}, "CallStatus": {"in-progress"}, "Direction": {"outbound-api"}}
	status, _, body := post(t, twiliotest.SignedForm(twiliotest.AuthToken, srv.URL, target(callURL), form))
	var doc relayDoc
	if err := xml.Unmarshal([]byte(body), &doc); status != http.StatusOK || err != nil {
		t.Fatalf("call webhook %d %v: %s", status, err, body)
	}
	if doc.Connect.Relay.WelcomeGreeting != greetingMsg.Text || doc.Connect.Action != srv.URL+voice.ActionPath {
		t.Errorf("TwiML greets with %q (action %q), want the allowed greeting %q", doc.Connect.Relay.WelcomeGreeting, doc.Connect.Action, greetingMsg.Text)
	}

	// The relay session.
	wsURL := doc.Connect.Relay.URL
	hdr := http.Header{twilio.SignatureHeader: {twiliotest.Sign(twiliotest.AuthToken, wsURL, nil)}}
	conn, _, err := websocket.DefaultDialer.Dial(wsURL, hdr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	send(t, conn, `{"type":"setup","callSid":"`+greetingMsg.ProviderID+`","from":"+15550001111","to":"`+acct.Borrower.Phones[0]+
		`","direction":"outbound-api","customParameters":{"accountId":"`+acct.ID+`"}}`)
	send(t, conn, `{"type":"interrupt","utteranceUntilInterrupt":"Hi, this is","durationUntilInterruptMs":"700"}`)
	send(t, conn, `{"type":"prompt","voicePrompt":"I want to talk to a real person","lang":"en-US","last":true}`)
	var end map[string]any
	for end == nil {
		m := read(t, conn)
		if m["type"] == "end" {
			end = m
		}
	}
	var data map[string]string
	if err := json.Unmarshal([]byte(end["handoffData"].(string)), &data); err != nil {
		t.Fatal(err)
	}
	if data["reasonCode"] != voice.ReasonHandoff || data["queue"] != voice.HandoffQueue || data["conversationId"] != res.Conversation.ID {
		t.Errorf("handoffData %v", data)
	}

	// Twilio posts the Connect action: the call goes to a person.
	form = url.Values{"CallSid": {greetingMsg.ProviderID}, "AccountSid": {twiliotest.AccountSID}, "From": {"+15550001111"},
		"To": {acct.Borrower.Phones[0]}, "Direction": {"outbound-api"}, "SessionStatus": {"completed"},
		"HandoffData": {end["handoffData"].(string)}}
	_, _, body = post(t, twiliotest.SignedForm(twiliotest.AuthToken, srv.URL, voice.ActionPath, form))
	if want := `<Dial>+13125550199</Dial>`; !strings.Contains(body, want) {
		t.Errorf("action answer %s, want %s", body, want)
	}

	// The status callback records the attempt.
	form = url.Values{"CallSid": {greetingMsg.ProviderID}, "AccountSid": {twiliotest.AccountSID}, "CallStatus": {"completed"},
		"AnsweredBy": {"human"}, "From": {"+15550001111"}, "To": {acct.Borrower.Phones[0]}, "Direction": {"outbound-api"}}
	if status, _, body := post(t, twiliotest.SignedForm(twiliotest.AuthToken, srv.URL, target(statusURL), form)); status != http.StatusNoContent {
		t.Fatalf("status callback %d: %s", status, body)
	}
	var placed []agent.ContactAttempt
	as, _ := st.ContactAttempts(ctx, acct.ID, time.Time{})
	for _, a := range as {
		if a.InitiatedBy == "agent" {
			placed = append(placed, a)
		}
	}
	if len(placed) != 1 || placed[0].Outcome != agent.OutcomeConnected || placed[0].MessageID != greetingMsg.ID {
		t.Errorf("placed-call attempts %+v, want one connected", placed)
	}

	// The interruption is on the greeting it cut; the handoff is an event.
	greeting, _ := st.Message(ctx, greetingMsg.ID)
	if in := greeting.Interrupted; in == nil || in.Heard != "Hi, this is" || in.AfterMs != 700 {
		t.Errorf("greeting's interruption %+v, want what was heard after 700 ms", in)
	}
	events, _ := st.Events(ctx, res.Conversation.ID)
	var handoff bool
	for _, e := range events {
		handoff = handoff || e.Kind == agent.EventHandoffRequested
	}
	if !handoff {
		t.Errorf("events %+v, want the handoff", events)
	}
}

// TestInboundCallIntroducesOnce plays Twilio's side of calls a borrower
// places, wired as `parley serve` wires them: the welcome greeting
// introduces the automated assistant and the first reply does not say it
// again; a caller from a number no account has who asks who is calling is
// answered, with a way forward and nothing about a debt.
func TestInboundCallIntroducesOnce(t *testing.T) {
	t.Parallel()
	_, orch, acct := e2eOrchestrator(t)
	var (
		h   *voice.Handler
		err error
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	fake := twiliotest.NewServer(t)
	h, err = voice.NewHandler(voice.Config{
		Settings: fake.Settings(srv.URL),
		Turn:     voice.Turns(orch),
		Greeting: func(ctx context.Context, r voice.GreetingRequest) (voice.Greeting, error) {
			text, locale, err := orch.VoiceGreeting(ctx, r.From)
			return voice.Greeting{Text: text, Language: locale}, err
		},
		UnknownCaller: func(ctx context.Context, r voice.UnknownCallerRequest) (voice.Greeting, error) {
			text, locale, err := orch.UnknownCallerReply(ctx, r.Text)
			return voice.Greeting{Text: text, Language: locale}, err
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close(context.Background()) })

	// call places an inbound call from a number, says one thing, and
	// returns the greeting and the reply.
	call := func(sid, from, said string) (greeting, reply string) {
		form := url.Values{"CallSid": {sid}, "AccountSid": {twiliotest.AccountSID}, "From": {from},
			"To": {"+15550001111"}, "CallStatus": {"ringing"}, "Direction": {"inbound"}}
		status, _, body := post(t, twiliotest.SignedForm(twiliotest.AuthToken, srv.URL, voice.CallPath, form))
		var doc relayDoc
		if err := xml.Unmarshal([]byte(body), &doc); status != http.StatusOK || err != nil {
			t.Fatalf("call webhook %d %v: %s", status, err, body)
		}
		wsURL := doc.Connect.Relay.URL
		hdr := http.Header{twilio.SignatureHeader: {twiliotest.Sign(twiliotest.AuthToken, wsURL, nil)}}
		conn, _, err := websocket.DefaultDialer.Dial(wsURL, hdr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		send(t, conn, `{"type":"setup","callSid":"`+sid+`","from":"`+from+`","to":"+15550001111","direction":"inbound"}`)
		send(t, conn, `{"type":"prompt","voicePrompt":"`+said+`","lang":"en-US","last":true}`)
		var b strings.Builder
		for {
			m := read(t, conn)
			if m["type"] != "text" {
				continue
			}
			b.WriteString(m["token"].(string))
			if last, _ := m["last"].(bool); last {
				break
			}
		}
		return doc.Connect.Relay.WelcomeGreeting, b.String()
	}

	greeting, reply := call("CA-known", acct.Borrower.Phones[0], "hello")
	if strings.Count(strings.ToLower(greeting), "automated") != 1 || !strings.Contains(greeting, "calling for Lakeshore Recovery Services") {
		t.Errorf("greeting %q: want the automated assistant introduced once, calling for the collector", greeting)
	}
	if reply == "" || strings.Contains(strings.ToLower(reply), "automated") {
		t.Errorf("after the greeting %q the first reply is %q: want an answer that does not introduce the assistant again", greeting, reply)
	}

	greeting, reply = call("CA-unknown", "+15559999999", "Hello, who is calling?")
	if strings.Count(strings.ToLower(greeting), "automated") != 1 || reply == "" {
		t.Fatalf("unknown caller: greeting %q, reply %q, want the assistant introduced once and a reply", greeting, reply)
	}
	low := strings.ToLower(reply)
	for _, w := range []string{"debt", "owe", "$", "balance", "lakeshore", "collect"} {
		if strings.Contains(low, w) {
			t.Errorf("the reply to an unknown caller mentions %q: %q", w, reply)
		}
	}
	if !strings.Contains(low, "automated") || !strings.Contains(low, "call") {
		t.Errorf("the reply to an unknown caller %q: want who is speaking and a way forward", reply)
	}
}
