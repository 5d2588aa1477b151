package agent

import (
	"slices"

	"github.com/parley-collections/parley/policies"
)

// A borrower's message is stored without the secrets typed in it: card,
// social security, national identity, bank account numbers and card
// security codes become their kind and last four ("[card ending 0004]")
// before the message is first written, so neither the transcript, its
// exports, the events quoting it nor the history a later turn reads holds
// them; the understanding of that turn reads the same masked text, which
// keeps what a turn needs (the kind, the last four for an identity check).
// Dates of birth and postcodes are what verification checks, so they are
// stored as typed until the turn that checks them, which rewrites the
// message with them masked (answersMasked, TurnEnd.InboundText).

// redactInbound is a borrower's text as it is stored.
func redactInbound(text string) string {
	masked, _ := policies.RedactSecrets(text)
	return masked
}

// answersMasked is the turn's inbound text with the identity answers it
// checked masked, or "" when that changes nothing.
func (t *Turn) answersMasked() string {
	if t.Inbound.ID == "" || len(t.answersChecked) == 0 {
		return ""
	}
	dob := slices.Contains(t.answersChecked, IdentityDOB)
	post := slices.Contains(t.answersChecked, IdentityPostcode)
	masked := policies.MaskIdentityAnswers(t.Inbound.Text, dob, post, t.Now)
	if masked == t.Inbound.Text {
		return ""
	}
	return masked
}
