package postgres

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// lockKey is the advisory lock key of a conversation: a 64-bit hash of the
// schema and the id, so that deployments sharing a database do not collide.
const lockKey = "hashtextextended('parley:conversation:' || current_schema() || ':' || $1, 0)"

// Lock serializes turns on a conversation across every process sharing the
// database: it holds a session advisory lock on a dedicated connection until
// the returned function runs. A cancelled ctx abandons the wait.
func (s *Store) Lock(ctx context.Context, conversationID string) (func(), error) {
	conn, err := s.locks.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgres: lock conversation: %w", err)
	}
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock("+lockKey+")", conversationID); err != nil {
		// The wait was cancelled or the connection failed: closing the
		// session drops a lock granted at the last moment.
		conn.Conn().Close(context.Background())
		conn.Release()
		return nil, fmt.Errorf("postgres: lock conversation: %w", err)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			uctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			var released bool
			err := conn.QueryRow(uctx, "SELECT pg_advisory_unlock("+lockKey+")", conversationID).Scan(&released)
			if err != nil || !released {
				conn.Conn().Close(uctx)
			}
			conn.Release()
		})
	}, nil
}
