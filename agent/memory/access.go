package memory

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/parley-collections/parley/agent"
)

// The console's roles (agent.ConsoleStore) and retention (agent.Retainer),
// as the other stores keep them, so that a memory store is an agent.Store
// like they are.

// RecordAccess stores access records, filling each ID, and At when zero.
func (s *Store) RecordAccess(_ context.Context, recs []agent.Access) ([]agent.Access, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]agent.Access, len(recs))
	for i, a := range recs {
		a.ID, a.At = s.nextAccessID(), agent.StoredTime(a.At)
		s.access = append(s.access, a)
		out[i] = a
	}
	return out, nil
}

func (s *Store) nextAccessID() int64 { s.lastAccess++; return s.lastAccess }

// audited is the rows in q, in id order, at most q.Limit of them (0 =
// all); key gives a row's id, conversation and time.
func audited[T any](q agent.AuditQuery, rows []T, key func(T) (int64, string, time.Time)) []T {
	var out []T
	for _, r := range rows {
		if q.Limit > 0 && len(out) == q.Limit {
			break
		}
		id, conv, at := key(r)
		if id > q.After && (q.ConversationID == "" || conv == q.ConversationID) &&
			(q.Since.IsZero() || at.UnixMicro() >= q.Since.UnixMicro()) &&
			(q.Until.IsZero() || at.UnixMicro() < q.Until.UnixMicro()) {
			out = append(out, r)
		}
	}
	return out
}

// AccessLog lists access records in id order.
func (s *Store) AccessLog(_ context.Context, q agent.AuditQuery) ([]agent.Access, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return audited(q, s.access, func(a agent.Access) (int64, string, time.Time) { return a.ID, a.ConversationID, a.At }), nil
}

// AuditEvents lists every conversation's events in id order.
func (s *Store) AuditEvents(_ context.Context, q agent.AuditQuery) ([]agent.Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := audited(q, s.events, func(e agent.Event) (int64, string, time.Time) { return e.ID, e.ConversationID, e.At })
	for i := range out {
		out[i].Data = eventData(out[i].Data)
	}
	return out, nil
}

type loginFailures struct {
	n    int
	last time.Time
}

// RecordLoginFailure counts a failed login of key; a count whose last
// failure is before since starts again.
func (s *Store) RecordLoginFailure(_ context.Context, key string, at, since time.Time) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.recordLoginFailure(key, at, since), nil
}

// changeLogin applies one of a turn's login changes; s.mu is held.
func (s *Store) changeLogin(c agent.LoginChange) {
	if !c.Failed {
		delete(s.logins, c.Key)
		return
	}
	s.recordLoginFailure(c.Key, c.At, c.Since)
}

// recordLoginFailure counts a failure; s.mu is held.
func (s *Store) recordLoginFailure(key string, at, since time.Time) int {
	f := s.logins[key]
	if f.last.UnixMicro() < since.UnixMicro() {
		f.n = 0
	}
	f.n++
	f.last = agent.StoredTime(at)
	s.logins[key] = f
	return f.n
}

// LoginFailures returns key's failures since since and the last one.
func (s *Store) LoginFailures(_ context.Context, key string, since time.Time) (int, time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.logins[key]
	if !ok || f.last.UnixMicro() < since.UnixMicro() {
		return 0, time.Time{}, nil
	}
	return f.n, f.last, nil
}

// ClearLoginFailures forgets key's failures.
func (s *Store) ClearLoginFailures(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.logins, key)
	return nil
}

// SetPassword changes a user's password hash and ends their sessions.
func (s *Store) SetPassword(_ context.Context, name, passwordHash string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, u := range s.users {
		if u.Name != name {
			continue
		}
		u.PasswordHash = passwordHash
		s.users[id] = u
		for k, se := range s.sessions {
			if se.UserID == id {
				delete(s.sessions, k)
			}
		}
		return nil
	}
	return notFound("set password %q", name)
}

// SpendToken records a one-time token and reports its first use; tokens
// expired at now are forgotten.
func (s *Store) SpendToken(_ context.Context, token string, expires, now time.Time) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for t, exp := range s.tokens {
		if exp.UnixMicro() < now.UnixMicro() {
			delete(s.tokens, t)
		}
	}
	if _, ok := s.tokens[token]; ok {
		return false, nil
	}
	s.tokens[token] = expires
	return true, nil
}

// PurgeClosed deletes the conversations the AI owns whose last activity
// is before before, the longest idle first, at most limit of them (0 =
// all), with their messages, events, outbox rows and the contact attempts
// made for their messages.
func (s *Store) PurgeClosed(_ context.Context, before time.Time, limit int) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	idle := func(r *convRow) time.Time {
		if !r.c.LastMessageAt.IsZero() {
			return r.c.LastMessageAt
		}
		return r.c.CreatedAt
	}
	var gone []*convRow
	for _, r := range s.convs {
		if r.c.OwnedByAI() && idle(r).UnixMicro() < before.UnixMicro() {
			gone = append(gone, r)
		}
	}
	slices.SortFunc(gone, func(a, b *convRow) int {
		return cmp.Or(idle(a).Compare(idle(b)), cmp.Compare(a.row, b.row))
	})
	if limit > 0 && len(gone) > limit {
		gone = gone[:limit]
	}
	if len(gone) == 0 {
		return 0, nil
	}
	convs, msgs := map[string]bool{}, map[string]bool{}
	for _, r := range gone {
		convs[r.c.ID] = true
		for _, m := range r.msgs {
			msgs[m.m.ID] = true
			delete(s.messages, m.m.ID)
			delete(s.outByMsg, m.m.ID)
			if m.m.ChannelMessageID != "" {
				delete(s.byChanID, chanKey{m.m.Channel, m.m.ChannelMessageID})
			}
		}
		delete(s.convs, r.c.ID)
	}
	for acct, as := range s.attempts {
		s.attempts[acct] = slices.DeleteFunc(as, func(c agent.ContactAttempt) bool { return msgs[c.MessageID] })
	}
	s.outbox = slices.DeleteFunc(s.outbox, func(it *agent.OutboxItem) bool { return convs[it.ConversationID] })
	s.events = slices.DeleteFunc(s.events, func(e agent.Event) bool { return convs[e.ConversationID] })
	clear(s.convEvts)
	for i, e := range s.events {
		s.convEvts[e.ConversationID] = append(s.convEvts[e.ConversationID], i)
	}
	return len(gone), nil
}
