package twiliotest

import (
	"net/url"
	"testing"
)

// The vectors are Twilio's documented example and twilio-go's own test
// vectors (integrations.md 1.4).
func TestSignMatchesTwilioVectors(t *testing.T) {
	t.Parallel()
	const docsURL = "https://mycompany.com/myapp.php?foo=1&bar=2"
	seven := url.Values{
		"Digits": {"1234"}, "CallSid": {"CA1234567890ABCDE"}, "To": {"+18005551212"},
		"Caller": {"+14158675309"}, "From": {"+14158675309"},
		"ReasonConferenceEnded": {"test"}, "Reason": {"Participant"},
	}
	body, err := url.ParseQuery("property=value&boolean=true")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		url    string
		params url.Values
		want   string
	}{
		{
			name: "webhooks security page",
			url:  docsURL,
			params: url.Values{
				"CallSid": {"CA1234567890ABCDE"}, "Caller": {"+12349013030"}, "Digits": {"1234"},
				"From": {"+12349013030"}, "To": {"+18005551212"},
			},
			want: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
		},
		{name: "seven params over https", url: docsURL, params: seven, want: "vOEb5UThFn24KEfnOFLQY2AE5FY="},
		{name: "seven params over http", url: "http://mycompany.com/myapp.php?foo=1&bar=2", params: seven, want: "n2xBNyzSW7rfYStDtOFiFMv7qNo="},
		{name: "form body", url: docsURL, params: body, want: "NBdBDr/T/lgjI+tlgpXjKZQZs/k="},
		{
			name:   "websocket upgrade without params",
			url:    docsURL + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620",
			params: nil,
			want:   "a9nBmqA0ju/hNViExpshrM61xv4=",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Sign("12345", tt.url, tt.params); got != tt.want {
				t.Errorf("Sign = %q, want %q", got, tt.want)
			}
		})
	}
}
