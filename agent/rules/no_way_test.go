package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestNoWayToPayInFull: "there is no way I can pay that all at once" says
// the borrower cannot pay in full: it asks for terms, and never reads as
// an offer to pay in full.
func TestNoWayToPayInFull(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"there is no way I can pay that all at once",
		"no way I could clear the whole thing in one go",
		"不可能一次性还清",
	} {
		cmds := readWith(t, text, nil)
		noneOf(t, text, cmds, agent.IntentPayInFull, agent.IntentPromiseToPay)
	}
}
