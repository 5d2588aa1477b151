package sms_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/sms"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
)

const token = "tok123"

type testBundle struct {
	orch  *fakeOrchestrator
	store *fakeStore
	h     *sms.Handler
	url   string // the test server's URL, also PARLEY_PUBLIC_URL
}

// setup serves a Handler over real HTTP on 127.0.0.1; mutate adjusts its
// Config before it starts.
func setup(t *testing.T, mutate func(*sms.Config)) *testBundle {
	t.Helper()
	b := &testBundle{orch: newFakeOrchestrator(), store: newFakeStore()}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { b.h.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	b.url = srv.URL
	cfg := sms.Config{
		Settings:     twilio.Settings{AccountSID: "AC123", AuthToken: token, PublicURL: srv.URL},
		Orchestrator: b.orch,
		Store:        b.store,
		Clock:        agent.NewFixedClock(time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC)),
	}
	if mutate != nil {
		mutate(&cfg)
	}
	h, err := sms.NewHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b.h = h
	t.Cleanup(func() { _ = h.Close(context.Background()) })
	return b
}

func (b *testBundle) post(t *testing.T, target string, form url.Values) (*http.Response, string) {
	t.Helper()
	return twiliotest.Do(t, twiliotest.SignedForm(token, b.url, target, form))
}

func inboundForm(sid string) url.Values {
	return url.Values{
		"MessageSid": {sid}, "SmsSid": {sid}, "AccountSid": {"AC123"}, "From": {"+15551230001"}, "To": {"+15550001111"},
		"Body": {"how much do I owe?"}, "NumMedia": {"0"}, "SmsStatus": {"received"}, "ApiVersion": {"2010-04-01"},
	}
}

func TestInboundRetryStoresOnceAndRunsOneTurn(t *testing.T) {
	t.Parallel()
	b := setup(t, nil)
	for range 2 {
		resp, body := b.post(t, sms.InboundPath, inboundForm("SM0001"))
		if resp.StatusCode != http.StatusOK || body != sms.EmptyTwiML {
			t.Fatalf("answer %d %q, want 200 %q", resp.StatusCode, body, sms.EmptyTwiML)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "text/xml" {
			t.Errorf("Content-Type %q, want text/xml", ct)
		}
	}
	if id := <-b.orch.processed; id != "m_1" {
		t.Errorf("processed %q, want m_1", id)
	}
	if err := b.h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	stored, received, processes := b.orch.snapshot()
	if stored != 1 || len(received) != 2 {
		t.Errorf("stored %d of %d deliveries, want 1 of 2", stored, len(received))
	}
	if diff := cmp.Diff([]string{"m_1"}, processes); diff != "" {
		t.Errorf("turns (-want +got):\n%s", diff)
	}
	want := agent.Inbound{Channel: agent.ChannelSMS, From: "+15551230001", To: "+15550001111", Text: "how much do I owe?",
		ChannelMessageID: "SM0001", Meta: map[string]string{"NumMedia": "0"}}
	if diff := cmp.Diff(want, received[0]); diff != "" {
		t.Errorf("inbound (-want +got):\n%s", diff)
	}
}

func TestInboundPassesOptOutType(t *testing.T) {
	t.Parallel()
	b := setup(t, nil)
	form := inboundForm("SM0002")
	form.Set("Body", "STOP")
	form.Set("OptOutType", "STOP")
	form.Set("MessagingServiceSid", "MG1")
	if resp, _ := b.post(t, sms.InboundPath, form); resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	<-b.orch.processed
	_, received, _ := b.orch.snapshot()
	want := map[string]string{"OptOutType": "STOP", "MessagingServiceSid": "MG1", "NumMedia": "0"}
	if diff := cmp.Diff(want, received[0].Meta); diff != "" {
		t.Errorf("meta (-want +got):\n%s", diff)
	}
}

func TestInboundAnswersBeforeTheTurnAndTheTurnOutlivesTheRequest(t *testing.T) {
	t.Parallel()
	b := setup(t, nil)
	b.orch.release = make(chan struct{})
	resp, _ := b.post(t, sms.InboundPath, inboundForm("SM0003"))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	// The answer came back while the turn is still waiting; the request is
	// over, and the turn's context must still be alive.
	close(b.orch.release)
	if err := <-b.orch.processCtx; err != nil {
		t.Errorf("turn context ended with the request: %v", err)
	}
}

func TestInboundRejections(t *testing.T) {
	t.Parallel()
	unsigned := func(b *testBundle, body string) *http.Request {
		r, _ := http.NewRequest(http.MethodPost, b.url+sms.InboundPath, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return r
	}
	tests := []struct {
		name     string
		mutate   func(*sms.Config)
		request  func(b *testBundle) *http.Request
		want     int
		receives int
	}{
		{name: "bad signature", want: http.StatusForbidden, request: func(b *testBundle) *http.Request {
			return twiliotest.SignedForm("wrong", b.url, sms.InboundPath, inboundForm("SM1"))
		}},
		{name: "unsigned", want: http.StatusForbidden, request: func(b *testBundle) *http.Request {
			return unsigned(b, inboundForm("SM1").Encode())
		}},
		{name: "malformed form", want: http.StatusBadRequest, request: func(b *testBundle) *http.Request {
			return unsigned(b, "MessageSid=SM1&Body=%zz")
		}},
		{name: "body over 64 KB", want: http.StatusRequestEntityTooLarge, request: func(b *testBundle) *http.Request {
			f := inboundForm("SM1")
			f.Set("Body", strings.Repeat("x", 70<<10))
			return twiliotest.SignedForm(token, b.url, sms.InboundPath, f)
		}},
		{name: "no MessageSid", want: http.StatusBadRequest, request: func(b *testBundle) *http.Request {
			f := inboundForm("SM1")
			f.Del("MessageSid")
			return twiliotest.SignedForm(token, b.url, sms.InboundPath, f)
		}},
		{name: "another account", want: http.StatusForbidden, request: func(b *testBundle) *http.Request {
			f := inboundForm("SM1")
			f.Set("AccountSid", "ACother")
			return twiliotest.SignedForm(token, b.url, sms.InboundPath, f)
		}},
		{name: "no auth token", want: http.StatusServiceUnavailable,
			mutate: func(c *sms.Config) { c.Settings.AuthToken = "" },
			request: func(b *testBundle) *http.Request {
				return twiliotest.SignedForm(token, b.url, sms.InboundPath, inboundForm("SM1"))
			}},
		{name: "store down", want: http.StatusServiceUnavailable, receives: 1,
			mutate: func(c *sms.Config) { c.Orchestrator.(*fakeOrchestrator).receiveErr = errors.New("database is locked") },
			request: func(b *testBundle) *http.Request {
				return twiliotest.SignedForm(token, b.url, sms.InboundPath, inboundForm("SM1"))
			}},
		{name: "GET", want: http.StatusMethodNotAllowed, request: func(b *testBundle) *http.Request {
			r, _ := http.NewRequest(http.MethodGet, b.url+sms.InboundPath, nil)
			return r
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, tt.mutate)
			resp, _ := twiliotest.Do(t, tt.request(b))
			if resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.want)
			}
			if err := b.h.Close(context.Background()); err != nil {
				t.Fatal(err)
			}
			_, received, processes := b.orch.snapshot()
			if len(received) != tt.receives || len(processes) != 0 {
				t.Errorf("receives %d, turns %d; want %d and 0", len(received), len(processes), tt.receives)
			}
		})
	}
}

func TestInboundInsecureModeAcceptsUnsigned(t *testing.T) {
	t.Parallel()
	b := setup(t, func(c *sms.Config) { c.Settings.AuthToken, c.Settings.Insecure = "", true })
	r, _ := http.NewRequest(http.MethodPost, b.url+sms.InboundPath, strings.NewReader(inboundForm("SM9").Encode()))
	if resp, _ := twiliotest.Do(t, r); resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200", resp.StatusCode)
	}
	<-b.orch.processed
}

func TestInboundFromUnknownNumberIsAcknowledged(t *testing.T) {
	t.Parallel()
	b := setup(t, func(c *sms.Config) {
		c.Orchestrator.(*fakeOrchestrator).receiveErr = agent.ErrUnknownSender
	})
	if resp, body := b.post(t, sms.InboundPath, inboundForm("SM4")); resp.StatusCode != http.StatusOK || body != sms.EmptyTwiML {
		t.Errorf("answer %d %q, want the empty TwiML", resp.StatusCode, body)
	}
}

func TestCloseDrainsQueuedTurns(t *testing.T) {
	t.Parallel()
	b := setup(t, func(c *sms.Config) { c.Workers = 1 })
	for _, sid := range []string{"SM10", "SM11", "SM12"} {
		if resp, _ := b.post(t, sms.InboundPath, inboundForm(sid)); resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d", resp.StatusCode)
		}
	}
	if err := b.h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, _, processes := b.orch.snapshot()
	if diff := cmp.Diff([]string{"m_1", "m_2", "m_3"}, processes); diff != "" {
		t.Errorf("turns after Close (-want +got):\n%s", diff)
	}
}

func TestCloseCancelsTurnsAfterItsDeadline(t *testing.T) {
	t.Parallel()
	b := setup(t, nil)
	b.orch.release = make(chan struct{}) // never closed: the turn waits for its context
	if resp, _ := b.post(t, sms.InboundPath, inboundForm("SM20")); resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.h.Close(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Close = %v, want context.Canceled", err)
	}
	if err := <-b.orch.processCtx; !errors.Is(err, context.Canceled) {
		t.Errorf("turn context = %v, want cancelled", err)
	}
}

// signedFor signs form for signedTarget and sends it to target.
func signedFor(b *testBundle, signedTarget, target string, form url.Values) *http.Request {
	r := twiliotest.SignedForm(token, b.url, target, form)
	r.Header.Set(twilio.SignatureHeader, twiliotest.Sign(token, b.url+signedTarget, form))
	return r
}

// Messages the turn queue had no room for are released to the pending
// sweep and the sweep is woken at once: each turn runs once, without
// waiting for the sweep's interval.
func TestOverflowedTurnsRunFromTheStore(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	b := setup(t, func(c *sms.Config) { c.Workers, c.Queue = 1, 1 })
	b.orch.release = release
	b.orch.processed = make(chan string, 64)
	b.orch.processCtx = make(chan error, 64)
	const n = 12
	for i := range n {
		resp, _ := b.post(t, sms.InboundPath, inboundForm(fmt.Sprintf("SM%04d", i)))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("webhook %d: %d", i, resp.StatusCode)
		}
	}
	close(release)
	seen := map[string]int{}
	deadline := time.After(10 * time.Second)
	for len(seen) < n {
		select {
		case id := <-b.orch.processed:
			seen[id]++
		case <-deadline:
			t.Fatalf("%d of %d turns ran; the overflow was not taken from the store", len(seen), n)
		}
	}
	time.Sleep(50 * time.Millisecond)
	_, _, processes := b.orch.snapshot()
	if len(processes) != n {
		t.Errorf("%d turns run for %d messages: %v", len(processes), n, processes)
	}
}

// TestInboundWithoutTokenNamesTheSettings: the 503 a webhook gets when
// nothing can check Twilio's signatures says which settings fix it.
func TestInboundWithoutTokenNamesTheSettings(t *testing.T) {
	t.Parallel()
	b := setup(t, func(c *sms.Config) { c.Settings.AuthToken = "" })
	resp, body := twiliotest.Do(t, twiliotest.SignedForm(token, b.url, sms.InboundPath, inboundForm("SM1")))
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "TWILIO_AUTH_TOKEN") || !strings.Contains(body, "PARLEY_TWILIO_INSECURE=1") {
		t.Fatalf("answer %d %q, want 503 naming TWILIO_AUTH_TOKEN and PARLEY_TWILIO_INSECURE=1", resp.StatusCode, body)
	}
}
