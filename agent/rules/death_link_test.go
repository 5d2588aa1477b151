package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestDeathTiedToTheAccount: news of a death that ties the dead person to
// the account, the card or the phone the messages reach ("she was the
// cardholder", "the loan was his", "my uncle opened this account", "the
// person you keep writing to", a dead woman's number) is the borrower's
// death, not a bereavement of the writer's.
func TestDeathTiedToTheAccount(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"My dad died in October. He was the cardholder.",
		"our son lost his battle with leukaemia in the spring, the loan was his",
		"hello, my uncle opened this account years ago and he has since passed away",
		"you keep texting a dead woman's number, she is gone",
		"I am writing to tell you my father passed on 2 May.",
		"我姥姥去年走了，这个是她的账户",
		"你们天天打电话找的那个人，上个月已经过世了",
		"先父已于去年辞世，请勿再来电",
	} {
		cmds := readWith(t, text, nil)
		if _, ok := first(cmds, agent.IntentDeceased); !ok {
			t.Errorf("%q read as %+v, want the borrower's death", text, cmds)
		}
	}
	// A bereavement the borrower tells of stays one.
	for _, text := range []string{"my mum died last month and I can't think about money right now", "我爸上个月走了，我现在没心思处理"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentDeceased); ok {
			t.Errorf("%q read as the borrower's death", text)
		}
	}
}

// TestDeathOfWhoTheCardBelongedTo: "the card belonged to her" ties a
// death to the account as "the card was hers" does.
func TestDeathOfWhoTheCardBelongedTo(t *testing.T) {
	t.Parallel()
	text := "my mother died in May, the card belonged to her"
	if _, ok := first(readWith(t, text, nil), agent.IntentDeceased); !ok {
		t.Errorf("%q read as %+v, want the borrower's death", text, readWith(t, text, nil))
	}
}
