package voice_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
	"github.com/parley-collections/parley/channels/voice"
)

var call = agent.CallRequest{AccountID: "DEMO-US-1", MessageID: "m_1", To: "+15551230001"}

func TestCallerPlacesACall(t *testing.T) {
	t.Parallel()
	fake := twiliotest.NewServer(t)
	c := voice.NewCaller(fake.Settings("https://parley.example.com"), fake.HTTPClient(), nil)
	sid, pending, err := c.Dial(context.Background(), call)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sid, "CA") || !pending {
		t.Errorf("sid %q pending %v, want a CA sid with its outcome to come", sid, pending)
	}
	reqs := fake.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/2010-04-01/Accounts/AC123/Calls.json" {
		t.Fatalf("requests %+v", reqs)
	}
	got := map[string]string{}
	for k := range reqs[0].Form {
		got[k] = reqs[0].Form.Get(k)
	}
	want := map[string]string{
		"To": "+15551230001", "From": "+15550001111", "MachineDetection": "Enable",
		"Url":            "https://parley.example.com/twilio/voice?aid=DEMO-US-1&mid=m_1",
		"StatusCallback": "https://parley.example.com/twilio/voice/status?aid=DEMO-US-1&mid=m_1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("form (-want +got):\n%s", diff)
	}
}

func TestCallerClassifiesTwilioErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status, code int
		retryable    bool
	}{
		{status: 500, code: 20500, retryable: true},
		{status: 429, code: 20429, retryable: true},
		{status: 400, code: 21211},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.code), func(t *testing.T) {
			t.Parallel()
			fake := twiliotest.NewServer(t)
			fake.FailNext(1, tt.status, tt.code)
			c := voice.NewCaller(fake.Settings("https://parley.example.com"), fake.HTTPClient(), nil)
			_, _, err := c.Dial(context.Background(), call)
			var se *agent.SendError
			if !errors.As(err, &se) || se.Retryable != tt.retryable || !strings.HasPrefix(err.Error(), "voice: call: ") {
				t.Errorf("err %v, want a SendError retryable=%v", err, tt.retryable)
			}
			if _, _, err := c.Dial(context.Background(), call); err != nil {
				t.Errorf("second attempt: %v", err)
			}
		})
	}
}

func TestCallerDryRunWithoutCredentials(t *testing.T) {
	t.Parallel()
	c := voice.NewCaller(twilio.Settings{PublicURL: "https://parley.example.com"}, nil, nil)
	sid, pending, err := c.Dial(context.Background(), call)
	if err != nil || !strings.HasPrefix(sid, "CA") || pending {
		t.Errorf("sid %q pending %v err %v, want a made-up sid and nothing to wait for", sid, pending, err)
	}
}

func TestCallerNeedsACallerID(t *testing.T) {
	t.Parallel()
	fake := twiliotest.NewServer(t)
	s := fake.Settings("https://parley.example.com")
	s.From, s.MessagingServiceSID = "", "MG123"
	_, _, err := voice.NewCaller(s, fake.HTTPClient(), nil).Dial(context.Background(), call)
	var se *agent.SendError
	if !errors.As(err, &se) || se.Retryable {
		t.Errorf("err %v, want a final SendError", err)
	}
	if n := len(fake.Requests()); n != 0 {
		t.Errorf("%d calls placed", n)
	}
}
