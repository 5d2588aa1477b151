package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestCancellationAskedAbout: with a plan agreed, a question about what
// cancelling would bring ("what happens if I cancel the plan?", 如果取消会
// 怎样, "can I cancel later if I need to?") calls nothing off; a request
// put politely as a question ("could you cancel the plan?") still does.
func TestCancellationAskedAbout(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text   string
		cancel bool
	}{
		{"what happens if I cancel the plan?", false},
		{"if I cancelled this later would I get charged anything?", false},
		{"can I cancel later if I need to?", false},
		{"如果取消这个方案会怎么样？", false},
		{"could you cancel the plan please?", true},
		{"please cancel the plan", true},
	} {
		cmds := readWith(t, tc.text, agreedOn(fullShortLong, 2))
		if _, got := first(cmds, agent.IntentCancelPlan); got != tc.cancel {
			t.Errorf("%q after a plan was agreed: cancel = %v, want %v (%+v)", tc.text, got, tc.cancel, cmds)
		}
	}
}
