package agent

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parley-collections/parley/prompts"
)

// Negotiation in the dialogue: the engine (negotiation.go) computes every
// offer; the flows only present them, ground their amounts for the guard,
// and record what the borrower accepts or promises.

// linkValidity is how long a payment link stays valid after the first due date.
const linkValidity = 7 * 24 * time.Hour

// reminderLead is how long before an installment falls due its reminder goes.
const reminderLead = 24 * time.Hour

// negotiation returns the negotiation in memory, opening one when none is.
func (f *flow) negotiation() (n *Negotiation, fresh bool) {
	if f.mem.Negotiation == nil {
		f.mem.Negotiation = NewNegotiation(f.t.Account, f.mem.Hardship, f.t.Now)
		return f.mem.Negotiation, true
	}
	return f.mem.Negotiation, false
}

// negotiate answers a negotiation move of a verified borrower.
func (f *flow) negotiate(c Command) {
	if f.t.Emitted(EventPlanOffered) && !namesTerms(c) {
		// One set of offers per turn: a second would renumber the options
		// the borrower is reading ("I lost my job, I can't pay it all" is
		// hardship, not a refusal of offers they have not seen).
		return
	}
	if (f.t.Emitted(EventPlanOffered) || f.t.Emitted(EventPlanAccepted)) && (c.Intent == IntentAcceptOffer || c.Intent == IntentAffirm) {
		// "ok, what about 700": the acceptance cannot be of offers this
		// very reply puts on the table, which the borrower has not seen,
		// and a plan this turn agreed is not agreed twice.
		return
	}
	n, fresh := f.negotiation()
	table := n.Offers()
	switch c.Intent {
	case IntentAskLowest:
		f.present(n.Lowest(f.t.Now), false)
	case IntentPayInFull:
		if a := f.ownCurrency(c.Amount); a != nil && a.Minor < f.t.Account.Balance.Minor {
			// "I can pay 900 in full": one payment of less than the balance
			// is offered as that, never agreed as the whole balance.
			f.answer(n.Respond(Ask{Amount: a, Count: 1, Hardship: f.mem.Hardship}, f.t.Now), table)
			return
		}
		// Paying in full is offered like any plan: it is agreed only when
		// the borrower chooses it in reply, never in the message offering it.
		f.answer(n.Respond(Ask{Count: 1, Hardship: f.mem.Hardship}, f.t.Now), table)
	case IntentAcceptOffer, IntentAffirm:
		if c.OfferID == "" && f.said(IntentOptOut) {
			// "yeah whatever, just stop texting me": a yes said with a
			// stop chooses nothing, and no menu follows the stop.
			return
		}
		switch {
		case c.OfferID == "" && !f.offersOpen && f.t.Conversation.State == StatePlanAccepted:
			// "yes" or "ok" to the confirmation of a plan just agreed,
			// whether a reader took it as a yes or as an acceptance naming
			// no option: nothing more is on the table, and showing the
			// options again would let the next "ok" agree the plan twice.
			// A thanks or goodbye in the same message has its own closing.
			if !f.said(IntentThanks, IntentGoodbye) {
				f.say(prompts.Closing{Ack: true})
			}
		case !f.offersOpen && c.OfferID == "" && f.mem.Fallbacks > 0:
			// "ok" to a reply that did not follow and offered a person
			// ("just say if you'd like one") takes the person.
			f.handoff("request")
		case !f.offersOpen && c.OfferID != "" && f.deferred:
			// "ok I thought it over, the second one": the reply before
			// only gave time to decide, so the option named is still one
			// of those the borrower was shown.
			f.acceptOrReadBack(c, c.OfferID)
		case !f.offersOpen && c.OfferID != "" && f.switches(c.OfferID):
			// "can I switch to the second one instead?" right after a plan
			// from the same list was agreed: the new choice supersedes it.
			f.acceptOrReadBack(c, c.OfferID)
		case !f.offersOpen && len(table) > 0:
			// A choice counts only in reply to the message that offered:
			// show the options again and let the borrower choose.
			f.present(Step{Offers: table, Outcome: StepOffer}, true)
		case c.OfferID != "":
			f.acceptOrReadBack(c, c.OfferID)
		case len(table) == 1:
			f.acceptOrReadBack(c, table[0].ID)
		case len(table) > 1:
			f.which = true // which one? show them again, asking
			f.present(Step{Offers: table, Outcome: StepOffer}, true)
		case f.mem.Hardship:
			// "ok" to the caring reply to hardship, which offered nothing:
			// a menu would answer distress with offers. The options and a
			// person are there when the borrower asks.
			if !f.said(IntentThanks, IntentGoodbye) {
				f.say(prompts.Closing{Later: true})
			}
		default:
			f.present(n.Open(), false)
		}
	case IntentRejectOffer, IntentDeny:
		if (fresh || len(table) == 0) && f.mem.Fallbacks > 0 {
			// "no, the other one" after a reply that did not follow
			// refuses no offer: nothing was offered, and it is one more
			// message not understood (two hand over to a person).
			f.unsure(prompts.NotUnderstood{Verified: true})
			return
		}
		if fresh || len(table) == 0 {
			f.present(n.Open(), false)
			return
		}
		f.present(n.Respond(Ask{Hardship: f.mem.Hardship}, f.t.Now), false)
	default: // propose_plan
		if c.Amount == nil && c.Count == 0 {
			if len(table) == 0 {
				f.present(n.Open(), false)
			} else {
				// Asked again after a plan was agreed ("a quicker schedule,
				// please"), the options go back on the table to replace it:
				// they are offered anew.
				f.present(Step{Offers: table, Outcome: StepOffer}, f.mem.PlanID == "" || f.offersOpen)
			}
			return
		}
		ask := Ask{Amount: f.ownCurrency(c.Amount), Frequency: c.Frequency, Count: c.Count, Hardship: f.mem.Hardship}
		if lumpSum(ask, table, f.t.Account.Balance) {
			ask.Count = 1
		}
		f.answer(n.Respond(ask, f.t.Now), table)
	}
}

// answer presents the engine's answer to terms the borrower named, unless
// the terms restate an offer of the previous reply and the borrower also
// said yes ("yes, 1000 to close it" after an offer of 1000): then they
// chose the offer they were shown, in their own words.
func (f *flow) answer(step Step, table []Plan) {
	if f.offersOpen && f.accepts() && restated(step, table) {
		f.accept(step.Offers[0].ID)
		return
	}
	f.present(step, false)
}

// switches reports whether choosing offer id changes the plan just agreed
// in this conversation to another option of the same table.
func (f *flow) switches(id string) bool {
	if f.t.Conversation.State != StatePlanAccepted || f.mem.PlanID == "" || f.mem.Negotiation == nil {
		return false
	}
	p, ok := f.mem.Negotiation.Accepted()
	if !ok || p.ID == id {
		return false
	}
	return slices.ContainsFunc(f.mem.Negotiation.Offers(), func(o Plan) bool { return o.ID == id })
}

// accepts reports whether the turn also says yes or takes an offer, and
// means it: a yes said in doubt ("if I took the first one, what happens…",
// "应该可以吧") takes nothing, even beside terms that restate an offer.
func (f *flow) accepts() bool {
	return slices.ContainsFunc(f.cmds, func(c Command) bool {
		return (c.Intent == IntentAcceptOffer || c.Intent == IntentAffirm) && !c.Doubt
	})
}

// said reports whether any command of this turn has one of the intents.
func (f *flow) said(intents ...Intent) bool {
	return slices.ContainsFunc(f.cmds, func(c Command) bool { return slices.Contains(intents, c.Intent) })
}

// restated reports whether a step offers exactly one plan with the terms of
// an offer already on the table.
func restated(s Step, table []Plan) bool {
	if s.Outcome != StepOffer || len(s.Offers) != 1 {
		return false
	}
	o := s.Offers[0]
	for _, p := range table {
		if p.Kind == o.Kind && p.Total == o.Total && len(p.Installments) == len(o.Installments) &&
			len(o.Installments) > 0 && p.Installments[0].Amount == o.Installments[0].Amount {
			return true
		}
	}
	return false
}

// lumpSum reports whether an amount named with no frequency and no count
// ("600?", "ok 700 then") is one payment rather than one per month: when
// the offers on the table are all of one payment (the haggling is over a
// settlement), or when the amount is at least half the balance, which no
// borrower means as a monthly payment of a two-payment plan.
func lumpSum(ask Ask, table []Plan, balance Money) bool {
	if ask.Amount == nil || ask.Frequency != "" || ask.Count != 0 {
		return false
	}
	single := len(table) > 0
	for _, p := range table {
		if len(p.Installments) != 1 {
			single = false
		}
	}
	return single || 2*ask.Amount.Minor >= balance.Minor
}

// ownCurrency reads an amount the brain parsed in the account's currency:
// the borrower names a number, the account fixes the currency.
func (f *flow) ownCurrency(m *Money) *Money {
	if m == nil {
		return nil
	}
	v := Money{Minor: m.Minor, Currency: f.t.Account.Balance.Currency}
	return &v
}

// present shows the engine's step: offers (grounded for the guard), or a
// person when no permitted plan fits.
func (f *flow) present(s Step, again bool) {
	t := f.t
	if s.Outcome == StepHandoff || len(s.Offers) == 0 {
		f.handoff("negotiation")
		return
	}
	t.Ground(f.mem.Negotiation.Amounts()...)
	t.Grant(f.mem.Negotiation.Terms()...)
	offers := make([]prompts.Offer, 0, len(s.Offers))
	ids := make([]string, 0, len(s.Offers))
	for _, p := range s.Offers {
		offers = append(offers, f.offer(p))
		ids = append(ids, p.ID)
	}
	f.say(prompts.Offers{Offers: offers, Hardship: f.mem.Hardship, Lowest: s.Lowest, Below: s.Below, Which: f.which})
	f.mem.Offered = true
	if len(ids) == 1 {
		// One option is offered as its own read-back: the message asks for
		// a yes to exactly these terms, so a yes in reply agrees to them.
		f.mem.ReadBack = &readBack{Kind: readBackAccept, OfferID: ids[0]}
	}
	if !again {
		t.Emit(EventPlanOffered, map[string]string{"offers": strings.Join(ids, ","), "reason": s.Reason})
	}
	switch t.Conversation.State {
	case StateOpen, StateVerified, StatePlanAccepted, "":
		t.Conversation.State = StateNegotiating
	}
}

// offer formats a plan for a template.
func (f *flow) offer(p Plan) prompts.Offer {
	o := prompts.Offer{ID: p.ID, Kind: string(p.Kind), Frequency: string(p.Frequency), Total: p.Total.String(), Count: len(p.Installments)}
	if len(p.Installments) > 0 {
		o.Installment = p.Installments[0].Amount.String()
		if last := p.Installments[len(p.Installments)-1].Amount; last != p.Installments[0].Amount {
			o.Last = last.String()
		}
		o.First = p.Installments[0].Due.In(f.location())
	} else {
		o.Installment = p.Total.String()
	}
	return o
}

// accept agrees an offer from the table: the plan is stored, a payment link
// sent when a linker is configured, and reminders scheduled.
func (f *flow) accept(id string) {
	t := f.t
	n, _ := f.negotiation()
	p, err := n.Accept(id, t.Now)
	switch {
	case errors.Is(err, ErrUnknownOffer):
		if table := n.Offers(); len(table) > 0 {
			f.present(Step{Offers: table, Outcome: StepOffer}, true)
		} else {
			f.present(n.Open(), false)
		}
		return
	case errors.Is(err, ErrOfferExpired):
		f.present(n.Open(), false)
		return
	case err != nil:
		f.fail(err)
		return
	}
	p.ID = f.t.derivedID("plan_", 0)
	p.AccountID = t.Account.ID
	p.ConversationID = t.Conversation.ID
	p.CreatedAt = t.Now
	p.Status = PlanAccepted
	link := ""
	if l := f.o.cfg.Linker; l != nil {
		expires := t.Now.Add(linkValidity)
		if len(p.Installments) > 0 {
			expires = p.Installments[0].Due.Add(linkValidity)
		}
		if link, err = l.Link(p, expires); err != nil {
			// The plan stands without a link; the template says a person
			// will send the payment details.
			f.o.log.Warn("flows: payment link failed", "conversation", t.Conversation.ID, "err", err)
			link = ""
		}
	}
	p.PaymentURL = link
	f.supersede(p.ID)
	t.PutPlan(p)
	f.mem.PlanID = p.ID
	t.Ground(n.Amounts()...)
	t.Grant(n.Terms()...)
	t.Emit(EventPlanAccepted, map[string]string{"plan_id": p.ID, "kind": string(p.Kind), "total": p.Total.Decimal(), "installments": strconv.Itoa(len(p.Installments))})
	reminders := f.scheduleReminders(p)
	if t.Conversation.Channel == ChannelVoice {
		// A link cannot be read out; it stays on the plan for a person or
		// another channel to send, and the borrower hears that it will come.
		link = ""
	}
	f.say(prompts.PlanAccepted{Plan: f.offer(p), Link: link, Reminders: reminders})
	if link != "" {
		t.Emit(EventPaymentLinkSent, map[string]string{"plan_id": p.ID})
	}
	t.Conversation.State = StatePlanAccepted
}

// supersede marks every other accepted plan of the account superseded: an
// account has one live plan. Their reminders find them no longer accepted
// and send nothing; their payment links stop verifying.
func (f *flow) supersede(keep string) {
	t := f.t
	plans, err := f.o.cfg.Store.Plans(f.ctx, t.Account.ID)
	if err != nil {
		f.fail(err)
		return
	}
	for _, p := range append(plans, t.plans...) {
		if p.ID == keep || p.Status != PlanAccepted {
			continue
		}
		p.Status = PlanSuperseded
		t.PutPlan(p)
		t.Emit(EventPlanSuperseded, map[string]string{"plan_id": p.ID, "by": keep})
	}
}

// cancelPlan withdraws the borrower from the plan agreed in this
// conversation ("cancel that plan", "I didn't agree to that"), tells them
// nothing is agreed now, and opens the offers again on request.
func (f *flow) cancelPlan() {
	p, ok := f.livePlan()
	if f.err == nil {
		f.cancelLive(p, ok)
	}
}

// cancelLive cancels p, the plan livePlan found (ok), or says what is on
// the table when there is none.
func (f *flow) cancelLive(p Plan, ok bool) {
	t := f.t
	if !ok && f.mem.PlanID == "" {
		// Nothing agreed here: say so, then what is on the table, if
		// anything.
		f.say(prompts.NothingAgreed{})
		if n := f.mem.Negotiation; n != nil && len(n.Offers()) > 0 {
			f.present(Step{Offers: n.Offers(), Outcome: StepOffer}, true)
			return
		}
		f.say(prompts.Menu{})
		return
	}
	if !ok {
		f.mem.PlanID = ""
		f.say(prompts.Menu{})
		return
	}
	p.Status = PlanCancelled
	t.PutPlan(p)
	t.Ground(p.Total)
	for _, in := range p.Installments {
		t.Ground(in.Amount)
	}
	t.Emit(EventPlanCancelled, map[string]string{"plan_id": p.ID})
	f.say(prompts.PlanCancelled{Plan: f.offer(p)})
	f.mem.PlanID = ""
	f.mem.Negotiation = nil
	t.Conversation.State = StateVerified
}

// scheduleReminders asks for a reminder before each installment still
// ahead, requested of the scheduler once the turn is committed, and reports
// whether reminders will be sent.
func (f *flow) scheduleReminders(p Plan) bool {
	if f.o.cfg.Scheduler == nil {
		return false
	}
	for _, in := range p.Installments {
		at := in.Due.Add(-reminderLead)
		if !at.After(f.t.Now) {
			continue
		}
		f.t.remind(p.ID, at)
	}
	return true
}

// promise records a promise to pay on a date. The amount the borrower named
// is recorded but never repeated: only engine amounts are stated. Without a
// date it is a wish to pay, answered with the offers.
func (f *flow) promise(c Command) {
	if c.Date.IsZero() {
		// "I want to pay" names no date: show what can be paid.
		f.negotiate(Command{Intent: IntentProposePlan, Amount: c.Amount})
		return
	}
	if c.Unsure {
		f.readBackPromise(c)
		return
	}
	f.recordPromise(c)
}

// recordPromise records a promise to pay on its date and thanks the
// borrower. The date is the calendar date the borrower named, said as
// that date in their time zone.
func (f *flow) recordPromise(c Command) {
	data := map[string]string{"date": c.Date.Format(time.DateOnly)}
	if c.Amount != nil {
		data["amount"] = f.ownCurrency(c.Amount).Decimal()
	}
	f.t.Emit(EventPromiseToPay, data)
	f.say(prompts.Promise{Date: calendarDay(c.Date, f.location()), Amount: f.promised(c.Amount)})
}

// promised formats the amount of a promise to be said back to the
// borrower, in the account's currency, and grounds it for the guard: the
// borrower named it. "" when the promise named none.
func (f *flow) promised(m *Money) string {
	if m == nil {
		return ""
	}
	own := f.ownCurrency(m)
	f.t.Ground(*own)
	return own.String()
}

// hardship acknowledges job loss, illness or bereavement with care. Once
// the borrower is verified it is recorded and the most manageable plan the
// policy allows is offered, unless the borrower named terms on this turn.
func (f *flow) hardship() {
	t := f.t
	if !t.Conversation.Verified {
		f.say(prompts.Hardship{})
		f.hold(Command{Intent: IntentHardship})
		f.requestIdentity(false)
		return
	}
	first := !f.mem.Hardship
	f.mem.Hardship = true
	if first {
		t.Emit(EventHardshipRecorded, nil)
		f.say(prompts.Hardship{Noted: true, Again: f.replaying})
	}
	if t.Conversation.State != StatePlanAccepted {
		t.Conversation.State = StateHardship
	}
	if f.pauseReason() != "" || f.namesTerms() || f.asksForPerson() || f.said(IntentCancelPlan) || overwhelmed.MatchString(t.Inbound.Text) ||
		((noIncome.MatchString(t.Inbound.Text) || withoutBasics.MatchString(t.Inbound.Text) || justHit.MatchString(t.Inbound.Text) || lifeBlow.MatchString(t.Inbound.Text)) && !f.asksForOptions()) {
		// An overwhelmed borrower, or one with no income at all, no home,
		// a choice between food and heat, the basics barely met, a job
		// lost days ago or an injury keeping them off work, who asks for
		// nothing, is not shown a menu on the turn they say so: the
		// hardship reply offers a person and no pressure. Nor is one calling off the agreed plan
		// because they cannot keep it up ("no no, undo it, I can't keep
		// up"): the cancellation offers the options again.
		return
	}
	n, fresh := f.negotiation()
	count := t.Account.Policy.Hardship.MaxInstallments
	if count == 0 {
		count = t.Account.Policy.MaxInstallments
	}
	switch {
	case count > 1:
		f.present(n.Respond(Ask{Count: count, Hardship: true}, t.Now), false)
	case fresh:
		f.present(n.Open(), false)
	default:
		f.present(n.Respond(Ask{Hardship: true}, t.Now), false)
	}
}

// overwhelmed finds a borrower saying they cannot cope or do not know
// what to do: distress, which a payment menu does not answer.
var overwhelmed = regexp.MustCompile(`(?i)\b(?:(?:don'?t|do not|dont) know what (?:to do|i'?m going to do|to do anymore)|no idea what (?:to do|i'?m going to do)|overwhelm\w*|can'?t cope|cannot cope|not coping|falling apart|at (?:my|the end of my) (?:wits|rope|tether)|breaking down|panick\w*|freaking out|drowning|in bits|in pieces|samajh nahi aa raha|kya karu[n]?|mushkil ho gaya)\b|不知道(?:该|要)?怎么办|不知所措|崩溃|扛不住|撑不住|快疯了|压力(?:太|好)大|喘不过气`)

// noIncome finds a borrower saying they have no income at all: no salary,
// no wages, nothing coming in, in English, Hindi in Latin letters and
// Chinese.
var noIncome = regexp.MustCompile(`(?i)\b(?:(?:no|zero|nil|without)\s+(?:\w+\s+){0,2}?(?:income|salary|wages|paycheck|paycheque|job|work)\b|(?:nothing|no money|no cash)\s+(?:is\s+)?coming in|out of work since|(?:income|salary|kamai|tankhwah)\s+(?:\w+\s+){0,3}?(?:nahi|nahin|band)\b)|[没沒]有?\s*(?:任何\s*)?(?:收入|工[资資]|income|salary)|(?:收入|工[资資]|income|salary)\s*(?:都|也)?(?:[没沒]有|[没沒]了|停了|断了|斷了)|零收入`)

// withoutBasics finds a borrower telling of a home lost (to fire or
// eviction, a roof borrowed) or of food weighed against heat or rent, in
// English, Hindi in Latin letters and Chinese.
var withoutBasics = regexp.MustCompile(`(?i)\b(?:evict\w*|homeless|lost everything|burn(?:ed|t) down|gutted|(?:put|kicked|thrown|threw|chucked|turfed) (?:us|me) out|(?:sleeping|kipping|crashing|sleep) (?:\w+\s+){0,4}?(?:couch|sofa|floor|car|motel|shelter)|(?:fire)\b.{0,40}\b(?:flat|apartment|house|home|building|everything)|heat(?:ing)? or eat(?:ing)?|(?:food|eating|groceries|meals) or (?:\w+\s+){0,2}?(?:gas|electric\w*|heat\w*|rent|meter)|(?:gas|electric\w*|heat\w*|rent|meter) or (?:\w+\s+)?(?:food|eating|groceries|meals)|choice between (?:\w+\s+){0,3}?(?:food|eating|rent|heat\w*|electric\w*|gas)|ghar se nik(?:a|aa)l\w*|(?:barely|hardly|can[’']?t|cannot|struggl\w* to|scraping to) (?:\w+\s+){0,2}?(?:cover|pay|afford|keep up with|make) (?:\w+\s+){0,2}?(?:gas|electric\w*|heat\w*|rent|food|groceries|meter))\b|(?:被|给)?(?:赶出|扫地出门)|无家可归|没地方住|房子.{0,3}(?:烧|着火)`)

// justHit finds a borrower telling of a blow days old or still keeping
// them from earning: a job lost today, yesterday or on a weekday named,
// being walked out of the workplace, an injury or illness that keeps them
// off work, in English, Hindi in Latin letters and Devanagari.
var justHit = regexp.MustCompile(`(?i)\b(?:(?:lost (?:my|our|the) jobs?|laid off|let go|made redundant|fired|sacked)\b.{0,30}\b(?:today|yesterday|this morning|last night|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:walked|marched|escorted|frogmarched) (?:us|me|everyone|everybody|all of us) out|(?:can[’']?t|cannot|unable to|not able to) (?:go|get) (?:back )?to work|kaam (?:pe|par) nahi?n? ja)\b|काम पर नहीं जा`)

// lifeBlow finds a borrower telling of a blow beyond the money: a serious
// or lasting illness (cancer and its treatment, long covid, months off
// sick), a flood or a fire, a partner gone and the children left, a baby
// on the way with the income lost, a partner held, sent away or laid up
// after an accident and the household carried alone on one wage, in
// English, Hindi in Latin letters and Devanagari. Told with no request, it is answered with care, not a menu.
var lifeBlow = regexp.MustCompile(`(?i)\b(?:cancer|chemo\w*|long covid|off sick|diagnos\w*|flood\w*|(?:house|home|flat|kitchen|shop) fire|` +
	`(?:walked|moved) out|left (?:me|us) with|(?:only|just) me and|single (?:mum|mom|mother|dad|father|parent)|baby(?:'s| is)? due|pregnan\w*|` +
	`paani (?:\w+\s+)?(?:ghus|bhar)\w*|maal (?:\w+\s+){0,2}?(?:kharab|kharaab|barbaad|barbad)|ilaa?j|` +
	`deport\w*|detained|incarcerated|in (?:prison|jail)|locked up|bed-?ridden|bedbound|laid up|accident|` +
	`(?:one|single) (?:income|salary|wage|wages|paycheck|paycheque|earner)|(?:bed|bistar) (?:pe|par)|akel[ei])\b|कैंसर|इलाज|एक्सीडेंट|दुर्घटना|बिस्तर|अकेल`)

// asksForOptions reports whether this turn also asks for something: a
// question, or a plan, a lower amount or longer terms without figures.
func (f *flow) asksForOptions() bool {
	if strings.ContainsAny(f.t.Inbound.Text, "?？") {
		return true
	}
	for _, c := range f.cmds {
		switch c.Intent {
		case IntentHardship, IntentVulnerability, IntentGreeting, IntentThanks, IntentUnknown:
		default:
			return true
		}
	}
	return false
}

// asksForPerson reports whether this turn also asks for a person (or a
// reader took it so, as a bankruptcy only considered is): the person
// talks the options through, and no offer comes first.
func (f *flow) asksForPerson() bool { return f.said(IntentRequestHuman) }

// namesTerms reports whether this turn also proposes terms, which the
// negotiation answers with the hardship terms in force.
func (f *flow) namesTerms() bool {
	for _, c := range f.cmds {
		if namesTerms(c) {
			return true
		}
	}
	return false
}

// namesTerms reports whether a command says what the borrower will pay:
// an amount, a number of payments, in full, or an offer taken.
func namesTerms(c Command) bool {
	switch c.Intent {
	case IntentPayInFull, IntentAcceptOffer:
		return true
	case IntentProposePlan:
		return c.Amount != nil || c.Count > 0
	}
	return false
}

// location is the borrower's time zone, loaded once per turn: loading a zone
// reads the zone database.
func (f *flow) location() *time.Location {
	if f.loc == nil {
		f.loc = f.t.Account.Location()
	}
	return f.loc
}
