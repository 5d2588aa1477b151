package voice

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"github.com/twilio/twilio-go/twiml"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
)

// The routes a Handler serves.
const (
	CallPath   = "/twilio/voice"        // POST: Twilio's call webhook, answered with TwiML
	RelayPath  = "/twilio/voice/relay"  // GET: the ConversationRelay websocket
	StatusPath = "/twilio/voice/status" // POST: outbound call status callbacks
	ActionPath = "/twilio/voice/action" // POST: <Connect action>, when a relay session ends
)

// Orchestrator runs a turn and streams its guard-approved replies (agent.Orchestrator).
type Orchestrator interface {
	Handle(ctx context.Context, in agent.Inbound, opts ...agent.TurnOption) (agent.TurnResult, error)
}

// TurnFunc runs one turn and hands each guard-approved chunk of its replies
// to stream as soon as it is ready.
type TurnFunc func(ctx context.Context, in agent.Inbound, stream func(chunk string)) (agent.TurnResult, error)

// Turns runs turns through an orchestrator's Handle with agent.WithStream.
func Turns(o Orchestrator) TurnFunc {
	return func(ctx context.Context, in agent.Inbound, stream func(string)) (agent.TurnResult, error) {
		return o.Handle(ctx, in, agent.WithStream(stream))
	}
}

// InterruptRecorder records what a caller heard of a reply before they
// spoke over it, so the transcript shows what was actually said
// (agent.Orchestrator).
type InterruptRecorder interface {
	RecordInterrupt(ctx context.Context, in agent.Interruption) error
}

// OutcomeRecorder records the outcome of a call Parley placed as a contact
// attempt (agent.Orchestrator).
type OutcomeRecorder interface {
	RecordCallOutcome(ctx context.Context, c agent.CallOutcome) error
}

// GreetingRequest describes the call a greeting is for.
type GreetingRequest struct {
	CallSid   string
	From      string
	To        string
	Direction string // "inbound" or "outbound-api"
	AccountID string // known for calls Parley placed
	MessageID string // the greeting the guard allowed when Parley placed the call
}

// Greeting is the first thing said on a call, already allowed by the guard.
type Greeting struct {
	Text     string // empty: say nothing, wait for the caller
	Language string // "en-US" or "zh-CN"; "en" and "zh" are understood
}

// GreetingFunc chooses a call's greeting and language.
type GreetingFunc func(ctx context.Context, r GreetingRequest) (Greeting, error)

// FarewellRequest describes a call that a person should take over but no
// one can: no handoff number is configured.
type FarewellRequest struct {
	CallSid        string
	ConversationID string // from the handoffData Parley sent; may be empty
	Phone          string // the borrower's number
	Reason         string // ReasonHandoff, or "session-failed"
}

// FarewellFunc chooses what is said, guard-approved and in the borrower's
// language, before such a call ends.
type FarewellFunc func(ctx context.Context, r FarewellRequest) (Greeting, error)

// UnknownCallerRequest describes what a caller from a number no account
// has said (agent.ErrUnknownSender).
type UnknownCallerRequest struct {
	CallSid string
	Phone   string
	Text    string
}

// UnknownCallerFunc chooses what such a caller hears in answer,
// guard-approved and in the language they spoke.
type UnknownCallerFunc func(ctx context.Context, r UnknownCallerRequest) (Greeting, error)

// Config wires a Handler. Settings, Turn and Greeting are required.
type Config struct {
	Settings   twilio.Settings
	Turn       TurnFunc // usually Turns(orchestrator)
	Greeting   GreetingFunc
	Interrupts InterruptRecorder // optional
	Outcomes   OutcomeRecorder   // optional: without it status callbacks are only logged
	Log        *slog.Logger      // default discards
	// HandoffNumber is where a call a person should take over is put
	// through (<Dial>), in E.164 (PARLEY_VOICE_HANDOFF_NUMBER). Without it
	// the caller hears Farewell and the call ends.
	HandoffNumber string
	Farewell      FarewellFunc // optional: without it such a call just ends
	// UnknownCaller answers a caller from a number no account has, whom
	// no turn can answer; optional: without it they hear nothing.
	UnknownCaller UnknownCallerFunc
	ReadLimit     int64         // largest inbound frame; default 64 KB
	PingPeriod    time.Duration // default 30s
	PongWait      time.Duration // default 60s; must exceed PingPeriod
	WriteWait     time.Duration // default 10s
	DTMFPause     time.Duration // digits are a turn after this pause or '#'; default 2s
	// RelayKey signs the per-call relay tokens (token.go); every replica
	// must have the same. Default: a random key of this process.
	RelayKey []byte
	// RelayTokens spends each relay token once across replicas: the
	// store. Default: once in this process.
	RelayTokens agent.TokenSpender
	// RelayTokenTTL is how long a relay URL may wait for Twilio to open
	// it; default 5 minutes.
	RelayTokenTTL time.Duration
	Clock         agent.Clock // default agent.SystemClock
}

// Handler serves CallPath, RelayPath, StatusPath and ActionPath.
type Handler struct {
	cfg      Config
	verifier *twilio.Verifier
	tokens   relayTokens
	upgrader websocket.Upgrader
	mux      *http.ServeMux

	base     context.Context // sessions end when it is cancelled
	cancel   context.CancelFunc
	mu       sync.Mutex // guards closed against sessions.Add after Close
	closed   bool
	sessions sync.WaitGroup
}

// NewHandler validates cfg and fills its defaults.
func NewHandler(cfg Config) (*Handler, error) {
	if cfg.Turn == nil || cfg.Greeting == nil {
		return nil, errors.New("voice: new handler: Turn and Greeting are required")
	}
	if cfg.HandoffNumber != "" && !e164.MatchString(cfg.HandoffNumber) {
		return nil, fmt.Errorf("voice: new handler: handoff number %q is not in E.164 form (+15551234567)", cfg.HandoffNumber)
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.ReadLimit <= 0 {
		cfg.ReadLimit = 64 << 10
	}
	if cfg.PingPeriod <= 0 {
		cfg.PingPeriod = 30 * time.Second
	}
	if cfg.PongWait <= cfg.PingPeriod {
		cfg.PongWait = 2 * cfg.PingPeriod
	}
	if cfg.WriteWait <= 0 {
		cfg.WriteWait = 10 * time.Second
	}
	if cfg.DTMFPause <= 0 {
		cfg.DTMFPause = 2 * time.Second
	}
	if len(cfg.RelayKey) == 0 {
		cfg.RelayKey = make([]byte, 32)
		_, _ = rand.Read(cfg.RelayKey)
	}
	if cfg.RelayTokens == nil {
		cfg.RelayTokens = &memorySpender{spent: map[string]time.Time{}}
	}
	if cfg.RelayTokenTTL <= 0 {
		cfg.RelayTokenTTL = 5 * time.Minute
	}
	if cfg.Clock == nil {
		cfg.Clock = agent.SystemClock{}
	}
	h := &Handler{
		cfg:      cfg,
		verifier: twilio.NewVerifier(cfg.Settings, cfg.Log),
		tokens:   relayTokens{key: cfg.RelayKey, spent: cfg.RelayTokens, ttl: cfg.RelayTokenTTL, clock: cfg.Clock},
		// CheckOrigin stays nil: Twilio sends no Origin, and a browser from
		// another origin is refused.
		upgrader: websocket.Upgrader{ReadBufferSize: 4096, WriteBufferSize: 4096},
		mux:      http.NewServeMux(),
	}
	h.base, h.cancel = context.WithCancel(context.Background())
	h.mux.HandleFunc("POST "+CallPath, h.call)
	h.mux.HandleFunc("GET "+RelayPath, h.relay)
	h.mux.HandleFunc("POST "+StatusPath, h.status)
	h.mux.HandleFunc("POST "+ActionPath, h.action)
	return h, nil
}

// e164 is a phone number in international form.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// ServeHTTP routes to the call webhook, the relay, the status callback and
// the Connect action.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// Close ends every relay session (cancelling turns in flight) and waits for
// them until ctx ends. The HTTP server's Shutdown does not, since the
// sockets are hijacked.
func (h *Handler) Close(ctx context.Context) error {
	h.mu.Lock()
	h.closed = true
	h.mu.Unlock()
	h.cancel()
	done := make(chan struct{})
	go func() { h.sessions.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("voice: close: %w", ctx.Err())
	}
}

// readForm reads the form of a signed webhook from our Twilio account; it
// has answered the request itself when ok is false.
func (h *Handler) readForm(w http.ResponseWriter, r *http.Request) (form url.Values, ok bool) {
	if form, ok = h.verifier.ReadForm(w, r); !ok {
		return nil, false
	}
	if !h.verifier.AccountMatches(form) {
		h.cfg.Log.Warn("voice: webhook for another account", "path", r.URL.Path, "account_sid", form.Get("AccountSid"))
		http.Error(w, "wrong account", http.StatusForbidden)
		return nil, false
	}
	return form, true
}

// call answers Twilio's call webhook with a ConversationRelay connection.
func (h *Handler) call(w http.ResponseWriter, r *http.Request) {
	form, ok := h.readForm(w, r)
	if !ok {
		return
	}
	req := GreetingRequest{
		CallSid: form.Get("CallSid"), From: form.Get("From"), To: form.Get("To"),
		Direction: form.Get("Direction"), AccountID: r.URL.Query().Get("aid"), MessageID: r.URL.Query().Get("mid"),
	}
	if req.CallSid == "" {
		http.Error(w, "CallSid is required", http.StatusBadRequest)
		return
	}
	g, err := h.cfg.Greeting(r.Context(), req)
	if err != nil {
		// The call still connects; the caller speaks first.
		h.cfg.Log.Error("voice: greeting", "call", req.CallSid, "err", err)
		g = Greeting{}
	}
	relay := &twiml.VoiceConversationRelay{
		Url:             h.cfg.Settings.WebsocketURL(RelayPath),
		Language:        relayLanguage(g.Language),
		WelcomeGreeting: g.Text,
		Interruptible:   "any",
		DtmfDetection:   "true",
	}
	// Twilio resolves a relative action against this webhook's URL.
	action := ActionPath
	if h.cfg.Settings.PublicURL != "" {
		action = h.cfg.Settings.URL(ActionPath)
	} else {
		relay.Url = "wss://" + r.Host + RelayPath
	}
	if req.AccountID != "" {
		// For Twilio's own logs: the relay takes the account from the token.
		relay.InnerElements = []twiml.Element{&twiml.VoiceParameter{Name: accountParam, Value: req.AccountID}}
	}
	claims := relayClaims{CallSid: req.CallSid, AccountID: req.AccountID, Borrower: req.From, Ours: req.To, Greeted: g.Text != ""}
	if strings.HasPrefix(req.Direction, "outbound") {
		claims.Borrower, claims.Ours = req.To, req.From
	}
	tok, err := h.tokens.mint(claims)
	if err != nil {
		h.cfg.Log.Error("voice: relay token", "call", req.CallSid, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	relay.Url += "?" + relayTokenParam + "=" + tok
	doc, err := twiml.Voice([]twiml.Element{&twiml.VoiceConnect{Action: action, InnerElements: []twiml.Element{relay}}})
	if err != nil {
		h.cfg.Log.Error("voice: twiml", "call", req.CallSid, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h.cfg.Log.Info("voice: call connected to relay", "call", req.CallSid, "from", twilio.Redact(req.From), "direction", req.Direction)
	w.Header().Set("Content-Type", "text/xml")
	_, _ = w.Write([]byte(doc))
}

// accountParam is the <Parameter> that names the account of a call Parley
// placed in setup.customParameters; the relay does not believe it (the
// token carries the account).
const accountParam = "accountId"

func relayLanguage(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return "zh-CN"
	}
	return "en-US"
}

// relay upgrades a signed ConversationRelay connection and runs its session.
func (h *Handler) relay(w http.ResponseWriter, r *http.Request) {
	if !h.verifier.CheckUpgrade(w, r) {
		return
	}
	claims, err := h.tokens.spend(r.Context(), r.URL.Query().Get(relayTokenParam))
	if errors.Is(err, errRelayToken) {
		h.cfg.Log.Warn("voice: relay refused", "err", err, "remote", r.RemoteAddr)
		http.Error(w, "invalid or used relay token", http.StatusForbidden)
		return
	}
	if err != nil {
		h.cfg.Log.Error("voice: relay token", "err", err)
		http.Error(w, "cannot check the relay token", http.StatusServiceUnavailable)
		return
	}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	h.sessions.Add(1)
	h.mu.Unlock()
	defer h.sessions.Done()
	conn, err := h.upgrader.Upgrade(w, r, nil)
	if err != nil {
		h.cfg.Log.Warn("voice: upgrade", "err", err) // Upgrade has answered already
		return
	}
	newSession(h, conn, claims).run(r.Context())
}
