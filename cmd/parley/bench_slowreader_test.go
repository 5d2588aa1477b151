package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/chat"
)

// smallSendBuffers gives accepted connections a small kernel send buffer,
// so that a client that stops reading holds the server's writer soon.
type smallSendBuffers struct{ net.Listener }

func (l smallSendBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetWriteBuffer(4 << 10)
	}
	return c, err
}

// A chat client that stops reading while replies keep coming: the server
// queues a bounded number of frames for it, then closes it with a reason;
// its memory does not grow with what is sent; the replies stay stored, so
// a reconnecting client reads every one of them.
func TestSlowChatReaderIsDroppedWithBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole server")
	}
	// Not parallel: the heap it measures is the whole test binary's, and
	// the package's parallel tests (eval runs among them) would grow it.
	secret := strings.Repeat("s", chat.MinSecretLen)
	logs := &syncBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	a, st, base := startAppOn(t, map[string]string{"PARLEY_CHAT_SECRET": secret}, true, log, nil,
		func(l net.Listener) net.Listener { return smallSendBuffers{l} })
	const account = "DEMO-US-1"
	token, err := chat.MintToken([]byte(secret), account, time.Hour, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(base)
	endpoint := wsURL(u, "/chat/ws") + "?token=" + url.QueryEscape(token)

	// The slow client: a small receive buffer, and it never reads.
	slowDialer := websocket.Dialer{NetDialContext: (&net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4<<10) })
	}}).DialContext}
	slow, _, err := slowDialer.Dial(endpoint, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()

	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	// The only socket that can be closed as too slow is the slow one.
	closed := func() bool {
		return strings.Contains(logs.String(), `"code":1008,"reason":"too slow: send queue full"`)
	}
	// Replies come from turns on the account's chat conversation, run
	// through the orchestrator as a second channel would, unthrottled.
	ctx := context.Background()
	turns, deadline := 0, time.Now().Add(120*time.Second)
	for !closed() && turns < 10000 && time.Now().Before(deadline) {
		_, err := a.orch.Handle(ctx, agent.Inbound{Channel: agent.ChannelChat, AccountID: account,
			Text: "are you a bot?", ChannelMessageID: fmt.Sprintf("slow-%d", turns)})
		if err != nil {
			t.Fatalf("turn %d: %v", turns, err)
		}
		turns++
	}
	// The close is logged once the writer gives up on its last write.
	for wait := time.Now().Add(20 * time.Second); !closed() && time.Now().Before(wait); {
		time.Sleep(50 * time.Millisecond)
	}
	after := heap()

	c := &checks{t: t}
	check := c.check
	check(closed(), "after %d turns the slow socket was not closed as too slow; logs:\n%s", turns, tail(logs.String(), 2000))
	grew := int64(after) - int64(before)
	check(grew < 4<<20, "the heap grew by %d bytes while one socket did not read", grew)

	// Every reply is stored and reaches a client that reads. The outbox
	// sends the replies after their turns: let it finish the last ones.
	for wait := time.Now().Add(20 * time.Second); time.Now().Before(wait); time.Sleep(20 * time.Millisecond) {
		pending, err1 := st.Outbox(ctx, agent.OutboxPending, 1)
		sending, err2 := st.Outbox(ctx, agent.OutboxSending, 1)
		if err1 == nil && err2 == nil && len(pending)+len(sending) == 0 {
			break
		}
	}
	conv, err := st.OpenConversation(ctx, func() string {
		acct, _ := st.Account(ctx, account)
		return acct.ID
	}(), agent.ChannelChat)
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := st.Messages(ctx, conv.ID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, m := range msgs {
		if m.Direction == agent.DirectionOut && (m.Status == agent.StatusSent || m.Status == agent.StatusDelivered) {
			want++
		}
	}
	reader, _, err := websocket.DefaultDialer.Dial(endpoint, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	got := 0
	_ = reader.SetReadDeadline(time.Now().Add(15 * time.Second))
	for got < want {
		_, data, err := reader.ReadMessage()
		if err != nil {
			break
		}
		var f struct{ Type, Author string }
		if json.Unmarshal(data, &f) == nil && f.Type == "message" && f.Author != "borrower" {
			got++
		}
	}
	check(want >= turns, "%d replies sent for %d turns", want, turns)
	check(got == want, "a reconnecting client read %d of the %d sent replies", got, want)
	t.Logf("%d turns until the slow socket was dropped; heap %d -> %d bytes; %d replies replayed on reconnect", turns, before, after, got)
	report(t, "slow-chat-reader", c.pass, c.fail)
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
