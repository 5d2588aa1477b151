package chat_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/rules"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/channels/chat"
	"github.com/parley-collections/parley/policies"
)

// TestEndToEnd wires the channel as `parley serve` does: SQLite store, rules
// brain, guard, orchestrator, outbox dispatcher with the chat Sender, one
// bus. A token-verified borrower asks what they owe and is told at once,
// without being asked to prove who they are; a reconnect after the first
// reply gets the rest and nothing twice.
func TestEndToEnd(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	now := time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC) // a Monday, 10:00 in Chicago
	clock := agent.NewFixedClock(now)
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var acct agent.Account
	for _, a := range agent.DemoAccounts(now) {
		if a.ID == "DEMO-US-1" {
			acct = a
		}
	}
	if err := st.PutAccount(ctx, acct); err != nil {
		t.Fatal(err)
	}
	bus := agent.NewMemoryBus()
	disp := &agent.Dispatcher{Store: st, Senders: map[agent.Channel]agent.Sender{agent.ChannelChat: chat.NewSender(bus)},
		Clock: clock, Bus: bus}
	orch, err := agent.NewOrchestrator(agent.Config{Store: st, Brain: rules.New(), Guard: policies.Default(),
		Clock: clock, Bus: bus, OnEnqueue: disp.Kick})
	if err != nil {
		t.Fatal(err)
	}
	secret := []byte("an end-to-end chat secret, 32 bytes+")
	h, err := chat.NewHandler(chat.Config{Secret: secret, Orchestrator: orch, Store: st, Bus: bus, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	go func() { _ = disp.Run(ctx) }()
	go func() { _ = h.Run(ctx) }()

	tok, err := chat.MintToken(secret, acct.ID, 10*time.Minute, now)
	if err != nil {
		t.Fatal(err)
	}
	dial := func(after string) *websocket.Conn {
		q := url.Values{"token": {tok}}
		if after != "" {
			q.Set("after", after)
		}
		ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv.URL, "http")+"/chat/ws?"+q.Encode(), nil)
		if err != nil {
			t.Fatal(err)
		}
		return ws
	}
	read := func(ws *websocket.Conn) frame {
		_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
		var f frame
		_, data, err := ws.ReadMessage()
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		if err := json.Unmarshal(data, &f); err != nil {
			t.Fatal(err)
		}
		return f
	}

	ws := dial("")
	if err := ws.WriteJSON(map[string]string{"type": "message", "text": "how much do I owe?", "client_id": "e2e-1"}); err != nil {
		t.Fatal(err)
	}
	var replies []frame
	acked := false
	for !acked || !strings.Contains(texts(replies), acct.Balance.String()) {
		f := read(ws)
		switch f.Type {
		case "ack":
			acked = f.ClientID == "e2e-1"
		case "message":
			if f.Author != "agent" {
				t.Errorf("author %q", f.Author)
			}
			replies = append(replies, f)
		case "error":
			t.Fatalf("error frame %+v", f)
		}
		if len(replies) > 6 {
			t.Fatalf("no balance in %q", texts(replies))
		}
	}
	ws.Close()

	// Resuming after the last reply repeats nothing: the first message on
	// the new socket answers the new question.
	ws2 := dial(replies[len(replies)-1].ID)
	defer ws2.Close()
	if err := ws2.WriteJSON(map[string]string{"type": "message", "text": "can I set up a payment plan?", "client_id": "e2e-2"}); err != nil {
		t.Fatal(err)
	}
	var next frame
	for next.Type != "message" {
		next = read(ws2)
	}
	for _, r := range replies {
		if next.ID == r.ID {
			t.Fatalf("resumed socket repeated %q", r.Text)
		}
	}

	// A socket without an id gets the stored transcript in order, the
	// borrower's own messages with their client ids included.
	ws3 := dial("")
	defer ws3.Close()
	own := func(clientID, text string) frame {
		return frame{Type: "message", Author: "borrower", Text: text, ClientID: clientID}
	}
	wants := append(append([]frame{own("e2e-1", "how much do I owe?")}, replies...), own("e2e-2", "can I set up a payment plan?"), next)
	for _, want := range wants {
		f := read(ws3)
		if want.Author == "borrower" {
			want.ID = f.ID
		}
		if f.ID != want.ID || f.Text != want.Text || f.Author != want.Author || f.ClientID != want.ClientID {
			t.Errorf("transcript %+v, want %+v", f, want)
		}
	}
}

// frame is a server frame as a client reads it.
type frame struct {
	Type     string `json:"type"`
	ID       string `json:"id"`
	Author   string `json:"author"`
	Text     string `json:"text"`
	ClientID string `json:"client_id"`
}

func texts(fs []frame) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Text)
		b.WriteString(" | ")
	}
	return b.String()
}
