package agent

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"math/rand"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/policies"
)

// negotiationAccount is a 1,200.00 USD account in Chicago under a typical
// policy: at most 12 installments of at least 50.00, a 70% settlement floor,
// the first payment within 14 days, and hardship terms.
func negotiationAccount() Account {
	return Account{
		ID:      "A-100",
		Balance: MustMoney("1200.00", "USD"),
		Policy: CreditorPolicy{
			MaxInstallments:        12,
			MinInstallment:         MustMoney("50.00", "USD"),
			SettlementFloorBP:      7000,
			FirstPaymentWithinDays: 14,
			Hardship: HardshipPolicy{
				PauseDays:       30,
				MinInstallment:  MustMoney("25.00", "USD"),
				MaxInstallments: 24,
			},
		},
		Borrower: Borrower{Timezone: "America/Chicago"},
	}
}

// chicago is 2026-03-02 09:00 in Chicago.
var chicago = time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)

func amount(s string) *Money {
	m := MustMoney(s, "USD")
	return &m
}

// planShape is what a dialogue test checks of a plan.
type planShape struct {
	Kind      PlanKind
	Frequency Frequency
	Amounts   []string // installment amounts, decimal
	FirstDue  string   // local date of the first payment
}

func shapeOf(p Plan, loc *time.Location) planShape {
	s := planShape{Kind: p.Kind, Frequency: p.Frequency, FirstDue: p.Installments[0].Due.In(loc).Format(time.DateOnly)}
	for _, in := range p.Installments {
		s.Amounts = append(s.Amounts, in.Amount.Decimal())
	}
	return s
}

func repeat(s string, n int, rest ...string) []string {
	out := make([]string, 0, n+len(rest))
	for range n {
		out = append(out, s)
	}
	return append(out, rest...)
}

func TestNegotiationDialogues(t *testing.T) {
	t.Parallel()
	loc, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		edit     func(*Account)
		hardship bool
		asks     []Ask // after Open; the last one's step is checked
		outcome  StepOutcome
		below    bool // the ask was below every permitted plan: the offers are the lowest
		want     []planShape
	}{
		{
			name:    "150 a month on 1,200.00 is 8 payments of 150.00",
			asks:    []Ask{{Amount: amount("150"), Frequency: Monthly}},
			outcome: StepOffer,
			want:    []planShape{{PlanInstallment, Monthly, repeat("150.00", 8), "2026-03-16"}},
		},
		{
			name:    "an amount without a frequency is monthly",
			asks:    []Ask{{Amount: amount("300")}},
			outcome: StepOffer,
			want:    []planShape{{PlanInstallment, Monthly, repeat("300.00", 4), "2026-03-16"}},
		},
		{
			name:    "20 a month is below any permitted plan: the lowest plan is the counter",
			asks:    []Ask{{Amount: amount("20"), Frequency: Monthly}},
			outcome: StepOffer,
			below:   true,
			want:    []planShape{{PlanInstallment, Monthly, repeat("100.00", 12), "2026-03-16"}},
		},
		{
			name:    "60 a month needs more payments than the policy allows: the lowest plan is the counter",
			asks:    []Ask{{Amount: amount("60"), Frequency: Monthly}},
			outcome: StepOffer,
			below:   true,
			want:    []planShape{{PlanInstallment, Monthly, repeat("100.00", 12), "2026-03-16"}},
		},
		{
			name:    "weekly",
			asks:    []Ask{{Amount: amount("100"), Frequency: Weekly}},
			outcome: StepOffer,
			want:    []planShape{{PlanInstallment, Weekly, repeat("100.00", 12), "2026-03-16"}},
		},
		{
			name:    "biweekly with a remainder",
			asks:    []Ask{{Amount: amount("250"), Frequency: Biweekly}},
			outcome: StepOffer,
			want:    []planShape{{PlanInstallment, Biweekly, repeat("250.00", 4, "200.00"), "2026-03-16"}},
		},
		{
			name:    "50 a week is too many weeks but fits biweekly",
			asks:    []Ask{{Amount: amount("50"), Frequency: Weekly}},
			outcome: StepOffer,
			want:    []planShape{{PlanInstallment, Biweekly, repeat("100.00", 12), "2026-03-16"}},
		},
		{
			name: "a remainder below the minimum is folded into the previous payments",
			edit: func(a *Account) {
				a.Balance = MustMoney("1000.00", "USD")
				a.Policy.MinInstallment = MustMoney("150.00", "USD")
			},
			asks:    []Ask{{Amount: amount("300"), Frequency: Monthly}},
			outcome: StepOffer,
			want:    []planShape{{PlanInstallment, Monthly, repeat("250.00", 4), "2026-03-16"}},
		},
		{
			name:     "hardship: pause, lower minimum, longer term",
			hardship: true,
			asks:     []Ask{{Amount: amount("60"), Frequency: Monthly}},
			outcome:  StepOffer,
			want:     []planShape{{PlanHardship, Monthly, repeat("60.00", 20), "2026-04-01"}},
		},
		{
			name:    "hardship recorded mid-negotiation",
			asks:    []Ask{{Amount: amount("40"), Frequency: Monthly, Hardship: true}},
			outcome: StepOffer, // 30 payments of 40.00 exceed the 24 hardship allows
			below:   true,
			want:    []planShape{{PlanHardship, Monthly, repeat("50.00", 24), "2026-04-01"}},
		},
		{
			name:    "hardship recorded mid-negotiation, within its terms",
			asks:    []Ask{{Amount: amount("30"), Frequency: Biweekly, Hardship: true}},
			outcome: StepOffer, // 40 biweekly payments are too many; the same budget monthly is 65.00
			want:    []planShape{{PlanHardship, Monthly, repeat("65.00", 18, "30.00"), "2026-04-01"}},
		},
		{
			name:    "a lump sum above the floor settles for exactly that",
			asks:    []Ask{{Amount: amount("900"), Frequency: Once}},
			outcome: StepOffer,
			want:    []planShape{{PlanSettlement, Once, []string{"900.00"}, "2026-03-16"}},
		},
		{
			name:    "a lump sum below the floor is countered with the floor, never another kind of plan",
			asks:    []Ask{{Amount: amount("500"), Count: 1}},
			outcome: StepOffer,
			below:   true,
			want:    []planShape{{PlanSettlement, Once, []string{"840.00"}, "2026-03-16"}},
		},
		{
			name:    "a lump sum below the balance without a settlement allowed is countered with the full balance and the longest plan",
			edit:    func(a *Account) { a.Policy.SettlementFloorBP = 0 },
			asks:    []Ask{{Amount: amount("500"), Count: 1}},
			outcome: StepOffer,
			below:   true,
			want: []planShape{
				{PlanFull, Once, []string{"1200.00"}, "2026-03-16"},
				{PlanInstallment, Monthly, repeat("100.00", 12), "2026-03-16"},
			},
		},
		{
			name:    "a count beyond the policy gets the longest term",
			asks:    []Ask{{Count: 24, Frequency: Weekly}},
			outcome: StepOffer,
			want:    []planShape{{PlanInstallment, Weekly, repeat("100.00", 12), "2026-03-16"}},
		},
		{
			name:    "an amount covering the balance is pay in full",
			asks:    []Ask{{Amount: amount("1500"), Frequency: Monthly}},
			outcome: StepOffer,
			want:    []planShape{{PlanFull, Once, []string{"1200.00"}, "2026-03-16"}},
		},
		{
			name: "after an offer of 250.00, asking for less than before never raises the payment",
			edit: func(a *Account) {
				a.Balance = MustMoney("1000.00", "USD")
				a.Policy.MinInstallment = MustMoney("150.00", "USD")
			},
			asks:    []Ask{{Amount: amount("300")}, {Amount: amount("280")}},
			outcome: StepOffer,
			want:    []planShape{{PlanInstallment, Monthly, repeat("250.00", 4), "2026-03-16"}},
		},
		{
			name:    "two refusals concede halfway toward the longest term",
			asks:    []Ask{{}, {}},
			outcome: StepOffer,
			want: []planShape{
				{PlanSettlement, Once, []string{"840.00"}, "2026-03-16"},
				{PlanInstallment, Monthly, repeat("120.00", 10), "2026-03-16"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := negotiationAccount()
			if tt.edit != nil {
				tt.edit(&a)
			}
			n := NewNegotiation(a, tt.hardship, chicago)
			n.Open()
			var step Step
			for _, ask := range tt.asks {
				step = n.Respond(ask, chicago)
			}
			if step.Outcome != tt.outcome {
				t.Fatalf("outcome %q (%s), want %q", step.Outcome, step.Reason, tt.outcome)
			}
			if step.Below != tt.below || step.Lowest != tt.below {
				t.Errorf("below %v, lowest %v, want both %v (%s)", step.Below, step.Lowest, tt.below, step.Reason)
			}
			var got []planShape
			for _, p := range step.Offers {
				got = append(got, shapeOf(p, loc))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("offers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNegotiationOpen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		edit     func(*Account)
		hardship bool
		want     []string // kind and total of each offer
	}{
		{name: "full, settlement halfway to the floor, two payments",
			want: []string{"full 1200.00", "settlement 1020.00", "installments 1200.00"}},
		{name: "no settlement at floor 0", edit: func(a *Account) { a.Policy.SettlementFloorBP = 0 },
			want: []string{"full 1200.00", "installments 1200.00"}},
		{name: "no settlement at floor 10000", edit: func(a *Account) { a.Policy.SettlementFloorBP = 10000 },
			want: []string{"full 1200.00", "installments 1200.00"}},
		{name: "no installments when the policy allows one payment", edit: func(a *Account) { a.Policy.MaxInstallments = 1 },
			want: []string{"full 1200.00", "settlement 1020.00"}},
		{name: "no installments below twice the minimum", edit: func(a *Account) { a.Balance = MustMoney("99.99", "USD") },
			want: []string{"full 99.99", "settlement 84.99"}},
		{name: "hardship recorded", hardship: true, edit: func(a *Account) { a.Policy.SettlementFloorBP = 0 },
			want: []string{"full 1200.00", "hardship 1200.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := negotiationAccount()
			if tt.edit != nil {
				tt.edit(&a)
			}
			step := NewNegotiation(a, tt.hardship, chicago).Open()
			var got []string
			for i, p := range step.Offers {
				if p.ID != strconv.Itoa(i+1) || p.Status != PlanOffered || p.AccountID != "A-100" {
					t.Errorf("offer %d: id %q status %q account %q", i, p.ID, p.Status, p.AccountID)
				}
				got = append(got, string(p.Kind)+" "+p.Total.Decimal())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("offers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNegotiationCounterReason(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		ask      string
		hardship bool
		want     string
	}{
		{"hardship terms would fit", "60", false,
			"the borrower asked for less than any permitted plan; the lowest is offered; the hardship terms would fit if hardship is recorded"},
		{"nothing fits", "20", false, "the borrower asked for less than any permitted plan; the lowest is offered"},
		{"nothing fits under hardship", "20", true, "the borrower asked for less than any permitted plan; the lowest is offered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n := NewNegotiation(negotiationAccount(), tt.hardship, chicago)
			step := n.Respond(Ask{Amount: amount(tt.ask)}, chicago)
			if step.Outcome != StepOffer || !step.Below || step.Reason != tt.want {
				t.Errorf("step %s below %v %q, want a counter: %q", step.Outcome, step.Below, step.Reason, tt.want)
			}
		})
	}
}

func TestNegotiationHandoffReason(t *testing.T) {
	t.Parallel()
	n := NewNegotiation(negotiationAccount(), false, chicago)
	step := n.Respond(Ask{Amount: amount("0"), Frequency: Monthly}, chicago)
	if step.Outcome != StepHandoff || step.Reason != "the borrower can pay nothing per period" {
		t.Errorf("step %s %q, want a handoff", step.Outcome, step.Reason)
	}
}

func TestNegotiationLowest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		edit     func(*Account)
		hardship bool
		want     []string // kind, count and total of each offer
	}{
		{name: "the floor settlement and the longest plan", want: []string{"settlement 1 840.00", "installments 12 1200.00"}},
		{name: "no settlement allowed", edit: func(a *Account) { a.Policy.SettlementFloorBP = 0 },
			want: []string{"full 1 1200.00", "installments 12 1200.00"}},
		{name: "under hardship terms", hardship: true, want: []string{"settlement 1 840.00", "hardship 24 1200.00"}},
		{name: "no installments allowed", edit: func(a *Account) { a.Policy.MaxInstallments = 1 },
			want: []string{"settlement 1 840.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := negotiationAccount()
			if tt.edit != nil {
				tt.edit(&a)
			}
			n := NewNegotiation(a, tt.hardship, chicago)
			n.Open()
			step := n.Lowest(chicago)
			if step.Outcome != StepOffer || !step.Lowest || step.Below {
				t.Errorf("step %s lowest %v below %v, want the lowest offers", step.Outcome, step.Lowest, step.Below)
			}
			var got []string
			for _, p := range step.Offers {
				got = append(got, fmt.Sprintf("%s %d %s", p.Kind, len(p.Installments), p.Total.Decimal()))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("offers (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(step.Offers, n.Offers()); diff != "" {
				t.Errorf("the table is not the lowest offers (-step +table):\n%s", diff)
			}
		})
	}
}

func TestNegotiationOpenAt(t *testing.T) {
	t.Parallel()
	n := NewNegotiation(negotiationAccount(), false, chicago)
	n.Open()
	later := chicago.AddDate(0, 1, 0)
	step := n.OpenAt(later)
	loc := location("America/Chicago")
	if got := step.Offers[0].Installments[0].Due.In(loc).Format(time.DateOnly); got != "2026-04-16" {
		t.Errorf("reopened a month later, first payment due %s, want 2026-04-16", got)
	}
	if _, err := n.Accept("1", later); err != nil {
		t.Errorf("accepting a reopened offer: %v", err)
	}
}

func TestNegotiationRefusalsEndInHandoff(t *testing.T) {
	t.Parallel()
	n := NewNegotiation(negotiationAccount(), false, chicago)
	n.Open()
	var counts []int
	for range 10 {
		step := n.Respond(Ask{}, chicago)
		if step.Outcome == StepHandoff {
			break
		}
		last := step.Offers[len(step.Offers)-1]
		counts = append(counts, len(last.Installments))
	}
	// 2 payments at the opening, then halfway toward 12 each time.
	if diff := cmp.Diff([]int{7, 10, 11, 12}, counts); diff != "" {
		t.Errorf("installment counts (-want +got):\n%s", diff)
	}
	if len(n.Offers()) != 0 {
		t.Errorf("offers left on the table after a handoff: %v", n.Offers())
	}
}

func TestNegotiationAccept(t *testing.T) {
	t.Parallel()
	n := NewNegotiation(negotiationAccount(), false, chicago)
	n.Open()
	p, err := n.Accept("2", chicago.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != PlanSettlement || p.Status != PlanAccepted {
		t.Errorf("accepted %s with status %s, want the settlement, accepted", p.Kind, p.Status)
	}
	if got, ok := n.Accepted(); !ok || got.ID != "2" {
		t.Errorf("Accepted() = %v, %v", got.ID, ok)
	}
	if _, err := n.Accept("4", chicago); !errors.Is(err, ErrUnknownOffer) {
		t.Errorf("accepting an unknown offer: %v, want ErrUnknownOffer", err)
	}
	// The first payment falls due on 2026-03-16 in Chicago: the next day is too late.
	if _, err := n.Accept("1", time.Date(2026, 3, 17, 6, 0, 0, 0, time.UTC)); !errors.Is(err, ErrOfferExpired) {
		t.Errorf("accepting after the first due date: %v, want ErrOfferExpired", err)
	}
	if _, err := n.Accept("1", time.Date(2026, 3, 17, 4, 0, 0, 0, time.UTC)); err != nil {
		t.Errorf("accepting on the first due date, late evening in Chicago: %v", err)
	}
}

func TestNegotiationOffersAreCopies(t *testing.T) {
	t.Parallel()
	n := NewNegotiation(negotiationAccount(), false, chicago)
	step := n.Open()
	step.Offers[2].Installments[0].Amount.Minor = 1
	if got := n.Offers()[2].Installments[0].Amount.Minor; got != 60000 {
		t.Errorf("the table changed through a returned offer: %d", got)
	}
}

func TestNegotiationAmounts(t *testing.T) {
	t.Parallel()
	n := NewNegotiation(negotiationAccount(), false, chicago)
	n.Open()
	var got []string
	for _, m := range n.Amounts() {
		got = append(got, m.String())
	}
	want := []string{"$1,200.00", "$1,020.00", "$600.00"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("amounts (-want +got):\n%s", diff)
	}
}

func TestNegotiationTerms(t *testing.T) {
	t.Parallel()
	n := NewNegotiation(negotiationAccount(), false, chicago)
	n.Open()
	if diff := cmp.Diff([]string{policies.TermSettlement, policies.TermPaymentPlan}, n.Terms()); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
	a := negotiationAccount()
	a.Policy.SettlementFloorBP, a.Policy.MaxInstallments = 0, 1
	n = NewNegotiation(a, false, chicago)
	n.Open()
	if got := n.Terms(); len(got) != 0 {
		t.Errorf("payment in full alone grants %v", got)
	}
}

func TestNegotiationDueDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		tz   string
		now  time.Time
		ask  Ask
		want []string // local date and clock of every due date
	}{
		{"monthly from the 31st clamps to month ends", "America/New_York",
			time.Date(2026, 1, 31, 17, 0, 0, 0, time.UTC), Ask{Count: 4},
			[]string{"2026-01-31 00:00", "2026-02-28 00:00", "2026-03-31 00:00", "2026-04-30 00:00"}},
		{"monthly from the 29th across a leap February", "Europe/London",
			time.Date(2028, 1, 29, 12, 0, 0, 0, time.UTC), Ask{Count: 3},
			[]string{"2028-01-29 00:00", "2028-02-29 00:00", "2028-03-29 00:00"}},
		{"weekly across the start of daylight saving time", "America/Chicago",
			time.Date(2026, 3, 1, 18, 0, 0, 0, time.UTC), Ask{Count: 3, Frequency: Weekly},
			[]string{"2026-03-01 00:00", "2026-03-08 00:00", "2026-03-15 00:00"}},
		{"biweekly across the end of daylight saving time", "Europe/London",
			time.Date(2026, 10, 20, 23, 30, 0, 0, time.UTC), Ask{Count: 3, Frequency: Biweekly},
			[]string{"2026-10-21 00:00", "2026-11-04 00:00", "2026-11-18 00:00"}},
		{"the borrower's date, not UTC's", "Asia/Shanghai",
			time.Date(2026, 6, 30, 20, 0, 0, 0, time.UTC), Ask{Count: 2},
			[]string{"2026-07-01 00:00", "2026-08-01 00:00"}},
		{"an unknown zone is UTC", "Mars/Olympus",
			time.Date(2026, 6, 30, 20, 0, 0, 0, time.UTC), Ask{Count: 2},
			[]string{"2026-06-30 00:00", "2026-07-30 00:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := negotiationAccount()
			a.Policy.FirstPaymentWithinDays = 0
			a.Borrower.Timezone = tt.tz
			loc := location(tt.tz)
			n := NewNegotiation(a, false, tt.now)
			step := n.Respond(tt.ask, tt.now)
			if len(step.Offers) != 1 {
				t.Fatalf("step %+v, want one offer", step)
			}
			var got []string
			for _, in := range step.Offers[0].Installments {
				got = append(got, in.Due.In(loc).Format("2006-01-02 15:04"))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("due dates (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNegotiationJSONRoundTrip(t *testing.T) {
	t.Parallel()
	n := NewNegotiation(negotiationAccount(), true, chicago)
	n.Open()
	n.Respond(Ask{Amount: amount("100"), Frequency: Weekly}, chicago.Add(time.Minute))
	b, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	var back Negotiation
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(n, &back, cmp.AllowUnexported(Negotiation{})); diff != "" {
		t.Errorf("round trip (-before +after):\n%s", diff)
	}
	again, err := json.Marshal(&back)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(b) {
		t.Errorf("re-encoded differently:\n%s\n%s", b, again)
	}
	if err := json.Unmarshal([]byte(`{"balance":"oops"}`), &back); err == nil {
		t.Error("decoding a malformed negotiation succeeded")
	}
}

var negotiationSeed = flag.Int64("negotiation-seed", 0, "seed of TestNegotiationProperties; 0 picks one from the clock")

// TestNegotiationProperties drives random negotiations over random balances,
// currencies, policies, zones and times, and checks every offer against the
// policy with bounds computed here, independently of the engine.
func TestNegotiationProperties(t *testing.T) {
	t.Parallel()
	seed := *negotiationSeed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	t.Logf("seed %d (rerun with -negotiation-seed=%[1]d)", seed)
	rng := rand.New(rand.NewSource(seed))
	iterations := 4000
	if testing.Short() {
		iterations = 500
	}
	for i := range iterations {
		a, now := randomAccount(rng)
		hardship := rng.Intn(4) == 0
		n := NewNegotiation(a, hardship, now)
		c := checker{t: t, iter: i, a: a, hardship: hardship, now: now, loc: location(a.Borrower.Timezone)}
		step := n.Open()
		c.check(step, nil)
		var transcript []string
		for range 6 {
			ask := randomAsk(rng, a)
			now = now.Add(time.Duration(rng.Intn(3600)) * time.Second)
			c.now = now
			// Continue on a copy restored from JSON, as the orchestrator does.
			b, err := json.Marshal(n)
			if err != nil {
				t.Fatal(err)
			}
			restored := new(Negotiation)
			if err := json.Unmarshal(b, restored); err != nil {
				t.Fatal(err)
			}
			step = restored.Respond(ask, now)
			original := n.Respond(ask, now)
			if !sameJSON(t, original, step) {
				t.Fatalf("iteration %d: a restored negotiation answered differently (-original +restored):\n%s", i, cmp.Diff(original, step))
			}
			transcript = append(transcript, fmt.Sprintf("%s -> %s (%s) %v", askString(ask), step.Outcome, step.Reason, step.Offers))
			c.check(step, &ask)
			if len(step.Offers) > 0 && rng.Intn(4) == 0 {
				c.checkAccept(restored, step.Offers[rng.Intn(len(step.Offers))], now)
			}
			if t.Failed() {
				t.Fatalf("iteration %d: stopping; account %+v, hardship %v, now %s\n%s", i, a, hardship, now, strings.Join(transcript, "\n"))
			}
		}
	}
}

var propertyZones = []string{"", "Mars/Olympus", "UTC", "America/Chicago", "America/New_York", "Europe/London",
	"Asia/Shanghai", "Asia/Kolkata", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham"}

var propertyCurrencies = []string{"USD", "GBP", "CNY", "INR", "EUR"}

func randomAccount(rng *rand.Rand) (Account, time.Time) {
	cur := propertyCurrencies[rng.Intn(len(propertyCurrencies))]
	minInst := []int64{0, 1, 100, 5000, 20000, 1 + rng.Int63n(100000)}[rng.Intn(6)]
	balance := []int64{1, 1 + rng.Int63n(max(minInst, 1)), 1 + rng.Int63n(10_000), 1 + rng.Int63n(10_000_000),
		1 + rng.Int63n(1<<50)}[rng.Intn(5)]
	p := CreditorPolicy{
		MaxInstallments:        []int{0, 1, 2, 12, 1 + rng.Intn(60)}[rng.Intn(5)],
		MinInstallment:         Money{Minor: minInst, Currency: cur},
		SettlementFloorBP:      []int{0, 10000, 9999, 1, 7000, rng.Intn(10001)}[rng.Intn(6)],
		FirstPaymentWithinDays: []int{0, 1, 14, rng.Intn(60)}[rng.Intn(4)],
	}
	if rng.Intn(2) == 0 {
		p.Hardship = HardshipPolicy{
			PauseDays:       rng.Intn(91),
			MinInstallment:  Money{Minor: rng.Int63n(max(minInst, 1) + 1), Currency: cur},
			MaxInstallments: rng.Intn(72),
		}
	}
	a := Account{
		ID:       "P-" + strconv.Itoa(rng.Intn(1000)),
		Balance:  Money{Minor: balance, Currency: cur},
		Policy:   p,
		Borrower: Borrower{Timezone: propertyZones[rng.Intn(len(propertyZones))]},
	}
	// Month ends, leap days and daylight saving transitions, or any time.
	edges := []time.Time{
		time.Date(2026, 1, 31, 23, 30, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 4, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 8, 7, 30, 0, 0, time.UTC),   // US spring forward
		time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), // EU fall back
		time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC),  // US fall back
		time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC),
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int63n(3 * 365 * 24 * int64(time.Hour))))
	if rng.Intn(2) == 0 {
		now = edges[rng.Intn(len(edges))].Add(time.Duration(rng.Intn(48)-24) * time.Hour)
	}
	return a, now
}

func randomAsk(rng *rand.Rand, a Account) Ask {
	var ask Ask
	ask.Frequency = []Frequency{"", Once, Weekly, Biweekly, Monthly}[rng.Intn(5)]
	ask.Hardship = rng.Intn(8) == 0
	switch rng.Intn(4) {
	case 0: // a refusal
	case 1:
		ask.Count = rng.Intn(40)
	default:
		b := a.Balance.Minor
		m := Money{Minor: []int64{1 + rng.Int63n(b), 1 + rng.Int63n(max(b/10, 1)), b, b + 1,
			max(a.Policy.MinInstallment.Minor, 1), 0, -1 - rng.Int63n(b)}[rng.Intn(7)], Currency: a.Balance.Currency}
		ask.Amount = &m
	}
	return ask
}

// checker holds what the property test knows of one negotiation.
type checker struct {
	t        *testing.T
	iter     int
	a        Account
	hardship bool
	now      time.Time
	loc      *time.Location
	// offerRate and askRate are the yearly rates of the last installment
	// offer's largest payment and of the last amount asked.
	offerRate, askRate int64
	// belowRate and belowLump are the last asks below the limits.
	belowRate, belowLump int64
}

func (c *checker) errorf(format string, args ...any) {
	c.t.Helper()
	c.t.Errorf("iteration %d: "+format, append([]any{c.iter}, args...)...)
}

func (c *checker) check(step Step, ask *Ask) {
	c.t.Helper()
	if ask != nil && ask.Hardship {
		c.hardship = true
	}
	p := c.a.Policy
	minInst, maxCount, days := max(p.MinInstallment.Minor, 1), p.MaxInstallments, max(p.FirstPaymentWithinDays, 0)
	if c.hardship {
		if h := p.Hardship.MinInstallment.Minor; h > 0 {
			minInst = min(minInst, h)
		}
		maxCount = max(maxCount, p.Hardship.MaxInstallments)
		days = max(days, p.Hardship.PauseDays)
	}
	balance := c.a.Balance.Minor
	today := localDate(c.now, c.loc)
	lastDay := today.AddDate(0, 0, days)

	if step.Outcome == StepHandoff && len(step.Offers) > 0 {
		c.errorf("a handoff with offers")
	}
	if step.Outcome == StepOffer && len(step.Offers) == 0 {
		c.errorf("an offer step without offers: %s", step.Reason)
	}
	var largestRate int64
	for i, o := range step.Offers {
		if o.ID != strconv.Itoa(i+1) || o.Status != PlanOffered || o.AccountID != c.a.ID {
			c.errorf("offer %d: id %q, status %q, account %q", i, o.ID, o.Status, o.AccountID)
		}
		var sum int64
		for _, in := range o.Installments {
			sum += in.Amount.Minor
			if in.Amount.Currency != c.a.Balance.Currency {
				c.errorf("offer %s: currency %q", o.ID, in.Amount.Currency)
			}
		}
		if sum != o.Total.Minor || o.Total.Currency != c.a.Balance.Currency {
			c.errorf("offer %s: installments add up to %d, total %v", o.ID, sum, o.Total)
		}
		count := len(o.Installments)
		if count == 0 {
			c.errorf("offer %s: no installments", o.ID)
			continue
		}
		switch o.Kind {
		case PlanFull:
			if count != 1 || o.Total.Minor != balance || o.Frequency != Once {
				c.errorf("pay in full %+v", o)
			}
		case PlanSettlement:
			floor := floorOf(balance, p.SettlementFloorBP)
			if count != 1 || o.Frequency != Once || p.SettlementFloorBP <= 0 || o.Total.Minor < floor || o.Total.Minor >= balance {
				c.errorf("settlement of %d on %d at %d bp (floor %d)", o.Total.Minor, balance, p.SettlementFloorBP, floor)
			}
		case PlanInstallment, PlanHardship:
			if (o.Kind == PlanHardship) != c.hardship {
				c.errorf("plan kind %s with hardship %v", o.Kind, c.hardship)
			}
			if o.Total.Minor != balance || count < 2 || count > maxCount {
				c.errorf("%d installments totalling %d; balance %d, at most %d", count, o.Total.Minor, balance, maxCount)
			}
			for j, in := range o.Installments {
				if in.Amount.Minor < minInst {
					c.errorf("installment %d of %d below the minimum %d", j, in.Amount.Minor, minInst)
				}
				if j < count-1 && in.Amount.Minor != o.Installments[0].Amount.Minor {
					c.errorf("installment %d of %d differs from the regular %d", j, in.Amount.Minor, o.Installments[0].Amount.Minor)
				}
			}
			rate := yearlyRate(o)
			largestRate = max(largestRate, rate)
		default:
			c.errorf("unknown kind %q", o.Kind)
		}
		c.checkDates(o, today, lastDay)
	}
	if ask == nil {
		c.offerRate, c.askRate = largestRate, 0
		return
	}
	lump := (ask.Frequency == Once && ask.Count <= 1) || (ask.Frequency == "" && ask.Count == 1)
	if ask.Amount != nil && !lump && ask.Frequency != Once {
		c.checkAmountAsk(step, *ask, largestRate, minInst, maxCount)
	}
	if ask.Amount != nil && lump {
		c.checkLumpAsk(step, ask.Amount.Minor)
	}
	if ask.Amount == nil && ask.Count == 0 && c.offerRate > 0 && largestRate > c.offerRate {
		c.errorf("a concession asks %d a year, the previous offer %d", largestRate, c.offerRate)
	}
	if largestRate > 0 {
		c.offerRate = largestRate
	}
}

// checkAccept accepts offer on n, a copy the dialogue does not go on with.
func (c *checker) checkAccept(n *Negotiation, offer Plan, now time.Time) {
	c.t.Helper()
	if _, err := n.Accept("0", now); !errors.Is(err, ErrUnknownOffer) {
		c.errorf("accepting offer 0: %v, want ErrUnknownOffer", err)
	}
	got, err := n.Accept(offer.ID, now)
	if err != nil {
		c.errorf("accepting offer %s: %v", offer.ID, err)
		return
	}
	want := offer
	want.Status = PlanAccepted
	if diff := cmp.Diff(want, got); diff != "" {
		c.errorf("accepted plan (-offered +accepted):\n%s", diff)
	}
	accepted := 0
	for _, p := range n.Offers() {
		if p.Status == PlanAccepted {
			accepted++
		}
	}
	if accepted != 1 {
		c.errorf("%d offers accepted on the table", accepted)
	}
}

// checkAmountAsk checks the answer to "I can pay X every period": no
// installment above X, none above the previous offer after asking for less,
// exactly the asked plan when it fits, and a handoff only when no plan of
// the documented shape fits at the asked frequency or a longer one.
func (c *checker) checkAmountAsk(step Step, ask Ask, largestRate, minInst int64, maxCount int) {
	c.t.Helper()
	balance := c.a.Balance.Minor
	f := ask.Frequency
	if f == "" || f == Once {
		f = Monthly
	}
	per := ask.Amount.Minor
	if per >= balance {
		if len(step.Offers) != 1 || step.Offers[0].Kind != PlanFull {
			c.errorf("an ask of %d covering %d did not get pay in full: %+v", per, balance, step)
		}
		return
	}
	if per <= 0 {
		if step.Outcome != StepHandoff {
			c.errorf("an ask of %d per period got %+v, want a handoff", per, step)
		}
		c.askRate = 0
		return
	}
	askRate := per * periodsPerYear(f)
	capRate := askRate
	if c.askRate > 0 && askRate < c.askRate && c.offerRate > 0 {
		capRate = min(capRate, c.offerRate)
	}
	c.askRate = askRate
	fits := false
	for _, g := range []Frequency{Weekly, Biweekly, Monthly} {
		if periodsPerYear(g) <= periodsPerYear(f) && shapeFits(balance, min(capRate/periodsPerYear(g), balance-1), minInst, maxCount) {
			fits = true
		}
	}
	if !fits && c.belowRate > 0 && askRate <= c.belowRate {
		// Asking again for no more than a countered ask declines the counter.
		if step.Outcome != StepHandoff {
			c.errorf("a repeated ask of %d a year below the limits (last %d) got %+v, want a handoff", askRate, c.belowRate, step)
		}
		return
	}
	if !fits {
		c.belowRate = askRate
	}
	if step.Outcome != StepOffer || fits == step.Below {
		c.errorf("ask %d %s on %d (min %d, max %d, cap %d): outcome %s, below %v, a plan fits: %v",
			per, f, balance, minInst, maxCount, capRate, step.Outcome, step.Below, fits)
	}
	if !fits {
		// A counter: the lowest terms the policy allows, the longest plan.
		longest := min(balance/minInst, int64(maxCount))
		for _, o := range step.Offers {
			if n := int64(len(o.Installments)); (o.Kind == PlanInstallment || o.Kind == PlanHardship) && n != longest {
				c.errorf("a counter to %d %s offers %d payments, the longest allowed is %d", per, f, n, longest)
			}
		}
		return
	}
	if largestRate > capRate {
		c.errorf("asked %d a year (cap %d), offered %d", askRate, capRate, largestRate)
	}
	rest := balance % per
	if n := (balance + per - 1) / per; capRate == askRate && per >= minInst && n <= int64(maxCount) && (rest == 0 || rest >= minInst) {
		want := make([]int64, n)
		for i := range want {
			want[i] = per
		}
		if rest != 0 {
			want[n-1] = rest
		}
		var got []int64
		if len(step.Offers) == 1 && step.Offers[0].Frequency == f {
			for _, in := range step.Offers[0].Installments {
				got = append(got, in.Amount.Minor)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			c.errorf("the ask %d %s fits; offers differ (-want +got):\n%s", per, f, diff)
		}
	}
}

// checkLumpAsk checks the answer to "I can pay X in one payment": pay in
// full when X covers the balance, a settlement of exactly X when X reaches
// the floor, and otherwise a counter at the floor, never a plan of X.
func (c *checker) checkLumpAsk(step Step, amount int64) {
	c.t.Helper()
	balance := c.a.Balance.Minor
	floor := floorOf(balance, c.a.Policy.SettlementFloorBP)
	settles := c.a.Policy.SettlementFloorBP > 0 && c.a.Policy.SettlementFloorBP < 10000 && floor < balance
	switch {
	case balance <= 0:
	case amount >= balance:
		if len(step.Offers) != 1 || step.Offers[0].Kind != PlanFull || step.Below {
			c.errorf("a lump sum of %d covering %d did not get pay in full: %+v", amount, balance, step)
		}
	case settles && amount >= floor:
		if len(step.Offers) != 1 || step.Offers[0].Kind != PlanSettlement || step.Offers[0].Total.Minor != amount || step.Below {
			c.errorf("a lump sum of %d at or above the floor %d did not get that settlement: %+v", amount, floor, step)
		}
	case c.belowLump > 0 && amount <= c.belowLump:
		if step.Outcome != StepHandoff {
			c.errorf("a repeated lump sum of %d below the floor (last %d) got %+v, want a handoff", amount, c.belowLump, step)
		}
	default:
		c.belowLump = amount
		if step.Outcome != StepOffer || !step.Below || !step.Lowest {
			c.errorf("a lump sum of %d under the floor %d of %d is not countered: %+v", amount, floor, balance, step)
		}
		for _, o := range step.Offers {
			if o.Total.Minor == amount {
				c.errorf("a lump sum of %d under the floor was offered back: %+v", amount, o)
			}
			if o.Kind == PlanSettlement && o.Total.Minor != floor {
				c.errorf("the counter to a lump sum of %d settles for %d, not the floor %d", amount, o.Total.Minor, floor)
			}
		}
	}
}

// shapeFits reports, by trying every count, whether a plan of the
// documented shape (equal payments, the last absorbing the remainder) has
// every installment between minInst and per.
func shapeFits(balance, per, minInst int64, maxCount int) bool {
	for n := int64(2); n <= int64(maxCount); n++ {
		if last := balance - (n-1)*per; per >= minInst && last >= minInst && last <= per {
			return true
		}
		if r := balance / n; r >= minInst && r+balance%n <= per {
			return true
		}
	}
	return false
}

func (c *checker) checkDates(o Plan, today, lastDay time.Time) {
	c.t.Helper()
	first := localDate(o.Installments[0].Due, c.loc)
	if first.Before(today) || first.After(lastDay) {
		c.errorf("offer %s: first payment %s outside %s..%s", o.ID, first.Format(time.DateOnly), today.Format(time.DateOnly), lastDay.Format(time.DateOnly))
	}
	for j := 1; j < len(o.Installments); j++ {
		prev, cur := o.Installments[j-1].Due, o.Installments[j].Due
		if !cur.After(prev) {
			c.errorf("offer %s: due dates not increasing at %d", o.ID, j)
		}
		pd, cd := localDate(prev, c.loc), localDate(cur, c.loc)
		switch o.Frequency {
		case Weekly, Biweekly:
			step := 7
			if o.Frequency == Biweekly {
				step = 14
			}
			if !cd.Equal(pd.AddDate(0, 0, step)) {
				c.errorf("offer %s: %s after %s is not %d days", o.ID, cd, pd, step)
			}
		case Monthly:
			want := first.AddDate(0, j, 0)
			if want.Day() != first.Day() { // ran into the next month: clamp to the month's end
				want = want.AddDate(0, 0, -want.Day())
			}
			if !cd.Equal(want) {
				c.errorf("offer %s: payment %d due %s, want %s", o.ID, j, cd.Format(time.DateOnly), want.Format(time.DateOnly))
			}
		default:
			c.errorf("offer %s: %d payments at frequency %q", o.ID, len(o.Installments), o.Frequency)
		}
	}
}

// floorOf is bp basis points of balance rounded up, in exact arithmetic.
func floorOf(balance int64, bp int) int64 {
	num := new(big.Int).Mul(big.NewInt(balance), big.NewInt(int64(bp)))
	q, r := new(big.Int).QuoRem(num, big.NewInt(10000), new(big.Int))
	if r.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

func yearlyRate(p Plan) int64 {
	var largest int64
	for _, in := range p.Installments {
		largest = max(largest, in.Amount.Minor)
	}
	return largest * periodsPerYear(p.Frequency)
}

func BenchmarkNegotiationOpen(b *testing.B) {
	a := negotiationAccount()
	for b.Loop() {
		NewNegotiation(a, false, chicago).Open()
	}
}

// BenchmarkNegotiationConcede measures one concession after a refusal of
// the opening offers.
func BenchmarkNegotiationConcede(b *testing.B) {
	opened := NewNegotiation(negotiationAccount(), false, chicago)
	opened.Open()
	for b.Loop() {
		n := *opened // the step replaces the table, never edits it in place
		if step := n.Respond(Ask{}, chicago); step.Outcome != StepOffer {
			b.Fatal(step.Reason)
		}
	}
}

// BenchmarkNegotiationAsk measures answering "I can do 150 a month".
func BenchmarkNegotiationAsk(b *testing.B) {
	opened := NewNegotiation(negotiationAccount(), false, chicago)
	opened.Open()
	ask := Ask{Amount: amount("150"), Frequency: Monthly}
	for b.Loop() {
		n := *opened
		if step := n.Respond(ask, chicago); step.Outcome != StepOffer {
			b.Fatal(step.Reason)
		}
	}
}

// BenchmarkNegotiationTurn measures what a turn costs the orchestrator:
// decode the negotiation from memory, answer a refusal, encode it again.
func BenchmarkNegotiationTurn(b *testing.B) {
	opened := NewNegotiation(negotiationAccount(), false, chicago)
	opened.Open()
	state, err := json.Marshal(opened)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var n Negotiation
		if err := json.Unmarshal(state, &n); err != nil {
			b.Fatal(err)
		}
		n.Respond(Ask{}, chicago)
		if _, err := json.Marshal(&n); err != nil {
			b.Fatal(err)
		}
	}
}

func askString(a Ask) string {
	s := fmt.Sprintf("ask{count %d, %q, hardship %v", a.Count, a.Frequency, a.Hardship)
	if a.Amount != nil {
		s += ", amount " + a.Amount.Decimal()
	}
	return s + "}"
}

// sameJSON reports whether a and b encode alike; cheaper than cmp.Diff in a
// loop of thousands.
func sameJSON(t *testing.T, a, b any) bool {
	t.Helper()
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(ja) == string(jb)
}

// TestNegotiationRepeatedLowAskHandsOver: the lowest terms are offered once
// for an ask below them; the same ask again, or a lower one, declines them
// and a person takes over. A higher ask is haggling and is answered.
func TestNegotiationRepeatedLowAskHandsOver(t *testing.T) {
	t.Parallel()
	n := NewNegotiation(negotiationAccount(), false, chicago)
	if s := n.Respond(Ask{Amount: amount("30"), Frequency: Monthly}, chicago); s.Outcome != StepOffer || !s.Below {
		t.Fatalf("first low ask: %+v", s)
	}
	if s := n.Respond(Ask{Amount: amount("40"), Frequency: Monthly}, chicago); s.Outcome != StepOffer || !s.Below {
		t.Fatalf("a higher low ask: %+v", s)
	}
	if s := n.Respond(Ask{Amount: amount("40"), Frequency: Monthly}, chicago); s.Outcome != StepHandoff {
		t.Fatalf("the same low ask again: %+v, want a handoff", s)
	}
	m := NewNegotiation(negotiationAccount(), false, chicago)
	m.Respond(Ask{Amount: amount("500"), Count: 1}, chicago)
	if s := m.Respond(Ask{Amount: amount("700"), Count: 1}, chicago); s.Outcome != StepOffer || !s.Below {
		t.Fatalf("a higher lump sum under the floor: %+v", s)
	}
	if s := m.Respond(Ask{Amount: amount("600"), Count: 1}, chicago); s.Outcome != StepHandoff {
		t.Fatalf("a lower lump sum again: %+v, want a handoff", s)
	}
}
