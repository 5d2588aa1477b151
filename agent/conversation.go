package agent

import (
	"encoding/json"
	"time"

	"github.com/parley-collections/parley/policies"
)

// Channel is how a message travels.
type Channel string

// The channels Parley speaks on.
const (
	ChannelSMS     Channel = "sms"
	ChannelChat    Channel = "chat"
	ChannelVoice   Channel = "voice"
	ChannelEmail   Channel = "email"
	ChannelConsole Channel = "console" // a terminal session through `parley chat`
)

// ConversationState is where a conversation stands in the dialogue flows.
type ConversationState string

// The conversation states.
const (
	StateOpen           ConversationState = "open"            // greeted, not verified
	StateVerified       ConversationState = "verified"        // right party verified
	StateNegotiating    ConversationState = "negotiating"     // offers on the table
	StatePlanAccepted   ConversationState = "plan_accepted"   // a plan is agreed
	StateDisputed       ConversationState = "disputed"        // collection stopped by a dispute
	StateHardship       ConversationState = "hardship"        // hardship recorded
	StateHandoff        ConversationState = "handoff"         // waiting for or with a human
	StateStopped        ConversationState = "stopped"         // opt-out, cease, attorney, bankruptcy
	StateIdentityFailed ConversationState = "identity_failed" // verification failed three times
	StateClosed         ConversationState = "closed"
)

// OwnerAI is the owner of a conversation the agent runs; any other owner is
// a supervisor's user name.
const OwnerAI = "ai"

// Conversation is one borrower's exchange on one channel.
type Conversation struct {
	ID            string            `json:"id"`
	AccountID     string            `json:"account_id"`
	Channel       Channel           `json:"channel"`
	Address       string            `json:"address,omitempty"` // phone number, chat session, call sid
	State         ConversationState `json:"state"`
	Owner         string            `json:"owner"`
	Verified      bool              `json:"verified"`
	Locale        string            `json:"locale"`
	Memory        json.RawMessage   `json:"memory,omitempty"` // the flows' private state
	CreatedAt     time.Time         `json:"created_at"`
	UpdatedAt     time.Time         `json:"updated_at"`
	LastMessageAt time.Time         `json:"last_message_at,omitzero"`
}

// OwnedByAI reports whether the agent may send on this conversation.
func (c Conversation) OwnedByAI() bool { return c.Owner == "" || c.Owner == OwnerAI }

// Direction says whether a message came in or went out.
type Direction string

// Message directions.
const (
	DirectionIn  Direction = "in"
	DirectionOut Direction = "out"
)

// Author is who wrote a message.
type Author string

// Message authors.
const (
	AuthorBorrower   Author = "borrower"
	AuthorAgent      Author = "agent"
	AuthorSupervisor Author = "supervisor"
	AuthorSystem     Author = "system"
)

// MessageStatus is a message's delivery state. Outbound statuses only move
// forward (see StatusRank).
type MessageStatus string

// Message statuses.
const (
	StatusReceived    MessageStatus = "received"  // inbound, stored, turn not yet run
	StatusProcessed   MessageStatus = "processed" // inbound, turn complete
	StatusQueued      MessageStatus = "queued"    // outbound, in the outbox
	StatusDeferred    MessageStatus = "deferred"  // outbound, the guard moved it to SendAt
	StatusSending     MessageStatus = "sending"
	StatusSent        MessageStatus = "sent"
	StatusDelivered   MessageStatus = "delivered"
	StatusRead        MessageStatus = "read"
	StatusUndelivered MessageStatus = "undelivered"
	StatusFailed      MessageStatus = "failed"    // dead-lettered
	StatusBlocked     MessageStatus = "blocked"   // the guard refused it; never sent
	StatusDropped     MessageStatus = "dropped"   // a supervisor took over while it was drafted; never sent
	StatusCancelled   MessageStatus = "cancelled" // a deferred message a supervisor cancelled, or a hand-back did; never sent
)

// StatusRank orders outbound delivery states so that a late callback never
// moves a message backwards. Terminal refusals rank highest.
func StatusRank(s MessageStatus) int {
	switch s {
	case StatusQueued, StatusDeferred:
		return 1
	case StatusSending:
		return 2
	case StatusSent:
		return 3
	case StatusUndelivered, StatusFailed:
		return 4
	case StatusDelivered:
		return 5
	case StatusRead:
		return 6
	case StatusBlocked, StatusDropped, StatusCancelled:
		return 7
	}
	return 0
}

// Message is one message of a conversation, in or out. Outbound messages
// carry the guard decision they were sent under.
type Message struct {
	ID               string             `json:"id"`
	ConversationID   string             `json:"conversation_id"`
	Seq              int64              `json:"seq"` // order within the conversation, from 1
	Direction        Direction          `json:"direction"`
	Author           Author             `json:"author"`
	AuthorName       string             `json:"author_name,omitempty"` // the supervisor's user name
	Channel          Channel            `json:"channel"`
	Text             string             `json:"text"`
	ChannelMessageID string             `json:"channel_message_id,omitempty"` // MessageSid, client_id; unique per channel
	ReplyTo          string             `json:"reply_to,omitempty"`           // the inbound message this answers
	TemplateVersion  string             `json:"template_version,omitempty"`   // "offer.v1.en" or a prompt version
	Model            string             `json:"model,omitempty"`
	Status           MessageStatus      `json:"status"`
	Guard            *policies.Decision `json:"guard,omitempty"`
	SendAt           time.Time          `json:"send_at,omitzero"`
	ProviderID       string             `json:"provider_id,omitempty"` // Twilio SM… sid once sent
	CreatedAt        time.Time          `json:"created_at"`
	// Interrupted, on a voice reply, says that the caller spoke over it
	// and what they had heard of it; the Text is the whole reply.
	Interrupted *Interrupt `json:"interrupted,omitempty"`
}

// Interrupt is where a caller cut a spoken reply.
type Interrupt struct {
	Heard   string    `json:"heard"`              // what was spoken before the caller cut in
	AfterMs int64     `json:"after_ms,omitempty"` // how long the reply had played
	CallSid string    `json:"call_sid,omitempty"`
	At      time.Time `json:"at"`
}

// EventKind is the closed vocabulary of conversation events.
type EventKind string

// The event vocabulary of design.md section 7.
const (
	EventIdentityRequested  EventKind = "identity_requested"
	EventIdentityVerified   EventKind = "identity_verified"
	EventIdentityFailed     EventKind = "identity_failed"
	EventDisclosureGiven    EventKind = "disclosure_given"
	EventBalanceDisclosed   EventKind = "balance_disclosed"
	EventPlanOffered        EventKind = "plan_offered"
	EventPlanAccepted       EventKind = "plan_accepted"
	EventPaymentLinkSent    EventKind = "payment_link_sent"
	EventPromiseToPay       EventKind = "promise_to_pay"
	EventDisputeRecorded    EventKind = "dispute_recorded"
	EventHardshipRecorded   EventKind = "hardship_recorded"
	EventOptedOut           EventKind = "opted_out"
	EventOptedIn            EventKind = "opted_in"
	EventCeaseRecorded      EventKind = "cease_recorded"
	EventAttorneyRecorded   EventKind = "attorney_recorded"
	EventHandoffRequested   EventKind = "handoff_requested"
	EventHandoffStarted     EventKind = "handoff_started"
	EventHandoffEnded       EventKind = "handoff_ended"
	EventMessageBlocked     EventKind = "message_blocked"
	EventMessageDeferred    EventKind = "message_deferred"
	EventMessageCancelled   EventKind = "message_cancelled"
	EventConversationClosed EventKind = "conversation_closed"
	EventPlanSuperseded     EventKind = "plan_superseded"
	EventPlanCancelled      EventKind = "plan_cancelled"
	EventRestriction        EventKind = "restriction_recorded"
	EventBankruptcyRecorded EventKind = "bankruptcy_recorded"
	EventVulnerability      EventKind = "vulnerability_recorded"
	EventCrisisDetected     EventKind = "crisis_detected"
	EventDeceasedRecorded   EventKind = "deceased_recorded"
	// EventAssigned records a conversation given to a console user to
	// handle (data: assignee, empty when unassigned); EventNoteAdded an
	// internal note (data: text), never sent to the borrower;
	// EventDraftDismissed a console user's dismissal of a draft the guard
	// blocked (data: message_id): the draft stays as it was, no longer
	// flagged for review.
	EventAssigned       EventKind = "assigned"
	EventNoteAdded      EventKind = "note_added"
	EventDraftDismissed EventKind = "draft_dismissed"
)

// EventKinds lists the vocabulary, for validation.
var EventKinds = []EventKind{
	EventIdentityRequested, EventIdentityVerified, EventIdentityFailed, EventDisclosureGiven,
	EventBalanceDisclosed, EventPlanOffered, EventPlanAccepted, EventPaymentLinkSent,
	EventPromiseToPay, EventDisputeRecorded, EventHardshipRecorded, EventOptedOut, EventOptedIn,
	EventCeaseRecorded, EventAttorneyRecorded, EventHandoffRequested, EventHandoffStarted,
	EventHandoffEnded, EventMessageBlocked, EventMessageDeferred, EventConversationClosed,
	EventMessageCancelled,
	EventPlanSuperseded, EventPlanCancelled, EventRestriction, EventBankruptcyRecorded,
	EventVulnerability, EventCrisisDetected, EventDeceasedRecorded,
	EventAssigned, EventNoteAdded, EventDraftDismissed,
}

// ValidEventKind reports whether k is in the vocabulary.
func ValidEventKind(k EventKind) bool {
	for _, e := range EventKinds {
		if e == k {
			return true
		}
	}
	return false
}

// Event is something that happened in a conversation.
type Event struct {
	ID             int64             `json:"id"`
	ConversationID string            `json:"conversation_id"`
	AccountID      string            `json:"account_id"`
	Kind           EventKind         `json:"kind"`
	Actor          string            `json:"actor,omitempty"` // "ai", a user name, "borrower"
	Data           map[string]string `json:"data,omitempty"`
	At             time.Time         `json:"at"`
}

// ContactOutcome is what became of a contact attempt.
type ContactOutcome string

// Contact outcomes. Regulation F counts placed calls and conversations apart;
// China counts connected calls.
const (
	OutcomeSent      ContactOutcome = "sent"      // a text or chat message went out
	OutcomeConnected ContactOutcome = "connected" // a call was answered: a conversation
	OutcomeVoicemail ContactOutcome = "voicemail"
	OutcomeNoAnswer  ContactOutcome = "no_answer"
	OutcomeBusy      ContactOutcome = "busy"
	OutcomeFailed    ContactOutcome = "failed" // not connected to the number
)

// ContactAttempt is one attempt to reach a borrower, connected or not.
type ContactAttempt struct {
	ID          int64          `json:"id"`
	AccountID   string         `json:"account_id"`
	Channel     Channel        `json:"channel"`
	Address     string         `json:"address,omitempty"`
	InitiatedBy string         `json:"initiated_by"` // agent or borrower
	Outcome     ContactOutcome `json:"outcome"`
	MessageID   string         `json:"message_id,omitempty"`
	At          time.Time      `json:"at"`
}

// Counts reports whether the attempt counts toward the contact limits the
// guard applies (Turn.Facts): one the agent initiated, or a call that
// connected, which limits further calls whoever placed it.
func (c ContactAttempt) Counts() bool {
	return c.InitiatedBy == "agent" || (c.Channel == ChannelVoice && c.Outcome == OutcomeConnected)
}

// Consent is a borrower's permission to be contacted on a channel.
type Consent struct {
	AccountID string    `json:"account_id"`
	Channel   Channel   `json:"channel"`
	OptedOut  bool      `json:"opted_out"`
	Source    string    `json:"source,omitempty"` // "keyword STOP", "twilio 21610", "chat"
	UpdatedAt time.Time `json:"updated_at"`
}

// PlanKind is the shape of a repayment plan.
type PlanKind string

// Plan kinds.
const (
	PlanFull        PlanKind = "full"
	PlanSettlement  PlanKind = "settlement"
	PlanInstallment PlanKind = "installments"
	PlanHardship    PlanKind = "hardship"
)

// Frequency is how often installments fall due.
type Frequency string

// Installment frequencies.
const (
	Once     Frequency = "once"
	Weekly   Frequency = "weekly"
	Biweekly Frequency = "biweekly"
	Monthly  Frequency = "monthly"
)

// Installment is one payment of a plan.
type Installment struct {
	Due    time.Time `json:"due"`
	Amount Money     `json:"amount"`
}

// PlanStatus says whether a plan is an offer or an agreement.
type PlanStatus string

// Plan statuses.
const (
	PlanOffered  PlanStatus = "offered"
	PlanAccepted PlanStatus = "accepted"
	// PlanSuperseded is an accepted plan a later agreement replaced.
	PlanSuperseded PlanStatus = "superseded"
	// PlanCancelled is an accepted plan the borrower withdrew from.
	PlanCancelled PlanStatus = "cancelled"
)

// Plan is a repayment plan computed by the negotiation engine.
type Plan struct {
	ID             string        `json:"id"`
	AccountID      string        `json:"account_id"`
	ConversationID string        `json:"conversation_id,omitempty"`
	Kind           PlanKind      `json:"kind"`
	Frequency      Frequency     `json:"frequency"`
	Total          Money         `json:"total"`
	Installments   []Installment `json:"installments"`
	Status         PlanStatus    `json:"status"`
	PaymentURL     string        `json:"payment_url,omitempty"`
	CreatedAt      time.Time     `json:"created_at"`
}

// Dispute is a borrower's challenge to a debt.
type Dispute struct {
	ID             string    `json:"id"`
	AccountID      string    `json:"account_id"`
	ConversationID string    `json:"conversation_id,omitempty"`
	Reason         string    `json:"reason"`
	Open           bool      `json:"open"`
	CreatedAt      time.Time `json:"created_at"`
}

// Role is what a console user may do.
type Role string

// Console roles.
const (
	RoleSupervisor Role = "supervisor"
	RoleQA         Role = "qa"
	RoleAdmin      Role = "admin"
)

// User is a console account.
type User struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Role         Role      `json:"role"`
	PasswordHash string    `json:"-"`
	CreatedAt    time.Time `json:"created_at"`
}

// Session is a console login. The store keeps a digest of the token only.
type Session struct {
	TokenHash string    `json:"-"`
	UserID    string    `json:"user_id"`
	CSRF      string    `json:"-"`
	ExpiresAt time.Time `json:"expires_at"`
	CreatedAt time.Time `json:"created_at"`
}

// OutboxStatus is where an outbound send stands.
type OutboxStatus string

// Outbox statuses.
const (
	OutboxPending OutboxStatus = "pending"
	OutboxSending OutboxStatus = "sending" // claimed by a worker until its lease ends
	OutboxSent    OutboxStatus = "sent"
	OutboxDead    OutboxStatus = "dead" // dead-lettered after too many attempts or a permanent error
)

// OutboxItem is one durable send of one outbound message.
type OutboxItem struct {
	ID             int64        `json:"id"`
	MessageID      string       `json:"message_id"`
	ConversationID string       `json:"conversation_id"`
	AccountID      string       `json:"account_id"` // the conversation's, stored with the row
	Channel        Channel      `json:"channel"`
	To             string       `json:"to"`
	Body           string       `json:"body"`
	Status         OutboxStatus `json:"status"`
	Attempts       int          `json:"attempts"` // sends tried, counting the current claim
	NextAttemptAt  time.Time    `json:"next_attempt_at"`
	ClaimedBy      string       `json:"claimed_by,omitempty"`
	LeaseUntil     time.Time    `json:"lease_until,omitzero"`
	LastError      string       `json:"last_error,omitempty"`
	ProviderID     string       `json:"provider_id,omitempty"`
	CreatedAt      time.Time    `json:"created_at"`
	UpdatedAt      time.Time    `json:"updated_at"`
}
