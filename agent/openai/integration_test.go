package openai

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// TestIntegration runs against a real endpoint when PARLEY_LLM_BASE_URL is
// set, e.g. a local Ollama: PARLEY_LLM_BASE_URL=http://127.0.0.1:11434/v1
// PARLEY_LLM_MODEL=qwen2.5:7b go test -run Integration ./agent/openai
func TestIntegration(t *testing.T) {
	if os.Getenv("PARLEY_LLM_BASE_URL") == "" {
		t.Skip("PARLEY_LLM_BASE_URL not set")
	}
	t.Parallel()
	cfg := ConfigFromEnv(os.Getenv)
	cfg.TextTimeout = 60 * time.Second
	ctx := context.Background()

	fb := &scriptedBrain{}
	b, err := NewBrain(cfg, fb)
	if err != nil {
		t.Fatal(err)
	}
	tc := turn(agent.ChannelChat)
	tc.Now = time.Now()
	u, err := b.Understand(ctx, tc, "I don't owe this, it isn't my debt. I want to dispute it.")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("understanding: %+v", u)
	if u.Fallback == "" {
		found := false
		for _, c := range u.Commands {
			found = found || c.Intent == agent.IntentDispute
		}
		if !found {
			t.Errorf("model did not report a dispute: %+v", u.Commands)
		}
	}

	p, err := NewPhraser(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var chunks []string
	res, err := p.Phrase(ctx, agent.PhraseRequest{Locale: "en", Channel: agent.ChannelVoice,
		Draft:  "Thanks. I have recorded your dispute and we will stop asking for payment while it is reviewed.",
		Stream: func(s string) { chunks = append(chunks, s) }})
	t.Logf("phrase: %+v %v (%d chunks)", res, err, len(chunks))
	if err == nil && (res.Text == "" || len(chunks) == 0) {
		t.Errorf("empty phrasing: %+v", res)
	}
}

// TestIntegrationJudge puts a veiled threat and a plain reminder to a real
// endpoint's judge when PARLEY_LLM_BASE_URL is set: the threat must not be
// read as clean (a violation or a failure, which holds it), and the
// reminder, when the model answers, must be.
func TestIntegrationJudge(t *testing.T) {
	if os.Getenv("PARLEY_LLM_BASE_URL") == "" {
		t.Skip("PARLEY_LLM_BASE_URL not set")
	}
	t.Parallel()
	cfg := ConfigFromEnv(os.Getenv)
	cfg.TextTimeout = 60 * time.Second
	j, err := NewJudge(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	v, err := j.Judge(ctx, agent.JudgeRequest{Text: "Lovely house you have on Elm Street. Be a shame if the neighbours heard why our van keeps stopping there.",
		Locale: "en", Jurisdiction: "US", Channel: agent.ChannelSMS, Supervisor: true})
	t.Logf("threat: %+v %v", v, err)
	if err == nil && !v.Violation {
		t.Error("the judge read a veiled threat as clean")
	}
	v, err = j.Judge(ctx, agent.JudgeRequest{Text: "Hi, this is a reminder that your payment is due on Friday. Reply if you'd like to talk about options.",
		Locale: "en", Jurisdiction: "US", Channel: agent.ChannelSMS, Supervisor: true})
	t.Logf("reminder: %+v %v", v, err)
	if err == nil && v.Violation {
		t.Errorf("the judge blocked a plain reminder: %+v", v)
	}
}
