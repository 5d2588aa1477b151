package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestLoanClosedEarlyDisputes: a loan the borrower says they closed early
// (foreclosed or pre-closed, in Indian banking), or a closure document
// they hold (an NOC, a no dues certificate, a closure letter), disputes the
// debt. A home in foreclosure is no such claim.
func TestLoanClosedEarlyDisputes(t *testing.T) {
	t.Parallel()
	dispute := []agent.Command{c(agent.IntentDispute)}
	runUnderstand(t, []understandCase{
		{text: "we pre-closed that loan back in 2025", want: dispute},
		{text: "I had foreclosed the two-wheeler loan last year", want: dispute},
		{text: "the lender issued me a no dues certificate after the last EMI", want: dispute},
		{text: "I've got the closure letter with the bank's stamp on it", want: dispute},
		{text: "mere paas NOC hai, loan band ho chuka hai", want: dispute},
	})
	for _, text := range []string{"our house went into foreclosure last year", "we got foreclosed on in 2024 and lost the house"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentDispute); ok {
			t.Errorf("%q read as a dispute", text)
		}
	}
}
