package agent_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/parley-collections/parley/agent"
)

func TestErrorKindAndMessage(t *testing.T) {
	described := agent.E("cancel", agent.KindConflict, "take the conversation over first", agent.ErrNotOwner)
	for _, tc := range []struct {
		name    string
		err     error
		kind    agent.Kind
		message string
		is      error
	}{
		{"plain error", errors.New("disk on fire"), agent.KindInternal, "internal", nil},
		{"sentinel", agent.ErrNotFound, agent.KindNotFound, "not found", agent.ErrNotFound},
		{"wrapped sentinel", fmt.Errorf("store: conversation c1: %w", agent.ErrNotFound), agent.KindNotFound, "not found", agent.ErrNotFound},
		{"described", described, agent.KindConflict, "take the conversation over first", agent.ErrNotOwner},
		{"described and wrapped", fmt.Errorf("console: %w", described), agent.KindConflict, "take the conversation over first", agent.ErrNotOwner},
		{"internal op around a kind", agent.E("turn", agent.KindInternal, "", agent.ErrNoDialer), agent.KindUnavailable, "voice calls are not configured on this server", agent.ErrNoDialer},
		{"internal without cause", agent.E("turn", agent.KindInternal, "", nil), agent.KindInternal, "internal", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := agent.KindOf(tc.err); got != tc.kind {
				t.Errorf("KindOf = %v, want %v", got, tc.kind)
			}
			if got := agent.MessageOf(tc.err); got != tc.message {
				t.Errorf("MessageOf = %q, want %q", got, tc.message)
			}
			if tc.is != nil && !errors.Is(tc.err, tc.is) {
				t.Errorf("errors.Is(%v, %v) = false", tc.err, tc.is)
			}
		})
	}
	if got, want := described.Error(), "cancel: take the conversation over first: not the owner"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if errors.Is(agent.ErrNotOwner, agent.ErrConflict) {
		t.Error("two sentinels of one kind must stay distinct")
	}
}
