package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/parley-collections/parley/agent"

	"github.com/parley-collections/parley/agent/postgres"
	"github.com/parley-collections/parley/agent/riverjobs"
)

// openJobs starts River on the store's database: PostgreSQL through the
// store's pool, or the SQLite file through a handle of its own (WAL lets
// River's writes and the store's take turns).
func (a *app) openJobs(ctx context.Context) (*riverjobs.Jobs, error) {
	log := a.riverLog()
	if pg, ok := a.store.(*postgres.Store); ok {
		j, err := riverjobs.NewPostgres(ctx, pg.Pool(), log)
		if err != nil {
			return nil, fmt.Errorf("jobs: %w", err)
		}
		return j, nil
	}
	db, err := sql.Open("sqlite", "file:"+a.cfg.DBPath+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(FULL)")
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	db.SetMaxOpenConns(1)
	a.closers = append(a.closers, func() { _ = db.Close() })
	j, err := riverjobs.NewSQLite(ctx, db, log)
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	return j, nil
}

// riverLog is the logger River gets: its own start, stop and polling
// messages are noise at info, so it logs warnings and errors only, unless
// PARLEY_LOG_LEVEL=debug asks for everything.
func (a *app) riverLog() *slog.Logger {
	if a.cfg.LogLevel == "debug" {
		return a.log
	}
	return slog.New(minLevel{Handler: a.log.Handler(), min: slog.LevelWarn})
}

// minLevel drops records below min before they reach the handler.
type minLevel struct {
	slog.Handler
	min slog.Level
}

func (h minLevel) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

func (h minLevel) WithAttrs(as []slog.Attr) slog.Handler {
	return minLevel{Handler: h.Handler.WithAttrs(as), min: h.min}
}

func (h minLevel) WithGroup(name string) slog.Handler {
	return minLevel{Handler: h.Handler.WithGroup(name), min: h.min}
}

// jobRunner is what River's jobs call back into: the outreach (which dials
// on voice) for deferred sends, reminders and reach, and the app's sweep
// of stored work for the periodic sweep.
type jobRunner struct {
	agent.Outreacher
	sweep func(context.Context) error
}

// Sweep runs the sweep of stored work.
func (r jobRunner) Sweep(ctx context.Context) error { return r.sweep(ctx) }

// sweep wakes the loops that run stored work no process is running
// (riverjobs.SweepArgs): the pending sweep, for inbound messages without a
// turn, and the outbox dispatcher, for rows due (retries, expired leases,
// rows another replica enqueued); each runs one pass at a time, so a wake
// while one runs is one more pass after it. Once a minute it also closes
// the spoken replies a stopped process left sending.
func (a *app) sweep(ctx context.Context) error {
	a.orch.WakePending()
	a.disp.Kick()
	if last := a.streamsClosed.Load(); last == 0 || time.Since(time.Unix(0, last)) >= staleStreamsEvery {
		a.streamsClosed.Store(time.Now().UnixNano())
		a.closeStaleStreamsOnce(ctx, a.store)
	}
	return nil
}
