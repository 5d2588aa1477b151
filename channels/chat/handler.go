package chat

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
)

// Orchestrator stores a borrower's message and runs its turn.
// *agent.Orchestrator implements it.
type Orchestrator interface {
	// Receive stores an inbound message idempotently on (channel, channel
	// message id) and reports whether it was new.
	Receive(ctx context.Context, in agent.Inbound) (agent.Message, bool, error)
	// Process runs the turn of a stored inbound message once; a message
	// already processed comes back as Duplicate.
	Process(ctx context.Context, messageID string, opts ...agent.TurnOption) (agent.TurnResult, error)
}

// Store is what the chat channel reads. agent.Store implements it.
type Store interface {
	Account(ctx context.Context, id string) (agent.Account, error)
	Conversation(ctx context.Context, id string) (agent.Conversation, error)
	OpenConversation(ctx context.Context, accountID string, ch agent.Channel) (agent.Conversation, error)
	Message(ctx context.Context, id string) (agent.Message, error)
	Messages(ctx context.Context, conversationID string, afterSeq int64, limit int) ([]agent.Message, error)
}

// DemoAccount is a borrower the demo page offers.
type DemoAccount struct {
	ID           string
	Name         string
	Locale       string // en or zh
	Jurisdiction string
}

// Config wires a Handler. Secret, Orchestrator, Store and Bus are required.
type Config struct {
	// Secret verifies chat tokens (PARLEY_CHAT_SECRET), at least MinSecretLen bytes.
	Secret       []byte
	Orchestrator Orchestrator
	Store        Store
	Bus          agent.Bus
	// Logger receives connection events, never message text; default discards.
	Logger *slog.Logger
	// Clock checks token expiry and feeds the rate limiter; default the wall clock.
	Clock agent.Clock
	// DemoAccounts lists the borrowers the demo page offers. When nil, /chat/
	// shows how to embed the widget and mints nothing.
	DemoAccounts func(ctx context.Context) ([]DemoAccount, error)
	// DemoTokenTTL is how long a demo page token lives; default 30 minutes.
	DemoTokenTTL time.Duration
	// PublicURL is PARLEY_PUBLIC_URL: when set, the demo page's
	// Content-Security-Policy lets it open the socket at that host; else
	// only at 'self'. The Host header is never used.
	PublicURL string
	// MaxTokenTTL is how far ahead of now a token's expiry may be; a token
	// minted to live longer is refused. Default DefaultMaxTokenTTL (24h).
	MaxTokenTTL time.Duration
	// TokenAudience and TokenIssuer, when set, are the aud and iss a token
	// must carry.
	TokenAudience, TokenIssuer string
	// AllowedOrigins are the origins ("https://app.example.com") of host
	// pages on other sites that may open the socket; same-origin pages and
	// clients that send no Origin are always allowed.
	AllowedOrigins []string
	// LinkHosts are the hosts (the payment host, the deployment's own
	// sites) whose https links the widget on the demo page makes clickable.
	LinkHosts []string
	// PongWait is how long a silent socket lives; default 60s. Pings go out
	// every 9/10 of it.
	PongWait time.Duration
	// WriteTimeout bounds one write; default 10s.
	WriteTimeout time.Duration
	// SendQueue is how many frames may wait for a socket before the socket
	// is closed as too slow; default 64.
	SendQueue int
	// TypingInterval is how often {"type":"typing"} is repeated while a turn
	// runs; default 4s (the widget hides the indicator after 15s of silence).
	TypingInterval time.Duration
	// TurnTimeout bounds storing a message and running its turn; default 30s.
	// A turn outlives its socket: replies reach the borrower on reconnect.
	TurnTimeout time.Duration
}

// Socket limits of the product contract.
const (
	readLimit     = 16 << 10 // bytes in one client frame
	ratePerSecond = 5        // client frames a second, sustained
	rateBurst     = 10
	maxMalformed  = 5 // malformed frames before the socket is closed
)

// Internal bounds.
const (
	turnQueue       = 16 // messages waiting for their turn on one socket
	closeGrace      = 2 * time.Second
	replayPage      = 100 // messages read from the store at a time
	hubFetchTimeout = 5 * time.Second
)

// Handler serves /chat/ws, /chat/widget.js and /chat/. Run must be running
// for replies to reach open sockets.
type Handler struct {
	cfg      Config
	log      *slog.Logger
	origins  map[string]bool
	upgrader websocket.Upgrader
	hub      *hub
	mux      *http.ServeMux

	// closing and closed, when set by tests, are told when the server
	// decides to close a socket and when a socket has closed, with why.
	closing func(accountID string, code int, reason string)
	closed  func(accountID string, code int, reason string)
}

// NewHandler checks cfg, fills its defaults and returns the handler.
func NewHandler(cfg Config) (*Handler, error) {
	if len(cfg.Secret) < MinSecretLen {
		return nil, errShortSecret
	}
	if cfg.Orchestrator == nil || cfg.Store == nil || cfg.Bus == nil {
		return nil, errors.New("chat: orchestrator, store and bus are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Clock == nil {
		cfg.Clock = agent.SystemClock{}
	}
	if cfg.DemoTokenTTL <= 0 {
		cfg.DemoTokenTTL = 30 * time.Minute
	}
	if cfg.MaxTokenTTL <= 0 {
		cfg.MaxTokenTTL = DefaultMaxTokenTTL
	}
	if cfg.PongWait <= 0 {
		cfg.PongWait = 60 * time.Second
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = 10 * time.Second
	}
	if cfg.SendQueue <= 0 {
		cfg.SendQueue = 64
	}
	if cfg.TypingInterval <= 0 {
		cfg.TypingInterval = 4 * time.Second
	}
	if cfg.TurnTimeout <= 0 {
		cfg.TurnTimeout = 30 * time.Second
	}
	origins := map[string]bool{}
	for _, o := range cfg.AllowedOrigins {
		u, err := url.Parse(o)
		if err != nil || u.Scheme == "" || u.Host == "" || (u.Path != "" && u.Path != "/") {
			return nil, fmt.Errorf("chat: allowed origin %q: want scheme://host[:port]", o)
		}
		origins[strings.ToLower(u.Scheme+"://"+u.Host)] = true
	}
	h := &Handler{cfg: cfg, log: cfg.Logger, origins: origins}
	h.upgrader = websocket.Upgrader{
		HandshakeTimeout: 10 * time.Second,
		// A small read buffer of its own, and write buffers borrowed only
		// while writing: an idle socket holds little.
		WriteBufferPool: &sync.Pool{},
		ReadBufferSize:  1024,
		CheckOrigin:     h.checkOrigin,
	}
	h.hub = newHub(h)
	h.mux = http.NewServeMux()
	h.mux.HandleFunc("GET /chat/ws", h.serveWS)
	h.mux.HandleFunc("GET /chat/widget.js", h.serveWidget)
	h.mux.HandleFunc("GET /chat/{$}", h.serveDemo)
	return h, nil
}

// ServeHTTP routes /chat/ws, /chat/widget.js and /chat/.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// Run subscribes to the bus and writes delivered messages to this replica's
// sockets until ctx ends; then it closes every socket as going away.
func (h *Handler) Run(ctx context.Context) error {
	h.hub.run(ctx)
	return nil
}

// checkOrigin allows clients that send no Origin (not a browser), same-origin
// pages and the configured host origins.
func (h *Handler) checkOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	if strings.EqualFold(u.Host, r.Host) {
		return true
	}
	return h.origins[strings.ToLower(u.Scheme+"://"+u.Host)]
}

// serveWS authenticates the token, upgrades and runs the socket until it closes.
func (h *Handler) serveWS(w http.ResponseWriter, r *http.Request) {
	accountID, err := checkToken(h.cfg.Secret, r.URL.Query().Get("token"), h.cfg.Clock.Now(),
		tokenRules{maxTTL: h.cfg.MaxTokenTTL, audience: h.cfg.TokenAudience, issuer: h.cfg.TokenIssuer})
	if err != nil {
		h.log.Info("chat: refused token", "err", err)
		w.Header().Set("WWW-Authenticate", `Bearer realm="parley-chat"`)
		http.Error(w, "invalid or missing chat token", http.StatusUnauthorized)
		return
	}
	if _, err := h.cfg.Store.Account(r.Context(), accountID); err != nil {
		if errors.Is(err, agent.ErrNotFound) {
			h.log.Info("chat: token for unknown account", "account", accountID)
			http.Error(w, "invalid or missing chat token", http.StatusUnauthorized)
			return
		}
		h.log.Error("chat: account lookup", "err", err)
		http.Error(w, "chat unavailable", http.StatusServiceUnavailable)
		return
	}
	ws, err := h.upgrader.Upgrade(w, r, nil)
	if err != nil {
		// The upgrader has answered the client already.
		h.log.Info("chat: upgrade failed", "err", err)
		return
	}
	// The socket outlives this request: returning frees the HTTP server's
	// buffers for it. Shutdown reaches it through the hub.
	c := newConn(h, ws, accountID)
	go c.run(context.Background(), r.URL.Query().Get("after"))
}
