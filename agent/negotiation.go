package agent

import (
	"encoding/json"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parley-collections/parley/policies"
)

// The negotiation engine computes repayment offers from an account's balance
// and its creditor's policy. It is pure: no I/O, and the time comes in as an
// argument, so the same inputs always give the same offers.
//
// How an installment plan is split: every installment but the last is the
// same regular amount, and the last absorbs the remainder.
//
//   - A plan for a number of payments n pays floor(total/n) each time and the
//     remainder (fewer than n minor units) on the last payment. It exists only
//     when that regular amount reaches the minimum installment.
//   - A plan for an amount a borrower can pay per period pays exactly that
//     amount and the rest last, when the rest reaches the minimum
//     installment. When the rest would fall below the minimum, the too-small
//     remainder is folded into the previous payments: the plan takes the
//     fewest payments whose even split (as above) keeps every installment
//     between the minimum and the amount asked. No installment ever exceeds
//     what the borrower said they can pay per period.
//
// Due dates are calendar dates in the borrower's time zone (UTC when the
// zone is empty or unknown), at local midnight. The first payment falls due
// on the last day the policy allows (FirstPaymentWithinDays after today),
// since a date the borrower can meet is worth more than an earlier one they
// miss; hardship plans start after the payment holiday instead when that is
// later. Later payments follow the frequency from the first: weekly and
// biweekly by 7 and 14 calendar days, monthly by calendar month on the first
// payment's day, clamped to the end of shorter months.

// Ask is what a borrower says they can do, as the brain parsed it: "I can do
// 150 a month" is Amount 150.00 and Frequency monthly.
type Ask struct {
	// Amount is what the borrower can pay per period (per installment), or
	// in one payment when Frequency is Once. Nil when they named no amount,
	// as in "that's too much".
	Amount *Money `json:"amount,omitempty"`
	// Frequency is how often they want to pay. Empty means monthly, or once
	// when Count is 1.
	Frequency Frequency `json:"frequency,omitempty"`
	// Count is how many payments they ask for; used only without an Amount.
	Count int `json:"count,omitempty"`
	// Hardship reports that hardship has been recorded on this turn. Set it
	// only after recording it: from then on the hardship terms apply.
	Hardship bool `json:"hardship,omitempty"`
}

// StepOutcome says what a negotiation step decided.
type StepOutcome string

// Step outcomes.
const (
	// StepOffer puts offers on the table.
	StepOffer StepOutcome = "offer"
	// StepHandoff means no permitted plan fits: the borrower can afford less
	// than any plan the policy allows, or declined its most flexible terms.
	// The orchestrator hands the conversation to a human.
	StepHandoff StepOutcome = "handoff"
)

// Step is the engine's answer to one move of the borrower.
type Step struct {
	// Offers are the plans now on the table, with IDs "1", "2", … in the
	// order they should be presented. Empty on a handoff.
	Offers  []Plan      `json:"offers,omitempty"`
	Outcome StepOutcome `json:"outcome"`
	// Reason explains the step for logs and the supervisor console; it is
	// never shown to a borrower as is.
	Reason string `json:"reason"`
	// Lowest is set when the offers are the lowest terms the policy allows:
	// the floor settlement, the longest installment plan.
	Lowest bool `json:"lowest,omitempty"`
	// Below is set when the borrower asked for less than any plan the
	// policy allows: the offers are a counter-offer at the lowest terms,
	// never the amount asked for in another kind of plan.
	Below bool `json:"below,omitempty"`
}

// Negotiation is one negotiation over one account. It keeps the offers on the
// table and how far the engine has conceded, and round-trips through
// encoding/json so the orchestrator can keep it in Conversation.Memory
// between turns. It holds no personal data beyond the account id.
type Negotiation struct {
	s negotiationState
}

// negotiationState is the serialized form of a Negotiation.
type negotiationState struct {
	AccountID string         `json:"account_id"`
	Balance   Money          `json:"balance"`
	Policy    CreditorPolicy `json:"policy"`
	Timezone  string         `json:"timezone,omitempty"`
	Hardship  bool           `json:"hardship,omitempty"`
	// At is the time of the latest move; Open uses it.
	At time.Time `json:"at"`
	// Table holds the offers of the latest step.
	Table []Plan `json:"table,omitempty"`
	// Settlement is the settlement amount last offered, in minor units; 0
	// when none has been.
	Settlement int64 `json:"settlement,omitempty"`
	// Count and Frequency are the installment plan last offered; Count 0
	// when none has been.
	Count     int       `json:"count,omitempty"`
	Frequency Frequency `json:"frequency,omitempty"`
	// OfferRate is the largest installment of the plan last offered, per
	// year, in minor units; AskRate is the borrower's last amount ask, per
	// year. Together they keep a concession from asking for more per period
	// after the borrower asked for less.
	OfferRate int64 `json:"offer_rate,omitempty"`
	AskRate   int64 `json:"ask_rate,omitempty"`
	// BelowRate and BelowLump are the borrower's last ask below the
	// policy's limits, per year and in one payment, answered with the
	// lowest terms; asking again for no more than that declines them.
	BelowRate int64 `json:"below_rate,omitempty"`
	BelowLump int64 `json:"below_lump,omitempty"`
}

// NewNegotiation starts a negotiation over a's balance under a's creditor
// policy. hardship reports whether hardship is recorded, which makes the
// hardship terms available.
func NewNegotiation(a Account, hardship bool, now time.Time) *Negotiation {
	return &Negotiation{s: negotiationState{
		AccountID: a.ID,
		Balance:   a.Balance,
		Policy:    a.Policy,
		Timezone:  a.Borrower.Timezone,
		Hardship:  hardship,
		At:        now,
	}}
}

// MarshalJSON encodes the negotiation's state.
func (n *Negotiation) MarshalJSON() ([]byte, error) { return json.Marshal(n.s) }

// UnmarshalJSON restores a negotiation encoded by MarshalJSON.
func (n *Negotiation) UnmarshalJSON(b []byte) error {
	var s negotiationState
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("negotiation: decode: %w", err)
	}
	n.s = s
	return nil
}

// Open makes the opening offers at the time of the latest move (the one
// NewNegotiation, Respond or Accept was given), strongest for the creditor
// first: pay in full, a settlement when the policy allows one, and the
// shortest installment plan the policy allows. It starts the concessions
// over. OpenAt opens at another time.
func (n *Negotiation) Open() Step {
	t := n.terms(n.s.At)
	if t.owed <= 0 {
		return n.handoff("nothing is owed")
	}
	offers := []Plan{t.single(PlanFull, t.owed)}
	n.s.Settlement = 0
	if s := t.openingSettlement(); s > 0 {
		offers = append(offers, t.single(PlanSettlement, s))
		n.s.Settlement = s
	}
	n.s.Count, n.s.Frequency, n.s.OfferRate, n.s.AskRate = 0, Monthly, 0, 0
	if p, ok := t.byCount(Monthly, 2); ok {
		offers = append(offers, p)
		n.noteInstallments(p)
	}
	return n.offer(offers, "opening offers")
}

// OpenAt is Open at time now: use it to reopen a negotiation restored from
// an earlier turn, so that the offers are dated from now.
func (n *Negotiation) OpenAt(now time.Time) Step {
	n.s.At = now
	return n.Open()
}

// Respond answers the borrower's ask at time now. An amount that fits the
// policy gets exactly that plan; one that fits at no frequency is a handoff.
// Without an amount, a count of payments gets the nearest plan the policy
// allows, and a bare refusal gets the next concession: the settlement down
// to its floor, the installment plan halfway toward the longest permitted
// term. Every offer stays inside the policy, and after the borrower asks for
// less no installment exceeds the previous offer's per period.
func (n *Negotiation) Respond(ask Ask, now time.Time) Step {
	n.s.At = now
	if ask.Hardship {
		n.s.Hardship = true
	}
	t := n.terms(now)
	if t.owed <= 0 {
		return n.handoff("nothing is owed")
	}
	f := ask.Frequency
	switch {
	case f == "" && ask.Count == 1:
		f = Once
	case f == Once && ask.Count > 1, f != Once && periodsPerYear(f) == 1:
		f = Monthly // a count of payments, or a frequency the engine does not know
	}
	switch {
	case ask.Amount != nil && f == Once:
		return n.lumpSum(t, ask.Amount.Minor)
	case ask.Amount != nil:
		return n.perPeriod(t, ask.Amount.Minor, f)
	case ask.Count == 1:
		return n.offer([]Plan{t.single(PlanFull, t.owed)}, "one payment is pay in full")
	case ask.Count > 1:
		return n.count(t, ask.Count, f)
	}
	return n.concede(t)
}

// Lowest answers "what's the lowest you'd take" at time now: the
// settlement at the floor when the policy allows one, else pay in full,
// and the installment plan with the lowest payments (the longest term the
// policy allows). Nothing lower can be agreed.
func (n *Negotiation) Lowest(now time.Time) Step {
	n.s.At = now
	t := n.terms(now)
	if t.owed <= 0 {
		return n.handoff("nothing is owed")
	}
	return n.lowest(t, "the lowest terms the policy allows")
}

// lowest puts the lowest terms on the table: the floor settlement (pay in
// full when no settlement is allowed) and the longest installment plan at
// the frequency last offered.
func (n *Negotiation) lowest(t terms, reason string) Step {
	var offers []Plan
	if t.floor > 0 {
		n.s.Settlement = t.floor
		offers = append(offers, t.single(PlanSettlement, t.floor))
	} else {
		offers = append(offers, t.single(PlanFull, t.owed))
	}
	f := n.s.Frequency
	if f == "" || f == Once {
		f = Monthly
	}
	if p, ok := t.byCount(f, t.longest()); ok {
		n.noteInstallments(p)
		offers = append(offers, p)
	}
	s := n.offer(offers, reason)
	s.Lowest = true
	return s
}

// Accept accepts the offer with that id from the table at time now and
// returns it with status accepted. An id not on the table is
// ErrUnknownOffer; an offer whose first payment date has passed is
// ErrOfferExpired. Either way now becomes the negotiation's time, so that
// an Open after ErrOfferExpired dates fresh offers from now.
func (n *Negotiation) Accept(offerID string, now time.Time) (Plan, error) {
	n.s.At = now
	i := slices.IndexFunc(n.s.Table, func(p Plan) bool { return p.ID == offerID })
	if i < 0 {
		return Plan{}, fmt.Errorf("negotiation: accept %q: %w", offerID, ErrUnknownOffer)
	}
	p := &n.s.Table[i]
	loc := location(n.s.Timezone)
	if len(p.Installments) > 0 && localDate(p.Installments[0].Due, loc).Before(localDate(now, loc)) {
		return Plan{}, fmt.Errorf("negotiation: accept %q: %w", offerID, ErrOfferExpired)
	}
	for j := range n.s.Table {
		n.s.Table[j].Status = PlanOffered // one accepted plan at a time: the latest choice
	}
	p.Status = PlanAccepted
	return clonePlan(*p), nil
}

// Offers lists the offers on the table.
func (n *Negotiation) Offers() []Plan { return clonePlans(n.s.Table) }

// Accepted returns the accepted plan, if any.
func (n *Negotiation) Accepted() (Plan, bool) {
	for _, p := range n.s.Table {
		if p.Status == PlanAccepted {
			return clonePlan(p), true
		}
	}
	return Plan{}, false
}

// Amounts lists every amount the offers on the table state, each once: the
// balance, plan totals (settlements included) and installment amounts. The
// guard is told these are the grounded amounts a message may name.
func (n *Negotiation) Amounts() []Money {
	out := []Money{n.s.Balance}
	add := func(m Money) {
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	for _, p := range n.s.Table {
		add(p.Total)
		for _, in := range p.Installments {
			add(in.Amount)
		}
	}
	return out
}

// Terms names, for the guard (policies.Term*), what the engine's table
// offers beyond payment in full: a settlement for less than the balance,
// payment in instalments. A reply may speak of these and of nothing else.
func (n *Negotiation) Terms() []string {
	var out []string
	add := func(t string) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	for _, p := range n.s.Table {
		switch {
		case p.Kind == PlanSettlement:
			add(policies.TermSettlement)
		case len(p.Installments) > 1:
			add(policies.TermPaymentPlan)
		}
	}
	return out
}

// lumpSum answers an offer of one payment: pay in full when it covers the
// balance, a settlement of exactly that amount when it reaches the floor,
// and otherwise a counter-offer: the settlement at the floor, the lowest
// one payment the policy allows. It is never turned into another kind of
// plan of the amount asked. Without a settlement allowed, the counter is
// the balance in full and the longest installment plan.
func (n *Negotiation) lumpSum(t terms, amount int64) Step {
	if amount >= t.owed {
		return n.offer([]Plan{t.single(PlanFull, t.owed)}, "the amount covers the balance")
	}
	if t.floor > 0 && amount >= t.floor {
		n.s.Settlement = amount
		return n.offer([]Plan{t.single(PlanSettlement, amount)}, "the settlement fits the policy")
	}
	if n.s.BelowLump > 0 && amount <= n.s.BelowLump {
		return n.handoff("the borrower declined the lowest terms the policy allows")
	}
	n.s.BelowLump = amount
	var s Step
	if t.floor > 0 {
		n.s.Settlement = t.floor
		s = n.offer([]Plan{t.single(PlanSettlement, t.floor)}, "the lump sum is below the settlement floor; the floor is offered")
		s.Lowest = true
	} else {
		s = n.lowest(t, "the policy allows no settlement; the balance and the longest plan are offered")
	}
	s.Below = true
	return s
}

// perPeriod answers "I can pay amount every f".
func (n *Negotiation) perPeriod(t terms, amount int64, f Frequency) Step {
	if amount >= t.owed {
		return n.offer([]Plan{t.single(PlanFull, t.owed)}, "the amount covers the balance")
	}
	if amount <= 0 {
		n.s.AskRate = 0
		return n.handoff("the borrower can pay nothing per period")
	}
	askRate := mulSat(amount, periodsPerYear(f))
	capRate := askRate
	if n.s.AskRate > 0 && askRate < n.s.AskRate && n.s.OfferRate > 0 {
		capRate = min(capRate, n.s.OfferRate)
	}
	n.s.AskRate = askRate
	p, ok := t.budgetPlan(capRate, f)
	if !ok {
		// A counter-offer: the plan with the lowest payments the policy
		// allows, at the asked frequency, or the lowest one payment when
		// no installment plan fits the balance. Asking again for no more
		// declines it.
		if n.s.BelowRate > 0 && askRate <= n.s.BelowRate {
			return n.handoff("the borrower declined the lowest terms the policy allows")
		}
		n.s.BelowRate = askRate
		reason := "the borrower asked for less than any permitted plan; the lowest is offered"
		if !n.s.Hardship {
			if _, ok := n.termsUnder(true, n.s.At).budgetPlan(capRate, f); ok {
				reason += "; the hardship terms would fit if hardship is recorded"
			}
		}
		n.s.Frequency = f
		s := n.lowestInstallments(t, reason)
		s.Below = true
		return s
	}
	n.noteInstallments(p)
	reason := "the ask fits the policy"
	switch {
	case p.Frequency != f:
		reason = "the same budget paid " + string(p.Frequency)
	case capRate < askRate:
		reason = "kept at or below the previous offer"
	}
	return n.offer([]Plan{p}, reason)
}

// lowestInstallments offers the longest installment plan the policy
// allows at the frequency last offered, or the lowest terms of one payment
// when no installment plan fits.
func (n *Negotiation) lowestInstallments(t terms, reason string) Step {
	f := n.s.Frequency
	if f == "" || f == Once {
		f = Monthly
	}
	p, ok := t.byCount(f, t.longest())
	if !ok {
		return n.lowest(t, reason)
	}
	n.noteInstallments(p)
	s := n.offer([]Plan{p}, reason)
	s.Lowest = true
	return s
}

// budgetPlan is the plan for a budget of rate a year, asked at frequency f.
// When the count limit bites at f, the same budget paid less often may
// still fit: 50 a week is 216.66 a month.
func (t terms) budgetPlan(rate int64, f Frequency) (Plan, bool) {
	for _, g := range []Frequency{Weekly, Biweekly, Monthly} {
		if periodsPerYear(g) > periodsPerYear(f) {
			continue
		}
		// A longer period's budget may exceed the balance: then two or more
		// payments still fit it.
		if p, ok := t.byAmount(g, min(rate/periodsPerYear(g), t.owed-1)); ok {
			return p, true
		}
	}
	return Plan{}, false
}

// count answers "can I pay in count payments": that plan, or the nearest the
// policy allows.
func (n *Negotiation) count(t terms, count int, f Frequency) Step {
	longest := t.longest()
	if longest < 2 {
		return n.offer(t.lumpOffers(n.s.Settlement), "the policy allows no installment plan for this balance")
	}
	c := min(count, longest)
	p, _ := t.byCount(f, c)
	n.noteInstallments(p)
	reason := "the count fits the policy"
	if c != count {
		reason = "the longest term the policy allows is " + strconv.Itoa(longest) + " payments"
	}
	return n.offer([]Plan{p}, reason)
}

// concede makes the next concession after a refusal: the settlement steps
// to its floor and the installment plan moves halfway toward the longest
// term the policy allows, never asking for more per period than before.
// When neither can move, the borrower has declined the most flexible terms
// and a human takes over.
func (n *Negotiation) concede(t terms) Step {
	moved := false
	var offers []Plan
	if t.floor > 0 {
		s := t.floor
		if n.s.Settlement == 0 {
			s = t.openingSettlement()
		}
		moved = moved || s != n.s.Settlement
		n.s.Settlement = s
		offers = append(offers, t.single(PlanSettlement, s))
	}
	f := n.s.Frequency
	if f == "" || f == Once {
		f = Monthly
	}
	if longest := t.longest(); longest >= 2 {
		cur := n.s.Count
		next := 2
		if cur > 0 {
			next = cur + (longest-cur+1)/2
		}
		found := false
		for c := max(next, cur+1); c <= longest && !found; c++ {
			p, _ := t.byCount(f, c)
			if n.s.OfferRate == 0 || planRate(p) <= n.s.OfferRate {
				found, moved = true, true
				n.noteInstallments(p)
				offers = append(offers, p)
			}
		}
		if p, ok := t.byCount(f, cur); !found && ok && planRate(p) <= n.s.OfferRate {
			// Nothing longer asks less per period. The same count split
			// evenly may still lower the largest payment.
			moved = moved || planRate(p) < n.s.OfferRate
			n.noteInstallments(p)
			offers = append(offers, p)
		}
	}
	if !moved {
		return n.handoff("the borrower declined the most flexible terms the policy allows")
	}
	return n.offer(offers, "conceded one step")
}

// noteInstallments records p as the installment plan last offered.
func (n *Negotiation) noteInstallments(p Plan) {
	n.s.Count = len(p.Installments)
	n.s.Frequency = p.Frequency
	n.s.OfferRate = planRate(p)
}

// offer numbers the offers, puts them on the table and returns the step.
func (n *Negotiation) offer(offers []Plan, reason string) Step {
	for i := range offers {
		offers[i].ID = strconv.Itoa(i + 1)
	}
	n.s.Table = offers
	return Step{Offers: clonePlans(offers), Outcome: StepOffer, Reason: reason}
}

// handoff clears the table: nothing on it can be accepted once a human takes over.
func (n *Negotiation) handoff(reason string) Step {
	n.s.Table = nil
	return Step{Outcome: StepHandoff, Reason: reason}
}

// terms are the bounds one step works within.
type terms struct {
	accountID string
	currency  string
	owed      int64
	min       int64 // minimum installment, at least one minor unit
	maxCount  int
	floor     int64     // settlement floor; 0 when no settlement is allowed
	first     time.Time // first due date of any plan
	kind      PlanKind  // PlanInstallment, or PlanHardship under hardship terms
	loc       *time.Location
	now       time.Time
}

// terms computes the bounds at time now, under hardship terms when hardship
// is recorded.
func (n *Negotiation) terms(now time.Time) terms { return n.termsUnder(n.s.Hardship, now) }

// termsUnder computes the bounds at time now, under the hardship terms when
// hardship is set: a payment holiday, a lower minimum and a longer term.
func (n *Negotiation) termsUnder(hardship bool, now time.Time) terms {
	p := n.s.Policy
	loc := location(n.s.Timezone)
	t := terms{
		accountID: n.s.AccountID,
		currency:  n.s.Balance.Currency,
		owed:      n.s.Balance.Minor,
		min:       max(p.MinInstallment.Minor, 1),
		maxCount:  p.MaxInstallments,
		floor:     settlementFloor(n.s.Balance.Minor, p.SettlementFloorBP),
		kind:      PlanInstallment,
		loc:       loc,
		now:       now,
	}
	days := max(p.FirstPaymentWithinDays, 0)
	if hardship {
		t.kind = PlanHardship
		if h := p.Hardship.MinInstallment.Minor; h > 0 {
			t.min = min(t.min, h)
		}
		t.maxCount = max(t.maxCount, p.Hardship.MaxInstallments)
		days = max(days, p.Hardship.PauseDays)
	}
	l := now.In(loc)
	t.first = startOfDay(l.Year(), l.Month(), l.Day()+days, loc)
	return t
}

// settlementFloor is bp basis points of balance, rounded up to the minor
// unit; 0 when the policy allows no settlement or the floor is the balance.
func settlementFloor(balance int64, bp int) int64 {
	if bp <= 0 || bp >= 10000 || balance <= 0 {
		return 0
	}
	// Split the product so that large balances cannot overflow.
	q, r := balance/10000, balance%10000
	f := q*int64(bp) + (r*int64(bp)+9999)/10000
	if f >= balance {
		return 0
	}
	return f
}

// openingSettlement is the first settlement offered: halfway between the
// floor and the balance (rounded down, so it stays below the balance), so
// that there is room to concede to the floor.
func (t terms) openingSettlement() int64 {
	if t.floor <= 0 {
		return 0
	}
	return t.floor + (t.owed-t.floor)/2
}

// lumpOffers are the one-payment offers: pay in full and, when allowed, the
// settlement last offered (the opening one when none was).
func (t terms) lumpOffers(settlement int64) []Plan {
	offers := []Plan{t.single(PlanFull, t.owed)}
	if t.floor > 0 {
		if settlement == 0 {
			settlement = t.openingSettlement()
		}
		offers = append(offers, t.single(PlanSettlement, settlement))
	}
	return offers
}

// longest is the largest count of an installment plan the bounds allow, 0 or
// 1 when no installment plan fits.
func (t terms) longest() int {
	c := t.owed / t.min
	if c > int64(t.maxCount) {
		return t.maxCount
	}
	return int(c)
}

// single is a plan of one payment of amount.
func (t terms) single(kind PlanKind, amount int64) Plan {
	return t.plan(kind, Once, []int64{amount})
}

// byCount is the plan of count payments every f, split evenly with the
// remainder on the last; ok is false when it breaks the bounds.
func (t terms) byCount(f Frequency, count int) (Plan, bool) {
	if count < 2 || count > t.maxCount {
		return Plan{}, false
	}
	regular := t.owed / int64(count)
	if regular < t.min {
		return Plan{}, false
	}
	amounts := make([]int64, count)
	for i := range amounts {
		amounts[i] = regular
	}
	amounts[count-1] = t.owed - regular*int64(count-1)
	return t.plan(t.kind, f, amounts), true
}

// byAmount is the shortest plan every f whose installments all lie between
// the minimum and per; ok is false when none fits the bounds.
func (t terms) byAmount(f Frequency, per int64) (Plan, bool) {
	if per < t.min || per >= t.owed {
		return Plan{}, false
	}
	n := (t.owed + per - 1) / per
	if n > int64(t.maxCount) {
		return Plan{}, false
	}
	if rest := t.owed - per*(n-1); rest >= t.min {
		amounts := make([]int64, n)
		for i := range amounts {
			amounts[i] = per
		}
		amounts[n-1] = rest
		return t.plan(t.kind, f, amounts), true
	}
	for c := int(n); c <= t.maxCount; c++ {
		p, ok := t.byCount(f, c)
		if !ok {
			return Plan{}, false
		}
		if p.Installments[c-1].Amount.Minor <= per {
			return p, true
		}
	}
	return Plan{}, false
}

// plan dates amounts from the first due date at frequency f.
func (t terms) plan(kind PlanKind, f Frequency, amounts []int64) Plan {
	p := Plan{
		AccountID:    t.accountID,
		Kind:         kind,
		Frequency:    f,
		Installments: make([]Installment, len(amounts)),
		Status:       PlanOffered,
		CreatedAt:    t.now,
	}
	var total int64
	for i, a := range amounts {
		total += a
		p.Installments[i] = Installment{Due: dueDate(t.first, f, i), Amount: Money{Minor: a, Currency: t.currency}}
	}
	p.Total = Money{Minor: total, Currency: t.currency}
	return p
}

// dueDate is the date of installment i (from 0) of a plan starting on first.
// Monthly dates keep first's day of the month, clamped to the month's end.
func dueDate(first time.Time, f Frequency, i int) time.Time {
	y, m, d := first.Date()
	loc := first.Location()
	switch f {
	case Weekly:
		return startOfDay(y, m, d+7*i, loc)
	case Biweekly:
		return startOfDay(y, m, d+14*i, loc)
	case Monthly:
		// Day 0 of the next month is the last day of this one.
		last := time.Date(y, m+time.Month(i)+1, 0, 12, 0, 0, 0, loc).Day()
		return startOfDay(y, m+time.Month(i), min(d, last), loc)
	}
	return first
}

// startOfDay is the first instant of a date in loc; y, m and d are
// normalized as time.Date does. Where a clock change skips midnight
// (America/Santiago in September), time.Date may answer with the evening
// before, so step forward until the date is right.
func startOfDay(y int, m time.Month, d int, loc *time.Location) time.Time {
	y, m, d = time.Date(y, m, d, 12, 0, 0, 0, loc).Date() // noon is never skipped
	t := time.Date(y, m, d, 0, 0, 0, 0, loc)
	for t.Day() != d {
		t = t.Add(30 * time.Minute)
	}
	return t
}

// periodsPerYear converts a per-period amount into a yearly rate, so that
// amounts at different frequencies compare. Once counts as one period.
func periodsPerYear(f Frequency) int64 {
	switch f {
	case Weekly:
		return 52
	case Biweekly:
		return 26
	case Monthly:
		return 12
	}
	return 1
}

// planRate is the largest installment of p per year.
func planRate(p Plan) int64 {
	var largest int64
	for _, in := range p.Installments {
		largest = max(largest, in.Amount.Minor)
	}
	return mulSat(largest, periodsPerYear(p.Frequency))
}

// mulSat multiplies non-negative a and b, saturating instead of overflowing.
func mulSat(a, b int64) int64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi != 0 || lo > 1<<63-1 {
		return 1<<63 - 1
	}
	return int64(lo)
}

// locations caches zones, unknown ones as UTC: time.LoadLocation reads the
// zone database on every call, and every negotiation step needs the
// borrower's zone. The cache is bounded so that odd account data cannot
// grow it without limit; past the bound, zones are loaded each time.
var (
	locations     sync.Map // zone name -> *time.Location
	locationCount atomic.Int64
)

const maxCachedLocations = 1024

// location loads an IANA zone, UTC when empty or unknown.
func location(name string) *time.Location {
	if name == "" {
		return time.UTC
	}
	if loc, ok := locations.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = time.UTC
	}
	if locationCount.Add(1) <= maxCachedLocations {
		locations.Store(name, loc)
	}
	return loc
}

// localDate is t's calendar date in loc, at midnight UTC, for comparing dates.
func localDate(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func clonePlan(p Plan) Plan {
	p.Installments = slices.Clone(p.Installments)
	return p
}

func clonePlans(ps []Plan) []Plan {
	if ps == nil {
		return nil
	}
	out := make([]Plan, len(ps))
	for i, p := range ps {
		out[i] = clonePlan(p)
	}
	return out
}
