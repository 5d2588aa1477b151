package main

import (
	"context"
	"fmt"

	"github.com/parley-collections/parley/agent/postgres"
	"github.com/parley-collections/parley/agent/sqlite"
)

func init() {
	register(command{name: "migrate", summary: "apply store migrations", run: runMigrate})
}

// migrator is what both stores offer besides agent.Store.
type migrator interface {
	Migrated() []string
	Migrate(ctx context.Context) ([]string, error)
}

// runMigrate is `parley migrate [--db FILE]`: it opens the store named by
// DATABASE_URL, or the SQLite file, applies what is pending and says what it
// did. Running it twice is harmless.
func runMigrate(ctx context.Context, sio IO, args []string) error {
	fs := newFlags(sio, "migrate", "[--db FILE]")
	db := fs.String("db", "", "SQLite file when DATABASE_URL is unset (default $PARLEY_DB, then "+defaultDBPath+")")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	st, cfg, err := openStoreFlag(ctx, sio.Getenv, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	m, ok := st.(migrator)
	if !ok {
		return fmt.Errorf("migrate: the store has no migrations")
	}
	applied := m.Migrated()
	more, err := m.Migrate(ctx) // another replica may have raced us; normally nothing
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	applied = append(applied, more...)
	for _, name := range applied {
		fmt.Fprintf(sio.Stdout, "applied %s\n", name)
	}
	where := "PostgreSQL (DATABASE_URL)"
	if _, ok := st.(*sqlite.Store); ok {
		where = "SQLite " + cfg.sqlitePath()
	} else if _, ok := st.(*postgres.Store); !ok {
		where = fmt.Sprintf("%T", st)
	}
	if len(applied) == 0 {
		fmt.Fprintf(sio.Stdout, "%s: already up to date\n", where)
	} else {
		fmt.Fprintf(sio.Stdout, "%s: %d migration(s) applied, up to date\n", where, len(applied))
	}
	return nil
}
