// Package postgres is Parley's production store: agent.Store on PostgreSQL
// through pgx v5, plus agent.Bus on LISTEN/NOTIFY, so that several replicas
// of `parley serve` can share one database.
//
// # Across replicas
//
// Lock holds a session advisory lock per conversation on a dedicated
// connection, so two replicas never run a turn on one conversation at once.
// ClaimOutbox uses FOR UPDATE SKIP LOCKED, so each outbox row is sent by one
// worker. Migrations run under an advisory lock, so replicas that start
// together migrate once. Tables live in the first schema of the search_path
// (set it in the URL, ?search_path=parley, to share a database).
//
// # What must not happen here
//
// The store never logs message text or personal data, never decides what
// may be said, and never stores identity facts in the clear. It keeps no
// state another replica needs in memory.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/parley-collections/parley/agent"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

var _ agent.Store = (*Store)(nil)

// Store is agent.Store on PostgreSQL. It is safe for concurrent use.
type Store struct {
	pool *pgxpool.Pool
	// lazy commits without waiting for the log to reach disk
	// (synchronous_commit = off), for writes whose caller asked for
	// agent.FlushLater. The log is flushed in order, so the caller's later
	// durable commit on pool makes them durable too.
	lazy *pgxpool.Pool
	// locks holds the connections that carry conversation locks, apart from
	// pool, so that turns holding locks can never starve their own queries.
	locks *pgxpool.Pool

	migrated []string // what Open applied
}

// lockConns bounds the conversations one process can hold locked at once.
const lockConns = 64

// poolConns is the least size of the query pool (and of the lazy one)
// when the URL sets none (pool_max_conns): SMS webhooks at 1,000 a second
// on two cores ran more turns and waited less with 6 connections than with
// pgx's default of 4, and waited longer with 16 (docs/bench-load.md).
const poolConns = 6

// Open connects to the database at url, checks that it answers and applies
// pending migrations.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: bad DATABASE_URL: %s", oneLine(err))
	}
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = max(cfg.MaxConns, poolConns)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %s", oneLine(err))
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open: cannot reach %s:%d: %s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, oneLine(err))
	}
	lcfg := cfg.Copy()
	lcfg.MaxConns = lockConns
	lcfg.MinConns = 0
	locks, err := pgxpool.NewWithConfig(ctx, lcfg)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open: %s", oneLine(err))
	}
	zcfg := cfg.Copy()
	zcfg.MinConns = 0
	zcfg.ConnConfig.RuntimeParams["synchronous_commit"] = "off"
	lazy, err := pgxpool.NewWithConfig(ctx, zcfg)
	if err != nil {
		pool.Close()
		locks.Close()
		return nil, fmt.Errorf("postgres: open: %s", oneLine(err))
	}
	s := &Store{pool: pool, lazy: lazy, locks: locks}
	if s.migrated, err = s.Migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	return s, nil
}

// poolFor is the pool a write of durability d goes through: lazy for
// agent.FlushLater, else pool.
func (s *Store) poolFor(d agent.Durability) *pgxpool.Pool {
	if d == agent.FlushLater {
		return s.lazy
	}
	return s.pool
}

// Flush returns once every commit so far, those on the lazy pool
// included, is on disk: a transaction that takes a transaction id commits
// with a record that, under synchronous_commit = on, waits for the log to
// be flushed up to it, and the log is flushed in order.
func (s *Store) Flush(ctx context.Context) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "SELECT pg_current_xact_id()")
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: flush: %w", err)
	}
	return nil
}

// oneLine keeps the driver's reason on one line.
func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }

// Pool returns the connection pool, so that the job queue (riverpgxv5) and
// the bus can share it.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("postgres: ping: %w", err)
	}
	return nil
}

// Close closes both connection pools; locks still held are released.
func (s *Store) Close() error {
	s.locks.Close()
	s.lazy.Close()
	s.pool.Close()
	return nil
}

// Migrated returns the names of the migrations Open applied, oldest first.
func (s *Store) Migrated() []string { return append([]string(nil), s.migrated...) }

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		var v int
		if _, err := fmt.Sscanf(e.Name(), "%04d_", &v); err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number: %w", e.Name(), err)
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// Migrate applies the embedded migrations not applied yet, each in its own
// transaction, under an advisory lock so that replicas starting together
// migrate once; it returns the names of those it applied.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	ms, err := loadMigrations()
	if err != nil {
		return nil, fmt.Errorf("postgres: migrate: %w", err)
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgres: migrate: %w", err)
	}
	defer conn.Release()
	const key = "hashtextextended('parley:migrate:' || current_schema(), 0)"
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock("+key+")"); err != nil {
		conn.Conn().Close(context.Background())
		return nil, fmt.Errorf("postgres: migrate: lock: %w", err)
	}
	defer func() {
		uctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := conn.Exec(uctx, "SELECT pg_advisory_unlock("+key+")"); err != nil {
			conn.Conn().Close(uctx) // closing the session drops its locks
		}
	}()
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return nil, fmt.Errorf("postgres: migrate: %w", err)
	}
	var applied []string
	for _, m := range ms {
		done, err := applyMigration(ctx, conn.Conn(), m)
		if err != nil {
			return applied, fmt.Errorf("postgres: migrate %s: %w", m.name, err)
		}
		if done {
			applied = append(applied, m.name)
		}
	}
	return applied, nil
}

func applyMigration(ctx context.Context, conn *pgx.Conn, m migration) (bool, error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	var n int
	if err := tx.QueryRow(ctx, "SELECT count(*) FROM schema_migrations WHERE version = $1", m.version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.Exec(ctx, m.sql); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name); err != nil {
		return false, err
	}
	return true, tx.Commit(ctx)
}

// ts stores a time in UTC at column precision; the zero time is NULL.
func ts(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond)
}

// fromTS reads a nullable timestamptz in UTC.
func fromTS(v pgtype.Timestamptz) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return v.Time.UTC()
}

// orNow returns t in UTC at column precision, or now when t is zero.
func orNow(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Truncate(time.Microsecond)
}

// pgCode returns the SQLSTATE of a server error, or "".
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

const (
	codeUnique     = "23505"
	codeForeignKey = "23503"
)

// nullString stores "" as NULL, for columns where NULLs must not collide.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// jsonb stores an empty JSON value as NULL.
func jsonb(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return string(b)
}

// found wraps a single-row read's error with the operation, turning "no
// rows" into agent.ErrNotFound; op may hold fmt verbs for args.
func found(err error, op string, args ...any) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		err = agent.ErrNotFound
	}
	return fmt.Errorf("postgres: "+op+": %w", append(args, err)...)
}

// queryer is what the pool, a connection and a transaction offer.
type queryer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// scanner is a row.
type scanner interface{ Scan(dest ...any) error }

// queryAll runs a query and scans every row with scan.
func queryAll[T any](ctx context.Context, q queryer, scan func(scanner) (T, error), sql string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, scan)
}

// collect scans every row of rows with scan and closes them.
func collect[T any](rows pgx.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// limitOrAll turns "0 = all" into a LIMIT argument: NULL means no limit.
func limitOrAll(limit int) any {
	if limit <= 0 {
		return nil
	}
	return limit
}
