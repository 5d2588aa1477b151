package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestInBitsIsNoPlan: "I'm in bits" is distress; paying "in bits" is a plan.
func TestInBitsIsNoPlan(t *testing.T) {
	t.Parallel()
	if c, ok := first(readWith(t, "I'm in bits", nil), agent.IntentProposePlan); ok {
		t.Errorf("\"I'm in bits\" read as a plan: %+v", c)
	}
	if _, ok := first(readWith(t, "can I pay it off in bits", nil), agent.IntentProposePlan); !ok {
		t.Errorf("paying in bits read as no plan")
	}
}
