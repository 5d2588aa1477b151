package main

import (
	"context"

	"github.com/parley-collections/parley/evals"
)

// useLLM switches an eval run to the LLM brain configured by the environment.
func useLLM(ctx context.Context, getenv func(string) string, opts *evals.Options) error {
	if getenv("PARLEY_LLM_BASE_URL") == "" && getenv("OPENAI_API_KEY") == "" {
		return usagef("--brain llm needs PARLEY_LLM_BASE_URL (or OPENAI_API_KEY) and PARLEY_LLM_MODEL")
	}
	return usagef("--brain llm: the LLM brain is not wired yet")
}
