package openai

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
)

// Every intent the flows act on is offered to the model as a tool: a
// missing one ("will I go to jail?" without ask_arrest) cannot be read.
func TestBrainOffersEveryIntent(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
		writeToolCalls(w, call{"greeting", "{}"})
	})
	b, err := NewBrain(f.config(), &scriptedBrain{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Understand(context.Background(), turn(agent.ChannelSMS), "hi"); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tl := range f.lastRequest().Tools {
		names = append(names, tl.Function.Name)
	}
	for _, i := range agent.Intents {
		if !slices.Contains(names, string(i)) {
			t.Errorf("intent %s is not offered as a tool", i)
		}
	}
}

// rawServer records the raw request bodies and answers with respond.
func rawServer(t *testing.T, respond func(w http.ResponseWriter)) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		respond(w)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(bodies)
	}
}

// The brain's temperature 0 is on the wire: go-openai leaves a zero
// Temperature out of the JSON, and the endpoint's default (1) would apply.
// Requests that set another temperature keep it.
func TestBrainSendsTemperatureZero(t *testing.T) {
	t.Parallel()
	srv, bodies := rawServer(t, func(w http.ResponseWriter) { writeToolCalls(w, call{"greeting", "{}"}) })
	cfg := Config{BaseURL: srv.URL + "/v1", APIKey: "k", Model: "m", TextTimeout: 10 * time.Second}
	b, err := NewBrain(cfg, &scriptedBrain{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Understand(context.Background(), turn(agent.ChannelSMS), "hi"); err != nil {
		t.Fatal(err)
	}
	got := bodies()
	if len(got) != 1 || !strings.Contains(got[0], `"temperature":0`) {
		t.Fatalf("request bodies %q: want \"temperature\":0", got)
	}
	p, err := NewPhraser(cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = p.Phrase(context.Background(), agent.PhraseRequest{Locale: "en", Channel: agent.ChannelSMS, Draft: "Hello there."})
	got = bodies()
	if len(got) != 2 || !strings.Contains(got[1], `"temperature":0.3`) || strings.Count(got[1], `"temperature"`) != 1 {
		t.Fatalf("phraser body %q: want its own temperature 0.3, once", got[len(got)-1])
	}
}

// A 200 whose body is not JSON is a bad response from the endpoint, not an
// unreachable one, whatever its content type.
func TestBrainNonJSON200IsBadResponse(t *testing.T) {
	t.Parallel()
	for _, ct := range []string{"text/html", "text/plain", "application/json", ""} {
		srv, _ := rawServer(t, func(w http.ResponseWriter) {
			if ct != "" {
				w.Header().Set("Content-Type", ct)
			}
			io.WriteString(w, "<html><body>captive portal LEAK</body></html>")
		})
		b, err := NewBrain(Config{BaseURL: srv.URL + "/v1", APIKey: "k", TextTimeout: 10 * time.Second}, &scriptedBrain{})
		if err != nil {
			t.Fatal(err)
		}
		u, err := b.Understand(context.Background(), turn(agent.ChannelSMS), "hi")
		if err != nil {
			t.Fatal(err)
		}
		if u.Fallback != ReasonBadResponse {
			t.Errorf("content type %q: fallback %q, want %q", ct, u.Fallback, ReasonBadResponse)
		}
	}
}

// The breaker opens on the endpoint's failures, not on the model's bad
// answers: those fall back for the turn and leave the breaker closed.
func TestBreakerIgnoresBadModelOutput(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
		writeToolCalls(w, call{"transfer_funds", "{}"})
	})
	cfg := f.config()
	cfg.BreakerThreshold = 2
	b, err := NewBrain(cfg, &scriptedBrain{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		u, err := b.Understand(context.Background(), turn(agent.ChannelSMS), "hi")
		if err != nil {
			t.Fatal(err)
		}
		if u.Fallback != ReasonInvalidOutput {
			t.Fatalf("call %d: fallback %q, want %q", i+1, u.Fallback, ReasonInvalidOutput)
		}
	}
	if b.State() != BreakerClosed || f.count() != 5 {
		t.Errorf("breaker %s after %d calls of bad output, want closed and 5 calls", b.State(), f.count())
	}
}
