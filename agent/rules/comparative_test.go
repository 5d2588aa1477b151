package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// installmentOffer is an open offer of n monthly payments of each.
func installmentOffer(id string, n int, each string) agent.Plan {
	p := agent.Plan{ID: id, Kind: agent.PlanInstallment, Frequency: agent.Monthly}
	for range n {
		p.Installments = append(p.Installments, agent.Installment{Amount: agent.MustMoney(each, "USD")})
	}
	return p
}

// shortAndLong are two plans of the same kind that differ in length: 6
// payments of 200 and 12 of 100.
var shortAndLong = []agent.Plan{installmentOffer("1", 6, "200.00"), installmentOffer("2", 12, "100.00")}

// TestComparativePicks: with two plans of one kind on the table, the
// borrower picks one by comparing them ("the longer one", "the one with
// smaller payments", 时间长的那个); the pick is the plan, read back when
// said with doubt. Comparing without picking ("is the longer one more
// expensive?") or with one plan of the kind picks nothing.
func TestComparativePicks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text, id string
	}{
		{"actually fine, let's lock in the longer one", "2"},
		{"the longer plan please", "2"},
		{"I'll go with the shorter one", "1"},
		{"give me the one with the smaller payments", "2"},
		{"the cheaper monthly one works for me", "2"},
		{"i'll take the quicker one, want it done", "1"},
		{"lets do the one with bigger payments", "1"},
		{"我选时间长的那个", "2"},
		{"每月少一点的那个吧", "2"},
		{"就选期数少的那个", "1"},
	} {
		cmds := readWith(t, tc.text, shortAndLong)
		c, ok := first(cmds, agent.IntentAcceptOffer)
		if !ok || c.OfferID != tc.id {
			t.Errorf("%q read as %+v; want offer %s accepted", tc.text, cmds, tc.id)
		}
	}
	for _, text := range []string{
		"is the longer one more expensive overall?",
		"why is the shorter one so much a month",
		"what's the difference between them",
	} {
		if c, ok := first(readWith(t, text, shortAndLong), agent.IntentAcceptOffer); ok {
			t.Errorf("%q accepted offer %s; it compares without picking", text, c.OfferID)
		}
	}
	// A settlement is one payment: "the longer one" beside it is the plan
	// of many payments; which is "cheaper" is left unsaid.
	settleOrPlan := []agent.Plan{{ID: "1", Kind: agent.PlanSettlement, Installments: []agent.Installment{{Amount: agent.MustMoney("840.00", "USD")}}},
		installmentOffer("2", 12, "100.00")}
	if c, ok := first(readWith(t, "actually fine, let's lock in the longer one", settleOrPlan), agent.IntentAcceptOffer); !ok || c.OfferID != "2" {
		t.Errorf("\"the longer one\" beside a settlement read as %+v; want offer 2", c)
	}
	if c, ok := first(readWith(t, "I'll take the cheaper one", settleOrPlan), agent.IntentAcceptOffer); ok && c.OfferID != "" {
		t.Errorf("\"the cheaper one\" beside a settlement picked offer %s", c.OfferID)
	}
	one := []agent.Plan{installmentOffer("1", 6, "200.00")}
	if c, ok := first(readWith(t, "the longer one", one), agent.IntentAcceptOffer); ok {
		t.Errorf("\"the longer one\" with one plan accepted offer %s", c.OfferID)
	}
	if c, ok := first(readWith(t, "hmm maybe the longer one?", shortAndLong), agent.IntentAcceptOffer); !ok || !c.Unsure {
		t.Errorf("a doubtful pick read as %+v; want it read back", c)
	}
}

// TestAskingForALongerPlan: asking for the payments spread over longer
// ("I'd need it stretched out", "can you spread it over more months",
// 能不能分长一点) asks for the lowest terms, with an offer on the table or
// not; asking what monthly payments would look like asks for the plans.
func TestAskingForALongerPlan(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"hmm 3 months is too steep, I'd need it stretched out",
		"can you spread it over more months",
		"any way to stretch that out longer?",
		"i need a longer plan than that",
		"能不能分长一点",
		"时间再拉长一点可以吗",
	} {
		for _, offers := range [][]agent.Plan{nil, shortAndLong} {
			cmds := readWith(t, text, offers)
			if _, ok := first(cmds, agent.IntentAskLowest); !ok {
				t.Errorf("%q (%d offers) read as %+v; want ask_lowest", text, len(offers), cmds)
			}
			if _, ok := first(cmds, agent.IntentAcceptOffer); ok {
				t.Errorf("%q (%d offers) accepted an offer: %+v", text, len(offers), cmds)
			}
		}
	}
	for _, text := range []string{
		"what would the monthly thing look like",
		"how would monthly payments work?",
		"what's the monthly option",
		"每月还的话是怎样的",
	} {
		cmds := readWith(t, text, nil)
		c, ok := first(cmds, agent.IntentProposePlan)
		if !ok || c.Amount != nil {
			t.Errorf("%q read as %+v; want a request for the plans", text, cmds)
		}
	}
}
