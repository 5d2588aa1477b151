package sqlite

import (
	"context"
	"fmt"
	"sync"
)

// Lock serializes turns on a conversation inside this process: it blocks
// until the caller holds the conversation or ctx ends.
func (s *Store) Lock(ctx context.Context, conversationID string) (func(), error) {
	unlock, err := s.locks.lock(ctx, conversationID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: lock conversation: %w", err)
	}
	return unlock, nil
}

// keyedMutex is one mutex per key, made on first use and dropped when no
// one holds or waits for it, so memory follows live conversations only.
type keyedMutex struct {
	mu   sync.Mutex
	keys map[string]*keyLock
}

type keyLock struct {
	held chan struct{} // a token in the buffer means held
	refs int           // holders and waiters
}

func (k *keyedMutex) lock(ctx context.Context, key string) (func(), error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	k.mu.Lock()
	if k.keys == nil {
		k.keys = map[string]*keyLock{}
	}
	l := k.keys[key]
	if l == nil {
		l = &keyLock{held: make(chan struct{}, 1)}
		k.keys[key] = l
	}
	l.refs++
	k.mu.Unlock()

	select {
	case l.held <- struct{}{}:
	case <-ctx.Done():
		k.release(key, l)
		return nil, ctx.Err()
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			<-l.held
			k.release(key, l)
		})
	}, nil
}

func (k *keyedMutex) release(key string, l *keyLock) {
	k.mu.Lock()
	l.refs--
	if l.refs == 0 {
		delete(k.keys, key)
	}
	k.mu.Unlock()
}

// size is how many keys are in use, for tests.
func (k *keyedMutex) size() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.keys)
}
