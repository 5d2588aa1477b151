package voice_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
	"github.com/parley-collections/parley/channels/voice"
)

const token = "tok123"

type testBundle struct {
	turns      *fakeTurns
	interrupts fakeInterrupts
	outcomes   *fakeOutcomes
	h          *voice.Handler
	url        string // the test server's URL, also PARLEY_PUBLIC_URL
}

// setup serves a Handler over real HTTP on 127.0.0.1 with a scripted turn.
func setup(t testing.TB, script handleFunc, mutate func(*voice.Config)) *testBundle {
	t.Helper()
	b := &testBundle{turns: newFakeTurns(script), interrupts: fakeInterrupts{got: make(chan agent.Interruption, 4)}, outcomes: &fakeOutcomes{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { b.h.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	b.url = srv.URL
	cfg := voice.Config{
		Settings:   twilio.Settings{AccountSID: "AC123", AuthToken: token, PublicURL: srv.URL},
		Turn:       b.turns.turn,
		Greeting:   greeting,
		Interrupts: b.interrupts,
		Outcomes:   b.outcomes,
		DTMFPause:  time.Hour, // tests that want the pause set it
	}
	if mutate != nil {
		mutate(&cfg)
	}
	h, err := voice.NewHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b.h = h
	t.Cleanup(func() { _ = h.Close(context.Background()) })
	return b
}

func greeting(_ context.Context, r voice.GreetingRequest) (voice.Greeting, error) {
	if r.From == "+8613800000000" {
		return voice.Greeting{Text: "您好", Language: "zh"}, nil
	}
	if r.From == "+15550009999" {
		return voice.Greeting{}, errors.New("guard blocked the greeting")
	}
	return voice.Greeting{Text: "Hello, this is Parley.", Language: "en-US"}, nil
}

// dial opens the relay websocket of the call setupMsg describes, as
// Twilio does: the call webhook's TwiML gives the URL with the call's
// token, and the upgrade is signed.
func (b *testBundle) dial(t testing.TB) *websocket.Conn {
	t.Helper()
	return b.dialCall(t, inboundCall)
}

// dialCall opens the relay websocket of call c.
func (b *testBundle) dialCall(t testing.TB, c relayCall) *websocket.Conn {
	t.Helper()
	conn, status := dialURL(t, b.relayURL(t, c))
	if conn == nil {
		t.Fatalf("dial: %d", status)
	}
	return conn
}

func send(t testing.TB, conn *websocket.Conn, msg string) {
	t.Helper()
	if err := conn.WriteMessage(websocket.TextMessage, []byte(msg)); err != nil {
		t.Fatal(err)
	}
}

func read(t testing.TB, conn *websocket.Conn) map[string]any {
	t.Helper()
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	var m map[string]any
	if err := conn.ReadJSON(&m); err != nil {
		t.Fatalf("read: %v", err)
	}
	return m
}

func text(token string, last bool) map[string]any {
	return map[string]any{"type": "text", "token": token, "last": last}
}

const setupMsg = `{"type":"setup","sessionId":"VX1","accountSid":"AC123","callSid":"CA1","from":"+15551230001","to":"+15550001111",` +
	`"callType":"PSTN","direction":"inbound","callStatus":"RINGING","customParameters":{"accountId":"DEMO-US-1"}}`

// streams answers every turn with the given chunks.
func streams(chunks ...string) handleFunc {
	return func(_ context.Context, _ agent.Inbound, stream func(string)) (agent.TurnResult, error) {
		for _, c := range chunks {
			stream(c)
		}
		return agent.TurnResult{Conversation: agent.Conversation{ID: "c_1", State: agent.StateOpen}}, nil
	}
}

func TestRelayPromptStreamsTokens(t *testing.T) {
	t.Parallel()
	b := setup(t, streams("Thanks for calling. ", "How can I help?"), nil)
	conn := b.dial(t)
	send(t, conn, setupMsg)
	send(t, conn, `{"type":"prompt","voicePrompt":"how much","lang":"en-US","last":false}`)
	send(t, conn, `{"type":"prompt","voicePrompt":"how much do I owe","lang":"en-US","last":true}`)
	for _, want := range []map[string]any{text("Thanks for calling. ", false), text("How can I help?", false), text("", true)} {
		if diff := cmp.Diff(want, read(t, conn)); diff != "" {
			t.Errorf("frame (-want +got):\n%s", diff)
		}
	}
	want := agent.Inbound{Channel: agent.ChannelVoice, AccountID: "DEMO-US-1", From: "+15551230001", To: "+15550001111",
		Text: "how much do I owe", ChannelMessageID: "CA1:1", Meta: map[string]string{"CallSid": "CA1", "greeted": "true", "input": "speech", "lang": "en-US"}}
	if diff := cmp.Diff(want, <-b.turns.inbound); diff != "" {
		t.Errorf("inbound (-want +got):\n%s", diff)
	}
	if len(b.turns.inbound) != 0 {
		t.Error("a partial prompt ran a turn")
	}
}

func TestRelayOutboundCallSpeaksToTheCalledNumber(t *testing.T) {
	t.Parallel()
	b := setup(t, streams("Hello."), nil)
	conn := b.dialCall(t, relayCall{sid: "CA2", from: "+15550001111", to: "+15551230001", direction: "outbound-api", accountID: "DEMO-US-1"})
	send(t, conn, `{"type":"setup","callSid":"CA2","from":"+15550001111","to":"+15551230001","direction":"outbound-api","customParameters":{"accountId":"DEMO-US-1"}}`)
	send(t, conn, `{"type":"prompt","voicePrompt":"who is this","last":true}`)
	in := <-b.turns.inbound
	if in.From != "+15551230001" || in.To != "+15550001111" || in.ChannelMessageID != "CA2:1" {
		t.Errorf("inbound from %q to %q id %q, want the borrower as From", in.From, in.To, in.ChannelMessageID)
	}
}

func TestRelaySendsRepliesThatWereNotStreamed(t *testing.T) {
	t.Parallel()
	b := setup(t, func(context.Context, agent.Inbound, func(string)) (agent.TurnResult, error) {
		return agent.TurnResult{Replies: []agent.Message{{Text: "One moment."}}}, nil
	}, nil)
	conn := b.dial(t)
	send(t, conn, setupMsg)
	send(t, conn, `{"type":"prompt","voicePrompt":"hi","last":true}`)
	for _, want := range []map[string]any{text("One moment.", false), text("", true)} {
		if diff := cmp.Diff(want, read(t, conn)); diff != "" {
			t.Errorf("frame (-want +got):\n%s", diff)
		}
	}
}

func TestRelayEndsAfterHandoffOrGoodbye(t *testing.T) {
	t.Parallel()
	tests := []struct {
		state agent.ConversationState
		want  map[string]any
	}{
		{state: agent.StateHandoff, want: map[string]any{"reasonCode": voice.ReasonHandoff, "reason": "the conversation was handed to a person",
			"conversationId": "c_9", "accountId": "DEMO-US-1", "queue": voice.HandoffQueue}},
		{state: agent.StateClosed, want: map[string]any{"reasonCode": voice.ReasonClosed, "conversationId": "c_9", "accountId": "DEMO-US-1"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.state), func(t *testing.T) {
			t.Parallel()
			b := setup(t, func(_ context.Context, _ agent.Inbound, stream func(string)) (agent.TurnResult, error) {
				stream("Goodbye.")
				return agent.TurnResult{Conversation: agent.Conversation{ID: "c_9", AccountID: "DEMO-US-1", State: tt.state}}, nil
			}, nil)
			conn := b.dial(t)
			send(t, conn, setupMsg)
			send(t, conn, `{"type":"prompt","voicePrompt":"bye","last":true}`)
			read(t, conn)
			read(t, conn)
			end := read(t, conn)
			if end["type"] != "end" {
				t.Fatalf("frame %v, want end", end)
			}
			var data map[string]any
			if err := json.Unmarshal([]byte(end["handoffData"].(string)), &data); err != nil {
				t.Fatalf("handoffData %q: %v", end["handoffData"], err)
			}
			if diff := cmp.Diff(tt.want, data); diff != "" {
				t.Errorf("handoffData (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRelayInterruptCancelsTheTurn(t *testing.T) {
	t.Parallel()
	cancelled := make(chan time.Time, 1)
	var turns atomic.Int32
	b := setup(t, func(ctx context.Context, _ agent.Inbound, stream func(string)) (agent.TurnResult, error) {
		if turns.Add(1) > 1 {
			stream("Sure.")
			return agent.TurnResult{}, nil
		}
		stream("Your balance is ")
		<-ctx.Done()
		cancelled <- time.Now()
		stream("twelve hundred dollars.") // must never reach the caller
		return agent.TurnResult{}, ctx.Err()
	}, nil)
	conn := b.dial(t)
	send(t, conn, setupMsg)
	send(t, conn, `{"type":"prompt","voicePrompt":"what do I owe","last":true}`)
	if diff := cmp.Diff(text("Your balance is ", false), read(t, conn)); diff != "" {
		t.Fatalf("frame (-want +got):\n%s", diff)
	}
	sent := time.Now()
	send(t, conn, `{"type":"interrupt","utteranceUntilInterrupt":"Your balance","durationUntilInterruptMs":"460"}`)
	elapsed := (<-cancelled).Sub(sent)
	t.Logf("interrupt to turn cancelled: %v", elapsed)
	if elapsed > 500*time.Millisecond { // target 50 ms; generous for loaded machines
		t.Errorf("turn cancelled %v after the interrupt, want well under 50ms", elapsed)
	}
	want := agent.Interruption{CallSid: "CA1", AccountID: "DEMO-US-1", Phone: "+15551230001", Heard: "Your balance", Duration: 460 * time.Millisecond}
	if diff := cmp.Diff(want, <-b.interrupts.got); diff != "" {
		t.Errorf("interruption (-want +got):\n%s", diff)
	}
	// The next turn's words come next: nothing of the cancelled one, not
	// even its closing frame.
	<-b.turns.inbound
	send(t, conn, `{"type":"prompt","voicePrompt":"ok","last":true}`)
	for _, want := range []map[string]any{text("Sure.", false), text("", true)} {
		if diff := cmp.Diff(want, read(t, conn)); diff != "" {
			t.Errorf("frame (-want +got):\n%s", diff)
		}
	}
}

func TestRelayNumericInterruptDuration(t *testing.T) {
	t.Parallel()
	b := setup(t, streams(), nil)
	conn := b.dial(t)
	send(t, conn, setupMsg)
	send(t, conn, `{"type":"interrupt","utteranceUntilInterrupt":"Hel","durationUntilInterruptMs":120}`)
	if got := <-b.interrupts.got; got.Heard != "Hel" || got.Duration != 120*time.Millisecond {
		t.Errorf("recorded %+v", got)
	}
}

func TestRelayDTMF(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		pause  time.Duration
		digits []string
		want   string
	}{
		{name: "ended by #", pause: time.Hour, digits: []string{"6", "0", "6", "0", "1", "#"}, want: "60601"},
		{name: "ended by a pause", pause: 20 * time.Millisecond, digits: []string{"1", "9", "8", "5"}, want: "1985"},
		{name: "bad digits ignored", pause: time.Hour, digits: []string{"4", "x", "12", "2", "#"}, want: "42"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, streams("Thank you."), func(c *voice.Config) { c.DTMFPause = tt.pause })
			conn := b.dial(t)
			send(t, conn, setupMsg)
			for _, d := range tt.digits {
				send(t, conn, `{"type":"dtmf","digit":"`+d+`"}`)
			}
			in := <-b.turns.inbound
			if in.Text != tt.want || in.Meta["input"] != "dtmf" {
				t.Errorf("turn text %q input %q, want %q dtmf", in.Text, in.Meta["input"], tt.want)
			}
			if diff := cmp.Diff(text("Thank you.", false), read(t, conn)); diff != "" {
				t.Errorf("frame (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRelayIgnoresUnknownAndErrorMessages(t *testing.T) {
	t.Parallel()
	b := setup(t, streams("Yes."), nil)
	conn := b.dial(t)
	send(t, conn, setupMsg)
	send(t, conn, `{"type":"info","name":"agentSpeaking","value":"start"}`)
	send(t, conn, `{"type":"somethingNew","x":1}`)
	send(t, conn, `{"type":"error","description":"Invalid message received"}`)
	send(t, conn, `{"type":"setup","callSid":"CA-other"}`)
	send(t, conn, `{"type":"prompt","voicePrompt":"hello","last":true}`)
	if diff := cmp.Diff(text("Yes.", false), read(t, conn)); diff != "" {
		t.Errorf("frame (-want +got):\n%s", diff)
	}
	if in := <-b.turns.inbound; in.Meta["CallSid"] != "CA1" {
		t.Errorf("a second setup rebound the call to %q", in.Meta["CallSid"])
	}
}

func TestRelayClosesOnGarbage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		setup   bool
		kind    int
		payload string
		code    int
	}{
		{name: "not json", setup: true, kind: websocket.TextMessage, payload: "hello there", code: websocket.CloseInvalidFramePayloadData},
		{name: "no type", setup: true, kind: websocket.TextMessage, payload: `{"voicePrompt":"x"}`, code: websocket.CloseInvalidFramePayloadData},
		{name: "binary", setup: true, kind: websocket.BinaryMessage, payload: "\x00\x01", code: websocket.CloseUnsupportedData},
		{name: "prompt before setup", kind: websocket.TextMessage, payload: `{"type":"prompt","voicePrompt":"x","last":true}`, code: websocket.ClosePolicyViolation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, streams("no"), nil)
			conn := b.dial(t)
			if tt.setup {
				send(t, conn, setupMsg)
			}
			if err := conn.WriteMessage(tt.kind, []byte(tt.payload)); err != nil {
				t.Fatal(err)
			}
			_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			_, _, err := conn.ReadMessage()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tt.code {
				t.Errorf("read error %v, want close code %d", err, tt.code)
			}
			if len(b.turns.inbound) != 0 {
				t.Error("garbage ran a turn")
			}
		})
	}
}

func TestRelayRefusesUnsignedUpgrade(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mutate func(*voice.Config)
		header http.Header
		want   int
	}{
		{name: "no signature", header: http.Header{}, want: http.StatusForbidden},
		{name: "signed for https", header: http.Header{twilio.SignatureHeader: {"x"}}, want: http.StatusForbidden},
		{name: "no auth token", mutate: func(c *voice.Config) { c.Settings.AuthToken = "" }, header: http.Header{}, want: http.StatusServiceUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, streams(), tt.mutate)
			wsURL := "ws" + strings.TrimPrefix(b.url, "http") + voice.RelayPath
			if tt.name == "signed for https" {
				tt.header.Set(twilio.SignatureHeader, twiliotest.Sign(token, b.url+voice.RelayPath, nil))
			}
			conn, resp, err := websocket.DefaultDialer.Dial(wsURL, tt.header)
			if err == nil {
				conn.Close()
				t.Fatal("upgrade succeeded")
			}
			if resp == nil || resp.StatusCode != tt.want {
				t.Errorf("response %v, want %d", resp, tt.want)
			}
		})
	}
}

func TestCloseEndsSessionsAndTheirTurns(t *testing.T) {
	t.Parallel()
	cancelled := make(chan error, 1)
	b := setup(t, func(ctx context.Context, _ agent.Inbound, stream func(string)) (agent.TurnResult, error) {
		stream("Let me check.")
		<-ctx.Done()
		cancelled <- ctx.Err()
		return agent.TurnResult{}, ctx.Err()
	}, nil)
	conn := b.dial(t)
	send(t, conn, setupMsg)
	send(t, conn, `{"type":"prompt","voicePrompt":"hi","last":true}`)
	read(t, conn)
	if err := b.h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := <-cancelled; !errors.Is(err, context.Canceled) {
		t.Errorf("turn ended with %v", err)
	}
	_, _, err := conn.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != websocket.CloseGoingAway {
		t.Errorf("read error %v, want close going away", err)
	}
}

func TestRelayClosesAFrameOverTheReadLimit(t *testing.T) {
	t.Parallel()
	b := setup(t, streams("no"), func(c *voice.Config) { c.ReadLimit = 1 << 10 })
	conn := b.dial(t)
	send(t, conn, setupMsg)
	// The server may reset the connection while this is still being written.
	_ = conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"prompt","last":true,"voicePrompt":"`+strings.Repeat("a", 2<<10)+`"}`))
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, _, err := conn.ReadMessage()
	var ce *websocket.CloseError
	if errors.As(err, &ce) && ce.Code != websocket.CloseMessageTooBig {
		t.Errorf("close code %d, want %d", ce.Code, websocket.CloseMessageTooBig)
	}
	if err == nil || errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("read %v, want the connection closed", err)
	}
	if len(b.turns.inbound) != 0 {
		t.Error("an oversized frame ran a turn")
	}
}
