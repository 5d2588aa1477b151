package chat

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/parley-collections/parley/agent"
)

// fakeStore keeps accounts, conversations and messages in memory.
type fakeStore struct {
	mu       sync.Mutex
	accounts map[string]agent.Account
	convs    map[string]agent.Conversation
	msgs     map[string][]agent.Message // by conversation, in Seq order
	byChan   map[string]agent.Message   // inbound by channel message id
	open     map[string]string          // the open chat conversation by account
	msgIndex map[string]msgRef          // where each message is
	failRead error                      // when set, every read fails
	n        int
}

func newFakeStore(accountIDs ...string) *fakeStore {
	s := &fakeStore{
		accounts: map[string]agent.Account{},
		convs:    map[string]agent.Conversation{},
		msgs:     map[string][]agent.Message{},
		byChan:   map[string]agent.Message{},
		open:     map[string]string{},
		msgIndex: map[string]msgRef{},
	}
	for _, id := range accountIDs {
		s.accounts[id] = agent.Account{ID: id}
	}
	return s
}

func (s *fakeStore) Account(_ context.Context, id string) (agent.Account, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.accounts[id]
	if !ok {
		return agent.Account{}, fmt.Errorf("fake: account %s: %w", id, agent.ErrNotFound)
	}
	return a, nil
}

func (s *fakeStore) Conversation(_ context.Context, id string) (agent.Conversation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.convs[id]
	if !ok {
		return agent.Conversation{}, fmt.Errorf("fake: conversation: %w", agent.ErrNotFound)
	}
	return c, nil
}

func (s *fakeStore) OpenConversation(_ context.Context, accountID string, ch agent.Channel) (agent.Conversation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failRead != nil {
		return agent.Conversation{}, s.failRead
	}
	if id, ok := s.open[accountID]; ok && ch == agent.ChannelChat {
		return s.convs[id], nil
	}
	return agent.Conversation{}, fmt.Errorf("fake: open conversation: %w", agent.ErrNotFound)
}

func (s *fakeStore) Message(_ context.Context, id string) (agent.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.msgIndex[id]
	if !ok {
		return agent.Message{}, fmt.Errorf("fake: message: %w", agent.ErrNotFound)
	}
	return s.msgs[r.conv][r.i], nil
}

func (s *fakeStore) Messages(_ context.Context, convID string, afterSeq int64, limit int) ([]agent.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []agent.Message
	for _, m := range s.msgs[convID] {
		if m.Seq > afterSeq && (limit == 0 || len(out) < limit) {
			out = append(out, m)
		}
	}
	return out, nil
}

// openConversation returns the account's open chat conversation, creating it.
func (s *fakeStore) openConversation(accountID string) agent.Conversation {
	if c, err := s.OpenConversation(context.Background(), accountID, agent.ChannelChat); err == nil {
		return c
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	c := agent.Conversation{ID: fmt.Sprintf("c%d", s.n), AccountID: accountID, Channel: agent.ChannelChat, State: agent.StateOpen}
	s.convs[c.ID] = c
	s.open[accountID] = c.ID
	return c
}

// add appends a message to its conversation with the next Seq and an id.
func (s *fakeStore) add(m agent.Message) agent.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	m.ID = fmt.Sprintf("m%d", s.n)
	m.Seq = int64(len(s.msgs[m.ConversationID]) + 1)
	m.Channel = agent.ChannelChat
	m.CreatedAt = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC).Add(time.Duration(m.Seq) * time.Second)
	s.msgIndex[m.ID] = msgRef{conv: m.ConversationID, i: len(s.msgs[m.ConversationID])}
	s.msgs[m.ConversationID] = append(s.msgs[m.ConversationID], m)
	return m
}

// addOut stores an outbound message on the account's open chat conversation.
func (s *fakeStore) addOut(accountID string, author agent.Author, text string, st agent.MessageStatus) agent.Message {
	c := s.openConversation(accountID)
	return s.add(agent.Message{ConversationID: c.ID, Direction: agent.DirectionOut, Author: author, Text: text, Status: st})
}

func (s *fakeStore) setStatus(id string, st agent.MessageStatus) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.msgIndex[id]; ok {
		s.msgs[r.conv][r.i].Status = st
	}
}

type msgRef struct {
	conv string
	i    int
}

// fakeOrchestrator stores inbound messages idempotently, answers each turn
// with scripted replies and hands them to the chat Sender as the outbox
// dispatcher would.
type fakeOrchestrator struct {
	store  *fakeStore
	sender *Sender
	// reply scripts a turn's replies; default one echo.
	reply func(text string) []string
	// gate, when set, holds each turn until it receives.
	gate chan struct{}
	// done receives the inbound message id of each finished turn while it
	// has room.
	done chan string

	mu       sync.Mutex
	inbounds []agent.Inbound
	turns    int
	turnMu   sync.Mutex
}

func (o *fakeOrchestrator) Receive(_ context.Context, in agent.Inbound) (agent.Message, bool, error) {
	o.mu.Lock()
	o.inbounds = append(o.inbounds, in)
	o.mu.Unlock()
	s := o.store
	s.mu.Lock()
	m, ok := s.byChan[in.ChannelMessageID]
	s.mu.Unlock()
	if ok {
		latest, err := s.Message(context.Background(), m.ID)
		return latest, false, err
	}
	c := s.openConversation(in.AccountID)
	m = s.add(agent.Message{ConversationID: c.ID, Direction: agent.DirectionIn, Author: agent.AuthorBorrower,
		Text: in.Text, ChannelMessageID: in.ChannelMessageID, Status: agent.StatusReceived})
	s.mu.Lock()
	s.byChan[in.ChannelMessageID] = m
	s.mu.Unlock()
	return m, true, nil
}

func (o *fakeOrchestrator) Process(ctx context.Context, id string, _ ...agent.TurnOption) (agent.TurnResult, error) {
	o.turnMu.Lock()
	defer o.turnMu.Unlock()
	in, err := o.store.Message(ctx, id)
	if err != nil {
		return agent.TurnResult{}, err
	}
	if in.Status != agent.StatusReceived {
		return agent.TurnResult{Inbound: in, Duplicate: true}, nil
	}
	if o.gate != nil {
		select {
		case <-o.gate:
		case <-ctx.Done():
			return agent.TurnResult{}, ctx.Err()
		}
	}
	texts := []string{"echo: " + in.Text}
	if o.reply != nil {
		texts = o.reply(in.Text)
	}
	conv, _ := o.store.Conversation(ctx, in.ConversationID)
	var replies []agent.Message
	for _, t := range texts {
		replies = append(replies, o.store.add(agent.Message{ConversationID: conv.ID, Direction: agent.DirectionOut,
			Author: agent.AuthorAgent, Text: t, Status: agent.StatusQueued, ReplyTo: in.ID}))
	}
	o.store.setStatus(in.ID, agent.StatusProcessed)
	o.mu.Lock()
	o.turns++
	o.mu.Unlock()
	for _, r := range replies {
		if _, err := o.sender.Send(ctx, agent.Outbound{MessageID: r.ID, ConversationID: conv.ID, Channel: agent.ChannelChat, Text: r.Text}); err != nil {
			return agent.TurnResult{}, err
		}
		o.store.setStatus(r.ID, agent.StatusSent)
	}
	select {
	case o.done <- id: // nil or full (benchmarks): nobody is waiting
	default:
	}
	return agent.TurnResult{Conversation: conv, Inbound: in, Replies: replies}, nil
}

func (o *fakeOrchestrator) turnCount() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.turns
}

// syncBus hands each notice to its one subscriber without a buffer, so a
// publisher waits for the subscriber instead of losing notices.
type syncBus struct{ ch chan agent.Notice }

func newSyncBus() *syncBus { return &syncBus{ch: make(chan agent.Notice)} }

func (b *syncBus) Publish(ctx context.Context, n agent.Notice) error {
	select {
	case b.ch <- n:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (b *syncBus) Subscribe(ctx context.Context) <-chan agent.Notice {
	out := make(chan agent.Notice)
	go func() {
		defer close(out)
		for {
			select {
			case n := <-b.ch:
				select {
				case out <- n:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// MessageByText finds a stored message by its text.
func (s *fakeStore) MessageByText(text string) (agent.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ms := range s.msgs {
		for _, m := range ms {
			if m.Text == text {
				return m, nil
			}
		}
	}
	return agent.Message{}, fmt.Errorf("fake: message %q: %w", text, agent.ErrNotFound)
}
