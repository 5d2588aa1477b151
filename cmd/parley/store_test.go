package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/postgres"
	"github.com/parley-collections/parley/agent/postgres/pgtest"
	"github.com/parley-collections/parley/agent/sqlite"
)

// env is a fake environment for Getenv.
func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestOpenStoreChoosesSQLite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	flagPath, envPath := filepath.Join(dir, "flag.db"), filepath.Join(dir, "env.db")
	tests := []struct {
		name   string
		getenv func(string) string
		dbPath string
		want   string
	}{
		{"flag wins", env("PARLEY_DB", envPath), flagPath, flagPath},
		{"PARLEY_DB", env("PARLEY_DB", envPath), "", envPath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := storeConfig(tt.getenv, tt.dbPath)
			if err != nil {
				t.Fatal(err)
			}
			st, err := openStore(context.Background(), cfg)
			if err != nil {
				t.Fatalf("openStore: %v", err)
			}
			defer st.Close()
			if _, ok := st.(*sqlite.Store); !ok {
				t.Fatalf("store is %T, want *sqlite.Store", st)
			}
			if _, err := os.Stat(tt.want); err != nil {
				t.Errorf("database not at %s: %v", tt.want, err)
			}
		})
	}
	if cfg, _ := storeConfig(env(), ""); cfg.sqlitePath() != "./parley.db" {
		t.Errorf("default path = %q", cfg.sqlitePath())
	}
	if got := (config{}).sqlitePath(); got != "./parley.db" {
		t.Errorf("default path = %q", got)
	}
}

func TestOpenStoreErrors(t *testing.T) {
	t.Parallel()
	corrupt := filepath.Join(t.TempDir(), "corrupt.db")
	if err := os.WriteFile(corrupt, bytes.Repeat([]byte("not sqlite "), 500), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		getenv func(string) string
		dbPath string
		want   string
	}{
		{"corrupt SQLite file", env(), corrupt, "file is not a database"},
		{"unreachable DATABASE_URL", env("DATABASE_URL", "postgres://parley:secret@127.0.0.1:1/parley?connect_timeout=2"),
			"", "cannot reach 127.0.0.1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg, err := storeConfig(tt.getenv, tt.dbPath)
			if err != nil {
				t.Fatal(err)
			}
			st, err := openStore(context.Background(), cfg)
			if err == nil {
				st.Close()
				t.Fatal("openStore succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("openStore = %q, want one line naming %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error %q shows the password", err)
			}
		})
	}
}

func TestOpenStoreChoosesPostgres(t *testing.T) {
	t.Parallel()
	u := pgtest.Schema(t) // a private schema, dropped afterwards
	cfg, err := storeConfig(env("DATABASE_URL", u), filepath.Join(t.TempDir(), "unused.db"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := openStore(context.Background(), cfg)
	if err != nil {
		t.Fatalf("openStore: %v", err)
	}
	defer st.Close()
	if _, ok := st.(*postgres.Store); !ok {
		t.Errorf("store is %T, want *postgres.Store", st)
	}
	var _ agent.Store = st
}
