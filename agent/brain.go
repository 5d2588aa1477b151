package agent

import (
	"context"
	"time"
)

// Intent is what a borrower means by (part of) a message.
type Intent string

// The intents a Brain reports. The LLM brain exposes the same set as tools.
const (
	IntentVerifyIdentity Intent = "verify_identity" // Identity holds the facts given
	IntentAskBalance     Intent = "ask_balance"
	IntentAskDueDate     Intent = "ask_due_date"
	IntentAskCreditor    Intent = "ask_creditor"
	IntentAskPurpose     Intent = "ask_purpose" // what the debt is for
	IntentAskHowToPay    Intent = "ask_how_to_pay"
	IntentAskFees        Intent = "ask_fees"
	IntentAskBot         Intent = "ask_bot"    // "are you a bot?"
	IntentAskWho         Intent = "ask_who"    // "who are you?"
	IntentAskLegit       Intent = "ask_legit"  // "is this a scam?", "how do I know this is genuine?"
	IntentAskCredit      Intent = "ask_credit" // credit report effects
	IntentAskAdvice      Intent = "ask_advice" // free debt advice
	IntentAskArrest      Intent = "ask_arrest" // "will I go to jail?": owing a consumer debt is not a crime
	IntentAskLowest      Intent = "ask_lowest" // "what's the lowest you'd take?": the lowest terms allowed
	// IntentAskSuit asks whether they will be sued or taken to court.
	IntentAskSuit Intent = "ask_suit"
	// IntentAskTimeBarred asks whether the debt is too old to collect
	// (the statute of limitations).
	IntentAskTimeBarred Intent = "ask_time_barred"
	// IntentAskValidation asks for the validation notice, or for proof of
	// the debt in writing.
	IntentAskValidation Intent = "ask_validation"
	IntentProposePlan   Intent = "propose_plan" // Amount, Frequency, Count
	IntentAcceptOffer   Intent = "accept_offer" // OfferID, or the last offer
	IntentRejectOffer   Intent = "reject_offer"
	IntentPayInFull     Intent = "pay_in_full"
	IntentPromiseToPay  Intent = "promise_to_pay" // Date, Amount
	IntentDispute       Intent = "dispute"
	IntentHardship      Intent = "hardship"
	IntentVulnerable    Intent = "vulnerable" // self-harm or crisis language
	// IntentVulnerability is a vulnerability that is not a crisis:
	// bereavement, serious illness, a breathing-space moratorium.
	IntentVulnerability Intent = "vulnerability"
	// IntentDeceased reports that the borrower has died.
	IntentDeceased Intent = "deceased"
	// IntentCancelPlan withdraws from an agreed plan, or from what the
	// borrower was just taken to agree ("I didn't agree to that").
	IntentCancelPlan Intent = "cancel_plan"
	IntentOptOut     Intent = "opt_out" // Channel ("" = the current one)
	IntentOptIn      Intent = "opt_in"
	IntentHelp       Intent = "help" // the HELP keyword
	IntentCease      Intent = "cease"
	// IntentRestrictContact limits when, where or how the borrower may be
	// contacted ("not at work", "not before noon", "only by email"):
	// Restrictions holds what the reader understood of it, none when it
	// recognised the request without its terms.
	IntentRestrictContact Intent = "restrict_contact"
	IntentAttorney        Intent = "attorney"
	IntentBankruptcy      Intent = "bankruptcy"
	IntentRequestHuman    Intent = "request_human"
	IntentThirdParty      Intent = "third_party" // the writer says they are someone else
	IntentQuestion        Intent = "question"    // Text: anything else worth answering from the knowledge base
	IntentGreeting        Intent = "greeting"
	IntentThanks          Intent = "thanks"
	IntentGoodbye         Intent = "goodbye"
	IntentAffirm          Intent = "affirm" // yes, ok
	IntentDeny            Intent = "deny"   // no
	IntentUnknown         Intent = "unknown"
)

// Intents lists every intent a Brain may report: the flows act on each,
// and the LLM brain offers each as a tool.
var Intents = []Intent{
	IntentVerifyIdentity, IntentAskBalance, IntentAskDueDate, IntentAskCreditor, IntentAskPurpose,
	IntentAskHowToPay, IntentAskFees, IntentAskBot, IntentAskWho, IntentAskLegit, IntentAskCredit, IntentAskAdvice,
	IntentAskArrest, IntentAskSuit, IntentAskTimeBarred, IntentAskValidation, IntentAskLowest, IntentProposePlan, IntentAcceptOffer, IntentRejectOffer, IntentPayInFull,
	IntentPromiseToPay, IntentDispute, IntentHardship, IntentVulnerable, IntentVulnerability,
	IntentDeceased, IntentCancelPlan, IntentOptOut, IntentOptIn, IntentHelp, IntentCease, IntentRestrictContact,
	IntentAttorney, IntentBankruptcy, IntentRequestHuman, IntentThirdParty, IntentQuestion,
	IntentGreeting, IntentThanks, IntentGoodbye, IntentAffirm, IntentDeny, IntentUnknown,
}

// Command is one understood intent with its slots. Slots are parsed values;
// they are what the borrower said, never an instruction the flows must obey.
type Command struct {
	Intent    Intent          `json:"intent"`
	Amount    *Money          `json:"amount,omitempty"`    // "150 a month" -> 150.00 in the account's currency
	Frequency Frequency       `json:"frequency,omitempty"` // weekly, biweekly, monthly
	Count     int             `json:"count,omitempty"`     // number of installments
	Date      time.Time       `json:"date,omitzero"`       // a promised date
	Identity  []IdentityClaim `json:"identity,omitempty"`  // facts offered for verification
	Channel   Channel         `json:"channel,omitempty"`   // the channel an opt-out names
	OfferID   string          `json:"offer_id,omitempty"`
	Relation  string          `json:"relation,omitempty"` // third party: spouse, parent, friend …
	Text      string          `json:"text,omitempty"`     // the question, for the knowledge base
	// Restrictions are the contact restrictions a restrict_contact names.
	Restrictions []ContactRestriction `json:"restrictions,omitempty"`
	// Unsure marks a commercial command (Commercial) the readers did not
	// agree on: the flows read it back and act only on an explicit yes.
	// Set by the combination of readers (Understander), or by a reader
	// that heard doubt in the choice ("maybe the second one?").
	Unsure bool `json:"unsure,omitempty"`
	// Doubt marks a yes, a choice or a promise a reader heard doubt, a
	// condition or resignation in ("ok I guess", "fine, but can I start in
	// April", "whatever"): it is read back, and never confirms a read-back.
	Doubt bool `json:"doubt,omitempty"`
	// Readers names the readers that found the command (ReaderRules,
	// ReaderClassifier, ReaderModel); empty for a single brain's reading.
	Readers []string `json:"readers,omitempty"`
}

// IdentityClaim is one identity fact a borrower offered, already normalized:
// DOB as YYYY-MM-DD (candidates when a two-digit year is ambiguous),
// postcode upper case without spaces, last 4 as four digits.
type IdentityClaim struct {
	Kind   IdentityKind `json:"kind"`
	Values []string     `json:"values"`
	// Written is how many separate values of the fact the message wrote
	// when it wrote more than one ("04/12/1985 or 04/21/1985"); 0 means
	// one value, however many readings it has. A message that offers
	// several values is a failed attempt, whichever of them matches.
	Written int `json:"written,omitempty"`
}

// Understanding is a Brain's reading of one message.
type Understanding struct {
	Commands []Command `json:"commands"`
	Lang     string    `json:"lang,omitempty"`     // en or zh, as detected
	Brain    string    `json:"brain"`              // "rules", or the model name
	Fallback string    `json:"fallback,omitempty"` // why the LLM brain fell back to rules
}

// TurnContext is what a Brain may know about the conversation: no identity
// facts, and no debt details before verification.
type TurnContext struct {
	Conversation Conversation
	Currency     string
	Now          time.Time
	Locale       string
	History      []Message // the recent transcript, oldest first
	OpenOffers   []Plan    // offers on the table, so "the second one" can be resolved
}

// Brain turns borrower text into commands. The rules brain (agent/rules)
// works offline; the LLM brain (agent/openai) calls a model and falls back
// to rules.
type Brain interface {
	Understand(ctx context.Context, tc TurnContext, text string) (Understanding, error)
}

// Phraser may reword a drafted reply or answer a question from knowledge
// passages. The orchestrator re-checks whatever it returns with the guard
// and keeps the template when the rewording adds anything ungrounded.
type Phraser interface {
	Phrase(ctx context.Context, req PhraseRequest) (PhraseResult, error)
}

// PhraseRequest asks for a rewording of Draft, or an answer to Question from Passages.
type PhraseRequest struct {
	Locale   string
	Channel  Channel
	Draft    string
	Question string
	Passages []Passage
	// Stream, when set, receives sentence-sized chunks as they are produced (voice).
	Stream func(chunk string)
}

// PhraseResult is the model's text with what produced it.
type PhraseResult struct {
	Text          string
	Model         string
	PromptVersion string
}

// Passage is a knowledge-base excerpt with the document it came from.
type Passage struct {
	DocID string  `json:"doc_id"`
	Title string  `json:"title"`
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

// Knowledge answers questions from the knowledge base (agent/kb in memory,
// agent/qdrant in production).
type Knowledge interface {
	Search(ctx context.Context, query, locale string, k int) ([]Passage, error)
}
