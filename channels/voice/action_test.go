package voice_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/channels/twilio/twiliotest"
	"github.com/parley-collections/parley/channels/voice"
)

// actionDoc is the TwiML a Connect action is answered with.
type actionDoc struct {
	XMLName xml.Name `xml:"Response"`
	Dial    string   `xml:"Dial"`
	Say     *struct {
		Language string `xml:"language,attr"`
		Text     string `xml:",chardata"`
	} `xml:"Say"`
	Hangup *struct{} `xml:"Hangup"`
}

func actionForm(status string, data map[string]string) url.Values {
	f := url.Values{"CallSid": {"CA1"}, "AccountSid": {"AC123"}, "From": {"+15551230001"}, "To": {"+15550001111"},
		"Direction": {"inbound"}, "SessionId": {"VX1"}, "SessionStatus": {status}, "SessionDuration": {"42"}}
	if data != nil {
		b, _ := json.Marshal(data)
		f.Set("HandoffData", string(b))
	}
	return f
}

func TestActionRoutesTheEndedSession(t *testing.T) {
	t.Parallel()
	handoff := map[string]string{"reasonCode": voice.ReasonHandoff, "conversationId": "c_9", "queue": voice.HandoffQueue}
	goodbye := map[string]string{"reasonCode": voice.ReasonClosed, "conversationId": "c_9"}
	tests := []struct {
		name     string
		number   string
		form     url.Values
		dial     string
		say      string
		lang     string
		hangup   bool
		farewell *voice.FarewellRequest // what the farewell function was asked, if it was
	}{
		{name: "handoff to a number", number: "+15557654321", form: actionForm("completed", handoff), dial: "+15557654321"},
		{name: "handoff without a number", form: actionForm("completed", handoff), say: "A person will follow up.", lang: "en-US", hangup: true,
			farewell: &voice.FarewellRequest{CallSid: "CA1", ConversationID: "c_9", Phone: "+15551230001", Reason: voice.ReasonHandoff}},
		{name: "goodbye", number: "+15557654321", form: actionForm("completed", goodbye), hangup: true},
		{name: "caller hung up", number: "+15557654321", form: actionForm("ended", nil), hangup: true},
		{name: "session failed goes to a person", number: "+15557654321", form: actionForm("failed", nil), dial: "+15557654321"},
		{name: "session failed without a number", form: actionForm("failed", nil), say: "A person will follow up.", lang: "en-US", hangup: true,
			farewell: &voice.FarewellRequest{CallSid: "CA1", Phone: "+15551230001", Reason: "session-failed"}},
		{name: "handoffData not ours", number: "+15557654321", form: func() url.Values {
			f := actionForm("completed", nil)
			f.Set("HandoffData", "{not json")
			return f
		}(), hangup: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			asked := make(chan voice.FarewellRequest, 1)
			b := setup(t, streams(), func(c *voice.Config) {
				c.HandoffNumber = tt.number
				c.Farewell = func(_ context.Context, r voice.FarewellRequest) (voice.Greeting, error) {
					asked <- r
					return voice.Greeting{Text: "A person will follow up.", Language: "en"}, nil
				}
			})
			status, ctype, body := post(t, twiliotest.SignedForm(token, b.url, voice.ActionPath, tt.form))
			if status != http.StatusOK || ctype != "text/xml" {
				t.Fatalf("answer %d %q: %s", status, ctype, body)
			}
			var got actionDoc
			if err := xml.Unmarshal([]byte(body), &got); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
			if got.Dial != tt.dial || (got.Hangup != nil) != tt.hangup {
				t.Errorf("dial %q hangup %v, want %q %v: %s", got.Dial, got.Hangup != nil, tt.dial, tt.hangup, body)
			}
			if say := got.Say; (say == nil) != (tt.say == "") || say != nil && (say.Text != tt.say || say.Language != tt.lang) {
				t.Errorf("say %+v, want %q in %q: %s", say, tt.say, tt.lang, body)
			}
			select {
			case r := <-asked:
				if tt.farewell == nil {
					t.Errorf("farewell asked for %+v", r)
				} else if diff := cmp.Diff(*tt.farewell, r); diff != "" {
					t.Errorf("farewell request (-want +got):\n%s", diff)
				}
			default:
				if tt.farewell != nil {
					t.Error("farewell not asked for")
				}
			}
		})
	}
}

func TestActionFarewellFailureJustHangsUp(t *testing.T) {
	t.Parallel()
	b := setup(t, streams(), func(c *voice.Config) {
		c.Farewell = func(context.Context, voice.FarewellRequest) (voice.Greeting, error) {
			return voice.Greeting{}, errors.New("store down")
		}
	})
	form := actionForm("completed", map[string]string{"reasonCode": voice.ReasonHandoff})
	_, _, body := post(t, twiliotest.SignedForm(token, b.url, voice.ActionPath, form))
	if want := `<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>`; body != want {
		t.Errorf("answer %s, want %s", body, want)
	}
}

func TestNewHandlerChecksTheHandoffNumber(t *testing.T) {
	t.Parallel()
	for _, n := range []string{"5551234567", "+0551234567", "+1 555 123 4567", "sip:desk@example.com"} {
		_, err := voice.NewHandler(voice.Config{Turn: voice.TurnFunc(streams()), Greeting: greeting, HandoffNumber: n})
		if err == nil {
			t.Errorf("handoff number %q accepted", n)
		}
	}
	if _, err := voice.NewHandler(voice.Config{Turn: voice.TurnFunc(streams()), Greeting: greeting, HandoffNumber: "+442071234567"}); err != nil {
		t.Errorf("a London number refused: %v", err)
	}
}
