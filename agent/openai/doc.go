// Package openai is Parley's language-model adapter over any
// OpenAI-compatible endpoint (OpenAI, Azure, vLLM, Ollama, llama.cpp)
// through go-openai.
//
// # What lives here
//
//   - Brain (agent.Brain): understands a borrower's message by tool
//     calling, validates every call strictly, and completes the turn with a
//     fallback brain on invalid output, timeouts, API errors or an open
//     circuit breaker, recording why in Understanding.Fallback.
//   - Phraser (agent.Phraser): rewords a drafted reply or answers from
//     knowledge passages, optionally streaming sentence by sentence, and
//     rejects any result stating a number the draft and passages do not.
//   - Embedder (kb.Embedder): embeddings from the endpoint's /embeddings.
//   - Persona: plays a simulated borrower in evals (parley eval run
//     --brain llm), from the persona prompt and the case's fictional facts.
//
// # Wiring
//
// Only cmd/parley builds these, from the environment:
//
//	cfg := openai.ConfigFromEnv(os.Getenv) // PARLEY_LLM_BASE_URL, PARLEY_LLM_API_KEY or OPENAI_API_KEY, PARLEY_LLM_MODEL
//	cfg.Logger = logger
//	if cfg.Configured() {
//		brain, err := openai.NewBrain(cfg, rules.New()) // falls back to the rules brain
//		phraser, err := openai.NewPhraser(cfg)
//		emb, err := openai.NewEmbedder(ctx, cfg) // for agent/qdrant
//		persona, err := openai.NewPersona(cfg)    // for evals only
//	}
//
// Each has its own circuit breaker. Fallback reasons are the
// Reason* constants.
//
// # What must not happen here
//
// The model never receives identity facts or debt detail: its messages are
// built from the system prompt, the conversation's texts and the ids of
// open offers only. The Persona is the exception by design: it is given an
// eval case's fictional borrower, never an account. Model free text never becomes an amount, a date or a
// plan term without strict parsing, and bad model output never leaves this
// package (not in errors, not in logs). Nothing here talks to a borrower.
package openai
