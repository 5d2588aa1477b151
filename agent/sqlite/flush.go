package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"github.com/parley-collections/parley/agent"
)

// Group commit. The store's own writes commit with synchronous=NORMAL, which
// in WAL mode appends to the log without waiting for the disk, and then wait
// for a flush of the log file that began after their commit. One flush
// serves every write that committed before it began, so concurrent turns
// share the disk's latency instead of queueing one flush each behind the
// single connection; and the connection is free for other work while the
// disk flushes. The log is written in order, so flushing it makes every
// earlier commit durable; frames a checkpoint moved into the database file
// were flushed there by the checkpoint (NORMAL syncs the database file
// after each checkpoint, and the log restarts only after one completed).
// Writes of others sharing the connection (the job queue) keep
// synchronous=FULL.

type storeWriteKey struct{}

// write marks ctx for a store write, which commits without waiting for the
// disk, and returns done, to be deferred with the method's error: done waits
// for the log to be flushed, and reports a failed flush when the write
// itself did not fail. It flushes after a failed write too, since a method
// can fail after its commit, or return a row that a concurrent call
// committed and has not flushed yet.
func (s *Store) write(ctx context.Context) (context.Context, func(*error)) {
	return s.writeAs(ctx, agent.Durable)
}

// writeAs is write whose done leaves the flush to a later write or Flush
// when d is agent.FlushLater.
func (s *Store) writeAs(ctx context.Context, d agent.Durability) (context.Context, func(*error)) {
	return context.WithValue(ctx, storeWriteKey{}, true), func(errp *error) {
		if d == agent.FlushLater {
			return
		}
		if err := s.flush.wait(); err != nil && *errp == nil {
			*errp = fmt.Errorf("sqlite: flush: %w", err)
		}
	}
}

// Flush returns once every write committed so far is on disk.
func (s *Store) Flush(context.Context) error {
	if err := s.flush.wait(); err != nil {
		return fmt.Errorf("sqlite: flush: %w", err)
	}
	return nil
}

// commitsUnflushed reports whether a commit under ctx leaves flushing to
// the store's own flush: a store write (write, writeAs).
func commitsUnflushed(ctx context.Context) bool {
	v, _ := ctx.Value(storeWriteKey{}).(bool)
	return v
}

// walFlusher flushes the write-ahead log file to disk, one flush at a time,
// each serving every waiter that arrived before it began.
type walFlusher struct {
	path string // the log file; "" for an in-memory database
	sync func(path string) error

	mu      sync.Mutex
	cond    *sync.Cond
	running bool
	started uint64 // flushes begun
	done    uint64 // flushes finished
	errGen  uint64 // the last flush that failed
	err     error
	count   uint64 // flushes run, for tests
}

func newWALFlusher(dbPath string) *walFlusher {
	f := &walFlusher{sync: syncFile}
	if dbPath != ":memory:" {
		f.path = dbPath + "-wal"
	}
	f.cond = sync.NewCond(&f.mu)
	return f
}

// wait returns once a flush that began after the call has finished: the
// caller's earlier commit is on disk. The first waiter to find no flush
// running runs one itself.
func (f *walFlusher) wait() error {
	if f.path == "" {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	target := f.started + 1
	for f.done < target {
		if f.running {
			f.cond.Wait()
			continue
		}
		f.running = true
		f.started++
		gen := f.started
		f.mu.Unlock()
		err := f.sync(f.path)
		f.mu.Lock()
		f.running = false
		f.done = gen
		f.count++
		if err != nil {
			f.errGen, f.err = gen, err
		}
		f.cond.Broadcast()
	}
	if f.err != nil && f.errGen >= target {
		return f.err
	}
	return nil
}

// syncFile flushes a file's data to disk. fsync covers every write to the
// file, through any descriptor. A log that does not exist holds nothing to
// flush: SQLite removes it only after checkpointing it into the database.
func syncFile(path string) error {
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	serr := fh.Sync()
	if cerr := fh.Close(); serr == nil {
		serr = cerr
	}
	return serr
}
