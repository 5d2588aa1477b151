package voice_test

import (
	"context"
	"sync"
	"time"

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

type fakeInterrupts struct{ got chan agent.Interruption }

func (f fakeInterrupts) RecordInterrupt(_ context.Context, in agent.Interruption) error {
	f.got <- in
	return nil
}

type fakeOutcomes struct {
	mu  sync.Mutex
	got []agent.CallOutcome
	err error
}

func (f *fakeOutcomes) RecordCallOutcome(_ context.Context, c agent.CallOutcome) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	f.got = append(f.got, c)
	return nil
}

func (f *fakeOutcomes) list() []agent.CallOutcome {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]agent.CallOutcome(nil), f.got...)
}

// memSpender is a store's spent tokens, shared by the handlers of a test
// as replicas share a store.
type memSpender struct {
	mu    sync.Mutex
	spent map[string]time.Time
}

func newMemSpender() *memSpender { return &memSpender{spent: map[string]time.Time{}} }

func (m *memSpender) SpendToken(_ context.Context, token string, expires, _ time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.spent[token]; ok {
		return false, nil
	}
	m.spent[token] = expires
	return true, nil
}
