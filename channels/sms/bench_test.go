package sms_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/sms"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
)

// fastOrchestrator stores nothing and runs no turn: the benchmark measures
// the channel's own path.
type fastOrchestrator struct{ n atomic.Int64 }

func (f *fastOrchestrator) Receive(context.Context, agent.Inbound) (agent.Message, bool, error) {
	return agent.Message{ID: fmt.Sprint("m_", f.n.Add(1))}, true, nil
}

func (f *fastOrchestrator) Process(context.Context, string, ...agent.TurnOption) (agent.TurnResult, error) {
	return agent.TurnResult{}, nil
}

func (f *fastOrchestrator) Release(string) {}

func (f *fastOrchestrator) WakePending() {}

// BenchmarkInboundWebhook measures POST /twilio/sms from a signed request to
// the TwiML answer: body read, signature check, form parse, Receive and the
// hand-off to the worker pool.
func BenchmarkInboundWebhook(b *testing.B) {
	const public = "https://parley.example.com"
	h, err := sms.NewHandler(sms.Config{
		Settings:     twilio.Settings{AccountSID: "AC123", AuthToken: token, PublicURL: public},
		Orchestrator: &fastOrchestrator{},
		Store:        newFakeStore(),
		Queue:        1 << 16,
	})
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close(context.Background())
	form := inboundForm("SM0001")
	body := []byte(form.Encode())
	sig := twiliotest.Sign(token, public+sms.InboundPath, form)
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodPost, sms.InboundPath, bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set(twilio.SignatureHeader, sig)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
