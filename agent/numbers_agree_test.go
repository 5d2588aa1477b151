package agent_test

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/rules"
	"github.com/parley-collections/parley/policies"
)

// TestReadersAgreeOnAmounts reads every amount of the shared table
// (policies/numread/testdata/amounts.tsv) three ways: as the rules brain
// reads a borrower's amount, as the rewording check compares a model's
// numbers with its draft, and as the guard holds an amount to the allowed
// ones. All three must see the table's value.
func TestReadersAgreeOnAmounts(t *testing.T) {
	t.Parallel()
	f, err := os.Open("../policies/numread/testdata/amounts.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	jurisdiction := map[string]string{"USD": "US", "GBP": "GB", "CNY": "CN", "INR": "IN"}
	guard := policies.Default()
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	// The amount rule only: the content classifier may read an amount
	// alone as an offer (GEN-OFFER, the same category), which is not
	// what this test is about.
	ungrounded := func(d policies.Decision) bool {
		return slices.ContainsFunc(d.Violations, func(v policies.Violation) bool {
			return v.Category == policies.CatUngroundedAmount && strings.HasPrefix(v.Detail, "states an amount")
		})
	}
	rows := 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		rows++
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 3 {
			t.Fatalf("amounts.tsv:%d: want 3 fields", line)
		}
		value, currency, text := fields[0], fields[1], fields[2]
		whole, frac, _ := strings.Cut(value, ".")
		minor, err := strconv.ParseInt(whole+(frac + "00")[:2], 10, 64)
		if err != nil {
			t.Fatalf("amounts.tsv:%d: %v", line, err)
		}

		// The rules brain.
		if m, ok := rules.ParseAmount(text, currency); !ok || m.Minor != minor {
			t.Errorf("amounts.tsv:%d: rules brain reads %q as %d (%v), want %d", line, text, m.Minor, ok, minor)
		}

		// The rewording check: grounded by the value, not by another.
		if added := agent.Ungrounded(text, value); len(added) != 0 {
			t.Errorf("amounts.tsv:%d: rewording check finds %q in %q, not grounded by %s", line, added, text, value)
		}
		if added := agent.Ungrounded(text, "0.01"); len(added) == 0 {
			t.Errorf("amounts.tsv:%d: rewording check finds no number in %q", line, text)
		}

		// The guard: the amount is allowed when it is the allowed one, and
		// only then.
		facts := policies.Facts{
			Jurisdiction: jurisdiction[currency], Now: now, RecipientVerified: true, Currency: currency,
			AllowedAmounts: []policies.Amount{minor},
		}
		p := policies.Proposal{ID: "amount", Text: text, Channel: "chat", InitiatedBy: "borrower", Purpose: policies.PurposeCollection}
		if d := guard.Check(p, facts); ungrounded(d) {
			t.Errorf("amounts.tsv:%d: the guard does not read %q as %d: %+v", line, text, minor, d.Violations)
		}
		facts.AllowedAmounts = []policies.Amount{minor + 1}
		if d := guard.Check(p, facts); !ungrounded(d) {
			t.Errorf("amounts.tsv:%d: the guard finds no amount in %q", line, text)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows < 50 {
		t.Fatalf("read %d rows of amounts.tsv: is the table there?", rows)
	}
}
