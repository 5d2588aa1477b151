package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/kb"
	"github.com/parley-collections/parley/agent/openai"
	"github.com/parley-collections/parley/agent/qdrant"
	"github.com/parley-collections/parley/agent/rules"
	"github.com/parley-collections/parley/agent/understand"
	"github.com/parley-collections/parley/evals"
	"github.com/parley-collections/parley/prompts/system"
)

// brains is the understanding and phrasing the agent runs with: the rules
// brain and the embedded classifier, with an LLM over an OpenAI-compatible
// endpoint as a third reader when one is configured (agent.Understander).
type brains struct {
	brain   agent.Brain
	phraser agent.Phraser // nil without an LLM
	name    string        // "rules" or the model
	llm     openai.Config
}

// newBrains is the understanding cfg configures: the rules brain and the
// classifier, with the LLM brain as a third reader when useLLM is set and
// an endpoint is configured.
func newBrains(cfg openai.Config, log *slog.Logger, useLLM bool) (brains, error) {
	b := brains{brain: understand.New(rules.New(), nil), name: "rules"}
	if !useLLM || !cfg.Configured() {
		return b, nil
	}
	cfg.Logger = log
	llm, err := openai.NewBrain(cfg, rules.New())
	if err != nil {
		return b, fmt.Errorf("llm: %w", err)
	}
	ph, err := openai.NewPhraser(cfg)
	if err != nil {
		return b, fmt.Errorf("llm: %w", err)
	}
	model := cfg.Model
	if model == "" {
		model = "llm"
	}
	return brains{brain: understand.New(rules.New(), llm), phraser: ph, name: model, llm: cfg}, nil
}

// newJudge is the LLM judge when on is set (an LLM is configured and
// PARLEY_JUDGE is not off), else none.
func newJudge(cfg openai.Config, log *slog.Logger, on bool) (agent.Judge, error) {
	if !on {
		return nil, nil
	}
	cfg.Logger = log
	j, err := openai.NewJudge(cfg)
	if err != nil {
		return nil, fmt.Errorf("llm judge: %w", err)
	}
	return j, nil
}

// newKnowledge is the knowledge base: Qdrant when QDRANT_URL is set (with
// the endpoint's embeddings when an LLM is configured), else the embedded
// starter documents in memory.
func newKnowledge(ctx context.Context, qc qdrant.Config, log *slog.Logger, b brains) (agent.Knowledge, func(), error) {
	if qc.URL == "" {
		k, err := kb.Default(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("knowledge base: %w", err)
		}
		return k, func() {}, nil
	}
	var emb kb.Embedder = kb.NewLocalEmbedder(kb.DefaultDimension)
	if b.phraser != nil {
		e, err := openai.NewEmbedder(ctx, b.llm)
		if err != nil {
			return nil, nil, fmt.Errorf("knowledge base: %w", err)
		}
		emb = e
	}
	qc.Logger = log
	st, err := qdrant.Open(ctx, qc, emb)
	if err != nil {
		return nil, nil, fmt.Errorf("knowledge base: %w", err)
	}
	return st, func() { _ = st.Close() }, nil
}

// useLLM switches an eval run to the LLM brain cfg configures.
func useLLM(ctx context.Context, cfg openai.Config, opts *evals.Options) error {
	b, err := newBrains(cfg, slog.New(slog.DiscardHandler), true)
	if err != nil {
		return err
	}
	if b.phraser == nil {
		return usagef("--brain llm needs PARLEY_LLM_BASE_URL (or OPENAI_API_KEY) and PARLEY_LLM_MODEL")
	}
	persona, err := openai.NewPersona(b.llm)
	if err != nil {
		return fmt.Errorf("llm: %w", err)
	}
	opts.NewBrain = func() agent.Brain { return b.brain }
	opts.Phraser = b.phraser
	opts.Persona = evalPersona{persona}
	opts.BrainName = b.name
	return nil
}

// evalPersona plays the eval cases' simulated borrowers that name a
// persona with the model.
type evalPersona struct{ p *openai.Persona }

// Next writes the borrower's next message from what the borrower said
// and heard so far.
func (e evalPersona) Next(ctx context.Context, who evals.PersonaBorrower, transcript []evals.Entry) (string, error) {
	var lines []openai.Line
	for _, en := range transcript {
		switch {
		case en.Author == "borrower":
			lines = append(lines, openai.Line{Borrower: true, Text: en.Text})
		case en.Heard():
			lines = append(lines, openai.Line{Text: en.Text})
		}
	}
	var afford string
	if who.AffordableMonthly.Set {
		afford = who.AffordableMonthly.Money(who.Currency).Decimal()
	}
	return e.p.Next(ctx, system.Persona{
		Name: who.Name, DOB: who.DOB, Postcode: who.Postcode, AffordableMonthly: afford, Currency: who.Currency,
		Description: who.Persona, Language: who.Language,
		Disputes: who.Disputes, Hardship: who.Hardship, OptsOut: who.OptsOut, Hostile: who.Hostile,
	}, who.Seed, lines)
}
