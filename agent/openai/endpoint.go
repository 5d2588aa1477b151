package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
)

// Reasons recorded in Understanding.Fallback and carried by errors. They
// are fixed words, so no model or endpoint text ever travels with them.
const (
	ReasonCircuitOpen   = "circuit_open"
	ReasonTimeout       = "timeout"
	ReasonRateLimited   = "rate_limited"
	ReasonServerError   = "server_error"
	ReasonAPIError      = "api_error"
	ReasonUnreachable   = "unreachable"
	ReasonBadResponse   = "bad_response"
	ReasonInvalidOutput = "invalid_output"
	ReasonUngrounded    = "ungrounded_number"
	ReasonBadRequest    = "bad_request" // the turn lacked what a request needs (a currency)
)

// ErrFailed is wrapped by every error the Phraser and Embedder return when
// the endpoint or the model let them down; Reason tells why.
var ErrFailed = errors.New("language model call failed")

// Failure is the error of a failed call: a fixed reason, never the text
// the endpoint or the model sent.
type Failure struct {
	Op     string
	Reason string
}

// Error names the operation and the reason.
func (f *Failure) Error() string { return fmt.Sprintf("openai: %s: %s", f.Op, f.Reason) }

// Unwrap lets errors.Is(err, ErrFailed) match.
func (f *Failure) Unwrap() error { return ErrFailed }

func fail(op, reason string) error { return &Failure{Op: op, Reason: reason} }

// endpoint is what Brain, Phraser and Embedder share: a go-openai client,
// the settings, and a circuit breaker for the endpoint.
type endpoint struct {
	cfg     Config
	client  *goopenai.Client
	breaker *breaker
}

func newEndpoint(cfg Config) (*endpoint, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	oc := goopenai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = cfg.BaseURL
	hc := *cfg.HTTPClient
	next := hc.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	hc.Transport = zeroTemperature{next: next}
	oc.HTTPClient = &hc
	return &endpoint{
		cfg:     cfg,
		client:  goopenai.NewClientWithConfig(oc),
		breaker: newBreaker(cfg.BreakerThreshold, cfg.BreakerCooldown, cfg.Now),
	}, nil
}

// timeout is the per-call budget for the channel.
func (e *endpoint) timeout(ch agent.Channel) time.Duration {
	if ch == agent.ChannelVoice {
		return e.cfg.VoiceTimeout
	}
	return e.cfg.TextTimeout
}

// call runs fn, once more after a jittered backoff when the first attempt
// met a rate limit or a server error, and classifies what went wrong. It
// returns "" on success.
func (e *endpoint) call(ctx context.Context, fn func(context.Context) error) string {
	err := fn(ctx)
	reason := classify(ctx, err)
	if reason != ReasonRateLimited && reason != ReasonServerError {
		return reason
	}
	wait := e.cfg.RetryBackoff + rand.N(e.cfg.RetryBackoff+1)
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return classify(ctx, ctx.Err())
	case <-t.C:
	}
	return classify(ctx, fn(ctx))
}

// complete asks for one chat completion and returns its first choice's
// content, trimmed, or the reason the call failed (ReasonInvalidOutput for
// an answer without a choice). The caller settles the breaker, once it has
// read the content.
func (e *endpoint) complete(ctx context.Context, req goopenai.ChatCompletionRequest) (string, string) {
	var resp goopenai.ChatCompletionResponse
	if reason := e.call(ctx, func(ctx context.Context) error {
		var err error
		resp, err = e.client.CreateChatCompletion(ctx, req)
		return err
	}); reason != "" {
		return "", reason
	}
	if len(resp.Choices) == 0 {
		return "", ReasonInvalidOutput
	}
	return strings.TrimSpace(resp.Choices[0].Message.Content), ""
}

// classify turns an error into a reason word; nil is "".
func classify(ctx context.Context, err error) string {
	if err == nil {
		return ""
	}
	if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
		return ReasonTimeout
	}
	var apiErr *goopenai.APIError
	var reqErr *goopenai.RequestError
	status := 0
	switch {
	case errors.As(err, &apiErr):
		status = apiErr.HTTPStatusCode
	case errors.As(err, &reqErr):
		status = reqErr.HTTPStatusCode
	}
	switch {
	case status == http.StatusTooManyRequests:
		return ReasonRateLimited
	case status >= 500:
		return ReasonServerError
	case status >= 400:
		return ReasonAPIError
	case status > 0:
		return ReasonBadResponse
	}
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &syntaxErr) || errors.As(err, &typeErr) || errors.Is(err, goopenai.ErrTooManyEmptyStreamMessages) {
		return ReasonBadResponse
	}
	if apiErr != nil {
		return ReasonAPIError // an error object inside a 200 or a stream
	}
	return ReasonUnreachable
}

// settle records a call's outcome on the breaker. A call the caller
// abandoned, or one never sent, says nothing about the endpoint; a model's
// bad answer (a tool call that fails validation, an ungrounded number)
// came from an endpoint that answered, and falls back for its turn only.
func (e *endpoint) settle(parent context.Context, reason string) {
	switch {
	case reason == "", reason == ReasonInvalidOutput, reason == ReasonUngrounded:
		e.breaker.success()
	case parent.Err() != nil, reason == ReasonBadRequest:
		e.breaker.release()
	default:
		e.breaker.failure()
	}
}

// State reports the circuit breaker's state.
func (e *endpoint) State() BreakerState { return e.breaker.state() }

// zeroTemperature sends "temperature": 0 on a chat-completion request that
// names no temperature. go-openai leaves a zero Temperature out of the JSON
// (the field is omitempty), and the endpoint's default (1 at OpenAI) would
// apply: the brain's readings must be as repeatable as the model allows.
// A request with a temperature of its own is sent as it is.
type zeroTemperature struct{ next http.RoundTripper }

func (z zeroTemperature) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method != http.MethodPost || r.Body == nil || !strings.HasSuffix(r.URL.Path, "/chat/completions") {
		return z.next.RoundTrip(r)
	}
	body, err := io.ReadAll(r.Body)
	r.Body.Close()
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) == nil {
		if _, ok := fields["temperature"]; !ok {
			fields["temperature"] = json.RawMessage("0")
			if b, err := json.Marshal(fields); err == nil {
				body = b
			}
		}
	}
	out := r.Clone(r.Context())
	out.Body = io.NopCloser(bytes.NewReader(body))
	out.ContentLength = int64(len(body))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return z.next.RoundTrip(out)
}
