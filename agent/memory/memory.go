// Package memory is agent.Store in the process's memory: no file, no SQL,
// nothing kept after Close. It is for runs whose data is thrown away at
// the end, above all `parley eval run`, where every worker starts from an
// empty store and a case's turns cost a fraction of what they cost on an
// in-memory SQLite database. It passes the contract suite of
// agent/storetest, so the orchestrator sees the same behaviour as on
// agent/sqlite and agent/postgres: times kept in UTC to the microsecond,
// the same orders, the same errors, and a turn's writes all or nothing.
//
// # What must not happen here
//
// The store is never a production store: it has no durability and
// serializes turns inside one process only. It keeps every role of
// agent.Store, the console's and retention included, so that it is one
// like the others. It never shares a value with its callers: what goes in
// and what comes out are copies.
package memory

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/parley-collections/parley/agent"
)

var _ agent.Store = (*Store)(nil)

// Store is agent.Store in memory. It is safe for concurrent use: one
// mutex guards everything, which is what a store private to one worker
// wants.
type Store struct {
	mu     sync.Mutex
	row    int64 // insertion order, as SQLite's rowid
	closed bool

	accounts map[string]*accountRow
	phones   map[string]map[string]bool // phone -> account ids

	convs    map[string]*convRow
	messages map[string]*messageRow
	byChanID map[chanKey]*messageRow

	events   []agent.Event // in id order
	convEvts map[string][]int
	attempts map[string][]agent.ContactAttempt // by account, in id order
	consents map[string]map[agent.Channel]agent.Consent
	plans    map[string]*planRow
	disputes map[string]*disputeRow
	restrs   map[string]*restrictionRow
	outbox   []*agent.OutboxItem // in id order
	outByMsg map[string]bool

	users    map[string]agent.User
	sessions map[string]agent.Session
	logins   map[string]loginFailures
	tokens   map[string]time.Time // spent one-time tokens, until they expire

	access     []agent.Access // the access log, in id order
	lastAccess int64

	lastID int64 // events, contact attempts and outbox rows

	locks map[string]chan struct{}
}

type accountRow struct {
	a                agent.Account // CreatedAt and UpdatedAt are the row's
	created, updated time.Time
}

type convRow struct {
	c       agent.Conversation
	row     int64
	lastSeq int64
	msgs    []*messageRow // in seq order
}

type messageRow struct {
	m   agent.Message
	row int64
}

type chanKey struct {
	ch agent.Channel
	id string
}

type planRow struct {
	p       agent.Plan
	created time.Time
	row     int64
}

type disputeRow struct {
	d   agent.Dispute
	row int64
}

type restrictionRow struct {
	r   agent.Restriction
	row int64
}

// New returns an empty store.
func New() *Store {
	return &Store{
		accounts: map[string]*accountRow{}, phones: map[string]map[string]bool{},
		convs: map[string]*convRow{}, messages: map[string]*messageRow{}, byChanID: map[chanKey]*messageRow{},
		convEvts: map[string][]int{}, attempts: map[string][]agent.ContactAttempt{},
		consents: map[string]map[agent.Channel]agent.Consent{}, plans: map[string]*planRow{},
		disputes: map[string]*disputeRow{}, restrs: map[string]*restrictionRow{}, outByMsg: map[string]bool{},
		users: map[string]agent.User{}, sessions: map[string]agent.Session{}, locks: map[string]chan struct{}{},
		logins: map[string]loginFailures{}, tokens: map[string]time.Time{},
	}
}

var errClosed = errors.New("memory: store is closed")

// Ping reports whether the store is open.
func (s *Store) Ping(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	return ctx.Err()
}

// Flush does nothing: the store keeps nothing on disk.
func (s *Store) Flush(context.Context) error { return nil }

// Close drops what the store holds.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

func (s *Store) nextRow() int64 { s.row++; return s.row }
func (s *Store) nextID() int64  { s.lastID++; return s.lastID }

// at is a time as the SQL stores keep it: UTC, to the microsecond.
func at(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func notFound(format string, args ...any) error {
	return fmt.Errorf("memory: "+format+": %w", append(args, agent.ErrNotFound)...)
}

func ownerOrAI(o string) string {
	if o == "" {
		return agent.OwnerAI
	}
	return o
}

func limitOrAll(n, limit int) int {
	if limit <= 0 || limit > n {
		return n
	}
	return limit
}

// Lock serializes turns on a conversation inside this process.
func (s *Store) Lock(ctx context.Context, conversationID string) (func(), error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("memory: lock conversation: %w", err)
	}
	s.mu.Lock()
	held := s.locks[conversationID]
	if held == nil {
		held = make(chan struct{}, 1)
		s.locks[conversationID] = held
	}
	s.mu.Unlock()
	select {
	case held <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("memory: lock conversation: %w", ctx.Err())
	}
	var once sync.Once
	return func() { once.Do(func() { <-held }) }, nil
}

// Accounts.

// cloneAccount is a copy of a that shares nothing with it: the borrower's
// phone numbers are the account's only reference-typed field.
func cloneAccount(a agent.Account) agent.Account {
	a.Borrower.Phones = slices.Clone(a.Borrower.Phones)
	return a
}

func (r *accountRow) get() agent.Account {
	a := cloneAccount(r.a)
	a.CreatedAt, a.UpdatedAt = r.created, r.updated
	return a
}

// PutAccount inserts or replaces an account.
func (s *Store) PutAccount(_ context.Context, a agent.Account) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.ID == "" {
		return errors.New("memory: put account: account id is empty")
	}
	s.putAccount(a)
	return nil
}

// ImportAccounts inserts or replaces all accounts: all or nothing.
func (s *Store) ImportAccounts(_ context.Context, as []agent.Account) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, a := range as {
		if a.ID == "" {
			return fmt.Errorf("memory: import accounts: account %d: account id is empty", i+1)
		}
	}
	for _, a := range as {
		s.putAccount(a)
	}
	return nil
}

func (s *Store) putAccount(a agent.Account) {
	created, updated := agent.StoredTime(a.CreatedAt), agent.StoredTime(a.UpdatedAt)
	if !a.DueDate.IsZero() {
		a.DueDate = a.DueDate.UTC()
	}
	a.CreatedAt, a.UpdatedAt = time.Time{}, time.Time{}
	if old := s.accounts[a.ID]; old != nil {
		created = old.created
		for _, p := range old.a.Borrower.Phones {
			delete(s.phones[p], a.ID)
		}
	}
	s.accounts[a.ID] = &accountRow{a: cloneAccount(a), created: created, updated: updated}
	for _, p := range a.Borrower.Phones {
		if s.phones[p] == nil {
			s.phones[p] = map[string]bool{}
		}
		s.phones[p][a.ID] = true
	}
}

// Account returns one account, or ErrNotFound.
func (s *Store) Account(_ context.Context, id string) (agent.Account, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.accounts[id]
	if r == nil {
		return agent.Account{}, notFound("account %s", id)
	}
	return r.get(), nil
}

// AccountByPhone finds the account, the first by id, whose borrower has the phone.
func (s *Store) AccountByPhone(_ context.Context, phone string) (agent.Account, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accountByPhone(phone)
}

func (s *Store) accountByPhone(phone string) (agent.Account, error) {
	first := ""
	for id := range s.phones[phone] {
		if first == "" || id < first {
			first = id
		}
	}
	if first == "" {
		return agent.Account{}, notFound("account by phone")
	}
	return s.accounts[first].get(), nil
}

// Accounts lists accounts ordered by id, after the given id, at most limit.
func (s *Store) Accounts(_ context.Context, after string, limit int) ([]agent.Account, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for id := range s.accounts {
		if id > after {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	var out []agent.Account
	for _, id := range ids[:limitOrAll(len(ids), limit)] {
		out = append(out, s.accounts[id].get())
	}
	return out, nil
}

// SetAccountFlags replaces an account's flags.
func (s *Store) SetAccountFlags(_ context.Context, accountID string, f agent.AccountFlags) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.accounts[accountID]
	if r == nil {
		return notFound("set account flags %s", accountID)
	}
	r.a.Flags, r.updated = f, agent.StoredTime(time.Time{})
	return nil
}

// SetIdentity rewrites an account's identity digests alone.
func (s *Store) SetIdentity(_ context.Context, accountID string, f agent.IdentityFacts) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.accounts[accountID]
	if r == nil {
		return notFound("set identity %s", accountID)
	}
	r.a.Borrower.Identity, r.updated = f, agent.StoredTime(time.Time{})
	return nil
}

// Conversations.

func (r *convRow) get() agent.Conversation {
	c := r.c
	c.Memory = slices.Clone(c.Memory)
	return c
}

// CreateConversation stores a new conversation; it fills ID and times when empty.
func (s *Store) CreateConversation(_ context.Context, c *agent.Conversation) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.createConversation(c); err != nil {
		return fmt.Errorf("memory: create conversation: %w", err)
	}
	return nil
}

func (s *Store) createConversation(c *agent.Conversation) error {
	c.FillNew()
	if s.accounts[c.AccountID] == nil {
		return fmt.Errorf("account %s: %w", c.AccountID, agent.ErrNotFound)
	}
	if s.convs[c.ID] != nil {
		return fmt.Errorf("conversation %s: %w", c.ID, agent.ErrConflict)
	}
	stored := *c
	stored.Memory = none(c.Memory)
	stored.LastMessageAt = time.Time{}
	s.convs[c.ID] = &convRow{c: stored, row: s.nextRow()}
	return nil
}

// Conversation returns one conversation, or ErrNotFound.
func (s *Store) Conversation(_ context.Context, id string) (agent.Conversation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.convs[id]
	if r == nil {
		return agent.Conversation{}, notFound("conversation %s", id)
	}
	return r.get(), nil
}

// OpenConversation returns the newest conversation of an account on a
// channel that is not closed, or ErrNotFound.
func (s *Store) OpenConversation(_ context.Context, accountID string, ch agent.Channel) (agent.Conversation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.openConversation(accountID, ch)
}

func (s *Store) openConversation(accountID string, ch agent.Channel) (agent.Conversation, error) {
	var best *convRow
	for _, r := range s.convs {
		if r.c.AccountID != accountID || r.c.Channel != ch || r.c.State == agent.StateClosed {
			continue
		}
		if best == nil || r.c.CreatedAt.After(best.c.CreatedAt) || (r.c.CreatedAt.Equal(best.c.CreatedAt) && r.row > best.row) {
			best = r
		}
	}
	if best == nil {
		return agent.Conversation{}, notFound("open conversation")
	}
	return best.get(), nil
}

// UpdateConversation writes state, verified, locale, memory and address.
func (s *Store) UpdateConversation(_ context.Context, c agent.Conversation) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.updateConversation(c); err != nil {
		return fmt.Errorf("memory: update conversation: %w", err)
	}
	return nil
}

func (s *Store) updateConversation(c agent.Conversation) (owner string, err error) {
	r := s.convs[c.ID]
	if r == nil {
		return "", fmt.Errorf("conversation %s: %w", c.ID, agent.ErrNotFound)
	}
	r.c.State, r.c.Verified, r.c.Locale, r.c.Memory, r.c.Address = c.State, c.Verified, c.Locale, none(c.Memory), c.Address
	r.c.UpdatedAt = agent.StoredTime(time.Time{})
	return r.c.Owner, nil
}

// SetOwner changes the owner from `from` to `to` atomically.
func (s *Store) SetOwner(_ context.Context, conversationID, from, to string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.convs[conversationID]
	if r == nil {
		return notFound("set owner: conversation %s", conversationID)
	}
	from, to = ownerOrAI(from), ownerOrAI(to)
	if r.c.Owner != from {
		return fmt.Errorf("memory: set owner %s: owner is not %s: %w", conversationID, from, agent.ErrNotOwner)
	}
	r.c.Owner, r.c.UpdatedAt = to, agent.StoredTime(time.Time{})
	return nil
}

// Transfer changes a conversation's owner and stores the change's event together.
func (s *Store) Transfer(_ context.Context, t agent.OwnerTransfer) (agent.Conversation, agent.Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.convs[t.ConversationID]
	if r == nil {
		return agent.Conversation{}, agent.Event{}, notFound("transfer: conversation %s", t.ConversationID)
	}
	from, to := ownerOrAI(t.From), ownerOrAI(t.To)
	if r.c.Owner != from {
		return r.get(), agent.Event{}, fmt.Errorf("memory: transfer: %s: owner is not %s: %w", t.ConversationID, from, agent.ErrNotOwner)
	}
	r.c.Owner, r.c.UpdatedAt = to, agent.StoredTime(time.Time{})
	if t.Reopen && r.c.State == agent.StateHandoff {
		r.c.State = agent.StateOpen
		if r.c.Verified {
			r.c.State = agent.StateVerified
		}
	}
	e := t.Event
	e.ConversationID, e.AccountID = r.c.ID, r.c.AccountID
	s.addEvent(&e)
	return r.get(), e, nil
}

// Conversations lists conversations, newest activity first.
func (s *Store) Conversations(_ context.Context, f agent.ConversationFilter) ([]agent.ConversationSummary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rows []*convRow
	for _, r := range s.convs {
		c := r.c
		if (f.State != "" && c.State != f.State) || (f.Channel != "" && c.Channel != f.Channel) ||
			(f.AccountID != "" && c.AccountID != f.AccountID) || (f.Owner != "" && c.Owner != f.Owner) {
			continue
		}
		rows = append(rows, r)
	}
	activity := func(r *convRow) time.Time {
		if r.c.LastMessageAt.IsZero() {
			return r.c.CreatedAt
		}
		return r.c.LastMessageAt
	}
	slices.SortFunc(rows, func(a, b *convRow) int {
		if c := activity(b).Compare(activity(a)); c != 0 {
			return c
		}
		return cmp.Compare(b.row, a.row)
	})
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	var out []agent.ConversationSummary
	for _, r := range rows[:limitOrAll(len(rows), limit)] {
		sum := agent.ConversationSummary{Conversation: r.get(), HandoffPending: r.c.State == agent.StateHandoff}
		if a := s.accounts[r.c.AccountID]; a != nil {
			sum.BorrowerName = a.a.Borrower.Name
		}
		if n := len(r.msgs); n > 0 {
			sum.LastMessage = r.msgs[n-1].m.Text
		}
		for _, m := range r.msgs {
			if m.m.Status == agent.StatusBlocked {
				sum.BlockedDrafts++
			}
		}
		out = append(out, sum)
	}
	return out, nil
}

// FindSender finds the account of a phone, its open conversation on the
// channel and an earlier delivery of the message.
func (s *Store) FindSender(_ context.Context, q agent.SenderLookup) (agent.FoundSender, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out agent.FoundSender
	var err error
	if out.Account, err = s.accountByPhone(q.Phone); err != nil {
		return out, err
	}
	if c, err := s.openConversation(out.Account.ID, q.Channel); err == nil {
		out.Conversation, out.Open = c, true
	}
	if q.ChannelMessageID != "" {
		if m := s.byChanID[chanKey{q.Channel, q.ChannelMessageID}]; m != nil {
			d := m.get(true)
			out.Delivered = &d
		}
	}
	return out, nil
}
