package sms

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
)

// InboundPath is where Twilio posts inbound messages.
const InboundPath = "/twilio/sms"

// EmptyTwiML is the answer that sends nothing back in-band.
const EmptyTwiML = `<?xml version="1.0" encoding="UTF-8"?><Response/>`

// Orchestrator stores inbound messages and runs their turns (agent.Orchestrator).
type Orchestrator interface {
	Receive(ctx context.Context, in agent.Inbound) (agent.Message, bool, error)
	Process(ctx context.Context, messageID string, opts ...agent.TurnOption) (agent.TurnResult, error)
	// Release gives a stored message's turn to the pending sweep, and
	// WakePending runs the sweep now: a turn the queue has no room for.
	Release(messageID string)
	WakePending()
}

// StatusStore is what the channel needs of agent.Store: status callbacks
// read and move messages and record opt-outs.
type StatusStore interface {
	Message(ctx context.Context, id string) (agent.Message, error)
	MessageByChannelID(ctx context.Context, ch agent.Channel, channelMessageID string) (agent.Message, error)
	Conversation(ctx context.Context, id string) (agent.Conversation, error)
	SetMessageStatus(ctx context.Context, id string, s agent.MessageStatus, providerID string) (bool, error)
	SetConsent(ctx context.Context, c agent.Consent) error
}

// Config wires a Handler. Settings, Orchestrator and Store are required.
type Config struct {
	Settings     twilio.Settings
	Orchestrator Orchestrator
	Store        StatusStore
	Clock        agent.Clock   // default agent.SystemClock
	Log          *slog.Logger  // default discards
	Workers      int           // turns run at once; default 4
	Queue        int           // turns waiting for a worker; default 256
	TurnTimeout  time.Duration // bounds one turn; default 60s
}

// Handler serves InboundPath and StatusPath. Close it on shutdown to drain
// the turns it started.
type Handler struct {
	cfg      Config
	verifier *twilio.Verifier
	mux      *http.ServeMux

	base   context.Context // turns run on it, not on the request's context
	cancel context.CancelFunc
	jobs   chan job
	wg     sync.WaitGroup
	mu     sync.RWMutex // guards closed against sends on jobs
	closed bool
	// overflowed is set when the queue had no room for a turn, and
	// cleared by the worker that wakes the pending sweep for it.
	overflowed atomic.Bool
}

// NewHandler validates cfg, fills defaults and starts the worker pool.
func NewHandler(cfg Config) (*Handler, error) {
	if cfg.Orchestrator == nil || cfg.Store == nil {
		return nil, errors.New("sms: new handler: Orchestrator and Store are required")
	}
	if cfg.Clock == nil {
		cfg.Clock = agent.SystemClock{}
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.Queue <= 0 {
		cfg.Queue = 256
	}
	if cfg.TurnTimeout <= 0 {
		cfg.TurnTimeout = 60 * time.Second
	}
	h := &Handler{cfg: cfg, verifier: twilio.NewVerifier(cfg.Settings, cfg.Log), mux: http.NewServeMux(), jobs: make(chan job, cfg.Queue)}
	h.base, h.cancel = context.WithCancel(context.Background())
	h.mux.HandleFunc("POST "+InboundPath, h.inbound)
	h.mux.HandleFunc("POST "+StatusPath, h.status)
	for range cfg.Workers {
		h.wg.Add(1)
		go h.work()
	}
	return h, nil
}

// ServeHTTP routes to the inbound webhook and the status callback.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// Close stops taking turns, waits for the running and queued ones until ctx
// ends, then cancels what is left. A cancelled turn's message stays
// received in the store, for the orchestrator's pending sweep.
func (h *Handler) Close(ctx context.Context) error {
	h.mu.Lock()
	if !h.closed {
		h.closed = true
		close(h.jobs)
	}
	h.mu.Unlock()
	done := make(chan struct{})
	go func() { h.wg.Wait(); close(done) }()
	select {
	case <-done:
		h.cancel()
		return nil
	case <-ctx.Done():
		h.cancel()
		<-done
		return fmt.Errorf("sms: close: %w", ctx.Err())
	}
}

func (h *Handler) work() {
	defer h.wg.Done()
	for {
		var (
			j  job
			ok bool
		)
		select {
		case j, ok = <-h.jobs:
		default:
			// The queue is empty: turns it had no room for are the
			// pending sweep's, which runs them now that there is room.
			if h.overflowed.Swap(false) {
				h.cfg.Orchestrator.WakePending()
			}
			j, ok = <-h.jobs
		}
		if !ok {
			return
		}
		h.process(j)
	}
}

// job is a stored inbound message waiting for its turn.
type job struct {
	message, conversation string
}

func (h *Handler) process(j job) {
	ctx, cancel := context.WithTimeout(h.base, h.cfg.TurnTimeout)
	defer cancel()
	if _, err := h.cfg.Orchestrator.Process(ctx, j.message, agent.InConversation(j.conversation)); err != nil {
		h.cfg.Log.Error("sms: turn failed", "message_id", j.message, "err", err)
	}
}

// enqueue hands a stored message to the pool without blocking the webhook.
func (h *Handler) enqueue(m agent.Message) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if h.closed {
		h.cfg.Log.Warn("sms: shutting down; turn left for the pending sweep", "message_id", m.ID)
		h.cfg.Orchestrator.Release(m.ID)
		return
	}
	select {
	case h.jobs <- job{m.ID, m.ConversationID}:
	default:
		h.cfg.Log.Debug("sms: turn queue full; the pending sweep takes the turn", "message_id", m.ID)
		h.cfg.Orchestrator.Release(m.ID)
		h.overflowed.Store(true)
		h.cfg.Orchestrator.WakePending()
	}
}

func (h *Handler) inbound(w http.ResponseWriter, r *http.Request) {
	form, ok := h.verifier.ReadForm(w, r)
	if !ok {
		return
	}
	if !h.verifier.AccountMatches(form) {
		h.cfg.Log.Warn("sms: webhook for another account", "account_sid", form.Get("AccountSid"))
		http.Error(w, "wrong account", http.StatusForbidden)
		return
	}
	sid, from := form.Get("MessageSid"), form.Get("From")
	if sid == "" || from == "" {
		http.Error(w, "MessageSid and From are required", http.StatusBadRequest)
		return
	}
	in := agent.Inbound{
		Channel:          agent.ChannelSMS,
		From:             from,
		To:               form.Get("To"),
		Text:             form.Get("Body"),
		ChannelMessageID: sid,
		Meta:             meta(form),
	}
	m, created, err := h.cfg.Orchestrator.Receive(r.Context(), in)
	switch {
	case errors.Is(err, agent.ErrUnknownSender):
		// Nothing to store it under; a retry would not change that.
		h.cfg.Log.Warn("sms: message from an unknown number", "sid", sid, "from", twilio.Redact(from))
	case err != nil:
		h.cfg.Log.Error("sms: store inbound", "sid", sid, "err", err)
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	case created:
		h.enqueue(m)
	default:
		h.cfg.Log.Info("sms: duplicate delivery", "sid", sid, "message_id", m.ID)
	}
	writeTwiML(w)
}

func meta(form url.Values) map[string]string {
	m := map[string]string{}
	for _, k := range []string{"OptOutType", "MessagingServiceSid", "NumMedia"} {
		if v := form.Get(k); v != "" {
			m[k] = v
		}
	}
	return m
}

func writeTwiML(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(EmptyTwiML))
}

// OptedOutCode is Twilio's error for a recipient who replied STOP.
const OptedOutCode = "21610"

func (h *Handler) status(w http.ResponseWriter, r *http.Request) {
	form, ok := h.verifier.ReadForm(w, r)
	if !ok {
		return
	}
	sid := form.Get("MessageSid")
	st, known := deliveryStatus(form.Get("MessageStatus"))
	if sid == "" {
		http.Error(w, "MessageSid is required", http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	var (
		m   agent.Message
		err error
	)
	if mid := r.URL.Query().Get("mid"); mid != "" {
		m, err = h.cfg.Store.Message(ctx, mid)
	} else {
		m, err = h.cfg.Store.MessageByChannelID(ctx, agent.ChannelSMS, sid)
	}
	if errors.Is(err, agent.ErrNotFound) {
		h.cfg.Log.Warn("sms: status for an unknown message", "sid", sid)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if err != nil {
		h.cfg.Log.Error("sms: status: find message", "sid", sid, "err", err)
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	}
	if known {
		moved, err := h.cfg.Store.SetMessageStatus(ctx, m.ID, st, sid)
		if err != nil {
			h.cfg.Log.Error("sms: status: set", "message_id", m.ID, "err", err)
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
		h.cfg.Log.Info("sms: status", "message_id", m.ID, "status", st, "applied", moved, "error_code", form.Get("ErrorCode"))
	}
	if form.Get("ErrorCode") == OptedOutCode {
		if err := h.optOut(ctx, m); err != nil {
			h.cfg.Log.Error("sms: status: record opt-out", "message_id", m.ID, "err", err)
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// optOut records that the borrower has opted out of SMS: Twilio refused to
// deliver because they replied STOP.
func (h *Handler) optOut(ctx context.Context, m agent.Message) error {
	c, err := h.cfg.Store.Conversation(ctx, m.ConversationID)
	if err != nil {
		return fmt.Errorf("sms: opt-out: %w", err)
	}
	err = h.cfg.Store.SetConsent(ctx, agent.Consent{
		AccountID: c.AccountID, Channel: agent.ChannelSMS, OptedOut: true,
		Source: "twilio " + OptedOutCode, UpdatedAt: h.cfg.Clock.Now(),
	})
	if err != nil {
		return fmt.Errorf("sms: opt-out: %w", err)
	}
	h.cfg.Log.Info("sms: opted out by carrier", "account_id", c.AccountID, "message_id", m.ID)
	return nil
}

// deliveryStatus maps Twilio's MessageStatus onto ours; statuses of inbound
// messages and unknown ones report false.
func deliveryStatus(s string) (agent.MessageStatus, bool) {
	switch s {
	case "accepted", "scheduled", "queued":
		return agent.StatusQueued, true
	case "sending":
		return agent.StatusSending, true
	case "sent", "partially_delivered":
		return agent.StatusSent, true
	case "delivered":
		return agent.StatusDelivered, true
	case "read":
		return agent.StatusRead, true
	case "undelivered":
		return agent.StatusUndelivered, true
	case "failed", "canceled":
		return agent.StatusFailed, true
	}
	return "", false
}
