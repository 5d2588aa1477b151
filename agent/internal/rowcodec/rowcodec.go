// Package rowcodec holds what the SQL stores (agent/sqlite and
// agent/postgres) encode and query alike, so that the two cannot drift
// apart: a message's JSON columns, and the contact attempts a turn reads.
package rowcodec

import (
	"encoding/json"
	"fmt"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// ContactAttemptCols are the columns of a contact attempt, in the order the
// stores scan them.
const ContactAttemptCols = "id, account_id, channel, address, initiated_by, outcome, message_id, at"

// CountedAttempt is the condition of agent.ContactAttempt.Counts in SQL,
// word for word the condition of the partial index
// contact_attempts_counted of both stores' migrations: SQLite uses a
// partial index only for a query that repeats its condition.
const CountedAttempt = "(initiated_by = 'agent' OR (channel = 'voice' AND outcome = 'connected'))"

// Guard encodes a guard decision for its column; nil is empty.
func Guard(d *policies.Decision) ([]byte, error) {
	if d == nil {
		return nil, nil
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("encode guard decision: %w", err)
	}
	return b, nil
}

// DecodeMessage fills m's guard decision and interruption from their JSON
// columns as read; an empty column is none.
func DecodeMessage(m *agent.Message, guard, interrupted []byte) error {
	if len(interrupted) > 0 {
		var in agent.Interrupt
		if err := json.Unmarshal(interrupted, &in); err != nil {
			return fmt.Errorf("decode interruption of %s: %w", m.ID, err)
		}
		m.Interrupted = &in
	}
	if len(guard) > 0 {
		var d policies.Decision
		if err := json.Unmarshal(guard, &d); err != nil {
			return fmt.Errorf("decode guard decision of %s: %w", m.ID, err)
		}
		m.Guard = &d
	}
	return nil
}
