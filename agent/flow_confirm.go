package agent

import (
	"slices"
	"time"

	"github.com/parley-collections/parley/prompts"
)

// The read-back: a commercial command the readers did not agree on
// (Command.Unsure, see Understander) is said back to the borrower, and
// binds only on an explicit yes in reply to that message.

// Read-back kinds.
const (
	readBackAccept  = "accept"
	readBackPromise = "promise"
	readBackCancel  = "cancel"
)

// readBack is a commitment read back and waiting for a yes.
type readBack struct {
	Kind    string    `json:"kind"`
	OfferID string    `json:"offer_id,omitempty"`
	Date    time.Time `json:"date,omitzero"`
	Amount  *Money    `json:"amount,omitempty"`
}

// sureYes reports whether c is an explicit yes to a read-back: a yes or
// an acceptance the readers agreed on, or one the rules brain read (the
// read-back asked for exactly that word), and none said with doubt.
func sureYes(c Command) bool {
	if c.Intent != IntentAffirm && c.Intent != IntentAcceptOffer || c.Doubt {
		return false
	}
	return !c.Unsure || slices.Contains(c.Readers, ReaderRules)
}

// confirmReadBack acts on the read-back of the previous reply when this
// message says yes to it, and reports whether it did. The yes is then
// spent: the commands that said it are not answered again.
func (f *flow) confirmReadBack() bool {
	rb := f.pendingReadBack
	if rb == nil || !f.t.Conversation.Verified || f.pauseReason() != "" {
		return false
	}
	yes := -1
	for i, c := range f.cmds {
		if sureYes(c) && (c.OfferID == "" || rb.Kind != readBackAccept || c.OfferID == rb.OfferID) {
			yes = i
			break
		}
	}
	if yes < 0 {
		return false
	}
	for i, c := range f.cmds {
		if i != yes && (negotiating(c.Intent) || c.Intent == IntentCancelPlan) {
			// "yes, but 900 to settle", "no… ok": the message says more
			// about terms than a yes; the flows answer all of it.
			return false
		}
	}
	f.cmds = slices.Delete(slices.Clone(f.cmds), yes, yes+1)
	f.handled = true
	switch rb.Kind {
	case readBackAccept:
		f.accept(rb.OfferID)
	case readBackPromise:
		f.recordPromise(Command{Intent: IntentPromiseToPay, Date: rb.Date, Amount: rb.Amount})
	case readBackCancel:
		f.cancelPlan()
	}
	return true
}

// acceptOrReadBack agrees offer id when the acceptance is sure, else reads
// the offer back.
func (f *flow) acceptOrReadBack(c Command, id string) {
	if !c.Unsure {
		f.accept(id)
		return
	}
	n, _ := f.negotiation()
	for _, p := range n.Offers() {
		if p.ID != id {
			continue
		}
		f.t.Ground(n.Amounts()...)
		f.say(prompts.ReadBack{Kind: readBackAccept, Plan: f.offer(p)})
		f.mem.ReadBack = &readBack{Kind: readBackAccept, OfferID: id}
		f.mem.Offered = true // another option may still be chosen in reply
		return
	}
	f.accept(id) // not on the table: accept says so and shows the options
}

// readBackPromise reads an unsure promise back.
func (f *flow) readBackPromise(c Command) {
	f.say(prompts.ReadBack{Kind: readBackPromise, Date: calendarDay(c.Date, f.location()), Amount: f.promised(c.Amount)})
	f.mem.ReadBack = &readBack{Kind: readBackPromise, Date: c.Date, Amount: c.Amount}
}

// cancelOrReadBack cancels the agreed plan when the request is sure, else
// reads the plan back first.
func (f *flow) cancelOrReadBack(c Command) {
	if !c.Unsure {
		f.cancelPlan()
		return
	}
	p, ok := f.livePlan()
	if f.err != nil {
		return
	}
	if !ok {
		f.cancelLive(p, ok)
		return
	}
	f.mem.PlanID = p.ID // perhaps agreed in another conversation
	f.t.Ground(p.Total)
	for _, in := range p.Installments {
		f.t.Ground(in.Amount)
	}
	f.say(prompts.ReadBack{Kind: readBackCancel, Plan: f.offer(p)})
	f.mem.ReadBack = &readBack{Kind: readBackCancel}
}

// livePlan is the plan agreed in this conversation, if it still stands;
// when none was agreed here, the account's plan in force, agreed in
// another conversation or on another channel.
func (f *flow) livePlan() (Plan, bool) {
	plans, err := f.o.cfg.Store.Plans(f.ctx, f.t.Account.ID)
	if err != nil {
		f.fail(err)
		return Plan{}, false
	}
	for _, p := range append(plans, f.t.plans...) {
		if p.Status == PlanAccepted && (f.mem.PlanID == "" || p.ID == f.mem.PlanID) {
			return p, true
		}
	}
	return Plan{}, false
}

// calendarDay is the calendar date d names, as a day in loc: a promised
// date is a date, not an instant, so it is never moved across zones.
func calendarDay(d time.Time, loc *time.Location) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}
