package evals_test

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-collections/parley/evals"
	"github.com/parley-collections/parley/policies"
)

const texasSuite = `name: texas
jurisdiction: US-TX
channel: chat
now: 2026-03-02T15:00:00-06:00
account:
  id: TX-1
  balance: "640.00"
  borrower: {name: Dana Reyes, phone: "+15125550101", timezone: America/Chicago, dob: "1979-06-30", zip: "73301"}
cases:
  - name: balance with the federal disclosure
    turns:
      - borrower: how much do I owe?
      - borrower: my date of birth is June 30 1979 and my zip is 73301
        expect: {contains: ["$640.00", "attempt to collect a debt"]}
`

// A case may name a jurisdiction a profile adds: the run refuses it when
// the guard has no such profile, and runs it in the family's wording and
// currency when it has.
func TestConfiguredJurisdictionInEvals(t *testing.T) {
	t.Parallel()
	s, err := evals.Parse("texas.yaml", []byte(texasSuite))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := evals.Run(context.Background(), []*evals.Suite{s}, options()); err == nil || !strings.Contains(err.Error(), `"US-TX"`) {
		t.Fatalf("run without the profile: err = %v, want one naming US-TX", err)
	}
	g, err := policies.NewGuard(policies.Options{LinkHosts: []string{policies.DefaultPaymentHost},
		Profiles: [][]byte{[]byte("jurisdiction: US-TX\nparent: US\nname: Texas\ntimezones: [America/Chicago]\n")}})
	if err != nil {
		t.Fatal(err)
	}
	opts := options()
	opts.Guard = g
	rep, err := evals.Run(context.Background(), []*evals.Suite{s}, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Results {
		if !r.Pass {
			t.Errorf("%s failed: %v", r.Case, r.Failures)
		}
	}
}
