package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestAskingWhetherItIsGenuine: a borrower who asks whether the contact
// is genuine or a scam, or how to check, asks ask_legit; a dispute that
// calls the debt a scam is still a dispute.
func TestAskingWhetherItIsGenuine(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"i'm not being funny but is this even legit? how do i know you're not a scam",
		"is this a real company or a scam",
		"how can I tell this is genuine",
		"sounds like phishing to me",
		"prove you're really from the bank",
		"你们是不是骗子",
		"这是真的假的，怎么证明你们是正规公司",
		"係咪詐騙呀",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentAskLegit); !ok {
			t.Errorf("%q read as %+v; want ask_legit", text, readWith(t, text, nil))
		}
	}
	cmds := readWith(t, "this debt is a scam, I never had this card", nil)
	if _, ok := first(cmds, agent.IntentDispute); !ok {
		t.Errorf("a debt called a scam read as %+v; want a dispute", cmds)
	}
	for _, text := range []string{"is the balance real?", "i really want to pay", "ok that's legit, thanks"} {
		if c, ok := first(readWith(t, text, nil), agent.IntentAskLegit); ok {
			t.Errorf("%q read as ask_legit: %+v", text, c)
		}
	}
}
