package rules

import (
	"context"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// readWith reads text with offers open or not.
func readWith(t *testing.T, text string, offers []agent.Plan) []agent.Command {
	t.Helper()
	u, err := New().Understand(context.Background(), agent.TurnContext{Now: now, Currency: "USD", OpenOffers: offers}, text)
	if err != nil {
		t.Fatal(err)
	}
	return u.Commands
}

func first(cmds []agent.Command, i agent.Intent) (agent.Command, bool) {
	for _, c := range cmds {
		if c.Intent == i {
			return c, true
		}
	}
	return agent.Command{}, false
}

// TestAskingForTheOptions covers the ways borrowers ask what plans there
// are: each asks for offers (propose_plan without terms).
func TestAskingForTheOptions(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"could you lay out the plans you've got",
		"options?",
		"what choices do I have here",
		"walk me through the repayment options",
		"pls share the payment options",
		"what can you do for me on this",
		"list the plans for me",
		"so what can I do about this debt",
		"what could i do with this balance",
		"给我列一下还款方案",
		"想了解一下有什么方案",
		"payment options有哪些",
	} {
		cmds := readWith(t, text, nil)
		c, ok := first(cmds, agent.IntentProposePlan)
		if !ok || c.Amount != nil || c.Count != 0 {
			t.Errorf("%q read as %+v, want a request for the options", text, cmds)
		}
	}
	// How to pay stays how to pay.
	for _, text := range []string{"can I pay with a debit card", "how do I actually send the money"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentAskHowToPay); !ok {
			t.Errorf("%q is not a question about how to pay", text)
		}
	}
}

// TestHedgedChoicesAreUnsure checks that a choice said with doubt is read
// as a choice the borrower must confirm (Unsure), and a plain one is not.
func TestHedgedChoicesAreUnsure(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text   string
		unsure bool
	}{
		{"perhaps option 2?", true},
		{"i guess the first one maybe", true},
		{"thinking about #2, what would that look like", true},
		{"what if i went with option one", true},
		{"第二个吧？我也不确定", true},
		{"也许选方案1", true},
		{"option 2 please", false},
		{"I'll take the first one", false},
		{"选方案2", false},
	} {
		cmds := readWith(t, tc.text, twoOffers)
		c, ok := first(cmds, agent.IntentAcceptOffer)
		if !ok {
			t.Errorf("%q: no choice read (%+v)", tc.text, cmds)
			continue
		}
		if c.Unsure != tc.unsure {
			t.Errorf("%q: unsure = %v, want %v", tc.text, c.Unsure, tc.unsure)
		}
	}
}

// TestTakingItBack covers cancellations in other words.
func TestTakingItBack(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"scratch that plan, I can't do it",
		"forget the plan we agreed",
		"算了，这个方案我不要了",
		"那个计划帮我撤了吧",
		"我可没说要选这个方案",
		"i never said i wanted that one",
		"cancel 上次说的那个方案",
		"要cancel掉",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentCancelPlan); !ok {
			t.Errorf("%q is not read as a cancellation (%+v)", text, readWith(t, text, nil))
		}
	}
}

// TestThinkingItOver: wanting time to decide closes the exchange for now;
// it is neither a choice nor a question nobody understood.
func TestThinkingItOver(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"let me sleep on it",
		"I need to check with my wife first, will get back to you",
		"give me a few days to think it over",
		"我考虑一下再说",
		"容我想想",
	} {
		cmds := readWith(t, text, twoOffers)
		if _, ok := first(cmds, agent.IntentGoodbye); !ok {
			t.Errorf("%q read as %+v, want a goodbye for now", text, cmds)
		}
		if _, ok := first(cmds, agent.IntentAcceptOffer); ok {
			t.Errorf("%q read as a choice", text)
		}
	}
}

// TestConsultingSomeoneFirst: wanting to ask someone before deciding,
// said with "to", "ask" or "first" instead of "with ... before", is time
// to decide too; asking someone else to do something is not.
func TestConsultingSomeoneFirst(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"hmm idk, let me talk to my wife first",
		"i gotta speak to my husband before i agree to anything",
		"let me ask my mum first",
		"need to ask my partner before i sign up to that",
		"I'll have to confer with my accountant first",
	} {
		cmds := readWith(t, text, twoOffers)
		if _, ok := first(cmds, agent.IntentGoodbye); !ok {
			t.Errorf("%q read as %+v, want a goodbye for now", text, cmds)
		}
		if _, ok := first(cmds, agent.IntentAcceptOffer); ok {
			t.Errorf("%q read as a choice", text)
		}
	}
	for _, text := range []string{
		"can you ask my wife to call you instead",
		"my husband will talk to you about it",
	} {
		if _, ok := first(readWith(t, text, twoOffers), agent.IntentGoodbye); ok {
			t.Errorf("%q read as wanting time to decide", text)
		}
	}
}

// TestThinkingItOverAfterAnOk: an "ok" or 嗯 that opens a wish for time
// to think is no yes to the options.
func TestThinkingItOverAfterAnOk(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"嗯 我考虑下",
		"好的，我再考虑考虑",
		"行 我回去想下",
		"ok let me think about it",
		"ok, i'll think it over and let you know",
	} {
		cmds := readWith(t, text, twoOffers)
		if _, ok := first(cmds, agent.IntentGoodbye); !ok {
			t.Errorf("%q read as %+v, want a goodbye for now", text, cmds)
		}
		for _, i := range []agent.Intent{agent.IntentAcceptOffer, agent.IntentAffirm} {
			if _, ok := first(cmds, i); ok {
				t.Errorf("%q read as %s", text, i)
			}
		}
	}
}

// TestSettlingWithoutAnAmount: asking to settle without naming an amount
// asks for the lowest terms (the floor settlement), not payment in full.
func TestSettlingWithoutAnAmount(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"hmm what about settling it instead",
		"is a settlement possible on this?",
		"I'd like to settle this for one lump sum",
		"can we do a one time settlement",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentAskLowest); !ok {
			t.Errorf("%q read as %+v, want a request for the lowest terms", text, readWith(t, text, nil))
		}
	}
	// Settling in full, or with an amount, stays what it says.
	if _, ok := first(readWith(t, "I want to settle it in full", nil), agent.IntentPayInFull); !ok {
		t.Errorf("settling in full is not paying in full")
	}
	if c, ok := first(readWith(t, "could I settle for 700", nil), agent.IntentProposePlan); !ok || c.Amount == nil {
		t.Errorf("a settlement with an amount is not a proposal of it")
	}
}

// TestChoicesAndInstalmentWords: 1号 and 第2个 choose an offer; an EMI is a
// monthly instalment.
func TestChoicesAndInstalmentWords(t *testing.T) {
	t.Parallel()
	three := []agent.Plan{{ID: "1"}, {ID: "2"}, {ID: "3"}}
	for text, want := range map[string]string{"2号": "2", "第3个": "3", "就1吧": "1"} {
		if c, ok := first(readWith(t, text, three), agent.IntentAcceptOffer); !ok || c.OfferID != want {
			t.Errorf("%q chose %+v, want offer %s", text, c, want)
		}
	}
	for _, text := range []string{"can this be converted into EMI of 2500", "2500 emi is ok for me"} {
		c, ok := first(readWith(t, text, nil), agent.IntentProposePlan)
		if !ok || c.Amount == nil || c.Amount.String() != "$2,500.00" || c.Frequency != agent.Monthly {
			t.Errorf("%q read as %+v, want 2,500 a month", text, c)
		}
	}
}

// TestDenyingAChoiceIsNoChoice: saying one never chose an offer accepts
// nothing, even though it names the offer.
func TestDenyingAChoiceIsNoChoice(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"我可没说要选这个方案", "i never said i wanted that one", "我没说要方案2"} {
		if _, ok := first(readWith(t, text, twoOffers), agent.IntentAcceptOffer); ok {
			t.Errorf("%q read as a choice", text)
		}
	}
}

// TestAskingHowToGetItSorted: asking how to get the debt dealt with, or
// which arrangements there are, asks for the offers.
func TestAskingHowToGetItSorted(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"how would I go about clearing this?",
		"how can I get this account sorted out",
		"what sort of arrangements do you offer",
		"which repayment programs are there",
		"any schemes for paying this back?",
		"你们有什么还钱的办法",
		"能不能给几个方案让我挑一下",
		"给我看看有什么 plans",
	} {
		c, ok := first(readWith(t, text, nil), agent.IntentProposePlan)
		if !ok || c.Amount != nil {
			t.Errorf("%q read as %+v, want a request for the options", text, readWith(t, text, nil))
		}
	}
}

// TestChoosingInOtherWords: a number or an ordinal said with words of
// assent chooses that offer.
func TestChoosingInOtherWords(t *testing.T) {
	t.Parallel()
	three := []agent.Plan{{ID: "1"}, {ID: "2"}, {ID: "3"}}
	for text, want := range map[string]string{
		"3 is good for me":               "3",
		"we'll go for the third of them": "3",
		"sign me up for number two":      "2",
		"三号方案吧":                          "3",
		"我要第二个":                          "2",
	} {
		c, ok := first(readWith(t, text, three), agent.IntentAcceptOffer)
		if !ok || c.OfferID != want {
			t.Errorf("%q chose %+v, want offer %s", text, readWith(t, text, three), want)
		}
	}
}

// TestAttorneyInOtherWords: counsel retained, a law office that handles
// it, 代理律师.
func TestAttorneyInOtherWords(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"we have engaged counsel on this, write to them",
		"the law office down the street handles my case now",
		"我的代理律师是王律师，以后找他",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentAttorney); !ok {
			t.Errorf("%q read as %+v, want an attorney", text, readWith(t, text, nil))
		}
	}
}

// TestMoreWaysToAskChooseAndTakeBack covers a bare number with assent
// ("3 sounds good"), plans asked for by name, the list asked for again,
// taking back a plan one no longer wants, and a lump sum offered to make
// the debt go away.
func TestMoreWaysToAskChooseAndTakeBack(t *testing.T) {
	t.Parallel()
	three := []agent.Plan{{ID: "1"}, {ID: "2"}, {ID: "3"}}
	if cmds := readWith(t, "3 sounds good to me", three); len(cmds) != 1 || cmds[0].Intent != agent.IntentAcceptOffer || cmds[0].OfferID != "3" {
		t.Errorf("'3 sounds good to me' read as %+v, want only a choice of offer 3", cmds)
	}
	for _, text := range []string{"which plans do you have", "could you show me that list one more time"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentProposePlan); !ok {
			t.Errorf("%q read as %+v, want a request for the options", text, readWith(t, text, nil))
		}
	}
	if _, ok := first(readWith(t, "honestly I don't want this plan any more", nil), agent.IntentCancelPlan); !ok {
		t.Errorf("not wanting the plan any more is not a cancellation")
	}
	c, ok := first(readWith(t, "I can maybe find 800 to make the whole thing go away", nil), agent.IntentProposePlan)
	if !ok || c.Amount == nil || c.Count != 1 {
		t.Errorf("a lump sum to make it go away read as %+v, want one payment of it", c)
	}
}

// TestChoosingByItsWords: an offer chosen by what it is ("the monthly
// one", "the one where I settle") when the table holds one of that kind.
func TestChoosingByItsWords(t *testing.T) {
	t.Parallel()
	table := []agent.Plan{{ID: "1", Kind: agent.PlanFull}, {ID: "2", Kind: agent.PlanSettlement}, {ID: "3", Kind: agent.PlanInstallment}}
	for text, want := range map[string]string{
		"sign me up for the one with payments every month": "3",
		"go with the settlement one":                       "2",
		"I'll do the one where I pay everything in full":   "1",
		"我要分期的那个":                                          "3",
	} {
		c, ok := first(readWith(t, text, table), agent.IntentAcceptOffer)
		if !ok || c.OfferID != want {
			t.Errorf("%q read as %+v, want offer %s", text, readWith(t, text, table), want)
		}
	}
	// Two offers of the kind named: no choice is guessed.
	two := []agent.Plan{{ID: "1", Kind: agent.PlanInstallment}, {ID: "2", Kind: agent.PlanInstallment}}
	if c, ok := first(readWith(t, "the monthly one", two), agent.IntentAcceptOffer); ok && c.OfferID != "" {
		t.Errorf("a kind two offers share chose offer %s", c.OfferID)
	}
}

// TestAskingForTheLeastToClose: the minimum to close the account asks for
// the lowest terms, not the balance.
func TestAskingForTheLeastToClose(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"pls share minimum sum for closure of this account", "what's the minimum settlement you accept"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentAskLowest); !ok {
			t.Errorf("%q read as %+v, want the lowest terms", text, readWith(t, text, nil))
		}
	}
}

// TestBareLumpSums: a bare number followed by words of one payment or of
// closing the account is one payment of that amount.
func TestBareLumpSums(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{
		"750 one time and we're done":   "$750.00",
		"850 in one go?":                "$850.00",
		"700 and we call it square":     "$700.00",
		"800 upfront to close this out": "$800.00",
	} {
		c, ok := first(readWith(t, text, nil), agent.IntentProposePlan)
		if !ok || c.Amount == nil || c.Amount.String() != want || c.Count != 1 {
			t.Errorf("%q read as %+v, want one payment of %s", text, readWith(t, text, nil), want)
		}
	}
}

// TestHedgedChoiceByWords: an offer named by what it is, said with doubt
// or as a supposition, is read back, not taken.
func TestHedgedChoiceByWords(t *testing.T) {
	t.Parallel()
	table := []agent.Plan{{ID: "1", Kind: agent.PlanFull}, {ID: "2", Kind: agent.PlanSettlement}, {ID: "3", Kind: agent.PlanInstallment}}
	for _, text := range []string{"the monthly one i guess? depends when it starts", "suppose I took the settlement one, what happens if I miss it"} {
		c, ok := first(readWith(t, text, table), agent.IntentAcceptOffer)
		if ok && !c.Unsure {
			t.Errorf("%q taken as a sure choice", text)
		}
	}
}

// TestDoubtfulAssent: a yes to a single offer said with doubt, with a
// condition or with resignation is marked Doubt, so that it never confirms
// an offer or a read-back on its own; a plain yes is not.
func TestDoubtfulAssent(t *testing.T) {
	t.Parallel()
	yes := func(cmds []agent.Command) (agent.Command, bool) {
		if c, ok := first(cmds, agent.IntentAcceptOffer); ok {
			return c, true
		}
		return first(cmds, agent.IntentAffirm)
	}
	for _, text := range []string{
		"ok but can I start in april",
		"that works but not sure",
		"fine whatever",
		"the first one I guess",
		"hmm ok i suppose",
		"yeah i guess so",
		"ok if i have to",
		"sure, as long as the first payment can wait",
		"ok unless there is something cheaper",
		"好吧，也许吧",
		"行吧，随便",
		"可以，但是能不能下个月开始",
	} {
		if c, ok := yes(readWith(t, text, oneOffer)); ok && !c.Doubt {
			t.Errorf("%q: read as a plain yes %+v, want doubt", text, c)
		}
	}
	for _, text := range []string{"ok", "sounds good", "sure, do that", "yeah go ahead", "yes please", "好", "可以", "行", "没问题"} {
		c, ok := yes(readWith(t, text, oneOffer))
		if !ok || c.Doubt {
			t.Errorf("%q: read as %+v, want a plain yes", text, c)
		}
	}
}

// TestHesitationWithAnOfferOpen: hesitant assent to a single offer is a
// doubtful yes (read back), and asking for time to think closes the
// exchange for now (a goodbye while deciding), not a misunderstanding.
func TestHesitationWithAnOfferOpen(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"i guess that could work maybe", "hmm ok i suppose", "well ok, probably", "that might work i think"} {
		cmds := readWith(t, text, oneOffer)
		c, ok := first(cmds, agent.IntentAcceptOffer)
		if !ok || !c.Doubt {
			t.Errorf("%q read as %+v, want a doubtful acceptance", text, cmds)
		}
	}
	for _, text := range []string{"let me think", "i need to think about it", "I'll have a think and come back", "让我想一下", "我再琢磨琢磨"} {
		if _, ok := first(readWith(t, text, oneOffer), agent.IntentGoodbye); !ok {
			t.Errorf("%q read as %+v, want time to decide", text, readWith(t, text, oneOffer))
		}
	}
}

// TestChoiceInWords: a number or an ordinal written as a word, alone,
// chooses that option from a list; one beyond the list chooses nothing.
func TestChoiceInWords(t *testing.T) {
	t.Parallel()
	three := []agent.Plan{{ID: "1"}, {ID: "2"}, {ID: "3"}}
	for text, want := range map[string]string{"one": "1", "Two.": "2", "third": "3", "the second please": "2", "2nd": "2", "three please": "3"} {
		c, ok := first(readWith(t, text, three), agent.IntentAcceptOffer)
		if !ok || c.OfferID != want {
			t.Errorf("%q read as %+v, want option %s", text, readWith(t, text, three), want)
		}
	}
	if c, ok := first(readWith(t, "five", three), agent.IntentAcceptOffer); ok {
		t.Errorf(`"five" chose %+v from three options`, c)
	}
}

// TestTakingBackAYes: saying the yes was not meant takes the plan back.
func TestTakingBackAYes(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"hold on, I never said yes to that", "wait no I didnt mean yes", "that's not what I meant", "no no I didn't mean to agree",
		"不对，我刚才不是这个意思", "我没说好啊", "我可没说同意"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentCancelPlan); !ok {
			t.Errorf("%q read as %+v, want the plan taken back", text, readWith(t, text, nil))
		}
	}
}
