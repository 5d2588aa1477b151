package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

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
// on voice) for deferred sends, reminders and reach, and the app for the
// periodic sweep and the closing of spoken replies left sending.
type jobRunner struct {
	agent.Outreacher
	app *app
}

// Sweep wakes the loops that run stored work no process is running
// (riverjobs.SweepArgs): the pending sweep, for inbound messages without a
// turn, and the outbox dispatcher, for rows due (retries, expired leases,
// rows another replica enqueued); each runs one pass at a time, so a wake
// while one runs is one more pass after it.
func (r jobRunner) Sweep(context.Context) error {
	r.app.orch.WakePending()
	r.app.disp.Kick()
	return nil
}

// CloseStaleStreams closes the spoken replies a stopped process left
// sending (riverjobs.StreamsArgs).
func (r jobRunner) CloseStaleStreams(ctx context.Context) error {
	r.app.closeStaleStreamsOnce(ctx, r.app.store)
	return nil
}
