package evals_test

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/parley-collections/parley/evals"
)

// thousandCases is a suite of 1,000 scripted three-turn cases: verify,
// ask the balance, ask for options.
func thousandCases(tb testing.TB) []*evals.Suite { return scriptedCases(tb, 1000) }

// scriptedCases is a suite of n such cases.
func scriptedCases(tb testing.TB, n int) []*evals.Suite {
	var b strings.Builder
	b.WriteString(`name: thousand
jurisdiction: US
channel: chat
now: 2026-03-02T15:00:00-06:00
account:
  id: A-100
  creditor: First Bank
  balance: "1200.00"
  borrower: {name: Maria Lopez, phone: "+15551230001", timezone: America/Chicago, locale: en, dob: "1985-04-12", zip: "60601"}
  policy: {max_installments: 12, min_installment: "50.00", settlement_floor: "0.70", first_payment_within_days: 14}
cases:
`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `  - name: case %d
    turns:
      - borrower: how much do I owe?
        expect: {not_contains: ["1,200"], events: [identity_requested]}
      - borrower: my date of birth is April 12 1985 and my zip is 60601
        expect: {contains: ["$1,200.00"], events: [identity_verified]}
      - borrower: what are my options? I can pay %d a month
        expect: {events: [plan_offered]}
`, i, 100+i%100)
	}
	s, err := evals.Parse("thousand.yaml", []byte(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return []*evals.Suite{s}
}

// BenchmarkThousandCases runs 1,000 scripted three-turn cases with the
// rules brain and the guard, one in-memory SQLite store per worker (every
// case on an account of its own), with as many workers as CPUs (the
// default of --jobs) and with twice as many: a worker waits now and then
// (the guard's timeout, the store's connection), and the extra workers
// fill those gaps. docs/benchmarks.md ("Evals") records the figures.
func BenchmarkThousandCases(b *testing.B) {
	suites := thousandCases(b)
	for _, jobs := range []int{runtime.NumCPU(), 2 * runtime.NumCPU()} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			opts := options()
			opts.Jobs = jobs
			for b.Loop() {
				rep, err := evals.Run(context.Background(), suites, opts)
				if err != nil {
					b.Fatal(err)
				}
				if !rep.OK() {
					b.Fatalf("%d cases failed, first: %v", rep.Summary.Failed, rep.Results[0].Failures)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/case")
		})
	}
}
