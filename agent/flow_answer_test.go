package agent_test

import (
	"context"
	"errors"
	"testing"

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
		{"credit", agent.IntentAskCredit, []string{"credit reference agencies"}},
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
		{"weak match is not quoted", fakeKnowledge{passages: []agent.Passage{{Title: "x", Text: "y", Score: 0.05}}}, "didn't quite follow"},
		{"search error", fakeKnowledge{err: errors.New("index down")}, "didn't quite follow"},
		{"no knowledge base", nil, "didn't quite follow"},
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
