package evals_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-collections/parley/evals"
)

const diffSuite = `name: diff
jurisdiction: US
channel: chat
now: 2026-03-02T15:00:00-06:00
account:
  id: D-1
  balance: "1200.00"
  borrower: {name: Maria Lopez, phone: "+15551230003", timezone: America/Chicago, dob: "1985-04-12", zip: "60601"}
cases:
  - name: balance
    verified: true
    turns:
      - borrower: how much do I owe?
        expect: {contains: "$1,200.00"}
  - name: options
    verified: true
    turns:
      - borrower: what are my options?
        expect: {events: plan_offered}
  - name: gone later
    verified: true
    turns:
      - borrower: hi
`

// TestDiff compares a run with one in which a case regressed, one was
// fixed, one was added, one removed and one's replies changed.
func TestDiff(t *testing.T) {
	t.Parallel()
	old := runSuite(t, diffSuite)
	changed := strings.NewReplacer(
		`expect: {contains: "$1,200.00"}`, `expect: {contains: "$9.99"}`, // regresses
		"  - name: gone later\n", "  - name: added now\n",
		"  id: D-1\n", "  id: D-1\n  creditor: Second Bank\n", // same status, other replies
	).Replace(diffSuite)
	cur := runSuite(t, changed)
	// Round-trip both through JSON, as parley eval diff reads them.
	dir := t.TempDir()
	for name, rep := range map[string]*evals.Report{"old.json": old, "new.json": cur} {
		var b bytes.Buffer
		if err := rep.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o, err := evals.ReadReport(filepath.Join(dir, "old.json"))
	if err != nil {
		t.Fatal(err)
	}
	n, err := evals.ReadReport(filepath.Join(dir, "new.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := evals.Diff(o, n)
	var kinds []string
	for _, ch := range c.Changes {
		kinds = append(kinds, ch.Kind+" "+ch.Case)
	}
	want := "regressed balance|added added now|removed gone later|replies options"
	if got := strings.Join(kinds, "|"); got != want {
		t.Errorf("changes = %s\nwant      %s", got, want)
	}
	if c.Regressions() != 1 {
		t.Errorf("%d regressions", c.Regressions())
	}
	// Fixed is the regression seen the other way round.
	back := evals.Diff(n, o)
	if back.Changes[0].Kind != evals.ChangeFixed || back.Regressions() != 0 {
		t.Errorf("reverse diff starts %+v", back.Changes[0])
	}
	var text bytes.Buffer
	if err := c.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"REGRESSED diff / balance", `turn 1: reply does not contain "$9.99"`, "REPLIES   diff / options",
		"          - Hi, this is Ava, an automated assistant writing for First Bank.", "          + Hi, this is Ava, an automated assistant writing for Second Bank.", "1 regressed, 0 fixed, 1 added, 1 removed, 1 with changed replies"} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("text lacks %q:\n%s", s, text.String())
		}
	}
	var page bytes.Buffer
	if err := c.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`class="side"`, "regressed", "writing for Second Bank"} {
		if !strings.Contains(page.String(), s) {
			t.Errorf("side-by-side page lacks %q", s)
		}
	}
}

func runSuite(t *testing.T, src string) *evals.Report {
	t.Helper()
	s, err := evals.Parse("diff.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	opts := options()
	opts.Scorers = []evals.Scorer{}
	rep, err := evals.Run(context.Background(), []*evals.Suite{s}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestHTMLFilters: the report page offers search and filters by suite,
// status, scorer and jurisdiction, and marks every case with them.
func TestHTMLFilters(t *testing.T) {
	t.Parallel()
	s, err := evals.Parse("html.yaml", []byte(strings.Replace(diffSuite, "      - borrower: hi\n", "      - borrower: how much do I owe?\n        speaker: third_party\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := evals.Run(context.Background(), []*evals.Suite{s}, options())
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := rep.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="q" type="search"`, `id="f-suite"`, `id="f-status"`, `id="f-scorer"`, `id="f-jur"`,
		`<option>third_party</option>`, `data-scorers="third_party"`, `data-jur="US"`, `data-suite="diff"`, `data-status="fail"`} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
