package openai

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
)

// slowReply is how long the slow fakes wait: far past shortTimeout, which
// only the slow cases use, so a loaded machine cannot turn a normal reply
// into a timeout.
const (
	slowReply    = 1500 * time.Millisecond
	shortTimeout = 100 * time.Millisecond
)

// timeoutFor gives the cases that expect a timeout the short budget.
func timeoutFor(reason string) time.Duration {
	if reason == ReasonTimeout {
		return shortTimeout
	}
	return 0
}

// phraser starts a fake answering with respond and a Phraser calling it,
// with timeout as its call budget when given.
func phraser(t *testing.T, respond func(http.ResponseWriter, goopenai.ChatCompletionRequest, int), timeout ...time.Duration) (*Phraser, *fakeLLM) {
	t.Helper()
	f := newFake(t, respond)
	cfg := f.config()
	if len(timeout) > 0 && timeout[0] > 0 {
		cfg.TextTimeout, cfg.VoiceTimeout = timeout[0], timeout[0]
	}
	p, err := NewPhraser(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p, f
}

// collector records streamed chunks.
type collector struct {
	mu     sync.Mutex
	chunks []string
}

func (c *collector) add(s string) { c.mu.Lock(); c.chunks = append(c.chunks, s); c.mu.Unlock() }
func (c *collector) got() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.chunks...)
}

func TestPhraseRewords(t *testing.T) {
	t.Parallel()
	p, f := phraser(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
		writeContent(w, "  Your balance is $1,200.00. We can set up 3 payments.  ")
	})
	res, err := p.Phrase(context.Background(), agent.PhraseRequest{
		Locale: "en-US", Channel: agent.ChannelSMS, Draft: "You owe $1,200.00. A plan of 3 payments is possible.",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := agent.PhraseResult{Text: "Your balance is $1,200.00. We can set up 3 payments.", Model: "fake-model", PromptVersion: "system.v1.en.sms"}
	if diff := cmp.Diff(want, res); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	req := f.lastRequest()
	if len(req.Messages) != 2 || !strings.Contains(req.Messages[0].Content, "reword the draft") ||
		!strings.Contains(req.Messages[1].Content, "You owe $1,200.00.") || req.Stream {
		t.Errorf("unexpected request: %+v", req.Messages)
	}
}

func TestPhraseAnswersFromPassages(t *testing.T) {
	t.Parallel()
	p, f := phraser(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
		writeContent(w, "您可以通过安全链接付款（摘自《如何还款》）。")
	})
	res, err := p.Phrase(context.Background(), agent.PhraseRequest{
		Locale: "zh-CN", Channel: agent.ChannelChat, Question: "怎么付款？",
		Passages: []agent.Passage{{DocID: "zh/paying", Title: "如何还款", Text: "请用借记卡通过安全链接付款。"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.PromptVersion != "system.v1.zh.chat" || res.Text == "" {
		t.Errorf("result %+v", res)
	}
	user := f.lastRequest().Messages[1].Content
	if !strings.Contains(user, "[1] 如何还款") || !strings.Contains(user, "怎么付款") {
		t.Errorf("user message lacks the question or passages:\n%s", user)
	}
}

func TestPhraseRejectsUngroundedNumbers(t *testing.T) {
	t.Parallel()
	draft := "You owe $1,200.00 and can pay in 3 parts."
	tests := []struct {
		name, reply string
		ok          bool
	}{
		{"same numbers", "Your balance is 1200 dollars, payable in 3 parts.", true},
		{"one as a word is fine", "One of our team can help; you owe $1,200.00.", true},
		{"new digit amount", "You owe $1,200.00 but we can settle for $600.", false},
		{"new percentage", "We can take 30% off.", false},
		{"written amount", "Pay just five hundred dollars today.", false},
		{"written count", "You can pay in twelve parts.", false},
		{"chinese amount", "您只需还五百元。", false},
		{"full-width digits", "您只需还６００元。", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, _ := phraser(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeContent(w, tt.reply) })
			res, err := p.Phrase(context.Background(), agent.PhraseRequest{Locale: "en", Channel: agent.ChannelChat, Draft: draft})
			if tt.ok != (err == nil) {
				t.Fatalf("Phrase = %+v, %v; want ok=%v", res, err, tt.ok)
			}
			if err != nil {
				var f *Failure
				if !errors.As(err, &f) || f.Reason != ReasonUngrounded || !errors.Is(err, ErrFailed) {
					t.Errorf("err = %v, want an ungrounded-number failure", err)
				}
				if strings.Contains(err.Error(), tt.reply) {
					t.Errorf("error leaks the reply: %v", err)
				}
			}
		})
	}
}

func TestPhraseStreamsSentences(t *testing.T) {
	t.Parallel()
	p, f := phraser(t, func(w http.ResponseWriter, req goopenai.ChatCompletionRequest, _ int) {
		if !req.Stream {
			writeError(w, 400)
			return
		}
		writeSSE(w, true, "Thanks for ", "calling. You can pay by card", " or transfer! Need help", "?\nWe're here.", " Your balance is $1,20", "0.00.")
	})
	var c collector
	res, err := p.Phrase(context.Background(), agent.PhraseRequest{
		Locale: "en", Channel: agent.ChannelVoice, Draft: "Your balance is $1,200.00.", Stream: c.add,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Thanks for calling.", "You can pay by card or transfer!", "Need help?", "We're here.", "Your balance is $1,200.00."}
	if diff := cmp.Diff(want, c.got()); diff != "" {
		t.Errorf("chunks (-want +got):\n%s", diff)
	}
	if res.Text != strings.Join(want, " ") || res.PromptVersion != "system.v1.en.voice" || f.count() != 1 {
		t.Errorf("result %+v after %d calls", res, f.count())
	}
}

func TestPhraseStreamFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		respond    func(http.ResponseWriter, goopenai.ChatCompletionRequest, int)
		reason     string
		wantChunks []string
	}{
		{"truncated stream", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
			writeSSE(w, false, "First sentence. Second sen")
		}, ReasonBadResponse, []string{"First sentence."}},
		{"ungrounded number mid-stream", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
			writeSSE(w, true, "Hello. You owe $999 LEAK. More.")
		}, ReasonUngrounded, []string{"Hello."}},
		{"error event in stream", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
			writeSSE(w, false, "Hi.")
			w.Write([]byte("data: {\"error\":{\"message\":\"LEAK\",\"type\":\"server_error\"}}\n\n"))
		}, ReasonAPIError, nil},
		{"429 twice", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeError(w, 429) }, ReasonRateLimited, nil},
		{"garbage stream", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
			w.Header().Set("Content-Type", "text/event-stream")
			w.Write([]byte("data: {LEAK not json\n\n"))
		}, ReasonBadResponse, nil},
		{"slow stream", slow(slowReply, func(w http.ResponseWriter) { writeSSE(w, true, "Late.") }), ReasonTimeout, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, _ := phraser(t, tt.respond, timeoutFor(tt.reason))
			var c collector
			_, err := p.Phrase(context.Background(), agent.PhraseRequest{Locale: "en", Channel: agent.ChannelVoice, Draft: "Hello.", Stream: c.add})
			var f *Failure
			if !errors.As(err, &f) || f.Reason != tt.reason {
				t.Fatalf("err = %v, want reason %s", err, tt.reason)
			}
			if strings.Contains(err.Error(), "LEAK") {
				t.Errorf("error leaks endpoint text: %v", err)
			}
			if diff := cmp.Diff(tt.wantChunks, c.got()); diff != "" {
				t.Errorf("delivered chunks (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPhraseFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		respond func(http.ResponseWriter, goopenai.ChatCompletionRequest, int)
		reason  string
	}{
		{"500 twice", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeError(w, 500) }, ReasonServerError},
		{"garbage", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeGarbage(w) }, ReasonBadResponse},
		{"empty reply", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeContent(w, "  ") }, ReasonInvalidOutput},
		{"too long for SMS", func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
			writeContent(w, strings.Repeat("Hello there. ", 40))
		}, ReasonInvalidOutput},
		{"slow", slow(slowReply, func(w http.ResponseWriter) { writeContent(w, "Late.") }), ReasonTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, _ := phraser(t, tt.respond, timeoutFor(tt.reason))
			_, err := p.Phrase(context.Background(), agent.PhraseRequest{Locale: "en", Channel: agent.ChannelSMS, Draft: "Hello."})
			var f *Failure
			if !errors.As(err, &f) || f.Reason != tt.reason || strings.Contains(err.Error(), "LEAK") {
				t.Errorf("err = %v, want reason %s", err, tt.reason)
			}
		})
	}
	p, f := phraser(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeContent(w, "x") })
	for _, req := range []agent.PhraseRequest{{Locale: "en"}, {Locale: "en", Question: "how?"}} {
		if _, err := p.Phrase(context.Background(), req); err == nil {
			t.Errorf("Phrase(%+v) succeeded", req)
		}
	}
	if f.count() != 0 {
		t.Errorf("bad requests reached the endpoint %d times", f.count())
	}
}

func TestPhraseBreakerIgnoresModelMistakes(t *testing.T) {
	t.Parallel()
	p, f := phraser(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeContent(w, "Pay 999 now.") })
	p.ep.breaker.threshold = 2
	for i := 0; i < 4; i++ {
		p.Phrase(context.Background(), agent.PhraseRequest{Locale: "en", Channel: agent.ChannelChat, Draft: "Hello."})
	}
	if p.State() != BreakerClosed || f.count() != 4 {
		t.Errorf("breaker %s after %d calls; ungrounded text is not an endpoint failure", p.State(), f.count())
	}
	q, g := phraser(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeError(w, 400) })
	q.ep.breaker.threshold = 2
	for i := 0; i < 4; i++ {
		q.Phrase(context.Background(), agent.PhraseRequest{Locale: "en", Channel: agent.ChannelChat, Draft: "Hello."})
	}
	if q.State() != BreakerOpen || g.count() != 2 {
		t.Errorf("breaker %s after %d calls; want open after 2", q.State(), g.count())
	}
}
