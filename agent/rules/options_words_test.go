package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestOptionsAskedInOtherWords: the options asked for in Hindi in Latin
// letters with a singular or after the noun ("koi scheme dikhao", "plan
// kya kya hai", "EMI ka option hai kya"), in instalments (kishton mein,
// thoda thoda karke), in Chinese with the plans before the verb
// (方案列给我, 方案发给我瞧瞧) and in Cantonese (有乜还款办法, 你哋有咩方案):
// a plan asked for, with no figures. A number of months before mein, after
// "do" or "something like", or before wala is a count of monthly payments.
func TestOptionsAskedInOtherWords(t *testing.T) {
	t.Parallel()
	asked := []agent.Command{c(agent.IntentProposePlan)}
	runUnderstand(t, []understandCase{
		{text: "koi scheme dikhao na", want: asked},
		{text: "plan kya kya hai aapke paas", want: asked},
		{text: "kuch option hai kya", want: asked},
		{text: "kishton mein pay kar sakti hoon?", want: asked},
		{text: "thoda thoda karke dena chahta hoon", want: asked},
		{text: "方案列给我", want: asked},
		{text: "方案发给我瞧瞧", want: asked},
		{text: "有乜还款办法", want: asked},
		{text: "你哋有咩方案？", want: asked},
		{text: "有啥还款方法", want: asked},
		{text: "8 mahine mein chuka doon?", want: []agent.Command{plan("", agent.Monthly, 8)}},
		{text: "12 mahino mein bhar sakti hoon", want: []agent.Command{plan("", agent.Monthly, 12)}},
		{text: "could we do 5 months instead?", want: []agent.Command{plan("", agent.Monthly, 5)}},
		{text: "ok so maybe something like 7 months?", want: []agent.Command{plan("", agent.Monthly, 7)}},
		{text: "4 months wala chalega kya", want: []agent.Command{plan("", agent.Monthly, 4)}},
	})
}
