package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
)

// The brain's own overhead per turn is BenchmarkUnderstand minus
// BenchmarkRawRoundTrip: both hit the same fake server, which answers at
// once with the same tool-call response; the raw round trip posts the same
// request body with net/http and reads the answer, nothing more.

func benchServer(b *testing.B) *fakeLLM {
	return newFake(b, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) {
		writeToolCalls(w, call{"propose_plan", `{"amount":"150","frequency":"monthly"}`}, call{"hardship", "{}"})
	})
}

func BenchmarkUnderstand(b *testing.B) {
	f := benchServer(b)
	br, err := NewBrain(f.config(), &scriptedBrain{})
	if err != nil {
		b.Fatal(err)
	}
	tc := turn(agent.ChannelSMS)
	ctx := context.Background()
	for b.Loop() {
		u, err := br.Understand(ctx, tc, "I lost my job, can I pay 150 a month?")
		if err != nil || u.Fallback != "" {
			b.Fatal(u.Fallback, err)
		}
	}
}

func BenchmarkRawRoundTrip(b *testing.B) {
	f := benchServer(b)
	br, err := NewBrain(f.config(), &scriptedBrain{})
	if err != nil {
		b.Fatal(err)
	}
	req, err := br.request(turn(agent.ChannelSMS), "I lost my job, can I pay 150 a month?")
	if err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(req)
	client := &http.Client{}
	url := f.srv.URL + "/v1/chat/completions"
	for b.Loop() {
		resp, err := client.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// BenchmarkOverheadInProcess is the same work without a network: build
// the request, encode it as go-openai does, decode the canned response and
// validate its tool calls. It is steadier than the subtraction on a busy
// machine.
func BenchmarkOverheadInProcess(b *testing.B) {
	br, err := NewBrain(Config{BaseURL: "http://127.0.0.1:1/v1"}, &scriptedBrain{})
	if err != nil {
		b.Fatal(err)
	}
	rec := httptest.NewRecorder()
	writeToolCalls(rec, call{"propose_plan", `{"amount":"150","frequency":"monthly"}`}, call{"hardship", "{}"})
	canned := rec.Body.Bytes()
	tc := turn(agent.ChannelSMS)
	for b.Loop() {
		req, err := br.request(tc, "I lost my job, can I pay 150 a month?")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(req); err != nil {
			b.Fatal(err)
		}
		var resp goopenai.ChatCompletionResponse
		if err := json.Unmarshal(canned, &resp); err != nil {
			b.Fatal(err)
		}
		p := parser{tc: tc, maxAmount: br.ep.cfg.MaxAmountMinor}
		for _, c := range resp.Choices[0].Message.ToolCalls {
			if _, err := p.parseCall(c); err != nil {
				b.Fatal(err)
			}
		}
	}
}
