package sqlite

import (
	"context"
	"fmt"
	"sync"

	"github.com/parley-collections/parley/agent"
)

// BeginTurn locks the conversation in this process and reads the turn in
// one read transaction (agent.Store).
func (s *Store) BeginTurn(ctx context.Context, conversationID string, q agent.TurnQuery) (agent.HeldTurn, agent.TurnData, error) {
	unlock, err := s.Lock(ctx, conversationID)
	if err != nil {
		return nil, agent.TurnData{}, err
	}
	d, err := s.ReadTurn(ctx, q)
	if err == nil && d.Inbound.ConversationID != conversationID {
		err = fmt.Errorf("sqlite: begin turn: message %s belongs to conversation %s, not %s", q.MessageID, d.Inbound.ConversationID, conversationID)
	}
	if err != nil {
		unlock()
		return nil, d, err
	}
	return &heldTurn{s: s, unlock: unlock}, d, nil
}

// heldTurn is a turn holding its conversation's lock.
type heldTurn struct {
	s      *Store
	once   sync.Once
	unlock func()
}

// Commit commits the turn and releases the lock.
func (h *heldTurn) Commit(ctx context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	defer h.Release()
	return h.s.FinishTurn(ctx, end)
}

// Release releases the lock.
func (h *heldTurn) Release() { h.once.Do(h.unlock) }
