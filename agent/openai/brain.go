package openai

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/kb"
	"github.com/parley-collections/parley/prompts/system"
)

// Brain understands borrower messages by tool calling and falls back to
// another Brain (the rules brain) whenever the model cannot be trusted for
// this turn. It is safe for concurrent use.
type Brain struct {
	ep       *endpoint
	fallback agent.Brain
}

var _ agent.Brain = (*Brain)(nil)

// NewBrain returns a Brain calling the endpoint in cfg, completing turns
// with fallback when the model fails.
func NewBrain(cfg Config, fallback agent.Brain) (*Brain, error) {
	if fallback == nil {
		return nil, errors.New("openai: new brain: nil fallback brain")
	}
	ep, err := newEndpoint(cfg)
	if err != nil {
		return nil, fmt.Errorf("openai: new brain: %w", err)
	}
	return &Brain{ep: ep, fallback: fallback}, nil
}

// State reports the circuit breaker's state.
func (b *Brain) State() BreakerState { return b.ep.State() }

// Understand asks the model which tools the message calls for. On a
// timeout, an API error, an open breaker or any invalid tool call it
// returns the fallback brain's reading with Fallback set to the reason.
// It returns an error only when ctx is done or the fallback fails.
func (b *Brain) Understand(ctx context.Context, tc agent.TurnContext, text string) (agent.Understanding, error) {
	if err := ctx.Err(); err != nil {
		return agent.Understanding{}, fmt.Errorf("openai: understand: %w", err)
	}
	if !b.ep.breaker.allow() {
		return b.fall(ctx, tc, text, ReasonCircuitOpen)
	}
	u, reason := b.understand(ctx, tc, text)
	b.ep.settle(ctx, reason)
	if reason == "" {
		return u, nil
	}
	if err := ctx.Err(); err != nil {
		return agent.Understanding{}, fmt.Errorf("openai: understand: %w", err)
	}
	return b.fall(ctx, tc, text, reason)
}

func (b *Brain) fall(ctx context.Context, tc agent.TurnContext, text, reason string) (agent.Understanding, error) {
	b.ep.cfg.Logger.LogAttrs(ctx, slog.LevelWarn, "llm brain fell back",
		slog.String("reason", reason), slog.String("conversation", tc.Conversation.ID),
		slog.String("breaker", string(b.ep.State())))
	u, err := b.fallback.Understand(ctx, tc, text)
	if err != nil {
		return agent.Understanding{}, fmt.Errorf("openai: understand: fallback after %s: %w", reason, err)
	}
	u.Fallback = reason
	return u, nil
}

// understand makes the model call; a non-empty reason means it failed.
func (b *Brain) understand(ctx context.Context, tc agent.TurnContext, text string) (agent.Understanding, string) {
	req, err := b.request(tc, text)
	if err != nil {
		b.ep.cfg.Logger.Error("llm brain: build request", slog.String("error", err.Error()))
		return agent.Understanding{}, ReasonBadRequest
	}
	ctx, cancel := context.WithTimeout(ctx, b.ep.timeout(tc.Conversation.Channel))
	defer cancel()
	var resp goopenai.ChatCompletionResponse
	if reason := b.ep.call(ctx, func(ctx context.Context) error {
		var err error
		resp, err = b.ep.client.CreateChatCompletion(ctx, req)
		return err
	}); reason != "" {
		return agent.Understanding{}, reason
	}
	if len(resp.Choices) == 0 || len(resp.Choices[0].Message.ToolCalls) == 0 {
		return agent.Understanding{}, ReasonInvalidOutput
	}
	calls := resp.Choices[0].Message.ToolCalls
	if len(calls) > 8 {
		return agent.Understanding{}, ReasonInvalidOutput
	}
	p := parser{tc: tc, maxAmount: b.ep.cfg.MaxAmountMinor}
	u := agent.Understanding{Brain: b.ep.cfg.Model, Lang: kb.DetectLang(text)}
	for _, call := range calls {
		c, err := p.parseCall(call)
		if err != nil {
			return agent.Understanding{}, ReasonInvalidOutput
		}
		u.Commands = append(u.Commands, c)
	}
	return u, ""
}

// request builds the chat request from the system prompt, the recent
// conversation texts and the message. No account field is read, and the
// numbers in Parley's own earlier replies (balances, plan amounts, dates)
// are masked: the model needs their words, not the debt's detail.
func (b *Brain) request(tc agent.TurnContext, text string) (goopenai.ChatCompletionRequest, error) {
	ids := make([]string, 0, len(tc.OpenOffers))
	for _, o := range tc.OpenOffers {
		ids = append(ids, o.ID)
	}
	today := tc.Now
	if today.IsZero() {
		today = b.ep.cfg.Now()
	}
	prompt, err := system.RenderUnderstand(system.Understand{
		Today: today.Format("2006-01-02"), Currency: tc.Currency, OfferIDs: ids,
	})
	if err != nil {
		return goopenai.ChatCompletionRequest{}, err
	}
	msgs := []goopenai.ChatCompletionMessage{{Role: goopenai.ChatMessageRoleSystem, Content: prompt.Text}}
	hist := tc.History
	// The orchestrator may already have stored this message as the last of
	// the history; send it once.
	if n := len(hist); n > 0 && hist[n-1].Direction == agent.DirectionIn && hist[n-1].Text == text {
		hist = hist[:n-1]
	}
	if n := b.ep.cfg.HistoryMessages; len(hist) > n {
		hist = hist[len(hist)-n:]
	}
	for _, m := range hist {
		if strings.TrimSpace(m.Text) == "" || m.Author == agent.AuthorSystem {
			continue
		}
		role, content := goopenai.ChatMessageRoleAssistant, maskNumbers(m.Text)
		if m.Direction == agent.DirectionIn {
			role, content = goopenai.ChatMessageRoleUser, m.Text
		}
		msgs = append(msgs, goopenai.ChatCompletionMessage{Role: role, Content: content})
	}
	msgs = append(msgs, goopenai.ChatCompletionMessage{Role: goopenai.ChatMessageRoleUser, Content: text})
	return goopenai.ChatCompletionRequest{
		Model:       b.ep.cfg.Model,
		Messages:    msgs,
		Tools:       openaiTools,
		ToolChoice:  "auto",
		Temperature: 0,
	}, nil
}

// maskNumbers replaces every digit group ("$1,200.00", "2026-12-04") with
// "#".
func maskNumbers(s string) string { return digitGroup.ReplaceAllString(foldDigits(s), "#") }
