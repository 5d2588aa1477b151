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

// openStore opens PostgreSQL when cfg has a DATABASE_URL, otherwise the
// SQLite file cfg.DBPath (./parley.db when empty). Either store is migrated
// before it is returned.
func openStore(ctx context.Context, cfg config) (agent.Store, error) {
	if cfg.DatabaseURL != "" {
		s, err := postgres.Open(ctx, cfg.DatabaseURL)
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		return s, nil
	}
	s, err := sqlite.Open(ctx, cfg.sqlitePath())
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return s, nil
}

// sqlitePath is the SQLite file to use: --db or PARLEY_DB, else ./parley.db.
func (c config) sqlitePath() string {
	if c.DBPath == "" {
		return defaultDBPath
	}
	return c.DBPath
}

// storeConfig is the environment's configuration with a command's --db
// flag, when given, in place of PARLEY_DB.
func storeConfig(getenv func(string) string, dbFlag string) (config, error) {
	c, err := envConfig(getenv)
	if dbFlag != "" {
		c.DBPath = dbFlag
	}
	return c, err
}

// openStoreFlag opens the store the environment names, with a command's
// --db flag, when given, in place of PARLEY_DB; it returns the
// configuration it opened with.
func openStoreFlag(ctx context.Context, getenv func(string) string, dbFlag string) (agent.Store, config, error) {
	cfg, err := storeConfig(getenv, dbFlag)
	if err != nil {
		return nil, cfg, usagef("%v", err)
	}
	st, err := openStore(ctx, cfg)
	return st, cfg, err
}
