package agent

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DemoFacts are the plain identity facts of a demo borrower, published so
// that a README walk-through and tests can verify as that borrower. Real
// accounts never carry plain facts: only their digests are stored.
type DemoFacts struct {
	DOB      string // YYYY-MM-DD
	Postcode string // ZIP code or postcode
	IDLast4  string // last four digits of an ID
}

// DemoIdentity maps each demo account id to its borrower's plain facts.
var DemoIdentity = map[string]DemoFacts{
	"DEMO-US-1":          {DOB: "1985-04-12", Postcode: "60601", IDLast4: "4821"},
	"DEMO-US-MA":         {DOB: "1979-09-30", Postcode: "02108", IDLast4: "3307"},
	"DEMO-US-DISPUTED":   {DOB: "1990-01-22", Postcode: "60614", IDLast4: "5519"},
	"DEMO-US-ATTORNEY":   {DOB: "1972-06-05", Postcode: "60622", IDLast4: "7740"},
	"DEMO-US-TIMEBARRED": {DOB: "1968-11-17", Postcode: "60640", IDLast4: "2096"},
	"DEMO-GB-1":          {DOB: "1988-02-29", Postcode: "SW1A 1AA", IDLast4: "6612"},
	"DEMO-CN-1":          {DOB: "1992-08-08", Postcode: "200001", IDLast4: "1357"},
	"DEMO-IN-1":          {DOB: "1986-12-03", Postcode: "400001", IDLast4: "9024"},
}

// demoAccount is the part of a demo account that varies.
type demoAccount struct {
	id, name, phone, email   string
	tz, jurisdiction, locale string
	currency                 string
	creditor, agency         string
	purpose                  string
	balance                  string
	daysPastDue              int
	flags                    AccountFlags
	maxInst                  int
	minInst                  string
	floorBP                  int
	firstWithin              int
	hardship                 *demoHardship
}

type demoHardship struct {
	pauseDays int
	minInst   string
	maxInst   int
	feeWaiver bool
}

var demoPortfolio = []demoAccount{
	{id: "DEMO-US-1", name: "Maria Lopez", phone: "+13125550101", email: "maria.lopez@example.com",
		tz: "America/Chicago", jurisdiction: "US", locale: "en", currency: "USD",
		creditor: "First Lakeshore Bank", agency: "Lakeshore Recovery Services", purpose: "credit card",
		balance: "1200.00", daysPastDue: 95, maxInst: 12, minInst: "50.00", floorBP: 7000, firstWithin: 14,
		flags:    AccountFlags{CreditReported: true},
		hardship: &demoHardship{pauseDays: 30, minInst: "25.00", maxInst: 18, feeWaiver: true}},
	{id: "DEMO-US-MA", name: "James O'Connor", phone: "+16175550102", email: "james.oconnor@example.com",
		tz: "America/New_York", jurisdiction: "US-MA", locale: "en", currency: "USD",
		creditor: "Harbor Auto Finance", agency: "Bay State Collections", purpose: "auto loan deficiency",
		balance: "2450.75", daysPastDue: 140, maxInst: 18, minInst: "75.00", floorBP: 6500, firstWithin: 21,
		flags:    AccountFlags{CreditReported: true},
		hardship: &demoHardship{pauseDays: 60, minInst: "40.00", maxInst: 24}},
	{id: "DEMO-US-DISPUTED", name: "Aisha Johnson", phone: "+13125550103", email: "aisha.johnson@example.com",
		tz: "America/Chicago", jurisdiction: "US", locale: "en", currency: "USD",
		creditor: "Prairie Medical Group", purpose: "medical bill",
		balance: "860.40", daysPastDue: 60, flags: AccountFlags{Disputed: true},
		maxInst: 6, minInst: "40.00", floorBP: 8000, firstWithin: 30,
		hardship: &demoHardship{pauseDays: 30, minInst: "20.00"}},
	{id: "DEMO-US-ATTORNEY", name: "Robert Chen", phone: "+13125550104", email: "robert.chen@example.com",
		tz: "America/Chicago", jurisdiction: "US", locale: "en", currency: "USD",
		creditor: "Northline Card Services", agency: "Lakeshore Recovery Services", purpose: "credit card",
		balance: "3100.00", daysPastDue: 210, flags: AccountFlags{Attorney: true, CreditReported: true},
		maxInst: 24, minInst: "100.00", floorBP: 6000, firstWithin: 14},
	{id: "DEMO-US-TIMEBARRED", name: "Linda Walker", phone: "+13125550105", email: "linda.walker@example.com",
		tz: "America/Chicago", jurisdiction: "US", locale: "en", currency: "USD",
		creditor: "Old Towne Retail Credit", agency: "Midway Portfolio Recovery", purpose: "store card",
		balance: "640.00", daysPastDue: 2600, flags: AccountFlags{TimeBarred: true},
		maxInst: 12, minInst: "25.00", floorBP: 4000, firstWithin: 30,
		hardship: &demoHardship{pauseDays: 90, minInst: "15.00", maxInst: 24, feeWaiver: true}},
	{id: "DEMO-GB-1", name: "Oliver Bennett", phone: "+442079460001", email: "oliver.bennett@example.co.uk",
		tz: "Europe/London", jurisdiction: "GB", locale: "en", currency: "GBP",
		creditor: "Thames Personal Loans", agency: "Albion Credit Management", purpose: "personal loan",
		balance: "980.00", daysPastDue: 75, maxInst: 12, minInst: "30.00", floorBP: 7500, firstWithin: 28,
		flags:    AccountFlags{CreditReported: true},
		hardship: &demoHardship{pauseDays: 30, minInst: "10.00", maxInst: 24, feeWaiver: true}},
	{id: "DEMO-CN-1", name: "王芳", phone: "+862155550001", email: "wang.fang@example.cn",
		tz: "Asia/Shanghai", jurisdiction: "CN", locale: "zh", currency: "CNY",
		creditor: "浦江消费金融", purpose: "消费贷款",
		balance: "15000.00", daysPastDue: 45, maxInst: 12, minInst: "500.00", floorBP: 8000, firstWithin: 7,
		flags:    AccountFlags{CreditReported: true},
		hardship: &demoHardship{pauseDays: 30, minInst: "300.00", maxInst: 18}},
	{id: "DEMO-IN-1", name: "Priya Sharma", phone: "+912255550001", email: "priya.sharma@example.in",
		tz: "Asia/Kolkata", jurisdiction: "IN", locale: "en", currency: "INR",
		creditor: "Marine Drive Finance", agency: "Western Recovery Associates", purpose: "personal loan",
		balance: "45000.00", daysPastDue: 120, maxInst: 10, minInst: "2500.00", floorBP: 7000, firstWithin: 15,
		flags:    AccountFlags{CreditReported: true},
		hardship: &demoHardship{pauseDays: 45, minInst: "1500.00", maxInst: 15}},
}

// DemoAccounts returns the demo portfolio as of now: eight fictional
// borrowers, one per jurisdiction and legal situation worth showing, with
// phone numbers in ranges reserved for fiction. Due dates follow now.
func DemoAccounts(now time.Time) []Account {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	out := make([]Account, 0, len(demoPortfolio))
	for _, d := range demoPortfolio {
		facts := DemoIdentity[d.id]
		a := Account{
			ID:          d.id,
			Creditor:    d.creditor,
			Agency:      d.agency,
			Purpose:     d.purpose,
			Balance:     MustMoney(d.balance, d.currency),
			DueDate:     day.AddDate(0, 0, -d.daysPastDue),
			DaysPastDue: d.daysPastDue,
			Flags:       d.flags,
			Policy: CreditorPolicy{
				MaxInstallments:        d.maxInst,
				MinInstallment:         MustMoney(d.minInst, d.currency),
				SettlementFloorBP:      d.floorBP,
				FirstPaymentWithinDays: d.firstWithin,
			},
			Borrower: Borrower{
				Name:         d.name,
				Phones:       []string{d.phone},
				Email:        d.email,
				Timezone:     d.tz,
				Jurisdiction: d.jurisdiction,
				Locale:       d.locale,
				Identity:     NewIdentityFacts(d.id, facts.DOB, facts.Postcode, facts.IDLast4),
			},
			CreatedAt: now,
			UpdatedAt: now,
		}
		if h := d.hardship; h != nil {
			a.Policy.Hardship = HardshipPolicy{PauseDays: h.pauseDays, MaxInstallments: h.maxInst,
				FeeWaiverEligible: h.feeWaiver}
			if h.minInst != "" {
				a.Policy.Hardship.MinInstallment = MustMoney(h.minInst, d.currency)
			}
		}
		out = append(out, a)
	}
	return out
}

// SeedDemo adds the demo accounts the store does not have yet and reports
// how many it added; accounts already there, changed or not, are left alone.
// Identity facts are digested as NewIdentityFacts does (tests, terminal chat).
func SeedDemo(ctx context.Context, s Portfolio, now time.Time) (created int, err error) {
	return SeedDemoKeyed(ctx, s, now, unkeyed)
}

// SeedDemoKeyed is SeedDemo with identity facts digested by h. A demo
// account already there whose facts h cannot verify (a demo server started
// with another key) has its identity digests replaced, when the store is an
// IdentityStore; the rest of it is left alone.
func SeedDemoKeyed(ctx context.Context, s Portfolio, now time.Time, h *IdentityHasher) (created int, err error) {
	for _, a := range DemoAccounts(now) {
		facts := DemoIdentity[a.ID]
		a.Borrower.Identity = h.Facts(a.ID, facts.DOB, facts.Postcode, facts.IDLast4)
		old, err := s.Account(ctx, a.ID)
		if err == nil {
			id := old.Borrower.Identity
			if ok, _ := h.Check(&id, IdentityDOB, facts.DOB); ok {
				continue
			}
			if err := s.SetIdentity(ctx, a.ID, a.Borrower.Identity); err != nil {
				return created, fmt.Errorf("seed demo: %w", err)
			}
			continue
		}
		if !errors.Is(err, ErrNotFound) {
			return created, fmt.Errorf("seed demo: %w", err)
		}
		if err := s.PutAccount(ctx, a); err != nil {
			return created, fmt.Errorf("seed demo: %w", err)
		}
		created++
	}
	return created, nil
}
