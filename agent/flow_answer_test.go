package agent_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// fakeKnowledge returns fixed passages, or an error.
type fakeKnowledge struct {
	passages []agent.Passage
	err      error
}

func (k fakeKnowledge) Search(context.Context, string, string, int) ([]agent.Passage, error) {
	return k.passages, k.err
}

func withKnowledge(k agent.Knowledge) setupOption {
	return func(_ *agent.Account, c *agent.Config) { c.Knowledge = k }
}

func TestQuestionsBeforeVerification(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		intent agent.Intent
		want   []string
	}{
		{"bot", agent.IntentAskBot, []string{"Yes.", "automated assistant", "not a person", "talk to a person"}},
		{"who", agent.IntentAskWho, []string{"I'm Ava", "Midwest Recovery"}},
		{"credit waits", agent.IntentAskCredit, []string{"date of birth"}},
		{"advice waits", agent.IntentAskAdvice, []string{"date of birth"}},
		{"creditor waits", agent.IntentAskCreditor, []string{"date of birth"}},
		{"due date waits", agent.IntentAskDueDate, []string{"date of birth"}},
		{"fees wait", agent.IntentAskFees, []string{"date of birth"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, usAccount(), agent.ChannelChat)
			res := b.turn("question", cmd(tt.intent))
			noDebtDetail(t, res)
			contains(t, res, tt.want...)
		})
	}
}

func TestQuestionsAfterVerification(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		intent agent.Intent
		want   []string
	}{
		{"balance", agent.IntentAskBalance, []string{"$1,200.00"}},
		{"due date", agent.IntentAskDueDate, []string{"January 15, 2026", "46 days past due"}},
		{"creditor", agent.IntentAskCreditor, []string{"First Bank", "Midwest Recovery is handling it"}},
		{"purpose", agent.IntentAskPurpose, []string{"a personal loan"}},
		{"how to pay", agent.IntentAskHowToPay, []string{"secure link"}},
		{"fees", agent.IntentAskFees, []string{"I don't add any fees"}},
		{"credit", agent.IntentAskCredit, []string{"do not report this account to the credit bureaus"}},
		{"advice", agent.IntentAskAdvice, []string{"free, confidential debt advice", "nfcc.org"}},
		{"bot", agent.IntentAskBot, []string{"automated assistant"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, usAccount(), agent.ChannelChat)
			b.verify()
			res := b.turn("question", cmd(tt.intent))
			contains(t, res, tt.want...)
			if len(res.Replies) != 1 {
				t.Errorf("replies = %d, want 1", len(res.Replies))
			}
		})
	}
}

func TestKnowledgeAnswers(t *testing.T) {
	t.Parallel()
	passage := agent.Passage{DocID: "ways-to-pay", Title: "Ways to pay", Text: "You can pay by card, bank transfer or at any post office.", Score: 0.8}
	tests := []struct {
		name string
		kb   agent.Knowledge
		want string
	}{
		{"cites the document", fakeKnowledge{passages: []agent.Passage{passage}}, `From our guide "Ways to pay": You can pay by card`},
		{"weak match is not quoted", fakeKnowledge{passages: []agent.Passage{{Title: "Ways to pay", Text: "You can pay at any post office.", Score: 0.19}}}, "I'm not sure about that"},
		{"match at the threshold is quoted", fakeKnowledge{passages: []agent.Passage{{Title: "Ways to pay", Text: "You can pay at any post office.", Score: 0.2}}}, `From our guide "Ways to pay"`},
		{"a passage that does not speak of the question is not quoted",
			fakeKnowledge{passages: []agent.Passage{{Title: "Plans", Text: "Once you accept a plan, we send a secure link to pay.", Score: 0.9}}}, "I'm not sure about that"},
		{"search error", fakeKnowledge{err: errors.New("index down")}, "I'm not sure about that"},
		{"no knowledge base", nil, "I'm not sure about that"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, usAccount(), agent.ChannelChat, withKnowledge(tt.kb))
			b.verify()
			res := b.turn("can I pay at the post office?", agent.Command{Intent: agent.IntentQuestion, Text: "can I pay at the post office?"})
			contains(t, res, tt.want)
		})
	}
}

func TestKnowledgeAnswerBeforeVerificationRevealsNoDebt(t *testing.T) {
	t.Parallel()
	kb := fakeKnowledge{passages: []agent.Passage{{Title: "Opening hours", Text: "Our team is available 8am to 8pm on weekdays.", Score: 0.9}}}
	b := setup(t, usAccount(), agent.ChannelChat, withKnowledge(kb))
	res := b.turn("when are you open?", agent.Command{Intent: agent.IntentQuestion, Text: "when are you open?"})
	noDebtDetail(t, res)
	contains(t, res, "Opening hours")
}

func TestGreetingsAndThanks(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("hello", cmd(agent.IntentGreeting))
	contains(t, res, "pay in full")
	res = b.turn("thanks", cmd(agent.IntentThanks))
	contains(t, res, "You're welcome")
	res = b.turn("asdfgh")
	contains(t, res, "didn't quite follow")
}

// fakePhraser answers with fixed text, or fails.
type fakePhraser struct {
	text string
	err  error
}

func (p fakePhraser) Phrase(_ context.Context, req agent.PhraseRequest) (agent.PhraseResult, error) {
	if p.err != nil {
		return agent.PhraseResult{}, p.err
	}
	if req.Question == "" || len(req.Passages) == 0 {
		return agent.PhraseResult{}, errors.New("no question or passages")
	}
	return agent.PhraseResult{Text: p.text, Model: "test-model", PromptVersion: "phrase.answer.v1.en"}, nil
}

func TestPhrasedKnowledgeAnswers(t *testing.T) {
	t.Parallel()
	kb := fakeKnowledge{passages: []agent.Passage{{Title: "Ways to pay", Text: "You can pay by card or bank transfer.", Score: 0.9}}}
	tests := []struct {
		name      string
		phraser   agent.Phraser
		want      string
		wantModel string
		blocked   bool
	}{
		{"model answer goes out", fakePhraser{text: "Sure, you can pay by card or bank transfer."}, "Sure, you can pay by card or bank transfer.", "test-model", false},
		{"model failure quotes the passage", fakePhraser{err: errors.New("timeout")}, `From our guide "Ways to pay"`, "", false},
		{"refused model answer falls back to the quote", fakePhraser{text: "Pay $35.00 extra and we'll forget the rest."}, `From our guide "Ways to pay"`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, usAccount(), agent.ChannelChat, withKnowledge(kb), func(_ *agent.Account, c *agent.Config) { c.Phraser = tt.phraser })
			b.verify()
			if tt.blocked {
				b.modelBlockOK = true
			}
			res := b.turn("how do I pay?", agent.Command{Intent: agent.IntentQuestion, Text: "how do I pay?"})
			contains(t, res, tt.want)
			if len(res.Replies) != 1 {
				t.Fatalf("replies = %d", len(res.Replies))
			}
			if got := res.Replies[0].Model; got != tt.wantModel {
				t.Errorf("model = %q, want %q", got, tt.wantModel)
			}
			if tt.blocked != hasKind(res.Events, agent.EventMessageBlocked) {
				t.Errorf("message_blocked = %v, want %v", !tt.blocked, tt.blocked)
			}
		})
	}
}

// TestTruthfulAnswers holds the answers to "will you sue me?", "isn't
// this debt too old?", "will this hurt my credit?" and "send me the
// validation notice" to the account's facts: a time-barred debt is told
// it will not be sued on (California in Civ. Code 1788.14(d)'s words), any
// other debt only what legal_action_approved allows, and the credit answer
// follows the reporting fact and the debt's age.
func TestTruthfulAnswers(t *testing.T) {
	t.Parallel()
	old := func(a agent.Account) agent.Account {
		a.DueDate = time.Date(2018, 6, 1, 0, 0, 0, 0, time.UTC)
		a.DaysPastDue = 2800
		a.Flags.TimeBarred = true
		return a
	}
	in := func(j string, a agent.Account) agent.Account { a.Borrower.Jurisdiction = j; return a }
	approved := usAccount()
	approved.Flags.LegalActionApproved = true
	reported := usAccount()
	reported.Flags.CreditReported = true
	recent := old(usAccount())
	recent.DueDate = time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		acct      agent.Account
		intent    agent.Intent
		want, not []string
	}{
		{"time-barred suit", old(usAccount()), agent.IntentAskSuit, []string{"we will not sue you for it"}, []string{"No legal action"}},
		{"time-barred age", old(usAccount()), agent.IntentAskTimeBarred, []string{"statute of limitations", "we will not sue you"}, nil},
		{"California", in("US-CA", recent), agent.IntentAskSuit,
			[]string{"The law limits how long you can be sued on a debt. Because of the age of your debt, we will not sue you for it."}, nil},
		{"California past reporting", in("US-CA", old(usAccount())), agent.IntentAskSuit,
			[]string{"or report payment or non-payment of it to a credit bureau"}, nil},
		{"New York", in("US-NY", old(usAccount())), agent.IntentAskSuit, []string{"statute of limitations", "has expired"}, nil},
		{"UK statute-barred", in("GB", old(usAccount())), agent.IntentAskSuit, []string{"will not take you to court"}, nil},
		{"no legal action approved", usAccount(), agent.IntentAskSuit, []string{"No legal action has been approved"}, []string{"will not sue", "may sue"}},
		{"legal action approved", approved, agent.IntentAskSuit, []string{"approved legal action as a possible step"}, []string{"will not sue", "No legal action"}},
		{"within the time limit", usAccount(), agent.IntentAskTimeBarred, []string{"still within the legal time limit"}, []string{"will not sue"}},
		{"credit not reported", usAccount(), agent.IntentAskCredit, []string{"do not report this account to the credit bureaus"}, []string{"credit reference", "may be reported"}},
		{"credit reported", reported, agent.IntentAskCredit, []string{"We report this account to the credit bureaus"}, []string{"best way to limit"}},
		{"credit past the reporting period", old(reported), agent.IntentAskCredit, []string{"too old to appear on your credit report"}, []string{"We report this"}},
		{"credit UK", in("GB", reported), agent.IntentAskCredit, []string{"credit reference agencies", "credit file"}, []string{"credit bureau"}},
		{"validation notice", usAccount(), agent.IntentAskValidation, []string{"validation notice", "in writing"}, []string{"Option 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, tt.acct, agent.ChannelChat)
			b.verify()
			res := b.turn("question", cmd(tt.intent))
			contains(t, res, tt.want...)
			notContains(t, res, tt.not...)
		})
	}
}

// TestDontKnowTwiceGoesToAPerson: an "I don't know" counts like a "didn't
// follow": the second in a row hands the conversation to a person.
func TestDontKnowTwiceGoesToAPerson(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat, withKnowledge(fakeKnowledge{}))
	b.verify()
	res := b.turn("do you take bitcoin?", agent.Command{Intent: agent.IntentQuestion, Text: "do you take bitcoin?"})
	contains(t, res, "I'm not sure about that")
	res = b.turn("what is your office address?", agent.Command{Intent: agent.IntentQuestion, Text: "what is your office address?"})
	wantState(t, res, agent.StateHandoff)
}

// TestVoiceIntroductionSaysCallingFor: on a call the assistant is
// "calling for" the collector, once; in a chat it is "writing for".
func TestVoiceIntroductionSaysCallingFor(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelVoice)
	res := b.turn("who is calling?", cmd(agent.IntentAskWho))
	contains(t, res, "automated assistant calling for Midwest Recovery")
	notContains(t, res, "writing for")
	noDebtDetail(t, res)
	if n := strings.Count(text(res), "automated"); n != 1 {
		t.Errorf("the introduction is said %d times, want once", n)
	}
	c := setup(t, usAccount(), agent.ChannelChat)
	contains(t, c.turn("hello", cmd(agent.IntentGreeting)), "automated assistant writing for Midwest Recovery")
}

// TestPausedAccountGreeting: a hello on a disputed account is told that
// collection is paused, not thanked.
func TestPausedAccountGreeting(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat, withAccount(func(a *agent.Account) { a.Flags.Disputed = true }))
	b.verify()
	res := b.turn("hello", cmd(agent.IntentGreeting))
	contains(t, res, "Your dispute is open")
	notContains(t, res, "You're welcome")
}

// TestTwoFallbacksBeforeVerificationGoToAPerson: two messages in a row
// that nothing understands hand the conversation to a person before
// verification too; a message understood in between starts the count anew.
func TestTwoFallbacksBeforeVerificationGoToAPerson(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	res := b.turn("asdfgh", cmd(agent.IntentUnknown))
	noEvents(t, res, agent.EventHandoffRequested)
	res = b.turn("hello", cmd(agent.IntentGreeting))
	noEvents(t, res, agent.EventHandoffRequested)
	res = b.turn("qwerty", cmd(agent.IntentUnknown))
	noEvents(t, res, agent.EventHandoffRequested)
	res = b.turn("zxcv", cmd(agent.IntentUnknown))
	wantEvents(t, res, agent.EventHandoffRequested)
	wantState(t, res, agent.StateHandoff)
	noDebtDetail(t, res)
}

// TestCaliforniaTimeBarredNoticeAtVerification: a California time-barred
// account hears Civ. Code 1788.14(d)'s notice with the disclosure, once.
func TestCaliforniaTimeBarredNoticeAtVerification(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat, withAccount(func(a *agent.Account) {
		a.Borrower.Jurisdiction = "US-CA"
		a.Flags.TimeBarred = true
	}))
	res := b.verify()
	contains(t, res, "The law limits how long you can be sued on a debt.")
	res = b.turn("can you sue me?", cmd(agent.IntentAskSuit))
	if n := strings.Count(text(res), "The law limits"); n != 1 {
		t.Errorf("the notice is said %d times, want once:\n%s", n, text(res))
	}
}

// A "no, the other one" after a reply that did not follow is not a
// refusal of offers nobody made: it is a second message not understood,
// and a person takes over instead of the options being put forward.
func TestANoAfterADidntFollowIsNotUnderstoodAgain(t *testing.T) {
	t.Parallel()
	for _, deny := range []agent.Intent{agent.IntentDeny, agent.IntentRejectOffer} {
		b := setup(t, usAccount(), agent.ChannelChat)
		b.verify()
		b.turn("the blue folder thing from before", cmd(agent.IntentUnknown))
		res := b.turn("no the other one with the stamp", cmd(deny))
		wantEvents(t, res, agent.EventHandoffRequested)
		noEvents(t, res, agent.EventPlanOffered)
	}
}
