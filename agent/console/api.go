package console

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// maxBody bounds a JSON request body.
const maxBody = 64 << 10

// maxText bounds a supervisor's message, in characters.
const maxText = 1600

type errorResponse struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorResponse{Error: msg})
}

// statusOf maps an error's kind to the status the API answers with; it is
// the one place where errors become HTTP.
var statusOf = map[agent.Kind]int{
	agent.KindNotFound:    http.StatusNotFound,
	agent.KindConflict:    http.StatusConflict,
	agent.KindForbidden:   http.StatusForbidden,
	agent.KindInvalid:     http.StatusBadRequest,
	agent.KindUnavailable: http.StatusServiceUnavailable,
}

// fail answers err with its kind's status and its caller-facing message;
// an internal error is logged and answered 500 without detail.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, ok := statusOf[agent.KindOf(err)]
	if !ok {
		h.internal(w, r, err)
		return
	}
	writeError(w, status, agent.MessageOf(err))
}

// missing names what was not found, for the caller, when err is the
// store's ErrNotFound; other errors pass unchanged.
func missing(err error, what string) error {
	if errors.Is(err, agent.ErrNotFound) {
		return agent.E("", agent.KindNotFound, "no such "+what, err)
	}
	return err
}

// internal logs err and answers 500 without detail.
func (h *Handler) internal(w http.ResponseWriter, r *http.Request, err error) {
	h.log.Error("console: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

// decode reads a JSON body into v; on failure it answers 413 or 400 and
// reports false.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "body larger than 64 KB")
			return false
		}
		writeError(w, http.StatusBadRequest, "malformed JSON body")
		return false
	}
	return true
}

// Flags a conversation list can be narrowed to.
const (
	FlagBlocked = "blocked" // has drafts the guard blocked
	FlagHandoff = "handoff" // waiting for a human
)

// listFilter reads ?state=&channel=&flag= from a request.
func listFilter(r *http.Request) (agent.ConversationFilter, string) {
	q := r.URL.Query()
	return agent.ConversationFilter{State: agent.ConversationState(q.Get("state")), Channel: agent.Channel(q.Get("channel"))}, q.Get("flag")
}

// conversations lists conversations as the live list shows them.
func (h *Handler) conversations(ctx context.Context, f agent.ConversationFilter, flag string) ([]agent.ConversationSummary, error) {
	if flag != "" {
		f.Limit = 500 // flags are not store filters: narrow a wider page
	}
	all, err := h.cfg.Store.Conversations(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("conversations: %w", err)
	}
	out := make([]agent.ConversationSummary, 0, len(all))
	for _, c := range all {
		c.Memory = nil // the flows' private state is not the console's to show
		if c.BlockedDrafts > 0 {
			evs, err := h.cfg.Store.Events(ctx, c.ID)
			if err != nil {
				return nil, fmt.Errorf("conversations: events: %w", err)
			}
			c.BlockedDrafts -= len(dismissed(evs))
		}
		if (flag == FlagBlocked && c.BlockedDrafts == 0) || (flag == FlagHandoff && !waiting(c)) {
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// waiting reports whether a conversation waits for a human.
func waiting(c agent.ConversationSummary) bool {
	return c.HandoffPending || c.State == agent.StateHandoff
}

func (h *Handler) listConversations(w http.ResponseWriter, r *http.Request) {
	f, flag := listFilter(r)
	list, err := h.conversations(r.Context(), f, flag)
	if err == nil {
		err = h.recordListed(r, list)
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

// Detail is everything the console shows of one conversation: the JSON of
// GET /api/conversations/{id} and the body of an audit export.
type Detail struct {
	Conversation agent.Conversation `json:"conversation"`
	BorrowerName string             `json:"borrower_name"`
	Transcript   []agent.Message    `json:"transcript"`
	Events       []agent.Event      `json:"events"`
	Account      AccountPanel       `json:"account"`
	// Reads are the recorded reads of the conversation's transcript (its
	// appearances in lists left out), oldest first, the newest
	// maxReadsShown; the read that made this detail is the last.
	Reads []agent.Access `json:"reads"`
}

// maxReadsShown bounds Detail.Reads; the audit export has them all.
const maxReadsShown = 200

// AccountPanel is an account with its plans, consents, disputes and
// contact attempts. Identity digests are left out.
type AccountPanel struct {
	Account         agent.Account          `json:"account"`
	Balance         string                 `json:"balance"` // formatted, e.g. "$1,200.00"
	Plans           []agent.Plan           `json:"plans"`
	Consents        []agent.Consent        `json:"consents"`
	Disputes        []agent.Dispute        `json:"disputes"`
	ContactAttempts []agent.ContactAttempt `json:"contact_attempts"`
}

// detail reads the conversation r names for the caller, recording the
// read as action first.
func (h *Handler) detail(r *http.Request, action agent.AccessAction) (Detail, error) {
	ctx, id, st := r.Context(), r.PathValue("id"), h.cfg.Store
	c, err := st.Conversation(ctx, id)
	if err != nil {
		return Detail{}, fmt.Errorf("conversation: %w", missing(err, "conversation"))
	}
	if _, err := h.record(r, h.access(r, action, c.ID, c.AccountID)); err != nil {
		return Detail{}, err
	}
	c.Memory = nil
	d := Detail{Conversation: c}
	if d.Transcript, err = st.Messages(ctx, id, 0, 0); err != nil {
		return Detail{}, fmt.Errorf("messages: %w", err)
	}
	if d.Events, err = st.Events(ctx, id); err != nil {
		return Detail{}, fmt.Errorf("events: %w", err)
	}
	if d.Account, err = h.accountPanel(ctx, c.AccountID); err != nil && !errors.Is(err, agent.ErrNotFound) {
		return Detail{}, err
	}
	if d.Reads, err = h.reads(ctx, id); err != nil {
		return Detail{}, err
	}
	d.BorrowerName = d.Account.Account.Borrower.Name
	d.Transcript = nonNil(d.Transcript)
	d.Events = nonNil(d.Events)
	return d, nil
}

func (h *Handler) accountPanel(ctx context.Context, id string) (AccountPanel, error) {
	st := h.cfg.Store
	a, err := st.Account(ctx, id)
	if err != nil {
		return AccountPanel{}, fmt.Errorf("account: %w", missing(err, "account"))
	}
	a.Borrower.Identity = agent.IdentityFacts{}
	p := AccountPanel{Account: a, Balance: a.Balance.String()}
	if p.Plans, err = st.Plans(ctx, id); err != nil {
		return AccountPanel{}, fmt.Errorf("plans: %w", err)
	}
	if p.Consents, err = st.Consents(ctx, id); err != nil {
		return AccountPanel{}, fmt.Errorf("consents: %w", err)
	}
	if p.Disputes, err = st.Disputes(ctx, id); err != nil {
		return AccountPanel{}, fmt.Errorf("disputes: %w", err)
	}
	if p.ContactAttempts, err = st.ContactAttempts(ctx, id, time.Time{}); err != nil {
		return AccountPanel{}, fmt.Errorf("contact attempts: %w", err)
	}
	p.Plans, p.Consents, p.Disputes, p.ContactAttempts = nonNil(p.Plans), nonNil(p.Consents), nonNil(p.Disputes), nonNil(p.ContactAttempts)
	return p, nil
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// reads lists a conversation's transcript reads for its detail.
func (h *Handler) reads(ctx context.Context, id string) ([]agent.Access, error) {
	all, err := h.cfg.Store.AccessLog(ctx, agent.AuditQuery{ConversationID: id})
	if err != nil {
		return nil, fmt.Errorf("access log: %w", err)
	}
	out := []agent.Access{}
	for _, a := range all {
		if a.Action != agent.AccessList {
			out = append(out, a)
		}
	}
	return out[max(0, len(out)-maxReadsShown):], nil
}

// loadDetail answers the error itself and reports false when it cannot.
func (h *Handler) loadDetail(w http.ResponseWriter, r *http.Request, action agent.AccessAction) (Detail, bool) {
	d, err := h.detail(r, action)
	if err != nil {
		h.fail(w, r, err)
		return Detail{}, false
	}
	return d, true
}

func (h *Handler) getConversation(w http.ResponseWriter, r *http.Request) {
	if d, ok := h.loadDetail(w, r, agent.AccessRead); ok {
		writeJSON(w, http.StatusOK, d)
	}
}

// Export is an audit record of one conversation.
type Export struct {
	Detail
	ExportedAt time.Time `json:"exported_at"`
	ExportedBy string    `json:"exported_by"`
}

func (h *Handler) exportConversation(w http.ResponseWriter, r *http.Request) {
	d, ok := h.loadDetail(w, r, agent.AccessExport)
	if !ok {
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="conversation-`+d.Conversation.ID+`.json"`)
	writeJSON(w, http.StatusOK, Export{Detail: d, ExportedAt: h.cfg.Clock.Now().UTC(), ExportedBy: callerOf(r).user.Name})
}

// ownerChange runs a takeover or hand-back and answers with the conversation.
func (h *Handler) ownerChange(w http.ResponseWriter, r *http.Request, change func(ctx context.Context, id, user string) error) {
	id, user := r.PathValue("id"), callerOf(r).user.Name
	ctx := r.Context()
	if _, err := h.cfg.Store.Conversation(ctx, id); err != nil {
		h.fail(w, r, missing(err, "conversation"))
		return
	}
	err := change(ctx, id, user)
	if agent.KindOf(err) == agent.KindConflict {
		c, _ := h.cfg.Store.Conversation(ctx, id)
		err = agent.E("", agent.KindConflict, ownerConflict(c, user), err)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	c, err := h.cfg.Store.Conversation(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	c.Memory = nil
	writeJSON(w, http.StatusOK, c)
}

func ownerConflict(c agent.Conversation, user string) string {
	switch {
	case c.OwnedByAI():
		return "the AI owns this conversation"
	case c.Owner == user:
		return "you own this conversation"
	default:
		return "owned by " + c.Owner
	}
}

func (h *Handler) takeOver(w http.ResponseWriter, r *http.Request) {
	h.ownerChange(w, r, h.cfg.Orchestrator.TakeOver)
}

// handBack returns the conversation to the AI; the supervisor's deferred
// messages are cancelled unless ?keep_deferred=1.
func (h *Handler) handBack(w http.ResponseWriter, r *http.Request) {
	keep := r.URL.Query().Get("keep_deferred") == "1"
	h.ownerChange(w, r, func(ctx context.Context, id, user string) error {
		return h.cfg.Orchestrator.HandBackKeeping(ctx, id, user, keep)
	})
}

// cancelDeferred cancels a supervisor's message waiting for contact hours:
// 200 with the message, 409 when it is no longer waiting or someone else
// owns the conversation.
func (h *Handler) cancelDeferred(w http.ResponseWriter, r *http.Request) {
	id, mid, user := r.PathValue("id"), r.PathValue("mid"), callerOf(r).user.Name
	m, err := h.cfg.Store.Message(r.Context(), mid)
	if err == nil && m.ConversationID != id {
		err = agent.ErrNotFound
	}
	if err == nil {
		err = h.cfg.Orchestrator.CancelDeferred(r.Context(), mid, user)
	}
	if err == nil {
		m, err = h.cfg.Store.Message(r.Context(), mid)
	}
	if err != nil {
		h.fail(w, r, missing(err, "message in this conversation"))
		return
	}
	writeJSON(w, http.StatusOK, m)
}

type sendRequest struct {
	Text string `json:"text"`
	// Confirm sends a message that was held because the judge could not
	// read it (ConfirmNeeded); the guard, and the judge if it is back,
	// still read it.
	Confirm bool `json:"confirm,omitempty"`
}

// SendResponse is the answer to a supervisor's message: the stored message
// and the guard's decision on it (with violations when it was blocked).
type SendResponse struct {
	Error    string            `json:"error,omitempty"`
	Message  agent.Message     `json:"message"`
	Decision policies.Decision `json:"decision"`
	// ConfirmNeeded is set when the message was held because the judge
	// could not read it: sent again with confirm, it goes.
	ConfirmNeeded bool `json:"confirm_needed,omitempty"`
}

// send passes a supervisor's message through the orchestrator and its
// guard: 201 queued, 202 deferred, 422 blocked (not sent, with reasons),
// 409 with confirm_needed when the judge could not read it (not sent).
func (h *Handler) send(w http.ResponseWriter, r *http.Request) {
	var req sendRequest
	if !decode(w, r, &req) {
		return
	}
	text := strings.TrimSpace(req.Text)
	if text == "" || !utf8.ValidString(text) {
		writeError(w, http.StatusBadRequest, "text is empty")
		return
	}
	if utf8.RuneCountInString(text) > maxText {
		writeError(w, http.StatusBadRequest, "text longer than "+strconv.Itoa(maxText)+" characters")
		return
	}
	id, user := r.PathValue("id"), callerOf(r).user.Name
	send := h.cfg.Orchestrator.SupervisorSend
	if req.Confirm {
		send = h.cfg.Orchestrator.SupervisorConfirm
	}
	m, d, err := send(r.Context(), id, user, text)
	switch {
	case errors.Is(err, agent.ErrConfirmNeeded):
		writeJSON(w, http.StatusConflict, SendResponse{Error: "the second reading of this message is unavailable; it was not sent: confirm to send it", Message: m, Decision: d, ConfirmNeeded: true})
	case errors.Is(err, agent.ErrBlocked):
		// Not a failure of the request: the answer carries the decision.
		writeJSON(w, http.StatusUnprocessableEntity, SendResponse{Error: "the guard blocked this message; it was not sent", Message: m, Decision: d})
	case err != nil:
		h.fail(w, r, missing(err, "conversation"))
	case m.Status == agent.StatusDeferred:
		writeJSON(w, http.StatusAccepted, SendResponse{Message: m, Decision: d})
	default:
		writeJSON(w, http.StatusCreated, SendResponse{Message: m, Decision: d})
	}
}

// Queues are the conversations and sends that need a person.
type Queues struct {
	Handoff []QueueItem                 `json:"handoff"` // waiting for a human, most urgent first
	Blocked []agent.ConversationSummary `json:"blocked"` // with drafts the guard blocked
	Dead    []agent.OutboxItem          `json:"dead"`    // sends dead-lettered by the outbox
}

// loadQueues reads the queues; view (ViewMine, ViewUnassigned) narrows the
// waiting conversations to user's own or to the unassigned.
func (h *Handler) loadQueues(ctx context.Context, view, user string) (Queues, error) {
	var q Queues
	waitingList, err := h.conversations(ctx, agent.ConversationFilter{}, FlagHandoff)
	if err != nil {
		return q, err
	}
	if q.Handoff, err = h.triage(ctx, waitingList, view, user); err != nil {
		return q, err
	}
	if q.Blocked, err = h.conversations(ctx, agent.ConversationFilter{}, FlagBlocked); err != nil {
		return q, err
	}
	if q.Dead, err = h.cfg.Store.Outbox(ctx, agent.OutboxDead, 200); err != nil {
		return q, fmt.Errorf("dead letters: %w", err)
	}
	q.Dead = nonNil(q.Dead)
	return q, nil
}

func (h *Handler) queues(w http.ResponseWriter, r *http.Request) {
	q, err := h.loadQueues(r.Context(), r.URL.Query().Get("view"), callerOf(r).user.Name)
	if err == nil {
		err = h.recordListed(r, queued(q.Handoff), q.Blocked)
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, q)
}

// AccountSummary is one row of the account list.
type AccountSummary struct {
	ID           string             `json:"id"`
	Creditor     string             `json:"creditor"`
	BorrowerName string             `json:"borrower_name"`
	Jurisdiction string             `json:"jurisdiction"`
	Balance      agent.Money        `json:"balance"`
	BalanceText  string             `json:"balance_text"`
	Flags        agent.AccountFlags `json:"flags"`
}

// listAccounts lists accounts by id: ?after=ID&limit=N (default 100, at most 500).
func (h *Handler) listAccounts(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 || limit > 500 {
		limit = 100
	}
	as, err := h.cfg.Store.Accounts(r.Context(), r.URL.Query().Get("after"), limit)
	if err != nil {
		h.internal(w, r, err)
		return
	}
	out := make([]AccountSummary, 0, len(as))
	for _, a := range as {
		out = append(out, AccountSummary{ID: a.ID, Creditor: a.Creditor, BorrowerName: a.Borrower.Name, Jurisdiction: a.Borrower.Jurisdiction, Balance: a.Balance, BalanceText: a.Balance.String(), Flags: a.Flags})
	}
	writeJSON(w, http.StatusOK, out)
}

// AccountDetail is an account panel with the account's conversations.
type AccountDetail struct {
	AccountPanel
	Conversations []agent.ConversationSummary `json:"conversations"`
}

func (h *Handler) getAccount(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	p, err := h.accountPanel(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	convs, err := h.conversations(r.Context(), agent.ConversationFilter{AccountID: id}, "")
	if err == nil {
		err = h.recordListed(r, convs)
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, AccountDetail{AccountPanel: p, Conversations: convs})
}

type outreachRequest struct {
	AccountID string        `json:"account_id"`
	Channel   agent.Channel `json:"channel"`
	// At, when ahead, schedules the outreach for then instead of now; the
	// guard decides when it runs, as for any outreach.
	At time.Time `json:"at,omitzero"`
}

// Outreach outcomes.
const (
	OutcomeQueued   = "queued"   // the opening passed the guard and is on its way
	OutcomeDeferred = "deferred" // the guard moved it to a lawful time
	OutcomeBlocked  = "blocked"  // the guard refused it
	OutcomeStopped  = "stopped"  // collection contact is stopped on this account or channel
	// OutcomeScheduled: the outreach will run at send_at (the request's at).
	OutcomeScheduled = "scheduled"
)

// OutreachResponse says what became of an outreach request.
type OutreachResponse struct {
	Outcome        string          `json:"outcome"`
	Detail         string          `json:"detail,omitempty"`
	ConversationID string          `json:"conversation_id,omitempty"`
	SendAt         time.Time       `json:"send_at,omitzero"`
	Messages       []agent.Message `json:"messages"`
}

// outreach asks the orchestrator to open contact with a borrower.
func (h *Handler) outreach(w http.ResponseWriter, r *http.Request) {
	var req outreachRequest
	if !decode(w, r, &req) {
		return
	}
	switch req.Channel {
	case agent.ChannelSMS, agent.ChannelChat, agent.ChannelVoice, agent.ChannelEmail:
	default:
		writeError(w, http.StatusBadRequest, "channel must be sms, chat, voice or email")
		return
	}
	ctx := r.Context()
	acct, err := h.cfg.Store.Account(ctx, req.AccountID)
	if err != nil {
		h.fail(w, r, missing(err, "account"))
		return
	}
	if req.At.After(h.cfg.Clock.Now()) {
		h.scheduleOutreach(w, r, acct, req)
		return
	}
	res, err := h.cfg.Orchestrator.Outreach(ctx, req.AccountID, req.Channel)
	switch {
	case errors.Is(err, agent.ErrContactStopped):
		// An outcome, not a failure: the answer says which.
		h.writeStopped(w, r, req)
		return
	case err != nil:
		h.fail(w, r, err)
		return
	}
	h.log.Info("console: outreach", "user", callerOf(r).user.Name, "account", req.AccountID, "channel", req.Channel)
	writeJSON(w, http.StatusOK, outreachResult(res))
}

// scheduleOutreach schedules an outreach for req.At. An account whose
// collection contact is stopped is refused now rather than at the time;
// the job itself checks everything again when it runs.
func (h *Handler) scheduleOutreach(w http.ResponseWriter, r *http.Request, acct agent.Account, req outreachRequest) {
	ctx := r.Context()
	if h.cfg.Reach == nil {
		writeError(w, http.StatusServiceUnavailable, "outreach cannot be scheduled here: no job runner")
		return
	}
	if acct.CollectionStopped() {
		h.writeStopped(w, r, req)
		return
	}
	if err := h.cfg.Reach.ScheduleReach(ctx, req.AccountID, req.Channel, req.At); err != nil {
		h.fail(w, r, err)
		return
	}
	h.log.Info("console: outreach scheduled", "user", callerOf(r).user.Name, "account", req.AccountID, "channel", req.Channel, "at", req.At)
	writeJSON(w, http.StatusAccepted, OutreachResponse{Outcome: OutcomeScheduled, SendAt: req.At.UTC(), Messages: []agent.Message{}})
}

// writeStopped answers an outreach that collection contact refuses on the
// account or channel: an outcome, not a failure, and the answer says why.
func (h *Handler) writeStopped(w http.ResponseWriter, r *http.Request, req outreachRequest) {
	writeJSON(w, http.StatusConflict, OutreachResponse{Outcome: OutcomeStopped, Detail: h.stoppedWhy(r.Context(), req.AccountID, req.Channel), Messages: []agent.Message{}})
}

func outreachResult(res agent.TurnResult) OutreachResponse {
	out := OutreachResponse{ConversationID: res.Conversation.ID, Outcome: OutcomeBlocked}
	out.Messages = append(append([]agent.Message{}, res.Replies...), res.Blocked...)
	if len(res.Replies) > 0 {
		out.Outcome = OutcomeQueued
		return out
	}
	for _, m := range res.Blocked {
		if m.Status == agent.StatusDeferred {
			out.Outcome, out.SendAt = OutcomeDeferred, m.SendAt
		}
	}
	return out
}
