package postgres

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/postgres/pgtest"
	"github.com/parley-collections/parley/agent/storetest"
)

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
	pgtest.URL(t)
	storetest.Run(t, func(t *testing.T) agent.Store { return openURL(t, pgtest.Schema(t)) })
}

func TestLockAcrossPools(t *testing.T) {
	t.Parallel()
	u := pgtest.Schema(t)
	storetest.LockExcludes(t, openURL(t, u), openURL(t, u))
}

func TestClaimAcrossPools(t *testing.T) {
	t.Parallel()
	u := pgtest.Schema(t)
	storetest.ClaimOnce(t, openURL(t, u), openURL(t, u), openURL(t, u))
}

func TestConcurrentMigrate(t *testing.T) {
	t.Parallel()
	u := pgtest.Schema(t)
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
	storetest.BenchmarkTurn(b, openURL(b, pgtest.Schema(b)))
}

// FlushLater writes commit without waiting for the log to reach disk;
// every other write waits, as does a read's pool. Flush runs a commit
// that waits.
func TestFlushLaterCommitsAsynchronously(t *testing.T) {
	t.Parallel()
	s := openURL(t, pgtest.Schema(t))
	ctx := context.Background()
	for _, tc := range []struct {
		d    agent.Durability
		want string
	}{{agent.Durable, "on"}, {agent.FlushLater, "off"}} {
		var got string
		if err := s.poolFor(tc.d).QueryRow(ctx, "SHOW synchronous_commit").Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("durability %d: synchronous_commit = %s, want %s", tc.d, got, tc.want)
		}
	}
	var main string
	if err := s.pool.QueryRow(ctx, "SHOW synchronous_commit").Scan(&main); err != nil || main != "on" {
		t.Errorf("the main pool's synchronous_commit = %q (%v), want on", main, err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

// The query pool holds poolConns connections unless the URL sizes it.
func TestPoolSize(t *testing.T) {
	t.Parallel()
	u := pgtest.Schema(t)
	if got := openURL(t, u).Pool().Config().MaxConns; got < poolConns {
		t.Errorf("default pool: %d connections, want at least %d", got, poolConns)
	}
	sep := "&" // pgtest.Schema's URL has a query; a keyword string has none
	if !strings.Contains(u, "://") {
		sep = " "
	}
	if got := openURL(t, u+sep+"pool_max_conns=3").Pool().Config().MaxConns; got != 3 {
		t.Errorf("pool_max_conns=3: %d connections", got)
	}
}

// Warm opens every query connection and the first lock connections, and
// writes nothing.
func TestWarm(t *testing.T) {
	t.Parallel()
	u := pgtest.Schema(t)
	s := openURL(t, u)
	ctx := context.Background()
	if err := s.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]*pgxpool.Pool{"query": s.pool, "lazy": s.lazy} {
		if got, want := p.Stat().TotalConns(), p.Config().MaxConns; got != want {
			t.Errorf("%s pool: %d connections open after Warm, want %d", name, got, want)
		}
	}
	// Each connection has the turn's statements prepared: on the query
	// pool those of finding the sender, storing the message and reading
	// the turn at least; on the lazy pool those of storing an inbound
	// message, which Handle stores agent.FlushLater.
	for name, p := range map[string]*pgxpool.Pool{"query": s.pool, "lazy": s.lazy} {
		least := map[string]int{"query": 10, "lazy": 2}[name]
		var held []*pgxpool.Conn
		for range p.Config().MaxConns {
			c, err := p.Acquire(ctx)
			if err != nil {
				t.Fatal(err)
			}
			held = append(held, c)
			var n int
			if err := c.QueryRow(ctx, "SELECT count(*) FROM pg_prepared_statements").Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n < least+1 { // and the count's own statement
				t.Errorf("%s pool: a connection with %d prepared statements, want at least %d", name, n, least+1)
			}
		}
		for _, c := range held {
			c.Release()
		}
	}
	if got := s.locks.Stat().TotalConns(); got < warmLocks {
		t.Errorf("lock pool: %d connections open after Warm, want %d", got, warmLocks)
	}
	for _, table := range []string{"conversations", "messages", "outbox", "events", "contact_attempts"} {
		var n int
		if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("Warm left %d rows in %s", n, table)
		}
	}
	// Its locks are released: another session takes one at once.
	lctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	unlock, err := openURL(t, u).Lock(lctx, warmID+"-0")
	if err != nil {
		t.Fatalf("a lock Warm took is still held: %v", err)
	}
	unlock()
}
