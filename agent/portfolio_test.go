package agent

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const portfolioHeader = "id,creditor,agency,purpose,balance,currency,due_date,days_past_due,name,phone,email," +
	"timezone,jurisdiction,locale,dob,postcode,id_last4,time_barred,legal_action_approved,bankruptcy," +
	"max_installments,min_installment,settlement_floor,first_payment_within_days,hardship_pause_days," +
	"hardship_min_installment\n"

func TestParseAccountsCSV(t *testing.T) {
	t.Parallel()
	in := portfolioHeader +
		`A-1,First Bank,Acme Recovery,credit card,"1,200.00",usd,2025-12-01,91,Maria Lopez,+13125550101; +13125550111,maria@example.com,America/Chicago,US,en,1985-04-12,60601,4821,false,yes,0,12,50.00,0.70,14,30,25.00` + "\n" +
		"\n" + // blank lines are skipped
		`A-2,浦江消费金融,,,15000,CNY,,,王芳,+862155550001,,Asia/Shanghai,cn,zh,,200001,,,,,,,.8,,,` + "\n"
	got, err := ParseAccountsCSV(strings.NewReader(in))
	if err != nil {
		t.Fatalf("ParseAccountsCSV: %v", err)
	}
	usd := func(s string) Money { return MustMoney(s, "USD") }
	want := []Account{
		{
			ID: "A-1", Creditor: "First Bank", Agency: "Acme Recovery", Purpose: "credit card",
			Balance: usd("1200.00"), DueDate: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), DaysPastDue: 91,
			Flags: AccountFlags{LegalActionApproved: true},
			Policy: CreditorPolicy{MaxInstallments: 12, MinInstallment: usd("50.00"), SettlementFloorBP: 7000,
				FirstPaymentWithinDays: 14, Hardship: HardshipPolicy{PauseDays: 30, MinInstallment: usd("25.00")}},
			Borrower: Borrower{Name: "Maria Lopez", Phones: []string{"+13125550101", "+13125550111"},
				Email: "maria@example.com", Timezone: "America/Chicago", Jurisdiction: "US", Locale: "en"},
		},
		{
			ID: "A-2", Creditor: "浦江消费金融", Balance: MustMoney("15000", "CNY"),
			Policy:   CreditorPolicy{SettlementFloorBP: 8000},
			Borrower: Borrower{Name: "王芳", Phones: []string{"+862155550001"}, Timezone: "Asia/Shanghai", Jurisdiction: "CN", Locale: "zh"},
		},
	}
	if d := cmp.Diff(want, got, cmpopts.IgnoreFields(Borrower{}, "Identity")); d != "" {
		t.Errorf("accounts (-want +got):\n%s", d)
	}
	id := got[0].Borrower.Identity
	if !id.Check(IdentityDOB, "1985-04-12") || !id.Check(IdentityPostcode, "60601") || !id.Check(IdentityIDLast4, "4821") {
		t.Errorf("identity digests of A-1 do not verify")
	}
	if id.DOB == "1985-04-12" || strings.Contains(id.Postcode, "60601") {
		t.Errorf("plain identity facts kept: %+v", id)
	}
	if id2 := got[1].Borrower.Identity; !id2.Check(IdentityPostcode, "200001") || id2.Has(IdentityDOB) {
		t.Errorf("A-2 identity = %+v, want the postcode only", id2)
	}
}

func TestParseAccountsCSVMinimalColumns(t *testing.T) {
	t.Parallel()
	in := "Phone,ID,Name,Creditor,Balance,Currency,Jurisdiction,DOB\n" +
		"+442079460001,G-1,Oliver Bennett,Thames Loans,980,gbp,GB,1988-02-29\n"
	got, err := ParseAccountsCSV(strings.NewReader(in))
	if err != nil {
		t.Fatalf("ParseAccountsCSV: %v", err)
	}
	if len(got) != 1 || got[0].Balance != MustMoney("980.00", "GBP") || got[0].Borrower.Locale != "en" ||
		got[0].Borrower.Timezone != "" {
		t.Errorf("got %+v", got)
	}
}

func TestParseAccountsCSVErrors(t *testing.T) {
	t.Parallel()
	good := `A-1,First Bank,,,1200.00,USD,,,Maria Lopez,+13125550101,,America/Chicago,US,en,1985-04-12,60601,,,,,,,,,,`
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty file", "", []string{"line 1: empty file: a header row is required"}},
		{"header only", portfolioHeader, []string{"line 2: no accounts after the header"}},
		{"unknown and missing columns", "id,creditor,colour\nA-1,B,red\n", []string{
			"line 1: colour: unknown column",
			"line 1: balance: required column missing",
			"line 1: currency: required column missing",
			"line 1: jurisdiction: required column missing",
			"line 1: name: required column missing",
			"line 1: phone: required column missing",
		}},
		{"duplicate column", "id,id,creditor,balance,currency,name,phone,jurisdiction\n", []string{
			"line 1: id: column appears twice"}},
		{"every bad field", portfolioHeader + good + "\n" +
			`,,,,12x,US,2025-13-01,-3,,+1 312,nope,Mars/Olympus,FR,fr,1985-02-30,,12a,maybe,,,many,-5,1.5,,,` + "\n",
			[]string{
				`line 3: id: required`,
				`line 3: creditor: required`,
				`line 3: currency: "US" is not a three-letter currency code`,
				`line 3: balance: "12x" is not an amount such as 1200.00`,
				`line 3: due_date: "2025-13-01" is not a date in the form YYYY-MM-DD`,
				`line 3: days_past_due: "-3" is not a whole number, 0 or more`,
				`line 3: time_barred: "maybe" is not true or false`,
				`line 3: max_installments: "many" is not a whole number, 0 or more`,
				`line 3: min_installment: "-5" is negative`,
				`line 3: settlement_floor: "1.5" is more than 1`,
				`line 3: name: required`,
				`line 3: phone: "+1 312" is not an E.164 number such as +13125550101`,
				`line 3: email: "nope" is not an email address`,
				`line 3: timezone: "Mars/Olympus" is not an IANA time zone such as America/Chicago`,
				`line 3: jurisdiction: "FR" is not one of CN, GB, IN, US, US-CA, US-MA, US-NY, US-WA`,
				`line 3: locale: "fr" is not en or zh`,
				`line 3: dob: not a date in the form YYYY-MM-DD`,
				`line 3: id_last4: must be exactly four digits`,
			}},
		{"bad amounts", portfolioHeader +
			`A-1,First Bank,,,-5.00,USD,,,Maria,+13125550101,,,US,,,60601,,,,,,1.234,0.7x,,,abc` + "\n",
			[]string{
				`line 2: balance: "-5.00" is negative`,
				`line 2: min_installment: "1.234" is not an amount such as 1200.00`,
				`line 2: settlement_floor: "0.7x" is not a fraction between 0 and 1 such as 0.70`,
				`line 2: hardship_min_installment: "abc" is not an amount such as 1200.00`,
			}},
		{"no identity", portfolioHeader + `A-1,First Bank,,,1.00,USD,,,Maria,+13125550101,,,US,,,,,,,,,,,,,` + "\n",
			[]string{"line 2: no identity fact: give at least one of dob, postcode, id_last4"}},
		{"duplicate ids across lines", portfolioHeader + good + "\n" + good + "\n\n" + good + "\n", []string{
			`line 3: id: duplicate id "A-1", first on line 2`,
			`line 5: id: duplicate id "A-1", first on line 2`,
		}},
		{"malformed csv", portfolioHeader + good + "\n" + `A-2,"unterminated` + "\n", []string{
			`line 3: malformed CSV: extraneous or missing " in quoted-field`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseAccountsCSV(strings.NewReader(tt.in))
			if got != nil {
				t.Errorf("returned %d accounts with an error", len(got))
			}
			var pe *PortfolioError
			if !errors.As(err, &pe) {
				t.Fatalf("error = %v, want a *PortfolioError", err)
			}
			var lines []string
			for _, p := range pe.Problems {
				lines = append(lines, p.String())
			}
			if d := cmp.Diff(tt.want, lines); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
			if !strings.HasPrefix(err.Error(), "accounts csv: ") || strings.Count(err.Error(), "\n") != len(tt.want) {
				t.Errorf("Error() = %q, want a summary and one line per problem", err.Error())
			}
		})
	}
}

func TestParseAccountsCSVKeepsIdentityOutOfErrors(t *testing.T) {
	t.Parallel()
	in := portfolioHeader + `A-1,First Bank,,,1.00,USD,,,Maria,+13125550101,,,US,,1985-99-99,,98x7,,,,,,,,,` + "\n"
	_, err := ParseAccountsCSV(strings.NewReader(in))
	if err == nil {
		t.Fatal("bad identity facts accepted")
	}
	for _, secret := range []string{"1985-99-99", "98x7"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error %q echoes an identity value", err)
		}
	}
}

// A file saved with semicolons or tabs between columns gets one problem
// saying to use commas, not one per row.
func TestParsePortfolioWrongDelimiter(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"semicolons": "id;creditor;balance;currency;name;phone;jurisdiction;dob\nA-1;First Bank;1200;USD;Maria Lopez;+13125550101;US;1985-04-12\nA-2;First Bank;80;USD;Ann Lee;+13125550102;US;1985-04-13\n",
		"tabs":       "id\tcreditor\tbalance\tcurrency\tname\tphone\tjurisdiction\tdob\nA-1\tFirst Bank\t1200\tUSD\tMaria Lopez\t+13125550101\tUS\t1985-04-12\n",
	} {
		_, err := ParsePortfolio(strings.NewReader(in), PortfolioOptions{})
		var pe *PortfolioError
		if !errors.As(err, &pe) || len(pe.Problems) != 1 {
			t.Fatalf("%s: err = %v, want one problem", name, err)
		}
		if p := pe.Problems[0]; p.Line != 1 || !strings.Contains(p.Msg, name) || !strings.Contains(p.Msg, "use commas") {
			t.Errorf("%s: problem %q does not say to use commas", name, p)
		}
	}
}

// An account already on file keeps its salt, so that the same row gives
// the same digests and a re-import can tell an unchanged row.
func TestParsePortfolioKeepsSalts(t *testing.T) {
	t.Parallel()
	in := "id,creditor,balance,currency,name,phone,jurisdiction,dob\n" +
		"A-1,First Bank,1200,USD,Maria Lopez,+13125550101,US,1985-04-12\n" +
		"A-2,First Bank,80,USD,Ann Lee,+13125550102,US,1985-04-13\n"
	first, err := ParsePortfolio(strings.NewReader(in), PortfolioOptions{})
	if err != nil {
		t.Fatal(err)
	}
	again, err := ParsePortfolio(strings.NewReader(in), PortfolioOptions{Salts: map[string]string{"A-1": first[0].Borrower.Identity.Salt}})
	if err != nil {
		t.Fatal(err)
	}
	if first[0].Borrower.Identity != again[0].Borrower.Identity {
		t.Errorf("A-1 with its salt digests differently: %+v vs %+v", first[0].Borrower.Identity, again[0].Borrower.Identity)
	}
	if first[1].Borrower.Identity.Salt == again[1].Borrower.Identity.Salt {
		t.Errorf("A-2, not on file, reused a salt")
	}
}
