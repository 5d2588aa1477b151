package postgres

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/storetest"
)

// testURL returns TEST_DATABASE_URL; without it the test is skipped, except
// under CI=true where a missing database is a failure.
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("TEST_DATABASE_URL")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("TEST_DATABASE_URL is unset: CI must run the PostgreSQL store tests")
		}
		t.Skip("TEST_DATABASE_URL is unset: skipping the PostgreSQL store tests " +
			"(e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test?sslmode=disable)")
	}
	return u
}

// freshSchema creates an empty schema dropped when the test ends and
// returns a URL whose connections use it.
func freshSchema(t testing.TB) string {
	t.Helper()
	base := testURL(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	name := "t_" + strings.TrimPrefix(agent.NewID(""), "")[:20]
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("connect for cleanup: %v", err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{name}.Sanitize()+" CASCADE"); err != nil {
			t.Errorf("drop schema: %v", err)
		}
	})
	return withSearchPath(t, base, name)
}

func withSearchPath(t testing.TB, base, schema string) string {
	t.Helper()
	if !strings.Contains(base, "://") {
		return base + " search_path=" + schema
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func openURL(t testing.TB, u string) *Store {
	t.Helper()
	s, err := Open(context.Background(), u)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	t.Parallel()
	testURL(t)
	storetest.Run(t, func(t *testing.T) agent.Store { return openURL(t, freshSchema(t)) })
}

func TestLockAcrossPools(t *testing.T) {
	t.Parallel()
	u := freshSchema(t)
	storetest.LockExcludes(t, openURL(t, u), openURL(t, u))
}

func TestClaimAcrossPools(t *testing.T) {
	t.Parallel()
	u := freshSchema(t)
	storetest.ClaimOnce(t, openURL(t, u), openURL(t, u), openURL(t, u))
}

func TestConcurrentMigrate(t *testing.T) {
	t.Parallel()
	u := freshSchema(t)
	const replicas = 4
	errs := make(chan error, replicas)
	for range replicas {
		go func() {
			s, err := Open(context.Background(), u)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range replicas {
		if err := <-errs; err != nil {
			t.Errorf("replica Open: %v", err)
		}
	}
	s := openURL(t, u)
	applied, err := s.Migrate(context.Background())
	if err != nil || len(applied) != 0 {
		t.Errorf("Migrate after the replicas = %v, %v; want nothing left", applied, err)
	}
	var n int
	if err := s.Pool().QueryRow(context.Background(), "SELECT count(*) FROM schema_migrations").Scan(&n); err != nil {
		t.Fatal(err)
	}
	ms, _ := loadMigrations()
	if n != len(ms) {
		t.Errorf("%d migrations recorded, %d embedded", n, len(ms))
	}
}

func TestOpenUnreachable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, url, want string
	}{
		{"refused", "postgres://postgres@127.0.0.1:1/test?sslmode=disable&connect_timeout=2", "cannot reach 127.0.0.1:1"},
		{"malformed", "postgres://postgres@127.0.0.1:notaport/test", "bad DATABASE_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := Open(context.Background(), tt.url)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "postgres: open:") || !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("Open = %q, want one line naming %q", msg, tt.want)
			}
		})
	}
}

// BenchmarkTurn measures one turn's writes over loopback.
func BenchmarkTurn(b *testing.B) {
	storetest.BenchmarkTurn(b, openURL(b, freshSchema(b)))
}
