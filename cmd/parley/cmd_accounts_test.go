package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-collections/parley/agent/sqlite"
)

const portfolioCSV = "id,creditor,balance,currency,name,phone,jurisdiction,timezone,dob,postcode\n" +
	"P-1,First Bank,1200.00,USD,Maria Lopez,+13125550101,US,America/Chicago,1985-04-12,60601\n" +
	"P-2,Thames Loans,980.00,GBP,Oliver Bennett,+442079460001,GB,Europe/London,1988-02-29,SW1A 1AA\n"

const badPortfolioCSV = "id,creditor,balance,currency,name,phone,jurisdiction,dob\n" +
	"P-1,First Bank,1200.00,USD,Maria Lopez,+13125550101,US,1985-04-12\n" +
	"P-2,Thames Loans,lots,GBP,Oliver Bennett,020 7946 0001,GB,1988-02-29\n" +
	"P-1,First Bank,1.00,USD,Maria Lopez,+13125550101,XX,1985-04-12\n"

func accountIDs(t *testing.T, db string) []string {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	as, err := s.Accounts(context.Background(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}

func TestAccountsImport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db, csv := filepath.Join(dir, "parley.db"), filepath.Join(dir, "portfolio.csv")
	if err := os.WriteFile(csv, []byte(portfolioCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runParley(t, env("PARLEY_DB", db, "PARLEY_IDENTITY_KEY", testIdentityKey), "", "accounts", "import", csv)
	if code != 0 || out != "imported 2 account(s): 2 created, 0 updated, 0 unchanged\n" {
		t.Fatalf("import = %d, stdout %q, stderr %q", code, out, errOut)
	}
	if d := cmp.Diff([]string{"P-1", "P-2"}, accountIDs(t, db)); d != "" {
		t.Errorf("stored accounts (-want +got):\n%s", d)
	}
	// The same file again changes nothing, and stdin works as "-".
	code, out, _ = runParley(t, env("PARLEY_IDENTITY_KEY", testIdentityKey), portfolioCSV, "accounts", "import", "--db", db, "-")
	if code != 0 || out != "imported 2 account(s): 0 created, 0 updated, 2 unchanged\n" {
		t.Errorf("import from stdin = %d, %q", code, out)
	}
	// A changed balance updates, a new id creates.
	changed := strings.Replace(portfolioCSV, "1200.00", "1100.00", 1) +
		"P-3,First Bank,50.00,USD,Ann Lee,+13125550102,US,America/Chicago,1990-01-01,60602\n"
	code, out, _ = runParley(t, env("PARLEY_IDENTITY_KEY", testIdentityKey), changed, "accounts", "import", "--db", db, "-")
	if code != 0 || out != "imported 3 account(s): 1 created, 1 updated, 1 unchanged\n" {
		t.Errorf("import of a changed file = %d, %q", code, out)
	}
}

// A semicolon-separated file is refused with one problem that says to use
// commas, not a problem per row.
func TestAccountsImportSemicolons(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "parley.db")
	semi := strings.ReplaceAll(portfolioCSV, ",", ";")
	code, out, errOut := runParley(t, env("PARLEY_IDENTITY_KEY", testIdentityKey), semi, "accounts", "import", "--db", db, "-")
	if code != 1 || out != "" {
		t.Fatalf("import = %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut, "1 problem(s)") || !strings.Contains(errOut, "use commas") {
		t.Errorf("stderr %q does not say to use commas, once", errOut)
	}
}

func TestAccountsImportBadFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db, csv := filepath.Join(dir, "parley.db"), filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(csv, []byte(badPortfolioCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runParley(t, env("PARLEY_DB", db, "PARLEY_IDENTITY_KEY", testIdentityKey), "", "accounts", "import", csv)
	if code != 1 || out != "" {
		t.Fatalf("import of a bad file = %d, stdout %q", code, out)
	}
	want := "parley accounts: " + csv + ": 4 problem(s), nothing imported\n" +
		`  line 3: balance: "lots" is not an amount such as 1200.00` + "\n" +
		`  line 3: phone: "020 7946 0001" is not an E.164 number such as +13125550101` + "\n" +
		`  line 4: jurisdiction: "XX" is not one of CN, GB, IN, US, US-CA, US-MA, US-NY, US-WA` + "\n" +
		`  line 4: id: duplicate id "P-1", first on line 2` + "\n"
	if !strings.HasPrefix(errOut, want) {
		t.Errorf("stderr:\n%s\nwant it to start:\n%s", errOut, want)
	}
	if _, err := os.Stat(db); err == nil {
		if ids := accountIDs(t, db); len(ids) != 0 {
			t.Errorf("accounts stored from a bad file: %v", ids)
		}
	}
}

func TestAccountsUsage(t *testing.T) {
	t.Parallel()
	fresh := func(t *testing.T) func(string) string {
		return env("PARLEY_DB", filepath.Join(t.TempDir(), "p.db"), "PARLEY_IDENTITY_KEY", testIdentityKey)
	}
	checkCLI(t, fresh, []cliCase{
		{"no subcommand", []string{"accounts"}, 2, "", "missing subcommand: import"},
		{"unknown subcommand", []string{"accounts", "export"}, 2, "", `unknown subcommand "export"`},
		{"no file", []string{"accounts", "import"}, 2, "", "want exactly one CSV file"},
		{"help", []string{"accounts", "--help"}, 0, "usage: parley accounts import", ""},
		{"missing file", []string{"accounts", "import", "/nonexistent/p.csv"}, 1, "", "no such file"},
	})
	keyless := func(t *testing.T) func(string) string { return env("PARLEY_DB", filepath.Join(t.TempDir(), "p.db")) }
	checkCLI(t, keyless, []cliCase{
		{"no identity key", []string{"accounts", "import", "/nonexistent/p.csv"}, 2, "", "PARLEY_IDENTITY_KEY is required"},
	})
}

// testIdentityKey is an identity key for tests, hex of 32 bytes.
const testIdentityKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
