package agent

import (
	"slices"
	"strings"
	"time"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
)

// ContactRestriction is a limit the borrower put on when, where or how
// they may be contacted: "not at work", "not before noon", "only by
// email", "not on weekends" (policies.ContactRestriction). The guard
// enforces every one recorded on the account.
type ContactRestriction = policies.ContactRestriction

// Restriction is a contact restriction recorded on an account. It has no
// expiry: it stands until a person removes it.
type Restriction struct {
	ID             string `json:"id"`
	AccountID      string `json:"account_id"`
	ConversationID string `json:"conversation_id,omitempty"`
	ContactRestriction
	// Text is the borrower's message that asked for it.
	Text      string    `json:"text,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// RestrictionNames lists a restriction in words, one name a limit: "not
// at work", "not at home", "not before noon", "not after 9pm", "only by email", "only by
// sms or email", "not on weekends", "not on sunday". A time restriction
// with both bounds has two names. The eval format names restrictions so.
func RestrictionNames(r ContactRestriction) []string {
	switch r.Kind {
	case policies.RestrictPlace:
		return []string{"not at " + r.Place}
	case policies.RestrictTime:
		var out []string
		if r.NotBefore > 0 {
			out = append(out, "not before "+prompts.Clock("en", r.NotBefore))
		}
		if r.NotAfter > 0 {
			out = append(out, "not after "+prompts.Clock("en", r.NotAfter))
		}
		return out
	case policies.RestrictChannel:
		return []string{"only by " + strings.Join(r.Channels, " or ")}
	case policies.RestrictDays:
		if weekends(r.Days) {
			return []string{"not on weekends"}
		}
		days := make([]string, len(r.Days))
		for i, d := range r.Days {
			days[i] = strings.ToLower(d.String())
		}
		return []string{"not on " + strings.Join(days, " or ")}
	}
	return []string{r.Kind}
}

// NamesOf lists every name of the restrictions (RestrictionNames).
func NamesOf(rs []Restriction) []string {
	var out []string
	for _, r := range rs {
		out = append(out, RestrictionNames(r.ContactRestriction)...)
	}
	return out
}

// weekends reports whether days are Saturday and Sunday.
func weekends(days []time.Weekday) bool {
	return len(days) == 2 && slices.Contains(days, time.Saturday) && slices.Contains(days, time.Sunday)
}
