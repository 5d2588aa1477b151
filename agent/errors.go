package agent

import (
	"errors"
	"strings"
)

// Kind says what went wrong in terms an edge can report: an HTTP handler
// maps it to a status once, a command to its exit message.
type Kind uint8

// The kinds. KindInternal, the zero value, is never shown in detail.
const (
	KindInternal    Kind = iota // a fault of ours: logged, reported without detail
	KindNotFound                // the thing asked for does not exist
	KindConflict                // the state changed or forbids it now (owner, status, a lost race)
	KindForbidden               // the caller may not do this
	KindInvalid                 // the request itself is wrong
	KindUnavailable             // a part this needs is not configured or not reachable
)

var kindNames = [...]string{"internal", "not found", "conflict", "forbidden", "invalid", "unavailable"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "internal"
}

// Error is Parley's one error type. Message is written for whoever made
// the request (a supervisor, an API client), never for a borrower; Op names
// the operation for logs; Err is the cause, if any.
type Error struct {
	Op      string
	Kind    Kind
	Message string
	Err     error
}

// E makes an error of kind with a message safe to show to the caller,
// wrapping cause (which may be nil).
func E(op string, kind Kind, message string, cause error) *Error {
	return &Error{Op: op, Kind: kind, Message: message, Err: cause}
}

func (e *Error) Error() string {
	parts := make([]string, 0, 3)
	for _, s := range []string{e.Op, e.Message} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if e.Err != nil {
		parts = append(parts, e.Err.Error())
	}
	return strings.Join(parts, ": ")
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf is the kind of the outermost *Error in err's chain that has one
// other than KindInternal; an error without one is internal.
func KindOf(err error) Kind {
	for err != nil {
		var e *Error
		if !errors.As(err, &e) {
			return KindInternal
		}
		if e.Kind != KindInternal {
			return e.Kind
		}
		err = e.Err
	}
	return KindInternal
}

// MessageOf is the caller-facing message of the outermost *Error in err's
// chain that has one, or the kind's name.
func MessageOf(err error) string {
	for e := err; e != nil; {
		var pe *Error
		if !errors.As(e, &pe) {
			break
		}
		if pe.Message != "" {
			return pe.Message
		}
		e = pe.Err
	}
	return KindOf(err).String()
}

// The errors the store and the orchestrator return. Each is an *Error, so
// errors.Is matches it however it was wrapped and KindOf reports its kind.
var (
	// ErrNotFound: the store has no such row.
	ErrNotFound = E("", KindNotFound, "not found", nil)
	// ErrConflict: a conditional write lost; the row changed under it.
	ErrConflict = E("", KindConflict, "conflict", nil)
	// ErrNotOwner: the conversation is not owned as the caller required.
	ErrNotOwner = E("", KindConflict, "not the owner", nil)
	// ErrBadAmount: a money string that cannot be parsed.
	ErrBadAmount = E("", KindInvalid, "bad amount", nil)
	// ErrUnknownOffer: an acceptance of an offer the negotiation never made.
	ErrUnknownOffer = E("", KindNotFound, "unknown offer", nil)
	// ErrOfferExpired: an offer whose first payment date has passed.
	ErrOfferExpired = E("", KindConflict, "offer expired", nil)
	// ErrUnknownSender: an inbound message from an address no account has.
	ErrUnknownSender = E("", KindNotFound, "unknown sender", nil)
	// ErrContactStopped: outreach to an account whose borrower has stopped
	// collection contact (dispute, cease, attorney, bankruptcy) or opted out
	// of the channel.
	ErrContactStopped = E("", KindConflict, "collection contact stopped", nil)
	// ErrNoDialer: a call asked of an orchestrator that has no way to place
	// one; use an Outreacher with a Dialer.
	ErrNoDialer = E("", KindUnavailable, "voice calls are not configured on this server", nil)
	// ErrCallInProgress: a call asked for while the last call placed to the
	// borrower has not reported its outcome; until it does, the guard could
	// not count it.
	ErrCallInProgress = E("", KindConflict, "a call to the borrower is in progress", nil)
	// ErrBlocked: a supervisor message the guard refused; the stored message
	// and the decision say why.
	ErrBlocked = E("", KindInvalid, "blocked by the guard", nil)
	// ErrConfirmNeeded: a supervisor message held because the judge could
	// not read it; SupervisorConfirm sends it.
	ErrConfirmNeeded = E("", KindConflict, "the second reading is unavailable: confirm to send", nil)
	// ErrNotDeferred: a message that is not a supervisor's message waiting to
	// be sent, so there is nothing to cancel.
	ErrNotDeferred = E("", KindConflict, "this message is not waiting to be sent", nil)
	// ErrLinkConfig, ErrLinkInvalid (malformed or tampered with) and
	// ErrLinkExpired come from PaymentLinker.
	ErrLinkConfig  = E("", KindUnavailable, "payment link: bad configuration", nil)
	ErrLinkInvalid = E("", KindInvalid, "payment link: invalid token", nil)
	ErrLinkExpired = E("", KindInvalid, "payment link: expired", nil)
	// ErrLinkVoid: the link's plan was superseded or cancelled
	// (PaymentLinker.Resolve); the plan in force has its own link.
	ErrLinkVoid = E("", KindConflict, "payment link: the plan is no longer in force", nil)
)
