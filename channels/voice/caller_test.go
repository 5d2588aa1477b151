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

func allowAll(context.Context, voice.Call) (bool, string, error) { return true, "", nil }

var call = voice.Call{AccountID: "DEMO-US-1", To: "+15551230001"}

func TestCallerPlacesAnAllowedCall(t *testing.T) {
	t.Parallel()
	fake := twiliotest.NewServer(t)
	checked := make(chan voice.Call, 1)
	c, err := voice.NewCaller(fake.Settings("https://parley.example.com"), fake.HTTPClient(), func(_ context.Context, c voice.Call) (bool, string, error) {
		checked <- c
		return true, "", nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sid, err := c.Place(context.Background(), call)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sid, "CA") {
		t.Errorf("sid %q", sid)
	}
	if got := <-checked; got != call {
		t.Errorf("checked %+v", got)
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
		"Url":            "https://parley.example.com/twilio/voice?aid=DEMO-US-1",
		"StatusCallback": "https://parley.example.com/twilio/voice/status?aid=DEMO-US-1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("form (-want +got):\n%s", diff)
	}
}

func TestCallerRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		allow   voice.AllowFunc
		refused bool
	}{
		{name: "refused", allow: func(context.Context, voice.Call) (bool, string, error) { return false, "outside contact hours", nil }, refused: true},
		{name: "check failed", allow: func(context.Context, voice.Call) (bool, string, error) { return true, "", errors.New("store down") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := twiliotest.NewServer(t)
			c, err := voice.NewCaller(fake.Settings("https://parley.example.com"), fake.HTTPClient(), tt.allow, nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Place(context.Background(), call)
			if err == nil || errors.Is(err, voice.ErrRefused) != tt.refused {
				t.Errorf("err %v, refused=%v wanted", err, tt.refused)
			}
			if n := len(fake.Requests()); n != 0 {
				t.Errorf("%d calls placed", n)
			}
		})
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
			c, err := voice.NewCaller(fake.Settings("https://parley.example.com"), fake.HTTPClient(), allowAll, nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Place(context.Background(), call)
			var se *agent.SendError
			if !errors.As(err, &se) || se.Retryable != tt.retryable || !strings.HasPrefix(err.Error(), "voice: call: ") {
				t.Errorf("err %v, want a SendError retryable=%v", err, tt.retryable)
			}
			if _, err := c.Place(context.Background(), call); err != nil {
				t.Errorf("second attempt: %v", err)
			}
		})
	}
}

func TestCallerDryRunWithoutCredentials(t *testing.T) {
	t.Parallel()
	c, err := voice.NewCaller(twilio.Settings{PublicURL: "https://parley.example.com"}, nil, allowAll, nil)
	if err != nil {
		t.Fatal(err)
	}
	sid, err := c.Place(context.Background(), call)
	if err != nil || !strings.HasPrefix(sid, "CA") {
		t.Errorf("sid %q err %v", sid, err)
	}
}

func TestNewCallerNeedsACheck(t *testing.T) {
	t.Parallel()
	if _, err := voice.NewCaller(twilio.Settings{}, nil, nil, nil); err == nil {
		t.Error("NewCaller without an AllowFunc succeeded")
	}
}
