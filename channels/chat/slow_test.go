package chat

import (
	"context"
	"net"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
)

// smallBuffers shrinks the kernel send buffer of accepted connections so that
// a client that stops reading blocks the server's writer sooner. (The
// client's receive buffer keeps its default: a tiny receive window on
// loopback stalls on zero-window probes once the client reads again.)
type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetWriteBuffer(4 << 10)
	}
	return c, err
}

func TestSlowReaderIsDroppedWithAReason(t *testing.T) {
	t.Parallel()
	const queue = 8
	b := setup(t, setupOpts{
		// A bus without a buffer: publishing waits for the hub, so no notice is lost.
		bus:      newSyncBus(),
		cfg:      func(c *Config) { c.SendQueue = queue },
		listener: func(s *httptest.Server) { s.Listener = smallBuffers{s.Listener} },
	})
	// Reading the transcript on connect shows the socket is registered and
	// its replay is over, so what follows goes through the send queue only.
	b.store.addOut("A-1", agent.AuthorAgent, "welcome", agent.StatusSent)
	ws, _, err := websocket.DefaultDialer.Dial(b.wsURL(b.token(t, "A-1"), ""), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if f := read(t, ws); f.Text != "welcome" {
		t.Fatalf("transcript %+v", f)
	}

	// The client reads nothing while replies pile up.
	sender := NewSender(b.bus)
	text := strings.Repeat("a long reply ", 300) // about 4 KB
	published := 0
	var ev closeEvent
	for ev.code == 0 {
		// What one socket may hold is its queue plus the kernel buffers:
		// a few dozen 4 KB frames here, never all that is published.
		if published == 500 {
			t.Fatal("the server kept queueing for a client that does not read")
		}
		m := b.store.addOut("A-1", agent.AuthorAgent, text, agent.StatusSending)
		if _, err := sender.Send(context.Background(), agent.Outbound{MessageID: m.ID, ConversationID: m.ConversationID, AccountID: "A-1", Channel: agent.ChannelChat}); err != nil {
			t.Fatal(err)
		}
		published++
		select {
		case ev = <-b.closing:
		default:
		}
	}
	want := closeEvent{account: "A-1", code: websocket.ClosePolicyViolation, reason: "too slow: send queue full"}
	if ev != want {
		t.Fatalf("closing %+v, want %+v", ev, want)
	}

	// Reading again, the client gets what was in flight, then the reason.
	got := 0
	ce := func() *websocket.CloseError {
		_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
		for {
			_, _, err := ws.ReadMessage()
			if err == nil {
				got++
				continue
			}
			ce, _ := err.(*websocket.CloseError)
			return ce
		}
	}()
	if ce == nil || ce.Code != websocket.ClosePolicyViolation || ce.Text != want.reason {
		t.Errorf("client saw %v, want the close reason", ce)
	}
	if got >= published {
		t.Errorf("client got %d of %d frames: nothing was dropped", got, published)
	}
	<-b.closed
	if n := b.h.hub.count(); n != 0 {
		t.Errorf("hub still holds %d sockets", n)
	}
}
