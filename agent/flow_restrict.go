package agent

import (
	"slices"
	"strings"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
)

// restrict records the contact restrictions the borrower asked for ("not
// at work", "not before noon", "only by email", "not on weekends") on the
// account and acknowledges them briefly; the conversation goes on, since a
// restriction is neither an opt-out nor a cease. The guard enforces every
// restriction recorded from this turn's replies on. A request a reader
// recognised without its terms is recorded as "other" with the borrower's
// words, for a person to set up. A restriction recorded before is
// acknowledged again, not recorded twice.
func (f *flow) restrict(c Command) {
	t := f.t
	terms := f.recordRestrictions(c)
	f.handled = true
	ack := prompts.RestrictionAck{Terms: terms}
	if fl := t.Account.Flags; fl.Attorney || fl.Cease {
		// Only a note that says what was recorded: no collection content.
		f.sayAs(policies.PurposeHandoff, ack)
		return
	}
	f.say(ack)
}

// recordRestrictions records the restrictions of c that the account does
// not hold yet, each with its event, and returns all of them as the
// acknowledgement says them.
func (f *flow) recordRestrictions(c Command) []prompts.RestrictionTerm {
	t := f.t
	rs := c.Restrictions
	if len(rs) == 0 {
		rs = []ContactRestriction{{Kind: policies.RestrictOther}}
	}
	have := t.Restrictions()
	terms := make([]prompts.RestrictionTerm, 0, len(rs))
	for _, r := range rs {
		terms = append(terms, restrictionTerm(r))
		if r.Kind != policies.RestrictOther && slices.ContainsFunc(have, func(h Restriction) bool { return sameRestriction(h.ContactRestriction, r) }) {
			continue
		}
		rec := t.AddRestriction(Restriction{ContactRestriction: r, Text: t.Inbound.Text})
		t.Emit(EventRestriction, map[string]string{"restriction_id": rec.ID, "kind": r.Kind, "restriction": strings.Join(RestrictionNames(r), ", ")})
	}
	return terms
}

// sameRestriction reports whether two restrictions say the same thing.
func sameRestriction(a, b ContactRestriction) bool {
	return a.Kind == b.Kind && a.Place == b.Place && a.NotBefore == b.NotBefore && a.NotAfter == b.NotAfter &&
		slices.Equal(a.Channels, b.Channels) && slices.Equal(a.Days, b.Days)
}

// restrictionTerm is a restriction as the acknowledgement says it.
func restrictionTerm(r ContactRestriction) prompts.RestrictionTerm {
	t := prompts.RestrictionTerm{Kind: r.Kind, Place: r.Place, NotBefore: r.NotBefore, NotAfter: r.NotAfter, Channels: r.Channels}
	if weekends(r.Days) {
		t.Weekends = true
		return t
	}
	for _, d := range r.Days {
		t.Days = append(t.Days, d.String())
	}
	return t
}
