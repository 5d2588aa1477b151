package agent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/parley-collections/parley/policies"
)

// Reply is one message the flows want to send. Text is already rendered from
// a versioned template; the guard decides whether it goes.
type Reply struct {
	Text            string
	TemplateVersion string // e.g. "offer.v1.en"
	Model           string // set when an LLM phrased it
	Purpose         string // a policies.Purpose* constant
	// Fallback is a safe alternative (usually a plainer template) sent when
	// the guard refuses Text.
	Fallback *Reply

	// phrase, when set, asks the Phraser at delivery to put Text in the
	// model's words, Text staying behind them as the fallback (flow_reword.go).
	phrase *PhraseRequest
	// sources, when set, are what Text may draw numbers and dates from: the
	// draft a model reworded. check blocks a Text that states any other.
	sources []string
	// supervisor marks a supervisor's message, which the judge reads;
	// confirmed, one the supervisor sent again after the judge could not
	// read it.
	supervisor, confirmed bool
}

// Turn is one borrower message being answered. The flows read the
// conversation, account and understanding, and record what to say and what
// happened through Say, Emit and Ground; the orchestrator guards, stores and
// sends it afterwards.
type Turn struct {
	Conversation  Conversation // the flows may change State, Verified, Locale and Memory
	Account       Account
	Inbound       Message
	Understanding Understanding
	Context       TurnContext
	Now           time.Time
	Locale        string

	o         *Orchestrator
	replies   []Reply
	events    []Event
	amounts   []Money
	terms     []string
	consented []Consent // the account's consents as read, for the guard
	attempts  []ContactAttempt
	// restricted are the account's contact restrictions as read, with the
	// turn's own, for the guard.
	restricted []Restriction
	loaded     bool
	sentCount  int
	// initiatedBy overrides who opened the exchange: "agent" for outreach,
	// "borrower" for a reply; empty means a reply to Inbound.
	initiatedBy string
	// id keys the replies of a turn with no inbound message (outreach).
	id string
	// out are the turn's outbound messages, stored with its end; streamed
	// names those whose text already went to the turn's stream.
	out      []TurnMessage
	streamed map[string]bool
	// held, when set, holds the conversation's lock and commits the turn
	// (Store.BeginTurn).
	held HeldTurn
	// sends are deferred messages to schedule once the turn is committed.
	sends []scheduledSend

	// The turn's effects, committed with its end (TurnEnd).
	flags    []FlagChange
	consents []Consent
	plans    []Plan
	disputes []Dispute
	// restrictions are the contact restrictions the turn recorded.
	restrictions []Restriction
	// logins change the account's count of failed verification attempts.
	logins []LoginChange
	// reminders are requested of the Scheduler once the turn is committed.
	reminders []reminder
	// identityUpgraded reports that a successful check rewrote an old
	// identity digest in Account, for the turn's end to store.
	identityUpgraded bool
	// answersChecked lists the kinds of identity answer this turn
	// checked: the inbound message is stored with them masked (privacy.go).
	answersChecked []IdentityKind
	// mem is Conversation.Memory as the turn last decoded or wrote it.
	mem turnMemory
}

// scheduledSend is a deferred message the turn asks the Scheduler to send
// at its time, after its commit.
type scheduledSend struct {
	messageID string
	at        time.Time
}

// queue adds an outbound message to the turn's end.
func (t *Turn) queue(m TurnMessage) { t.out = append(t.out, m) }

// reminder is a reminder the turn asks the Scheduler for after its commit.
type reminder struct {
	planID string
	at     time.Time
}

// key is what the turn's reply ids derive from: the inbound message, or
// the turn's own id for outreach.
func (t *Turn) key() string {
	if t.Inbound.ID != "" {
		return t.Inbound.ID
	}
	if t.id == "" {
		t.id = NewID("t_")
	}
	return t.id
}

// Say queues a reply.
func (t *Turn) Say(r Reply) { t.replies = append(t.replies, r) }

// Replies lists the replies queued so far.
func (t *Turn) Replies() []Reply { return t.replies }

// Emit records an event of the closed vocabulary.
func (t *Turn) Emit(kind EventKind, data map[string]string) {
	t.events = append(t.events, Event{Kind: kind, Data: data, At: t.Now})
}

// Emitted reports whether the turn already recorded an event of that kind.
func (t *Turn) Emitted(kind EventKind) bool {
	for _, e := range t.events {
		if e.Kind == kind {
			return true
		}
	}
	return false
}

// Ground declares amounts the turn's replies may state (besides the
// balance): the amounts the negotiation engine produced. Nothing from model
// text is ever grounded.
func (t *Turn) Ground(amounts ...Money) { t.amounts = append(t.amounts, amounts...) }

// Grant declares terms (policies.Term*: a settlement, an interest or fee
// waiver) the negotiation engine granted this turn; the guard blocks a reply
// that offers any other.
func (t *Turn) Grant(terms ...string) { t.terms = append(t.terms, terms...) }

// derivedID is a stable id for the n-th row of a kind this turn records,
// derived from what triggered the turn, so a turn that runs again records
// the same rows.
func (t *Turn) derivedID(prefix string, n int) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s/%s/%d", t.key(), prefix, n)))
	return prefix + hex.EncodeToString(h[:12])
}

// SetFlag records a change to one account flag, applied to the turn's copy
// of the account at once and to the stored account, as a change, when the
// turn commits.
func (t *Turn) SetFlag(name string, v bool) {
	c := FlagChange{Flag: name, Value: v}
	t.flags = append(t.flags, c)
	t.Account.Flags = t.Account.Flags.Apply(c)
}

// SetConsent records a consent change, committed with the turn.
func (t *Turn) SetConsent(c Consent) {
	c.AccountID = t.Account.ID
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = t.Now
	}
	for i := range t.consented {
		if t.consented[i].Channel == c.Channel {
			t.consented[i] = c
			t.consents = append(t.consents, c)
			return
		}
	}
	t.consented = append(t.consented, c)
	t.consents = append(t.consents, c)
}

// PutPlan records a plan, committed with the turn. A plan without an id
// gets one derived from the turn's trigger.
func (t *Turn) PutPlan(p Plan) Plan {
	if p.ID == "" {
		p.ID = t.derivedID("plan_", len(t.plans))
	}
	for i := range t.plans {
		if t.plans[i].ID == p.ID {
			t.plans[i] = p
			return p
		}
	}
	t.plans = append(t.plans, p)
	return p
}

// AddDispute records a dispute, committed with the turn, with an id derived
// from the turn's trigger.
func (t *Turn) AddDispute(d Dispute) Dispute {
	if d.ID == "" {
		d.ID = t.derivedID("d_", len(t.disputes))
	}
	t.disputes = append(t.disputes, d)
	return d
}

// AddRestriction records a contact restriction, committed with the turn,
// with an id derived from the turn's trigger. It holds for the guard's
// checks from this turn's replies on.
func (t *Turn) AddRestriction(r Restriction) Restriction {
	if r.ID == "" {
		r.ID = t.derivedID("r_", len(t.restrictions))
	}
	r.AccountID, r.ConversationID = t.Account.ID, t.Conversation.ID
	if r.CreatedAt.IsZero() {
		r.CreatedAt = t.Now
	}
	t.restrictions = append(t.restrictions, r)
	t.restricted = append(t.restricted, r)
	return r
}

// Restrictions lists the account's contact restrictions, those recorded by
// this turn included.
func (t *Turn) Restrictions() []Restriction {
	_ = t.load(context.Background())
	return t.restricted
}

// remind asks for a reminder at at, requested once the turn is committed.
func (t *Turn) remind(planID string, at time.Time) {
	t.reminders = append(t.reminders, reminder{planID: planID, at: at})
}

func (t *Turn) requestHandoff(reason string) {
	if !t.Emitted(EventHandoffRequested) {
		t.Emit(EventHandoffRequested, map[string]string{"reason": reason})
	}
	t.Conversation.State = StateHandoff
}

// requestUrgentHandoff asks for a person at once: the console puts the
// conversation at the top of its queue with the reason.
func (t *Turn) requestUrgentHandoff(reason string) {
	for i := range t.events {
		if t.events[i].Kind == EventHandoffRequested {
			t.events[i].Data = map[string]string{"reason": reason, "urgent": "true"}
			t.Conversation.State = StateHandoff
			return
		}
	}
	t.Emit(EventHandoffRequested, map[string]string{"reason": reason, "urgent": "true"})
	t.Conversation.State = StateHandoff
}

// attemptWindow is how far back a turn reads contact attempts: the guard
// counts the last seven days, and the local day, in any time zone.
const attemptWindow = 8 * 24 * time.Hour

// load reads consents, contact restrictions and recent contact attempts
// once per turn for the guard.
func (t *Turn) load(ctx context.Context) error {
	if t.loaded {
		return nil
	}
	st := t.o.cfg.Store
	cs, err := st.Consents(ctx, t.Account.ID)
	if err != nil {
		return fmt.Errorf("consents: %w", err)
	}
	as, err := st.ContactAttempts(ctx, t.Account.ID, t.Now.Add(-attemptWindow))
	if err != nil {
		return fmt.Errorf("contact attempts: %w", err)
	}
	rs, err := st.Restrictions(ctx, t.Account.ID)
	if err != nil {
		return fmt.Errorf("restrictions: %w", err)
	}
	t.consented, t.attempts, t.loaded = cs, as, true
	// The turn's own restrictions and consent changes stand over what was read.
	t.restricted = append(rs, t.restrictions...)
	pending := t.consents
	t.consents = nil
	for _, c := range pending {
		t.SetConsent(c)
	}
	return nil
}

// Facts builds what the guard knows at this moment from the account, the
// conversation and the store.
func (t *Turn) Facts() policies.Facts {
	a := t.Account
	f := policies.Facts{
		Jurisdiction:        a.Borrower.Jurisdiction,
		Now:                 t.Now,
		Timezone:            a.Borrower.Timezone,
		RecipientVerified:   t.Conversation.Verified,
		HasBalance:          true,
		Balance:             a.Balance.Minor,
		Currency:            a.Balance.Currency,
		Cease:               a.Flags.Cease,
		Attorney:            a.Flags.Attorney,
		Bankruptcy:          a.Flags.Bankruptcy,
		Disputed:            a.Flags.Disputed,
		TimeBarred:          a.Flags.TimeBarred,
		LegalActionApproved: a.Flags.LegalActionApproved,
		// The account's other parties: the guard keeps the creditor's and
		// the agency's names from an unverified recipient, and reads the
		// borrower's own name as a name, not as a word.
		Lender:       a.Creditor,
		Agency:       a.Agency,
		BorrowerName: a.Borrower.Name,
		GrantedTerms: t.terms,
	}
	for _, m := range t.amounts {
		f.AllowedAmounts = append(f.AllowedAmounts, m.Minor)
	}
	for _, c := range t.consented {
		if c.OptedOut {
			f.OptedOutChannels = append(f.OptedOutChannels, string(c.Channel))
		}
	}
	for _, r := range t.restricted {
		f.Restrictions = append(f.Restrictions, r.ContactRestriction)
	}
	week := t.Now.Add(-7 * 24 * time.Hour)
	y, m, d := t.Now.In(a.Location()).Date()
	dayStart := time.Date(y, m, d, 0, 0, 0, 0, a.Location())
	for _, c := range t.attempts {
		if c.Channel == ChannelVoice && c.Outcome == OutcomeConnected {
			if c.At.After(f.LastPhoneConversationAt) {
				f.LastPhoneConversationAt = c.At
			}
			if !c.At.Before(dayStart) {
				f.ConnectedCallsToday++
			}
		}
		if c.At.Before(week) || c.InitiatedBy != "agent" {
			continue
		}
		if c.Channel == ChannelVoice {
			f.CallsLast7d++
		}
		f.ContactsLast7d++
	}
	return f
}

// check runs the guard on a reply, failing closed, and then the judge when
// the reply must be read twice (judged).
func (o *Orchestrator) check(t *Turn, r Reply) policies.Decision {
	d, f := o.guardCheck(t, r)
	return o.judged(t, r, d, f)
}

// guardCheck runs the guard on a reply, failing closed: a panic, a timeout
// or an error in loading the facts blocks the reply. It returns the facts
// the guard was given.
func (o *Orchestrator) guardCheck(t *Turn, r Reply) (d policies.Decision, f policies.Facts) {
	p := policies.Proposal{
		ID:           t.Inbound.ID,
		Text:         r.Text,
		Channel:      string(t.Conversation.Channel),
		InitiatedBy:  "borrower",
		FirstMessage: t.firstMessage(),
		Purpose:      r.Purpose,
	}
	if len(r.sources) > 0 {
		// A model's words: the guard holds them to what they reword.
		p.Draft, p.Reworded = strings.Join(r.sources, "\n"), true
	}
	if r.supervisor {
		p.WrittenBy = policies.WrittenByPerson // a supervisor may say they are a person
	} else {
		p.WrittenBy = policies.WrittenByAgent
	}
	if t.initiatedBy != "" {
		p.InitiatedBy = t.initiatedBy
	} else if t.Inbound.ID == "" {
		p.InitiatedBy = "agent"
	}
	if p.Channel == string(ChannelConsole) {
		p.Channel = string(ChannelChat)
	}
	if err := t.load(context.Background()); err != nil {
		return blockedDecision(p.ID, "guard facts unavailable: "+err.Error()), f
	}
	f = t.Facts()
	if h := o.linkHost(t.Now); h != "" {
		f.LinkHosts = append(f.LinkHosts, h)
	}
	f.OtherBorrowers = o.borrowers.Load()
	done := make(chan policies.Decision, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				done <- blockedDecision(p.ID, fmt.Sprintf("guard failed: %v", v))
			}
		}()
		done <- o.cfg.Guard.Check(p, f)
	}()
	timer := time.NewTimer(o.cfg.GuardTimeout)
	defer timer.Stop()
	select {
	case d = <-done:
	case <-timer.C:
		return blockedDecision(p.ID, "guard timed out"), f
	}
	if d.Action == "" {
		return blockedDecision(p.ID, "guard returned no decision"), f
	}
	if d.Violations == nil {
		d.Violations = []policies.Violation{}
	}
	d.Grounded = append([]policies.Amount(nil), f.AllowedAmounts...)
	d.Purpose = p.Purpose
	if len(r.sources) > 0 {
		if added := Ungrounded(r.Text, r.sources...); len(added) > 0 {
			// The guard grounds amounts in the account; a model's words
			// are held to the draft they reword, dates included.
			d.Action, d.Text = policies.Block, ""
			d.Violations = append(d.Violations, policies.Violation{
				Rule: RuleDraftGrounding, Category: policies.CatUngroundedAmount,
				Detail: "states " + strings.Join(added, ", ") + ", which the draft does not",
			})
		}
	}
	return d, f
}

// linkHost is the host of the payment links the configured Linker makes,
// the one host besides official services a reply may link to; "" without
// a linker. It asks the linker for a link to no plan and keeps the host.
func (o *Orchestrator) linkHost(now time.Time) string {
	if o.cfg.Linker == nil {
		return ""
	}
	link, err := o.cfg.Linker.Link(Plan{ID: "plan_guard"}, now.Add(time.Hour))
	if err != nil {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// RuleDraftGrounding names the violation check adds to the guard's decision
// when a model's rewording states a number or a date its draft did not.
const RuleDraftGrounding = "PARLEY-GROUNDING"

// firstMessage reports whether nothing has gone out to this borrower in the
// conversation yet.
func (t *Turn) firstMessage() bool {
	if t.sentCount > 0 {
		return false
	}
	for _, m := range t.Context.History {
		if m.Direction == DirectionOut && StatusRank(m.Status) >= StatusRank(StatusQueued) && m.Status != StatusBlocked && m.Status != StatusDropped {
			return false
		}
	}
	// A call's welcome greeting, allowed by the guard as the first
	// message, was said before anything of the turn. Asked last: it reads
	// the conversation's memory, and the history answers most turns.
	return !t.memory().callGreeted
}

func blockedDecision(id, reason string) policies.Decision {
	return policies.Decision{ID: id, Action: policies.Block, Violations: []policies.Violation{}, Error: reason}
}
