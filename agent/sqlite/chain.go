package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// Chained writes. SQLite has one writer, so the store's writes already
// queue for its one connection; each used to commit on its own, and a
// commit is most of what a short write costs: every page it touched is
// appended to the log again, and the log's index is updated under its
// locks. Writes that arrive while another is running now share that
// write's transaction instead. Each runs in its own savepoint, so it
// succeeds or fails alone, exactly as in a transaction of its own; the
// last of the chain, finding nobody waiting (or the chain at maxChain),
// commits for all of them, and each write's Commit returns that commit's
// result. Nothing is reported committed before it is: a write that fails
// undoes only its savepoint, and when the shared transaction itself is
// lost (SQLite rolls a whole transaction back on an I/O error or a full
// disk) every write in the chain reports the error.
//
// A write with no one behind it commits at once, as before; chains form
// only under load, where they shorten the queue instead of adding to it.

// maxChain bounds how many writes share one commit, and so how long the
// first of them waits for the others.
const maxChain = 16

// chain is the transaction writes share and the order in which they use it.
// Whoever holds it (held) is the one write using the transaction; the rest
// wait in queue, in arrival order, and are handed it in turn.
type chain struct {
	mu    sync.Mutex
	held  bool
	queue []chan struct{}

	// Used only by the holder.
	tx      *sql.Tx
	members []chan error // writes released into tx, waiting for its commit
	commits int          // transactions committed, for tests
}

// wtx is one write in a chain: a savepoint in the shared transaction. It
// offers what *sql.Tx does to the store's code. Its statements ignore the
// caller's cancellation once begun: SQLite answers an interrupted write
// statement by rolling back the whole transaction, which would undo the
// other writes of the chain. A caller that gives up is noticed before its
// write begins.
type wtx struct {
	s         *Store
	tx        *sql.Tx
	savepoint bool // false for the write that opened tx: it is alone in it
	done      bool
}

// The chain's statements, cached on the connection (stmtcache.go).
const (
	setSavepoint      = "SAVEPOINT w"
	releaseSavepoint  = "RELEASE w"
	rollbackSavepoint = "ROLLBACK TO w"
)

var savepointSQL = map[string]bool{setSavepoint: true, releaseSavepoint: true, rollbackSavepoint: true}

// begin starts a write: it waits for its turn at the shared transaction,
// opening one when none is open, and sets a savepoint. The write ends
// with Commit or Rollback; a deferred Rollback after Commit does nothing.
func (s *Store) begin(ctx context.Context) (*wtx, error) {
	c := &s.chain
	c.mu.Lock()
	if c.held {
		turn := make(chan struct{})
		c.queue = append(c.queue, turn)
		c.mu.Unlock()
		<-turn // handed over: held stays true
	} else {
		c.held = true
		c.mu.Unlock()
	}
	if err := ctx.Err(); err != nil {
		s.handOn()
		return nil, err
	}
	if c.tx == nil {
		// The transaction outlives this caller's context: other writes
		// join it. The context still carries the store-write mark, which
		// sets the commit's synchronous mode (flush.go).
		tx, err := s.db.BeginTx(context.WithoutCancel(ctx), nil)
		if err != nil {
			s.handOn()
			return nil, err
		}
		c.tx = tx
		// The first write is alone in the transaction: it needs no
		// savepoint, and a write with nobody behind it costs what a
		// transaction of its own did.
		return &wtx{s: s, tx: tx}, nil
	}
	w := &wtx{s: s, tx: c.tx, savepoint: true}
	if _, err := w.tx.ExecContext(context.Background(), setSavepoint); err != nil {
		w.done = true
		s.abort(err)
		return nil, err
	}
	return w, nil
}

// update runs fn as one write of the chain.
func (s *Store) update(ctx context.Context, fn func(tx *wtx) error) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Commit releases the write's savepoint into the shared transaction and
// returns once that transaction has committed, with the commit's error.
func (w *wtx) Commit() error {
	if w.done {
		return sql.ErrTxDone
	}
	w.done = true
	if w.savepoint {
		if _, err := w.tx.ExecContext(context.Background(), releaseSavepoint); err != nil {
			w.s.abort(err)
			return err
		}
	}
	committed := make(chan error, 1)
	w.s.chain.members = append(w.s.chain.members, committed)
	w.s.handOn()
	return <-committed
}

// Rollback undoes the write's savepoint and leaves the shared transaction
// to the others.
func (w *wtx) Rollback() error {
	if w.done {
		return sql.ErrTxDone
	}
	w.done = true
	if !w.savepoint {
		// Alone in the transaction: roll all of it back. An error means
		// SQLite had rolled it back already.
		c := &w.s.chain
		_ = c.tx.Rollback()
		c.tx = nil
		w.s.handOn()
		return nil
	}
	ctx := context.Background()
	_, err := w.tx.ExecContext(ctx, rollbackSavepoint)
	if err == nil {
		_, err = w.tx.ExecContext(ctx, releaseSavepoint)
	}
	if err != nil {
		w.s.abort(err)
		return err
	}
	w.s.handOn()
	return nil
}

// handOn is called by the holder when its write is done: it hands the
// transaction to the next write waiting, or, when none is or the chain is
// full, commits it for every write released into it and then hands the
// store's writing on to whoever waits.
func (s *Store) handOn() {
	c := &s.chain
	c.mu.Lock()
	if len(c.queue) > 0 && len(c.members) < maxChain {
		c.handOver()
		return
	}
	c.mu.Unlock()
	var err error
	if c.tx != nil {
		c.commits++
		if err = c.tx.Commit(); err != nil {
			err = fmt.Errorf("commit: %w", err)
		}
	}
	c.finish(err)
}

// abort ends a shared transaction that can no longer commit: an error
// left it rolled back, or a savepoint could not be set, released or
// undone. Every write released into it reports err.
func (s *Store) abort(err error) {
	c := &s.chain
	if c.tx != nil {
		_ = c.tx.Rollback() // it may already have been rolled back
	}
	c.finish(fmt.Errorf("rolled back with the writes sharing its transaction: %w", err))
}

// finish reports err to the writes released into the transaction just
// ended, and passes the holding on. Called by the holder.
func (c *chain) finish(err error) {
	members := c.members
	c.tx, c.members = nil, nil
	for _, m := range members {
		m <- err
	}
	c.mu.Lock()
	if len(c.queue) > 0 {
		c.handOver()
		return
	}
	c.held = false
	c.mu.Unlock()
}

// handOver passes the holding to the first write waiting; c.mu is held
// and is released.
func (c *chain) handOver() {
	next := c.queue[0]
	c.queue[0] = nil
	c.queue = c.queue[1:]
	c.mu.Unlock()
	close(next)
}

func (w *wtx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return w.tx.ExecContext(context.WithoutCancel(ctx), query, args...)
}

func (w *wtx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return w.tx.QueryContext(context.WithoutCancel(ctx), query, args...)
}

func (w *wtx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return w.tx.QueryRowContext(context.WithoutCancel(ctx), query, args...)
}
