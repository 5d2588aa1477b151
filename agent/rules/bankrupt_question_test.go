package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestBankruptcyAskedAboutIsNotAFiling: bankruptcy asked about (what it
// would do, whether to, a past tense inside an "if") is weighed, not
// filed: a person is offered and hardship noted, no filing recorded. A
// figure of speech for being short of money is hardship alone.
func TestBankruptcyAskedAboutIsNotAFiling(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"would declaring bankruptcy get rid of this debt?",
		"if I filed for bankruptcy next month what happens to this account",
		"is chapter 7 a good idea for someone like me?",
		"what if I went bankrupt, would you still chase me",
		"我是不是应该去申请破产",
		"係咪申請破產會好啲",
		"我谂紧要唔要申请破产",
	} {
		cmds := readWith(t, text, nil)
		if _, ok := first(cmds, agent.IntentBankruptcy); ok {
			t.Errorf("%q read as a filing: %+v", text, cmds)
		}
		if _, ok := first(cmds, agent.IntentRequestHuman); !ok {
			t.Errorf("%q: no person offered for a bankruptcy weighed: %+v", text, cmds)
		}
	}
	for _, text := range []string{
		"I'm practically bankrupt till payday, can I pay a bit later",
		"这个月穷得都快破产了，能晚几天吗",
	} {
		cmds := readWith(t, text, nil)
		if _, ok := first(cmds, agent.IntentBankruptcy); ok {
			t.Errorf("%q read as a filing: %+v", text, cmds)
		}
		if _, ok := first(cmds, agent.IntentHardship); !ok {
			t.Errorf("%q not read as hardship: %+v", text, cmds)
		}
	}
	// A filing stays a filing.
	for _, text := range []string{"I filed for bankruptcy last week", "我已经申请破产了，法院受理了"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentBankruptcy); !ok {
			t.Errorf("%q is no longer a filing", text)
		}
	}
}

// TestBankruptcyConsequenceAsked: what bankruptcy would do to the debt,
// asked with any verb of clearing it, is weighed, not filed.
func TestBankruptcyConsequenceAsked(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"would bankruptcy wipe out what I owe?", "does chapter 7 clear credit card debt like this?"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentBankruptcy); ok {
			t.Errorf("%q read as a filing: %+v", text, readWith(t, text, nil))
		}
	}
}
