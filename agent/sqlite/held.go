package sqlite

import (
	"context"

	"github.com/parley-collections/parley/agent"
)

// BeginTurn locks the conversation in this process and reads the turn in
// one read transaction (agent.Store); the held turn commits with
// FinishTurn.
func (s *Store) BeginTurn(ctx context.Context, conversationID string, q agent.TurnQuery) (agent.HeldTurn, agent.TurnData, error) {
	return agent.BeginLocked(ctx, s, conversationID, q)
}
