package voice

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
)

// Reason codes sent in an end message's handoffData.
const (
	ReasonHandoff = "live-agent-handoff"  // a person takes over the call
	ReasonClosed  = "conversation-closed" // the conversation ended with a goodbye
)

// inbound is any message ConversationRelay sends; Type says which fields apply.
type inbound struct {
	Type string `json:"type"`
	// setup
	CallSid          string            `json:"callSid"`
	From             string            `json:"from"`
	To               string            `json:"to"`
	Direction        string            `json:"direction"`
	CustomParameters map[string]string `json:"customParameters"`
	// prompt
	VoicePrompt string `json:"voicePrompt"`
	Lang        string `json:"lang"`
	Last        bool   `json:"last"`
	// dtmf
	Digit string `json:"digit"`
	// interrupt; Twilio sends the duration as a string, clones as a number
	UtteranceUntilInterrupt  string          `json:"utteranceUntilInterrupt"`
	DurationUntilInterruptMs json.RawMessage `json:"durationUntilInterruptMs"`
	// error
	Description string `json:"description"`
}

// errFrame reports a frame that is not a ConversationRelay message.
var errFrame = errors.New("voice: not a relay message")

// parseFrame decodes one text frame: a JSON object with a type. Fields of
// the wrong type make it an error; unknown fields and types are for the
// caller to ignore.
func parseFrame(data []byte) (inbound, error) {
	var m inbound
	if err := json.Unmarshal(data, &m); err != nil {
		return inbound{}, fmt.Errorf("%w: %w", errFrame, err)
	}
	if m.Type == "" {
		return inbound{}, fmt.Errorf("%w: no type", errFrame)
	}
	return m, nil
}

// interruptedAfter is how long the reply had played when the caller spoke
// over it; zero when Twilio did not say or said something unreadable.
func (m inbound) interruptedAfter() time.Duration {
	raw := strings.Trim(string(m.DurationUntilInterruptMs), `"`)
	ms, err := strconv.ParseFloat(raw, 64)
	if err != nil || ms <= 0 || ms > float64(24*time.Hour/time.Millisecond) {
		return 0
	}
	return time.Duration(ms * float64(time.Millisecond))
}

type textMessage struct {
	Type  string `json:"type"`
	Token string `json:"token"`
	Last  bool   `json:"last"`
}

type endMessage struct {
	Type        string `json:"type"`
	HandoffData string `json:"handoffData"`
}

// handoffData is the JSON carried in an end message to the Connect action.
type handoffData struct {
	ReasonCode     string `json:"reasonCode"`
	Reason         string `json:"reason,omitempty"`
	ConversationID string `json:"conversationId,omitempty"`
	AccountID      string `json:"accountId,omitempty"`
	Queue          string `json:"queue,omitempty"` // where a handed-over call goes (HandoffQueue)
}

// frame is one message for the writer. A frame of a turn that has been
// interrupted is dropped instead of written.
type frame struct {
	data []byte
	turn *turn // nil: not part of a turn
}

// turn is one turn in flight. stale is set when the caller interrupts it or
// a newer utterance supersedes it: its queued words must not be spoken.
type turn struct {
	ctx    context.Context
	cancel context.CancelFunc
	stale  atomic.Bool
}

// stop marks the turn stale and cancels it.
func (t *turn) stop() {
	t.stale.Store(true)
	t.cancel()
}

// call is what setup binds to the session.
type call struct {
	sid       string
	borrower  string // the far end: From on inbound calls, To on calls we placed
	ours      string
	accountID string
	convID    string // known once a turn has run
	greeted   bool   // the welcome greeting introduced the assistant
}

// session is one ConversationRelay connection: the reader runs in the
// handler's goroutine, one writer goroutine owns the socket's writes, and
// each turn runs in a goroutine of its own.
type session struct {
	h       *Handler
	conn    *websocket.Conn
	vouched relayClaims // what the relay token says of the call
	log     *slog.Logger
	out     chan frame

	ctx    context.Context
	cancel context.CancelFunc

	mu        sync.Mutex
	closing   bool
	bound     bool
	call      call
	turnSeq   int
	current   *turn
	digits    strings.Builder
	dtmfTimer *time.Timer
	turns     sync.WaitGroup
}

func newSession(h *Handler, conn *websocket.Conn, vouched relayClaims) *session {
	return &session{h: h, conn: conn, vouched: vouched, log: h.cfg.Log, out: make(chan frame, 64)}
}

// run serves the connection until it closes, the request's context ends or
// the handler closes; then it cancels every turn and waits for them.
func (s *session) run(ctx context.Context) {
	s.ctx, s.cancel = context.WithCancel(ctx)
	stop := context.AfterFunc(s.h.base, s.cancel)
	defer stop()
	writerDone := make(chan struct{})
	go func() { defer close(writerDone); s.write() }()
	// Unblock the reader when the session ends from elsewhere.
	unblock := context.AfterFunc(s.ctx, func() {
		_ = s.conn.WriteControl(websocket.CloseMessage,
			websocket.FormatCloseMessage(websocket.CloseGoingAway, "session ended"), time.Now().Add(time.Second))
		_ = s.conn.SetReadDeadline(time.Now())
	})

	s.read()
	unblock() // the reader is done; it has closed with its own code when it had one

	s.mu.Lock()
	s.closing = true
	if s.current != nil {
		s.current.stop()
	}
	if s.dtmfTimer != nil {
		s.dtmfTimer.Stop()
	}
	s.mu.Unlock()
	s.cancel()
	s.turns.Wait()
	<-writerDone
	_ = s.conn.Close()
	s.log.Info("voice: relay session ended", "call", s.callSid())
}

func (s *session) callSid() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.call.sid
}

// write is the only goroutine that writes data frames and pings.
func (s *session) write() {
	ping := time.NewTicker(s.h.cfg.PingPeriod)
	defer ping.Stop()
	for {
		select {
		case f := <-s.out:
			if f.turn != nil && f.turn.stale.Load() {
				continue // the caller interrupted this turn
			}
			_ = s.conn.SetWriteDeadline(time.Now().Add(s.h.cfg.WriteWait))
			if err := s.conn.WriteMessage(websocket.TextMessage, f.data); err != nil {
				s.log.Warn("voice: write", "call", s.callSid(), "err", err)
				s.cancel()
				return
			}
		case <-ping.C:
			_ = s.conn.SetWriteDeadline(time.Now().Add(s.h.cfg.WriteWait))
			if err := s.conn.WriteMessage(websocket.PingMessage, nil); err != nil {
				s.cancel()
				return
			}
		case <-s.ctx.Done():
			return
		}
	}
}

// send queues a turn's message for the writer; it gives up when the turn
// is cancelled.
func (s *session) send(t *turn, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		s.log.Error("voice: encode", "err", err)
		return
	}
	select {
	case s.out <- frame{data: data, turn: t}:
	case <-t.ctx.Done():
	}
}

// closeWith ends the connection with a close code and reason.
func (s *session) closeWith(code int, reason string) {
	s.log.Warn("voice: closing relay", "call", s.callSid(), "code", code, "reason", reason)
	_ = s.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(s.h.cfg.WriteWait))
}

func (s *session) read() {
	s.conn.SetReadLimit(s.h.cfg.ReadLimit)
	_ = s.conn.SetReadDeadline(time.Now().Add(s.h.cfg.PongWait))
	s.conn.SetPongHandler(func(string) error {
		return s.conn.SetReadDeadline(time.Now().Add(s.h.cfg.PongWait))
	})
	for {
		kind, data, err := s.conn.ReadMessage()
		if err != nil {
			if websocket.IsUnexpectedCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway) && s.ctx.Err() == nil {
				s.log.Warn("voice: read", "call", s.callSid(), "err", err)
			}
			return
		}
		_ = s.conn.SetReadDeadline(time.Now().Add(s.h.cfg.PongWait))
		if kind != websocket.TextMessage {
			s.closeWith(websocket.CloseUnsupportedData, "text frames only")
			return
		}
		m, err := parseFrame(data)
		if err != nil {
			s.closeWith(websocket.CloseInvalidFramePayloadData, "invalid message")
			return
		}
		if !s.dispatch(m) {
			return
		}
	}
}

// dispatch handles one message and reports whether the session goes on.
func (s *session) dispatch(m inbound) bool {
	if m.Type != "setup" && m.Type != "error" && m.Type != "info" && !s.isBound() {
		s.closeWith(websocket.ClosePolicyViolation, "setup first")
		return false
	}
	switch m.Type {
	case "setup":
		if !s.setup(m) {
			s.closeWith(websocket.ClosePolicyViolation, "setup for another call")
			return false
		}
	case "prompt":
		if m.Last && strings.TrimSpace(m.VoicePrompt) != "" {
			s.startTurn(m.VoicePrompt, map[string]string{"input": "speech", "lang": m.Lang})
		}
	case "interrupt":
		s.interrupt(m.UtteranceUntilInterrupt, m.interruptedAfter())
	case "dtmf":
		s.dtmf(m.Digit)
	case "error":
		s.log.Error("voice: relay reported an error", "call", s.callSid(), "description", m.Description)
	default:
		s.log.Debug("voice: message ignored", "call", s.callSid(), "type", m.Type)
	}
	return true
}

func (s *session) isBound() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bound
}

// setup binds the session to its call, or reports false when setup is
// for another call than the relay token's. The call's numbers and account
// are the token's: setup's own fields and customParameters are not
// believed, since whoever opened the socket wrote them.
func (s *session) setup(m inbound) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bound {
		s.log.Warn("voice: second setup ignored", "call", s.call.sid)
		return true
	}
	v := s.vouched
	if m.CallSid != v.CallSid {
		return false
	}
	s.call = call{sid: v.CallSid, borrower: v.Borrower, ours: v.Ours, accountID: v.AccountID, greeted: v.Greeted}
	s.bound = true
	s.log.Info("voice: call bound", "call", v.CallSid, "borrower", twilio.Redact(v.Borrower), "direction", m.Direction)
	return true
}

// startTurn runs text as a turn, cancelling the one in flight: a new
// utterance supersedes an answer still being prepared.
func (s *session) startTurn(text string, meta map[string]string) {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		return
	}
	if s.current != nil {
		s.current.stop()
	}
	t := &turn{}
	t.ctx, t.cancel = context.WithCancel(s.ctx)
	s.current = t
	s.turnSeq++
	c, n := s.call, s.turnSeq
	s.turns.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.turns.Done()
		defer t.cancel()
		s.runTurn(t, c, n, text, meta)
	}()
}

func (s *session) runTurn(t *turn, c call, n int, text string, meta map[string]string) {
	ctx := t.ctx
	meta["CallSid"] = c.sid
	if c.greeted {
		meta["greeted"] = "true"
	}
	in := agent.Inbound{
		Channel:          agent.ChannelVoice,
		AccountID:        c.accountID,
		From:             c.borrower,
		To:               c.ours,
		Text:             text,
		ChannelMessageID: fmt.Sprintf("%s:%d", c.sid, n),
		Meta:             meta,
	}
	var streamed atomic.Bool
	stream := func(chunk string) {
		if chunk == "" || ctx.Err() != nil {
			return
		}
		streamed.Store(true)
		s.send(t, textMessage{Type: "text", Token: chunk})
	}
	res, err := s.h.cfg.Turn(ctx, in, stream)
	if res.Conversation.ID != "" {
		s.mu.Lock()
		s.call.convID = res.Conversation.ID
		s.mu.Unlock()
	}
	if ctx.Err() != nil {
		s.log.Info("voice: turn cancelled", "call", c.sid, "turn", n)
		return
	}
	unknown := errors.Is(err, agent.ErrUnknownSender)
	if err != nil && !unknown {
		s.log.Error("voice: turn", "call", c.sid, "turn", n, "err", err)
	}
	if !streamed.Load() {
		for _, r := range res.Replies {
			stream(r.Text)
		}
	}
	if unknown && !streamed.Load() && s.h.cfg.UnknownCaller != nil {
		// No account has this number, so no turn answers: the caller
		// still hears who is speaking and what they can do.
		g, err := s.h.cfg.UnknownCaller(ctx, UnknownCallerRequest{CallSid: c.sid, Phone: c.borrower, Text: text})
		if err != nil {
			s.log.Error("voice: unknown caller", "call", c.sid, "err", err)
		}
		stream(g.Text)
	}
	s.send(t, textMessage{Type: "text", Token: "", Last: true})
	switch res.Conversation.State {
	case agent.StateHandoff:
		s.end(t, handoffData{ReasonCode: ReasonHandoff, Reason: "the conversation was handed to a person",
			ConversationID: res.Conversation.ID, AccountID: res.Conversation.AccountID, Queue: HandoffQueue})
	case agent.StateClosed:
		s.end(t, handoffData{ReasonCode: ReasonClosed, ConversationID: res.Conversation.ID, AccountID: res.Conversation.AccountID})
	}
}

func (s *session) end(t *turn, d handoffData) {
	data, err := json.Marshal(d)
	if err != nil {
		s.log.Error("voice: encode handoff", "err", err)
		return
	}
	s.log.Info("voice: ending relay session", "call", s.callSid(), "reason", d.ReasonCode)
	s.send(t, endMessage{Type: "end", HandoffData: string(data)})
}

// interrupt cancels the turn in flight at once, then records what the
// caller heard of it.
func (s *session) interrupt(heard string, after time.Duration) {
	start := time.Now()
	s.mu.Lock()
	if s.current != nil {
		s.current.stop()
		s.current = nil
	}
	c := s.call
	s.mu.Unlock()
	s.log.Info("voice: interrupted", "call", c.sid, "cancel_after", time.Since(start))
	if s.h.cfg.Interrupts == nil {
		return
	}
	err := s.h.cfg.Interrupts.RecordInterrupt(s.ctx, agent.Interruption{
		CallSid: c.sid, ConversationID: c.convID, AccountID: c.accountID, Phone: c.borrower,
		Heard: heard, Duration: after,
	})
	if err != nil {
		s.log.Error("voice: record interrupt", "call", c.sid, "err", err)
	}
}

// dtmf gathers keypad digits; '#' or a pause makes them a turn, so a caller
// can key in a date of birth or a postcode.
func (s *session) dtmf(digit string) {
	if len(digit) != 1 || !strings.Contains("0123456789*#ABCD", digit) {
		s.log.Warn("voice: dtmf digit ignored", "call", s.callSid())
		return
	}
	if digit == "#" {
		s.flushDigits()
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.digits.WriteString(digit)
	if s.dtmfTimer == nil {
		s.dtmfTimer = time.AfterFunc(s.h.cfg.DTMFPause, s.flushDigits)
	} else {
		s.dtmfTimer.Reset(s.h.cfg.DTMFPause)
	}
}

func (s *session) flushDigits() {
	s.mu.Lock()
	if s.dtmfTimer != nil {
		s.dtmfTimer.Stop()
	}
	text := s.digits.String()
	s.digits.Reset()
	s.mu.Unlock()
	if text != "" {
		s.startTurn(text, map[string]string{"input": "dtmf"})
	}
}
