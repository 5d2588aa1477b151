package agent_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
)

// rewordPhraser rewords drafts with a function of the draft and records
// every draft it was given.
type rewordPhraser struct {
	reword func(draft string) string
	mu     sync.Mutex
	drafts []string
}

func (p *rewordPhraser) Phrase(_ context.Context, req agent.PhraseRequest) (agent.PhraseResult, error) {
	p.mu.Lock()
	p.drafts = append(p.drafts, req.Draft)
	p.mu.Unlock()
	res := agent.PhraseResult{Text: p.reword(req.Draft), Model: "test-model", PromptVersion: "system.v1.en.chat"}
	if req.Stream != nil {
		for _, s := range strings.SplitAfter(res.Text, ". ") {
			req.Stream(strings.TrimSpace(s))
		}
	}
	return res, nil
}

func (p *rewordPhraser) seen() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.drafts)
}

func withPhraser(p agent.Phraser) setupOption {
	return func(_ *agent.Account, c *agent.Config) { c.Phraser = p }
}

// draft is the template the US account's verified borrower gets for intent.
func draft(t *testing.T, intent agent.Intent) string {
	t.Helper()
	var d prompts.Data = prompts.Menu{}
	if intent == agent.IntentAskBalance {
		d = prompts.Balance{Creditor: "First Bank", Balance: "$1,200.00"}
	}
	text, _, err := prompts.Render("en", d)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

func TestRewordedBalanceAnswer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		intent  agent.Intent
		reword  string
		blocked string // the rule refusing it; "" when the rewording goes out
	}{
		{"keeps the draft's amounts", agent.IntentAskBalance, "Sure! The balance on your First Bank account is $1,200.00.", ""},
		// The guard's own amount rule refuses an amount the account does not ground.
		{"adds an amount", agent.IntentAskBalance, "You owe First Bank $1,200.00; pay $50.00 today to stop interest.", "US-P5"},
		// The rewording's grounding in its draft refuses the balance where the draft had none,
		{"adds the balance to the menu", agent.IntentGreeting, "You owe $1,200.00. Pay in full, or see a plan?", agent.RuleDraftGrounding},
		// and dates, which the guard does not ground.
		{"adds a date", agent.IntentAskBalance, "You owe First Bank $1,200.00, due by December 5.", agent.RuleDraftGrounding},
		{"adds a weekday", agent.IntentAskBalance, "You owe First Bank $1,200.00. Please pay by Friday.", agent.RuleDraftGrounding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ph := &rewordPhraser{reword: func(string) string { return tt.reword }}
			b := setup(t, usAccount(), agent.ChannelChat, withPhraser(ph))
			b.modelBlockOK = true
			b.verify()
			res := b.turn("a question", cmd(tt.intent))
			if len(res.Replies) != 1 {
				t.Fatalf("replies = %d: %s", len(res.Replies), text(res))
			}
			got := res.Replies[0]
			if tt.blocked == "" {
				if !strings.HasPrefix(got.Text, tt.reword) || got.Model != "test-model" || !strings.HasPrefix(got.TemplateVersion, "system.v1.en.chat/balance.v1.en") {
					t.Errorf("reply = %q, model %q, version %q", got.Text, got.Model, got.TemplateVersion)
				}
				noEvents(t, res, agent.EventMessageBlocked)
				return
			}
			wantEvents(t, res, agent.EventMessageBlocked)
			var blocked agent.Message
			for _, e := range res.Events {
				if e.Kind == agent.EventMessageBlocked {
					blocked, _ = b.store.Message(b.ctx, e.Data["message_id"])
				}
			}
			if blocked.Text != tt.reword || blocked.Status != agent.StatusBlocked || blocked.Model != "test-model" || blocked.Guard == nil {
				t.Fatalf("blocked message = %+v", blocked)
			}
			if !strings.HasPrefix(got.Text, draft(t, tt.intent)) || got.Model != "" || got.TemplateVersion != blocked.TemplateVersion[len("system.v1.en.chat/"):] {
				t.Errorf("reply = %q, model %q, version %q; want the template unchanged", got.Text, got.Model, got.TemplateVersion)
			}
			var found bool
			for _, v := range blocked.Guard.Violations {
				if v.Rule == tt.blocked && v.Category == policies.CatUngroundedAmount {
					found = true
				}
			}
			if !found {
				t.Errorf("violations = %+v, want %s", blocked.Guard.Violations, tt.blocked)
			}
		})
	}
}

// TestRewordingLeavesFixedWordsAlone walks a conversation through replies
// whose words are fixed: none of them reaches the phraser.
func TestRewordingLeavesFixedWordsAlone(t *testing.T) {
	t.Parallel()
	ph := &rewordPhraser{reword: func(d string) string { return "Sure! " + d }}
	b := setup(t, usAccount(), agent.ChannelSMS, withPhraser(ph))
	b.turn("hi", cmd(agent.IntentGreeting))                         // introduction and identity request
	b.turn("how much do I owe?", cmd(agent.IntentAskBalance))       // identity request again
	res := b.verify()                                               // verified, disclosure, the held balance question
	b.turn("will this hurt my credit?", cmd(agent.IntentAskCredit)) // approved wording
	b.turn("how do I pay?", cmd(agent.IntentAskHowToPay))           // payment instructions
	b.turn("what do I owe?", cmd(agent.IntentAskBalance))           // may be reworded
	b.turn("I want to kill myself", cmd(agent.IntentVulnerable))    // crisis reply
	b.turn("STOP", agent.Command{Intent: agent.IntentOptOut})       // opt-out confirmation
	if len(ph.seen()) != 1 || !hasKind(res.Events, agent.EventDisclosureGiven) {
		t.Fatalf("drafts reworded: %q; events on verification: %v", ph.seen(), kinds(res.Events))
	}
	fixed := []prompts.Data{
		prompts.Disclosure{Region: prompts.RegionUS, Collector: usAccount().Collector(), Creditor: "First Bank", Agency: "Midwest Recovery"},
		prompts.Credit{},
		prompts.HowToPay{},
		prompts.Crisis{Region: prompts.RegionUS},
		prompts.IdentityRequest{First: prompts.FactDOB, Second: prompts.FactZip},
		prompts.OptOut{Channel: "sms", Collector: usAccount().Collector(), Current: true},
	}
	for _, d := range ph.seen() {
		for _, fd := range fixed {
			text, _, err := prompts.Render("en", fd)
			if err != nil {
				t.Fatal(err)
			}
			if first, _, _ := strings.Cut(text, "\n"); strings.Contains(d, first) {
				t.Errorf("%s went to the phraser: %q", fd.Template(), d)
			}
		}
	}
	msgs, err := b.store.Messages(b.ctx, b.convID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var reworded []string
	for _, m := range msgs {
		if m.Model != "" {
			reworded = append(reworded, m.TemplateVersion)
		}
	}
	if diff := cmp.Diff([]string{"system.v1.en.chat/balance.v1.en"}, reworded); diff != "" {
		t.Errorf("reworded messages (-want +got):\n%s", diff)
	}
}

func TestUngrounded(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"$1,200.00 and 1200.5", []string{"1200", "1200.5"}},
		{"pay 050 by the 3rd", []string{"50", "3"}},
		{"one hundred and fifty", []string{"150"}},
		{"twenty-five or a thousand", []string{"25", "1000"}},
		{"one of us, zero fees", []string{"0"}},
		{"two million", []string{"2000000"}},
		{"一百五十元", []string{"150"}},
		{"两千", []string{"2000"}},
		{"十五期", []string{"15"}},
		{"三万五千", []string{"35000"}},
		{"二〇二六年", []string{"2026"}},
		{"一起 十分 一定 一下", nil},
		{"１２３", []string{"123"}},
		{"nothing here", nil},
		{"by Friday, or tomorrow in March", []string{"friday", "tomorrow", "march"}},
		{"May I show you some options?", nil},
		{"明天或下周还款", []string{"明天", "下周"}},
	}
	for _, tt := range tests {
		got := agent.Ungrounded(tt.in)
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Ungrounded(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	if u := agent.Ungrounded("You owe 1200 and fifty by Friday", "$1,200.00", "50 cents on friday"); len(u) != 0 {
		t.Errorf("grounded numbers reported: %v", u)
	}
}

// hangingPhraser answers only when its context ends.
type hangingPhraser struct{}

func (hangingPhraser) Phrase(ctx context.Context, _ agent.PhraseRequest) (agent.PhraseResult, error) {
	<-ctx.Done()
	return agent.PhraseResult{}, ctx.Err()
}

// TestSlowRewordingLeavesTimeForTheTemplate: a model that never answers
// costs the borrower its words, not the reply.
func TestSlowRewordingLeavesTimeForTheTemplate(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat, withPhraser(hangingPhraser{}),
		func(_ *agent.Account, c *agent.Config) { c.TurnTimeout = 1500 * time.Millisecond })
	b.verify()
	res := b.turn("how much do I owe?", cmd(agent.IntentAskBalance))
	if len(res.Replies) != 1 || !strings.HasPrefix(res.Replies[0].Text, draft(t, agent.IntentAskBalance)) || res.Replies[0].Model != "" {
		t.Errorf("replies = %+v", res.Replies)
	}
}

// TestStreamedReplyIsStoredBeforeItIsSpoken: on a streaming voice turn,
// every chunk the caller hears is already in the store, the reply holding
// all that has been said so far; once complete it is marked sent. A
// supervisor who takes over mid-reply stops it at the next chunk.
func TestStreamedReplyIsStoredBeforeItIsSpoken(t *testing.T) {
	t.Parallel()
	reword := "Thanks! The balance on your First Bank account is $1,200.00. I'm glad to help."
	for _, takeover := range []bool{false, true} {
		t.Run(map[bool]string{false: "whole reply", true: "supervisor takes over"}[takeover], func(t *testing.T) {
			t.Parallel()
			ph := &rewordPhraser{reword: func(string) string { return reword }}
			b := setup(t, usAccount(), agent.ChannelVoice, withPhraser(ph))
			b.verify()
			b.brain.learn("how much", "", []agent.Command{cmd(agent.IntentAskBalance)})
			var spoken []string
			var problems []string
			stream := func(chunk string) {
				spoken = append(spoken, chunk)
				ms, err := b.store.Messages(b.ctx, b.convID, 0, 0)
				if err != nil {
					problems = append(problems, err.Error())
					return
				}
				last := ms[len(ms)-1]
				if last.Direction != agent.DirectionOut || last.Status != agent.StatusSending || last.Text != strings.Join(spoken, "") {
					problems = append(problems, fmt.Sprintf("chunk %q spoken while the store held %q (%s)", chunk, last.Text, last.Status))
				}
				if takeover && len(spoken) == 1 {
					if err := b.store.SetOwner(b.ctx, b.convID, "", "alice"); err != nil {
						problems = append(problems, err.Error())
					}
				}
			}
			res, err := b.orch.Handle(b.ctx, agent.Inbound{Channel: agent.ChannelVoice, AccountID: b.acct.ID,
				From: b.acct.Borrower.Phones[0], Text: "how much", ChannelMessageID: "CA-stream:1", ConversationID: b.convID},
				agent.WithStream(stream))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Error(p)
			}
			if takeover {
				// The reply is what was spoken before the supervisor took over.
				if len(spoken) != 1 || len(res.Replies) != 1 || len(res.Blocked) != 0 {
					t.Fatalf("spoken %q, replies %+v, blocked %+v; want one chunk as the reply", spoken, res.Replies, res.Blocked)
				}
				m, err := b.store.Message(b.ctx, res.Replies[0].ID)
				if err != nil || m.Status != agent.StatusSent || m.Text != spoken[0] {
					t.Errorf("stored reply %+v (%v); want the spoken chunk, sent", m, err)
				}
				return
			}
			if len(spoken) < 3 || len(res.Replies) != 1 {
				t.Fatalf("spoken %q, replies %d", spoken, len(res.Replies))
			}
			m, err := b.store.Message(b.ctx, res.Replies[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if m.Status != agent.StatusSent || m.Text != strings.Join(spoken, "") || m.Model != "test-model" ||
				!strings.HasPrefix(m.TemplateVersion, "system.v1.en.chat/balance.v1.en") || m.Guard == nil || m.Guard.Text != m.Text {
				t.Errorf("stored reply %+v; spoken %q", m, spoken)
			}
		})
	}
}
