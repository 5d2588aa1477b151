package sms_test

import (
	"context"
	"fmt"
	"sync"

	"github.com/parley-collections/parley/agent"
)

// fakeOrchestrator stores inbound messages idempotently on their channel
// message id and reports each Process on processed.
type fakeOrchestrator struct {
	mu         sync.Mutex
	byChannel  map[string]agent.Message
	received   []agent.Inbound
	processes  []string
	receiveErr error
	processed  chan string   // gets each processed message id; buffered
	release    chan struct{} // when not nil, Process waits for it
	processCtx chan error    // gets ctx.Err() seen when Process ends; buffered
	released   []string      // messages the channel gave up to the pending sweep
	wakes      int
}

// Release records a message given up to the pending sweep.
func (f *fakeOrchestrator) Release(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.released = append(f.released, id)
}

// WakePending runs the released messages' turns, as agent's pending
// sweep does: each once, off the caller's goroutine.
func (f *fakeOrchestrator) WakePending() {
	f.mu.Lock()
	f.wakes++
	ids := f.released
	f.released = nil
	f.mu.Unlock()
	go func() {
		for _, id := range ids {
			f.Process(context.Background(), id)
		}
	}()
}

func newFakeOrchestrator() *fakeOrchestrator {
	return &fakeOrchestrator{byChannel: map[string]agent.Message{}, processed: make(chan string, 16), processCtx: make(chan error, 16)}
}

func (f *fakeOrchestrator) Receive(_ context.Context, in agent.Inbound) (agent.Message, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.received = append(f.received, in)
	if f.receiveErr != nil {
		return agent.Message{}, false, f.receiveErr
	}
	if m, ok := f.byChannel[in.ChannelMessageID]; ok {
		return m, false, nil
	}
	m := agent.Message{ID: fmt.Sprintf("m_%d", len(f.byChannel)+1), Channel: in.Channel, Text: in.Text,
		ChannelMessageID: in.ChannelMessageID, Direction: agent.DirectionIn, Status: agent.StatusReceived}
	f.byChannel[in.ChannelMessageID] = m
	return m, true, nil
}

func (f *fakeOrchestrator) Process(ctx context.Context, id string, _ ...agent.TurnOption) (agent.TurnResult, error) {
	if f.release != nil {
		select {
		case <-f.release:
		case <-ctx.Done():
		}
	}
	f.mu.Lock()
	f.processes = append(f.processes, id)
	f.mu.Unlock()
	f.processCtx <- ctx.Err()
	f.processed <- id
	return agent.TurnResult{}, ctx.Err()
}

func (f *fakeOrchestrator) snapshot() (stored int, received []agent.Inbound, processes []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.byChannel), append([]agent.Inbound(nil), f.received...), append([]string(nil), f.processes...)
}

// fakeStore keeps messages and applies statuses monotonically, as
// agent.Store promises.
type fakeStore struct {
	mu            sync.Mutex
	messages      map[string]agent.Message
	conversations map[string]agent.Conversation
	consents      []agent.Consent
	applied       []agent.MessageStatus
	err           error
}

func newFakeStore() *fakeStore {
	return &fakeStore{
		messages: map[string]agent.Message{
			"m_out": {ID: "m_out", ConversationID: "c_1", Direction: agent.DirectionOut, Channel: agent.ChannelSMS, Status: agent.StatusQueued, ChannelMessageID: "SMknown"},
		},
		conversations: map[string]agent.Conversation{"c_1": {ID: "c_1", AccountID: "DEMO-US-1", Channel: agent.ChannelSMS}},
	}
}

func (s *fakeStore) Message(_ context.Context, id string) (agent.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return agent.Message{}, s.err
	}
	m, ok := s.messages[id]
	if !ok {
		return agent.Message{}, agent.ErrNotFound
	}
	return m, nil
}

func (s *fakeStore) MessageByChannelID(_ context.Context, ch agent.Channel, cid string) (agent.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.messages {
		if m.Channel == ch && m.ChannelMessageID == cid {
			return m, nil
		}
	}
	return agent.Message{}, agent.ErrNotFound
}

func (s *fakeStore) Conversation(_ context.Context, id string) (agent.Conversation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.conversations[id]
	if !ok {
		return agent.Conversation{}, agent.ErrNotFound
	}
	return c, nil
}

func (s *fakeStore) SetMessageStatus(_ context.Context, id string, st agent.MessageStatus, providerID string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[id]
	if !ok {
		return false, agent.ErrNotFound
	}
	if agent.StatusRank(st) <= agent.StatusRank(m.Status) {
		return false, nil
	}
	m.Status, m.ProviderID = st, providerID
	s.messages[id] = m
	s.applied = append(s.applied, st)
	return true, nil
}

func (s *fakeStore) SetConsent(_ context.Context, c agent.Consent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.consents = append(s.consents, c)
	return nil
}

func (s *fakeStore) status(id string) agent.MessageStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messages[id].Status
}
