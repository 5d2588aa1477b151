package openai

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/prompts/system"
)

// Judge gives a second reading of messages the guard passed (agent.Judge).
// The message goes to the model as a JSON string, data and never
// instructions, and the model answers one JSON verdict. Anything else, an
// error status, a timeout or an open circuit breaker, is a failure
// wrapping ErrFailed: the orchestrator then treats the judge as
// unavailable, never as having found the message clean. It is safe for
// concurrent use.
type Judge struct {
	ep     *endpoint
	prompt string // the judge prompt, the same for every message
}

var _ agent.Judge = (*Judge)(nil)

// NewJudge returns a Judge calling the endpoint in cfg.
func NewJudge(cfg Config) (*Judge, error) {
	ep, err := newEndpoint(cfg)
	if err != nil {
		return nil, fmt.Errorf("openai: new judge: %w", err)
	}
	prompt, err := system.RenderJudge(system.Judge{})
	if err != nil {
		return nil, fmt.Errorf("openai: new judge: %w", err)
	}
	return &Judge{ep: ep, prompt: prompt.Text}, nil
}

// State reports the circuit breaker's state.
func (j *Judge) State() BreakerState { return j.ep.State() }

// judgeInput is the user turn: the message and what the prompt says of it.
type judgeInput struct {
	Message             string   `json:"message"`
	Jurisdiction        string   `json:"jurisdiction"`
	Channel             string   `json:"channel"`
	WrittenBy           string   `json:"written_by"`
	UnsureAbout         []string `json:"unsure_about"`
	LegalActionApproved bool     `json:"legal_action_approved"`
	GrantedTerms        []string `json:"granted_terms"`
}

// maxReason is the longest reason, in characters, shown to a supervisor.
const maxReason = 200

// Judge asks the model whether req.Text breaks the rules.
func (j *Judge) Judge(ctx context.Context, req agent.JudgeRequest) (agent.JudgeVerdict, error) {
	in := judgeInput{
		Message: req.Text, Jurisdiction: req.Jurisdiction, Channel: system.Channel(string(req.Channel)),
		WrittenBy: "assistant", UnsureAbout: req.Uncertain, LegalActionApproved: req.LegalActionApproved, GrantedTerms: req.GrantedTerms,
	}
	if req.Supervisor {
		in.WrittenBy = "supervisor"
	}
	if in.UnsureAbout == nil {
		in.UnsureAbout = []string{}
	}
	if in.GrantedTerms == nil {
		in.GrantedTerms = []string{}
	}
	user, err := json.Marshal(in)
	if err != nil {
		return agent.JudgeVerdict{}, fmt.Errorf("openai: judge: %w", err)
	}
	if !j.ep.breaker.allow() {
		return agent.JudgeVerdict{}, fail("judge", ReasonCircuitOpen)
	}
	creq := goopenai.ChatCompletionRequest{
		Model: j.ep.cfg.Model,
		Messages: []goopenai.ChatCompletionMessage{
			{Role: goopenai.ChatMessageRoleSystem, Content: j.prompt},
			{Role: goopenai.ChatMessageRoleUser, Content: string(user)},
		},
		ResponseFormat: &goopenai.ChatCompletionResponseFormat{Type: goopenai.ChatCompletionResponseFormatTypeJSONObject},
	}
	cctx, cancel := context.WithTimeout(ctx, j.ep.timeout(req.Channel))
	defer cancel()
	content, reason := j.ep.complete(cctx, creq)
	var v agent.JudgeVerdict
	if reason == "" {
		v, reason = parseVerdict(content)
	}
	j.ep.settle(ctx, reason)
	if reason != "" {
		return agent.JudgeVerdict{}, fail("judge", reason)
	}
	return v, nil
}

// parseVerdict reads the model's answer: one JSON object whose "violation"
// is a boolean. The reason is cut to one line of maxReason characters.
func parseVerdict(content string) (agent.JudgeVerdict, string) {
	var out struct {
		Violation *bool  `json:"violation"`
		Category  string `json:"category"`
		Reason    string `json:"reason"`
	}
	dec := json.NewDecoder(strings.NewReader(content))
	if err := dec.Decode(&out); err != nil || out.Violation == nil || dec.More() {
		return agent.JudgeVerdict{}, ReasonInvalidOutput
	}
	if !*out.Violation {
		return agent.JudgeVerdict{}, ""
	}
	reason := strings.Join(strings.FieldsFunc(out.Reason, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	if r := []rune(reason); len(r) > maxReason {
		reason = strings.TrimSpace(string(r[:maxReason-1])) + "…"
	}
	return agent.JudgeVerdict{Violation: true, Category: strings.TrimSpace(out.Category), Reason: reason}, ""
}
