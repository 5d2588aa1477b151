package postgres

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/parley-collections/parley/agent"
)

// BeginTurn takes the conversation's advisory lock and reads the turn in
// one round trip: one pipeline on a lock connection, the lock first, so
// that the reads start once it is granted and see every turn committed
// before (agent.Store).
func (s *Store) BeginTurn(ctx context.Context, conversationID string, q agent.TurnQuery) (agent.HeldTurn, agent.TurnData, error) {
	conn, err := s.locks.Acquire(ctx)
	if err != nil {
		return nil, agent.TurnData{}, fmt.Errorf("postgres: begin turn: %w", err)
	}
	h := &heldTurn{conn: conn, conversationID: conversationID}
	b := &pgx.Batch{}
	b.Queue("SELECT pg_advisory_lock("+lockKey+")", conversationID)
	queueReadTurn(b, q)
	br := conn.SendBatch(ctx, b)
	_, err = br.Exec()
	if err != nil {
		// The wait was cancelled or the connection failed: closing the
		// session drops a lock granted at the last moment.
		br.Close()
		h.drop()
		return nil, agent.TurnData{}, fmt.Errorf("postgres: begin turn: lock: %w", err)
	}
	d, err := readTurn(br, q)
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err == nil && d.Inbound.ConversationID != conversationID {
		err = fmt.Errorf("postgres: begin turn: message %s belongs to conversation %s, not %s", q.MessageID, d.Inbound.ConversationID, conversationID)
	}
	if err != nil {
		h.Release()
		return nil, d, err
	}
	return h, d, nil
}

// heldTurn is a turn holding its conversation's advisory lock on conn.
type heldTurn struct {
	conn           *pgxpool.Conn
	conversationID string
	once           sync.Once
}

// Commit writes the turn's end as FinishTurn does and releases the lock,
// in one round trip: BEGIN, FinishTurn's statements, COMMIT and the
// unlock, as one pipeline on the lock's connection, so that the lock is
// released only after the commit. When anything fails the connection is
// closed, which ends its transaction and drops the lock.
func (h *heldTurn) Commit(ctx context.Context, end agent.TurnEnd) (owner string, stored []agent.Event, err error) {
	done := false
	defer func() {
		if !done {
			h.Release()
		}
	}()
	b := &pgx.Batch{}
	b.Queue("BEGIN")
	read, err := queueFinishTurn(b, &end)
	if err != nil {
		return "", nil, err
	}
	b.Queue("COMMIT")
	b.Queue("SELECT pg_advisory_unlock("+lockKey+")", h.conversationID)
	br := h.conn.SendBatch(ctx, b)
	if _, err := br.Exec(); err != nil {
		br.Close()
		h.once.Do(h.drop)
		return "", nil, fmt.Errorf("postgres: finish turn: %w", err)
	}
	var released bool
	owner, stored, err = read(br, func() error {
		if _, err := br.Exec(); err != nil {
			return err
		}
		return br.QueryRow().Scan(&released)
	})
	if err != nil || !released {
		h.once.Do(h.drop)
		return owner, stored, err
	}
	done = true
	h.once.Do(h.conn.Release)
	return owner, stored, nil
}

// Release releases the lock and returns the connection to its pool.
func (h *heldTurn) Release() {
	h.once.Do(func() {
		uctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var released bool
		err := h.conn.QueryRow(uctx, "SELECT pg_advisory_unlock("+lockKey+")", h.conversationID).Scan(&released)
		if err != nil || !released {
			h.conn.Conn().Close(uctx)
		}
		h.conn.Release()
	})
}

// drop closes the connection, which ends its session and every lock it
// held, and returns it to the pool, which discards it.
func (h *heldTurn) drop() {
	h.conn.Conn().Close(context.Background())
	h.conn.Release()
}
