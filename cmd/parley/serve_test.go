package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// TestServeBadInput: an unknown flag, a corrupt database file and an
// unreachable DATABASE_URL each give a one-line error naming the cause and
// the right exit status, never a panic.
func TestServeBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	if err := os.WriteFile(corrupt, bytes.Repeat([]byte("not a database "), 400), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		code int
		want string
	}{
		{"unknown flag", []string{"serve", "--bogus"}, nil, 2, "flag provided but not defined: -bogus"},
		{"extra argument", []string{"serve", "now"}, nil, 2, `unexpected argument "now"`},
		{"corrupt database", []string{"serve", "--db", corrupt, "--addr", "127.0.0.1:0"}, nil, 1, "corrupt.db"},
		{"unreachable postgres", []string{"serve", "--addr", "127.0.0.1:0"}, map[string]string{"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", "PARLEY_IDENTITY_KEY": testIdentityKey}, 1, "127.0.0.1"},
		{"no identity key outside demo mode", []string{"serve", "--addr", "127.0.0.1:0"}, map[string]string{"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"}, 2, "PARLEY_IDENTITY_KEY is required"},
		{"bad public url", []string{"serve"}, map[string]string{"PARLEY_PUBLIC_URL": "ftp://x"}, 2, "PARLEY_PUBLIC_URL"},
		{"unknown command", []string{"frobnicate"}, nil, 2, `unknown command "frobnicate"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out, errb bytes.Buffer
			getenv := func(k string) string { return tc.env[k] }
			code := Main(context.Background(), tc.args, IO{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: getenv})
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errb.String())
			}
			msg := errb.String()
			if !strings.Contains(msg, tc.want) {
				t.Errorf("stderr %q does not name %q", msg, tc.want)
			}
			if strings.Contains(msg, "panic") || strings.Contains(msg, "goroutine ") {
				t.Errorf("stderr shows a panic: %s", msg)
			}
			if tc.code == 1 && strings.Count(strings.TrimSpace(msg), "\n") > 0 {
				t.Errorf("error is not one line: %q", msg)
			}
		})
	}
}

// A spoken reply that a stopped process left sending is closed as
// undelivered once it is older than any running turn; a younger one is
// left alone.
func TestServeClosesStaleStreams(t *testing.T) {
	a, st, _ := startApp(t, nil, true, slog.New(slog.DiscardHandler), nil)
	ctx := context.Background()
	c := agent.Conversation{AccountID: "DEMO-US-1", Channel: agent.ChannelVoice, Address: "+13125550101"}
	if err := st.CreateConversation(ctx, &c); err != nil {
		t.Fatal(err)
	}
	for id, age := range map[string]time.Duration{"m_left_open": staleStream + time.Minute, "m_speaking": time.Minute} {
		if _, err := st.InsertOutbound(ctx, agent.Message{ID: id, ConversationID: c.ID, Text: "Hello.", Status: agent.StatusSending,
			CreatedAt: time.Now().Add(-age)}, nil, true); err != nil {
			t.Fatal(err)
		}
	}
	a.closeStaleStreamsOnce(ctx, st)
	for id, want := range map[string]agent.MessageStatus{"m_left_open": agent.StatusUndelivered, "m_speaking": agent.StatusSending} {
		m, err := st.Message(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if m.Status != want {
			t.Errorf("%s is %s, want %s", id, m.Status, want)
		}
	}
}

// The served agent verifies a borrower against the digests the server
// made: the demo accounts are digested under the identity key, and a
// borrower who texts the right date of birth and ZIP code is verified.
func TestServeVerifiesWithTheIdentityKey(t *testing.T) {
	_, st, base := startApp(t, map[string]string{"PARLEY_IDENTITY_KEY": "00112233445566778899aabbccddeeff"}, true,
		slog.New(slog.DiscardHandler), nil)
	ctx := context.Background()
	hc := &http.Client{Timeout: 10 * time.Second}
	for i, body := range []string{"what do I owe", "April 12 1985, 60601"} {
		form := url.Values{"MessageSid": {fmt.Sprintf("SMverify%d", i)}, "From": {"+13125550101"}, "To": {"+15550000000"}, "Body": {body}}
		resp, err := hc.PostForm(base+"/twilio/sms", form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		// One turn at a time: the second message answers the first reply.
		deadline := time.Now().Add(20 * time.Second)
		for {
			m, err := st.MessageByChannelID(ctx, agent.ChannelSMS, fmt.Sprintf("SMverify%d", i))
			if err == nil && m.Status == agent.StatusProcessed {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("message %d not answered in 20s", i)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	c, err := st.OpenConversation(ctx, "DEMO-US-1", agent.ChannelSMS)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := st.Events(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range evs {
		kinds = append(kinds, string(e.Kind))
		if e.Kind == agent.EventIdentityVerified {
			return
		}
	}
	t.Fatalf("the right facts did not verify the borrower: events %v", kinds)
}
