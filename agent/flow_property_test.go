package agent_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// randomMove is one random negotiation move of a verified borrower.
func randomMove(rng *rand.Rand) []agent.Command {
	amt := func() *agent.Money {
		return money(fmt.Sprintf("%d", []int{5, 50, 75, 100, 150, 300, 600, 840, 900, 1000, 1200, 1500}[rng.Intn(12)]))
	}
	freq := []agent.Frequency{"", agent.Monthly, agent.Weekly, agent.Biweekly}[rng.Intn(4)]
	var c agent.Command
	switch rng.Intn(10) {
	case 0:
		c = agent.Command{Intent: agent.IntentProposePlan, Amount: amt(), Frequency: freq}
	case 1:
		c = agent.Command{Intent: agent.IntentProposePlan, Amount: amt(), Count: 1}
	case 2:
		c = agent.Command{Intent: agent.IntentProposePlan, Count: rng.Intn(30)}
	case 3:
		c = cmd(agent.IntentPayInFull)
	case 4:
		c = agent.Command{Intent: agent.IntentAcceptOffer, OfferID: []string{"", "1", "2", "3", "4"}[rng.Intn(5)]}
	case 5:
		c = cmd(agent.IntentAffirm)
	case 6:
		c = cmd([]agent.Intent{agent.IntentRejectOffer, agent.IntentDeny}[rng.Intn(2)])
	case 7:
		c = cmd(agent.IntentAskLowest)
	case 8:
		c = cmd(agent.IntentCancelPlan)
	default:
		c = cmd(agent.IntentAskBalance)
	}
	if rng.Intn(4) == 0 { // a move and a yes in one message: "ok, what about 700"
		return []agent.Command{c, cmd([]agent.Intent{agent.IntentAffirm, agent.IntentAcceptOffer}[rng.Intn(2)])}
	}
	return []agent.Command{c}
}

// TestDialogueConsentProperties drives random negotiations through the
// flows and checks, after every turn, that a plan is accepted only when the
// previous reply offered its terms, never in the reply that offers them,
// and that the account has at most one live plan.
func TestDialogueConsentProperties(t *testing.T) {
	t.Parallel()
	seed := int64(20261206)
	dialogues, moves := 12, 12
	if testing.Short() {
		dialogues = 4
	}
	for d := range dialogues {
		rng := rand.New(rand.NewSource(seed + int64(d)))
		b := setup(t, usAccount(), agent.ChannelChat)
		b.verify()
		previous := ""
		for m := range moves {
			cmds := randomMove(rng)
			res := b.turn(fmt.Sprintf("dialogue %d move %d", d, m), cmds...)
			reply := text(res)
			plans, err := b.store.Plans(b.ctx, b.acct.ID)
			if err != nil {
				t.Fatal(err)
			}
			live := 0
			for _, p := range plans {
				if p.Status == agent.PlanAccepted {
					live++
				}
			}
			if live > 1 {
				t.Fatalf("dialogue %d move %d %+v: %d live plans", d, m, cmds, live)
			}
			if n := countKind(res.Events, agent.EventPlanAccepted); n > 1 {
				t.Errorf("dialogue %d move %d %+v: %d plans accepted in one turn", d, m, cmds, n)
			}
			if hasKind(res.Events, agent.EventPlanAccepted) {
				if hasKind(res.Events, agent.EventPlanOffered) {
					t.Errorf("dialogue %d move %d %+v: a plan offered and accepted in one reply: %q", d, m, cmds, reply)
				}
				var accepted agent.Plan
				for _, p := range plans {
					if p.Status == agent.PlanAccepted {
						accepted = p
					}
				}
				if accepted.ID == "" {
					t.Fatalf("dialogue %d move %d: plan_accepted but no live plan", d, m)
				}
				if total := accepted.Total.String(); !strings.Contains(previous, total) {
					t.Errorf("dialogue %d move %d %+v: accepted %s %s, which the previous reply did not offer: %q",
						d, m, cmds, accepted.Kind, total, previous)
				}
			}
			previous = reply
		}
	}
}

func countKind(es []agent.Event, k agent.EventKind) int {
	n := 0
	for _, e := range es {
		if e.Kind == k {
			n++
		}
	}
	return n
}
