package chat

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/agent"
)

func TestMintToken(t *testing.T) {
	t.Parallel()
	tok, err := MintToken(testSecret, "DEMO-US-1", time.Minute, testNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at      time.Time
		wantErr bool
	}{
		{testNow, false},
		{testNow.Add(59 * time.Second), false},
		{testNow.Add(time.Minute + time.Second), true},
	} {
		sub, err := verifyToken(testSecret, tok, tc.at)
		if (err != nil) != tc.wantErr || (err == nil && sub != "DEMO-US-1") {
			t.Errorf("at %v: %q, %v", tc.at, sub, err)
		}
	}
	for name, call := range map[string]func() (string, error){
		"short secret": func() (string, error) { return MintToken([]byte("short"), "A", time.Minute, testNow) },
		"no account":   func() (string, error) { return MintToken(testSecret, "", time.Minute, testNow) },
		"no ttl":       func() (string, error) { return MintToken(testSecret, "A", 0, testNow) },
	} {
		if _, err := call(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestNewHandlerChecksConfig(t *testing.T) {
	t.Parallel()
	st := newFakeStore()
	ok := Config{Secret: testSecret, Orchestrator: &fakeOrchestrator{}, Store: st, Bus: agent.NewMemoryBus()}
	for name, mutate := range map[string]func(*Config){
		"short secret":    func(c *Config) { c.Secret = []byte("x") },
		"no store":        func(c *Config) { c.Store = nil },
		"no bus":          func(c *Config) { c.Bus = nil },
		"no orchestrator": func(c *Config) { c.Orchestrator = nil },
		"bad origin":      func(c *Config) { c.AllowedOrigins = []string{"bank.example"} },
		"origin path":     func(c *Config) { c.AllowedOrigins = []string{"https://bank.example/app"} },
	} {
		c := ok
		mutate(&c)
		if _, err := NewHandler(c); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := NewHandler(ok); err != nil {
		t.Errorf("valid config: %v", err)
	}
}

// recordingBus records what is published, or fails.
type recordingBus struct {
	agent.MemoryBus
	got []agent.Notice
	err error
}

func (b *recordingBus) Publish(_ context.Context, n agent.Notice) error {
	b.got = append(b.got, n)
	return b.err
}

func TestSender(t *testing.T) {
	t.Parallel()
	bus := &recordingBus{}
	s := NewSender(bus)
	out := agent.Outbound{MessageID: "m1", ConversationID: "c1", AccountID: "A-1", Channel: agent.ChannelChat, Text: "hello"}
	id, err := s.Send(context.Background(), out)
	if err != nil || id != "m1" {
		t.Fatalf("Send = %q, %v", id, err)
	}
	want := []agent.Notice{{Kind: NoticeDeliver, ConversationID: "c1", AccountID: "A-1", MessageID: "m1"}}
	if d := cmp.Diff(want, bus.got); d != "" {
		t.Errorf("published (-want +got):\n%s", d)
	}

	var se *agent.SendError
	sms := out
	sms.Channel = agent.ChannelSMS
	if _, err := s.Send(context.Background(), sms); !errors.As(err, &se) || se.Retryable {
		t.Errorf("sms through chat: %v, want a permanent SendError", err)
	}
	bus.err = errors.New("listen/notify down")
	if _, err := s.Send(context.Background(), out); !errors.As(err, &se) || !se.Retryable || !errors.Is(err, bus.err) {
		t.Errorf("bus failure: %v, want a retryable SendError wrapping it", err)
	}
}
