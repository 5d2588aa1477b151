package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestOptionsAskedEveryday: a plan asked for in everyday words: what the
// agent can offer or do, with nothing after it ("what can you offer
// then", "what could be done", "what would you be able to do"), or
// terms by their length with no offer open ("a quicker schedule"), or
// repayments to set up ("set up paying it back"). Paying
// the debt down gradually ("whittle it down", "nibble away at it", "pay
// it down over time"); in Hindi in Latin letters with words between koi
// and the plan ("koi EMI wala plan milega", monthly, "koi aasaan sa option
// hai kya"); in Devanagari, bit by bit (धीरे धीरे, थोड़ा थोड़ा) or every month
// (हर महीने ... चुका सकता हूँ), which is a monthly plan.
func TestOptionsAskedEveryday(t *testing.T) {
	t.Parallel()
	asked := []agent.Command{c(agent.IntentProposePlan)}
	monthly := []agent.Command{plan("", agent.Monthly, 0)}
	runUnderstand(t, []understandCase{
		{text: "money's tight, can I whittle it down slowly?", want: asked},
		{text: "could I nibble away at the balance over a few months", want: asked},
		{text: "I'd like to pay it down over time if that's possible", want: asked},
		{text: "is there any way I can chip at this bit by bit", want: asked},
		{text: "fine, what could you offer then", want: asked},
		{text: "ok, so what could be done about it", want: asked},
		{text: "what would you be able to do for me", want: asked},
		{text: "how would I go about setting up repayments on this", want: asked},
		{text: "can we set up paying it back", want: asked},
		{text: "could we move to a quicker schedule", want: asked},
		{text: "is a shorter plan possible", want: asked},
		{text: "ok so what can you offer", want: asked},
		{text: "koi EMI wala plan milega kya", want: monthly},
		{text: "koi aasaan sa option hai kya?", want: asked},
		{text: "ek baar mein nahi hoga, koi chhota wala scheme hai?", want: asked},
		{text: "धीरे धीरे करके चुका दूँ तो चलेगा?", want: asked},
		{text: "थोड़ा थोड़ा करके दे सकता हूँ", want: asked},
		{text: "मैं हर महीने थोड़ा थोड़ा भर सकता हूँ क्या?", want: monthly},
		{text: "मैं हर महीने 3000 चुका सकता हूँ", want: []agent.Command{plan("3000", agent.Monthly, 0)}},
	})
}
