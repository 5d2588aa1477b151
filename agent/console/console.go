package console

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/gorilla/websocket"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// Orchestrator is what the console asks of the agent: *agent.Orchestrator
// implements it. Every action that changes a conversation goes through it,
// so the guard and the ownership rules apply to the console as to the AI.
type Orchestrator interface {
	TakeOver(ctx context.Context, conversationID, user string) error
	HandBack(ctx context.Context, conversationID, user string) error
	HandBackKeeping(ctx context.Context, conversationID, user string, keepDeferred bool) error
	CancelDeferred(ctx context.Context, messageID, user string) error
	SupervisorSend(ctx context.Context, conversationID, user, text string) (agent.Message, policies.Decision, error)
	SupervisorConfirm(ctx context.Context, conversationID, user, text string) (agent.Message, policies.Decision, error)
	Outreach(ctx context.Context, accountID string, ch agent.Channel) (agent.TurnResult, error)
}

// ReachScheduler runs an outreach later: riverjobs.Jobs implements it.
type ReachScheduler interface {
	ScheduleReach(ctx context.Context, accountID string, ch agent.Channel, at time.Time) error
}

// Config wires a Handler. Store, Orchestrator and Bus are required.
type Config struct {
	Store        agent.ConsoleStore
	Orchestrator Orchestrator
	Bus          agent.Bus
	Clock        agent.Clock // default agent.SystemClock
	// Reach schedules an outreach for a later time (the jobs, River);
	// optional: without it an outreach request can only go now.
	Reach  ReachScheduler
	Logger *slog.Logger // default discards
	// Secure marks the session cookie Secure: set it when the console is
	// served over TLS (directly or behind a proxy that terminates it).
	Secure bool
	// DemoPassword, when set, makes New ensure a `supervisor` user with that
	// password exists (demo mode, design.md section 3): an existing user of
	// that name gets it as its password, and its sessions end.
	DemoPassword string
	// SessionTTL is how long a login lasts; default 12h.
	SessionTTL time.Duration
	// NameAttempts is how many failed logins one user name may have
	// before each further attempt waits (throttle.go); default 5.
	NameAttempts int
	// AddrAttempts is the same per source address; default 20.
	AddrAttempts int
	// LimitWindow is the first wait after the free failures; each further
	// failure doubles it. Default 1s.
	LimitWindow time.Duration
	// NameMaxWait caps a user name's wait, so that failing on purpose
	// cannot keep its owner out for long; default 1 minute.
	NameMaxWait time.Duration
	// AddrMaxWait caps a source address's wait; default 15 minutes.
	AddrMaxWait time.Duration
	// TrustedProxies are the proxies whose X-Forwarded-For names the
	// client and whose X-Forwarded-Proto says the request came over TLS
	// (PARLEY_TRUSTED_PROXIES). Nobody else's forwarding headers count.
	TrustedProxies []netip.Prefix
}

// Handler serves the console pages under /console/ and the JSON API under
// /api/. Mount it on both prefixes.
type Handler struct {
	cfg      Config
	log      *slog.Logger
	mux      *http.ServeMux
	pages    *template.Template
	static   http.Handler
	throttle throttle
	listed   listedSet // list reads recorded (audit.go)
	upgrader websocket.Upgrader
	closer
}

//go:embed assets
var assets embed.FS

// New checks cfg, fills its defaults and, in demo mode, ensures the demo
// supervisor exists.
func New(ctx context.Context, cfg Config) (*Handler, error) {
	if cfg.Store == nil || cfg.Orchestrator == nil || cfg.Bus == nil {
		return nil, errors.New("console: store, orchestrator and bus are required")
	}
	dummyHash() // before the first login, which must not take longer for it
	if cfg.Clock == nil {
		cfg.Clock = agent.SystemClock{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.NameAttempts <= 0 {
		cfg.NameAttempts = 5
	}
	if cfg.AddrAttempts <= 0 {
		cfg.AddrAttempts = 20
	}
	if cfg.LimitWindow <= 0 {
		cfg.LimitWindow = time.Second
	}
	if cfg.NameMaxWait <= 0 {
		cfg.NameMaxWait = time.Minute
	}
	if cfg.AddrMaxWait <= 0 {
		cfg.AddrMaxWait = 15 * time.Minute
	}
	pages, err := template.New("").Funcs(pageFuncs).ParseFS(assets, "assets/*.html")
	if err != nil {
		return nil, fmt.Errorf("console: templates: %w", err)
	}
	static, err := fs.Sub(assets, "assets/static")
	if err != nil {
		return nil, fmt.Errorf("console: assets: %w", err)
	}
	h := &Handler{
		cfg:    cfg,
		log:    cfg.Logger,
		mux:    http.NewServeMux(),
		pages:  pages,
		static: http.StripPrefix("/console/static/", http.FileServerFS(static)),
		// The default CheckOrigin refuses a handshake whose Origin is not
		// the request's host: no cross-site page can open the live socket.
		upgrader: websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 4096},
		closer:   closer{closing: make(chan struct{})},
	}
	h.throttle = throttle{store: cfg.Store, cfg: &h.cfg}
	if cfg.DemoPassword != "" {
		if err := h.ensureDemoUser(ctx); err != nil {
			return nil, err
		}
	}
	h.routes()
	return h, nil
}

// DemoUser is the name of the supervisor demo mode creates.
const DemoUser = "supervisor"

func (h *Handler) ensureDemoUser(ctx context.Context) error {
	_, err := h.cfg.Store.UserByName(ctx, DemoUser)
	if err == nil {
		if err := SetPassword(ctx, h.cfg.Store, DemoUser, h.cfg.DemoPassword); err != nil {
			return fmt.Errorf("console: demo user: %w", err)
		}
		return nil
	}
	if !errors.Is(err, agent.ErrNotFound) {
		return fmt.Errorf("console: demo user: %w", err)
	}
	if _, err := AddUser(ctx, h.cfg.Store, DemoUser, agent.RoleSupervisor, h.cfg.DemoPassword); err != nil && !errors.Is(err, agent.ErrConflict) {
		return fmt.Errorf("console: demo user: %w", err)
	}
	return nil
}

// ServeHTTP answers /console/ and /api/ requests.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
	h.mux.ServeHTTP(w, r)
}

// access is what a route demands of the caller.
type access int

const (
	read       access = iota // any signed-in user; no state change
	write                    // any signed-in user; a state change of their own (logout)
	act                      // supervisor or admin; a state change
	administer               // admin only; no state change
)

func (h *Handler) routes() {
	m := h.mux
	// JSON API.
	m.HandleFunc("POST /api/login", h.login)
	m.Handle("POST /api/logout", h.api(write, h.logout))
	m.Handle("GET /api/me", h.api(read, h.me))
	m.Handle("GET /api/conversations", h.api(read, h.listConversations))
	m.Handle("GET /api/conversations/{id}", h.api(read, h.getConversation))
	m.Handle("GET /api/conversations/{id}/export", h.api(read, h.exportConversation))
	m.Handle("POST /api/conversations/{id}/takeover", h.api(act, h.takeOver))
	m.Handle("POST /api/conversations/{id}/handback", h.api(act, h.handBack))
	m.Handle("POST /api/conversations/{id}/messages", h.api(act, h.send))
	m.Handle("POST /api/conversations/{id}/messages/{mid}/cancel", h.api(act, h.cancelDeferred))
	m.Handle("POST /api/conversations/{id}/messages/{mid}/dismiss", h.api(act, h.dismissDraft))
	m.Handle("POST /api/conversations/{id}/claim", h.api(act, h.claim))
	m.Handle("POST /api/conversations/{id}/assign", h.api(act, h.assign))
	m.Handle("POST /api/conversations/{id}/notes", h.api(act, h.addNote))
	m.Handle("GET /api/conversations/{id}/canned", h.api(read, h.cannedReplies))
	m.Handle("GET /api/queues", h.api(read, h.queues))
	m.Handle("GET /api/accounts", h.api(read, h.listAccounts))
	m.Handle("GET /api/accounts/{id}", h.api(read, h.getAccount))
	m.Handle("POST /api/outreach", h.api(act, h.outreach))
	m.Handle("GET /api/audit/export", h.api(administer, h.exportAudit))
	// Pages, assets and the live socket.
	m.HandleFunc("GET /console/login", h.loginPage)
	m.Handle("GET /console/static/", h.static)
	m.Handle("GET /console/ws", h.page(h.live))
	m.Handle("GET /console/{$}", h.page(h.listPage))
	m.Handle("GET /console/queues", h.page(h.queuesPage))
	m.Handle("GET /console/conversations/{id}", h.page(h.conversationPage))
	m.Handle("GET /console/conversations/{id}/print", h.page(h.printPage))
	m.HandleFunc("GET /console", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/console/", http.StatusMovedPermanently)
	})
}
