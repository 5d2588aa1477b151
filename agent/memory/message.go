package memory

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// get is a copy of the stored message; without guard, its guard decision
// is left out (a turn's history).
func (r *messageRow) get(guard bool) agent.Message {
	m := r.m
	m.Guard = nil
	if guard {
		m.Guard = cloneDecision(r.m.Guard)
	}
	if r.m.Interrupted != nil {
		in := *r.m.Interrupted
		m.Interrupted = &in
	}
	return m
}

// cloneDecision copies a guard decision as the SQL stores' JSON column
// gives it back: an empty list of grounded amounts is none.
func cloneDecision(d *policies.Decision) *policies.Decision {
	if d == nil {
		return nil
	}
	c := *d
	c.Violations = slices.Clone(d.Violations)
	c.Grounded = none(d.Grounded)
	return &c
}

// InsertInbound stores an inbound message idempotently on (channel,
// channel message id); nothing is on disk, whatever the durability.
func (s *Store) InsertInbound(_ context.Context, m agent.Message, _ agent.Durability) (agent.Message, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, created, err := s.storeInbound(nil, m)
	if err != nil {
		return m, false, fmt.Errorf("memory: insert inbound: %w", err)
	}
	return m, created, nil
}

// OpenWithInbound opens a conversation and stores its first inbound
// message together.
func (s *Store) OpenWithInbound(_ context.Context, c *agent.Conversation, m agent.Message, _ agent.Durability) (agent.Message, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, created, err := s.storeInbound(c, m)
	if err != nil {
		return m, false, fmt.Errorf("memory: open with inbound: %w", err)
	}
	return m, created, nil
}

func (s *Store) storeInbound(open *agent.Conversation, m agent.Message) (agent.Message, bool, error) {
	m.Direction = agent.DirectionIn
	if m.Author == "" {
		m.Author = agent.AuthorBorrower
	}
	if m.Status == "" {
		m.Status = agent.StatusReceived
	}
	switch {
	case m.Channel != "":
	case open != nil:
		m.Channel = open.Channel
	default:
		r := s.convs[m.ConversationID]
		if r == nil {
			return m, false, fmt.Errorf("conversation %s: %w", m.ConversationID, agent.ErrNotFound)
		}
		m.Channel = r.c.Channel
	}
	if m.ChannelMessageID != "" {
		if old := s.byChanID[chanKey{m.Channel, m.ChannelMessageID}]; old != nil {
			return old.get(true), false, nil
		}
	}
	if m.ID != "" && s.messages[m.ID] != nil {
		return m, false, fmt.Errorf("message %s: %w", m.ID, agent.ErrConflict)
	}
	if open != nil {
		if err := s.createConversation(open); err != nil {
			return m, false, err
		}
		m.ConversationID = open.ID
	}
	if _, err := s.writeMessage(&m); err != nil {
		return m, false, err
	}
	return m, true, nil
}

// writeMessage gives m the conversation's next seq, its defaults, and
// stores it, returning the conversation's owner. The caller has checked
// that no message has m's id or channel message id.
func (s *Store) writeMessage(m *agent.Message) (owner string, err error) {
	r := s.convs[m.ConversationID]
	if r == nil {
		return "", fmt.Errorf("conversation %s: %w", m.ConversationID, agent.ErrNotFound)
	}
	if m.ID == "" {
		m.ID = agent.NewID("m_")
	}
	m.CreatedAt = agent.StoredTime(m.CreatedAt)
	r.lastSeq++
	m.Seq = r.lastSeq
	if m.CreatedAt.After(r.c.LastMessageAt) {
		r.c.LastMessageAt = m.CreatedAt
	}
	if m.Channel == "" {
		m.Channel = r.c.Channel
	}
	if !m.SendAt.IsZero() {
		m.SendAt = at(m.SendAt)
	}
	stored := &messageRow{m: *m, row: s.nextRow()}
	stored.m.Guard = cloneDecision(m.Guard)
	if m.Interrupted != nil {
		in := *m.Interrupted
		stored.m.Interrupted = &in
	}
	s.messages[m.ID] = stored
	if m.ChannelMessageID != "" {
		s.byChanID[chanKey{m.Channel, m.ChannelMessageID}] = stored
	}
	r.msgs = append(r.msgs, stored)
	return r.c.Owner, nil
}

// conflicts reports a new message whose id or channel message id is taken.
func (s *Store) conflicts(m agent.Message) error {
	ch := m.Channel
	if r := s.convs[m.ConversationID]; ch == "" && r != nil {
		ch = r.c.Channel
	}
	if m.ChannelMessageID != "" && s.byChanID[chanKey{ch, m.ChannelMessageID}] != nil {
		return fmt.Errorf("message %s: %w", m.ID, agent.ErrConflict)
	}
	return nil
}

// outbound gives m an outbound message's defaults and returns the message
// stored before under its id, if any.
func (s *Store) outbound(m *agent.Message) *messageRow {
	m.Direction = agent.DirectionOut
	if m.Author == "" {
		m.Author = agent.AuthorAgent
	}
	if m.Status == "" {
		m.Status = agent.StatusQueued
	}
	if m.ID == "" {
		return nil
	}
	return s.messages[m.ID]
}

// InsertOutbound stores an outbound message and its outbox row together.
func (s *Store) InsertOutbound(_ context.Context, m agent.Message, item *agent.OutboxItem, requireAI bool) (agent.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.outbound(&m); old != nil {
		return old.get(true), nil
	}
	r := s.convs[m.ConversationID]
	if r == nil {
		return m, fmt.Errorf("memory: insert outbound: conversation %s: %w", m.ConversationID, agent.ErrNotFound)
	}
	if err := s.conflicts(m); err != nil {
		return m, fmt.Errorf("memory: insert outbound: %w", err)
	}
	dropped := requireAI && ownerOrAI(r.c.Owner) != agent.OwnerAI
	if dropped {
		m.Status = agent.StatusDropped
	}
	if _, err := s.writeMessage(&m); err != nil {
		return m, fmt.Errorf("memory: insert outbound: %w", err)
	}
	if item != nil && !dropped {
		s.insertOutbox(m, item)
	}
	if dropped {
		return m, fmt.Errorf("memory: insert outbound: conversation %s is owned by a supervisor: %w", m.ConversationID, agent.ErrNotOwner)
	}
	return m, nil
}

// Message returns one message, or ErrNotFound.
func (s *Store) Message(_ context.Context, id string) (agent.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.messages[id]
	if r == nil {
		return agent.Message{}, notFound("message %s", id)
	}
	return r.get(true), nil
}

// MessageByChannelID finds a message by its channel message id.
func (s *Store) MessageByChannelID(_ context.Context, ch agent.Channel, channelMessageID string) (agent.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.byChanID[chanKey{ch, channelMessageID}]
	if r == nil {
		return agent.Message{}, notFound("message by channel id")
	}
	return r.get(true), nil
}

// Messages returns a conversation's messages with Seq > afterSeq, in order, at most limit.
func (s *Store) Messages(_ context.Context, conversationID string, afterSeq int64, limit int) ([]agent.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messagesAfter(conversationID, afterSeq, limit, true), nil
}

func (s *Store) messagesAfter(conversationID string, afterSeq int64, limit int, guard bool) []agent.Message {
	r := s.convs[conversationID]
	if r == nil {
		return nil
	}
	i, _ := slices.BinarySearchFunc(r.msgs, afterSeq+1, func(m *messageRow, seq int64) int { return cmp.Compare(m.m.Seq, seq) })
	rows := r.msgs[i:]
	rows = rows[:limitOrAll(len(rows), limit)]
	if len(rows) == 0 {
		return nil
	}
	out := make([]agent.Message, len(rows))
	for j, m := range rows {
		out[j] = m.get(guard)
	}
	return out
}

// statusRank is agent.StatusRank with an inbound message's processed state
// above received.
func statusRank(st agent.MessageStatus) int {
	if st == agent.StatusProcessed {
		return 1
	}
	return agent.StatusRank(st)
}

// SetMessageStatus moves a message's status forward.
func (s *Store) SetMessageStatus(_ context.Context, id string, st agent.MessageStatus, providerID string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	moved, err := s.setMessageStatus(id, st, providerID)
	if err != nil {
		return false, fmt.Errorf("memory: set message status: %w", err)
	}
	return moved, nil
}

func (s *Store) setMessageStatus(id string, st agent.MessageStatus, providerID string) (bool, error) {
	r := s.messages[id]
	if r == nil {
		return false, fmt.Errorf("message %s: %w", id, agent.ErrNotFound)
	}
	if statusRank(r.m.Status) >= statusRank(st) {
		return false, nil
	}
	r.m.Status = st
	if providerID != "" {
		r.m.ProviderID = providerID
	}
	return true, nil
}

// ReviseOutbound rewrites an outbound message still sending.
func (s *Store) ReviseOutbound(_ context.Context, m agent.Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.messages[m.ID]
	if r == nil || r.m.Direction != agent.DirectionOut {
		return notFound("revise outbound: message %s", m.ID)
	}
	if r.m.Status != agent.StatusSending {
		return fmt.Errorf("memory: revise outbound: message %s is %s: %w", m.ID, r.m.Status, agent.ErrConflict)
	}
	r.m.Text, r.m.Guard, r.m.TemplateVersion, r.m.Model = m.Text, cloneDecision(m.Guard), m.TemplateVersion, m.Model
	return nil
}

// SetInterrupted records where a caller cut a spoken reply.
func (s *Store) SetInterrupted(_ context.Context, messageID string, in agent.Interrupt) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.messages[messageID]
	if r == nil {
		return notFound("set interrupted: message %s", messageID)
	}
	in.At = agent.StoredTime(in.At)
	r.m.Interrupted = &in
	return nil
}

// CloseStaleStreams marks spoken replies left sending, without an outbox
// row, before the given time undelivered.
func (s *Store) CloseStaleStreams(_ context.Context, before time.Time) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rows []*messageRow
	for _, r := range s.messages {
		m := r.m
		if m.Direction == agent.DirectionOut && m.Channel == agent.ChannelVoice && m.Status == agent.StatusSending &&
			m.CreatedAt.UnixMicro() < before.UnixMicro() && !s.outByMsg[m.ID] {
			rows = append(rows, r)
		}
	}
	slices.SortFunc(rows, func(a, b *messageRow) int { return cmp.Compare(a.row, b.row) })
	var ids []string
	for _, r := range rows {
		r.m.Status = agent.StatusUndelivered
		ids = append(ids, r.m.ID)
	}
	return ids, nil
}

// PendingInbound lists inbound messages still received, oldest first.
func (s *Store) PendingInbound(_ context.Context, limit int) ([]agent.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rows []*messageRow
	for _, r := range s.messages {
		if r.m.Direction == agent.DirectionIn && r.m.Status == agent.StatusReceived {
			rows = append(rows, r)
		}
	}
	slices.SortFunc(rows, func(a, b *messageRow) int {
		if c := a.m.CreatedAt.Compare(b.m.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.row, b.row)
	})
	rows = rows[:limitOrAll(len(rows), limit)]
	out := make([]agent.Message, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.get(true))
	}
	return out, nil
}

// Turns.

// ReadTurn reads what a turn starts from.
func (s *Store) ReadTurn(_ context.Context, q agent.TurnQuery) (agent.TurnData, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readTurn(q)
}

func (s *Store) readTurn(q agent.TurnQuery) (agent.TurnData, error) {
	var d agent.TurnData
	in := s.messages[q.MessageID]
	if in == nil {
		return d, notFound("read turn: message %s", q.MessageID)
	}
	d.Inbound = in.get(true)
	c := s.convs[d.Inbound.ConversationID]
	if c == nil {
		return d, notFound("read turn: conversation %s", d.Inbound.ConversationID)
	}
	d.Conversation = c.get()
	a := s.accounts[c.c.AccountID]
	if a == nil {
		return d, notFound("read turn: account %s", c.c.AccountID)
	}
	d.Account = a.get()
	d.History = s.messagesAfter(c.c.ID, max(d.Inbound.Seq-int64(q.History), 0), 0, false)
	d.Consents = s.consentsOf(a.a.ID)
	d.Restrictions = s.restrictionsOf(a.a.ID)
	since := q.Since.UnixMicro()
	for _, ca := range s.sortedAttempts(a.a.ID) {
		if ca.At.UnixMicro() >= since && ca.Counts() {
			d.Attempts = append(d.Attempts, ca)
		}
	}
	return d, nil
}

// BeginTurn takes a conversation's lock and reads the turn under it.
func (s *Store) BeginTurn(ctx context.Context, conversationID string, q agent.TurnQuery) (agent.HeldTurn, agent.TurnData, error) {
	return agent.BeginLocked(ctx, s, conversationID, q)
}

// FinishTurn commits a turn: everything it checks that can fail is
// checked before anything is written, so it writes all or nothing.
func (s *Store) FinishTurn(_ context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkTurn(end); err != nil {
		return "", nil, fmt.Errorf("memory: finish turn: %w", err)
	}
	c := end.Conversation
	owner, _ := s.updateConversation(c)
	if len(end.Flags) > 0 {
		a := s.accounts[c.AccountID]
		for _, f := range end.Flags {
			a.a.Flags = a.a.Flags.Apply(f)
		}
		a.updated = agent.StoredTime(time.Time{})
	}
	for _, cs := range end.Consents {
		s.setConsent(cs)
	}
	for _, p := range end.Plans {
		s.putPlan(p)
	}
	for _, d := range end.Disputes {
		s.addDispute(d)
	}
	for _, r := range end.Restrictions {
		s.addRestriction(r)
	}
	for _, l := range end.Logins {
		s.changeLogin(l)
	}
	var dropped []agent.Event
	for i := range end.Messages {
		if s.storeOutbound(&end.Messages[i], c.ID, c.AccountID) {
			dropped = append(dropped, agent.DroppedEvent(end.Messages[i].Message, c.AccountID))
		}
	}
	stored := make([]agent.Event, 0, len(end.Events)+len(dropped))
	for _, e := range append(end.Events[:len(end.Events):len(end.Events)], dropped...) {
		s.addEvent(&e)
		stored = append(stored, e)
	}
	for _, a := range end.Attempts {
		s.addContactAttempt(a)
	}
	if end.InboundID != "" {
		_, _ = s.setMessageStatus(end.InboundID, agent.StatusProcessed, "")
		if end.InboundText != "" {
			s.messages[end.InboundID].m.Text = end.InboundText
		}
	}
	return owner, stored, nil
}

// checkTurn finds what would make FinishTurn fail.
func (s *Store) checkTurn(end agent.TurnEnd) error {
	c := end.Conversation
	if s.convs[c.ID] == nil {
		return fmt.Errorf("conversation %s: %w", c.ID, agent.ErrNotFound)
	}
	for _, f := range end.Flags {
		if !agent.ValidFlag(f.Flag) {
			return fmt.Errorf("flag %q: %w", f.Flag, agent.ErrConflict)
		}
		if s.accounts[c.AccountID] == nil {
			return fmt.Errorf("account %s: %w", c.AccountID, agent.ErrNotFound)
		}
	}
	ids := map[string]bool{}
	for _, o := range end.Messages {
		m := o.Message
		if m.ID != "" && (s.messages[m.ID] != nil || ids[m.ID]) {
			continue
		}
		ids[m.ID] = true
		m.ConversationID = c.ID
		if err := s.conflicts(m); err != nil {
			return fmt.Errorf("message %s: %w", m.ID, err)
		}
	}
	if end.InboundID != "" && s.messages[end.InboundID] == nil {
		return fmt.Errorf("message %s: %w", end.InboundID, agent.ErrNotFound)
	}
	return nil
}

// storeOutbound stores one of a turn's messages and reports whether it
// was dropped because a supervisor owns the conversation.
func (s *Store) storeOutbound(o *agent.TurnMessage, conversationID, accountID string) bool {
	m := &o.Message
	m.ConversationID = conversationID
	if old := s.outbound(m); old != nil {
		*m, o.Existed = old.get(true), true
		return false
	}
	owner := ownerOrAI(s.convs[conversationID].c.Owner)
	dropped := o.RequireAI && owner != agent.OwnerAI
	if dropped {
		m.Status = agent.StatusDropped
	}
	_, _ = s.writeMessage(m)
	if dropped {
		return true
	}
	if o.Outbox != nil {
		s.insertOutbox(*m, o.Outbox)
	}
	if o.Attempt != nil {
		a := *o.Attempt
		if a.AccountID == "" {
			a.AccountID = accountID
		}
		a.MessageID = m.ID
		s.addContactAttempt(a)
	}
	return false
}

// Events.

// AddEvent stores an event; it fills ID and At when empty.
func (s *Store) AddEvent(_ context.Context, e agent.Event) (agent.Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addEvent(&e)
	return e, nil
}

func (s *Store) addEvent(e *agent.Event) {
	e.At = agent.StoredTime(e.At)
	e.ID = s.nextID()
	stored := *e
	stored.Data = eventData(e.Data)
	s.convEvts[e.ConversationID] = append(s.convEvts[e.ConversationID], len(s.events))
	s.events = append(s.events, stored)
}

// eventData is an event's data as stored: none when empty.
func eventData(d map[string]string) map[string]string {
	if len(d) == 0 {
		return nil
	}
	return maps.Clone(d)
}

// Events lists a conversation's events in order.
func (s *Store) Events(_ context.Context, conversationID string) ([]agent.Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	idx := s.convEvts[conversationID]
	if len(idx) == 0 {
		return nil, nil
	}
	out := make([]agent.Event, len(idx))
	for i, j := range idx {
		out[i] = s.events[j]
		out[i].Data = eventData(s.events[j].Data)
	}
	return out, nil
}
