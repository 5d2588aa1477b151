package memory

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/parley-collections/parley/agent"
)

// Contact attempts.

// AddContactAttempt records an attempt to reach a borrower.
func (s *Store) AddContactAttempt(_ context.Context, c agent.ContactAttempt) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addContactAttempt(c)
	return nil
}

func (s *Store) addContactAttempt(c agent.ContactAttempt) {
	c.ID, c.At = s.nextID(), agent.StoredTime(c.At)
	s.attempts[c.AccountID] = append(s.attempts[c.AccountID], c)
}

// sortedAttempts are an account's attempts by time, then id.
func (s *Store) sortedAttempts(accountID string) []agent.ContactAttempt {
	as := s.attempts[accountID]
	if !slices.IsSortedFunc(as, compareAttempts) {
		slices.SortStableFunc(as, compareAttempts)
	}
	return as
}

func compareAttempts(a, b agent.ContactAttempt) int {
	if c := a.At.Compare(b.At); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// ContactAttempts lists an account's attempts at or after since, in order.
func (s *Store) ContactAttempts(_ context.Context, accountID string, since time.Time) ([]agent.ContactAttempt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []agent.ContactAttempt
	for _, c := range s.sortedAttempts(accountID) {
		if c.At.UnixMicro() >= since.UnixMicro() {
			out = append(out, c)
		}
	}
	return out, nil
}

// Consents.

// SetConsent records a borrower's consent state on a channel.
func (s *Store) SetConsent(_ context.Context, c agent.Consent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setConsent(c)
	return nil
}

func (s *Store) setConsent(c agent.Consent) {
	c.UpdatedAt = agent.StoredTime(c.UpdatedAt)
	if s.consents[c.AccountID] == nil {
		s.consents[c.AccountID] = map[agent.Channel]agent.Consent{}
	}
	s.consents[c.AccountID][c.Channel] = c
}

// Consents lists an account's consents, by channel.
func (s *Store) Consents(_ context.Context, accountID string) ([]agent.Consent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.consentsOf(accountID), nil
}

func (s *Store) consentsOf(accountID string) []agent.Consent {
	var out []agent.Consent
	for _, c := range s.consents[accountID] {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b agent.Consent) int { return cmp.Compare(a.Channel, b.Channel) })
	return out
}

// oldestFirst lists an account's rows by creation time, then the order
// they were stored in, as the SQL stores order them.
func oldestFirst[R any](rows map[string]*R, accountID string, of func(*R) (account string, created time.Time, row int64)) []*R {
	var out []*R
	for _, r := range rows {
		if a, _, _ := of(r); a == accountID {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b *R) int {
		_, ta, ra := of(a)
		_, tb, rb := of(b)
		if c := ta.Compare(tb); c != 0 {
			return c
		}
		return cmp.Compare(ra, rb)
	})
	return out
}

// Plans.

// PutPlan inserts or replaces a plan.
func (s *Store) PutPlan(_ context.Context, p agent.Plan) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.ID == "" {
		p.ID = agent.NewID("p_")
	}
	s.putPlan(p)
	return nil
}

// putPlan stores p; a plan stored before keeps its creation time and place.
func (s *Store) putPlan(p agent.Plan) {
	p.CreatedAt = agent.StoredTime(p.CreatedAt)
	if p.Installments != nil {
		p.Installments = slices.Clone(p.Installments)
		for i := range p.Installments {
			p.Installments[i].Due = p.Installments[i].Due.UTC()
		}
	}
	if old := s.plans[p.ID]; old != nil {
		old.p = p
		return
	}
	s.plans[p.ID] = &planRow{p: p, created: p.CreatedAt, row: s.nextRow()}
}

// Plans lists an account's plans, oldest first.
func (s *Store) Plans(_ context.Context, accountID string) ([]agent.Plan, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []agent.Plan
	for _, r := range oldestFirst(s.plans, accountID, func(r *planRow) (string, time.Time, int64) {
		return r.p.AccountID, r.created, r.row
	}) {
		p := r.p
		p.Installments = slices.Clone(p.Installments)
		p.CreatedAt = r.created
		out = append(out, p)
	}
	return out, nil
}

// Disputes.

// AddDispute records a dispute; one with a known ID is updated.
func (s *Store) AddDispute(_ context.Context, d agent.Dispute) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.ID == "" {
		d.ID = agent.NewID("d_")
	}
	s.addDispute(d)
	return nil
}

func (s *Store) addDispute(d agent.Dispute) {
	if old := s.disputes[d.ID]; old != nil {
		old.d.Reason, old.d.Open = d.Reason, d.Open
		return
	}
	d.CreatedAt = agent.StoredTime(d.CreatedAt)
	s.disputes[d.ID] = &disputeRow{d: d, row: s.nextRow()}
}

// Disputes lists an account's disputes, oldest first.
func (s *Store) Disputes(_ context.Context, accountID string) ([]agent.Dispute, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []agent.Dispute
	for _, r := range oldestFirst(s.disputes, accountID, func(r *disputeRow) (string, time.Time, int64) {
		return r.d.AccountID, r.d.CreatedAt, r.row
	}) {
		out = append(out, r.d)
	}
	return out, nil
}

// Contact restrictions.

// AddRestriction records a contact restriction; one with a known ID is replaced.
func (s *Store) AddRestriction(_ context.Context, r agent.Restriction) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.ID == "" {
		r.ID = agent.NewID("r_")
	}
	s.addRestriction(r)
	return nil
}

// none copies a list as the SQL stores' JSON columns give it back: an
// empty list is none.
func none[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

func (s *Store) addRestriction(r agent.Restriction) {
	cr := r.ContactRestriction
	cr.Channels, cr.Days = none(cr.Channels), none(cr.Days)
	if old := s.restrs[r.ID]; old != nil {
		old.r.ContactRestriction, old.r.Text = cr, r.Text
		return
	}
	r.ContactRestriction, r.CreatedAt = cr, agent.StoredTime(r.CreatedAt)
	s.restrs[r.ID] = &restrictionRow{r: r, row: s.nextRow()}
}

// Restrictions lists an account's contact restrictions, oldest first.
func (s *Store) Restrictions(_ context.Context, accountID string) ([]agent.Restriction, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.restrictionsOf(accountID), nil
}

func (s *Store) restrictionsOf(accountID string) []agent.Restriction {
	var out []agent.Restriction
	for _, r := range oldestFirst(s.restrs, accountID, func(r *restrictionRow) (string, time.Time, int64) {
		return r.r.AccountID, r.r.CreatedAt, r.row
	}) {
		x := r.r
		x.Channels = slices.Clone(x.Channels)
		x.Days = slices.Clone(x.Days)
		out = append(out, x)
	}
	return out
}

// Outbox.

func (s *Store) insertOutbox(m agent.Message, item *agent.OutboxItem) {
	item.Enqueue(m)
	item.ID = s.nextID()
	item.AccountID = s.convs[m.ConversationID].c.AccountID
	stored := *item
	s.outbox = append(s.outbox, &stored)
	s.outByMsg[m.ID] = true
}

// ClaimOutbox leases up to limit due rows to worker until now+lease.
func (s *Store) ClaimOutbox(_ context.Context, worker string, now time.Time, lease time.Duration, limit int) ([]agent.OutboxItem, error) {
	if limit <= 0 {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := at(now)
	var due []*agent.OutboxItem
	for _, o := range s.outbox {
		if (o.Status == agent.OutboxPending && !o.NextAttemptAt.After(n)) ||
			(o.Status == agent.OutboxSending && !o.LeaseUntil.After(n)) {
			due = append(due, o)
		}
	}
	slices.SortStableFunc(due, func(a, b *agent.OutboxItem) int {
		if c := a.NextAttemptAt.Compare(b.NextAttemptAt); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	var out []agent.OutboxItem
	for _, o := range due[:limitOrAll(len(due), limit)] {
		o.Status, o.ClaimedBy, o.LeaseUntil = agent.OutboxSending, worker, at(now.Add(lease))
		o.Attempts++
		o.UpdatedAt = n
		out = append(out, *o)
	}
	return out, nil
}

func (s *Store) claimed(op string, id int64, worker string) (*agent.OutboxItem, error) {
	for _, o := range s.outbox {
		if o.ID != id {
			continue
		}
		if o.Status != agent.OutboxSending || o.ClaimedBy != worker {
			return nil, fmt.Errorf("memory: %s %d: not held by %s: %w", op, id, worker, agent.ErrConflict)
		}
		return o, nil
	}
	return nil, notFound("%s %d", op, id)
}

func (s *Store) release(o *agent.OutboxItem) {
	o.ClaimedBy, o.LeaseUntil, o.UpdatedAt = "", time.Time{}, agent.StoredTime(time.Time{})
}

// CompleteOutbox marks a claimed row sent and its message sent.
func (s *Store) CompleteOutbox(_ context.Context, id int64, worker, providerID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, err := s.claimed("complete outbox", id, worker)
	if err != nil {
		return err
	}
	o.Status, o.ProviderID = agent.OutboxSent, providerID
	s.release(o)
	if _, err := s.setMessageStatus(o.MessageID, agent.StatusSent, providerID); err != nil {
		return fmt.Errorf("memory: complete outbox: %w", err)
	}
	return nil
}

// RetryOutbox returns a claimed row to pending for another attempt at next.
func (s *Store) RetryOutbox(_ context.Context, id int64, worker string, next time.Time, lastErr string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, err := s.claimed("retry outbox", id, worker)
	if err != nil {
		return err
	}
	o.Status, o.NextAttemptAt, o.LastError = agent.OutboxPending, at(next), lastErr
	s.release(o)
	return nil
}

// FailOutbox dead-letters a claimed row and marks its message failed.
func (s *Store) FailOutbox(_ context.Context, id int64, worker, lastErr string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, err := s.claimed("fail outbox", id, worker)
	if err != nil {
		return err
	}
	o.Status, o.LastError = agent.OutboxDead, lastErr
	s.release(o)
	if _, err := s.setMessageStatus(o.MessageID, agent.StatusFailed, ""); err != nil {
		return fmt.Errorf("memory: fail outbox: %w", err)
	}
	return nil
}

// Outbox lists rows in a status, oldest first, at most limit.
func (s *Store) Outbox(_ context.Context, st agent.OutboxStatus, limit int) ([]agent.OutboxItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []agent.OutboxItem
	for _, o := range s.outbox {
		if o.Status == st && (limit <= 0 || len(out) < limit) {
			out = append(out, *o)
		}
	}
	return out, nil
}

// Console users and sessions.

// AddUser stores a console user; a taken name is ErrConflict.
func (s *Store) AddUser(_ context.Context, u agent.User) (agent.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.ID == "" {
		u.ID = agent.NewID("u_")
	}
	u.CreatedAt = agent.StoredTime(u.CreatedAt)
	for _, o := range s.users {
		if o.Name == u.Name || o.ID == u.ID {
			return u, fmt.Errorf("memory: add user %q: %w", u.Name, agent.ErrConflict)
		}
	}
	s.users[u.ID] = u
	return u, nil
}

// UserByName returns a user, or ErrNotFound.
func (s *Store) UserByName(_ context.Context, name string) (agent.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.users {
		if u.Name == name {
			return u, nil
		}
	}
	return agent.User{}, notFound("user by name")
}

// User returns a user by id, or ErrNotFound.
func (s *Store) User(_ context.Context, id string) (agent.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[id]
	if !ok {
		return u, notFound("user")
	}
	return u, nil
}

// CreateSession stores a console session.
func (s *Store) CreateSession(_ context.Context, se agent.Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.users[se.UserID]; !ok {
		return notFound("create session: user %s", se.UserID)
	}
	if _, ok := s.sessions[se.TokenHash]; ok {
		return fmt.Errorf("memory: create session: %w", agent.ErrConflict)
	}
	se.ExpiresAt, se.CreatedAt = at(se.ExpiresAt), agent.StoredTime(se.CreatedAt)
	s.sessions[se.TokenHash] = se
	return nil
}

// Session returns a session that has not expired at now, or ErrNotFound.
func (s *Store) Session(_ context.Context, tokenHash string, now time.Time) (agent.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	se, ok := s.sessions[tokenHash]
	if !ok || se.ExpiresAt.UnixMicro() <= now.UnixMicro() {
		return agent.Session{}, notFound("session")
	}
	return se, nil
}

// DeleteSession ends a session.
func (s *Store) DeleteSession(_ context.Context, tokenHash string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, tokenHash)
	return nil
}
