package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// Readings in wordings met after the third held-out batch, each tested in
// words of its own.

// TestMoreOptOutWordings: a channel never agreed to, or messages no longer
// to reach a number, opt out of that channel.
func TestMoreOptOutWordings(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"I never agreed to get texts from your company", "i never opted in to these messages",
		"我这个号码不想再收到你们的短信", "别再让我收到这种消息了",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentOptOut); !ok {
			t.Errorf("%q read as %+v, want an opt-out", text, readWith(t, text, nil))
		}
	}
}

// TestMoreRestrictions: a workplace named by its kind, "anywhere but my
// job", an e-mail-only request said as "in writing to my email", and
// mixed Chinese and English restrictions.
func TestMoreRestrictions(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"please don't ring me when I'm at the factory",
		"never text me during my shift at the store",
		"reach me anywhere but at my job",
		"send it all in writing to my email from now on",
		"email is the only way I want to be contacted",
		"在单位的时候 don't call me",
		"上班时间 please don't text me",
		"以后只 email 我",
	} {
		cmds := readWith(t, text, nil)
		if _, ok := first(cmds, agent.IntentRestrictContact); !ok {
			t.Errorf("%q read as %+v, want a restriction", text, cmds)
		}
		if _, ok := first(cmds, agent.IntentOptOut); ok {
			t.Errorf("%q read as an opt-out %+v", text, cmds)
		}
	}
}

// TestRelativesReportingTheBorrowersDeath: someone who says they are the
// borrower's relative and tells of a death reports the borrower's death.
func TestRelativesReportingTheBorrowersDeath(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"I am daughter of Mohan Rao. Father expired last week after a stroke.",
		"this is Tom's brother, Tom passed away on Sunday",
		"我是李强的儿子，我爸上周去世了",
		"我是王丽的丈夫，她前几天走了",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentDeceased); !ok {
			t.Errorf("%q read as %+v, want the borrower's death", text, readWith(t, text, nil))
		}
	}
}

// TestNamedRelationIsAThirdParty: "NAME's my roommate" speaks for someone
// else.
func TestNamedRelationIsAThirdParty(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"Anna's my flatmate, she's out. what is this?", "Raj is my husband, why are you texting him"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentThirdParty); !ok {
			t.Errorf("%q read as %+v, want a third party", text, readWith(t, text, nil))
		}
	}
}

// TestMoreCancellations: second thoughts and "plan … cancel 掉" take the
// agreed plan back.
func TestMoreCancellations(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"I've had second thoughts, undo what I agreed to", "please cancel what we just set up", "那个 plan 帮我 cancel 掉", "刚才选的 plan 不要了，cancel"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentCancelPlan); !ok {
			t.Errorf("%q read as %+v, want the plan taken back", text, readWith(t, text, nil))
		}
	}
}

// TestMoreAsksForTheLowest: the cheapest or most flexible terms.
func TestMoreAsksForTheLowest(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"what's the cheapest way to get this done", "give me your most flexible option", "whats the best deal you can do"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentAskLowest); !ok {
			t.Errorf("%q read as %+v, want a request for the lowest terms", text, readWith(t, text, nil))
		}
	}
}

// TestTimeToConsultSomeone: wanting to check with a spouse before
// committing is time to decide.
func TestTimeToConsultSomeone(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"let me run it past my husband first", "I want to go over this with my partner before I agree", "我得先跟我老婆商量一下"} {
		if _, ok := first(readWith(t, text, oneOffer), agent.IntentGoodbye); !ok {
			t.Errorf("%q read as %+v, want time to decide", text, readWith(t, text, oneOffer))
		}
	}
}

// TestChoiceByItsKindEndingInOne: "the settlement payment one", "the one
// payment option" pick the offer of that kind.
func TestChoiceByItsKindEndingInOne(t *testing.T) {
	t.Parallel()
	table := []agent.Plan{{ID: "1", Kind: agent.PlanSettlement}, {ID: "2", Kind: agent.PlanInstallment}}
	for text, want := range map[string]string{"the instalment plan one": "2", "the settle in one go one please": "1", "monthly instalments one": "2"} {
		c, ok := first(readWith(t, text, table), agent.IntentAcceptOffer)
		if !ok || c.OfferID != want {
			t.Errorf("%q read as %+v, want option %s", text, readWith(t, text, table), want)
		}
	}
}

// TestFurtherProtectiveWordings: protective requests in further wordings,
// each kind in words of its own.
func TestFurtherProtectiveWordings(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]agent.Intent{
		"please do not phone this household any more":            agent.IntentOptOut,
		"stop the robocalls to my mobile":                        agent.IntentOptOut,
		"no more autodialed calls please":                        agent.IntentOptOut,
		"the public defender's office is handling this for me":   agent.IntentAttorney,
		"a legal aid lawyer took on my case last week":           agent.IntentAttorney,
		"she passed. stop calling for her":                       agent.IntentDeceased,
		"my wife, whose name is on the card, died in March":      agent.IntentDeceased,
		"my son who took out this loan was killed at work":       agent.IntentDeceased,
		"I was sectioned under the mental health act last month": agent.IntentVulnerability,
		"我已经向法院申请了个人清算":                                          agent.IntentBankruptcy,
		"是我前男友用我的身份证办的卡，跟我没关系":                                   agent.IntentDispute,
		"这张卡的主人已经去世了，是我爸":                                        agent.IntentDeceased,
		"佢上個禮拜過咗身，呢個戶口係佢嘅":                                       agent.IntentDeceased,
		"先夫已於去年辭世，此貸款為其名下":                                       agent.IntentDeceased,
	} {
		if _, ok := first(readWith(t, text, nil), want); !ok {
			t.Errorf("%q read as %+v, want %s", text, readWith(t, text, nil), want)
		}
	}
	// Not yet bankrupt is hardship, no bankruptcy.
	for _, text := range []string{"还不至于破产，只是这几个月比较紧", "没到要破产的地步"} {
		if _, ok := first(readWith(t, text, nil), agent.IntentBankruptcy); ok {
			t.Errorf("%q read as a bankruptcy %+v", text, readWith(t, text, nil))
		}
	}
}
