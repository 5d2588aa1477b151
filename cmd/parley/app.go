package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/postgres"
	"github.com/parley-collections/parley/policies"
)

// newApp opens the store, seeds the demo, and wires the orchestrator, the
// outbox dispatcher, the channels and the console.
func newApp(ctx context.Context, cfg config, log *slog.Logger, sio IO) (*app, error) {
	a := &app{cfg: cfg, log: log, sio: sio, metrics: newMetrics(), mux: http.NewServeMux(), started: time.Now()}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	a.store = st
	a.closers = append(a.closers, func() { _ = st.Close() })
	a.bus = agent.NewMemoryBus()
	if pg, ok := st.(*postgres.Store); ok {
		if err := pg.Warm(ctx); err != nil {
			log.Warn("postgres: warming the connections failed; the first requests will open them", "err", err)
		}
		bus := postgres.NewBus(pg.Pool(), log)
		a.bus = bus
		a.workers = append(a.workers, func(ctx context.Context) { _ = bus.Run(ctx) })
	}
	judge, band := cfg.judging()
	guard, err := loadGuardBand(cfg.GuardProfiles, cfg.PaymentURL, band)
	if err != nil {
		a.close()
		return nil, err
	}
	br, err := newBrains(cfg.LLM, log, true)
	if err != nil {
		a.close()
		return nil, err
	}
	jd, err := newJudge(cfg.LLM, log, judge)
	if err != nil {
		a.close()
		return nil, err
	}
	know, closeKnow, err := newKnowledge(ctx, cfg.Qdrant, log, br)
	if err != nil {
		a.close()
		return nil, err
	}
	a.closers = append(a.closers, closeKnow)
	log.Info("brain", "brain", br.name)
	jobs, err := a.openJobs(ctx)
	if err != nil {
		a.close()
		return nil, err
	}
	a.jobs = jobs
	a.disp = &agent.Dispatcher{Store: st, Bus: a.bus, Logger: log, MaxAttempts: cfg.OutboxMaxAttempts, Senders: map[agent.Channel]agent.Sender{}}
	orch, err := agent.NewOrchestrator(agent.Config{
		Store:     st,
		Brain:     br.brain,
		Phraser:   br.phraser,
		Judge:     jd,
		Guard:     guard,
		Bus:       a.bus,
		Knowledge: know,
		Logger:    log,
		Linker:    a.linker(),
		AgentName: cfg.AgentName,
		Identity:  cfg.identity,
		Scheduler: jobs,
		OnEnqueue: a.disp.Kick,
		OnTurn: func(ch agent.Channel, brain string, d time.Duration, err error) {
			a.metrics.observeTurn(string(ch), brain, d, err)
		},
	})
	if err != nil {
		a.close()
		return nil, err
	}
	a.orch = orch
	jobs.Bind(jobRunner{Outreacher: agent.Outreacher{Orchestrator: orch}, app: a})
	if cfg.Demo {
		if err := a.seedDemo(ctx); err != nil {
			a.close()
			return nil, err
		}
	}
	a.indexBorrowers(ctx)
	a.routes()
	if err := a.mountChannels(ctx); err != nil {
		a.close()
		return nil, err
	}
	a.workers = append(a.workers,
		func(ctx context.Context) { _ = a.disp.Run(ctx) },
		func(ctx context.Context) {
			if err := jobs.Run(ctx); err != nil {
				a.log.Error("jobs stopped", "err", err)
			}
		},
		a.recoverInbound,
		func(ctx context.Context) { a.closeStaleStreamsOnce(ctx, a.store) },
		a.reindexBorrowers,
		a.purgeExpired,
	)
	return a, nil
}

// paymentHost is the host of the payment link template, the default
// payment host when it has none.
func paymentHost(paymentURL string) string {
	if u, err := url.Parse(strings.ReplaceAll(paymentURL, "{token}", "t")); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return policies.DefaultPaymentHost
}

// loadGuard returns the embedded profiles, overlaid by a deployment's file,
// allowing links to the payment host.
func loadGuard(path, paymentURL string) (*policies.Guard, error) {
	return loadGuardBand(path, paymentURL, 0)
}

// loadGuardBand is loadGuard with an uncertain band for the judge
// (policies.Options.UncertainBand).
func loadGuardBand(path, paymentURL string, band float32) (*policies.Guard, error) {
	opts := policies.Options{LinkHosts: []string{paymentHost(paymentURL)}, UncertainBand: band}
	if path == "" && opts.LinkHosts[0] == policies.DefaultPaymentHost && band == 0 {
		return policies.Default(), nil
	}
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("guard profiles: %w", err)
		}
		opts.Profiles = [][]byte{b}
	}
	g, err := policies.NewGuard(opts)
	if err != nil {
		return nil, fmt.Errorf("guard profiles %s: %w", path, err)
	}
	return g, nil
}

// seedDemo adds the demo portfolio when missing; the welcome says what a
// newcomer can try.
func (a *app) seedDemo(ctx context.Context) error {
	n, err := agent.SeedDemoKeyed(ctx, a.store, time.Now(), a.cfg.identity)
	if err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	a.demo.on, a.demo.added = true, n
	if a.cfg.IdentityKeyGenerated {
		fmt.Fprintf(a.sio.Stderr, "Identity key generated for this run (identity facts are digested under it; set it to keep imported accounts verifiable):\n  PARLEY_IDENTITY_KEY=%s\n", a.cfg.IdentityKey)
	}
	return nil
}

// indexBorrowers gives the guard the portfolio's borrowers' names and
// addresses as digests, so that no message names one borrower to another.
// A failure leaves the last index in place and is logged.
func (a *app) indexBorrowers(ctx context.Context) {
	ix, err := agent.IndexBorrowers(ctx, a.store)
	if err != nil {
		if ctx.Err() == nil {
			a.log.Warn("indexing the portfolio's borrowers failed", "err", err)
		}
		return
	}
	a.orch.SetBorrowers(ix)
}

// reindexBorrowers reads the portfolio again every few minutes, so that
// accounts imported while serving are known to the guard.
func (a *app) reindexBorrowers(ctx context.Context) {
	t := time.NewTicker(reindexEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			a.indexBorrowers(ctx)
		}
	}
}

// reindexEvery is how often the borrower index is rebuilt.
const reindexEvery = 5 * time.Minute
