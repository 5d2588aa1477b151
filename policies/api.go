package policies

import "time"

// Action is the guard's verdict on a proposed message.
type Action string

// The guard's verdicts.
const (
	Allow    Action = "allow"    // send as is
	Revise   Action = "revise"   // send Decision.Text, which mends what could be mended safely
	Defer    Action = "defer"    // not now: send at Decision.SendAt, checking again then
	Block    Action = "block"    // never send
	Escalate Action = "escalate" // a human must decide
)

// Categories, a closed set.
const (
	CatThreat               = "threat"
	CatHarassment           = "harassment"
	CatFalseRepresentation  = "false_representation"
	CatPressure             = "pressure"
	CatThirdPartyDisclosure = "third_party_disclosure"
	CatPII                  = "pii"
	CatContactTime          = "contact_time"
	CatFrequency            = "frequency"
	CatConsent              = "consent"
	CatDisclosureMissing    = "disclosure_missing"
	CatUngroundedAmount     = "ungrounded_amount"
	CatTimeBarred           = "time_barred"
)

// Purposes of a message that change what consent rules allow.
const (
	PurposeCollection         = ""                     // ordinary collection content
	PurposeOptOutConfirmation = "opt_out_confirmation" // the one confirmation of an opt-out
	PurposeDisputeAck         = "dispute_ack"          // acknowledging a dispute, promising verification
	PurposeHelp               = "help"                 // the HELP keyword's answer
	PurposeHandoff            = "handoff"              // telling the borrower a person will take over
	PurposeIdentity           = "identity"             // greeting and verification questions, no debt detail
	// PurposeStopNotice is the notice that collection on the borrower
	// stops, the one message 15 USC 1692c(c)(1) allows after a cease: the
	// acknowledgement of a cease request, an attorney notice or a
	// bankruptcy, and the short reply to a borrower who writes again
	// after one. It must not say it is an attempt to collect a debt,
	// which would be false in a message that ends collection (1692e(10));
	// it says only that it is from a debt collector, which 1692e(11) asks
	// of every communication after the initial one.
	PurposeStopNotice = "stop_notice"
)

// Terms the negotiation engine may grant, which Facts.GrantedTerms names.
// A message that offers one of them is allowed only when it was granted.
const (
	TermSettlement     = "settlement"      // a settlement for less than the balance
	TermInterestFreeze = "interest_freeze" // interest held for a time
	TermInterestWaiver = "interest_waiver" // interest written off
	TermFeeWaiver      = "fee_waiver"      // fees or charges written off
	TermPaymentPlan    = "payment_plan"    // instalments
	TermDueDateChange  = "due_date_change" // a later due date
)

// GrantedTerms lists every term Facts.GrantedTerms may hold.
var GrantedTerms = []string{TermSettlement, TermInterestFreeze, TermInterestWaiver, TermFeeWaiver, TermPaymentPlan, TermDueDateChange}

// Proposal is a message someone wants to send.
// Who wrote a proposal's text (Proposal.WrittenBy).
const (
	WrittenByAgent  = "agent"
	WrittenByPerson = "person"
)

type Proposal struct {
	ID           string
	Text         string
	Channel      string // sms, chat, voice, email; empty = the strictest
	InitiatedBy  string // agent or borrower (a reply to a message the borrower just sent); empty = agent
	FirstMessage bool   // the initial communication with this borrower
	Purpose      string // one of the Purpose constants
	// WrittenBy is who wrote the text: WrittenByAgent (drafted or reworded
	// by the automated agent) or WrittenByPerson (typed by a person, a
	// supervisor who took the conversation over); empty = the agent. A
	// person may say they are one; the agent may not (GEN-AI).
	WrittenBy string
	// Draft, when Reworded, is the text a rewording was made from: the
	// message is then also checked against it (see Guard.Grounded).
	Draft    string
	Reworded bool
}

// Amount is a money amount in minor units.
type Amount = int64

// Facts are what the guard knows about the recipient and the debt at the
// time of sending. Zero values are the strictest reading: not verified,
// unknown time zone.
type Facts struct {
	Jurisdiction            string
	Now                     time.Time
	Timezone                string
	RecipientVerified       bool
	HasBalance              bool
	Balance                 Amount   // minor units
	AllowedAmounts          []Amount // minor units: the only amounts the text may state, besides the balance
	Currency                string
	OptedOutChannels        []string
	Cease                   bool
	Attorney                bool
	Bankruptcy              bool
	Disputed                bool
	TimeBarred              bool
	LegalActionApproved     bool
	CallsLast7d             int
	ContactsLast7d          int
	LastPhoneConversationAt time.Time // zero = none
	ConnectedCallsToday     int
	// OtherBorrowerNames are names of other borrowers the text must never contain.
	OtherBorrowerNames []string
	// Lender is the creditor or lender the debt is owed to, and Agency the
	// collection agency acting for it, if any. The first message names them
	// where a profile requires it (CN, IN); an unverified recipient must not
	// see the lender's name, which would reveal the debt.
	Lender string
	Agency string
	// GrantedTerms are the terms (Term* constants) the negotiation engine
	// granted this turn; an offer of any other (a settlement, an interest or
	// fee waiver) is a violation, as an amount outside AllowedAmounts is.
	GrantedTerms []string
	// BorrowerName is the recipient's name: a lexicon term inside it (a first
	// name that is also a slang word) is not read as one.
	BorrowerName string
	// OtherBorrowerEmails are e-mail addresses of other borrowers the text
	// must never contain; OtherBorrowers is the same, for a whole portfolio,
	// as a salted digest set (see NewBorrowerIndex).
	OtherBorrowerEmails []string
	OtherBorrowers      *BorrowerIndex
	// LinkHosts are the hosts a link may point to besides the guard's own
	// allow-list (Options.LinkHosts and official advice services): the
	// payment host, usually. Any other link is blocked.
	LinkHosts []string
	// Restrictions are the contact restrictions the borrower recorded
	// (when, where and how they may be contacted): see restrictions.go.
	Restrictions []ContactRestriction
}

// Violation is one rule a message breaks.
type Violation struct {
	Rule     string `json:"rule"`
	Category string `json:"category"`
	Detail   string `json:"detail"`
	Citation string `json:"citation"`
}

// Decision is the guard's answer for one proposal.
type Decision struct {
	ID         string      `json:"id"`
	Action     Action      `json:"decision"`
	Violations []Violation `json:"violations"`
	Text       string      `json:"text,omitempty"`
	SendAt     time.Time   `json:"send_at,omitzero"`
	Error      string      `json:"error,omitempty"`
	// Grounded records, for the audit trail, the amounts (minor units) the
	// caller declared grounded when it asked; the guard leaves it empty.
	Grounded []Amount `json:"grounded,omitempty"`
	// Purpose records the purpose the message was judged under
	// (Proposal.Purpose), so that a message sent later, once deferred, is
	// judged under it again; the guard leaves it empty.
	Purpose string `json:"purpose,omitempty"`
	// Uncertain lists, for a message the guard sends, the content
	// categories the content model read within Options.UncertainBand below
	// its threshold: not a violation, a reading a caller may put to a
	// second reader, which may only make the decision stricter.
	Uncertain []string `json:"uncertain,omitempty"`
}

// Sendable reports whether the decision lets Text go out now.
func (d Decision) Sendable() bool { return d.Action == Allow || d.Action == Revise }
