package chat

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
)

var (
	_ Orchestrator = (*agent.Orchestrator)(nil)
	_ Store        = agent.Store(nil)
)

var testSecret = []byte("0123456789abcdef0123456789abcdef")

var testNow = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// closeEvent is a socket the server decided to close, or that closed.
type closeEvent struct {
	account string
	code    int
	reason  string
}

type testBundle struct {
	h       *Handler
	srv     *httptest.Server
	store   *fakeStore
	orch    *fakeOrchestrator
	bus     agent.Bus
	clock   *agent.FixedClock
	closing chan closeEvent
	closed  chan closeEvent
	cancel  context.CancelFunc
	runDone chan struct{} // closed when Run has returned
}

type setupOpts struct {
	cfg      func(*Config)
	orch     func(*fakeOrchestrator)
	bus      agent.Bus
	listener func(*httptest.Server)
}

func setup(t testing.TB, opts ...setupOpts) *testBundle {
	t.Helper()
	var o setupOpts
	if len(opts) > 0 {
		o = opts[0]
	}
	st := newFakeStore("A-1", "A-2")
	var bus agent.Bus = agent.NewMemoryBus()
	if o.bus != nil {
		bus = o.bus
	}
	orch := &fakeOrchestrator{store: st, sender: NewSender(bus), done: make(chan string, 100)}
	clock := agent.NewFixedClock(testNow)
	if o.orch != nil {
		o.orch(orch)
	}
	cfg := Config{Secret: testSecret, Orchestrator: orch, Store: st, Bus: bus, Clock: clock}
	if o.cfg != nil {
		o.cfg(&cfg)
	}
	h, err := NewHandler(cfg)
	if err != nil {
		t.Fatalf("NewHandler: %v", err)
	}
	b := &testBundle{h: h, store: st, orch: orch, bus: bus, clock: clock,
		closing: make(chan closeEvent, 100), closed: make(chan closeEvent, 100)}
	h.closing = func(a string, code int, reason string) { b.closing <- closeEvent{a, code, reason} }
	h.closed = func(a string, code int, reason string) { b.closed <- closeEvent{a, code, reason} }
	b.srv = httptest.NewUnstartedServer(h)
	if o.listener != nil {
		o.listener(b.srv)
	}
	b.srv.Start()
	t.Cleanup(b.srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	t.Cleanup(cancel)
	b.runDone = make(chan struct{})
	go func() {
		defer close(b.runDone)
		_ = h.Run(ctx)
	}()
	<-h.hub.ready
	return b
}

func (b *testBundle) wsURL(token, after string) string {
	q := url.Values{}
	if token != "" {
		q.Set("token", token)
	}
	if after != "" {
		q.Set("after", after)
	}
	return "ws" + strings.TrimPrefix(b.srv.URL, "http") + "/chat/ws?" + q.Encode()
}

func (b *testBundle) token(t testing.TB, account string) string {
	t.Helper()
	tok, err := MintToken(testSecret, account, time.Hour, testNow)
	if err != nil {
		t.Fatalf("MintToken: %v", err)
	}
	return tok
}

// dial opens a socket for the account, resuming after the given id.
func (b *testBundle) dial(t testing.TB, account, after string) *websocket.Conn {
	t.Helper()
	ws, resp, err := websocket.DefaultDialer.Dial(b.wsURL(b.token(t, account), after), nil)
	if err != nil {
		t.Fatalf("dial: %v (response %v)", err, resp)
	}
	t.Cleanup(func() { _ = ws.Close() })
	return ws
}

func read(t testing.TB, ws *websocket.Conn) serverFrame {
	t.Helper()
	_ = ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	kind, data, err := ws.ReadMessage()
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if kind != websocket.TextMessage {
		t.Fatalf("frame kind %d, want text", kind)
	}
	var f serverFrame
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("frame %q: %v", data, err)
	}
	return f
}

// readUntilClose reads until the server closes and returns its close error.
func readUntilClose(t *testing.T, ws *websocket.Conn) *websocket.CloseError {
	t.Helper()
	_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, _, err := ws.ReadMessage()
		if err == nil {
			continue
		}
		ce, ok := err.(*websocket.CloseError)
		if !ok {
			t.Fatalf("read ended with %v, want a close frame", err)
		}
		return ce
	}
}

func send(t testing.TB, ws *websocket.Conn, v any) {
	t.Helper()
	if err := ws.WriteJSON(v); err != nil {
		t.Fatalf("write: %v", err)
	}
}

func msg(text, clientID string) map[string]string {
	return map[string]string{"type": "message", "text": text, "client_id": clientID}
}

// turnFrames reads the ack, the typing frame and the replies of one turn,
// whatever order the ack and the typing frame come in.
func turnFrames(t testing.TB, ws *websocket.Conn, clientID string, replies int) []serverFrame {
	t.Helper()
	var got []serverFrame
	acked, typing := false, false
	for !acked || !typing || len(got) < replies {
		f := read(t, ws)
		switch {
		case f.Type == typeAck && f.ClientID == clientID && !acked:
			acked = true
		case f.Type == typeTyping && !typing:
			typing = true
		case f.Type == typeMessage && f.Author == authorBorrower:
			// the borrower's own message, in a replay that ran after it
			// was stored: not a reply
		case f.Type == typeMessage:
			got = append(got, f)
		default:
			t.Fatalf("unexpected frame %+v", f)
		}
	}
	return got
}

func texts(fs []serverFrame) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Text)
	}
	return out
}

func TestTokenRefusedBeforeUpgrade(t *testing.T) {
	t.Parallel()
	b := setup(t)
	expired, _ := MintToken(testSecret, "A-1", time.Minute, testNow.Add(-time.Hour))
	otherKey, _ := MintToken([]byte(strings.Repeat("k", 32)), "A-1", time.Hour, testNow)
	unknown, _ := MintToken(testSecret, "NOPE", time.Hour, testNow)
	exp := testNow.Add(time.Hour).Unix()
	hs512 := sign(t, jwt.SigningMethodHS512, jwt.MapClaims{"sub": "A-1", "exp": exp}, testSecret)
	none := sign(t, jwt.SigningMethodNone, jwt.MapClaims{"sub": "A-1", "exp": exp}, jwt.UnsafeAllowNoneSignatureType)
	noExp := sign(t, jwt.SigningMethodHS256, jwt.MapClaims{"sub": "A-1"}, testSecret)
	noSub := sign(t, jwt.SigningMethodHS256, jwt.MapClaims{"exp": exp}, testSecret)
	for name, tok := range map[string]string{
		"missing": "", "garbage": "not.a.token", "expired": expired, "other key": otherKey,
		"unknown account": unknown, "HS512": hs512, "alg none": none, "no exp": noExp, "no sub": noSub,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ws, resp, err := websocket.DefaultDialer.Dial(b.wsURL(tok, ""), nil)
			if err == nil {
				ws.Close()
				t.Fatal("dial succeeded, want 401")
			}
			if resp == nil || resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("response %v, want 401", resp)
			}
		})
	}
}

func sign(t *testing.T, m jwt.SigningMethod, c jwt.MapClaims, key any) string {
	t.Helper()
	s, err := jwt.NewWithClaims(m, c).SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOriginCheck(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{cfg: func(c *Config) { c.AllowedOrigins = []string{"https://bank.example"} }})
	host := strings.TrimPrefix(b.srv.URL, "http://")
	for origin, want := range map[string]int{
		"":                          http.StatusSwitchingProtocols,
		"http://" + host:            http.StatusSwitchingProtocols,
		"https://bank.example":      http.StatusSwitchingProtocols,
		"https://evil.example":      http.StatusForbidden,
		"https://bank.example.evil": http.StatusForbidden,
	} {
		h := http.Header{}
		if origin != "" {
			h.Set("Origin", origin)
		}
		ws, resp, _ := websocket.DefaultDialer.Dial(b.wsURL(b.token(t, "A-1"), ""), h)
		if ws != nil {
			ws.Close()
		}
		if resp == nil || resp.StatusCode != want {
			t.Errorf("origin %q: response %v, want %d", origin, resp, want)
		}
	}
}

func TestMessageAckTypingReply(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ws := b.dial(t, "A-1", "")
	send(t, ws, msg("how much do I owe?", "c-1"))
	got := turnFrames(t, ws, "c-1", 1)
	if got[0].Author != "agent" || got[0].Text != "echo: how much do I owe?" || got[0].ID == "" {
		t.Errorf("reply %+v", got[0])
	}
	if _, err := time.Parse(time.RFC3339, got[0].At); err != nil {
		t.Errorf("at %q: %v", got[0].At, err)
	}
	b.orch.mu.Lock()
	in := b.orch.inbounds[0]
	b.orch.mu.Unlock()
	want := agent.Inbound{Channel: agent.ChannelChat, AccountID: "A-1", From: "chat:A-1", Text: "how much do I owe?",
		ChannelMessageID: "A-1/c-1", Meta: map[string]string{"verified": "true"}}
	if d := cmp.Diff(want, in); d != "" {
		t.Errorf("inbound (-want +got):\n%s", d)
	}
}

func TestDuplicateClientIDRunsOneTurn(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ws := b.dial(t, "A-1", "")
	send(t, ws, msg("hello", "same"))
	first := turnFrames(t, ws, "same", 1)
	send(t, ws, msg("hello", "same"))
	if f := read(t, ws); f.Type != typeAck || f.ClientID != "same" {
		t.Fatalf("after a re-send got %+v, want the ack again", f)
	}
	// The next frames belong to the next message: no second turn came in between.
	send(t, ws, msg("next", "other"))
	next := turnFrames(t, ws, "other", 1)
	if d := cmp.Diff([]string{"echo: hello", "echo: next"}, texts(append(first, next...))); d != "" {
		t.Errorf("replies (-want +got):\n%s", d)
	}
	if n := b.orch.turnCount(); n != 2 {
		t.Errorf("turns = %d, want 2", n)
	}
}

func TestResumeAfterDisconnect(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{orch: func(o *fakeOrchestrator) {
		o.reply = func(text string) []string { return []string{"re 1: " + text, "re 2: " + text} }
		o.gate = make(chan struct{})
	}})
	go func() { b.orch.gate <- struct{}{} }() // let the first turn run
	ws := b.dial(t, "A-1", "")
	send(t, ws, msg("one", "c-1"))
	first := turnFrames(t, ws, "c-1", 2)
	last := first[1].ID

	// The second turn is held until the socket is gone.
	send(t, ws, msg("two", "c-2"))
	for acked := false; !acked; {
		f := read(t, ws)
		acked = f.Type == typeAck && f.ClientID == "c-2"
	}
	ws.Close()
	<-b.closed
	close(b.orch.gate) // this and every later turn run at once
	<-b.orch.done      // first turn
	<-b.orch.done      // the held turn, answered while offline

	ws2 := b.dial(t, "A-1", last)
	got := []serverFrame{read(t, ws2), read(t, ws2), read(t, ws2)}
	if d := cmp.Diff([]string{"two", "re 1: two", "re 2: two"}, texts(got)); d != "" {
		t.Fatalf("replayed (-want +got):\n%s", d)
	}
	// The borrower's own message carries its client_id: a widget that
	// holds it does not show it twice.
	if got[0].Author != authorBorrower || got[0].ClientID != "c-2" {
		t.Fatalf("the borrower's own message replayed as %+v", got[0])
	}
	// A resume after the same id repeats nothing on this socket; the next
	// frames are the next turn's.
	send(t, ws2, map[string]string{"type": "resume", "after": last})
	send(t, ws2, msg("three", "c-3"))
	if d := cmp.Diff([]string{"re 1: three", "re 2: three"}, texts(turnFrames(t, ws2, "c-3", 2))); d != "" {
		t.Errorf("after resume (-want +got):\n%s", d)
	}

	// A fresh socket without an id gets the whole transcript, both sides, in order.
	ws3 := b.dial(t, "A-1", "")
	var all []serverFrame
	for range 9 {
		all = append(all, read(t, ws3))
	}
	want := []string{"one", "re 1: one", "re 2: one", "two", "re 1: two", "re 2: two", "three", "re 1: three", "re 2: three"}
	if d := cmp.Diff(want, texts(all)); d != "" {
		t.Errorf("transcript (-want +got):\n%s", d)
	}
}

func TestResumeFrameCatchesUpMissedMessages(t *testing.T) {
	t.Parallel()
	b := setup(t)
	first := b.store.addOut("A-1", agent.AuthorAgent, "first", agent.StatusSent)
	ws := b.dial(t, "A-1", first.ID) // holds "first" already: nothing to replay
	// Stored without a notice, as when a bus notice is lost.
	b.store.addOut("A-1", agent.AuthorSupervisor, "from a person", agent.StatusSent)
	send(t, ws, map[string]string{"type": "resume", "after": first.ID})
	f := read(t, ws)
	if f.Text != "from a person" || f.Author != "supervisor" {
		t.Errorf("resume got %+v", f)
	}
}

func TestOnlyDeliverableMessagesAreSent(t *testing.T) {
	t.Parallel()
	b := setup(t)
	st := b.store
	c := st.openConversation("A-1")
	st.add(agent.Message{ConversationID: c.ID, Direction: agent.DirectionIn, Author: agent.AuthorBorrower, Text: "inbound", Status: agent.StatusProcessed})
	var want []string
	for _, s := range []agent.MessageStatus{agent.StatusQueued, agent.StatusBlocked, agent.StatusSending, agent.StatusDropped,
		agent.StatusSent, agent.StatusDeferred, agent.StatusDelivered, agent.StatusFailed, agent.StatusRead, agent.StatusUndelivered} {
		st.addOut("A-1", agent.AuthorAgent, string(s), s)
		if deliverable(agent.Message{Direction: agent.DirectionOut, Status: s}) {
			want = append(want, string(s))
		}
	}
	ws := b.dial(t, "A-1", "")
	// The borrower's own message comes first: a reopened chat shows both sides.
	want = append([]string{"inbound"}, want...)
	var got []serverFrame
	for range want {
		got = append(got, read(t, ws))
	}
	if got[0].Author != authorBorrower {
		t.Errorf("the borrower's message came as %+v", got[0])
	}
	if d := cmp.Diff([]string{"inbound", "queued", "sending", "sent", "delivered", "read"}, texts(got)); d != "" {
		t.Fatalf("replay (-want +got):\n%s", d)
	}
	// A deliver notice for a blocked message writes nothing: the next frame
	// is the one after it.
	blocked := st.addOut("A-1", agent.AuthorAgent, "blocked draft", agent.StatusBlocked)
	ok := st.addOut("A-1", agent.AuthorAgent, "allowed", agent.StatusSending)
	sender := NewSender(b.bus)
	for _, m := range []agent.Message{blocked, ok} {
		if _, err := sender.Send(context.Background(), agent.Outbound{MessageID: m.ID, ConversationID: c.ID, AccountID: "A-1", Channel: agent.ChannelChat}); err != nil {
			t.Fatal(err)
		}
	}
	if f := read(t, ws); f.Text != "allowed" {
		t.Errorf("after a blocked notice got %+v", f)
	}
}

func TestEverySocketOfTheAccountGetsTheReply(t *testing.T) {
	t.Parallel()
	b := setup(t)
	tab1 := b.dial(t, "A-1", "")
	tab2 := b.dial(t, "A-1", "")
	other := b.dial(t, "A-2", "")
	send(t, tab1, msg("hi", "c-1"))
	turnFrames(t, tab1, "c-1", 1)
	// The second tab may have opened after "hi" was stored: its transcript
	// then starts with the borrower's own message, before the reply.
	f := read(t, tab2)
	if f.Author == authorBorrower && f.Text == "hi" {
		f = read(t, tab2)
	}
	if f.Text != "echo: hi" {
		t.Errorf("second tab got %+v", f)
	}
	// A-2 sees only its own conversation.
	send(t, other, msg("mine", "c-9"))
	if d := cmp.Diff([]string{"echo: mine"}, texts(turnFrames(t, other, "c-9", 1))); d != "" {
		t.Errorf("other account (-want +got):\n%s", d)
	}
}

func TestRateLimitedFramesAreAnsweredNotClosed(t *testing.T) {
	t.Parallel()
	b := setup(t) // the clock stands still: the burst of 10 is all there is
	ws := b.dial(t, "A-1", "")
	for i := range 15 {
		send(t, ws, msg("m", fmt.Sprintf("c-%d", i)))
	}
	acks, limited, replies := 0, 0, 0
	for acks < 10 || limited < 5 || replies < 10 {
		f := read(t, ws)
		switch {
		case f.Type == typeAck:
			acks++
		case f.Type == typeError && f.Code == CodeRateLimited:
			limited++
		case f.Type == typeMessage:
			replies++
		case f.Type == typeTyping:
		default:
			t.Fatalf("unexpected frame %+v", f)
		}
	}
	if acks != 10 || limited != 5 {
		t.Errorf("acks %d, rate limited %d; want 10 and 5", acks, limited)
	}
	// Still open, still limited; time refills the bucket.
	send(t, ws, msg("m", "late"))
	if f := read(t, ws); f.Code != CodeRateLimited {
		t.Errorf("got %+v, want rate_limited", f)
	}
	b.clock.Advance(time.Second)
	send(t, ws, msg("after a second", "later"))
	turnFrames(t, ws, "later", 1)
	if n := b.orch.turnCount(); n != 11 {
		t.Errorf("turns = %d, want 11", n)
	}
}

func TestOversizedFrameCloses(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ws := b.dial(t, "A-1", "")
	send(t, ws, msg(strings.Repeat("x", 17<<10), "big"))
	if ce := readUntilClose(t, ws); ce.Code != websocket.CloseMessageTooBig {
		t.Errorf("close %v, want 1009", ce)
	}
	if ev := <-b.closed; ev.code != websocket.CloseMessageTooBig {
		t.Errorf("server recorded %+v", ev)
	}
}

func TestGarbageClosesWithReason(t *testing.T) {
	t.Parallel()
	b := setup(t)
	t.Run("malformed", func(t *testing.T) {
		t.Parallel()
		ws := b.dial(t, "A-1", "")
		bad := []string{`not json`, `{"type":"shout"}`, `{"type":"message","text":"","client_id":"x"}`,
			`{"type":"message","text":"hi","client_id":"has spaces"}`}
		for _, s := range bad {
			if err := ws.WriteMessage(websocket.TextMessage, []byte(s)); err != nil {
				t.Fatal(err)
			}
			if f := read(t, ws); f.Type != typeError || f.Code != CodeBadFrame || f.Message == "" {
				t.Errorf("%s: got %+v, want bad_frame", s, f)
			}
		}
		if err := ws.WriteMessage(websocket.TextMessage, []byte("[]")); err != nil {
			t.Fatal(err)
		}
		ce := readUntilClose(t, ws)
		if ce.Code != websocket.ClosePolicyViolation || ce.Text != "too many malformed frames" {
			t.Errorf("close %v", ce)
		}
	})
	t.Run("binary", func(t *testing.T) {
		t.Parallel()
		ws := b.dial(t, "A-2", "")
		if err := ws.WriteMessage(websocket.BinaryMessage, []byte{1, 2, 3}); err != nil {
			t.Fatal(err)
		}
		ce := readUntilClose(t, ws)
		if ce.Code != websocket.CloseUnsupportedData || ce.Text != "binary frames are not supported" {
			t.Errorf("close %v", ce)
		}
	})
}

func TestShutdownClosesSockets(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ws := b.dial(t, "A-1", "")
	send(t, ws, msg("hi", "c-1"))
	turnFrames(t, ws, "c-1", 1) // registered and served
	b.cancel()
	if ce := readUntilClose(t, ws); ce.Code != websocket.CloseGoingAway {
		t.Errorf("close %v, want 1001", ce)
	}
}

func TestStoreFailureIsAnErrorFrame(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.store.mu.Lock()
	b.store.failRead = fmt.Errorf("disk on fire")
	b.store.mu.Unlock()
	ws := b.dial(t, "A-1", "")
	f := read(t, ws)
	if f.Type != typeError || f.Code != CodeUnavailable || strings.Contains(f.Message, "fire") {
		t.Errorf("got %+v, want unavailable without internals", f)
	}
}

func TestTypingRepeatsWhileATurnRuns(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{
		cfg:  func(c *Config) { c.TypingInterval = 5 * time.Millisecond },
		orch: func(o *fakeOrchestrator) { o.gate = make(chan struct{}) },
	})
	ws := b.dial(t, "A-1", "")
	send(t, ws, msg("slow one", "c-1"))
	if f := read(t, ws); f.Type != typeAck {
		t.Fatalf("got %+v, want the ack", f)
	}
	for range 3 {
		if f := read(t, ws); f.Type != typeTyping {
			t.Fatalf("got %+v while the turn runs, want typing", f)
		}
	}
	b.orch.gate <- struct{}{}
	for {
		f := read(t, ws)
		if f.Type == typeMessage {
			break
		}
		if f.Type != typeTyping {
			t.Fatalf("got %+v, want typing or the reply", f)
		}
	}
}

func TestSocketsOpenedAfterShutdownAreTurnedAway(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.cancel()
	<-b.runDone
	ws := b.dial(t, "A-1", "")
	if ce := readUntilClose(t, ws); ce.Code != websocket.CloseGoingAway || ce.Text != shutdownReason {
		t.Errorf("close %v, want 1001 %q", ce, shutdownReason)
	}
}

func TestPingKeepsALiveClientAndDropsASilentOne(t *testing.T) {
	t.Parallel()
	// Short enough for a test, long enough for a loaded machine to answer.
	b := setup(t, setupOpts{cfg: func(c *Config) { c.PongWait = time.Second }})

	live := b.dial(t, "A-1", "")
	pings := make(chan struct{}, 10)
	live.SetPingHandler(func(data string) error {
		pings <- struct{}{}
		return live.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(time.Second))
	})
	go func() {
		for {
			if _, _, err := live.NextReader(); err != nil {
				return
			}
		}
	}()
	for range 2 { // two ping periods: longer than the pong deadline
		select {
		case <-pings:
		case ev := <-b.closed:
			t.Fatalf("the live client was dropped: %+v", ev)
		}
	}

	silent := b.dial(t, "A-2", "") // never reads, so never answers a ping
	defer silent.Close()
	ev := <-b.closed
	if want := (closeEvent{account: "A-2", code: websocket.CloseAbnormalClosure, reason: "no pong in time"}); ev != want {
		t.Errorf("closed %+v, want %+v", ev, want)
	}
	if n := b.h.hub.count(); n != 1 {
		t.Errorf("hub holds %d sockets, want the live one", n)
	}
}
