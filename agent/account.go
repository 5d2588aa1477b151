package agent

import (
	"log/slog"
	"strings"
	"time"
)

// Account is one debt owed to a creditor, as the system of record knows it.
type Account struct {
	ID          string         `json:"id"`
	Creditor    string         `json:"creditor"`
	Agency      string         `json:"agency,omitempty"` // collecting agency; empty when the creditor collects itself
	Purpose     string         `json:"purpose,omitempty"`
	Balance     Money          `json:"balance"`
	DueDate     time.Time      `json:"due_date,omitzero"`
	DaysPastDue int            `json:"days_past_due"`
	Flags       AccountFlags   `json:"flags"`
	Policy      CreditorPolicy `json:"policy"`
	Borrower    Borrower       `json:"borrower"`
	CreatedAt   time.Time      `json:"created_at,omitzero"`
	UpdatedAt   time.Time      `json:"updated_at,omitzero"`
}

// AccountFlags are the legal facts about a debt that change what may be said.
type AccountFlags struct {
	TimeBarred          bool `json:"time_barred"`
	LegalActionApproved bool `json:"legal_action_approved"`
	// CreditReported is set when the creditor or agency reports this
	// account to the credit bureaus (credit reference agencies, credit
	// information companies, 征信): what the borrower is told about their
	// credit follows it.
	CreditReported bool `json:"credit_reported,omitempty"`
	Bankruptcy     bool `json:"bankruptcy"`
	Disputed       bool `json:"disputed"`
	Attorney       bool `json:"attorney"`
	Cease          bool `json:"cease"`
	// Deceased is set when the borrower is reported to have died: no
	// collection contact, a person handles the account.
	Deceased bool `json:"deceased,omitempty"`
	// Vulnerable is set on crisis, bereavement, serious illness or a
	// breathing-space moratorium: no offers, a person handles the account.
	Vulnerable bool `json:"vulnerable,omitempty"`
}

// The account flags a turn may change, by their JSON names (FlagChange).
const (
	FlagBankruptcy = "bankruptcy"
	FlagDisputed   = "disputed"
	FlagAttorney   = "attorney"
	FlagCease      = "cease"
	FlagDeceased   = "deceased"
	FlagVulnerable = "vulnerable"
)

// ValidFlag reports whether name is a flag a turn may change.
func ValidFlag(name string) bool {
	switch name {
	case FlagBankruptcy, FlagDisputed, FlagAttorney, FlagCease, FlagDeceased, FlagVulnerable:
		return true
	}
	return false
}

// Apply returns f with the change made.
func (f AccountFlags) Apply(c FlagChange) AccountFlags {
	switch c.Flag {
	case FlagBankruptcy:
		f.Bankruptcy = c.Value
	case FlagDisputed:
		f.Disputed = c.Value
	case FlagAttorney:
		f.Attorney = c.Value
	case FlagCease:
		f.Cease = c.Value
	case FlagDeceased:
		f.Deceased = c.Value
	case FlagVulnerable:
		f.Vulnerable = c.Value
	}
	return f
}

// Collector is who writes to the borrower: the agency when there is one,
// otherwise the creditor.
func (a Account) Collector() string {
	if a.Agency != "" {
		return a.Agency
	}
	return a.Creditor
}

// CollectionStopped reports whether a legal fact stops collection contact.
func (a Account) CollectionStopped() bool {
	f := a.Flags
	return f.Cease || f.Attorney || f.Bankruptcy || f.Disputed || f.Deceased
}

// LogValue keeps personal data out of logs.
func (a Account) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", a.ID), slog.String("jurisdiction", a.Borrower.Jurisdiction))
}

// Borrower is the person who owes the debt.
type Borrower struct {
	Name         string        `json:"name"`
	Phones       []string      `json:"phones"` // E.164
	Email        string        `json:"email,omitempty"`
	Timezone     string        `json:"timezone"`     // IANA name; empty when unknown
	Jurisdiction string        `json:"jurisdiction"` // US, US-MA, US-NY, US-WA, US-CA, GB, CN, IN
	Locale       string        `json:"locale"`       // en or zh
	Identity     IdentityFacts `json:"identity"`
}

// LogValue keeps personal data out of logs.
func (b Borrower) LogValue() slog.Value {
	return slog.GroupValue(slog.String("name", "[redacted]"), slog.String("jurisdiction", b.Jurisdiction))
}

// IdentityFacts holds keyed, salted digests of the facts a borrower proves
// who they are with (see IdentityHasher). The plain values are never
// stored, so they can be checked but never echoed back.
type IdentityFacts struct {
	Salt     string `json:"salt"`
	DOB      string `json:"dob,omitempty"`      // digest of YYYY-MM-DD
	Postcode string `json:"postcode,omitempty"` // digest of the postcode, upper case, no spaces
	IDLast4  string `json:"id_last4,omitempty"` // digest of the last four digits of an ID
}

// IdentityKind names one identity fact.
type IdentityKind string

// The identity facts a borrower can be asked for.
const (
	IdentityDOB      IdentityKind = "dob"
	IdentityPostcode IdentityKind = "postcode"
	IdentityIDLast4  IdentityKind = "id_last4"
)

// NewIdentityFacts digests plain facts without a key, at test costs, as
// an orchestrator without Config.Identity checks them: for tests and
// fixtures. Real portfolios are digested with an IdentityHasher. dob is
// YYYY-MM-DD; empty facts stay empty.
func NewIdentityFacts(salt, dob, postcode, idLast4 string) IdentityFacts {
	return unkeyed.Facts(salt, dob, postcode, idLast4)
}

// Has reports whether the fact of that kind is on file.
func (f IdentityFacts) Has(k IdentityKind) bool { return f.stored(k) != "" }

// Check compares a candidate value with a digest NewIdentityFacts made.
func (f IdentityFacts) Check(k IdentityKind, value string) bool {
	ok, _ := unkeyed.Check(&f, k, value)
	return ok
}

// LogValue keeps identity digests out of logs.
func (f IdentityFacts) LogValue() slog.Value { return slog.StringValue("[redacted]") }

func (f IdentityFacts) stored(k IdentityKind) string {
	switch k {
	case IdentityDOB:
		return f.DOB
	case IdentityPostcode:
		return f.Postcode
	case IdentityIDLast4:
		return f.IDLast4
	}
	return ""
}

func (f *IdentityFacts) set(k IdentityKind, d string) {
	switch k {
	case IdentityDOB:
		f.DOB = d
	case IdentityPostcode:
		f.Postcode = d
	case IdentityIDLast4:
		f.IDLast4 = d
	}
}

// NormalizePostcode upper-cases a postcode and drops spaces and dashes.
func NormalizePostcode(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	return postcodeSeparators.Replace(s)
}

// postcodeSeparators drops what NormalizePostcode drops; a Replacer is safe
// for concurrent use, and building one costs more than the replacing.
var postcodeSeparators = strings.NewReplacer(" ", "", "-", "")

// CreditorPolicy bounds what the negotiation engine may offer.
type CreditorPolicy struct {
	MaxInstallments        int            `json:"max_installments"`
	MinInstallment         Money          `json:"min_installment"`
	SettlementFloorBP      int            `json:"settlement_floor_bp"` // basis points of the balance: 7000 = 0.70; 0 = no settlement
	FirstPaymentWithinDays int            `json:"first_payment_within_days"`
	Hardship               HardshipPolicy `json:"hardship"`
}

// HardshipPolicy is what the creditor allows a borrower in hardship.
type HardshipPolicy struct {
	PauseDays         int   `json:"pause_days,omitempty"`          // a payment holiday before the first installment
	MinInstallment    Money `json:"min_installment,omitzero"`      // a lower floor for hardship plans
	MaxInstallments   int   `json:"max_installments,omitempty"`    // a longer term for hardship plans
	FeeWaiverEligible bool  `json:"fee_waiver_eligible,omitempty"` // fees may be waived on request
}
