package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/riverjobs"
)

func init() {
	register(command{name: "serve", summary: "run the server: channels, console, API, workers", run: runServe})
}

func runServe(ctx context.Context, sio IO, args []string) error {
	cfg := defaultConfig()
	if err := cfg.loadEnv(sio.Getenv); err != nil {
		return usageError{err.Error()}
	}
	fs := newFlags(sio, "serve", "[--addr :8080] [--demo] [--db ./parley.db]")
	cfg.bindFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if err := cfg.validate(); err != nil {
		return usageError{err.Error()}
	}
	log := newLogger(sio.Stdout, cfg.LogLevel)
	// The port first: a busy port fails before anything is opened or seeded.
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another server running? choose another port with --addr or PARLEY_ADDR)", cfg.Addr, err)
	}
	a, err := newApp(ctx, cfg, log, sio)
	if err != nil {
		_ = ln.Close()
		return err
	}
	defer a.close()
	a.welcome(sio.Stderr, ln.Addr())
	return a.serve(ctx, ln)
}

// app is a running Parley: the one place where concrete types meet.
type app struct {
	cfg     config
	log     *slog.Logger
	sio     IO
	store   agent.Store
	orch    *agent.Orchestrator
	disp    *agent.Dispatcher
	jobs    *riverjobs.Jobs
	bus     agent.Bus
	metrics *metrics
	mux     *http.ServeMux
	closers []func()
	workers []func(ctx context.Context)
	started time.Time
	// demo is what demo mode set up, for the welcome printed once serving.
	demo demoSetup
	// patterns lists every pattern mounted on mux, for the route table
	// test that checks each rejects requests without its authentication.
	patterns []string
}

// serve answers HTTP on ln and runs the workers until ctx ends, then drains
// in-flight requests, stops the workers and returns.
func (a *app) serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           a.mux,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	wctx, stopWorkers := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	for _, w := range a.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w(wctx)
		}()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	a.log.Info("parley serving", "addr", ln.Addr().String(), "startup", time.Since(a.started).Round(time.Millisecond).String())
	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-errc:
	}
	a.log.Info("parley shutting down: draining requests")
	sctx, cancel := context.WithTimeout(context.Background(), a.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		a.log.Warn("shutdown did not drain in time", "err", err)
	}
	stopWorkers()
	wg.Wait()
	a.log.Info("parley stopped")
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", serveErr)
	}
	return nil
}

func (a *app) close() {
	for i := len(a.closers) - 1; i >= 0; i-- {
		a.closers[i]()
	}
}

// routes mounts the health, readiness and metrics endpoints.
func (a *app) routes() {
	a.handle("GET /healthz", "healthz", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	}))
	a.handle("GET /readyz", "readyz", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := a.store.Ping(ctx); err != nil {
			a.log.Warn("readiness: store unreachable", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "store unreachable")
			return
		}
		fmt.Fprintln(w, "ready")
	}))
	a.handle("GET /pay/links/{token}", "pay_link", http.HandlerFunc(a.resolvePayLink))
	a.handle("GET /{$}", "root", http.RedirectHandler("/start", http.StatusFound))
	a.handle("GET /start", "start", http.HandlerFunc(serveStart))
	a.mux.Handle("GET /metrics", a.metrics.handler())
	a.patterns = append(a.patterns, "GET /metrics")
}

// handle mounts h at pattern with request metrics under route.
func (a *app) handle(pattern, route string, h http.Handler) {
	a.mux.Handle(pattern, a.metrics.instrument(route, h))
	a.patterns = append(a.patterns, pattern)
}

// recoverInbound runs the orchestrator's pending sweep (agent.RunPending):
// at start the turns a stopped process left, then at once what a channel
// releases. What other replicas leave is swept by River's periodic sweep
// (app.sweep), so that every acknowledged message is answered exactly once.
func (a *app) recoverInbound(ctx context.Context) {
	a.orch.RunPending(ctx)
}

// staleStream is how long after its start a spoken reply still sending
// belongs to no running turn: a turn ends within its timeout (seconds).
const staleStream = 5 * time.Minute

// closeStaleStreamsOnce marks the spoken replies a stopped process left
// sending undelivered (agent.StreamCloser), so that the transcript does
// not show them as still being spoken.
func (a *app) closeStaleStreamsOnce(ctx context.Context, sc agent.StreamCloser) {
	ids, err := sc.CloseStaleStreams(ctx, time.Now().Add(-staleStream))
	if err != nil && ctx.Err() == nil {
		a.log.Warn("closing spoken replies left open failed", "err", err)
	}
	if len(ids) > 0 {
		a.log.Warn("spoken replies left open by a stopped process closed as undelivered", "messages", len(ids))
	}
}

// linker signs and resolves payment links.
func (a *app) linker() *agent.PaymentLinker {
	return &agent.PaymentLinker{URLTemplate: a.cfg.PaymentURL, Secret: []byte(a.cfg.PaymentSecret)}
}

// payLinkAnswer is what GET /pay/links/{token} says to the payment page.
type payLinkAnswer struct {
	Status  string       `json:"status"` // payable, void, expired or invalid
	PlanID  string       `json:"plan_id,omitempty"`
	Amount  *agent.Money `json:"amount,omitempty"` // the first installment
	Expires time.Time    `json:"expires,omitzero"`
}

// resolvePayLink tells the payment page whether a link still pays: 200
// payable with the plan and the amount, 410 void when its plan was
// superseded or cancelled, 410 expired, 404 invalid. The token is its own
// authentication (signed, short-lived); the answer holds no personal data.
func (a *app) resolvePayLink(w http.ResponseWriter, r *http.Request) {
	c, err := a.linker().Resolve(r.Context(), a.store, r.PathValue("token"), time.Now())
	ans, code := payLinkAnswer{Status: "payable", PlanID: c.PlanID, Expires: c.Expires}, http.StatusOK
	switch {
	case err == nil:
		ans.Amount = &c.Amount
	case errors.Is(err, agent.ErrLinkVoid):
		ans, code = payLinkAnswer{Status: "void"}, http.StatusGone
	case errors.Is(err, agent.ErrLinkExpired):
		ans, code = payLinkAnswer{Status: "expired"}, http.StatusGone
	case errors.Is(err, agent.ErrLinkInvalid):
		ans, code = payLinkAnswer{Status: "invalid"}, http.StatusNotFound
	default:
		a.log.Warn("payment link: resolving failed", "err", err)
		http.Error(w, "payment link cannot be checked now", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(ans)
}
