package storetest

import (
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// testFinishTurnLogins checks TurnEnd.Logins: a turn's failed
// verification attempt is counted by the turn's commit and only by it (a
// commit that fails counts nothing), a failure after a quiet lockout
// starts the count again, and a success clears it.
func testFinishTurnLogins(t *testing.T, open Open) {
	f := setup(t, open)
	key := agent.IdentityFailureKey(f.acct.ID)
	day := 24 * time.Hour
	fail := func(at time.Time) agent.LoginChange {
		return agent.LoginChange{Key: key, Failed: true, At: at, Since: at.Add(-day)}
	}
	count := func(at time.Time) int {
		t.Helper()
		n, _, err := f.s.LoginFailures(f.ctx, key, at.Add(-day))
		if err != nil {
			t.Fatalf("LoginFailures: %v", err)
		}
		return n
	}

	// A commit that fails counts nothing.
	in := f.inbound(t, f.conv.ID, "SM-lg1", "my birthday is 1 May 1990")
	if _, _, err := f.s.FinishTurn(f.ctx, agent.TurnEnd{Conversation: f.conv, InboundID: "m_missing",
		Logins: []agent.LoginChange{fail(T0)}}); err == nil {
		t.Fatal("FinishTurn(missing message) succeeded")
	}
	if n := count(T0); n != 0 {
		t.Fatalf("a failed commit counted %d failures", n)
	}

	// Each committed turn counts one, on top of those other
	// conversations of the account counted.
	if _, err := f.s.RecordLoginFailure(f.ctx, key, T0, T0.Add(-day)); err != nil {
		t.Fatalf("RecordLoginFailure: %v", err)
	}
	if _, _, err := f.s.FinishTurn(f.ctx, agent.TurnEnd{Conversation: f.conv, InboundID: in.ID,
		Logins: []agent.LoginChange{fail(T0.Add(time.Minute))}}); err != nil {
		t.Fatalf("FinishTurn: %v", err)
	}
	if n := count(T0.Add(time.Minute)); n != 2 {
		t.Fatalf("failures after a turn's failure = %d, want 2", n)
	}

	// A failure a quiet day later starts again at one.
	later := T0.Add(2 * day)
	if _, _, err := f.s.FinishTurn(f.ctx, agent.TurnEnd{Conversation: f.conv,
		Logins: []agent.LoginChange{fail(later)}}); err != nil {
		t.Fatalf("FinishTurn: %v", err)
	}
	if n, last, err := f.s.LoginFailures(f.ctx, key, later.Add(-day)); err != nil || n != 1 || !last.Equal(later) {
		t.Fatalf("LoginFailures after a quiet day = %d, %v, %v; want 1 at %v", n, last, err, later)
	}

	// A success clears the count; another key is left alone.
	other := agent.IdentityFailureKey("A-other")
	if _, err := f.s.RecordLoginFailure(f.ctx, other, later, later.Add(-day)); err != nil {
		t.Fatalf("RecordLoginFailure: %v", err)
	}
	if _, _, err := f.s.FinishTurn(f.ctx, agent.TurnEnd{Conversation: f.conv,
		Logins: []agent.LoginChange{{Key: key}}}); err != nil {
		t.Fatalf("FinishTurn: %v", err)
	}
	if n := count(later); n != 0 {
		t.Errorf("failures after a cleared count = %d, want 0", n)
	}
	if n, _, _ := f.s.LoginFailures(f.ctx, other, later.Add(-day)); n != 1 {
		t.Errorf("clearing one key cleared another: %d", n)
	}
}
