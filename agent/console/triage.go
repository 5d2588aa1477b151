package console

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// QueueItem is a conversation waiting for a person, with why and how
// urgently, and who is to handle it.
type QueueItem struct {
	agent.ConversationSummary
	// Urgent marks a borrower who may be at risk or whose account a
	// person must handle at once: crisis, death, vulnerability.
	Urgent bool `json:"urgent"`
	// Reason says why the conversation waits, in words.
	Reason string `json:"reason"`
	// Rank orders the queue: lower first, then the longest wait.
	Rank int `json:"rank"`
	// WaitingSince is when a person was asked for (or the last message).
	WaitingSince time.Time `json:"waiting_since"`
	// Assignee is the console user the conversation was given to, if any.
	Assignee string `json:"assignee,omitempty"`
}

// Queue views.
const (
	ViewAll        = "all"
	ViewMine       = "mine"
	ViewUnassigned = "unassigned"
)

// reasons words the handoff reasons the flows record, with their rank.
var reasons = map[string]struct {
	rank int
	text string
}{
	"crisis":         {0, "crisis: the borrower may be at risk"},
	"deceased":       {1, "reported deceased"},
	"vulnerability":  {2, "vulnerable borrower"},
	"request":        {5, "asked for a person"},
	"identity":       {5, "identity not confirmed"},
	"negotiation":    {5, "terms need a person"},
	"not_understood": {5, "the assistant could not help"},
}

// triage turns waiting conversations into queue items: urgent ones first
// (crisis, death, vulnerability, then complaints and disputes), then by how
// long the borrower has waited, longest first; view narrows it to the
// caller's own or to the unassigned.
func (h *Handler) triage(ctx context.Context, list []agent.ConversationSummary, view, user string) ([]QueueItem, error) {
	out := make([]QueueItem, 0, len(list))
	for _, c := range list {
		it, err := h.queueItem(ctx, c)
		if err != nil {
			return nil, err
		}
		if view == ViewMine && it.Assignee != user || view == ViewUnassigned && it.Assignee != "" {
			continue
		}
		out = append(out, it)
	}
	slices.SortStableFunc(out, func(a, b QueueItem) int {
		if c := cmp.Compare(a.Rank, b.Rank); c != 0 {
			return c
		}
		return a.WaitingSince.Compare(b.WaitingSince)
	})
	return out, nil
}

func (h *Handler) queueItem(ctx context.Context, c agent.ConversationSummary) (QueueItem, error) {
	it := QueueItem{ConversationSummary: c, Rank: 6, Reason: "waiting for a person", WaitingSince: c.LastMessageAt}
	evs, err := h.cfg.Store.Events(ctx, c.ID)
	if err != nil {
		return it, fmt.Errorf("triage: events: %w", err)
	}
	var code string
	urgent, complaint := false, false
	for _, e := range evs {
		switch e.Kind {
		case agent.EventHandoffRequested:
			code, urgent, it.WaitingSince = e.Data["reason"], e.Data["urgent"] == "true", e.At
		case agent.EventCrisisDetected:
			code, urgent = "crisis", true
		case agent.EventDisputeRecorded:
			complaint = true
		case agent.EventAssigned:
			it.Assignee = e.Data["assignee"]
		}
	}
	if r, ok := reasons[code]; ok {
		it.Rank, it.Reason = r.rank, r.text
	} else if code != "" {
		it.Reason = code
	}
	if a, err := h.cfg.Store.Account(ctx, c.AccountID); err == nil {
		switch {
		case a.Flags.Deceased && it.Rank > 1:
			it.Rank, it.Reason, urgent = 1, reasons["deceased"].text, true
		case a.Flags.Vulnerable && it.Rank > 2:
			it.Rank, it.Reason, urgent = 2, reasons["vulnerability"].text, true
		}
		complaint = complaint || a.Flags.Disputed
	} else if !errors.Is(err, agent.ErrNotFound) {
		return it, fmt.Errorf("triage: account: %w", err)
	}
	if urgent && it.Rank > 3 {
		it.Rank = 3 // urgent for a reason without a rank of its own
	}
	if complaint && it.Rank > 4 {
		it.Rank, it.Reason = 4, "complaint or dispute: "+it.Reason
	}
	it.Urgent = urgent
	return it, nil
}

type assignRequest struct {
	To string `json:"to"`
}

// claim gives the conversation to the caller: 409 when another user has it.
func (h *Handler) claim(w http.ResponseWriter, r *http.Request) {
	h.assignTo(w, r, callerOf(r).user.Name, true)
}

// assign gives the conversation to the named user ("" leaves it unassigned).
func (h *Handler) assign(w http.ResponseWriter, r *http.Request) {
	var req assignRequest
	if !decode(w, r, &req) {
		return
	}
	to := strings.TrimSpace(req.To)
	if to != "" {
		u, err := h.cfg.Store.UserByName(r.Context(), to)
		if errors.Is(err, agent.ErrNotFound) || err == nil && u.Role != agent.RoleSupervisor && u.Role != agent.RoleAdmin {
			writeError(w, http.StatusBadRequest, "no supervisor is called "+to)
			return
		}
		if err != nil {
			h.internal(w, r, err)
			return
		}
	}
	h.assignTo(w, r, to, false)
}

// AssignResponse is the answer to a claim or an assignment.
type AssignResponse struct {
	ConversationID string `json:"conversation_id"`
	Assignee       string `json:"assignee"`
}

func (h *Handler) assignTo(w http.ResponseWriter, r *http.Request, to string, onlyFree bool) {
	ctx, id, user := r.Context(), r.PathValue("id"), callerOf(r).user.Name
	st := h.cfg.Store
	unlock, ok := h.lock(w, r, id)
	if !ok {
		return
	}
	defer unlock()
	c, err := st.Conversation(ctx, id)
	if errors.Is(err, agent.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no such conversation")
		return
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	it, err := h.queueItem(ctx, agent.ConversationSummary{Conversation: c})
	if err != nil {
		h.internal(w, r, err)
		return
	}
	if onlyFree && it.Assignee != "" && it.Assignee != to {
		writeError(w, http.StatusConflict, "assigned to "+it.Assignee)
		return
	}
	if it.Assignee != to {
		e := agent.Event{ConversationID: c.ID, AccountID: c.AccountID, Kind: agent.EventAssigned, Actor: user, At: h.cfg.Clock.Now(),
			Data: map[string]string{"assignee": to}}
		if _, err := st.AddEvent(ctx, e); err != nil {
			h.internal(w, r, err)
			return
		}
		h.notify(ctx, c, agent.EventAssigned)
	}
	writeJSON(w, http.StatusOK, AssignResponse{ConversationID: c.ID, Assignee: to})
}

// lock holds the conversation's lock for a request; on failure it answers
// 500 and reports false.
func (h *Handler) lock(w http.ResponseWriter, r *http.Request, id string) (func(), bool) {
	unlock, err := h.cfg.Store.Lock(r.Context(), id)
	if err != nil {
		h.internal(w, r, err)
		return nil, false
	}
	return unlock, true
}

// notify tells every open console of an event on c.
func (h *Handler) notify(ctx context.Context, c agent.Conversation, kind agent.EventKind) {
	if err := h.cfg.Bus.Publish(ctx, agent.Notice{Kind: "event", ConversationID: c.ID, AccountID: c.AccountID, EventKind: string(kind)}); err != nil {
		h.log.Warn("console: publish failed", "err", err)
	}
}

// maxNote bounds an internal note, in characters.
const maxNote = 4000

type noteRequest struct {
	Text string `json:"text"`
}

// addNote stores an internal note on a conversation: an audit event that
// never goes to the borrower. 201 with the event.
func (h *Handler) addNote(w http.ResponseWriter, r *http.Request) {
	var req noteRequest
	if !decode(w, r, &req) {
		return
	}
	text := strings.TrimSpace(req.Text)
	if text == "" || !utf8.ValidString(text) || utf8.RuneCountInString(text) > maxNote {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("a note is 1 to %d characters", maxNote))
		return
	}
	// A note is stored as a borrower's message is: a card or an ID read
	// out on the phone is kept as its kind and last four.
	text, _ = policies.RedactSecrets(text)
	ctx := r.Context()
	c, err := h.cfg.Store.Conversation(ctx, r.PathValue("id"))
	if errors.Is(err, agent.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no such conversation")
		return
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	e, err := h.cfg.Store.AddEvent(ctx, agent.Event{ConversationID: c.ID, AccountID: c.AccountID, Kind: agent.EventNoteAdded,
		Actor: callerOf(r).user.Name, At: h.cfg.Clock.Now(), Data: map[string]string{"text": text}})
	if err != nil {
		h.internal(w, r, err)
		return
	}
	h.notify(ctx, c, agent.EventNoteAdded)
	writeJSON(w, http.StatusCreated, e)
}

// CannedReplier offers canned replies checked by the guard;
// *agent.Orchestrator implements it. Without one the console offers none.
type CannedReplier interface {
	CannedReplies(ctx context.Context, conversationID, user string) ([]agent.CannedReply, error)
}

// cannedReplies lists the canned replies the guard would let the caller
// send on the conversation, in its language.
func (h *Handler) cannedReplies(w http.ResponseWriter, r *http.Request) {
	cr, ok := h.cfg.Orchestrator.(CannedReplier)
	if !ok {
		writeJSON(w, http.StatusOK, []agent.CannedReply{})
		return
	}
	list, err := cr.CannedReplies(r.Context(), r.PathValue("id"), callerOf(r).user.Name)
	if errors.Is(err, agent.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no such conversation")
		return
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

// dismissed lists the drafts the events say were dismissed, by message id.
func dismissed(evs []agent.Event) map[string]agent.Event {
	out := map[string]agent.Event{}
	for _, e := range evs {
		if id := e.Data["message_id"]; e.Kind == agent.EventDraftDismissed && id != "" {
			if _, ok := out[id]; !ok {
				out[id] = e
			}
		}
	}
	return out
}

// dismissDraft marks a draft the guard blocked as seen and dealt with: an
// audit event with who and when, after which the conversation is no longer
// flagged for it. The draft itself stays as the guard left it. 200 with the
// dismissal (the first one, when it was dismissed before); 409 when the
// message is not a blocked draft.
func (h *Handler) dismissDraft(w http.ResponseWriter, r *http.Request) {
	ctx, id, mid := r.Context(), r.PathValue("id"), r.PathValue("mid")
	st := h.cfg.Store
	unlock, ok := h.lock(w, r, id)
	if !ok {
		return
	}
	defer unlock()
	m, err := st.Message(ctx, mid)
	if err == nil && m.ConversationID != id {
		err = agent.ErrNotFound
	}
	var c agent.Conversation
	if err == nil {
		c, err = st.Conversation(ctx, id)
	}
	if err != nil {
		h.fail(w, r, missing(err, "message in this conversation"))
		return
	}
	if m.Status != agent.StatusBlocked {
		writeError(w, http.StatusConflict, "only a draft the guard blocked can be dismissed; this message is "+string(m.Status))
		return
	}
	evs, err := st.Events(ctx, id)
	if err != nil {
		h.internal(w, r, err)
		return
	}
	if e, ok := dismissed(evs)[mid]; ok {
		writeJSON(w, http.StatusOK, e)
		return
	}
	e, err := st.AddEvent(ctx, agent.Event{ConversationID: c.ID, AccountID: c.AccountID, Kind: agent.EventDraftDismissed,
		Actor: callerOf(r).user.Name, At: h.cfg.Clock.Now(), Data: map[string]string{"message_id": mid}})
	if err != nil {
		h.internal(w, r, err)
		return
	}
	h.notify(ctx, c, agent.EventDraftDismissed)
	writeJSON(w, http.StatusOK, e)
}
