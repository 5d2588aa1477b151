// Package sqlite is Parley's embedded store: agent.Store on one SQLite file
// through the pure Go driver modernc.org/sqlite, with no set-up.
//
// # Durability and concurrency
//
// The database runs in WAL mode, and a write that returned is on disk: the
// store's writes share flushes of the log (group commit, flush.go) unless
// the caller deferred flushing to a later write of its own. SQLite allows
// one writer, so the store writes through a single connection and runs
// every multi-statement write as one transaction; reads outside a
// transaction use a small pool of read-only connections beside it. Lock
// serializes turns per conversation inside this process only: run one
// process per SQLite file.
//
// # What must not happen here
//
// The store never logs message text or personal data, never decides what
// may be said (that is the guard's job), and never stores identity facts in
// the clear: accounts arrive with digests already computed.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parley-collections/parley/agent"
	sqlitedriver "modernc.org/sqlite"
)

// readers is how many read-only connections a file store keeps.
const readers = 4

//go:embed migrations/*.sql
var migrationFS embed.FS

var _ agent.Store = (*Store)(nil)

// Store is agent.Store on SQLite. It is safe for concurrent use.
type Store struct {
	db       *sql.DB // the one writing connection
	rdb      *sql.DB // reads outside transactions: a pool of read-only connections on a file, else db
	locks    keyedMutex
	chain    chain // the transaction concurrent writes share (chain.go)
	flush    *walFlusher
	migrated []string // what Open applied
}

// Open opens (creating when missing) the SQLite database at path and applies
// pending migrations. A path of ":memory:" gives a private in-memory
// database that lives as long as the Store.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: open: empty path")
	}
	if path != ":memory:" {
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("sqlite: open %s: is a directory", path)
		}
		if _, err := os.Stat(filepath.Dir(path)); err != nil {
			return nil, fmt.Errorf("sqlite: open %s: directory %s does not exist", path, filepath.Dir(path))
		}
	}
	db := sql.OpenDB(newConnector(dsn(path), path != ":memory:"))
	// One connection: SQLite has one writer, and an in-memory database
	// exists only on the connection that created it.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	s := &Store{db: db, rdb: db, flush: newWALFlusher(path)}
	if err := s.checkReadable(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	var err error
	if s.migrated, err = s.Migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if path != ":memory:" {
		// WAL lets readers run beside the writer, each on a snapshot of
		// what was committed when its statement began, so reads need not
		// queue behind writes for the one writing connection.
		s.rdb = sql.OpenDB(newConnector(dsn(path)+"&_pragma=query_only(1)", true))
		s.rdb.SetMaxOpenConns(readers)
		s.rdb.SetMaxIdleConns(readers)
	}
	return s, nil
}

func dsn(path string) string {
	pragmas := []string{
		"_pragma=busy_timeout(10000)",
		"_pragma=foreign_keys(1)",
		"_pragma=secure_delete(1)", // what a purge or a masking rewrite removes is overwritten in the file
		"_pragma=synchronous(FULL)",
		"_pragma=cache_size(-32768)",
		"_txlock=immediate",
	}
	if path != ":memory:" {
		pragmas = append([]string{"_pragma=journal_mode(WAL)"}, pragmas...)
	}
	return "file:" + path + "?" + strings.Join(pragmas, "&")
}

// checkReadable reads the schema so that a file that is not a database, or
// cannot be read, fails at Open with the driver's reason.
func (s *Store) checkReadable(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return errors.New(sqliteReason(err))
	}
	return nil
}

// sqliteReason strips the driver's error to its cause, "file is not a database".
func sqliteReason(err error) string {
	var se *sqlitedriver.Error
	if errors.As(err, &se) {
		msg := se.Error()
		if i := strings.LastIndex(msg, ": "); i >= 0 && strings.Contains(msg[:i], "SQLITE_") {
			msg = msg[i+2:]
		}
		return msg
	}
	return err.Error()
}

// DB returns the underlying database, so that the job queue (riversqlite)
// can share the one connection. Callers must not change its pool settings.
func (s *Store) DB() *sql.DB { return s.db }

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("sqlite: ping: %w", err)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	if s.rdb != s.db {
		s.rdb.Close()
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("sqlite: close: %w", err)
	}
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
// transaction, and returns the names of those it applied.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	ms, err := loadMigrations()
	if err != nil {
		return nil, fmt.Errorf("sqlite: migrate: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
		return nil, fmt.Errorf("sqlite: migrate: %w", err)
	}
	var applied []string
	for _, m := range ms {
		done, err := s.applyMigration(ctx, m)
		if err != nil {
			return applied, fmt.Errorf("sqlite: migrate %s: %w", m.name, err)
		}
		if done {
			applied = append(applied, m.name)
		}
	}
	return applied, nil
}

func (s *Store) applyMigration(ctx context.Context, m migration) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = ?", m.version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
		m.version, m.name, micros(time.Now())); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// micros stores a time as UTC microseconds; the zero time is NULL.
func micros(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

// fromMicros reads a time stored by micros, in UTC.
func fromMicros(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

// nowUTC is the store's own timestamp for rows a caller did not date,
// truncated to what the column keeps.
func nowUTC() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// orNow returns t in UTC at column precision, or now when t is zero.
func orNow(t time.Time) time.Time {
	if t.IsZero() {
		return nowUTC()
	}
	return t.UTC().Truncate(time.Microsecond)
}

// isConstraint reports whether err is a SQLite constraint failure whose
// message contains kind ("UNIQUE", "FOREIGN KEY").
func isConstraint(err error, kind string) bool {
	var se *sqlitedriver.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code()&0xff == 19 && strings.Contains(se.Error(), kind)
}

// nullString stores "" as NULL, for columns where NULLs must not collide.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// jsonText stores an empty JSON value as NULL.
func jsonText(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return string(b)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// found wraps a single-row read's error with the operation, turning "no
// rows" into agent.ErrNotFound; op may hold fmt verbs for args.
func found(err error, op string, args ...any) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		err = agent.ErrNotFound
	}
	return fmt.Errorf("sqlite: "+op+": %w", append(args, err)...)
}

// scanner is a row: *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// querier is a database, a connection or a transaction.
type querier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// queryAll runs a query and scans every row with scan.
func queryAll[T any](ctx context.Context, db querier, scan func(scanner) (T, error), q string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
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
