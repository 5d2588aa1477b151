package agent

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parley-collections/parley/policies"
)

// ParseAccountsCSV reads a portfolio: a header row naming columns, then one
// account per row. It validates every row and returns either all accounts
// or, when any row is bad, none and a *PortfolioError listing every problem
// by line and column. Identity facts are digested on the way in (with a
// random salt per account); the plain values are never kept.
//
// Columns (header names, any order, case-insensitive; * = required):
//
//	id*                        account id, unique in the file
//	creditor*                  creditor name
//	agency                     collecting agency, when not the creditor
//	purpose                    what the debt is for ("credit card")
//	balance*                   amount owed, "1200.00" or "1,200.00"
//	currency*                  ISO 4217 code: USD, GBP, CNY, INR, ...
//	due_date                   YYYY-MM-DD
//	days_past_due              whole days, 0 or more
//	name*                      borrower's name
//	phone*                     E.164 number, "+13125550101"; several separated by ";"
//	email                      borrower's email
//	timezone                   IANA zone, "America/Chicago"; empty = unknown (strictest contact hours)
//	jurisdiction*              US, US-MA, US-NY, US-WA, US-CA, GB, CN, IN or one a profile adds
//	locale                     en or zh; empty = en
//	dob                        date of birth, YYYY-MM-DD      } at least one of
//	postcode                   ZIP code or postcode           } dob, postcode
//	id_last4                   last four digits of an ID      } and id_last4
//	time_barred                true/false (also yes/no, 1/0); empty = false
//	legal_action_approved      true/false; empty = false
//	credit_reported            true/false: the account is reported to the credit bureaus; empty = false
//	bankruptcy                 true/false; empty = false
//	max_installments           most installments a plan may have; empty = 0 (no installment plans)
//	min_installment            smallest installment, in the account's currency
//	settlement_floor           lowest settlement as a fraction of the balance, "0.70"; empty = no settlement
//	first_payment_within_days  days within which the first payment must fall
//	hardship_pause_days        payment holiday allowed in hardship
//	hardship_min_installment   smallest installment in hardship
func ParseAccountsCSV(r io.Reader) ([]Account, error) {
	return ParsePortfolio(r, PortfolioOptions{})
}

// PortfolioOptions adjusts ParsePortfolio.
type PortfolioOptions struct {
	// Salts maps an account id already on file to its identity salt, so
	// that re-importing an unchanged row gives the same digests; other
	// accounts get a random salt.
	Salts map[string]string
	// Identity digests identity facts; nil digests them as
	// NewIdentityFacts does, without a key (tests). An import into a store
	// that serves borrowers passes the server's hasher.
	Identity *IdentityHasher
	// Jurisdictions are the codes an account may name: those the serving
	// guard has profiles for (policies.Guard.Jurisdictions), including any
	// a deployment adds; nil means the embedded profiles'.
	Jurisdictions []string
}

// ParsePortfolio is ParseAccountsCSV with options. A file whose header is
// separated by semicolons or tabs, as spreadsheets in many locales save
// "CSV", is refused with one problem that says to use commas: phone lists
// inside a field use ";" already.
func ParsePortfolio(r io.Reader, opt PortfolioOptions) ([]Account, error) {
	br := bufio.NewReader(r)
	if p, ok := wrongDelimiter(br); !ok {
		return nil, &PortfolioError{Problems: []PortfolioProblem{p}}
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &PortfolioError{Problems: []PortfolioProblem{{Line: 1, Msg: "empty file: a header row is required"}}}
	}
	if err != nil {
		return nil, &PortfolioError{Problems: []PortfolioProblem{{Line: 1, Msg: csvMsg(err)}}}
	}
	cols, problems := parseHeader(header)
	known := opt.Jurisdictions
	if known == nil {
		known = policies.Default().Jurisdictions()
	}
	if len(problems) > 0 {
		return nil, &PortfolioError{Problems: problems}
	}
	var (
		accounts []Account
		firstAt  = map[string]int{}
	)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			problems = append(problems, PortfolioProblem{Line: line, Msg: csvMsg(err)})
			continue
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		row := rowReader{line: line, cols: cols, rec: rec, salts: opt.Salts, h: opt.Identity, jurisdictions: known}
		if row.h == nil {
			row.h = unkeyed
		}
		a := row.account()
		if a.ID != "" {
			if first, dup := firstAt[a.ID]; dup {
				row.bad("id", "duplicate id %q, first on line %d", a.ID, first)
			} else {
				firstAt[a.ID] = line
			}
		}
		problems = append(problems, row.problems...)
		accounts = append(accounts, a)
	}
	if len(problems) > 0 {
		return nil, &PortfolioError{Problems: problems}
	}
	if len(accounts) == 0 {
		return nil, &PortfolioError{Problems: []PortfolioProblem{{Line: 2, Msg: "no accounts after the header"}}}
	}
	return accounts, nil
}

// PortfolioProblem is one bad field of a portfolio file.
type PortfolioProblem struct {
	Line  int    // 1-based line in the file; the header is line 1
	Field string // column name, or empty for a problem with the whole row
	Msg   string
}

func (p PortfolioProblem) String() string {
	if p.Field == "" {
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	}
	return fmt.Sprintf("line %d: %s: %s", p.Line, p.Field, p.Msg)
}

// PortfolioError lists every problem of a portfolio file, one per line of
// its message.
type PortfolioError struct {
	Problems []PortfolioProblem
}

func (e *PortfolioError) Error() string {
	lines := make([]string, 0, len(e.Problems)+1)
	lines = append(lines, fmt.Sprintf("accounts csv: %d problem(s), nothing imported:", len(e.Problems)))
	for _, p := range e.Problems {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// portfolioColumns are the known columns; true marks the required ones.
var portfolioColumns = map[string]bool{
	"id": true, "creditor": true, "agency": false, "purpose": false, "balance": true, "currency": true,
	"due_date": false, "days_past_due": false, "name": true, "phone": true, "email": false, "timezone": false,
	"jurisdiction": true, "locale": false, "dob": false, "postcode": false, "id_last4": false,
	"time_barred": false, "legal_action_approved": false, "credit_reported": false, "bankruptcy": false, "max_installments": false,
	"min_installment": false, "settlement_floor": false, "first_payment_within_days": false,
	"hardship_pause_days": false, "hardship_min_installment": false,
}

func parseHeader(header []string) (map[string]int, []PortfolioProblem) {
	cols := map[string]int{}
	var problems []PortfolioProblem
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, known := portfolioColumns[name]; !known {
			problems = append(problems, PortfolioProblem{Line: 1, Field: h, Msg: "unknown column"})
			continue
		}
		if _, dup := cols[name]; dup {
			problems = append(problems, PortfolioProblem{Line: 1, Field: name, Msg: "column appears twice"})
			continue
		}
		cols[name] = i
	}
	for _, name := range sortedKeys(portfolioColumns) {
		if _, ok := cols[name]; portfolioColumns[name] && !ok {
			problems = append(problems, PortfolioProblem{Line: 1, Field: name, Msg: "required column missing"})
		}
	}
	return cols, problems
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func csvMsg(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "malformed CSV: " + pe.Err.Error()
	}
	return "malformed CSV: " + err.Error()
}

// wrongDelimiter looks at the header line without consuming it and reports
// a problem when its columns are separated by something other than commas.
func wrongDelimiter(br *bufio.Reader) (PortfolioProblem, bool) {
	head, _ := br.Peek(4096)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if bytes.IndexByte(head, ',') >= 0 {
		return PortfolioProblem{}, true
	}
	for _, d := range []struct {
		sep  byte
		name string
	}{{';', "semicolons"}, {'\t', "tabs"}} {
		if bytes.IndexByte(head, d.sep) >= 0 {
			return PortfolioProblem{Line: 1, Msg: "the columns are separated by " + d.name +
				": use commas between columns (save as \"CSV UTF-8 (comma delimited)\"); several phones in one field stay separated by \";\""}, false
		}
	}
	return PortfolioProblem{}, true
}

// rowReader reads one row's fields and collects its problems.
type rowReader struct {
	h             *IdentityHasher
	line          int
	cols          map[string]int
	rec           []string
	salts         map[string]string
	jurisdictions []string
	problems      []PortfolioProblem
}

func (r *rowReader) bad(field, format string, a ...any) {
	r.problems = append(r.problems, PortfolioProblem{Line: r.line, Field: field, Msg: fmt.Sprintf(format, a...)})
}

func (r *rowReader) get(name string) string {
	i, ok := r.cols[name]
	if !ok || i >= len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[i])
}

func (r *rowReader) required(name string) string {
	v := r.get(name)
	if v == "" {
		r.bad(name, "required")
	}
	return v
}

var (
	e164      = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
	currency  = regexp.MustCompile(`^[A-Z]{3}$`)
	fourDigit = regexp.MustCompile(`^[0-9]{4}$`)
)

func (r *rowReader) account() Account {
	a := Account{
		ID:       r.required("id"),
		Creditor: r.required("creditor"),
		Agency:   r.get("agency"),
		Purpose:  r.get("purpose"),
	}
	cur := strings.ToUpper(r.required("currency"))
	if cur != "" && !currency.MatchString(cur) {
		r.bad("currency", "%q is not a three-letter currency code", cur)
		cur = ""
	}
	a.Balance = r.money("balance", cur, true)
	a.DueDate = r.date("due_date", false)
	a.DaysPastDue = r.count("days_past_due")
	a.Flags = AccountFlags{
		TimeBarred:          r.boolean("time_barred"),
		LegalActionApproved: r.boolean("legal_action_approved"),
		CreditReported:      r.boolean("credit_reported"),
		Bankruptcy:          r.boolean("bankruptcy"),
	}
	a.Policy = CreditorPolicy{
		MaxInstallments:        r.count("max_installments"),
		MinInstallment:         r.money("min_installment", cur, false),
		SettlementFloorBP:      r.fraction("settlement_floor"),
		FirstPaymentWithinDays: r.count("first_payment_within_days"),
		Hardship: HardshipPolicy{
			PauseDays:      r.count("hardship_pause_days"),
			MinInstallment: r.money("hardship_min_installment", cur, false),
		},
	}
	a.Borrower = r.borrower(a.ID)
	return a
}

func (r *rowReader) borrower(id string) Borrower {
	b := Borrower{
		Name:         r.required("name"),
		Email:        r.get("email"),
		Timezone:     r.get("timezone"),
		Jurisdiction: strings.ToUpper(r.required("jurisdiction")),
		Locale:       strings.ToLower(r.get("locale")),
	}
	for _, p := range strings.Split(r.required("phone"), ";") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !e164.MatchString(p) {
			r.bad("phone", "%q is not an E.164 number such as +13125550101", p)
			continue
		}
		b.Phones = append(b.Phones, p)
	}
	if b.Email != "" && !strings.Contains(b.Email, "@") {
		r.bad("email", "%q is not an email address", b.Email)
	}
	if b.Timezone != "" {
		if _, err := time.LoadLocation(b.Timezone); err != nil || b.Timezone == "Local" {
			r.bad("timezone", "%q is not an IANA time zone such as America/Chicago", b.Timezone)
		}
	}
	if b.Jurisdiction != "" && !slices.Contains(r.jurisdictions, b.Jurisdiction) {
		r.bad("jurisdiction", "%q is not one of %s", b.Jurisdiction, strings.Join(r.jurisdictions, ", "))
	}
	switch b.Locale {
	case "":
		b.Locale = "en"
	case "en", "zh":
	default:
		r.bad("locale", "%q is not en or zh", b.Locale)
	}
	// Identity values are never echoed in problems: they are personal data.
	dob := r.get("dob")
	if dob != "" && r.date("dob", true).IsZero() {
		dob = ""
	}
	postcode := r.get("postcode")
	last4 := r.get("id_last4")
	if last4 != "" && !fourDigit.MatchString(last4) {
		r.bad("id_last4", "must be exactly four digits")
		last4 = ""
	}
	if r.get("dob") == "" && postcode == "" && r.get("id_last4") == "" {
		r.bad("", "no identity fact: give at least one of dob, postcode, id_last4")
	}
	salt := r.salts[id]
	if salt == "" {
		salt = NewID("s_")
	}
	b.Identity = r.h.Facts(salt, dob, postcode, last4)
	return b
}

func (r *rowReader) money(name, cur string, required bool) Money {
	v := r.get(name)
	if v == "" {
		if required {
			r.bad(name, "required")
		}
		return Money{}
	}
	// A bad currency is reported apart; the amount is still checked.
	m, err := ParseMoney(v, cmp.Or(cur, "XXX"))
	if err != nil {
		r.bad(name, "%q is not an amount such as 1200.00", v)
		return Money{}
	}
	if m.Minor < 0 {
		r.bad(name, "%q is negative", v)
	}
	return m
}

func (r *rowReader) date(name string, private bool) time.Time {
	v := r.get(name)
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		if private {
			r.bad(name, "not a date in the form YYYY-MM-DD")
		} else {
			r.bad(name, "%q is not a date in the form YYYY-MM-DD", v)
		}
		return time.Time{}
	}
	return t
}

func (r *rowReader) count(name string) int {
	v := r.get(name)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		r.bad(name, "%q is not a whole number, 0 or more", v)
		return 0
	}
	return n
}

func (r *rowReader) boolean(name string) bool {
	switch v := strings.ToLower(r.get(name)); v {
	case "", "false", "no", "0", "n", "f":
		return false
	case "true", "yes", "1", "y", "t":
		return true
	default:
		r.bad(name, "%q is not true or false", v)
		return false
	}
}

// fraction reads a decimal fraction of 1 ("0.70", "1", ".7") into basis points.
func (r *rowReader) fraction(name string) int {
	v := r.get(name)
	if v == "" {
		return 0
	}
	whole, frac, _ := strings.Cut(v, ".")
	ok := len(frac) <= 4 && (whole == "0" || whole == "1" || whole == "") && (whole != "" || frac != "")
	for _, c := range frac {
		ok = ok && c >= '0' && c <= '9'
	}
	if !ok {
		r.bad(name, "%q is not a fraction between 0 and 1 such as 0.70", v)
		return 0
	}
	for len(frac) < 4 {
		frac += "0"
	}
	bp, _ := strconv.Atoi(frac)
	if whole == "1" {
		if bp != 0 {
			r.bad(name, "%q is more than 1", v)
			return 0
		}
		return 10000
	}
	return bp
}

// IndexBorrowers reads every account's borrower into the guard's digest
// set of names and addresses (policies.NewBorrowerIndex), a page at a time.
func IndexBorrowers(ctx context.Context, st AccountReader) (*policies.BorrowerIndex, error) {
	var names, emails []string
	after := ""
	for {
		page, err := st.Accounts(ctx, after, 500)
		if err != nil {
			return nil, fmt.Errorf("index borrowers: %w", err)
		}
		for _, a := range page {
			names = append(names, a.Borrower.Name)
			if a.Borrower.Email != "" {
				emails = append(emails, a.Borrower.Email)
			}
		}
		if len(page) < 500 || len(names) >= policies.MaxIndexedBorrowers {
			break
		}
		after = page[len(page)-1].ID
	}
	return policies.NewBorrowerIndex(names, emails), nil
}
