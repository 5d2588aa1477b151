package console_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
)

// gatedBrain holds every turn inside Understand until release is closed,
// telling entered (buffered, so later turns only pass) when one is there: a
// turn in flight.
type gatedBrain struct {
	entered chan struct{}
	release chan struct{}
	inner   agent.Brain
	armed   chan struct{} // closed when turns should be held; before that they pass
}

func (g *gatedBrain) Understand(ctx context.Context, tc agent.TurnContext, text string) (agent.Understanding, error) {
	select {
	case <-g.armed:
		g.entered <- struct{}{}
		<-g.release
	default:
	}
	return g.inner.Understand(ctx, tc, text)
}

// TestTakeoverRaceThroughTheAPI lands a takeover while a turn is inside the
// brain: the AI's draft is dropped and recorded, nothing from the AI enters
// the outbox, the supervisor's own message does, and after the hand-back
// the AI answers again.
func TestTakeoverRaceThroughTheAPI(t *testing.T) {
	t.Parallel()
	gate := &gatedBrain{entered: make(chan struct{}, 8), release: make(chan struct{}), armed: make(chan struct{})}
	b := setup(t, func(o *setupOptions) {
		o.brain = func(inner agent.Brain) agent.Brain { gate.inner = inner; return gate }
	})
	s := b.login(t, sup)
	pendingBefore := outboxIDs(t, b)
	close(gate.armed)
	done := make(chan agent.TurnResult, 1)
	go func() {
		c, _ := b.store.Conversation(b.ctx, b.conv)
		res, err := b.orch.Handle(b.ctx, agent.Inbound{Channel: agent.ChannelSMS, AccountID: c.AccountID, From: c.Address, Text: "how much do I owe?", ChannelMessageID: "race-1", ConversationID: b.conv})
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	<-gate.entered
	path := "/api/conversations/" + b.conv
	if res, body := s.do("POST", path+"/takeover", nil); res.StatusCode != 200 {
		t.Fatalf("takeover = %d %s", res.StatusCode, body)
	}
	close(gate.release)
	res := <-done
	if len(res.Replies) != 0 {
		t.Fatalf("the AI sent %d replies after the takeover", len(res.Replies))
	}
	if len(res.Blocked) == 0 || res.Blocked[0].Status != agent.StatusDropped {
		t.Fatalf("the in-flight draft was not recorded as dropped: %+v", res.Blocked)
	}
	if added := newIDs(pendingBefore, outboxIDs(t, b)); len(added) != 0 {
		t.Fatalf("the outbox gained %d sends during the takeover", len(added))
	}
	// The dropped draft shows in the transcript, struck through on the page.
	_, body := s.do("GET", path, nil)
	d := decodeJSON[console.Detail](t, body)
	dropped := 0
	for _, m := range d.Transcript {
		if m.Status == agent.StatusDropped {
			dropped++
		}
	}
	if dropped == 0 {
		t.Fatal("the transcript does not show the dropped draft")
	}
	if _, page := s.do("GET", "/console/conversations/"+b.conv, nil); !strings.Contains(string(page), "<del>") || !strings.Contains(string(page), "not sent (dropped)") {
		t.Fatal("the conversation page does not strike the dropped draft through")
	}
	// The supervisor writes; only that message is queued.
	res2, body := s.do("POST", path+"/messages", map[string]string{"text": "Hi, this is Sam from the team. How can I help?"})
	if res2.StatusCode != http.StatusCreated {
		t.Fatalf("supervisor send = %d %s", res2.StatusCode, body)
	}
	sent := decodeJSON[console.SendResponse](t, body)
	if added := newIDs(pendingBefore, outboxIDs(t, b)); len(added) != 1 || added[0] != sent.Message.ID {
		t.Fatalf("outbox gained %v, want only the supervisor's %s", added, sent.Message.ID)
	}
	if res, body := s.do("POST", path+"/handback", nil); res.StatusCode != 200 {
		t.Fatalf("handback = %d %s", res.StatusCode, body)
	}
	after := b.borrowerSays(t, b.conv, "hello?")
	if len(after.Replies) == 0 {
		t.Fatal("the AI did not resume after the hand-back")
	}
}

// outboxIDs lists the messages waiting in the outbox, leaving out the
// system's notices of who is talking (a person joined, the AI is back).
func outboxIDs(t *testing.T, b *testBundle) map[string]bool {
	t.Helper()
	items, err := b.store.Outbox(b.ctx, agent.OutboxPending, 0)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, it := range items {
		if m, err := b.store.Message(b.ctx, it.MessageID); err != nil || m.Author != agent.AuthorSystem {
			ids[it.MessageID] = true
		}
	}
	return ids
}

func newIDs(before, after map[string]bool) []string {
	var out []string
	for id := range after {
		if !before[id] {
			out = append(out, id)
		}
	}
	return out
}

// TestLiveSocket checks the websocket: it needs a session and the console's
// origin, and it forwards a notice when a borrower writes.
func TestLiveSocket(t *testing.T) {
	t.Parallel()
	b := setup(t)
	s := b.login(t, qa)
	url := "ws" + strings.TrimPrefix(b.srv.URL, "http") + "/console/ws"
	dial := func(cookie, origin string) (*websocket.Conn, *http.Response, error) {
		h := http.Header{}
		if cookie != "" {
			h.Set("Cookie", console.SessionCookie+"="+cookie)
		}
		h.Set("Origin", origin)
		return websocket.DefaultDialer.DialContext(b.ctx, url, h)
	}
	if _, res, err := dial("", b.srv.URL); err == nil || res == nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("a socket without a session: err=%v", err)
	}
	if _, res, err := dial(s.session, "http://evil.example"); err == nil || res == nil || res.StatusCode != http.StatusForbidden {
		t.Fatalf("a cross-site socket: err=%v", err)
	}
	ws, _, err := dial(s.session, b.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	// The subscription starts with the handshake; write after it.
	b.borrowerSays(t, b.conv, "is anyone there?")
	_ = ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			t.Fatalf("no notice arrived: %v", err)
		}
		var f console.LiveFrame
		if err := json.Unmarshal(data, &f); err != nil {
			t.Fatal(err)
		}
		if f.Type == "notice" && f.ConversationID == b.conv && f.Kind == "message" {
			break
		}
	}
}
