package prompts

import "time"

// Identity fact kinds as templates name them. Zip is a US postal code,
// Postcode any other.
const (
	FactDOB      = "dob"
	FactZip      = "zip"
	FactPostcode = "postcode"
	FactIDLast4  = "id_last4"
)

// Regions choose jurisdiction-specific wording (disclosures, advice and
// crisis lines): "us", "gb", "cn", "in".
const (
	RegionUS = "us"
	RegionGB = "gb"
	RegionCN = "cn"
	RegionIN = "in"
)

// Sender is template data that names who is writing (the Collector field).
// An empty Collector leaves the name out of the text.
type Sender interface {
	Data
	// WithoutSender returns the same data with the sender's name left out.
	WithoutSender() Data
}

// Intro is the first line of a conversation: the assistant's name, that it
// is automated, and who it writes for. It says nothing about a debt.
//
// In every template, an empty Collector leaves the sender's name out: before
// verification the creditor's own name would tell whoever reads the message
// that a debt exists, so only an agency's name is shown then.
type Intro struct {
	AgentName string
	Collector string
	Voice     bool // on a call: "calling for", not "writing for"
}

// Template names the template.
func (Intro) Template() string { return "intro.v1" }

// WithoutSender leaves the sender's name out.
func (d Intro) WithoutSender() Data { d.Collector = ""; return d }

// IdentityRequest asks for two identity facts (Fact* kinds). Again is set
// when the borrower asked for something that needs verification first.
type IdentityRequest struct {
	First, Second string
	Again         bool
}

// Template names the template.
func (IdentityRequest) Template() string { return "identity_request.v1" }

// IdentityMore thanks the borrower for one matching fact and asks for one more.
type IdentityMore struct {
	Kind string
}

// Template names the template.
func (IdentityMore) Template() string { return "identity_more.v1" }

// IdentityRetry says the facts given did not match and asks again.
type IdentityRetry struct {
	First, Second string
	Remaining     int // attempts left before verification is refused
}

// Template names the template.
func (IdentityRetry) Template() string { return "identity_retry.v1" }

// IdentityOneValue says a message offered several values of one fact,
// which counts as a failed attempt, and asks for the one on the account.
type IdentityOneValue struct {
	Kind      string
	Remaining int // attempts left before verification is refused
}

// Template names the template.
func (IdentityOneValue) Template() string { return "identity_one.v1" }

// IdentityFailed ends verification after too many failed attempts and
// offers a person, without saying why the borrower was contacted.
type IdentityFailed struct {
	Collector string
}

// Template names the template.
func (IdentityFailed) Template() string { return "identity_failed.v1" }

// WithoutSender leaves the sender's name out.
func (d IdentityFailed) WithoutSender() Data { d.Collector = ""; return d }

// Verified thanks the borrower once their identity is confirmed.
type Verified struct{}

// Template names the template.
func (Verified) Template() string { return "identity_verified.v1" }

// Disclosure is the identity and purpose statement the borrower's
// jurisdiction requires once the right party is confirmed.
type Disclosure struct {
	Region    string
	Collector string
	Creditor  string
	Agency    string // empty when the creditor collects itself
}

// Template names the template.
func (Disclosure) Template() string { return "disclosure.v1" }

// Balance states the balance from the system of record.
type Balance struct {
	Creditor string
	Balance  string // formatted, "$1,200.00"
}

// Template names the template.
func (Balance) Template() string { return "balance.v1" }

// DueDate states when the balance fell due.
type DueDate struct {
	HasDue      bool
	Due         time.Time
	DaysPastDue int
}

// Template names the template.
func (DueDate) Template() string { return "due_date.v1" }

// Creditor names the creditor and, when there is one, the agency.
type Creditor struct {
	Creditor string
	Agency   string
}

// Template names the template.
func (Creditor) Template() string { return "creditor.v1" }

// Purpose says what the account was for, when the record says.
type Purpose struct {
	Creditor string
	Purpose  string // empty when unknown
}

// Template names the template.
func (Purpose) Template() string { return "purpose.v1" }

// HowToPay explains how payments are made.
type HowToPay struct{}

// Template names the template.
func (HowToPay) Template() string { return "how_to_pay.v1" }

// Fees answers a question about fees without stating any fee.
type Fees struct {
	Creditor string
}

// Template names the template.
func (Fees) Template() string { return "fees.v1" }

// Bot answers "are you a bot?": always yes, and a person is available.
type Bot struct {
	AgentName string
	Collector string
}

// Template names the template.
func (Bot) Template() string { return "bot.v1" }

// WithoutSender leaves the sender's name out.
func (d Bot) WithoutSender() Data { d.Collector = ""; return d }

// Who answers "who are you?".
type Who struct {
	AgentName string
	Collector string
	Voice     bool // on a call: "calling for", not "writing for"
}

// Template names the template.
func (Who) Template() string { return "who.v1" }

// WithoutSender leaves the sender's name out.
func (d Who) WithoutSender() Data { d.Collector = ""; return d }

// Legit answers a borrower who asks whether the contact is genuine: how to
// check it through details they find themselves, and the secrets that are
// never asked for. Creditor is set only for the verified borrower.
type Legit struct {
	AgentName string
	Collector string
	Creditor  string
}

// Template names the template.
func (Legit) Template() string { return "legit.v1" }

// WithoutSender leaves the sender's and the creditor's names out.
func (d Legit) WithoutSender() Data { d.Collector, d.Creditor = "", ""; return d }

// Credit answers a question about the borrower's credit from the
// account's facts only, in its region's terms (credit bureaus, credit
// reference agencies, credit information companies, 征信): Reported says
// the account is reported; Obsolete that it is past the period a US
// credit report may show it (15 USC 1681c). It never urges a payment to
// protect a credit record.
type Credit struct {
	Region   string
	Reported bool
	Obsolete bool
}

// Template names the template.
func (Credit) Template() string { return "credit.v1" }

// Arrest answers a fear of arrest or jail truthfully and calmly: owing a
// consumer debt is not a crime. It names no legal step and no amount.
type Arrest struct{}

// Template names the template.
func (Arrest) Template() string { return "arrest.v1" }

// Suit answers "will you sue me?" and "isn't this debt too old?" (Age)
// truthfully from the account's facts: a time-barred debt gets the
// jurisdiction's statement that the borrower will not be sued (California
// in the words of Civ. Code 1788.14(d), with the credit report when
// Obsolete); otherwise only what LegalActionApproved allows, never a
// threat and never a promise that legal action will not happen.
type Suit struct {
	Region       string
	Jurisdiction string // US-CA, US-NY, ...
	TimeBarred   bool
	Approved     bool // legal action is approved on the account
	Obsolete     bool // past the credit reporting period too
	Age          bool // the borrower asked whether the debt is too old
}

// Template names the template.
func (Suit) Template() string { return "suit.v1" }

// Validation answers a request for the validation notice or for proof of
// the debt in writing: a person from the team sends it.
type Validation struct {
	Region string
}

// Template names the template.
func (Validation) Template() string { return "validation.v1" }

// DontKnow answers a question nothing documented answers: no guess, and a
// person offered.
type DontKnow struct{}

// Template names the template.
func (DontKnow) Template() string { return "dont_know.v1" }

// Advice signposts free, independent debt advice for the region.
type Advice struct {
	Region string
}

// Template names the template.
func (Advice) Template() string { return "advice.v1" }

// Answer quotes a knowledge-base passage with its document title.
type Answer struct {
	Title string
	Text  string
}

// Template names the template.
func (Answer) Template() string { return "answer.v1" }

// NotUnderstood says what the assistant can help with.
type NotUnderstood struct {
	Verified bool
}

// Template names the template.
func (NotUnderstood) Template() string { return "not_understood.v1" }

// Menu invites the next step once the borrower is verified.
type Menu struct{}

// Template names the template.
func (Menu) Template() string { return "menu.v1" }

// ThirdParty answers someone who is not the account holder, neutrally.
type ThirdParty struct {
	Collector string
}

// Template names the template.
func (ThirdParty) Template() string { return "third_party.v1" }

// WithoutSender leaves the sender's name out.
func (d ThirdParty) WithoutSender() Data { d.Collector = ""; return d }

// Offer is one repayment option, formatted.
type Offer struct {
	ID          string
	Kind        string // full, settlement, installments, hardship
	Frequency   string // once, weekly, biweekly, monthly
	Total       string
	Installment string // the amount of each payment
	Last        string // the final payment when it differs from the others; "" when it does not
	Count       int
	First       time.Time // the first payment's due date
}

// Offers presents the options the negotiation engine computed.
type Offers struct {
	Offers   []Offer
	Hardship bool // the options were computed for a borrower in hardship
	Lowest   bool // the options are the lowest terms the creditor allows
	Below    bool // the borrower asked for less than the creditor allows
	// Which: the borrower said yes without saying to which option; the
	// options are shown again under a question asking which.
	Which bool
}

// Template names the template.
func (Offers) Template() string { return "offer.v1" }

// PlanAccepted confirms an agreed plan and says how to pay it.
type PlanAccepted struct {
	Plan      Offer
	Link      string // a payment link; empty when none could be made
	Reminders bool   // reminders are scheduled before each payment
}

// Template names the template.
func (PlanAccepted) Template() string { return "plan_accepted.v1" }

// Promise confirms a promise to pay on a date, of the amount named if any.
type Promise struct {
	Date   time.Time
	Amount string // the amount promised, formatted; "" when none was named
}

// Template names the template.
func (Promise) Template() string { return "promise.v1" }

// DisputeAck acknowledges a dispute: collection stops until verification.
type DisputeAck struct {
	Creditor string
}

// Template names the template.
func (DisputeAck) Template() string { return "dispute_ack.v1" }

// Paused answers a verified borrower whose account is not being collected:
// Reason is "dispute", "cease", "attorney" or "bankruptcy".
type Paused struct {
	Reason string
}

// Template names the template.
func (Paused) Template() string { return "paused.v1" }

// Hardship acknowledges hardship with care. Noted is set when it was
// recorded on the account (only once the borrower is verified); Again when
// the borrower already heard the acknowledgement before verifying.
type Hardship struct {
	Noted bool
	Again bool
}

// Template names the template.
func (Hardship) Template() string { return "hardship.v1" }

// Deceased answers news that the borrower has died: condolences, no
// collection, a person to help. Unverified (a relative writes), it names
// no account and no collection: that would tell whoever writes of a debt.
type Deceased struct {
	Verified bool
}

// Template names the template.
func (Deceased) Template() string { return "deceased.v1" }

// Vulnerability answers a vulnerability that is not a crisis
// (bereavement, serious illness, a breathing-space moratorium): the
// account is paused, no offers, a person follows up. Kind is
// "breathing_space" or empty.
type Vulnerability struct {
	Kind string
	// Verified: the writer is the verified borrower, so the reply may say
	// the account is paused; before that it says nothing of an account.
	Verified bool
}

// Template names the template.
func (Vulnerability) Template() string { return "vulnerability.v1" }

// PlanCancelled confirms that an agreed plan was withdrawn and that
// nothing is agreed now.
type PlanCancelled struct {
	Plan Offer
}

// Template names the template.
func (PlanCancelled) Template() string { return "plan_cancelled.v1" }

// Crisis answers vulnerability or self-harm language: a person, support
// lines for the region, and nothing about the account.
type Crisis struct {
	Region string
}

// Template names the template.
func (Crisis) Template() string { return "crisis.v1" }

// OptOut confirms an opt-out from a channel ("sms", "chat", "voice",
// "email", "console"). Current is set when it is the channel being used.
type OptOut struct {
	Channel   string
	Collector string
	Current   bool
}

// Template names the template.
func (OptOut) Template() string { return "opt_out.v1" }

// WithoutSender leaves the sender's name out.
func (d OptOut) WithoutSender() Data { d.Collector = ""; return d }

// OptIn confirms that messages may resume.
type OptIn struct {
	Collector string
}

// Template names the template.
func (OptIn) Template() string { return "opt_in.v1" }

// WithoutSender leaves the sender's name out.
func (d OptIn) WithoutSender() Data { d.Collector = ""; return d }

// Help answers the HELP keyword with the sender's identity.
type Help struct {
	AgentName string
	Collector string
}

// Template names the template.
func (Help) Template() string { return "help.v1" }

// WithoutSender leaves the sender's name out.
func (d Help) WithoutSender() Data { d.Collector = ""; return d }

// StopAck acknowledges a cease request, an attorney notice or a bankruptcy
// (Reason "cease", "attorney", "bankruptcy"). Unverified, it says nothing
// about a debt.
type StopAck struct {
	Reason   string
	Verified bool
	// AttorneyName and AttorneyPhone are the attorney's details as the
	// borrower gave them (Reason "attorney"), and AttorneyEmail is set when
	// they gave an e-mail address: read back (the address is not, as a
	// message must carry no address but the allowed ones), and a way to
	// reach the attorney asked for when there is none.
	AttorneyName  string
	AttorneyPhone string
	AttorneyEmail bool
}

// Template names the template.
func (StopAck) Template() string { return "stop_ack.v1" }

// RestrictionAck acknowledges the contact restrictions the borrower just
// asked for, briefly, in words that carry nothing about a debt.
type RestrictionAck struct {
	Terms []RestrictionTerm
}

// Template names the template.
func (RestrictionAck) Template() string { return "restriction_ack.v1" }

// RestrictionTerm is one restriction in an acknowledgement. Kind is
// "place" (Place "work" or "home"), "time" (NotBefore and NotAfter in minutes after
// local midnight, 0 for none), "channel" (Channels: sms, email, voice,
// chat), "days" (Weekends, or Days as English weekday names, "Sunday") or
// "other" (a request a person will set up).
type RestrictionTerm struct {
	Kind                string
	Place               string
	NotBefore, NotAfter int
	Channels            []string
	Weekends            bool
	Days                []string
}

// Handoff tells the borrower a person will take over. Reason is "request",
// "identity", "negotiation", "guard" or "waiting" (already handed over).
type Handoff struct {
	Reason string
}

// Template names the template.
func (Handoff) Template() string { return "handoff.v1" }

// Joined tells the borrower that a person from the team has joined the
// conversation: Name is how the team member is called.
type Joined struct {
	Name string
}

// Template names the template.
func (Joined) Template() string { return "joined.v1" }

// Returned tells the borrower that the automated assistant, AgentName,
// answers again after a person handed the conversation back.
type Returned struct {
	AgentName string
}

// Template names the template.
func (Returned) Template() string { return "returned.v1" }

// Canned is a ready-made reply a team member may send from the console:
// Name is one of CannedNames, Sender the team member's name.
type Canned struct {
	Name   string
	Sender string
}

// Template names the template.
func (Canned) Template() string { return "canned.v1" }

// CannedNames are the canned replies the console offers, in its order.
var CannedNames = []string{"greeting", "looking_into_it", "payment_options", "more_time", "thanks"}

// Language acknowledges a borrower's request to continue in the
// template's language. When the borrower asked for a language the
// assistant does not write (Other, in English, and OtherZh, in Chinese),
// or wrote in a script it does not read (Unread), it says so honestly and
// offers a person instead.
type Language struct {
	Other, OtherZh string
	Unread         bool
	// Answered tells a borrower whose message was mostly in a script
	// the assistant does not write, and whose question was still read,
	// that the answer comes in English and a person can help in their
	// language.
	Answered bool
}

// Template names the template.
func (Language) Template() string { return "language.v1" }

// Closing answers thanks or goodbye.
type Closing struct {
	// Ack answers a yes or an ok (to a confirmation) instead of thanks.
	Ack bool
	// Later answers an ok to a caring reply that offered nothing: the
	// options and a person are there whenever the borrower is ready.
	Later bool
}

// Template names the template.
func (Closing) Template() string { return "closing.v1" }

// NothingAgreed tells a borrower who takes back a choice, or says they
// never made one, that no plan is in force.
type NothingAgreed struct{}

// Template names the template.
func (NothingAgreed) Template() string { return "nothing_agreed.v1" }

// TakeTime answers a borrower who wants time to decide on the offers:
// nothing is agreed, and they can come back when ready.
type TakeTime struct{}

// Template names the template.
func (TakeTime) Template() string { return "take_time.v1" }

// Fallback is the plainest safe message, sent when the guard refuses a
// draft. Kind follows the refused draft's purpose: "" (an ordinary reply),
// "opt_out", "handoff" or "dispute".
type Fallback struct {
	Kind string
}

// Template names the template.
func (Fallback) Template() string { return "fallback.v1" }

// ReadBack reads a commitment back before it binds, when the borrower's
// message did not make it certain: an offer chosen (Kind "accept", Plan),
// a promise to pay (Kind "promise", Date), or cancelling the agreed plan
// (Kind "cancel", Plan). Only an explicit yes to it agrees.
type ReadBack struct {
	Kind   string
	Plan   Offer
	Date   time.Time
	Amount string // of a promise: the amount promised, formatted; "" when none was named
}

// Template names the template.
func (ReadBack) Template() string { return "read_back.v1" }
