package main

import (
	"context"
	"fmt"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/postgres"
	"github.com/parley-collections/parley/agent/sqlite"
)

// defaultDBPath is where the embedded store lives when nothing says otherwise.
const defaultDBPath = "./parley.db"

// openStore opens PostgreSQL when DATABASE_URL is set, otherwise the SQLite
// file at dbPath (PARLEY_DB when dbPath is empty, then ./parley.db). Either
// store is migrated before it is returned.
func openStore(ctx context.Context, getenv func(string) string, dbPath string) (agent.Store, error) {
	if u := getenv("DATABASE_URL"); u != "" {
		s, err := postgres.Open(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		return s, nil
	}
	s, err := sqlite.Open(ctx, dbPathFor(getenv, dbPath))
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return s, nil
}

// dbPathFor is the SQLite file to use: dbPath, else PARLEY_DB, else ./parley.db.
func dbPathFor(getenv func(string) string, dbPath string) string {
	if dbPath == "" {
		dbPath = getenv("PARLEY_DB")
	}
	if dbPath == "" {
		dbPath = defaultDBPath
	}
	return dbPath
}
