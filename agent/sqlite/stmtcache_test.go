package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/parley-collections/parley/agent"
)

func cacheDB(t *testing.T) *sql.DB {
	t.Helper()
	db := sql.OpenDB(newConnector(dsn(":memory:"), false))
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)`); err != nil {
		t.Fatal(err)
	}
	return db
}

// cached returns the connection's cached statement texts.
func cached(t *testing.T, db *sql.DB) map[string]bool {
	t.Helper()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	out := map[string]bool{}
	if err := conn.Raw(func(dc any) error {
		for q := range dc.(*cachingConn).stmts {
			out[q] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestStatementCacheReusesAndResets(t *testing.T) {
	db := cacheDB(t)
	const ins = "INSERT INTO t (k, v) VALUES (?, ?)"
	const sel = "SELECT v FROM t WHERE k = ?"
	for i := range 5 {
		if _, err := db.Exec(ins, i, fmt.Sprint("v", i)); err != nil {
			t.Fatal(err)
		}
	}
	// A reused statement must start from its new bindings, not the last row.
	for i := range 5 {
		var v string
		if err := db.QueryRow(sel, i).Scan(&v); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprint("v", i); v != want {
			t.Errorf("row %d = %q, want %q", i, v, want)
		}
	}
	if err := db.QueryRow(sel, 99).Scan(new(string)); err != sql.ErrNoRows {
		t.Errorf("missing row: err = %v, want sql.ErrNoRows", err)
	}
	got := cached(t, db)
	if !got[ins] || !got[sel] || len(got) != 2 {
		t.Errorf("cached statements = %v, want exactly the insert and the select", got)
	}
	// A duplicate key fails and leaves the statement usable.
	if _, err := db.Exec(ins, 1, "dup"); err == nil {
		t.Fatal("duplicate key inserted")
	}
	if _, err := db.Exec(ins, 10, "v10"); err != nil {
		t.Fatalf("insert after a failed one: %v", err)
	}
}

// The same query run again while its rows are still open (a lookup inside
// a loop over the same query) must not reuse the busy statement.
func TestStatementCacheNestedSameQuery(t *testing.T) {
	db := cacheDB(t)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for i := range 3 {
		if _, err := tx.Exec("INSERT INTO t (k, v) VALUES (?, ?)", i, fmt.Sprint("v", i)); err != nil {
			t.Fatal(err)
		}
	}
	const q = "SELECT k, v FROM t WHERE k >= ? ORDER BY k"
	rows, err := tx.Query(q, 0)
	if err != nil {
		t.Fatal(err)
	}
	var outer []string
	for rows.Next() {
		var k int
		var v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		var inner []int
		in, err := tx.Query(q, k)
		if err != nil {
			t.Fatal(err)
		}
		for in.Next() {
			var k2 int
			var v2 string
			if err := in.Scan(&k2, &v2); err != nil {
				t.Fatal(err)
			}
			inner = append(inner, k2)
		}
		in.Close()
		if len(inner) != 3-k {
			t.Errorf("inner query from %d saw %v", k, inner)
		}
		outer = append(outer, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if fmt.Sprint(outer) != "[v0 v1 v2]" {
		t.Errorf("outer rows = %v, want [v0 v1 v2]", outer)
	}
}

func TestStatementCacheBounded(t *testing.T) {
	db := cacheDB(t)
	for i := range maxCachedStmts + 20 {
		q := fmt.Sprintf("SELECT v FROM t WHERE k = ? AND %d = %d", i, i)
		if err := db.QueryRow(q, 1).Scan(new(string)); err != sql.ErrNoRows {
			t.Fatalf("query %d: %v", i, err)
		}
	}
	if n := len(cached(t, db)); n > maxCachedStmts {
		t.Errorf("%d statements cached, bound is %d", n, maxCachedStmts)
	}
}

// A store write, which flushes the log itself, commits with
// synchronous=NORMAL; every other commit (the job queue's), and a
// transaction begun outside a store write, with FULL. Inside a
// transaction the mode it began with holds.
func TestStoreWriteSetsSynchronous(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	deferred, _ := s.writeAs(ctx, agent.FlushLater)
	mode := func(ctx context.Context, q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) int {
		t.Helper()
		var m int
		if err := q.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	const normal, full = 1, 2
	if m := mode(ctx, s.db); m != full {
		t.Errorf("plain context: synchronous = %d, want FULL (%d)", m, full)
	}
	if m := mode(deferred, s.db); m != normal {
		t.Errorf("store write: synchronous = %d, want NORMAL (%d)", m, normal)
	}
	if m := mode(ctx, s.db); m != full {
		t.Errorf("plain context after a store write: synchronous = %d, want FULL (%d)", m, full)
	}
	tx, err := s.db.BeginTx(deferred, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := mode(ctx, tx); m != normal {
		t.Errorf("inside a transaction begun in a store write: synchronous = %d, want NORMAL (%d)", m, normal)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	tx, err = s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := mode(deferred, tx); m != full {
		t.Errorf("inside a transaction begun plain: synchronous = %d, want FULL (%d)", m, full)
	}
	tx.Rollback()
	if m := mode(ctx, s.db); m != full {
		t.Errorf("after the transactions: synchronous = %d, want FULL (%d)", m, full)
	}
}
