package voice

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// FuzzRelayFrame feeds arbitrary text frames to the ConversationRelay
// parser: each is either a frame with a type or an errFrame, never a panic,
// and an interrupt's duration is never negative.
func FuzzRelayFrame(f *testing.F) {
	for _, seed := range []string{
		`{"type":"setup","sessionId":"VX1","accountSid":"AC123","callSid":"CA1","from":"+15551230001","to":"+15550001111","direction":"inbound","customParameters":{"accountId":"DEMO-US-1"}}`,
		`{"type":"prompt","voicePrompt":"I can pay fifty dollars on Friday","lang":"en-US","last":true}`,
		`{"type":"dtmf","digit":"1"}`,
		`{"type":"interrupt","utteranceUntilInterrupt":"Your current balance is","durationUntilInterruptMs":"460"}`,
		`{"type":"interrupt","utteranceUntilInterrupt":"Hel","durationUntilInterruptMs":120}`,
		`{"type":"interrupt","durationUntilInterruptMs":"-5e400"}`,
		`{"type":"error","description":"Invalid message received"}`,
		`{"type":"info","name":"agentSpeaking","value":"start"}`,
		`{"type":""}`,
		`{"voicePrompt":"no type"}`,
		`{"type":1}`,
		`{"type":"prompt","last":"yes"}`,
		`{"type":"setup","customParameters":[1,2]}`,
		`[]`,
		`null`,
		"\xff\xfe",
		``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parseFrame(data)
		if err != nil {
			if !errors.Is(err, errFrame) {
				t.Fatalf("error %v is not errFrame", err)
			}
			if m.Type != "" {
				t.Fatalf("an error came with a frame of type %q", m.Type)
			}
			return
		}
		if m.Type == "" {
			t.Fatal("a frame without a type parsed")
		}
		if !json.Valid(data) {
			t.Fatalf("invalid JSON %q parsed", data)
		}
		if d := m.interruptedAfter(); d < 0 || d > 24*time.Hour {
			t.Fatalf("interrupt duration %v", d)
		}
	})
}

func TestInterruptedAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw  string
		want time.Duration
	}{
		{raw: `"460"`, want: 460 * time.Millisecond},
		{raw: `120`, want: 120 * time.Millisecond},
		{raw: `"12.5"`, want: 12500 * time.Microsecond},
		{raw: ``},
		{raw: `"soon"`},
		{raw: `-3`},
		{raw: `1e300`},
	}
	for _, tt := range tests {
		m := inbound{DurationUntilInterruptMs: json.RawMessage(tt.raw)}
		if got := m.interruptedAfter(); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.raw, got, tt.want)
		}
	}
}
