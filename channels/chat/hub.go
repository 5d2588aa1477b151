package chat

import (
	"context"
	"sync"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
)

// hub knows this replica's sockets by account and writes delivered messages
// to them.
type hub struct {
	h       *Handler
	mu      sync.Mutex
	conns   map[string]map[*conn]struct{}
	stopped bool          // Run has ended: new sockets are turned away
	ready   chan struct{} // closed once subscribed to the bus
}

func newHub(h *Handler) *hub {
	return &hub{h: h, conns: map[string]map[*conn]struct{}{}, ready: make(chan struct{})}
}

// add registers a socket; it reports false once the hub has stopped.
func (hb *hub) add(c *conn) bool {
	hb.mu.Lock()
	defer hb.mu.Unlock()
	if hb.stopped {
		return false
	}
	set := hb.conns[c.accountID]
	if set == nil {
		set = map[*conn]struct{}{}
		hb.conns[c.accountID] = set
	}
	set[c] = struct{}{}
	return true
}

func (hb *hub) remove(c *conn) {
	hb.mu.Lock()
	defer hb.mu.Unlock()
	set := hb.conns[c.accountID]
	delete(set, c)
	if len(set) == 0 {
		delete(hb.conns, c.accountID)
	}
}

// sockets returns the account's sockets, or every socket when accountID is empty.
func (hb *hub) sockets(accountID string) []*conn {
	hb.mu.Lock()
	defer hb.mu.Unlock()
	var out []*conn
	for id, set := range hb.conns {
		if accountID != "" && id != accountID {
			continue
		}
		for c := range set {
			out = append(out, c)
		}
	}
	return out
}

// count reports how many sockets are open on this replica.
func (hb *hub) count() int {
	hb.mu.Lock()
	defer hb.mu.Unlock()
	n := 0
	for _, set := range hb.conns {
		n += len(set)
	}
	return n
}

const shutdownReason = "server shutting down"

// run delivers notices until ctx ends, then closes every socket.
func (hb *hub) run(ctx context.Context) {
	notices := hb.h.cfg.Bus.Subscribe(ctx)
	close(hb.ready)
	for n := range notices {
		if n.Kind == NoticeDeliver {
			hb.deliver(ctx, n)
		}
	}
	hb.mu.Lock()
	hb.stopped = true
	hb.mu.Unlock()
	for _, c := range hb.sockets("") {
		c.closeWith(websocket.CloseGoingAway, shutdownReason)
	}
}

// deliver loads the message once and hands it to the account's sockets. The
// store is read only when a socket of the account is open on this replica.
func (hb *hub) deliver(ctx context.Context, n agent.Notice) {
	hb.mu.Lock()
	none := len(hb.conns) == 0
	hb.mu.Unlock()
	if none {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, hubFetchTimeout)
	defer cancel()
	st := hb.h.cfg.Store
	accountID := n.AccountID
	if accountID == "" {
		conv, err := st.Conversation(ctx, n.ConversationID)
		if err != nil {
			hb.h.log.Warn("chat: deliver: conversation", "conversation", n.ConversationID, "err", err)
			return
		}
		accountID = conv.AccountID
	}
	conns := hb.sockets(accountID)
	if len(conns) == 0 {
		return
	}
	m, err := st.Message(ctx, n.MessageID)
	if err != nil {
		// The socket catches up from the store when the client reconnects.
		hb.h.log.Warn("chat: deliver: message", "message", n.MessageID, "err", err)
		return
	}
	if m.Channel != agent.ChannelChat || !deliverable(m) {
		return
	}
	for _, c := range conns {
		c.enqueue(&outItem{msg: &m})
	}
}
