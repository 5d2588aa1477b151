package voice_test

import (
	"context"
	"sync"

	"github.com/parley-collections/parley/agent"
)

// handleFunc scripts one turn: it gets the turn's context, the inbound
// message and the stream callback the channel passed.
type handleFunc func(ctx context.Context, in agent.Inbound, stream func(string)) (agent.TurnResult, error)

// fakeTurns runs a scripted turn and reports each turn's message.
type fakeTurns struct {
	script  handleFunc
	inbound chan agent.Inbound // every turn's message; buffered
}

func newFakeTurns(script handleFunc) *fakeTurns {
	return &fakeTurns{script: script, inbound: make(chan agent.Inbound, 16)}
}

func (f *fakeTurns) turn(ctx context.Context, in agent.Inbound, stream func(string)) (agent.TurnResult, error) {
	f.inbound <- in
	return f.script(ctx, in, stream)
}

type interrupt struct{ callSid, heard string }

type fakeInterrupts struct{ got chan interrupt }

func (f fakeInterrupts) RecordInterrupt(_ context.Context, callSid, heard string) error {
	f.got <- interrupt{callSid, heard}
	return nil
}

type fakeAttempts struct {
	mu  sync.Mutex
	got []agent.ContactAttempt
	err error
}

func (f *fakeAttempts) AddContactAttempt(_ context.Context, c agent.ContactAttempt) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	f.got = append(f.got, c)
	return nil
}

func (f *fakeAttempts) list() []agent.ContactAttempt {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]agent.ContactAttempt(nil), f.got...)
}
