package sms_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/sms"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
)

var outbound = agent.Outbound{MessageID: "m_42", ConversationID: "c_1", AccountID: "DEMO-US-1", Channel: agent.ChannelSMS,
	To: "+15551230001", Text: "Your payment plan is set up."}

func TestSenderCreatesMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		settings func(twilio.Settings) twilio.Settings
		want     map[string]string
	}{
		{
			name:     "from a number",
			settings: func(s twilio.Settings) twilio.Settings { return s },
			want: map[string]string{"To": "+15551230001", "From": "+15550001111", "Body": "Your payment plan is set up.",
				"StatusCallback": "https://parley.example.com/twilio/sms/status?mid=m_42"},
		},
		{
			name: "through a messaging service",
			settings: func(s twilio.Settings) twilio.Settings {
				s.From, s.MessagingServiceSID = "", "MG123"
				return s
			},
			want: map[string]string{"To": "+15551230001", "MessagingServiceSid": "MG123", "Body": "Your payment plan is set up.",
				"StatusCallback": "https://parley.example.com/twilio/sms/status?mid=m_42"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := twiliotest.NewServer(t)
			s := sms.NewSender(tt.settings(fake.Settings("https://parley.example.com")), fake.HTTPClient(), nil)
			sid, err := s.Send(context.Background(), outbound)
			if err != nil {
				t.Fatal(err)
			}
			reqs := fake.Requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			if !strings.HasPrefix(sid, "SM") || len(sid) != 34 {
				t.Errorf("sid %q, want SM and 32 hex digits", sid)
			}
			r := reqs[0]
			if r.Path != "/2010-04-01/Accounts/AC123/Messages.json" || r.Username != "AC123" {
				t.Errorf("request %s as %s", r.Path, r.Username)
			}
			got := map[string]string{}
			for k := range r.Form {
				got[k] = r.Form.Get(k)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("form (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSenderErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		status    int
		code      int
		failures  int
		retryable []bool // per attempt; nil entry means success
		wantCode  string
	}{
		{name: "500 then 201", status: 500, code: 20500, failures: 1, retryable: []bool{true, false}, wantCode: "20500"},
		{name: "429 twice then 201", status: 429, code: 20429, failures: 2, retryable: []bool{true, true, false}, wantCode: "20429"},
		{name: "invalid number is permanent", status: 400, code: 21211, failures: 1, retryable: []bool{false}, wantCode: "21211"},
		{name: "opted out is permanent", status: 400, code: 21610, failures: 1, retryable: []bool{false}, wantCode: "21610"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := twiliotest.NewServer(t)
			fake.FailNext(tt.failures, tt.status, tt.code)
			s := sms.NewSender(fake.Settings("https://parley.example.com"), fake.HTTPClient(), nil)
			for i, wantRetry := range tt.retryable {
				sid, err := s.Send(context.Background(), outbound)
				if i >= tt.failures {
					if err != nil || sid == "" {
						t.Fatalf("attempt %d: sid %q err %v, want success", i+1, sid, err)
					}
					continue
				}
				var se *agent.SendError
				if !errors.As(err, &se) {
					t.Fatalf("attempt %d: %T %v, want *agent.SendError", i+1, err, err)
				}
				if se.Retryable != wantRetry || se.Code != tt.wantCode {
					t.Errorf("attempt %d: retryable=%v code=%q, want %v %q", i+1, se.Retryable, se.Code, wantRetry, tt.wantCode)
				}
				if !strings.HasPrefix(err.Error(), "sms: send: ") {
					t.Errorf("error %q lacks its operation", err)
				}
			}
			if got := len(fake.Requests()); got != len(tt.retryable) {
				t.Errorf("%d requests, want %d", got, len(tt.retryable))
			}
		})
	}
}

func TestSenderNetworkErrorIsRetryable(t *testing.T) {
	t.Parallel()
	hc := &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		return nil, errors.New("dial tcp 127.0.0.1:1: connection refused")
	})}
	s := sms.NewSender(twilio.Settings{AccountSID: "AC1", AuthToken: "tok", From: "+15550001111"}, hc, nil)
	_, err := s.Send(context.Background(), outbound)
	var se *agent.SendError
	if !errors.As(err, &se) || !se.Retryable {
		t.Errorf("err = %v, want a retryable SendError", err)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestSenderFromSettingsFallsBackToDryRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		settings twilio.Settings
		live     bool
	}{
		{name: "nothing", settings: twilio.Settings{}},
		{name: "no sender", settings: twilio.Settings{AccountSID: "AC1", AuthToken: "tok"}},
		{name: "no token", settings: twilio.Settings{AccountSID: "AC1", From: "+15550001111"}},
		{name: "live", settings: twilio.Settings{AccountSID: "AC1", AuthToken: "tok", From: "+15550001111"}, live: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, live := sms.NewSenderFromSettings(tt.settings, nil, nil).(*sms.Sender)
			if live != tt.live {
				t.Errorf("live = %v, want %v", live, tt.live)
			}
		})
	}
}

func TestDryRunSenderLogsNoBodyOrNumber(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	var out bytes.Buffer
	d := sms.DryRunSender{Log: slog.New(slog.NewTextHandler(&buf, nil)), Out: &out}
	sid, err := d.Send(context.Background(), outbound)
	if err != nil || !strings.HasPrefix(sid, sms.DryRunSIDPrefix+"SM") {
		t.Fatalf("sid %q err %v", sid, err)
	}
	logged := buf.String()
	if !strings.Contains(logged, "dry-run") || !strings.Contains(logged, "m_42") {
		t.Errorf("log %q does not name the dry run and the message", logged)
	}
	for _, leak := range []string{outbound.Text, outbound.To} {
		if strings.Contains(logged, leak) {
			t.Errorf("log shows %q: %s", leak, logged)
		}
		// The dry-run file is where the operator reads what would have gone out.
		if !strings.Contains(out.String(), leak) {
			t.Errorf("dry-run file %q lacks %q", out.String(), leak)
		}
	}
	if n := strings.Count(out.String(), "\n"); n != 1 {
		t.Errorf("dry-run file has %d lines, want 1: %q", n, out.String())
	}
}
