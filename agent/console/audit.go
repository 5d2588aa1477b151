package console

import (
	"encoding/json"
	"fmt"
	"net/http"
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
	stored, err := h.auditor.RecordAccess(r.Context(), recs)
	if err != nil {
		return nil, fmt.Errorf("record access: %w", err)
	}
	return stored, nil
}

// recordListed records a list read of every conversation whose last
// message a list shows the caller, once per conversation.
func (h *Handler) recordListed(r *http.Request, lists ...[]agent.ConversationSummary) error {
	seen := map[string]bool{}
	var recs []agent.Access
	for _, list := range lists {
		for _, c := range list {
			if c.LastMessage == "" || seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			recs = append(recs, h.access(r, agent.AccessList, c.ID, c.AccountID))
		}
	}
	_, err := h.record(r, recs...)
	return err
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
	q := agent.AuditQuery{ConversationID: r.URL.Query().Get("conversation"), Limit: auditBatch}
	for name, t := range map[string]*time.Time{"since": &q.Since, "until": &q.Until} {
		v := r.URL.Query().Get(name)
		if v == "" {
			continue
		}
		at, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return q, agent.E("", agent.KindInvalid, name+" must be an RFC 3339 time, e.g. 2026-11-01T00:00:00Z", err)
		}
		*t = at
	}
	return q, nil
}

// exportAudit answers an admin with the audit trail as JSON Lines: the
// events of every conversation (or of ?conversation=), then the access
// log, each in the order stored, within ?since= and ?until=. The export
// is recorded before it starts, so it is part of itself. Text in event
// data passes the secret masking again: a note typed before notes were
// masked comes out masked too.
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
	ctx := r.Context()
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="parley-audit-`+h.cfg.Clock.Now().UTC().Format("20060102T150405Z")+`.jsonl"`)
	enc := json.NewEncoder(w)
	for q.After = 0; ; {
		evs, err := h.auditor.AuditEvents(ctx, q)
		if err != nil {
			h.log.Error("console: audit export", "err", err)
			return // the body is cut short: the client sees a truncated file, not a whole one
		}
		for _, e := range evs {
			for k, v := range e.Data {
				e.Data[k], _ = policies.RedactSecrets(v)
			}
			if enc.Encode(AuditEventLine{Type: "event", Event: e}) != nil {
				return
			}
		}
		if len(evs) < q.Limit {
			break
		}
		q.After = evs[len(evs)-1].ID
	}
	for q.After = 0; ; {
		recs, err := h.auditor.AccessLog(ctx, q)
		if err != nil {
			h.log.Error("console: audit export", "err", err)
			return
		}
		for _, a := range recs {
			if enc.Encode(AuditAccessLine{Type: "access", Access: a}) != nil {
				return
			}
		}
		if len(recs) < q.Limit {
			break
		}
		q.After = recs[len(recs)-1].ID
	}
}
