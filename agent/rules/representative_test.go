package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestDebtAdviserActingGoesToAPerson: a borrower whose debts a debt
// adviser manages (a debt management plan, StepChange or a counsellor
// dealing with it) is handed to a person, who deals with the adviser; an
// insolvency (an IVA, a debt relief order) may be read as a bankruptcy
// instead, which stops collection too. Asking where to get advice is
// neither.
func TestDebtAdviserActingGoesToAPerson(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"I've got a debt management plan with StepChange, can you deal with them",
		"I'm on a DMP now",
		"StepChange are handling all my debts",
		"I'm in an IVA so you need to contact my insolvency practitioner",
		"I've applied for a debt relief order",
		"please talk to my debt counsellor instead of me",
		"my debts are being managed by PayPlan",
	} {
		cmds := readWith(t, text, nil)
		_, person := first(cmds, agent.IntentRequestHuman)
		_, bankrupt := first(cmds, agent.IntentBankruptcy)
		if !person && !bankrupt {
			t.Errorf("%q read as %+v, want a person", text, readWith(t, text, nil))
		}
	}
	for _, text := range []string{"where can I get free debt advice?", "is StepChange any good?"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentRequestHuman); ok {
			t.Errorf("%q handed to a person", text)
		}
	}
}
