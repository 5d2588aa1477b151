package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/internal/rowcodec"
	"github.com/parley-collections/parley/agent/storetest"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	t.Parallel()
	storetest.Run(t, func(t *testing.T) agent.Store { return openTemp(t) })
}

func TestStoreInMemory(t *testing.T) {
	t.Parallel()
	storetest.Run(t, func(t *testing.T) agent.Store {
		s, err := Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestOpenErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	if err := os.WriteFile(corrupt, []byte(strings.Repeat("this is not a database\n", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"corrupt file", corrupt, "file is not a database"},
		{"directory", dir, "is a directory"},
		{"missing directory", filepath.Join(dir, "nope", "parley.db"), "does not exist"},
		{"empty path", "", "empty path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := Open(context.Background(), tt.path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%s) succeeded", tt.path)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "sqlite: open") {
				t.Errorf("Open(%s) = %q, want one line starting \"sqlite: open\" naming %q", tt.path, msg, tt.want)
			}
		})
	}
}

func TestMigrateIdempotent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if got := s.Migrated(); len(got) == 0 || got[0] != "0001_init.sql" {
		t.Errorf("Migrated() on a new file = %v, want 0001_init.sql first", got)
	}
	if err := s.PutAccount(ctx, storetest.Account("A-1", "+15555550101")); err != nil {
		t.Fatalf("PutAccount: %v", err)
	}
	applied, err := s.Migrate(ctx)
	if err != nil || len(applied) != 0 {
		t.Errorf("second Migrate = %v, %v; want nothing applied", applied, err)
	}
	s.Close()
	// Reopening keeps the data: commits are durable and migrations do not rerun.
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if got := s.Migrated(); len(got) != 0 {
		t.Errorf("Migrated() after reopening = %v, want nothing", got)
	}
	if _, err := s.Account(ctx, "A-1"); err != nil {
		t.Errorf("account after reopen: %v", err)
	}
	var mode, sync string
	if err := s.DB().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if err := s.DB().QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil || sync != "2" {
		t.Errorf("synchronous = %q, %v; want 2 (FULL)", sync, err)
	}
}

func TestFreshMigrateApplies(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM schema_migrations").Scan(&n); err != nil {
		t.Fatal(err)
	}
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if n != len(ms) || n == 0 {
		t.Errorf("%d migrations recorded, %d embedded", n, len(ms))
	}
}

func TestLockFreesUnusedKeys(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	ctx := context.Background()
	for _, id := range []string{"c_1", "c_2", "c_3"} {
		u, err := s.Lock(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		u()
	}
	if n := s.locks.size(); n != 0 {
		t.Errorf("%d lock entries left after every holder released", n)
	}
}

// BenchmarkTurn measures one turn's writes on a file with durable commits
// (WAL, synchronous=FULL).
func BenchmarkTurn(b *testing.B) {
	storetest.BenchmarkTurn(b, openTemp(b))
}

// BenchmarkOpen measures opening and migrating a new store, which evals do
// for every worker.
func BenchmarkOpen(b *testing.B) {
	for _, mode := range []string{"memory", "file"} {
		b.Run(mode, func(b *testing.B) {
			dir := b.TempDir()
			i := 0
			for b.Loop() {
				path := ":memory:"
				if mode == "file" {
					i++
					path = filepath.Join(dir, fmt.Sprintf("p%d.db", i))
				}
				s, err := Open(context.Background(), path)
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkTurnMemory is BenchmarkTurn on an in-memory database: never
// how the store runs, it separates the store's own cost from the disk's
// flush latency.
func BenchmarkTurnMemory(b *testing.B) {
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	storetest.BenchmarkTurn(b, s)
}

// A turn's read of contact attempts uses the partial index of the counted
// ones: SQLite does only when the query repeats the index's condition.
func TestCountedAttemptsUseTheirIndex(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if plan := queryPlan(t, s, "SELECT "+rowcodec.ContactAttemptCols+
		" FROM contact_attempts WHERE account_id = ? AND at >= ? AND "+rowcodec.CountedAttempt+" ORDER BY at, id", "A-1", 0); !strings.Contains(plan, "INDEX contact_attempts_counted") {
		t.Errorf("plan %q does not use contact_attempts_counted", plan)
	}
}

// Closing stale streams reads the partial index of streaming replies, not
// the messages table.
func TestStaleStreamsUseTheirIndex(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if plan := queryPlan(t, s, closeStreamsSQL, "undelivered", 0); !strings.Contains(plan, "INDEX messages_streaming") {
		t.Errorf("plan %q does not use messages_streaming", plan)
	}
}

// queryPlan is SQLite's plan for query, its steps joined by "; ".
func queryPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	rows, err := s.DB().QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}
