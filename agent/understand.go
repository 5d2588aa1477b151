package agent

import (
	"context"
	"strings"
	"time"
)

// Readers of a message, named in Command.Readers.
const (
	ReaderRules      = "rules"      // the deterministic rules brain
	ReaderClassifier = "classifier" // the embedded intent classifier (policies/textclass)
	ReaderModel      = "model"      // the language model, when one is configured
	ReaderKeyword    = "keyword"    // a carrier opt-out keyword, read before any reader
)

// Protective reports whether an intent protects the borrower: it takes
// effect when any reader finds it. A writer who says they are someone
// else (IntentThirdParty) is one: believing it costs a borrower nothing,
// missing it tells a stranger about the debt.
func Protective(i Intent) bool {
	switch i {
	case IntentOptOut, IntentCease, IntentAttorney, IntentBankruptcy, IntentDispute, IntentRestrictContact,
		IntentVulnerable, IntentVulnerability, IntentDeceased, IntentRequestHuman, IntentThirdParty:
		return true
	}
	return false
}

// Commercial reports whether an intent can change what the borrower is
// committed to: accepting an offer (or a yes that accepts one), a promise
// to pay, cancelling a plan. It takes effect only when the readers agree,
// or after an explicit read-back.
func Commercial(i Intent) bool {
	switch i {
	case IntentAcceptOffer, IntentAffirm, IntentPromiseToPay, IntentCancelPlan:
		return true
	}
	return false
}

// sourceOptOutType is the consent source of an opt-out Twilio reported
// with an inbound message (Advanced Opt-Out's OptOutType=STOP).
const sourceOptOutType = "twilio OptOutType STOP"

// recordOptOutType records, as the message is stored and before any reader
// runs, the opt-out Twilio reported with it: OptOutType=STOP means Twilio
// matched an opt-out keyword (its own or one configured on the messaging
// service) and stops delivery to the number. The consent carries the
// message's time, so its turn knows the opt-out was this message's.
func (o *Orchestrator) recordOptOutType(ctx context.Context, conv Conversation, m Message, kind string) error {
	if !strings.EqualFold(strings.TrimSpace(kind), "STOP") || conv.AccountID == "" {
		return nil
	}
	return o.cfg.Store.SetConsent(ctx, Consent{AccountID: conv.AccountID, Channel: m.Channel, OptedOut: true,
		Source: sourceOptOutType, UpdatedAt: m.CreatedAt})
}

// optedOutByCarrier reports whether the turn's message came with Twilio's
// OptOutType=STOP (recorded by recordOptOutType).
func optedOutByCarrier(t *Turn) bool {
	if t.Inbound.ID == "" || t.load(context.Background()) != nil {
		return false
	}
	at := t.Inbound.CreatedAt.Truncate(time.Millisecond)
	for _, c := range t.consented {
		if c.Channel == t.Inbound.Channel && c.OptedOut && c.Source == sourceOptOutType && c.UpdatedAt.Truncate(time.Millisecond).Equal(at) {
			return true
		}
	}
	return false
}
