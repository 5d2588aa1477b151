package main

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/parley-collections/parley/agent/postgres"
	"github.com/parley-collections/parley/agent/riverjobs"
)

// openJobs starts River on the store's database: PostgreSQL through the
// store's pool, or the SQLite file through a handle of its own (WAL lets
// River's writes and the store's take turns).
func (a *app) openJobs(ctx context.Context) (*riverjobs.Jobs, error) {
	if pg, ok := a.store.(*postgres.Store); ok {
		j, err := riverjobs.NewPostgres(ctx, pg.Pool(), a.log)
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
	j, err := riverjobs.NewSQLite(ctx, db, a.log)
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	return j, nil
}
