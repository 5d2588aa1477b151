package agent

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Store is Parley's persistence: every role below together. agent/sqlite
// is the embedded default and agent/postgres the production store;
// agent/storetest is the contract suite both pass. Each consumer takes the
// one role it uses: the orchestrator a TurnStore, the outbox dispatcher an
// OutboxStore, the console a ConsoleStore, account import a Portfolio.
// Every method is safe for concurrent use.
type Store interface {
	TurnStore
	Portfolio
	OutboxStore
	ConsoleStore
	Retainer

	// Ping reports whether the store is reachable.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close() error
}

// AccountReader reads accounts.
type AccountReader interface {
	// Account returns one account, or ErrNotFound.
	Account(ctx context.Context, id string) (Account, error)
	// AccountByPhone finds the account whose borrower has that E.164 number, or ErrNotFound.
	AccountByPhone(ctx context.Context, phone string) (Account, error)
	// Accounts lists accounts ordered by id, after the given id, at most limit (0 = all).
	Accounts(ctx context.Context, after string, limit int) ([]Account, error)
}

// IdentityWriter rewrites an account's identity digests.
type IdentityWriter interface {
	// SetIdentity rewrites an account's identity digests alone, leaving
	// the rest of the account as it is: the orchestrator stores a digest
	// it upgraded on a successful check (IdentityHasher.Check). An unknown
	// account is ErrNotFound.
	SetIdentity(ctx context.Context, accountID string, f IdentityFacts) error
}

// Portfolio is the accounts: what import and the demo data write.
type Portfolio interface {
	AccountReader
	IdentityWriter

	// PutAccount inserts or replaces an account.
	PutAccount(ctx context.Context, a Account) error
	// ImportAccounts inserts or replaces all accounts in one transaction: all or nothing.
	ImportAccounts(ctx context.Context, as []Account) error
	// SetAccountFlags replaces an account's flags.
	SetAccountFlags(ctx context.Context, accountID string, f AccountFlags) error
}

// ConversationReader reads conversations and what is recorded of them.
type ConversationReader interface {
	// Conversation returns one conversation, or ErrNotFound.
	Conversation(ctx context.Context, id string) (Conversation, error)
	// OpenConversation returns the newest conversation of an account on a
	// channel that is not closed, or ErrNotFound.
	OpenConversation(ctx context.Context, accountID string, ch Channel) (Conversation, error)
	// Conversations lists conversations, newest activity first.
	Conversations(ctx context.Context, f ConversationFilter) ([]ConversationSummary, error)
	// Message returns one message, or ErrNotFound.
	Message(ctx context.Context, id string) (Message, error)
	// MessageByChannelID finds a message by its channel message id.
	MessageByChannelID(ctx context.Context, ch Channel, channelMessageID string) (Message, error)
	// Messages returns a conversation's messages with Seq > afterSeq, in order, at most limit (0 = all).
	Messages(ctx context.Context, conversationID string, afterSeq int64, limit int) ([]Message, error)
	// Events lists a conversation's events in order.
	Events(ctx context.Context, conversationID string) ([]Event, error)
	// ContactAttempts lists an account's attempts at or after since, in order.
	ContactAttempts(ctx context.Context, accountID string, since time.Time) ([]ContactAttempt, error)
	// Consents lists an account's consents.
	Consents(ctx context.Context, accountID string) ([]Consent, error)
	// Plans lists an account's plans, oldest first.
	Plans(ctx context.Context, accountID string) ([]Plan, error)
	// Disputes lists an account's disputes, oldest first.
	Disputes(ctx context.Context, accountID string) ([]Dispute, error)
	// Restrictions lists an account's contact restrictions, oldest first.
	Restrictions(ctx context.Context, accountID string) ([]Restriction, error)
}

// Locker serializes the work on one conversation.
type Locker interface {
	// Lock serializes turns on a conversation: it blocks until the caller
	// holds the conversation, across connections and replicas where the
	// backend can, and returns the function that releases it.
	Lock(ctx context.Context, conversationID string) (unlock func(), err error)
}

// EventLog stores audit events.
type EventLog interface {
	// AddEvent stores an event; it fills ID and At when empty.
	AddEvent(ctx context.Context, e Event) (Event, error)
}

// TurnStore is what the orchestrator runs turns on: storing inbound
// messages, reading a turn in one round trip and committing it in one
// transaction, and the records a turn reads.
type TurnStore interface {
	AccountReader
	IdentityWriter
	ConversationReader
	Locker
	EventLog
	TurnReader
	StreamCloser
	TokenSpender
	LoginThrottle // failed verification attempts per account

	// FindSender finds, in one round trip, what storing an inbound
	// message needs to know first: the account whose borrower has the
	// phone (ErrNotFound when none has), its newest conversation on the
	// channel that is not closed (Open reports whether there is one), and
	// the message already stored under the channel message id, if any (a
	// redelivery), as AccountByPhone, OpenConversation and
	// MessageByChannelID would.
	FindSender(ctx context.Context, q SenderLookup) (FoundSender, error)
	// InsertInbound stores an inbound message idempotently on (channel,
	// channel message id): a second insert returns the first message and
	// created=false. It fills ID, Seq and CreatedAt.
	// It is on disk when it returns unless d is FlushLater.
	InsertInbound(ctx context.Context, m Message, d Durability) (stored Message, created bool, err error)
	// OpenWithInbound opens a conversation and stores its first inbound
	// message in one transaction: CreateConversation and then
	// InsertInbound, all or nothing. It fills c as CreateConversation does
	// and returns what InsertInbound would, durable as d says.
	OpenWithInbound(ctx context.Context, c *Conversation, m Message, d Durability) (stored Message, created bool, err error)
	// Flush returns once every write committed so far, FlushLater ones
	// included, is on disk.
	Flush(ctx context.Context) error
	// BeginTurn takes a conversation's lock, as Lock does, and reads the
	// turn on one of its inbound messages under it, as ReadTurn does
	// (q.MessageID; a message of another conversation is an error), on
	// PostgreSQL in one round trip. The turn holds the lock until its
	// Commit or Release.
	BeginTurn(ctx context.Context, conversationID string, q TurnQuery) (HeldTurn, TurnData, error)
	// FinishTurn commits a turn in one transaction: it writes the
	// conversation as UpdateConversation does (never changing its owner),
	// applies the account flag changes one flag at a time, upserts the
	// consents, plans, disputes and contact restrictions, stores the turn's outbound messages
	// (TurnEnd.Messages) with their outbox rows and contact attempts, the
	// events in order as AddEvent does (filling ID and At) and the contact
	// attempts as AddContactAttempt does, and, when InboundID is not
	// empty, moves that message to StatusProcessed (writing InboundText
	// as its text when that is not empty); all of it or nothing. It
	// returns the events as stored, a message_blocked event for every
	// message dropped last, and the conversation's owner after the write.
	// It fills each of end.Messages in place: Seq, Channel and Status as
	// stored, and Existed for a message stored before. An unknown
	// conversation, account or message is ErrNotFound. A turn run again
	// after a failure writes the same ids, so nothing is doubled.
	FinishTurn(ctx context.Context, end TurnEnd) (owner string, stored []Event, err error)
	// CreateConversation stores a new conversation; it fills ID and times when empty.
	CreateConversation(ctx context.Context, c *Conversation) error
	// UpdateConversation writes state, verified, locale, memory and address.
	// It never changes the owner: see SetOwner.
	UpdateConversation(ctx context.Context, c Conversation) error
	// SetOwner changes the owner from `from` to `to` atomically and returns
	// ErrNotOwner when the owner is not `from`.
	SetOwner(ctx context.Context, conversationID, from, to string) error
	// Transfer changes a conversation's owner from From to To and stores
	// the change's audit event, in one transaction: a takeover or a
	// hand-back is never without its record. With Reopen, a conversation
	// waiting for a person (StateHandoff) goes back to open, or verified
	// when it is. It returns the conversation after the change and the
	// stored event; when the owner is not From it changes nothing and
	// returns the conversation as it is with ErrNotOwner.
	Transfer(ctx context.Context, t OwnerTransfer) (Conversation, Event, error)
	// InsertOutbound stores an outbound message and, when item is not nil,
	// its outbox row, in one transaction. It is idempotent on m.ID: when a
	// message with that ID exists it returns it and enqueues nothing. When
	// requireAI is true and the conversation is not owned by the AI, it
	// stores the message with status dropped, enqueues nothing and returns
	// the stored message with ErrNotOwner. It fills Seq and CreatedAt.
	InsertOutbound(ctx context.Context, m Message, item *OutboxItem, requireAI bool) (Message, error)
	// SetMessageStatus moves a message's status forward (StatusRank); a
	// backward move is ignored and reports false.
	SetMessageStatus(ctx context.Context, id string, s MessageStatus, providerID string) (bool, error)
	// ReviseOutbound rewrites the text, guard decision, template version
	// and model of an outbound message still in StatusSending: a reply
	// stored before each part of it is spoken, as it streams. A missing
	// message is ErrNotFound; one no longer sending is ErrConflict.
	ReviseOutbound(ctx context.Context, m Message) error
	// SetInterrupted records where a caller cut a spoken reply (the last
	// record wins), or returns ErrNotFound.
	SetInterrupted(ctx context.Context, messageID string, in Interrupt) error
	// PendingInbound lists inbound messages still in StatusReceived, oldest first:
	// turns that must run (after a crash, too).
	PendingInbound(ctx context.Context, limit int) ([]Message, error)
	// AddContactAttempt records an attempt to reach a borrower.
	AddContactAttempt(ctx context.Context, c ContactAttempt) error
	// SetConsent records a borrower's consent state on a channel.
	SetConsent(ctx context.Context, c Consent) error
	// PutPlan inserts or replaces a plan.
	PutPlan(ctx context.Context, p Plan) error
	// AddDispute records a dispute.
	AddDispute(ctx context.Context, d Dispute) error
	// AddRestriction records a contact restriction; one with a known ID is
	// replaced. An empty ID and creation time are filled in.
	AddRestriction(ctx context.Context, r Restriction) error
}

// OutboxLister lists outbox rows.
type OutboxLister interface {
	// Outbox lists rows in a status, oldest first, at most limit (0 = all).
	Outbox(ctx context.Context, s OutboxStatus, limit int) ([]OutboxItem, error)
}

// OutboxStore is what the outbox dispatcher sends from: rows leased to one
// worker at a time and settled.
type OutboxStore interface {
	OutboxLister

	// ClaimOutbox leases up to limit due pending rows (or rows whose lease
	// ran out) to worker until now+lease. A row is held by one worker at a time.
	ClaimOutbox(ctx context.Context, worker string, now time.Time, lease time.Duration, limit int) ([]OutboxItem, error)
	// CompleteOutbox marks a claimed row sent and its message sent with the provider id.
	CompleteOutbox(ctx context.Context, id int64, worker, providerID string) error
	// RetryOutbox returns a claimed row to pending for another attempt at next.
	RetryOutbox(ctx context.Context, id int64, worker string, next time.Time, lastErr string) error
	// FailOutbox dead-letters a claimed row and marks its message failed.
	FailOutbox(ctx context.Context, id int64, worker, lastErr string) error
}

// AccessStore is the console's users, sessions and login throttle.
type AccessStore interface {
	LoginThrottle
	PasswordStore

	// AddUser stores a console user; a taken name is ErrConflict.
	AddUser(ctx context.Context, u User) (User, error)
	// UserByName returns a user, or ErrNotFound.
	UserByName(ctx context.Context, name string) (User, error)
	// User returns a user by id, or ErrNotFound.
	User(ctx context.Context, id string) (User, error)
	// CreateSession stores a console session.
	CreateSession(ctx context.Context, s Session) error
	// Session returns a session by token digest that has not expired at now, or ErrNotFound.
	Session(ctx context.Context, tokenHash string, now time.Time) (Session, error)
	// DeleteSession ends a session.
	DeleteSession(ctx context.Context, tokenHash string) error
}

// ConsoleStore is what the console reads and writes itself: conversations
// and their records, accounts, dead letters, its users and the access log,
// its own notes and assignments (events, under the conversation's lock).
// Messages to a borrower and changes of owner go through the orchestrator.
type ConsoleStore interface {
	AccountReader
	ConversationReader
	Locker
	EventLog
	OutboxLister
	AccessStore
	Auditor
}

// HeldTurn is a turn holding its conversation's lock (Store.BeginTurn).
type HeldTurn interface {
	// Commit is FinishTurn and then the lock's release, on PostgreSQL in
	// one round trip, the lock released after the commit. The lock is
	// released also when it fails.
	Commit(ctx context.Context, end TurnEnd) (owner string, stored []Event, err error)
	// Release releases the lock without writing; after Commit it does
	// nothing.
	Release()
}

// OwnerTransfer is what Transfer changes.
type OwnerTransfer struct {
	ConversationID string
	From, To       string // "" is the AI
	Event          Event  // its ConversationID and AccountID are filled in
	Reopen         bool
}

// ConversationFilter narrows Conversations.
type ConversationFilter struct {
	State     ConversationState
	Channel   Channel
	AccountID string
	Owner     string
	Limit     int // 0 = 100
}

// ConversationSummary is a conversation with what a list shows of it.
type ConversationSummary struct {
	Conversation
	BorrowerName   string `json:"borrower_name"`
	LastMessage    string `json:"last_message"`
	BlockedDrafts  int    `json:"blocked_drafts"`
	HandoffPending bool   `json:"handoff_pending"`
}

// Durability says when a write is on disk.
type Durability uint8

const (
	// Durable: the write is on disk when the call returns.
	Durable Durability = iota
	// FlushLater: the write may stay in the operating system's cache
	// until a later durable write of the same caller, or Flush. A process
	// crash loses none of it; a power failure can lose it only together
	// with that later write, which the caller has not relied on yet. The
	// orchestrator stores an inbound message it runs at once this way
	// (Orchestrator.Handle): the turn's commit, whose move of the message
	// to processed is durable, flushes it, and on a power failure before
	// that the sender, never acknowledged, sends again. Stores that flush
	// every commit anyway treat it as Durable.
	FlushLater
)

// TurnEnd is what FinishTurn writes: everything a turn decided, committed
// together. The flows never write in the middle of a turn; they record
// these effects on the Turn, with ids derived from what triggered the
// turn, so a turn that runs again writes the same rows once.
type TurnEnd struct {
	Conversation Conversation
	Events       []Event
	Attempts     []ContactAttempt // the turn's replies, as contact attempts
	InboundID    string           // empty for a turn with no inbound message (outreach)
	// InboundText, when not empty, replaces the inbound message's stored
	// text: the text with the identity answers the turn checked masked.
	InboundText string
	// Flags are changes to the account's flags, applied one flag at a
	// time inside the transaction, so that two conversations of one
	// account never undo each other's flags.
	Flags    []FlagChange
	Consents []Consent // upserted by (account, channel)
	Plans    []Plan    // upserted by id
	Disputes []Dispute // upserted by id
	// Restrictions are contact restrictions, upserted by id.
	Restrictions []Restriction
	// Logins are changes to LoginThrottle counts: the turn's failed
	// verification attempt, or a success that clears the account's count
	// (IdentityFailureKey). Counted here, a failure is counted once per
	// committed turn, however often a turn that failed is run again.
	Logins []LoginChange
	// Messages are the turn's outbound messages, stored after the
	// conversation is written, in order.
	Messages []TurnMessage
}

// TurnMessage is one outbound message of a turn, as FinishTurn stores it:
// idempotently on Message.ID (a message stored before is left as it is,
// with nothing enqueued or recorded for it, and reported as Existed).
// With RequireAI, when the conversation's owner is not the AI at the
// commit, the message is stored with status dropped, without its outbox
// row or attempt, and a message_blocked event (reason "supervisor took
// over") records it. Otherwise Outbox, when set, is enqueued with it and
// Attempt, when set, is recorded.
type TurnMessage struct {
	Message   Message
	Outbox    *OutboxItem
	Attempt   *ContactAttempt
	RequireAI bool
	Existed   bool // set by FinishTurn
}

// TakenOverReason is the reason of the message_blocked event recorded for
// a reply dropped because a supervisor owns the conversation.
const TakenOverReason = "supervisor took over"

// DroppedEvent is the event recording message m dropped at a turn's commit.
func DroppedEvent(m Message, accountID string) Event {
	return Event{ConversationID: m.ConversationID, AccountID: accountID, Kind: EventMessageBlocked, Actor: OwnerAI,
		At: m.CreatedAt, Data: map[string]string{"reason": TakenOverReason, "message_id": m.ID}}
}

// FlagChange sets one account flag, named as in AccountFlags' JSON.
type FlagChange struct {
	Flag  string
	Value bool
}

// LoginChange changes one LoginThrottle count inside a turn's commit:
// Failed counts a failure at At as RecordLoginFailure does (a count whose
// last failure is before Since starts again); otherwise the count is
// cleared, as ClearLoginFailures does.
type LoginChange struct {
	Key       string
	Failed    bool
	At, Since time.Time
}

// StreamCloser closes the spoken replies a
// process left open. A streamed reply is stored as sending before its
// first part is spoken and marked sent once complete, so a process that
// stops mid-reply leaves it sending, with no outbox row to finish it.
// CloseStaleStreams marks every such reply (outbound, voice, sending, no
// outbox row) created before the given time undelivered, since what the
// caller heard of it is unknown, and returns their IDs.
type StreamCloser interface {
	CloseStaleStreams(ctx context.Context, before time.Time) ([]string, error)
}

// SenderLookup is what FindSender looks for.
type SenderLookup struct {
	Phone            string
	Channel          Channel
	ChannelMessageID string // empty: look for no earlier delivery
}

// FoundSender is what FindSender found.
type FoundSender struct {
	Account      Account
	Conversation Conversation
	Open         bool     // Conversation is set
	Delivered    *Message // the message stored under the channel message id
}

// TurnReader reads what a turn starts from in
// one round trip, from one snapshot: the inbound message, its conversation
// and account, the conversation's messages from History before the inbound
// one on (at most History of them before it, and any after it), and the
// account's consents, its contact restrictions and those of its contact
// attempts at or after Since that count toward the contact limits
// (ContactAttempt.Counts), each as
// the single reads of Store would return them, except that the history
// comes without guard decisions (Guard is nil): a turn reads its
// transcript, not how each message was judged, and decoding every
// decision was a large part of reading it. Replies to the borrower's own
// messages are most of a conversation's attempts and count toward nothing,
// so a long conversation does not make every turn read all of them. An
// unknown message is ErrNotFound.
type TurnReader interface {
	ReadTurn(ctx context.Context, q TurnQuery) (TurnData, error)
}

// TurnQuery is what ReadTurn reads.
type TurnQuery struct {
	MessageID string
	History   int
	Since     time.Time
}

// TurnData is what ReadTurn read.
type TurnData struct {
	Inbound      Message
	Conversation Conversation
	Account      Account
	History      []Message
	Consents     []Consent
	Attempts     []ContactAttempt
	Restrictions []Restriction // the account's contact restrictions, oldest first
}

// LoginThrottle counts failures per key, so that every replica backs off
// alike: failed console logins per user name and source address, and
// failed verification attempts per account (IdentityFailureKey), which
// lock verification on every conversation and channel of the account. A
// failure older than since starts the count again.
type LoginThrottle interface {
	// RecordLoginFailure counts a failure of key at at and returns the
	// failures counted, this one included.
	RecordLoginFailure(ctx context.Context, key string, at, since time.Time) (int, error)
	// LoginFailures returns key's count and its last failure; a count
	// whose last failure is before since is 0.
	LoginFailures(ctx context.Context, key string, since time.Time) (n int, last time.Time, err error)
	// ClearLoginFailures forgets key's failures.
	ClearLoginFailures(ctx context.Context, key string) error
}

// PasswordStore changes a console user's
// password hash; the user's sessions end with it. An unknown name is
// ErrNotFound.
type PasswordStore interface {
	SetPassword(ctx context.Context, name, passwordHash string) error
}

// TokenSpender accepts a one-time token once
// across every replica: SpendToken records token until expires and
// reports whether this was its first use. Tokens expired at now are
// forgotten on the way.
type TokenSpender interface {
	SpendToken(ctx context.Context, token string, expires, now time.Time) (first bool, err error)
}

// Retainer enforces the retention period:
// PurgeClosed deletes closed conversations whose last activity is before
// before, with their messages, events and outbox rows, and the contact
// attempts made for them, and returns how many conversations it deleted.
// Accounts, plans, disputes and consents stay: they are the system of
// record, not the conversation.
type Retainer interface {
	PurgeClosed(ctx context.Context, before time.Time, limit int) (int, error)
}

// StoredTime is t as every store keeps a time: in UTC, to the
// microsecond; a zero t is now.
func StoredTime(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Truncate(time.Microsecond)
}

// FillNew fills what CreateConversation fills in a new conversation: an
// id, the AI as owner, the open state and the times, when empty.
func (c *Conversation) FillNew() {
	if c.ID == "" {
		c.ID = NewID("c_")
	}
	if c.Owner == "" {
		c.Owner = OwnerAI
	}
	if c.State == "" {
		c.State = StateOpen
	}
	c.CreatedAt = StoredTime(c.CreatedAt)
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.CreatedAt
	}
	c.UpdatedAt = StoredTime(c.UpdatedAt)
}

// Enqueue fills the outbox row of stored message m, before the store
// gives it its id and account: the message, conversation, channel and
// body (when empty) from m, pending with no attempt, created with m, and
// due at NextAttemptAt when set, else at m's SendAt, else at once.
func (o *OutboxItem) Enqueue(m Message) {
	o.MessageID, o.ConversationID = m.ID, m.ConversationID
	if o.Channel == "" {
		o.Channel = m.Channel
	}
	if o.Body == "" {
		o.Body = m.Text
	}
	o.Status, o.Attempts, o.ClaimedBy, o.LeaseUntil = OutboxPending, 0, "", time.Time{}
	o.CreatedAt, o.UpdatedAt = m.CreatedAt, m.CreatedAt
	switch {
	case !o.NextAttemptAt.IsZero():
		o.NextAttemptAt = o.NextAttemptAt.UTC().Truncate(time.Microsecond)
	case !m.SendAt.IsZero():
		o.NextAttemptAt = m.SendAt
	default:
		o.NextAttemptAt = m.CreatedAt
	}
}

// TurnLocker is what BeginLocked needs of a store whose lock and reads
// are separate calls.
type TurnLocker interface {
	Lock(ctx context.Context, conversationID string) (unlock func(), err error)
	ReadTurn(ctx context.Context, q TurnQuery) (TurnData, error)
	FinishTurn(ctx context.Context, end TurnEnd) (owner string, stored []Event, err error)
}

// BeginLocked is Store.BeginTurn for a store that serializes turns inside
// its process: it takes the lock, then reads the turn, and the held turn
// commits with FinishTurn and releases the lock after it.
func BeginLocked(ctx context.Context, s TurnLocker, conversationID string, q TurnQuery) (HeldTurn, TurnData, error) {
	unlock, err := s.Lock(ctx, conversationID)
	if err != nil {
		return nil, TurnData{}, err
	}
	d, err := s.ReadTurn(ctx, q)
	if err == nil && d.Inbound.ConversationID != conversationID {
		err = fmt.Errorf("begin turn: message %s belongs to conversation %s, not %s", q.MessageID, d.Inbound.ConversationID, conversationID)
	}
	if err != nil {
		unlock()
		return nil, d, err
	}
	return &lockedTurn{s: s, unlock: unlock}, d, nil
}

type lockedTurn struct {
	s      TurnLocker
	once   sync.Once
	unlock func()
}

func (h *lockedTurn) Commit(ctx context.Context, end TurnEnd) (string, []Event, error) {
	defer h.Release()
	return h.s.FinishTurn(ctx, end)
}

func (h *lockedTurn) Release() { h.once.Do(h.unlock) }
