package fakellm_test

import (
	"log/slog"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/openai"
	"github.com/parley-collections/parley/agent/understand"
	"github.com/parley-collections/parley/evals/fakellm"
)

// brains wires Parley's LLM brain and phraser to the fake, as cmd/parley
// does: the model is the third reader beside the rules brain (fallback)
// and the classifier.
func brains(s *fakellm.Server, fallback agent.Brain) (agent.Brain, agent.Phraser, error) {
	cfg := openai.Config{BaseURL: s.BaseURL(), APIKey: "fake", Model: fakellm.Model, BreakerThreshold: 1 << 30,
		Logger: slog.New(slog.DiscardHandler)}
	b, err := openai.NewBrain(cfg, fallback)
	if err != nil {
		return nil, nil, err
	}
	p, err := openai.NewPhraser(cfg)
	if err != nil {
		return nil, nil, err
	}
	return understand.New(fallback, b), p, nil
}
