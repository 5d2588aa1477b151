package openai

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"unicode/utf8"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/prompts/system"
)

// Phraser rewords drafted replies and answers questions from knowledge
// passages. Whatever it returns has stated no number that the draft or the
// passages do not; the orchestrator still checks it with the guard. It is
// safe for concurrent use.
type Phraser struct {
	ep *endpoint
}

var _ agent.Phraser = (*Phraser)(nil)

// NewPhraser returns a Phraser calling the endpoint in cfg.
func NewPhraser(cfg Config) (*Phraser, error) {
	ep, err := newEndpoint(cfg)
	if err != nil {
		return nil, fmt.Errorf("openai: new phraser: %w", err)
	}
	return &Phraser{ep: ep}, nil
}

// State reports the circuit breaker's state.
func (p *Phraser) State() BreakerState { return p.ep.State() }

// Phrase rewords req.Draft, or answers req.Question from req.Passages when
// a question is set. With req.Stream set, sentences are delivered as they
// complete, each checked before it is delivered; a failure mid-stream
// returns an error after the sentences already delivered. Every failure is
// a *Failure wrapping ErrFailed (or the context's error), and the caller
// keeps its template; past the prompt, a failure's result still names the
// model and the prompt version, for the sentences already delivered.
func (p *Phraser) Phrase(ctx context.Context, req agent.PhraseRequest) (agent.PhraseResult, error) {
	task := system.TaskReword
	if strings.TrimSpace(req.Question) != "" {
		task = system.TaskAnswer
		if len(req.Passages) == 0 {
			return agent.PhraseResult{}, errors.New("openai: phrase: a question needs passages")
		}
	} else if strings.TrimSpace(req.Draft) == "" {
		return agent.PhraseResult{}, errors.New("openai: phrase: nothing to phrase")
	}
	prompt, err := system.RenderPhrase(req.Locale, string(req.Channel), system.Phrase{Task: task})
	if err != nil {
		return agent.PhraseResult{}, fmt.Errorf("openai: phrase: %w", err)
	}
	if !p.ep.breaker.allow() {
		return agent.PhraseResult{Model: p.ep.cfg.Model, PromptVersion: prompt.Version}, fail("phrase", ReasonCircuitOpen)
	}
	chk := checker{sources: sources(req), limit: system.MaxChars(string(req.Channel))}
	creq := goopenai.ChatCompletionRequest{
		Model: p.ep.cfg.Model,
		Messages: []goopenai.ChatCompletionMessage{
			{Role: goopenai.ChatMessageRoleSystem, Content: prompt.Text},
			{Role: goopenai.ChatMessageRoleUser, Content: userMessage(req, task)},
		},
		Temperature: 0.3,
	}
	cctx, cancel := context.WithTimeout(ctx, p.ep.timeout(req.Channel))
	defer cancel()
	var text, reason string
	if req.Stream != nil {
		text, reason = p.stream(cctx, creq, chk, req.Stream)
	} else {
		text, reason = p.complete(cctx, creq, chk)
	}
	// Ungrounded or overlong text is the model's fault, not the endpoint's:
	// it does not count against the breaker.
	if reason == ReasonUngrounded || reason == ReasonInvalidOutput {
		p.ep.settle(ctx, "")
	} else {
		p.ep.settle(ctx, reason)
	}
	// A failure still names the model and the prompt: sentences streamed
	// before it were theirs.
	res := agent.PhraseResult{Model: p.ep.cfg.Model, PromptVersion: prompt.Version}
	if reason != "" {
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("openai: phrase: %w", err)
		}
		p.ep.cfg.Logger.LogAttrs(ctx, slog.LevelWarn, "llm phrasing refused",
			slog.String("reason", reason), slog.String("prompt", prompt.Version))
		return res, fail("phrase", reason)
	}
	res.Text = text
	return res, nil
}

func (p *Phraser) complete(ctx context.Context, req goopenai.ChatCompletionRequest, chk checker) (string, string) {
	text, reason := p.ep.complete(ctx, req)
	if reason != "" {
		return "", reason
	}
	if reason := chk.whole(text); reason != "" {
		return "", reason
	}
	return text, ""
}

// stream delivers checked sentences as they complete. Only opening the
// stream is retried: once a sentence is out, a retry would repeat it.
func (p *Phraser) stream(ctx context.Context, req goopenai.ChatCompletionRequest, chk checker, deliver func(string)) (string, string) {
	var st *goopenai.ChatCompletionStream
	if reason := p.ep.call(ctx, func(ctx context.Context) error {
		var err error
		st, err = p.ep.client.CreateChatCompletionStream(ctx, req)
		return err
	}); reason != "" {
		return "", reason
	}
	defer st.Close()
	var sp splitter
	var sent []string
	emit := func(s string) string {
		if reason := chk.sentence(s, strings.Join(append(sent, s), " ")); reason != "" {
			return reason
		}
		sent = append(sent, s)
		deliver(s)
		return ""
	}
	finished := false
	for {
		chunk, err := st.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", classify(ctx, err)
		}
		if len(chunk.Choices) == 0 {
			continue
		}
		ch := chunk.Choices[0]
		for _, s := range sp.push(ch.Delta.Content) {
			if reason := emit(s); reason != "" {
				return "", reason
			}
		}
		if ch.FinishReason != "" {
			finished = ch.FinishReason == goopenai.FinishReasonStop
		}
	}
	if !finished {
		// The stream ended without the model saying it was done: the rest
		// of the text is missing.
		return "", ReasonBadResponse
	}
	if s := sp.flush(); s != "" {
		if reason := emit(s); reason != "" {
			return "", reason
		}
	}
	text := strings.Join(sent, joiner(sent))
	if text == "" {
		return "", ReasonInvalidOutput
	}
	return text, ""
}

// joiner puts a space between English sentences and nothing between
// Chinese ones.
func joiner(sent []string) string {
	for _, s := range sent {
		r, _ := utf8.DecodeLastRuneInString(s)
		if r < utf8.RuneSelf {
			return " "
		}
	}
	return ""
}

// checker holds what a result may draw numbers from and how long it may be.
type checker struct {
	sources []string
	limit   int
}

func (c checker) whole(text string) string {
	if text == "" {
		return ReasonInvalidOutput
	}
	return c.sentence(text, text)
}

// sentence checks one sentence, and the text so far against the length limit.
func (c checker) sentence(s, soFar string) string {
	if len(agent.Ungrounded(s, c.sources...)) > 0 {
		return ReasonUngrounded
	}
	if c.limit > 0 && utf8.RuneCountInString(soFar) > c.limit {
		return ReasonInvalidOutput
	}
	return ""
}

func sources(req agent.PhraseRequest) []string {
	out := []string{req.Draft}
	for _, p := range req.Passages {
		out = append(out, p.Title, p.Text)
	}
	return out
}

// userMessage frames the draft, or the question and its numbered passages.
func userMessage(req agent.PhraseRequest, task system.Task) string {
	var b strings.Builder
	if task == system.TaskReword {
		b.WriteString("Draft reply:\n")
		b.WriteString(strings.TrimSpace(req.Draft))
		return b.String()
	}
	b.WriteString("Question:\n")
	b.WriteString(strings.TrimSpace(req.Question))
	b.WriteString("\n\nPassages:\n")
	for i, p := range req.Passages {
		fmt.Fprintf(&b, "[%d] %s\n%s\n\n", i+1, p.Title, strings.TrimSpace(p.Text))
	}
	return strings.TrimSpace(b.String())
}
