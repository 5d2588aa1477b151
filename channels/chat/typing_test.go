package chat

import (
	"context"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// TestBorrowerTypingReachesTheConsole: a typing frame from the widget
// becomes a typing notice on the bus for the borrower's open chat
// conversation, which the console shows; at most one every
// typingNoticeEvery per socket, none before there is a conversation, and
// the widget gets no answer to it (no ack, no rate-limit error).
func TestBorrowerTypingReachesTheConsole(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	notices := b.bus.Subscribe(ctx)
	typing := func() (agent.Notice, bool) {
		t.Helper()
		deadline := time.After(300 * time.Millisecond)
		for {
			select {
			case n := <-notices:
				if n.Kind == agent.NoticeTyping {
					return n, true
				}
			case <-deadline:
				return agent.Notice{}, false
			}
		}
	}
	ws := b.dial(t, "A-1", "")
	send(t, ws, map[string]string{"type": "typing"})
	if n, ok := typing(); ok {
		t.Fatalf("typing before any conversation: %+v", n)
	}
	send(t, ws, msg("hello", "c-1"))
	turnFrames(t, ws, "c-1", 1)
	conv, err := b.store.OpenConversation(ctx, "A-1", agent.ChannelChat)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(typingNoticeEvery) // the typing before the conversation thinned this one too
	send(t, ws, map[string]string{"type": "typing"})
	n, ok := typing()
	if !ok || n.ConversationID != conv.ID || n.AccountID != "A-1" || n.MessageID != "" {
		t.Fatalf("typing notice = %+v, %v; want one for %s", n, ok, conv.ID)
	}
	for range 20 { // more than the rate limit's burst: typing is not limited, only thinned
		send(t, ws, map[string]string{"type": "typing"})
	}
	if n, ok := typing(); ok {
		t.Fatalf("a second typing notice within %s: %+v", typingNoticeEvery, n)
	}
	time.Sleep(typingNoticeEvery)
	send(t, ws, map[string]string{"type": "typing"})
	if _, ok := typing(); !ok {
		t.Fatalf("no typing notice %s later", typingNoticeEvery)
	}
	// The widget was answered nothing: the next frame it reads is the turn's.
	send(t, ws, msg("still here", "c-2"))
	turnFrames(t, ws, "c-2", 1)
	// A message ends a spell of typing: the first typing after it is
	// shown at once, however soon it comes.
	send(t, ws, map[string]string{"type": "typing"})
	if _, ok := typing(); !ok {
		t.Fatal("no typing notice right after a message")
	}
}
