package voice_test

import (
	"context"
	"encoding/xml"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
	"github.com/parley-collections/parley/channels/voice"
)

func post(t *testing.T, r *http.Request) (status int, contentType, body string) {
	t.Helper()
	resp, body := twiliotest.Do(t, r)
	return resp.StatusCode, resp.Header.Get("Content-Type"), body
}

func callForm(from string) url.Values {
	return url.Values{"CallSid": {"CA1"}, "AccountSid": {"AC123"}, "From": {from}, "To": {"+15550001111"},
		"CallStatus": {"ringing"}, "Direction": {"inbound"}, "ApiVersion": {"2010-04-01"}}
}

// relayDoc is the TwiML a call is answered with; twilio-go writes the
// attributes in no fixed order, so the test compares it parsed.
type relayDoc struct {
	XMLName xml.Name `xml:"Response"`
	Connect struct {
		Action string `xml:"action,attr"`
		Relay  struct {
			URL             string  `xml:"url,attr"`
			Language        string  `xml:"language,attr"`
			WelcomeGreeting string  `xml:"welcomeGreeting,attr"`
			Interruptible   string  `xml:"interruptible,attr"`
			DTMFDetection   string  `xml:"dtmfDetection,attr"`
			Params          []param `xml:"Parameter"`
		} `xml:"ConversationRelay"`
	} `xml:"Connect"`
}

type param struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

func TestCallAnswersWithConversationRelay(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		target   string
		from     string
		lang     string
		greeting string
		params   []param
	}{
		{name: "english", target: voice.CallPath, from: "+15551230001", lang: "en-US", greeting: "Hello, this is Parley."},
		{name: "chinese", target: voice.CallPath, from: "+8613800000000", lang: "zh-CN", greeting: "您好"},
		{name: "greeting refused: no greeting", target: voice.CallPath, from: "+15550009999", lang: "en-US"},
		{name: "a call we placed carries its account", target: voice.CallPath + "?aid=DEMO-US-1", from: "+15550001111",
			lang: "en-US", greeting: "Hello, this is Parley.", params: []param{{Name: "accountId", Value: "DEMO-US-1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, streams(), nil)
			status, ctype, body := post(t, twiliotest.SignedForm(token, b.url, tt.target, callForm(tt.from)))
			if status != http.StatusOK || ctype != "text/xml" || !strings.HasPrefix(body, `<?xml version="1.0" encoding="UTF-8"?><Response>`) {
				t.Fatalf("answer %d %q: %s", status, ctype, body)
			}
			var got relayDoc
			if err := xml.Unmarshal([]byte(body), &got); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
			// The relay URL carries the call's token (token_test.go).
			relayURL, tok, _ := strings.Cut(got.Connect.Relay.URL, "?t=")
			if tok == "" {
				t.Errorf("relay URL %q carries no token", got.Connect.Relay.URL)
			}
			got.Connect.Relay.URL = relayURL
			var want relayDoc
			want.XMLName.Local = "Response"
			want.Connect.Action = b.url + voice.ActionPath
			r := &want.Connect.Relay
			r.URL = "ws" + strings.TrimPrefix(b.url, "http") + voice.RelayPath
			r.Language, r.WelcomeGreeting, r.Interruptible, r.DTMFDetection, r.Params = tt.lang, tt.greeting, "any", "true", tt.params
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("TwiML (-want +got):\n%s\n%s", diff, body)
			}
		})
	}
}

func TestCallGreetingSeesTheCall(t *testing.T) {
	t.Parallel()
	got := make(chan voice.GreetingRequest, 1)
	b := setup(t, streams(), func(c *voice.Config) {
		c.Greeting = func(_ context.Context, r voice.GreetingRequest) (voice.Greeting, error) {
			got <- r
			return voice.Greeting{Text: "Hi."}, nil
		}
	})
	if status, _, body := post(t, twiliotest.SignedForm(token, b.url, voice.CallPath+"?aid=DEMO-US-1&mid=m_1", callForm("+15551230001"))); status != http.StatusOK {
		t.Fatalf("status %d: %s", status, body)
	}
	want := voice.GreetingRequest{CallSid: "CA1", From: "+15551230001", To: "+15550001111", Direction: "inbound", AccountID: "DEMO-US-1", MessageID: "m_1"}
	if diff := cmp.Diff(want, <-got); diff != "" {
		t.Errorf("greeting request (-want +got):\n%s", diff)
	}
}

// TestCallRejections: every Twilio webhook of the channel refuses what
// Twilio did not sign, or signed for another account.
func TestCallRejections(t *testing.T) {
	t.Parallel()
	another := func() url.Values { f := callForm("+1555"); f.Set("AccountSid", "ACx"); return f }()
	tests := []struct {
		name   string
		path   string
		mutate func(*voice.Config)
		token  string
		form   url.Values
		want   int
	}{
		{name: "bad signature", path: voice.CallPath, token: "wrong", form: callForm("+15551230001"), want: http.StatusForbidden},
		{name: "no auth token", path: voice.CallPath, token: token, mutate: func(c *voice.Config) { c.Settings.AuthToken = "" }, form: callForm("+15551230001"), want: http.StatusServiceUnavailable},
		{name: "no CallSid", path: voice.CallPath, token: token, form: url.Values{"From": {"+15551230001"}}, want: http.StatusBadRequest},
		{name: "another account", path: voice.CallPath, token: token, form: another, want: http.StatusForbidden},
		{name: "action: bad signature", path: voice.ActionPath, token: "wrong", form: actionForm("completed", nil), want: http.StatusForbidden},
		{name: "action: no auth token", path: voice.ActionPath, token: token, mutate: func(c *voice.Config) { c.Settings.AuthToken = "" }, form: actionForm("completed", nil), want: http.StatusServiceUnavailable},
		{name: "action: another account", path: voice.ActionPath, token: token, form: another, want: http.StatusForbidden},
		{name: "status: bad signature", path: voice.StatusPath + "?aid=DEMO-US-1", token: "wrong", form: url.Values{"CallSid": {"CA7"}, "CallStatus": {"busy"}}, want: http.StatusForbidden},
		{name: "status: another account", path: voice.StatusPath + "?aid=DEMO-US-1", token: token, form: another, want: http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, streams(), tt.mutate)
			if status, _, _ := post(t, twiliotest.SignedForm(tt.token, b.url, tt.path, tt.form)); status != tt.want {
				t.Errorf("status %d, want %d", status, tt.want)
			}
			if n := len(b.turns.inbound) + len(b.outcomes.list()); n != 0 {
				t.Errorf("a refused webhook ran %d turns or outcomes", n)
			}
		})
	}
}

func TestStatusRecordsFinalCallOutcomes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status, answeredBy string
		want               agent.ContactOutcome // "" = nothing recorded
	}{
		{status: "completed", answeredBy: "human", want: agent.OutcomeConnected},
		{status: "completed", want: agent.OutcomeConnected},
		{status: "completed", answeredBy: "machine_end_beep", want: agent.OutcomeVoicemail},
		{status: "busy", want: agent.OutcomeBusy},
		{status: "no-answer", want: agent.OutcomeNoAnswer},
		{status: "failed", want: agent.OutcomeFailed},
		{status: "canceled", want: agent.OutcomeFailed},
		{status: "ringing"},
		{status: "in-progress"},
	}
	for _, tt := range tests {
		t.Run(tt.status+"/"+tt.answeredBy, func(t *testing.T) {
			t.Parallel()
			b := setup(t, streams(), nil)
			form := url.Values{"CallSid": {"CA7"}, "CallStatus": {tt.status}, "To": {"+15551230001"}, "From": {"+15550001111"}, "Direction": {"outbound-api"}}
			if tt.answeredBy != "" {
				form.Set("AnsweredBy", tt.answeredBy)
			}
			if status, _, body := post(t, twiliotest.SignedForm(token, b.url, voice.StatusPath+"?aid=DEMO-US-1&mid=m_1", form)); status != http.StatusNoContent {
				t.Fatalf("status %d: %s", status, body)
			}
			var want []agent.CallOutcome
			if tt.want != "" {
				want = []agent.CallOutcome{{AccountID: "DEMO-US-1", MessageID: "m_1", CallSid: "CA7", To: "+15551230001", Outcome: tt.want}}
			}
			if diff := cmp.Diff(want, b.outcomes.list()); diff != "" {
				t.Errorf("outcomes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStatusStoreFailureAsksForARetry(t *testing.T) {
	t.Parallel()
	b := setup(t, streams(), nil)
	b.outcomes.err = errors.New("database is locked")
	form := url.Values{"CallSid": {"CA7"}, "CallStatus": {"busy"}, "To": {"+15551230001"}}
	if status, _, _ := post(t, twiliotest.SignedForm(token, b.url, voice.StatusPath+"?aid=DEMO-US-1", form)); status != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", status)
	}
}
