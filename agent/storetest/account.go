package storetest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/parley-collections/parley/agent"
)

var ignoreRowTimes = cmpopts.IgnoreFields(agent.Account{}, "CreatedAt", "UpdatedAt")

func testAccountRoundTrip(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	want := Account("A-1", "+15555550101")
	want.Borrower.Phones = append(want.Borrower.Phones, "+15555550199")
	if err := s.PutAccount(ctx, want); err != nil {
		t.Fatalf("PutAccount: %v", err)
	}
	got, err := s.Account(ctx, "A-1")
	if err != nil {
		t.Fatalf("Account: %v", err)
	}
	diff(t, "account", want, got, ignoreRowTimes)
	if got.CreatedAt.IsZero() || got.UpdatedAt.IsZero() {
		t.Errorf("row times not filled: created %v updated %v", got.CreatedAt, got.UpdatedAt)
	}
	if got.Borrower.Identity.DOB == "1985-04-12" || !got.Borrower.Identity.Check(agent.IdentityDOB, "1985-04-12") {
		t.Errorf("identity digests not stored as given: %+v", got.Borrower.Identity)
	}
	if _, err := s.Account(ctx, "A-missing"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("Account(missing) = %v, want ErrNotFound", err)
	}
}

func testAccountReplace(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	a := Account("A-1", "+15555550101")
	a.CreatedAt = T0
	a.UpdatedAt = T0
	if err := s.PutAccount(ctx, a); err != nil {
		t.Fatalf("PutAccount: %v", err)
	}
	b := a
	b.CreatedAt = time.Time{}
	b.UpdatedAt = T0.Add(time.Hour)
	b.Balance = agent.MustMoney("900.50", "USD")
	b.Borrower.Phones = []string{"+15555550102"}
	if err := s.PutAccount(ctx, b); err != nil {
		t.Fatalf("PutAccount(replace): %v", err)
	}
	got, err := s.Account(ctx, "A-1")
	if err != nil {
		t.Fatalf("Account: %v", err)
	}
	diff(t, "balance", b.Balance, got.Balance)
	if !got.CreatedAt.Equal(T0) || !got.UpdatedAt.Equal(T0.Add(time.Hour)) {
		t.Errorf("times = %v, %v; want created %v kept and updated %v", got.CreatedAt, got.UpdatedAt, T0, T0.Add(time.Hour))
	}
	if _, err := s.AccountByPhone(ctx, "+15555550101"); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("old phone still finds the account: %v", err)
	}
	if _, err := s.AccountByPhone(ctx, "+15555550102"); err != nil {
		t.Errorf("new phone: %v", err)
	}
}

func testAccountByPhone(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	a := Account("A-1", "+15555550101")
	a.Borrower.Phones = append(a.Borrower.Phones, "+15555550111")
	b := Account("A-2", "+15555550102")
	for _, acct := range []agent.Account{a, b} {
		if err := s.PutAccount(ctx, acct); err != nil {
			t.Fatalf("PutAccount: %v", err)
		}
	}
	tests := []struct {
		phone, want string
	}{
		{"+15555550101", "A-1"},
		{"+15555550111", "A-1"},
		{"+15555550102", "A-2"},
		{"+15555550103", ""},
	}
	for _, tt := range tests {
		got, err := s.AccountByPhone(ctx, tt.phone)
		switch {
		case tt.want == "" && !errors.Is(err, agent.ErrNotFound):
			t.Errorf("AccountByPhone(%s) = %v, want ErrNotFound", tt.phone, err)
		case tt.want != "" && err != nil:
			t.Errorf("AccountByPhone(%s): %v", tt.phone, err)
		case tt.want != "" && got.ID != tt.want:
			t.Errorf("AccountByPhone(%s) = %s, want %s", tt.phone, got.ID, tt.want)
		}
	}
}

func testAccountsPagination(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	var all []string
	for i := 5; i >= 1; i-- {
		id := fmt.Sprintf("A-%d", i)
		all = append([]string{id}, all...)
		if err := s.PutAccount(ctx, Account(id, fmt.Sprintf("+1555555010%d", i))); err != nil {
			t.Fatalf("PutAccount: %v", err)
		}
	}
	tests := []struct {
		after string
		limit int
		want  []string
	}{
		{"", 0, all},
		{"", 2, all[:2]},
		{"A-2", 2, all[2:4]},
		{"A-4", 0, all[4:]},
		{"A-5", 10, nil},
	}
	for _, tt := range tests {
		got, err := s.Accounts(ctx, tt.after, tt.limit)
		if err != nil {
			t.Fatalf("Accounts(%q, %d): %v", tt.after, tt.limit, err)
		}
		var ids []string
		for _, a := range got {
			ids = append(ids, a.ID)
		}
		diff(t, fmt.Sprintf("Accounts(%q, %d)", tt.after, tt.limit), tt.want, ids)
	}
}

func testSetAccountFlags(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	a := Account("A-1", "+15555550101")
	if err := s.PutAccount(ctx, a); err != nil {
		t.Fatalf("PutAccount: %v", err)
	}
	flags := agent.AccountFlags{Disputed: true, Attorney: true, Cease: true}
	if err := s.SetAccountFlags(ctx, "A-1", flags); err != nil {
		t.Fatalf("SetAccountFlags: %v", err)
	}
	got, err := s.Account(ctx, "A-1")
	if err != nil {
		t.Fatalf("Account: %v", err)
	}
	want := a
	want.Flags = flags
	diff(t, "account after SetAccountFlags", want, got, ignoreRowTimes)
	if err := s.SetAccountFlags(ctx, "A-missing", flags); !errors.Is(err, agent.ErrNotFound) {
		t.Errorf("SetAccountFlags(missing) = %v, want ErrNotFound", err)
	}
}

func testImportAccounts(t *testing.T, open Open) {
	s := open(t)
	ctx := ctxFor(t)
	good := []agent.Account{Account("A-1", "+15555550101"), Account("A-2", "+15555550102")}
	if err := s.ImportAccounts(ctx, good); err != nil {
		t.Fatalf("ImportAccounts: %v", err)
	}
	replaced := Account("A-1", "+15555550101")
	replaced.Balance = agent.MustMoney("1.00", "USD")
	bad := []agent.Account{replaced, Account("A-3", "+15555550103"), {ID: ""}}
	if err := s.ImportAccounts(ctx, bad); err == nil {
		t.Fatal("ImportAccounts with an account without id succeeded")
	}
	got, err := s.Accounts(ctx, "", 0)
	if err != nil {
		t.Fatalf("Accounts: %v", err)
	}
	diff(t, "accounts after a failed import", good, got, ignoreRowTimes)
}
