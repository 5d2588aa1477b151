package sqlite

import (
	"context"
	"database/sql/driver"
	"errors"
	"strings"

	sqlitedriver "modernc.org/sqlite"
)

// maxCachedStmts bounds the prepared statements one connection keeps. The
// store and the job queue together use fewer; a query beyond the bound
// evicts one not in use.
const maxCachedStmts = 256

// connector opens SQLite connections that keep their prepared statements
// and commit a store write with synchronous=NORMAL (flush.go).
//
// The driver alone prepares and finalizes a statement for every query, and
// parsing SQL was a third of a turn's CPU time; a statement cached by its
// text is parsed once per connection. Statements without arguments
// (migrations, pragmas, scripts) are not cached.
//
// A file database commits with synchronous=FULL: the commit waits for the
// disk. The store's own writes, and writes whose context defers flushing,
// commit with synchronous=NORMAL instead and are flushed by group commit
// (flush.go). NORMAL never risks corruption, and a process crash loses
// nothing either way.
type connector struct {
	dsn    string
	drv    *sqlitedriver.Driver
	onDisk bool // synchronous matters: not an in-memory database
}

func newConnector(dsn string, onDisk bool) *connector {
	return &connector{dsn: dsn, drv: &sqlitedriver.Driver{}, onDisk: onDisk}
}

func (c *connector) Connect(context.Context) (driver.Conn, error) {
	dc, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	inner, ok := dc.(sqliteConn)
	if !ok {
		dc.Close()
		return nil, errors.New("sqlite driver connection lacks the context methods")
	}
	return &cachingConn{sqliteConn: inner, stmts: map[string]*cachedStmt{}, onDisk: c.onDisk}, nil
}

func (c *connector) Driver() driver.Driver { return c.drv }

// sqliteConn is what the driver's connection implements.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// sqliteStmt and sqliteRows are what the driver's statements and rows
// implement.
type sqliteStmt interface {
	driver.Stmt
	driver.StmtExecContext
	driver.StmtQueryContext
}

type sqliteRows interface {
	driver.Rows
	driver.RowsColumnTypeDatabaseTypeName
	driver.RowsColumnTypeLength
	driver.RowsColumnTypeNullable
	driver.RowsColumnTypePrecisionScale
	driver.RowsColumnTypeScanType
}

// cachingConn is a driver connection with a statement cache. database/sql
// never uses one connection from two goroutines at once (rows are closed
// under the connection's lock too), so the cache needs no lock of its own.
type cachingConn struct {
	sqliteConn
	stmts  map[string]*cachedStmt
	onDisk bool
	normal bool // synchronous=NORMAL is in force, rather than FULL
	inTx   bool // a transaction is open: its commit keeps the mode it began with
}

// syncFor sets the synchronous mode the next commit on this connection
// needs: NORMAL for a store write, which flushes the log itself (see
// flush.go), FULL otherwise. Inside a transaction the mode set at BEGIN
// stays until its commit.
func (c *cachingConn) syncFor(ctx context.Context, query string) error {
	if !c.onDisk || c.inTx || readOnly(query) {
		return nil
	}
	normal := commitsUnflushed(ctx)
	if normal == c.normal {
		return nil
	}
	mode := "PRAGMA synchronous=FULL"
	if normal {
		mode = "PRAGMA synchronous=NORMAL"
	}
	if _, err := c.sqliteConn.ExecContext(ctx, mode, nil); err != nil {
		return err
	}
	c.normal = normal
	return nil
}

func (c *cachingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if err := c.syncFor(ctx, ""); err != nil {
		return nil, err
	}
	tx, err := c.sqliteConn.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	c.inTx = true
	return &connTx{Tx: tx, c: c}, nil
}

// readOnly reports whether query is a plain SELECT, which commits nothing
// outside a transaction, so the synchronous mode does not matter to it.
func readOnly(query string) bool {
	q := strings.TrimLeft(query, " \t\r\n")
	return len(q) >= 6 && strings.EqualFold(q[:6], "SELECT")
}

// connTx marks the end of a transaction on its connection.
type connTx struct {
	driver.Tx
	c *cachingConn
}

func (t *connTx) Commit() error {
	t.c.inTx = false
	return t.Tx.Commit()
}

func (t *connTx) Rollback() error {
	t.c.inTx = false
	return t.Tx.Rollback()
}

type cachedStmt struct {
	sqliteStmt
	busy bool // rows from it are open
}

// stmt returns the cached statement for query, preparing it on first use,
// or nil when the query should run uncached: it has no arguments and is
// not one of the chain's savepoint statements, or its statement is busy
// with open rows (the same query nested in a loop).
func (c *cachingConn) stmt(ctx context.Context, query string, args []driver.NamedValue) (*cachedStmt, error) {
	if len(args) == 0 && !savepointSQL[query] {
		return nil, nil
	}
	if st, ok := c.stmts[query]; ok {
		if st.busy {
			return nil, nil
		}
		return st, nil
	}
	ds, err := c.sqliteConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	ps, ok := ds.(sqliteStmt)
	if !ok {
		ds.Close()
		return nil, nil
	}
	if len(c.stmts) >= maxCachedStmts {
		c.evictOne()
	}
	st := &cachedStmt{sqliteStmt: ps}
	c.stmts[query] = st
	return st, nil
}

func (c *cachingConn) evictOne() {
	for q, st := range c.stmts {
		if !st.busy {
			st.sqliteStmt.Close()
			delete(c.stmts, q)
			return
		}
	}
}

// prepare readies the connection for query: the synchronous mode its
// commit needs, and its cached statement (nil: run it uncached).
func (c *cachingConn) prepare(ctx context.Context, query string, args []driver.NamedValue) (*cachedStmt, error) {
	if err := c.syncFor(ctx, query); err != nil {
		return nil, err
	}
	return c.stmt(ctx, query, args)
}

func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	st, err := c.prepare(ctx, query, args)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return c.sqliteConn.ExecContext(ctx, query, args)
	}
	return st.ExecContext(ctx, args)
}

func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	st, err := c.prepare(ctx, query, args)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return c.sqliteConn.QueryContext(ctx, query, args)
	}
	r, err := st.QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	rows, ok := r.(sqliteRows)
	if !ok {
		// Unknown rows: give them the statement for good.
		delete(c.stmts, query)
		return r, nil
	}
	st.busy = true
	return &cachedRows{sqliteRows: rows, st: st}, nil
}

// Close finalizes the cached statements, then closes the connection.
func (c *cachingConn) Close() error {
	for q, st := range c.stmts {
		st.sqliteStmt.Close()
		delete(c.stmts, q)
	}
	return c.sqliteConn.Close()
}

// cachedRows frees its statement for the next query when closed; the
// driver resets a reused statement rather than finalizing it.
type cachedRows struct {
	sqliteRows
	st *cachedStmt
}

func (r *cachedRows) Close() error {
	err := r.sqliteRows.Close()
	r.st.busy = false
	return err
}
