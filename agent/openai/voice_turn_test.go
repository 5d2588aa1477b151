package openai

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/policies"
)

// intentBrain understands every message as one intent.
type intentBrain agent.Intent

func (b intentBrain) Understand(context.Context, agent.TurnContext, string) (agent.Understanding, error) {
	return agent.Understanding{Brain: "test", Lang: "en", Commands: []agent.Command{{Intent: agent.Intent(b)}}}, nil
}

// voiceTurn runs one verified borrower's balance question on voice through
// an orchestrator whose phraser calls a fake streaming deltas, and returns
// the chunks the call received, the turn and its store. With gate set, the
// fake streams the first two deltas, then holds the rest back until the
// call has heard a chunk: a sentence goes out before the model finished.
func voiceTurn(t *testing.T, gate bool, deltas ...string) ([]string, agent.TurnResult, agent.Store) {
	t.Helper()
	return voiceTurnWith(t, nil, gate, deltas...)
}

// voiceTurnWith is voiceTurn with changes to the orchestrator's config.
func voiceTurnWith(t *testing.T, change func(*agent.Config), gate bool, deltas ...string) ([]string, agent.TurnResult, agent.Store) {
	t.Helper()
	ctx := context.Background()
	heard := make(chan struct{})
	var once sync.Once
	f := newFake(t, func(w http.ResponseWriter, req goopenai.ChatCompletionRequest, _ int) {
		if !req.Stream {
			t.Errorf("a voice turn asked without streaming")
		}
		writeSSE(w, false, deltas[:2]...)
		if gate {
			select {
			case <-heard:
			case <-time.After(5 * time.Second):
				t.Errorf("no chunk reached the call before the model finished")
			}
		}
		writeSSE(w, true, deltas[2:]...)
	})
	ph, err := NewPhraser(f.config())
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	acct := agent.Account{
		ID: "A-1", Creditor: "First Bank", Balance: agent.MustMoney("1200.00", "USD"),
		Borrower: agent.Borrower{Name: "Maria Lopez", Phones: []string{"+15551230001"}, Timezone: "America/Chicago",
			Jurisdiction: "US", Locale: "en"},
	}
	if err := st.PutAccount(ctx, acct); err != nil {
		t.Fatal(err)
	}
	cfg := agent.Config{Store: st, Brain: intentBrain(agent.IntentAskBalance), Guard: policies.Default(),
		Phraser: ph, Clock: agent.NewFixedClock(time.Date(2026, 3, 2, 15, 0, 0, 0, time.FixedZone("CST", -6*3600)))}
	if change != nil {
		change(&cfg)
	}
	o, err := agent.NewOrchestrator(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var chunks []string
	var res agent.TurnResult
	// The first turn's reply opens with the introduction and the
	// disclosure, whose words are fixed; the second is reworded.
	for n := 1; n <= 2; n++ {
		mu.Lock()
		chunks = nil
		mu.Unlock()
		res, err = o.Handle(ctx, agent.Inbound{Channel: agent.ChannelVoice, AccountID: acct.ID, From: "+15551230001",
			Text: "how much do I owe", ChannelMessageID: fmt.Sprintf("CA1:%d", n), ConversationID: res.Conversation.ID,
			Meta: map[string]string{"verified": "true"}},
			agent.WithStream(func(c string) {
				mu.Lock()
				chunks = append(chunks, c)
				mu.Unlock()
				once.Do(func() { close(heard) })
			}))
		if err != nil {
			t.Fatal(err)
		}
	}
	if f.count() != 1 {
		t.Errorf("phraser called %d times, want 1", f.count())
	}
	return chunks, res, st
}

func TestVoiceTurnStreamsTheRewordingSentenceBySentence(t *testing.T) {
	t.Parallel()
	// The rewording adds nothing the draft did not say but courtesy words:
	// a model's new content would be replaced by the draft (policies, Grounding).
	chunks, res, _ := voiceTurn(t, true, "Your First Bank", " balance is $1,200.00. I'm happy", " to help with", " your account.")
	want := []string{"Your First Bank balance is $1,200.00.", " I'm happy to help with your account.",
		" This communication is from a debt collector."} // the notice the guard appends to every message
	if diff := cmp.Diff(want, chunks); diff != "" {
		t.Errorf("chunks (-want +got):\n%s", diff)
	}
	if len(res.Replies) != 1 {
		t.Fatalf("replies = %+v", res.Replies)
	}
	m := res.Replies[0]
	if m.Text != strings.Join(chunks, "") || m.Status != agent.StatusSent || m.Model != "fake-model" ||
		m.TemplateVersion != "system.v1.en.voice/balance.v1.en" || m.Guard == nil || m.Guard.Text != m.Text {
		t.Errorf("stored %+v; streamed %q", m, chunks)
	}
}

func TestVoiceTurnStopsTheModelAtARefusedSentence(t *testing.T) {
	t.Parallel()
	chunks, res, st := voiceTurn(t, true, "Your First Bank balance is $1,200.00. If you do not pay,", " we will have you arrested.",
		" Anything else", " I can do?")
	want := []string{"Your First Bank balance is $1,200.00.",
		" The balance on your First Bank account is $1,200.00.", // the template, for the rest
		" This communication is from a debt collector."}
	if diff := cmp.Diff(want, chunks); diff != "" {
		t.Errorf("chunks (-want +got):\n%s", diff)
	}
	if len(res.Replies) != 1 {
		t.Fatalf("replies = %+v", res.Replies)
	}
	m := res.Replies[0]
	if m.Text != strings.Join(chunks, "") || m.Status != agent.StatusSent || m.Model != "fake-model" || m.Guard.Text != m.Text {
		t.Errorf("stored %+v; streamed %q", m, chunks)
	}
	var blocked []agent.Message
	for _, e := range res.Events {
		if e.Kind == agent.EventMessageBlocked {
			b, err := st.Message(context.Background(), e.Data["message_id"])
			if err != nil {
				t.Fatal(err)
			}
			blocked = append(blocked, b)
		}
	}
	if len(blocked) != 1 || !strings.Contains(blocked[0].Text, "arrested") || blocked[0].Status != agent.StatusBlocked ||
		blocked[0].Guard.Action != policies.Block {
		t.Errorf("blocked = %+v", blocked)
	}
}

func TestVoiceTurnRefusedFirstSentenceSendsTheTemplate(t *testing.T) {
	t.Parallel()
	chunks, res, _ := voiceTurn(t, false, "We will have you arrested", " unless you pay. Your First Bank balance", " is $1,200.00.")
	want := []string{"The balance on your First Bank account is $1,200.00. This communication is from a debt collector."}
	if diff := cmp.Diff(want, chunks); diff != "" {
		t.Errorf("chunks (-want +got):\n%s", diff)
	}
	if len(res.Replies) != 1 || res.Replies[0].Model != "" || res.Replies[0].TemplateVersion != "balance.v1.en" {
		t.Errorf("replies = %+v", res.Replies)
	}
}

// passages is a knowledge base that always finds one passage.
type passages struct{}

func (passages) Search(context.Context, string, string, int) ([]agent.Passage, error) {
	return []agent.Passage{{DocID: "pay", Title: "Ways to pay", Text: "You can pay by card or bank transfer, any day.", Score: 0.9}}, nil
}

func TestVoiceTurnStreamsAKnowledgeAnswer(t *testing.T) {
	t.Parallel()
	chunks, res, _ := voiceTurnWith(t, func(c *agent.Config) {
		c.Brain, c.Knowledge = intentBrain(agent.IntentQuestion), passages{}
	}, true, "You can pay by card", ". Or by bank transfer", ", any day.")
	want := []string{"You can pay by card.", " Or by bank transfer, any day.", " This communication is from a debt collector."}
	if diff := cmp.Diff(want, chunks); diff != "" {
		t.Errorf("chunks (-want +got):\n%s", diff)
	}
	if len(res.Replies) != 1 || res.Replies[0].Text != strings.Join(chunks, "") ||
		res.Replies[0].TemplateVersion != "system.v1.en.voice/answer.v1.en" {
		t.Errorf("replies = %+v", res.Replies)
	}
}
