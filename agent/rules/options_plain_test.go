package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestOptionsAskedPlainly: the plans asked to be walked through ("take me
// through the options"), how such a debt is usually paid back, what the
// creditor would take short of the whole at once, and 分几期: a plan asked
// for, with no figures.
func TestOptionsAskedPlainly(t *testing.T) {
	t.Parallel()
	asked := []agent.Command{c(agent.IntentProposePlan)}
	runUnderstand(t, []understandCase{
		{text: "take me through the options", want: asked},
		{text: "can you run through the payment choices with me", want: asked},
		{text: "how do folks normally handle repaying a loan like this", want: asked},
		{text: "能不能分几期还", want: asked},
	})
}
