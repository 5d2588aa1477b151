package agent_test

import (
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// refusingGuard blocks every draft that asks for identity facts, as a
// guard that finds fault with the flows' wording would; the fallback
// asks for none.
type refusingGuard struct{ *policies.Guard }

func (g refusingGuard) Check(p policies.Proposal, f policies.Facts) policies.Decision {
	if strings.Contains(p.Text, "date of birth") {
		return policies.Decision{Action: policies.Block, Violations: []policies.Violation{{Rule: "TEST", Category: "test", Detail: "refused"}}}
	}
	return g.Guard.Check(p, f)
}

// When the guard refuses a first message, its fallback still introduces
// the automated assistant, without the sender's name.
func TestFirstMessageFallbackIntroducesTheAssistant(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat, func(_ *agent.Account, c *agent.Config) {
		c.Guard = refusingGuard{policies.Default()}
	})
	b.brain.learn("how much do I owe?", "", []agent.Command{cmd(agent.IntentAskBalance)})
	res, err := b.orch.Handle(b.ctx, agent.Inbound{Channel: agent.ChannelChat, AccountID: b.acct.ID,
		From: b.acct.Borrower.Phones[0], Text: "how much do I owe?", ChannelMessageID: "in-1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Replies) != 1 {
		t.Fatalf("replies: %d, blocked %d", len(res.Replies), len(res.Blocked))
	}
	got := res.Replies[0]
	if !strings.Contains(got.Text, "automated assistant") || strings.Contains(got.Text, "Midwest Recovery") {
		t.Errorf("fallback %q (%s): want the introduction without the sender", got.Text, got.TemplateVersion)
	}
}
