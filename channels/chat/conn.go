package chat

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
	"golang.org/x/time/rate"

	"github.com/parley-collections/parley/agent"
)

// outItem is one piece of work for a socket's writer: a ready frame, a stored
// message to write unless this socket has had it, or a replay request.
type outItem struct {
	frame  []byte
	msg    *agent.Message
	replay bool
	after  string
}

// turnItem is a borrower's message waiting for its turn.
type turnItem struct {
	text     string
	clientID string
}

// sentKey identifies a message written to a socket: Seq orders messages
// within one conversation.
type sentKey struct {
	conv string
	seq  int64
}

// conn is one chat socket. One goroutine reads; one writer goroutine owns
// every write; turns run one at a time on a goroutine started with the first
// message. The socket's context ends when the socket closes.
type conn struct {
	h         *Handler
	ws        *websocket.Conn
	log       *slog.Logger
	accountID string

	out      chan *outItem // pointers: an idle socket holds a small buffer
	turns    chan turnItem // made with the first message
	turnOnce sync.Once
	limiter  *rate.Limiter

	quit      chan struct{} // closed when the socket must close with code and reason
	quitOnce  sync.Once
	code      int
	reason    string
	closing   atomic.Bool
	writerEnd chan struct{}

	sent map[sentKey]struct{} // owned by the writer

	typedAt time.Time // the last typing notice published; owned by the reader
}

func newConn(h *Handler, ws *websocket.Conn, accountID string) *conn {
	return &conn{
		h:         h,
		ws:        ws,
		log:       h.log.With("account", accountID),
		accountID: accountID,
		out:       make(chan *outItem, h.cfg.SendQueue),
		limiter:   rate.NewLimiter(ratePerSecond, rateBurst),
		quit:      make(chan struct{}),
		writerEnd: make(chan struct{}),
	}
}

// run serves the socket until it closes: it replays what the client has not
// seen after the given message id, registers with the hub and reads.
func (c *conn) run(ctx context.Context, after string) {
	ctx, cancel := context.WithCancel(ctx)
	c.log.Info("chat: socket open")
	if !c.h.hub.add(c) {
		c.closeWith(websocket.CloseGoingAway, shutdownReason)
	}
	// The transcript goes out before the writer starts and before any frame
	// is read, so it precedes every live frame; messages the hub queues
	// meanwhile are skipped by the writer if the replay wrote them.
	var err error
	if err = c.replay(ctx, after); err == nil {
		go c.writeLoop(ctx)
		err = c.readLoop(ctx)
	} else {
		close(c.writerEnd)
	}
	c.h.hub.remove(c)
	cancel()
	<-c.writerEnd
	if errors.Is(err, websocket.ErrReadLimit) {
		// The library has sent 1009; drain the rest of the oversized frame
		// so that closing does not reset the connection before the client
		// reads the close frame.
		c.closeWith(websocket.CloseMessageTooBig, "frame larger than 16 KB")
		nc := c.ws.NetConn()
		_ = nc.SetReadDeadline(time.Now().Add(closeGrace))
		_, _ = io.Copy(io.Discard, nc)
	}
	_ = c.ws.Close()
	code, reason := c.closeReason(err)
	c.log.Info("chat: socket closed", "code", code, "reason", reason)
	if c.h.closed != nil {
		c.h.closed(c.accountID, code, reason)
	}
}

// closeReason says why the socket closed: the server's reason when it chose
// to close, else the client's close code.
func (c *conn) closeReason(err error) (int, string) {
	select {
	case <-c.quit:
		return c.code, c.reason
	default:
	}
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return ce.Code, ce.Text
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return websocket.CloseAbnormalClosure, "no pong in time"
	}
	return websocket.CloseAbnormalClosure, "connection lost"
}

// closeWith asks the writer to close the socket with a code and reason. The
// first call wins.
func (c *conn) closeWith(code int, reason string) {
	c.quitOnce.Do(func() {
		c.code, c.reason = code, reason
		c.closing.Store(true)
		close(c.quit)
		if c.h.closing != nil {
			c.h.closing(c.accountID, code, reason)
		}
	})
}

// enqueue hands work to the writer without blocking. A full queue means the
// client reads too slowly: the socket is closed rather than buffered without
// bound.
func (c *conn) enqueue(it *outItem) bool {
	select {
	case c.out <- it:
		return true
	default:
		c.closeWith(websocket.ClosePolicyViolation, "too slow: send queue full")
		return false
	}
}

func (c *conn) sendError(code, message string) { c.enqueue(&outItem{frame: errorFrame(code, message)}) }

// readLoop reads client frames until the socket fails or closes.
func (c *conn) readLoop(ctx context.Context) error {
	pongWait := c.h.cfg.PongWait
	c.ws.SetReadLimit(readLimit)
	_ = c.ws.SetReadDeadline(time.Now().Add(pongWait))
	c.ws.SetPongHandler(func(string) error {
		if c.closing.Load() {
			return nil // keep the short close deadline
		}
		return c.ws.SetReadDeadline(time.Now().Add(pongWait))
	})
	malformed := 0
	for {
		kind, data, err := c.ws.ReadMessage()
		if err != nil {
			return err
		}
		if c.closing.Load() {
			continue // wait for the client's close frame
		}
		if kind != websocket.TextMessage {
			c.closeWith(websocket.CloseUnsupportedData, "binary frames are not supported")
			continue
		}
		f, err := parseClientFrame(data)
		if err == nil && f.Type == typeTyping {
			c.borrowerTyping(ctx) // thinned, never answered
			continue
		}
		if !c.limiter.AllowN(c.h.cfg.Clock.Now(), 1) {
			c.sendError(CodeRateLimited, "too many frames: at most 5 a second")
			continue
		}
		if err != nil {
			malformed++
			if malformed >= maxMalformed {
				c.closeWith(websocket.ClosePolicyViolation, "too many malformed frames")
				continue
			}
			c.sendError(CodeBadFrame, err.Error())
			continue
		}
		switch f.Type {
		case typeResume:
			c.enqueue(&outItem{replay: true, after: f.After})
		case typeMessage:
			c.typedAt = time.Time{} // the next typing is a new spell: shown at once
			c.turnOnce.Do(func() {
				c.turns = make(chan turnItem, turnQueue)
				go c.turnLoop(ctx)
			})
			select {
			case c.turns <- turnItem{text: f.Text, clientID: f.ClientID}:
			default:
				c.sendError(CodeBusy, "too many messages waiting; send it again later")
			}
		}
	}
}

// typingNoticeEvery is the least time, on the wall clock, between two
// typing notices of one socket: the widget sends a typing frame every few
// seconds while the borrower types, and the console shows it a little
// longer.
const typingNoticeEvery = 2 * time.Second

// borrowerTyping tells the console that the borrower is typing in the open
// chat conversation: a typing notice on the bus, with no text. Nothing is
// published before there is a conversation, nor more often than
// typingNoticeEvery within one spell of typing (a message ends a spell), so
// a client sending typing frames in a loop costs the store one read every
// two seconds.
func (c *conn) borrowerTyping(ctx context.Context) {
	now := time.Now()
	if !c.typedAt.IsZero() && now.Sub(c.typedAt) < typingNoticeEvery {
		return
	}
	c.typedAt = now
	ctx, cancel := context.WithTimeout(ctx, hubFetchTimeout)
	defer cancel()
	conv, err := c.h.cfg.Store.OpenConversation(ctx, c.accountID, agent.ChannelChat)
	if err != nil {
		if !errors.Is(err, agent.ErrNotFound) {
			c.log.Warn("chat: typing: conversation", "err", err)
		}
		return
	}
	if err := c.h.cfg.Bus.Publish(ctx, agent.Notice{Kind: agent.NoticeTyping, ConversationID: conv.ID, AccountID: c.accountID}); err != nil {
		c.log.Warn("chat: typing: publish", "err", err)
	}
}

// writeLoop is the socket's only writer.
func (c *conn) writeLoop(ctx context.Context) {
	defer close(c.writerEnd)
	ping := time.NewTicker(c.h.cfg.PongWait * 9 / 10)
	defer ping.Stop()
	for {
		// A close request wins over queued work.
		select {
		case <-c.quit:
			c.writeClose()
			return
		default:
		}
		var err error
		select {
		case <-c.quit:
			c.writeClose()
			return
		case <-ctx.Done():
			return
		case <-ping.C:
			err = c.write(websocket.PingMessage, nil)
		case it := <-c.out:
			err = c.handle(ctx, it)
		}
		if err != nil {
			c.log.Info("chat: write failed", "err", err)
			_ = c.ws.Close() // unblocks the reader
			return
		}
	}
}

func (c *conn) write(kind int, data []byte) error {
	_ = c.ws.SetWriteDeadline(time.Now().Add(c.h.cfg.WriteTimeout))
	return c.ws.WriteMessage(kind, data)
}

// writeClose sends the close frame and gives the client closeGrace to answer.
func (c *conn) writeClose() {
	_ = c.write(websocket.CloseMessage, websocket.FormatCloseMessage(c.code, c.reason))
	_ = c.ws.NetConn().SetReadDeadline(time.Now().Add(closeGrace))
}

func (c *conn) handle(ctx context.Context, it *outItem) error {
	switch {
	case it.frame != nil:
		return c.write(websocket.TextMessage, it.frame)
	case it.msg != nil:
		return c.writeMessage(*it.msg)
	case it.replay:
		return c.replay(ctx, it.after)
	}
	return nil
}

// writeMessage writes a stored message unless this socket has had it: one
// that reached the borrower, or the borrower's own (a reopened chat shows
// both sides).
func (c *conn) writeMessage(m agent.Message) error {
	if !deliverable(m) && m.Direction != agent.DirectionIn {
		return nil
	}
	k := sentKey{conv: m.ConversationID, seq: m.Seq}
	if _, ok := c.sent[k]; ok {
		return nil
	}
	if c.sent == nil {
		c.sent = map[sentKey]struct{}{}
	}
	c.sent[k] = struct{}{}
	return c.write(websocket.TextMessage, messageFrame(m))
}

// replay writes the borrower's and the deliverable messages of the account's open chat
// conversation after the message id, in order. An id from another
// conversation, or none, replays the whole conversation.
func (c *conn) replay(ctx context.Context, after string) error {
	st := c.h.cfg.Store
	conv, err := st.OpenConversation(ctx, c.accountID, agent.ChannelChat)
	if errors.Is(err, agent.ErrNotFound) {
		return nil
	}
	if err != nil {
		return c.replayFailed(ctx, err)
	}
	var afterSeq int64
	if after != "" {
		m, err := st.Message(ctx, after)
		switch {
		case err == nil && m.ConversationID == conv.ID:
			afterSeq = m.Seq
		case err != nil && !errors.Is(err, agent.ErrNotFound):
			return c.replayFailed(ctx, err)
		}
	}
	for {
		ms, err := st.Messages(ctx, conv.ID, afterSeq, replayPage)
		if err != nil {
			return c.replayFailed(ctx, err)
		}
		for _, m := range ms {
			if err := c.writeMessage(m); err != nil {
				return err
			}
			afterSeq = m.Seq
		}
		if len(ms) < replayPage {
			return nil
		}
	}
}

// replayFailed tells the client the transcript could not be loaded; a store
// error never closes the socket.
func (c *conn) replayFailed(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	c.log.Error("chat: replay", "err", err)
	return c.write(websocket.TextMessage, errorFrame(CodeUnavailable, "the conversation could not be loaded; reconnect to try again"))
}

// turnLoop runs the socket's turns one at a time, in the order they came.
func (c *conn) turnLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case t := <-c.turns:
			c.turn(ctx, t)
		}
	}
}

// turn stores the message, acknowledges it and runs its turn. It does not
// stop when the socket closes: the borrower's message is answered and the
// reply waits for the next connection.
func (c *conn) turn(sockCtx context.Context, t turnItem) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(sockCtx), c.h.cfg.TurnTimeout)
	defer cancel()
	o := c.h.cfg.Orchestrator
	in := agent.Inbound{
		Channel:   agent.ChannelChat,
		AccountID: c.accountID,
		From:      "chat:" + c.accountID,
		Text:      t.text,
		// Scoped by account: one borrower's client_id can never match
		// another's message.
		ChannelMessageID: c.accountID + "/" + t.clientID,
		Meta:             map[string]string{"verified": "true"},
	}
	m, created, err := o.Receive(ctx, in)
	if err != nil {
		c.log.Error("chat: receive", "err", err)
		c.sendError(CodeUnavailable, "the message could not be saved; send it again")
		return
	}
	c.enqueue(&outItem{frame: ackFrame(t.clientID)})
	if !created && m.Status != agent.StatusReceived {
		return // seen and answered before
	}
	c.enqueue(&outItem{frame: typingFrame})
	stop := make(chan struct{})
	defer close(stop)
	go c.keepTyping(sockCtx, stop)
	if _, err := o.Process(ctx, m.ID); err != nil {
		c.log.Error("chat: turn", "err", err)
		c.sendError(CodeUnavailable, "your message is saved; the reply is delayed")
	}
}

// keepTyping repeats the typing frame every TypingInterval until the turn
// ends or the socket closes.
func (c *conn) keepTyping(ctx context.Context, stop <-chan struct{}) {
	t := time.NewTicker(c.h.cfg.TypingInterval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-ctx.Done():
			return
		case <-t.C:
			c.enqueue(&outItem{frame: typingFrame})
		}
	}
}
