package agent

import (
	"context"
	"errors"
	"regexp"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDemoAccounts(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	accounts := DemoAccounts(now)
	type row struct {
		ID, City, Locale, Currency, Timezone, Jurisdiction string
		Flags                                              AccountFlags
	}
	cities := map[string]string{"America/Chicago": "Chicago", "America/New_York": "Boston",
		"Europe/London": "London", "Asia/Shanghai": "Shanghai", "Asia/Kolkata": "Mumbai"}
	var got []row
	for _, a := range accounts {
		b := a.Borrower
		got = append(got, row{a.ID, cities[b.Timezone], b.Locale, a.Balance.Currency, b.Timezone, b.Jurisdiction, a.Flags})
	}
	want := []row{
		{"DEMO-US-1", "Chicago", "en", "USD", "America/Chicago", "US", AccountFlags{CreditReported: true}},
		{"DEMO-US-MA", "Boston", "en", "USD", "America/New_York", "US-MA", AccountFlags{CreditReported: true}},
		{"DEMO-US-DISPUTED", "Chicago", "en", "USD", "America/Chicago", "US", AccountFlags{Disputed: true}},
		{"DEMO-US-ATTORNEY", "Chicago", "en", "USD", "America/Chicago", "US", AccountFlags{Attorney: true, CreditReported: true}},
		{"DEMO-US-TIMEBARRED", "Chicago", "en", "USD", "America/Chicago", "US", AccountFlags{TimeBarred: true}},
		{"DEMO-GB-1", "London", "en", "GBP", "Europe/London", "GB", AccountFlags{CreditReported: true}},
		{"DEMO-CN-1", "Shanghai", "zh", "CNY", "Asia/Shanghai", "CN", AccountFlags{CreditReported: true}},
		{"DEMO-IN-1", "Mumbai", "en", "INR", "Asia/Kolkata", "IN", AccountFlags{CreditReported: true}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("demo portfolio (-want +got):\n%s", d)
	}
}

func TestDemoAccountsAreComplete(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	fictional := regexp.MustCompile(`^\+(131255501\d\d|161755501\d\d|4420794600\d\d|86215555\d{4}|91225555\d{4})$`)
	phones := map[string]string{}
	hardship := 0
	for _, a := range DemoAccounts(now) {
		b := a.Borrower
		if len(b.Phones) != 1 || !fictional.MatchString(b.Phones[0]) {
			t.Errorf("%s: phones %v not one number in a fictional range", a.ID, b.Phones)
		}
		for _, p := range b.Phones {
			if other, dup := phones[p]; dup {
				t.Errorf("%s and %s share %s", a.ID, other, p)
			}
			phones[p] = a.ID
		}
		if b.Name == "" || b.Email == "" || a.Creditor == "" || a.Purpose == "" {
			t.Errorf("%s: missing name, email, creditor or purpose: %+v", a.ID, a)
		}
		if _, err := time.LoadLocation(b.Timezone); err != nil {
			t.Errorf("%s: time zone %q: %v", a.ID, b.Timezone, err)
		}
		if a.Balance.Minor <= 0 || a.Policy.MinInstallment.Currency != a.Balance.Currency {
			t.Errorf("%s: balance %v, minimum installment %v", a.ID, a.Balance, a.Policy.MinInstallment)
		}
		if a.Policy.MaxInstallments <= 0 || a.Policy.SettlementFloorBP <= 0 || a.Policy.SettlementFloorBP > 10000 ||
			a.Policy.FirstPaymentWithinDays <= 0 {
			t.Errorf("%s: incomplete creditor policy %+v", a.ID, a.Policy)
		}
		if a.Policy.Hardship.PauseDays > 0 {
			hardship++
		}
		if want := now.AddDate(0, 0, -a.DaysPastDue).Truncate(24 * time.Hour); !a.DueDate.Equal(want) {
			t.Errorf("%s: due %v, want %d days before %v", a.ID, a.DueDate, a.DaysPastDue, now)
		}
		facts, ok := DemoIdentity[a.ID]
		if !ok {
			t.Fatalf("%s: no published identity facts", a.ID)
		}
		id := b.Identity
		if id.Salt != a.ID || !id.Check(IdentityDOB, facts.DOB) || !id.Check(IdentityPostcode, facts.Postcode) ||
			!id.Check(IdentityIDLast4, facts.IDLast4) {
			t.Errorf("%s: identity digests do not match the published facts", a.ID)
		}
		if id.DOB == facts.DOB || id.Postcode == facts.Postcode {
			t.Errorf("%s: plain identity facts stored", a.ID)
		}
	}
	if hardship < len(DemoIdentity)/2+1 {
		t.Errorf("%d accounts offer hardship options, want most", hardship)
	}
	if len(DemoIdentity) != len(phones) {
		t.Errorf("%d published identities for %d accounts", len(DemoIdentity), len(phones))
	}
}

func TestDemoUS1(t *testing.T) {
	t.Parallel()
	a := DemoAccounts(time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC))[0]
	got := struct {
		ID, Balance, MinInstallment string
		MaxInstallments, FloorBP    int
		FirstWithin                 int
		DOB, ZIP                    bool
	}{a.ID, a.Balance.Decimal() + " " + a.Balance.Currency, a.Policy.MinInstallment.Decimal(),
		a.Policy.MaxInstallments, a.Policy.SettlementFloorBP, a.Policy.FirstPaymentWithinDays,
		a.Borrower.Identity.Check(IdentityDOB, "1985-04-12"), a.Borrower.Identity.Check(IdentityPostcode, "60601")}
	want := got
	want.ID, want.Balance, want.MinInstallment = "DEMO-US-1", "1200.00 USD", "50.00"
	want.MaxInstallments, want.FloorBP, want.FirstWithin, want.DOB, want.ZIP = 12, 7000, 14, true, true
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("DEMO-US-1 (-want +got):\n%s", d)
	}
}

// seedStore is the part of a Store SeedDemo uses, over a map.
type seedStore struct {
	Store    // nil: any other method panics
	accounts map[string]Account
	failGet  error
	puts     int
}

func (s *seedStore) Account(_ context.Context, id string) (Account, error) {
	if s.failGet != nil {
		return Account{}, s.failGet
	}
	a, ok := s.accounts[id]
	if !ok {
		return Account{}, ErrNotFound
	}
	return a, nil
}

func (s *seedStore) PutAccount(_ context.Context, a Account) error {
	s.puts++
	s.accounts[a.ID] = a
	return nil
}

func TestSeedDemo(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	edited := DemoAccounts(now)[1]
	edited.Balance = MustMoney("1.00", "USD")
	s := &seedStore{accounts: map[string]Account{edited.ID: edited}}
	ctx := context.Background()

	n, err := SeedDemo(ctx, s, now)
	if err != nil || n != len(DemoIdentity)-1 {
		t.Fatalf("first SeedDemo = %d, %v; want %d", n, err, len(DemoIdentity)-1)
	}
	if got := s.accounts[edited.ID].Balance; got != edited.Balance {
		t.Errorf("an existing account was overwritten: balance %v", got)
	}
	var ids []string
	for id := range s.accounts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var want []string
	for id := range DemoIdentity {
		want = append(want, id)
	}
	sort.Strings(want)
	if d := cmp.Diff(want, ids); d != "" {
		t.Errorf("seeded ids (-want +got):\n%s", d)
	}
	if n, err := SeedDemo(ctx, s, now.Add(time.Hour)); err != nil || n != 0 {
		t.Errorf("second SeedDemo = %d, %v; want 0", n, err)
	}
	if s.puts != len(DemoIdentity)-1 {
		t.Errorf("%d writes, want %d", s.puts, len(DemoIdentity)-1)
	}
	broken := &seedStore{accounts: map[string]Account{}, failGet: errors.New("disk on fire")}
	if _, err := SeedDemo(ctx, broken, now); err == nil || broken.puts != 0 {
		t.Errorf("SeedDemo on a failing store = %v after %d writes, want an error and none", err, broken.puts)
	}
}
