package agent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/parley-collections/parley/policies"
	"sync/atomic"
)

// Inbound is a borrower's message as a channel received it.
type Inbound struct {
	Channel          Channel
	AccountID        string // known for chat (token) and voice after setup; SMS looks it up by From
	From             string
	To               string
	Text             string
	ChannelMessageID string // the channel's idempotency key: MessageSid, client_id, call sid + n
	ConversationID   string // optional: continue this conversation
	// Meta carries channel facts: "verified"="true" (an authenticated chat),
	// "greeted"="true" (a call whose welcome greeting introduced the
	// assistant), "OptOutType" (Twilio Advanced Opt-Out), "CallSid".
	Meta map[string]string
}

// TurnResult is what one turn did.
type TurnResult struct {
	Conversation Conversation
	Inbound      Message
	Replies      []Message // stored replies the guard let through (queued or sent)
	Blocked      []Message // drafts the guard refused, or dropped by a takeover
	Duplicate    bool      // the inbound message was seen before; nothing ran again
	Events       []Event
	Brain        string // which brain understood the message
}

// TurnOption adjusts one turn.
type TurnOption func(*turnOptions)

type turnOptions struct {
	stream       func(chunk string)
	conversation string
}

// WithStream makes the turn deliver each guard-approved reply through fn as
// it is ready (voice and terminal chat), instead of the outbox.
func WithStream(fn func(chunk string)) TurnOption {
	return func(o *turnOptions) { o.stream = fn }
}

// InConversation tells Process the conversation of the message it runs,
// as stored with it, which saves reading the message before taking the
// conversation's lock. A turn whose message turns out to belong to another
// conversation fails.
func InConversation(id string) TurnOption {
	return func(o *turnOptions) { o.conversation = id }
}

// Config wires an Orchestrator. Store, Brain and Guard are required.
type Config struct {
	Store     TurnStore
	Brain     Brain
	Guard     Guard
	Clock     Clock     // default SystemClock
	Bus       Bus       // default a MemoryBus
	Knowledge Knowledge // optional: answers questions
	Phraser   Phraser   // optional: an LLM that rewords drafts
	Logger    *slog.Logger
	Linker    Linker    // optional: payment links for accepted plans
	Scheduler Scheduler // optional: deferred sends and reminders
	// Identity checks identity facts; nil checks them as NewIdentityFacts
	// made them, without a key (tests).
	Identity *IdentityHasher
	// AgentName is the assistant's name in greetings; default "Ava".
	AgentName string
	// TurnTimeout bounds one turn; default 10s.
	TurnTimeout time.Duration
	// GuardTimeout bounds one guard check; a check that takes longer blocks.
	// Default 1s: a check takes microseconds, so only a hung guard reaches it.
	GuardTimeout time.Duration
	// Judge is an optional second reader of what the guard lets through
	// (see Judge): every supervisor's message and the messages the guard
	// lists uncertain categories for.
	Judge Judge
	// JudgeTimeout bounds one judge call; default DefaultJudgeTimeout. A
	// judge that takes longer is unavailable.
	JudgeTimeout time.Duration
	// ReplyWindow is how long after the borrower's last message a
	// supervisor's message still answers it (checked as initiated by the
	// borrower); default DefaultReplyWindow.
	ReplyWindow time.Duration
	// HistoryLimit is how many recent messages the brain sees; default 20.
	HistoryLimit int
	// OnEnqueue is called after an outbound message enters the outbox, so a
	// dispatcher can wake at once. Optional.
	OnEnqueue func()
	// OnTurn is called after each turn with its channel, brain, duration and
	// error, for metrics. Optional.
	OnTurn func(ch Channel, brain string, d time.Duration, err error)
}

// Linker makes a signed payment link for an accepted plan.
type Linker interface {
	Link(p Plan, expires time.Time) (string, error)
}

// Guard decides whether a message may be sent; *policies.Guard is the one
// Parley ships. The orchestrator fails closed around it: a panic or a
// check slower than Config.GuardTimeout blocks the message.
type Guard interface {
	Check(p policies.Proposal, f policies.Facts) policies.Decision
	// Family is the root of a jurisdiction's profile chain (US for US-MA),
	// which picks the country's wording; ok is false for a jurisdiction
	// the guard has no profile for.
	Family(jurisdiction string) (family string, ok bool)
}

// Scheduler runs work later: a deferred message at its send time, a reminder
// before an installment. River implements it in production.
type Scheduler interface {
	ScheduleSend(ctx context.Context, messageID string, at time.Time) error
	ScheduleReminder(ctx context.Context, accountID, planID string, at time.Time) error
}

// Orchestrator runs turns: understand, decide with the flows, draft, guard,
// store, send. One turn at a time per conversation.
type Orchestrator struct {
	cfg Config
	log *slog.Logger
	// borrowers is the portfolio's names and addresses as the guard's
	// digest set, replaced whole when the portfolio changes.
	borrowers atomic.Pointer[policies.BorrowerIndex]
	// held are the inbound messages this process stored and whose turn it
	// runs or has queued (see pending.go); wake starts a pending sweep.
	held sync.Map
	wake chan struct{}
}

// SetBorrowers gives the guard the portfolio's borrowers (see
// IndexBorrowers), so that no message names one to another.
func (o *Orchestrator) SetBorrowers(ix *policies.BorrowerIndex) { o.borrowers.Store(ix) }

// NewOrchestrator checks cfg and fills its defaults.
func NewOrchestrator(cfg Config) (*Orchestrator, error) {
	if cfg.Store == nil || cfg.Brain == nil || cfg.Guard == nil {
		return nil, errors.New("orchestrator: store, brain and guard are required")
	}
	if cfg.Clock == nil {
		cfg.Clock = SystemClock{}
	}
	if cfg.Bus == nil {
		cfg.Bus = NewMemoryBus()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.AgentName == "" {
		cfg.AgentName = "Ava"
	}
	if cfg.TurnTimeout <= 0 {
		cfg.TurnTimeout = 10 * time.Second
	}
	if cfg.GuardTimeout <= 0 {
		cfg.GuardTimeout = time.Second
	}
	if cfg.HistoryLimit <= 0 {
		cfg.HistoryLimit = 20
	}
	if cfg.JudgeTimeout <= 0 {
		cfg.JudgeTimeout = DefaultJudgeTimeout
	}
	return &Orchestrator{cfg: cfg, log: cfg.Logger, wake: make(chan struct{}, 1)}, nil
}

// Guard returns the orchestrator's guard.
func (o *Orchestrator) Guard() Guard { return o.cfg.Guard }

// Receive stores an inbound message, idempotent on (channel, channel message
// id), finding or opening the conversation. It runs nothing else, so a
// channel can acknowledge as soon as it returns: the message is on disk.
func (o *Orchestrator) Receive(ctx context.Context, in Inbound) (Message, bool, error) {
	return o.receive(ctx, in, Durable)
}

// receive is Receive storing the message as d says.
func (o *Orchestrator) receive(ctx context.Context, in Inbound, d Durability) (stored Message, created bool, err error) {
	st := o.cfg.Store
	conv, fresh, dup, err := o.conversationFor(ctx, in, true)
	if err != nil {
		return Message{}, false, fmt.Errorf("receive: %w", err)
	}
	if dup != nil {
		// The first delivery may still wait for its flush (a Handle
		// defers it to the turn's end); a channel acknowledges what
		// Receive returns, so make it durable first. (A duplicate that
		// reaches InsertInbound below is flushed by that write.)
		if d == Durable {
			if err := st.Flush(ctx); err != nil {
				return Message{}, false, fmt.Errorf("receive: %w", err)
			}
		}
		return *dup, false, nil
	}
	if in.ChannelMessageID == "" {
		in.ChannelMessageID = NewID("local_")
	}
	m := Message{
		ConversationID:   conv.ID,
		Direction:        DirectionIn,
		Author:           AuthorBorrower,
		Channel:          in.Channel,
		Text:             redactInbound(in.Text),
		ChannelMessageID: in.ChannelMessageID,
		Status:           StatusReceived,
		CreatedAt:        o.cfg.Clock.Now(),
	}
	// Held from before it is stored until its turn ends, so that no
	// sweep starts its turn meanwhile.
	key := heldKey(in.Channel, in.ChannelMessageID)
	o.held.Store(key, struct{}{})
	defer o.held.Delete(key)
	if fresh && conv.ID == "" {
		// Not stored yet: the conversation and its first message go together.
		stored, created, err = st.OpenWithInbound(ctx, &conv, m, d)
	} else {
		stored, created, err = st.InsertInbound(ctx, m, d)
	}
	if err != nil {
		return Message{}, false, fmt.Errorf("receive: %w", err)
	}
	if created {
		o.hold(stored.ID)
		defer func() {
			if err != nil {
				o.Release(stored.ID) // no turn follows a failed receive
			}
		}()
		o.publish(ctx, Notice{Kind: "message", ConversationID: conv.ID, AccountID: conv.AccountID, MessageID: stored.ID})
		// An authenticated chat verifies the conversation it opens. Later
		// messages do not verify it again: once the flows withdrew
		// verification (someone else said they were writing), facts are needed.
		if in.Meta["verified"] == "true" && fresh && !conv.Verified {
			conv.Verified = true
			if conv.State == StateOpen {
				conv.State = StateVerified
			}
			if err := st.UpdateConversation(ctx, conv); err != nil {
				return stored, created, fmt.Errorf("receive: %w", err)
			}
		}
		if in.Meta["greeted"] == "true" && in.Channel == ChannelVoice && !callGreeted(conv) {
			// The call's welcome greeting introduced the assistant
			// before the caller spoke: the first reply does not again.
			if err := markCallGreeted(&conv); err != nil {
				return stored, created, fmt.Errorf("receive: %w", err)
			}
			if err := st.UpdateConversation(ctx, conv); err != nil {
				return stored, created, fmt.Errorf("receive: %w", err)
			}
		}
		if t := in.Meta["OptOutType"]; t != "" {
			o.log.Info("twilio opt-out type", "type", t, "conversation", conv.ID)
			if err := o.recordOptOutType(ctx, conv, stored, t); err != nil {
				return stored, created, fmt.Errorf("receive: %w", err)
			}
		}
	}
	return stored, created, nil
}

// conversationFor finds or opens the conversation for an inbound message;
// fresh reports that it was opened now. Storing the message is idempotent,
// so a redelivery is looked for only before a conversation would be
// opened for it: then dup is the message first stored, and nothing is
// opened. With later set, a conversation to open is returned unstored (no
// ID), for the caller to store with its first message (OpenWithInbound).
func (o *Orchestrator) conversationFor(ctx context.Context, in Inbound, later bool) (c Conversation, fresh bool, dup *Message, err error) {
	st := o.cfg.Store
	if in.ConversationID != "" {
		c, err := st.Conversation(ctx, in.ConversationID)
		return c, false, nil, err
	}
	accountID := in.AccountID
	var acct *Account // read once when the sender is found by phone
	if accountID == "" {
		found, err := st.FindSender(ctx, SenderLookup{Phone: in.From, Channel: in.Channel, ChannelMessageID: in.ChannelMessageID})
		if errors.Is(err, ErrNotFound) {
			return Conversation{}, false, nil, ErrUnknownSender
		}
		if err != nil {
			return Conversation{}, false, nil, err
		}
		if found.Open {
			return found.Conversation, false, nil, nil
		}
		if found.Delivered != nil {
			return Conversation{}, false, found.Delivered, nil
		}
		accountID, acct = found.Account.ID, &found.Account
		in.ChannelMessageID = "" // looked for already
	} else {
		c, err = st.OpenConversation(ctx, accountID, in.Channel)
		if err == nil {
			return c, false, nil, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return Conversation{}, false, nil, err
		}
	}
	if in.ChannelMessageID != "" {
		m, err := st.MessageByChannelID(ctx, in.Channel, in.ChannelMessageID)
		if err == nil {
			return Conversation{}, false, &m, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return Conversation{}, false, nil, err
		}
	}
	if acct == nil {
		a, err := st.Account(ctx, accountID)
		if err != nil {
			return Conversation{}, false, nil, err
		}
		acct = &a
	}
	a := *acct
	c = Conversation{
		AccountID: accountID,
		Channel:   in.Channel,
		Address:   in.From,
		State:     StateOpen,
		Owner:     OwnerAI,
		Locale:    a.Borrower.Locale,
	}
	if later {
		return c, true, nil, nil
	}
	if err := st.CreateConversation(ctx, &c); err != nil {
		return Conversation{}, false, nil, err
	}
	return c, true, nil, nil
}

// Handle stores an inbound message and runs its turn. Nothing is
// acknowledged between the two, so storing the message defers its flush to
// the turn's last write (FlushLater): the turn costs one flush. If
// the turn fails before that write, the caller sees the error and the
// sender sends again.
func (o *Orchestrator) Handle(ctx context.Context, in Inbound, opts ...TurnOption) (TurnResult, error) {
	m, created, err := o.receive(ctx, in, FlushLater)
	if err != nil {
		return TurnResult{}, err
	}
	// The stored message's conversation saves reading it back for the lock.
	res, err := o.Process(ctx, m.ID, append(opts[:len(opts):len(opts)], InConversation(m.ConversationID))...)
	if err == nil && !created {
		res.Duplicate = true
	}
	return res, err
}

// Process runs the turn for a stored inbound message. A message already
// processed is not run again: the result says Duplicate.
func (o *Orchestrator) Process(ctx context.Context, messageID string, opts ...TurnOption) (res TurnResult, err error) {
	if o.cfg.OnTurn != nil {
		start := time.Now()
		defer func() {
			if !res.Duplicate {
				o.cfg.OnTurn(res.Inbound.Channel, res.Brain, time.Since(start), err)
			}
		}()
	}
	defer o.Release(messageID)
	return o.process(ctx, messageID, opts...)
}

func (o *Orchestrator) process(ctx context.Context, messageID string, opts ...TurnOption) (TurnResult, error) {
	var to turnOptions
	for _, opt := range opts {
		opt(&to)
	}
	ctx, cancel := context.WithTimeout(ctx, o.cfg.TurnTimeout)
	defer cancel()
	st := o.cfg.Store
	convID := to.conversation
	if convID == "" {
		in, err := st.Message(ctx, messageID)
		if err != nil {
			return TurnResult{}, fmt.Errorf("turn: %w", err)
		}
		convID = in.ConversationID
	}
	// Lock and read (again) under the lock: another worker may have run
	// this turn.
	held, d, err := st.BeginTurn(ctx, convID, TurnQuery{MessageID: messageID, History: o.cfg.HistoryLimit, Since: o.cfg.Clock.Now().Add(-attemptWindow)})
	if err != nil {
		return TurnResult{}, fmt.Errorf("turn: %w", err)
	}
	defer held.Release()
	if d.Inbound.Status != StatusReceived {
		return TurnResult{Conversation: d.Conversation, Inbound: d.Inbound, Duplicate: true}, nil
	}
	t := o.turnFrom(d.Conversation, d.Account, d.Inbound, o.recent(d.History))
	t.consented, t.attempts, t.restricted, t.loaded = d.Consents, d.Attempts, d.Restrictions, true
	t.held = held
	in, conv := t.Inbound, t.Conversation
	res := TurnResult{Inbound: in}
	if conv.OwnedByAI() {
		u, uerr := o.cfg.Brain.Understand(ctx, t.Context, in.Text)
		if uerr != nil {
			o.log.Warn("brain failed", "conversation", conv.ID, "err", uerr)
			u = Understanding{Commands: []Command{{Intent: IntentUnknown}}, Brain: "none", Fallback: uerr.Error()}
		}
		if optedOutByCarrier(t) {
			// Twilio already opted the number out: whatever the readers
			// made of the words, the turn records and confirms it.
			u.Commands = append([]Command{{Intent: IntentOptOut, Readers: []string{ReaderKeyword}}}, u.Commands...)
		}
		t.Understanding = u
		res.Brain = u.Brain
		if err := o.respond(ctx, t); err != nil {
			return TurnResult{}, fmt.Errorf("turn: flows: %w", err)
		}
	}
	if err := o.finish(ctx, t, &res, to); err != nil {
		return TurnResult{}, err
	}
	return res, nil
}

// errSkip, returned by a begin check, ends a trigger quietly: nothing to
// do on the conversation as it is now.
var errSkip = errors.New("nothing to do")

// begin starts a turn on every trigger other than a borrower's stored
// message (which Process starts with Store.BeginTurn): an outreach, a
// reminder, a deferred send, a supervisor's message or notice, the answer
// after a hand-back, a cancellation. It takes the conversation's lock,
// reads the conversation and its account under it and loads the turn,
// initiated by the agent. check, when not nil, decides from the
// conversation as read under the lock whether the turn runs; its error
// (errSkip to end quietly) is returned with nothing written. The turn's
// messages are then written by deliver and commit, under the lock;
// release gives the lock back and must be called whenever err is nil.
func (o *Orchestrator) begin(ctx context.Context, convID string, check func(Conversation) error) (t *Turn, release func(), err error) {
	st := o.cfg.Store
	unlock, err := st.Lock(ctx, convID)
	if err != nil {
		return nil, nil, fmt.Errorf("lock: %w", err)
	}
	defer func() {
		if err != nil {
			unlock()
		}
	}()
	conv, err := st.Conversation(ctx, convID)
	if err != nil {
		return nil, nil, err
	}
	if check != nil {
		if err := check(conv); err != nil {
			return nil, nil, err
		}
	}
	acct, err := st.Account(ctx, conv.AccountID)
	if err != nil {
		return nil, nil, err
	}
	t, err = o.newTurn(ctx, conv, acct, Message{})
	if err != nil {
		return nil, nil, err
	}
	t.initiatedBy = "agent"
	return t, unlock, nil
}

// replying marks a turn as a reply when the borrower wrote last and is
// waiting for an answer.
func (o *Orchestrator) replying(t *Turn) {
	if o.answersBorrower(t.Context.History) {
		t.initiatedBy = "borrower"
	}
}

// newTurn loads what the flows and the brain may see.
func (o *Orchestrator) newTurn(ctx context.Context, conv Conversation, acct Account, in Message) (*Turn, error) {
	hist, err := o.history(ctx, conv.ID, in.Seq)
	if err != nil {
		return nil, err
	}
	return o.turnFrom(conv, acct, in, hist), nil
}

// turnFrom is the turn on inbound message in, with the conversation's
// recent history.
func (o *Orchestrator) turnFrom(conv Conversation, acct Account, in Message, hist []Message) *Turn {
	now := o.cfg.Clock.Now()
	locale := conv.Locale
	if locale == "" {
		locale = acct.Borrower.Locale
	}
	if locale == "" {
		locale = "en"
	}
	t := &Turn{
		Conversation: conv,
		Account:      acct,
		Inbound:      in,
		Now:          now,
		Locale:       locale,
		o:            o,
	}
	t.Context = TurnContext{Conversation: conv, Currency: acct.Balance.Currency, Now: now.In(acct.Location()), Locale: locale, History: hist, OpenOffers: t.openOffers()}
	return t
}

// history returns the conversation's last HistoryLimit messages. Messages
// after the inbound one (seq) are rare (a supervisor's), so reading from
// HistoryLimit before it keeps a long conversation's turn from reading its
// whole transcript.
func (o *Orchestrator) history(ctx context.Context, convID string, seq int64) ([]Message, error) {
	after := max(seq-int64(o.cfg.HistoryLimit), 0)
	all, err := o.cfg.Store.Messages(ctx, convID, after, 0)
	if err != nil {
		return nil, err
	}
	return o.recent(all), nil
}

// recent is the last HistoryLimit of a conversation's messages.
func (o *Orchestrator) recent(msgs []Message) []Message {
	if n := o.cfg.HistoryLimit; len(msgs) > n {
		return msgs[len(msgs)-n:]
	}
	return msgs
}

// Location is the borrower's time zone, UTC when unknown.
func (a Account) Location() *time.Location { return location(a.Borrower.Timezone) }

// finish guards the turn's replies and commits the turn: its replies,
// their outbox rows, events, state and every effect the flows decided,
// in one transaction (commit). A turn with an inbound message commits
// with flushing deferred until that transaction (FlushLater in
// Handle), whose move of the inbound message to processed is the turn's
// commit point: until it is durable the message is still received and
// the turn runs again, deriving the same ids.
func (o *Orchestrator) finish(ctx context.Context, t *Turn, res *TurnResult, to turnOptions) error {
	// What became of each reply: what went, or its last refused draft.
	finals := make([]Message, 0, len(t.replies))
	for i, r := range t.replies {
		id := replyID(t.key(), i)
		m, _, err := o.deliver(ctx, t, r, id, AuthorAgent, "", to)
		if err != nil {
			return fmt.Errorf("turn: reply: %w", err)
		}
		finals = append(finals, m)
	}
	c, stored, msgs, err := o.commit(ctx, t, "", to)
	if err != nil {
		return fmt.Errorf("turn: %w", err)
	}
	for _, m := range finals {
		for _, tm := range msgs {
			if tm.Message.ID == m.ID {
				m = tm.Message
			}
		}
		switch m.Status {
		case StatusQueued, StatusSending, StatusSent:
			res.Replies = append(res.Replies, m)
		default:
			res.Blocked = append(res.Blocked, m)
		}
	}
	res.Events = append(res.Events, stored...)
	if t.Inbound.ID != "" {
		res.Inbound.Status = StatusProcessed
	}
	res.Conversation = c
	return nil
}

// commit writes everything the turn decided in one store call
// (Store.FinishTurn), with events authored as turnEvents says for actor,
// and then, the turn being durable, tells subscribers, wakes the outbox,
// speaks the replies on a streaming turn and asks the scheduler for the
// deferred sends and reminders. It returns the conversation after the
// write, the events and the messages as stored.
func (o *Orchestrator) commit(ctx context.Context, t *Turn, actor string, to turnOptions) (Conversation, []Event, []TurnMessage, error) {
	st := o.cfg.Store
	o.storeUpgradedIdentity(ctx, t)
	c := t.Conversation
	c.LastMessageAt = o.cfg.Clock.Now()
	end := o.turnEnd(t, c, actor)
	commit := st.FinishTurn
	if t.held != nil {
		commit = t.held.Commit // releases the conversation's lock with the commit
	}
	owner, stored, err := commit(ctx, end)
	if err != nil {
		return c, nil, nil, err
	}
	t.out = nil
	c.Owner = owner
	enqueued := false
	for _, tm := range end.Messages {
		if !tm.Existed && tm.Outbox != nil && tm.Message.Status != StatusDropped {
			enqueued = true
		}
		o.publish(ctx, Notice{Kind: "message", ConversationID: c.ID, AccountID: c.AccountID, MessageID: tm.Message.ID})
	}
	o.published(ctx, c, stored)
	if enqueued && o.cfg.OnEnqueue != nil {
		o.cfg.OnEnqueue()
	}
	if to.stream != nil {
		if err := o.speak(ctx, t, end.Messages, to); err != nil {
			return c, stored, end.Messages, err
		}
	}
	return c, stored, end.Messages, o.dispatch(ctx, t)
}

// speak sends a streaming turn's committed replies through its stream, in
// order, each marked sent once spoken; a reply streamed as it was phrased
// (streamPhrased) is only marked sent.
func (o *Orchestrator) speak(ctx context.Context, t *Turn, msgs []TurnMessage, to turnOptions) error {
	for i := range msgs {
		m := &msgs[i].Message
		streamed := t.streamed[m.ID]
		if m.Status != StatusQueued && !(streamed && m.Status == StatusSending) {
			continue
		}
		if !streamed && !msgs[i].Existed {
			to.stream(m.Text)
		}
		if _, err := o.cfg.Store.SetMessageStatus(ctx, m.ID, StatusSent, ""); err != nil {
			return err
		}
		m.Status = StatusSent
	}
	return nil
}

// turnEnd is what a turn on conversation c commits: its messages, events
// (actor as for turnEvents) and every effect the flows recorded.
func (o *Orchestrator) turnEnd(t *Turn, c Conversation, actor string) TurnEnd {
	return TurnEnd{
		Conversation: c,
		Events:       o.turnEvents(t, c, actor),
		InboundID:    t.Inbound.ID,
		InboundText:  t.answersMasked(),
		Flags:        t.flags,
		Consents:     t.consents,
		Plans:        t.plans,
		Disputes:     t.disputes,
		Restrictions: t.restrictions,
		Logins:       t.logins,
		Messages:     t.out,
	}
}

// dispatch asks, after a turn's commit, for the work it scheduled: its
// deferred messages at their time, and reminders. A reminder the
// scheduler refuses is logged: the plan stands, and its reminders are
// idempotent on (plan, time) for a turn that runs again. A deferred send
// it refuses is the turn's error.
func (o *Orchestrator) dispatch(ctx context.Context, t *Turn) error {
	s := o.cfg.Scheduler
	sends, reminders := t.sends, t.reminders
	t.sends, t.reminders = nil, nil
	if s == nil {
		return nil
	}
	var err error
	for _, d := range sends {
		if serr := s.ScheduleSend(ctx, d.messageID, d.at); serr != nil && err == nil {
			err = fmt.Errorf("schedule send: %w", serr)
		}
	}
	for _, r := range reminders {
		if err := s.ScheduleReminder(ctx, t.Account.ID, r.planID, r.at); err != nil {
			o.log.Warn("reminder not scheduled", "conversation", t.Conversation.ID, "plan", r.planID, "err", err)
		}
	}
	return err
}

// turnEvents is the events a turn recorded, placed on conversation c.
// actor, when set, is the author of every event; otherwise an event
// without one is the AI's.
func (o *Orchestrator) turnEvents(t *Turn, c Conversation, actor string) []Event {
	out := make([]Event, 0, len(t.events))
	for _, e := range t.events {
		e.ConversationID, e.AccountID = c.ID, c.AccountID
		switch {
		case actor != "":
			e.Actor = actor
		case e.Actor == "":
			e.Actor = OwnerAI
		}
		out = append(out, e)
	}
	return out
}

// published tells subscribers of events stored on conversation c.
func (o *Orchestrator) published(ctx context.Context, c Conversation, stored []Event) {
	for _, e := range stored {
		o.publish(ctx, Notice{Kind: "event", ConversationID: c.ID, AccountID: c.AccountID, EventKind: string(e.Kind)})
	}
}

// replyID derives a stable id for the i-th reply to an inbound message, so a
// turn run again after a crash stores and sends nothing twice.
func replyID(inboundID string, i int) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", inboundID, i)))
	return "m_" + hex.EncodeToString(h[:16])
}

// deliver runs one drafted reply through the guard and stores it, with its
// decision, before anything is sent. It falls back to the reply's safe
// alternative when the guard refuses the draft. blocked reports that nothing
// of this reply will reach the borrower. A reply marked for rewording is
// first put in the model's words (phrased), or, on a streaming voice turn,
// streamed sentence by sentence as the guard allows each (streamPhrased).
func (o *Orchestrator) deliver(ctx context.Context, t *Turn, r Reply, id string, author Author, authorName string, to turnOptions) (Message, bool, error) {
	if r.phrase != nil && o.cfg.Phraser != nil {
		if to.stream != nil && t.Conversation.Channel == ChannelVoice {
			return o.streamPhrased(ctx, t, r, id, to)
		}
		r = o.phrased(ctx, t, r)
	}
	r.phrase = nil
	for attempt := 0; ; attempt++ {
		d := o.check(t, r)
		m := o.outbound(t, r, id, author, authorName, &d)
		switch d.Action {
		case policies.Allow, policies.Revise:
			m.Text = d.Text
			return o.send(ctx, t, m, to, false)
		case policies.Defer:
			m.Text = r.Text
			m.Status = StatusDeferred
			m.SendAt = d.SendAt
			t.queue(TurnMessage{Message: m, RequireAI: author == AuthorAgent})
			t.Emit(EventMessageDeferred, map[string]string{"message_id": m.ID, "send_at": d.SendAt.UTC().Format(time.RFC3339)})
			t.sends = append(t.sends, scheduledSend{messageID: m.ID, at: d.SendAt})
			return m, true, nil
		default: // block, escalate, or anything unknown: fail closed
			stored := o.block(t, m)
			if r.Fallback == nil || attempt > 2 || author != AuthorAgent {
				if author == AuthorAgent && d.Action == policies.Escalate {
					t.requestHandoff("guard escalated a draft")
				}
				return stored, true, nil
			}
			r = *r.Fallback
			id = replyID(id, attempt+1)
		}
	}
}

// outbound is the message a reply becomes, with the guard's decision d.
func (o *Orchestrator) outbound(t *Turn, r Reply, id string, author Author, authorName string, d *policies.Decision) Message {
	return Message{
		ID:              id,
		ConversationID:  t.Conversation.ID,
		Direction:       DirectionOut,
		Author:          author,
		AuthorName:      authorName,
		Channel:         t.Conversation.Channel,
		Text:            r.Text,
		ReplyTo:         t.Inbound.ID,
		TemplateVersion: r.TemplateVersion,
		Model:           r.Model,
		Guard:           d,
		CreatedAt:       o.cfg.Clock.Now(),
	}
}

// send queues an allowed message for the turn's end, which stores it
// before it is sent: with its outbox row, or, on a streaming turn, to be
// spoken once committed. streamed reports that its text already went to
// the stream, chunk by chunk, stored as it went (streamPhrased).
func (o *Orchestrator) send(_ context.Context, t *Turn, m Message, to turnOptions, streamed bool) (Message, bool, error) {
	m.Status = StatusQueued
	tm := TurnMessage{Message: m, RequireAI: m.Author == AuthorAgent, Attempt: o.contact(t, m)}
	if to.stream == nil && needsOutbox(m.Channel) {
		tm.Outbox = &OutboxItem{Channel: m.Channel, To: t.Conversation.Address, Body: m.Text, Status: OutboxPending, NextAttemptAt: m.CreatedAt}
	}
	if streamed {
		if t.streamed == nil {
			t.streamed = map[string]bool{}
		}
		t.streamed[m.ID] = true
	}
	t.queue(tm)
	t.sentCount++
	return m, false, nil
}

// takenOver records that the store dropped reply m because a supervisor
// took the conversation over while it was drafted.
func (o *Orchestrator) takenOver(ctx context.Context, t *Turn, m Message) {
	t.Emit(EventMessageBlocked, map[string]string{"reason": TakenOverReason, "message_id": m.ID})
	o.publish(ctx, Notice{Kind: "message", ConversationID: m.ConversationID, MessageID: m.ID})
}

// block queues a refused draft, stored blocked with the turn's end, and
// records message_blocked.
func (o *Orchestrator) block(t *Turn, m Message) Message {
	m.Status = StatusBlocked
	t.queue(TurnMessage{Message: m})
	t.Emit(EventMessageBlocked, map[string]string{"message_id": m.ID, "rules": ruleList(*m.Guard)})
	return m
}

func needsOutbox(ch Channel) bool {
	return ch == ChannelSMS || ch == ChannelChat || ch == ChannelEmail
}

func ruleList(d policies.Decision) string {
	rules := make([]string, 0, len(d.Violations))
	for _, v := range d.Violations {
		rules = append(rules, v.Rule)
	}
	if d.Error != "" {
		rules = append(rules, "error: "+d.Error)
	}
	return strings.Join(rules, ",")
}

// contact is the contact attempt reply m makes once sent.
func (o *Orchestrator) contact(t *Turn, m Message) *ContactAttempt {
	by := "borrower"
	if t.initiatedBy != "" {
		by = t.initiatedBy
	} else if t.Inbound.ID == "" {
		by = "agent"
	}
	outcome := OutcomeSent
	if m.Channel == ChannelVoice {
		outcome = OutcomeConnected
	}
	return &ContactAttempt{
		AccountID: t.Account.ID, Channel: m.Channel, Address: t.Conversation.Address,
		InitiatedBy: by, Outcome: outcome, MessageID: m.ID, At: m.CreatedAt,
	}
}

func (o *Orchestrator) publish(ctx context.Context, n Notice) {
	if err := o.cfg.Bus.Publish(ctx, n); err != nil {
		o.log.Warn("publish failed", "kind", n.Kind, "err", err)
	}
}
