package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestChineseHedgesTakeNothing: a pick said with a Cantonese "I guess"
// (啩), with "or" as maybe (或者), with a wait to look again (睇下先, 再看看)
// or asked as a what-if (如果选…会怎样) takes no option outright: at most a
// doubtful choice, read back before anything is agreed.
func TestChineseHedgesTakeNothing(t *testing.T) {
	t.Parallel()
	three := []agent.Plan{{ID: "1"}, {ID: "2"}, {ID: "3"}}
	for _, text := range []string{"或者第二個啩", "第一个吧，我再看看", "揀第三個啩，睇吓先", "如果选第一个，到时候还不上会怎样？"} {
		for _, c := range readWith(t, text, three) {
			if c.Intent == agent.IntentAcceptOffer && !c.Doubt && !c.Unsure {
				t.Errorf("%q read as a plain acceptance %+v", text, c)
			}
		}
	}
}
