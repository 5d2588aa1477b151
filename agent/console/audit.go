package console

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// access is the record of the caller doing action on a conversation
// (none when convID is empty) through the route r matched.
func (h *Handler) access(r *http.Request, action agent.AccessAction, convID, accountID string) agent.Access {
	c := callerOf(r)
	return agent.Access{At: h.cfg.Clock.Now(), Actor: c.user.Name, Role: c.user.Role, Action: action, Via: r.Pattern,
		ConversationID: convID, AccountID: accountID}
}

// record stores access records before what they record is shown: a read
// that cannot be recorded is not served.
func (h *Handler) record(r *http.Request, recs ...agent.Access) ([]agent.Access, error) {
	stored, err := h.cfg.Store.RecordAccess(r.Context(), recs)
	if err != nil {
		return nil, fmt.Errorf("record access: %w", err)
	}
	return stored, nil
}

// recordListed records a list read of every conversation whose last
// message a list shows the caller, once per conversation and last
// message: the console refreshes its lists on every live notice, and a
// preview the caller was shown and recorded before is no new read. The
// memory of what was recorded is this process's; another replica records
// the same preview once more.
func (h *Handler) recordListed(r *http.Request, lists ...[]agent.ConversationSummary) error {
	actor := callerOf(r).user.Name
	inRequest := map[string]bool{}
	var recs []agent.Access
	var keys []listedKey
	for _, list := range lists {
		for _, c := range list {
			if c.LastMessage == "" || inRequest[c.ID] {
				continue
			}
			inRequest[c.ID] = true
			k := listedKey{actor: actor, conv: c.ID, last: c.LastMessageAt.UnixMicro()}
			if h.listed.has(k) {
				continue
			}
			keys = append(keys, k)
			recs = append(recs, h.access(r, agent.AccessList, c.ID, c.AccountID))
		}
	}
	if len(recs) == 0 {
		return nil
	}
	if _, err := h.record(r, recs...); err != nil {
		return err
	}
	h.listed.add(keys)
	return nil
}

// listedKey is a conversation's last message as a list showed it to a user.
type listedKey struct {
	actor, conv string
	last        int64 // the last message's time, Unix microseconds
}

// maxListed bounds the memory of recorded list reads; past it the memory
// starts again (and records each preview once more).
const maxListed = 100_000

// listedSet is the list reads recorded by this process.
type listedSet struct {
	mu   sync.Mutex
	seen map[listedKey]bool
}

func (l *listedSet) has(k listedKey) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.seen[k]
}

func (l *listedSet) add(keys []listedKey) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen == nil || len(l.seen)+len(keys) > maxListed {
		l.seen = make(map[listedKey]bool, len(keys))
	}
	for _, k := range keys {
		l.seen[k] = true
	}
}

// queued is the conversations of the waiting queue.
func queued(items []QueueItem) []agent.ConversationSummary {
	out := make([]agent.ConversationSummary, len(items))
	for i, it := range items {
		out[i] = it.ConversationSummary
	}
	return out
}

// auditBatch is how many rows an audit export reads at a time.
const auditBatch = 500

// AuditEventLine and AuditAccessLine are the lines of an audit export: a
// conversation event, or a record of a read (agent.Access).
type (
	AuditEventLine struct {
		Type string `json:"type"` // "event"
		agent.Event
	}
	AuditAccessLine struct {
		Type string `json:"type"` // "access"
		agent.Access
	}
)

// auditQuery reads ?since=&until= (RFC 3339) and ?conversation= from r.
func auditQuery(r *http.Request) (agent.AuditQuery, error) {
	v := r.URL.Query()
	return AuditQuery(v.Get("conversation"), v.Get("since"), v.Get("until"))
}

// AuditQuery is the audit query of a conversation id (empty: all) and
// since and until times in RFC 3339 (empty: unbounded); a malformed time
// is a KindInvalid error.
func AuditQuery(conversationID, since, until string) (agent.AuditQuery, error) {
	q := agent.AuditQuery{ConversationID: conversationID}
	for name, p := range map[string]struct {
		v string
		t *time.Time
	}{"since": {since, &q.Since}, "until": {until, &q.Until}} {
		if p.v == "" {
			continue
		}
		at, err := time.Parse(time.RFC3339, p.v)
		if err != nil {
			return q, agent.E("", agent.KindInvalid, name+" must be an RFC 3339 time, e.g. 2026-11-01T00:00:00Z", err)
		}
		*p.t = at
	}
	return q, nil
}

// exportAudit answers an admin with the audit trail (WriteAudit) of every
// conversation or of ?conversation=, within ?since= and ?until=. The
// export is recorded before it starts, so it is part of itself.
func (h *Handler) exportAudit(w http.ResponseWriter, r *http.Request) {
	q, err := auditQuery(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.record(r, h.access(r, agent.AccessAuditExport, q.ConversationID, "")); err != nil {
		h.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="parley-audit-`+h.cfg.Clock.Now().UTC().Format("20060102T150405Z")+`.jsonl"`)
	if err := WriteAudit(r.Context(), w, h.cfg.Store, q); err != nil {
		// The body is cut short: the client has a truncated file, not a
		// whole one that lies.
		h.log.Error("console: audit export", "err", err)
	}
}

// WriteAudit writes the audit trail q selects to w as JSON Lines: the
// events of every conversation (AuditEventLine), then the access log
// (AuditAccessLine), each in the order stored, read auditBatch rows at a
// time whatever q.Limit says. Text in event data passes the secret
// masking again: a note typed before notes were masked comes out masked
// too. The caller records the export first.
func WriteAudit(ctx context.Context, w io.Writer, au agent.Auditor, q agent.AuditQuery) error {
	enc := json.NewEncoder(w)
	q.Limit = auditBatch
	for q.After = 0; ; {
		evs, err := au.AuditEvents(ctx, q)
		if err != nil {
			return fmt.Errorf("audit export: %w", err)
		}
		for _, e := range evs {
			for k, v := range e.Data {
				e.Data[k], _ = policies.RedactSecrets(v)
			}
			if err := enc.Encode(AuditEventLine{Type: "event", Event: e}); err != nil {
				return fmt.Errorf("audit export: %w", err)
			}
		}
		if len(evs) < q.Limit {
			break
		}
		q.After = evs[len(evs)-1].ID
	}
	for q.After = 0; ; {
		recs, err := au.AccessLog(ctx, q)
		if err != nil {
			return fmt.Errorf("audit export: %w", err)
		}
		for _, a := range recs {
			if err := enc.Encode(AuditAccessLine{Type: "access", Access: a}); err != nil {
				return fmt.Errorf("audit export: %w", err)
			}
		}
		if len(recs) < q.Limit {
			return nil
		}
		q.After = recs[len(recs)-1].ID
	}
}
