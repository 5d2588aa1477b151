package twilio_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twilio/twilio-go/client"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
)

const publicURL = "https://parley.example.com"

func TestSettings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		s        twilio.Settings
		canSend  bool
		wantErr  bool
		relayURL string
	}{
		{name: "nothing set: dry run", relayURL: "/twilio/voice/relay"},
		{
			name:     "live with a number",
			s:        twilio.Settings{AccountSID: "AC1", AuthToken: "tok", From: "+15550001111", PublicURL: publicURL},
			canSend:  true,
			relayURL: "wss://parley.example.com/twilio/voice/relay",
		},
		{
			name:     "live with a messaging service over plain http",
			s:        twilio.Settings{AccountSID: "AC1", AuthToken: "tok", MessagingServiceSID: "MG1", PublicURL: "http://127.0.0.1:8080"},
			canSend:  true,
			relayURL: "ws://127.0.0.1:8080/twilio/voice/relay",
		},
		{
			name:     "token without a sender cannot send",
			s:        twilio.Settings{AccountSID: "AC1", AuthToken: "tok", Insecure: true},
			relayURL: "/twilio/voice/relay",
		},
		{name: "public url without scheme", s: twilio.Settings{PublicURL: "parley.example.com"}, wantErr: true},
		{name: "public url with a query", s: twilio.Settings{PublicURL: "https://x.example.com/?a=1"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.s.Validate()
			if (err != nil) != tt.wantErr {
				t.Fatalf("Validate = %v, wantErr %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if tt.s.CanSend() != tt.canSend {
				t.Errorf("CanSend = %v, want %v", tt.s.CanSend(), tt.canSend)
			}
			if u := tt.s.WebsocketURL("/twilio/voice/relay"); u != tt.relayURL {
				t.Errorf("WebsocketURL = %q, want %q", u, tt.relayURL)
			}
		})
	}
}

func TestSettingsLogValueHidesToken(t *testing.T) {
	t.Parallel()
	s := twilio.Settings{AccountSID: "AC1", AuthToken: "supersecret", From: "+15550001111"}
	got := s.LogValue().String()
	for _, leak := range []string{"supersecret", "+15550001111"} {
		if strings.Contains(got, leak) {
			t.Errorf("LogValue %q shows %q", got, leak)
		}
	}
}

func TestRedact(t *testing.T) {
	t.Parallel()
	tests := map[string]string{"+15551230001": "+1…01", "": "", "123": "…", "+4420794600": "+4…00"}
	for in, want := range tests {
		if got := twilio.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerifierReadForm(t *testing.T) {
	t.Parallel()
	form := url.Values{"MessageSid": {"SM1"}, "From": {"+15551230001"}, "Body": {"hello"}}
	signed := func(token, target string) *http.Request {
		return twiliotest.SignedForm(token, publicURL, target, form)
	}
	tests := []struct {
		name     string
		settings twilio.Settings
		req      *http.Request
		want     int // 0: accepted
	}{
		{name: "signed", settings: twilio.Settings{AuthToken: "tok", PublicURL: publicURL}, req: signed("tok", "/twilio/sms")},
		{name: "signed with a query", settings: twilio.Settings{AuthToken: "tok", PublicURL: publicURL}, req: signed("tok", "/twilio/sms/status?mid=m_1")},
		{name: "wrong token", settings: twilio.Settings{AuthToken: "tok", PublicURL: publicURL}, req: signed("other", "/twilio/sms"), want: http.StatusForbidden},
		{name: "signed for another host", settings: twilio.Settings{AuthToken: "tok", PublicURL: "https://evil.example.com"}, req: signed("tok", "/twilio/sms"), want: http.StatusForbidden},
		{name: "tampered body", settings: twilio.Settings{AuthToken: "tok", PublicURL: publicURL}, req: func() *http.Request {
			r := signed("tok", "/twilio/sms")
			r2 := httptest.NewRequest(http.MethodPost, "/twilio/sms", strings.NewReader(strings.Replace(form.Encode(), "hello", "pay+now", 1)))
			r2.Header = r.Header
			return r2
		}(), want: http.StatusForbidden},
		{name: "no signature", settings: twilio.Settings{AuthToken: "tok", PublicURL: publicURL},
			req: httptest.NewRequest(http.MethodPost, "/twilio/sms", strings.NewReader(form.Encode())), want: http.StatusForbidden},
		{name: "no token", settings: twilio.Settings{PublicURL: publicURL}, req: signed("tok", "/twilio/sms"), want: http.StatusServiceUnavailable},
		{name: "no token, insecure", settings: twilio.Settings{PublicURL: publicURL, Insecure: true},
			req: httptest.NewRequest(http.MethodPost, "/twilio/sms", strings.NewReader(form.Encode()))},
		{name: "body too large", settings: twilio.Settings{AuthToken: "tok", PublicURL: publicURL},
			req: httptest.NewRequest(http.MethodPost, "/twilio/sms", strings.NewReader("Body="+strings.Repeat("a", twilio.MaxBodyBytes))), want: http.StatusRequestEntityTooLarge},
		{name: "malformed form", settings: twilio.Settings{AuthToken: "tok", PublicURL: publicURL},
			req: httptest.NewRequest(http.MethodPost, "/twilio/sms", strings.NewReader("Body=%zz")), want: http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v := twilio.NewVerifier(tt.settings, nil)
			w := httptest.NewRecorder()
			got, ok := v.ReadForm(w, tt.req)
			if tt.want == 0 {
				if !ok {
					t.Fatalf("rejected with %d: %s", w.Code, w.Body)
				}
				if diff := cmp.Diff(form, got); diff != "" {
					t.Errorf("form (-want +got):\n%s", diff)
				}
				return
			}
			if ok || w.Code != tt.want {
				t.Errorf("ok=%v status=%d, want %d", ok, w.Code, tt.want)
			}
		})
	}
}

func TestVerifierCheckUpgrade(t *testing.T) {
	t.Parallel()
	const path = "/twilio/voice/relay"
	tests := []struct {
		name      string
		settings  twilio.Settings
		signedURL string
		want      int
	}{
		{name: "wss from https", settings: twilio.Settings{AuthToken: "tok", PublicURL: publicURL}, signedURL: "wss://parley.example.com" + path},
		{name: "ws from http", settings: twilio.Settings{AuthToken: "tok", PublicURL: "http://127.0.0.1:8080"}, signedURL: "ws://127.0.0.1:8080" + path},
		{name: "https url signed instead of wss", settings: twilio.Settings{AuthToken: "tok", PublicURL: publicURL}, signedURL: publicURL + path, want: http.StatusForbidden},
		{name: "no token", settings: twilio.Settings{PublicURL: publicURL}, signedURL: "wss://parley.example.com" + path, want: http.StatusServiceUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(http.MethodGet, path, nil)
			r.Header.Set(twilio.SignatureHeader, twiliotest.Sign("tok", tt.signedURL, nil))
			w := httptest.NewRecorder()
			ok := twilio.NewVerifier(tt.settings, nil).CheckUpgrade(w, r)
			if tt.want == 0 && !ok {
				t.Fatalf("rejected with %d", w.Code)
			}
			if tt.want != 0 && (ok || w.Code != tt.want) {
				t.Errorf("ok=%v status=%d, want %d", ok, w.Code, tt.want)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		want agent.SendError
	}{
		{name: "429", err: &client.TwilioRestError{Status: 429, Code: 20429}, want: agent.SendError{Retryable: true, Code: "20429"}},
		{name: "500", err: &client.TwilioRestError{Status: 500, Code: 20500}, want: agent.SendError{Retryable: true, Code: "20500"}},
		{name: "503 v1", err: &client.RestErrorV1{HttpStatusCode: 503, Code: 20503}, want: agent.SendError{Retryable: true, Code: "20503"}},
		{name: "invalid number", err: &client.TwilioRestError{Status: 400, Code: 21211}, want: agent.SendError{Code: "21211"}},
		{name: "opted out", err: fmt.Errorf("wrapped: %w", &client.TwilioRestError{Status: 400, Code: 21610}), want: agent.SendError{Code: "21610"}},
		{name: "network", err: &url.Error{Op: "Post", URL: "https://api.twilio.com", Err: errors.New("connection refused")}, want: agent.SendError{Retryable: true}},
		{name: "deadline", err: context.DeadlineExceeded, want: agent.SendError{Retryable: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := twilio.Classify("sms: send", tt.err)
			var se *agent.SendError
			if !errors.As(err, &se) {
				t.Fatalf("Classify returned %T, want *agent.SendError", err)
			}
			if se.Retryable != tt.want.Retryable || se.Code != tt.want.Code {
				t.Errorf("got retryable=%v code=%q, want retryable=%v code=%q", se.Retryable, se.Code, tt.want.Retryable, tt.want.Code)
			}
			if !errors.Is(err, tt.err) && !errors.Is(err, errors.Unwrap(tt.err)) {
				t.Errorf("Classify lost the cause: %v", err)
			}
			if !strings.HasPrefix(err.Error(), "sms: send: ") {
				t.Errorf("message %q lacks the operation", err)
			}
		})
	}
	if twilio.Classify("op", nil) != nil {
		t.Error("Classify(nil) != nil")
	}
}

func TestDoStopsWaitingWhenContextEnds(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := twilio.Do(ctx, "voice: call", func() (string, error) {
		<-release
		return "CA1", nil
	})
	var se *agent.SendError
	if !errors.As(err, &se) || !se.Retryable || !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want a retryable SendError wrapping context.Canceled", err)
	}
}
