package openai

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/prompts/system"
)

// Persona has the model play a simulated borrower in evals: given the
// borrower's fictional facts and the conversation so far, it writes the
// borrower's next message. It is for evals only: the facts it sends are a
// test case's, never an account's. It is safe for concurrent use.
type Persona struct {
	ep *endpoint
}

// NewPersona returns a Persona calling the endpoint in cfg.
func NewPersona(cfg Config) (*Persona, error) {
	ep, err := newEndpoint(cfg)
	if err != nil {
		return nil, fmt.Errorf("openai: new persona: %w", err)
	}
	return &Persona{ep: ep}, nil
}

// Line is one message of a simulated conversation.
type Line struct {
	Borrower bool // written by the borrower (the persona); else by the agent
	Text     string
}

// maxLine bounds a persona's message, in runes.
const maxLine = 600

// Next writes the borrower's next message after lines, or "" when the
// persona says the conversation is over. seed, when not zero, is passed to
// the endpoint, folded to 32 bits, so that a run can be repeated. Failures
// are *Failure values wrapping ErrFailed.
func (p *Persona) Next(ctx context.Context, who system.Persona, seed int64, lines []Line) (string, error) {
	prompt, err := system.RenderPersona(who)
	if err != nil {
		return "", fmt.Errorf("openai: persona: %w", err)
	}
	if !p.ep.breaker.allow() {
		return "", fail("persona", ReasonCircuitOpen)
	}
	req := goopenai.ChatCompletionRequest{
		Model:       p.ep.cfg.Model,
		Messages:    personaMessages(prompt.Text, lines),
		Temperature: 0.7,
	}
	if seed != 0 {
		s := int(uint32(seed)) // llama.cpp takes 32 bits, and no server a negative seed
		req.Seed = &s
	}
	cctx, cancel := context.WithTimeout(ctx, p.ep.cfg.TextTimeout)
	defer cancel()
	text, reason := p.ep.complete(cctx, req)
	text = strings.Trim(text, `"“”`)
	p.ep.settle(ctx, reason)
	if reason != "" {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("openai: persona: %w", err)
		}
		return "", fail("persona", reason)
	}
	if text == "" || strings.Contains(text, system.PersonaEnd) {
		return "", nil
	}
	if utf8.RuneCountInString(text) > maxLine {
		text = string([]rune(text)[:maxLine])
	}
	return text, nil
}

// personaMessages casts the conversation from the persona's side: the
// agent's messages are the user's, the borrower's are the model's own.
// Consecutive messages of one side are joined, and the request always ends
// with the agent's turn.
func personaMessages(prompt string, lines []Line) []goopenai.ChatCompletionMessage {
	msgs := []goopenai.ChatCompletionMessage{{Role: goopenai.ChatMessageRoleSystem, Content: prompt}}
	for _, l := range lines {
		text := strings.TrimSpace(l.Text)
		if text == "" {
			continue
		}
		role := goopenai.ChatMessageRoleUser
		if l.Borrower {
			role = goopenai.ChatMessageRoleAssistant
		}
		if last := &msgs[len(msgs)-1]; last.Role == role {
			last.Content += "\n" + text
			continue
		}
		msgs = append(msgs, goopenai.ChatCompletionMessage{Role: role, Content: text})
	}
	switch msgs[len(msgs)-1].Role {
	case goopenai.ChatMessageRoleSystem:
		msgs = append(msgs, goopenai.ChatCompletionMessage{Role: goopenai.ChatMessageRoleUser, Content: "(The conversation has not started. Write your first message.)"})
	case goopenai.ChatMessageRoleAssistant:
		msgs = append(msgs, goopenai.ChatCompletionMessage{Role: goopenai.ChatMessageRoleUser, Content: "(The assistant did not reply.)"})
	}
	return msgs
}
