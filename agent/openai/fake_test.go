package openai

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
)

// fakeLLM is an httptest server speaking OpenAI's chat, streaming and
// embeddings JSON. respond is called with the decoded request and the
// 1-based number of the call.
type fakeLLM struct {
	srv     *httptest.Server
	mu      sync.Mutex
	calls   int
	reqs    []goopenai.ChatCompletionRequest
	respond func(w http.ResponseWriter, req goopenai.ChatCompletionRequest, n int)
}

func newFake(t testing.TB, respond func(w http.ResponseWriter, req goopenai.ChatCompletionRequest, n int)) *fakeLLM {
	t.Helper()
	f := &fakeLLM{respond: respond}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req goopenai.ChatCompletionRequest
		if err := json.Unmarshal(body, &req); err != nil {
			http.Error(w, "bad request body", http.StatusBadRequest)
			return
		}
		f.mu.Lock()
		f.calls++
		n := f.calls
		f.reqs = append(f.reqs, req)
		f.mu.Unlock()
		f.respond(w, req, n)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeLLM) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func (f *fakeLLM) lastRequest() goopenai.ChatCompletionRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reqs[len(f.reqs)-1]
}

func (f *fakeLLM) config() Config {
	return Config{BaseURL: f.srv.URL + "/v1", APIKey: "test-key", Model: "fake-model",
		RetryBackoff: time.Millisecond, TextTimeout: 10 * time.Second, VoiceTimeout: 10 * time.Second,
		Logger: slog.New(slog.DiscardHandler)}
}

type call struct{ name, args string }

func writeToolCalls(w http.ResponseWriter, calls ...call) {
	var tcs []string
	for i, c := range calls {
		tcs = append(tcs, fmt.Sprintf(`{"id":"call_%d","type":"function","function":{"name":%q,"arguments":%q}}`, i, c.name, c.args))
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"id":"c1","object":"chat.completion","created":1,"model":"fake-model","choices":[{"index":0,`+
		`"message":{"role":"assistant","content":null,"tool_calls":[%s]},"finish_reason":"tool_calls"}],`+
		`"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}`, strings.Join(tcs, ","))
}

func writeContent(w http.ResponseWriter, text string) {
	w.Header().Set("Content-Type", "application/json")
	b, _ := json.Marshal(text)
	fmt.Fprintf(w, `{"id":"c1","object":"chat.completion","created":1,"model":"fake-model","choices":[{"index":0,`+
		`"message":{"role":"assistant","content":%s},"finish_reason":"stop"}]}`, b)
}

// writeSSE streams deltas, then a stop chunk and [DONE] when finish is set.
func writeSSE(w http.ResponseWriter, finish bool, deltas ...string) {
	w.Header().Set("Content-Type", "text/event-stream")
	fl := w.(http.Flusher)
	for _, d := range deltas {
		b, _ := json.Marshal(d)
		fmt.Fprintf(w, "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":%s},\"finish_reason\":null}]}\n\n", b)
		fl.Flush()
	}
	if finish {
		fmt.Fprint(w, "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake-model\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
		fmt.Fprint(w, "data: [DONE]\n\n")
		fl.Flush()
	}
}

func writeError(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprint(w, `{"error":{"message":"slow down LEAK","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}`)
}

func writeGarbage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, `<html>LEAK not json`)
}

// slow waits past the client's deadline (or the test's end) before answering.
func slow(d time.Duration, then func(w http.ResponseWriter)) func(http.ResponseWriter, goopenai.ChatCompletionRequest, int) {
	return func(w http.ResponseWriter, req goopenai.ChatCompletionRequest, n int) {
		time.Sleep(d)
		then(w)
	}
}

// scriptedBrain is the fallback: it records that it was asked and answers unknown.
type scriptedBrain struct {
	mu    sync.Mutex
	calls int
	err   error
}

func (s *scriptedBrain) Understand(ctx context.Context, tc agent.TurnContext, text string) (agent.Understanding, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if s.err != nil {
		return agent.Understanding{}, s.err
	}
	return agent.Understanding{Brain: "rules", Commands: []agent.Command{{Intent: agent.IntentUnknown}}}, nil
}

func (s *scriptedBrain) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}
