package console

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"github.com/parley-collections/parley/agent"
)

// Websocket timings: a ping every pingEvery, a peer silent for longer than
// pongWait is gone, a write that takes longer than writeWait fails.
const (
	pingEvery = 25 * time.Second
	pongWait  = 60 * time.Second
	writeWait = 10 * time.Second
	// readLimit bounds a frame from the browser, which sends nothing but
	// control frames.
	readLimit = 512
)

// LiveFrame is what the console's websocket sends: a notice that something
// changed on a conversation. The browser refetches it over the JSON API.
type LiveFrame struct {
	Type           string `json:"type"` // "notice"
	Kind           string `json:"kind"` // "message", "event", "conversation"
	ConversationID string `json:"conversation_id"`
	EventKind      string `json:"event_kind,omitempty"`
}

// live upgrades to a websocket that forwards bus notices until either side
// goes away. The page guard has already checked the session cookie, and
// the upgrader refuses a cross-origin handshake.
func (h *Handler) live(w http.ResponseWriter, r *http.Request) {
	// Subscribe before the handshake completes, so that nothing published
	// after the browser sees the socket open is missed.
	ctx, cancel := context.WithCancel(context.WithoutCancel(r.Context()))
	notices := h.cfg.Bus.Subscribe(ctx)
	ws, err := h.upgrader.Upgrade(w, r, nil)
	if err != nil {
		cancel()
		return // the upgrader has answered
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.writeLoop(ctx, ws, notices, callerOf(r).session.TokenHash)
	}()
	// The read loop keeps the deadline moving on pongs and notices the
	// peer leaving; the browser sends no data frames.
	ws.SetReadLimit(readLimit)
	_ = ws.SetReadDeadline(time.Now().Add(pongWait))
	ws.SetPongHandler(func(string) error { return ws.SetReadDeadline(time.Now().Add(pongWait)) })
	for {
		if _, _, err := ws.NextReader(); err != nil {
			break
		}
	}
	cancel()
	<-done
	_ = ws.Close()
}

// writeLoop is the connection's only writer: notices and pings. At each
// ping it checks that the session still lives, so a logout or an expiry
// also ends the live feed.
func (h *Handler) writeLoop(ctx context.Context, ws *websocket.Conn, notices <-chan agent.Notice, session string) {
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		select {
		case <-h.closing:
			_ = ws.SetWriteDeadline(time.Now().Add(time.Second))
			_ = ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, "server shutting down"))
			_ = ws.Close()
			return
		case <-ctx.Done():
			_ = ws.SetWriteDeadline(time.Now().Add(time.Second))
			_ = ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, ""))
			return
		case n, ok := <-notices:
			if !ok {
				return
			}
			b, _ := json.Marshal(LiveFrame{Type: "notice", Kind: n.Kind, ConversationID: n.ConversationID, EventKind: n.EventKind})
			_ = ws.SetWriteDeadline(time.Now().Add(writeWait))
			if err := ws.WriteMessage(websocket.TextMessage, b); err != nil {
				_ = ws.Close() // ends the read loop too
				return
			}
		case <-ping.C:
			if _, err := h.cfg.Store.Session(ctx, session, h.cfg.Clock.Now()); errors.Is(err, agent.ErrNotFound) {
				_ = ws.SetWriteDeadline(time.Now().Add(time.Second))
				_ = ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.ClosePolicyViolation, "session ended"))
				_ = ws.Close()
				return
			}
			_ = ws.SetWriteDeadline(time.Now().Add(writeWait))
			if err := ws.WriteMessage(websocket.PingMessage, nil); err != nil {
				_ = ws.Close()
				return
			}
		}
	}
}

// Close ends every live socket with a going-away frame; call it when the
// server shuts down, since http.Server.Shutdown does not wait for hijacked
// connections. The JSON API and the pages keep answering.
func (h *Handler) Close() {
	h.closeOnce.Do(func() { close(h.closing) })
}

// closer is the Handler's shutdown signal for live sockets.
type closer struct {
	closeOnce sync.Once
	closing   chan struct{}
}
