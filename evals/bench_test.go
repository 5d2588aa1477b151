package evals_test

import (
	"context"
	"fmt"
	"io"
	"iter"
	"runtime"
	"slices"
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
// rules brain and the guard, one memory store per worker (every case on
// an account of its own), with as many workers as CPUs (the default of
// --jobs) and with twice as many: a worker waits now and then (the
// guard's timeout), and the extra workers fill those gaps. docs/benchmarks.md ("Evals") records the figures.
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

// generatedCases makes n scripted three-turn cases, the same as
// scriptedCases, one at a time as the run asks for them: no suite of n
// cases is ever in memory.
func generatedCases(tb testing.TB, n int) iter.Seq2[*evals.Suite, *evals.Case] {
	s := scriptedCases(tb, 1)[0]
	return func(yield func(*evals.Suite, *evals.Case) bool) {
		for i := 0; i < n; i++ {
			c := s.Cases[0]
			c.Name = fmt.Sprintf("case %d", i)
			c.Turns = slices.Clone(c.Turns)
			c.Turns[2].Borrower = fmt.Sprintf("what are my options? I can pay %d a month", 100+i%100)
			if !yield(s, &c) {
				return
			}
		}
	}
}

// heapFigures are a streamed run's memory: the largest heap seen (live
// and garbage, sampled every 100 cases), the largest live heap (after a
// collection, at ten points of the run), both above the heap before the
// run, and the memory the process took from the system at the end.
type heapFigures struct {
	peak, live, sys uint64
}

// streamGenerated runs n generated cases with the JSON and the JUnit
// reports streamed to w and measures the heap while they run.
func streamGenerated(tb testing.TB, n int, w io.Writer) (heapFigures, *evals.Report) {
	tb.Helper()
	// A few cases first, so that what the first case sets up once for the
	// process (templates, models) is in the heap before it is measured.
	warm := options()
	warm.Stream = func(evals.Result) error { return nil }
	if _, err := evals.RunCases(context.Background(), 10, generatedCases(tb, 10), warm); err != nil {
		tb.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var f heapFigures
	above := func(v uint64) uint64 { return max(v, base) - base }
	writers := []evals.ResultWriter{evals.NewJSONStream(w), evals.NewJUnitStream(w)}
	opts := options()
	opts.Jobs = runtime.NumCPU()
	done := 0
	opts.Stream = func(r evals.Result) error {
		done++
		if done%100 == 0 {
			runtime.ReadMemStats(&ms)
			f.peak = max(f.peak, above(ms.HeapAlloc))
		}
		if done%max(n/10, 1) == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			f.live = max(f.live, above(ms.HeapAlloc))
		}
		for _, sw := range writers {
			if err := sw.Result(r); err != nil {
				return err
			}
		}
		return nil
	}
	for _, sw := range writers {
		if err := sw.Begin(opts.BrainName, 1, 1); err != nil {
			tb.Fatal(err)
		}
	}
	rep, err := evals.RunCases(context.Background(), n, generatedCases(tb, n), opts)
	if err != nil {
		tb.Fatal(err)
	}
	for _, sw := range writers {
		if err := sw.End(rep); err != nil {
			tb.Fatal(err)
		}
	}
	runtime.ReadMemStats(&ms)
	f.sys = ms.Sys
	return f, rep
}

// BenchmarkStreamedMemory runs 1,000 and 100,000 generated three-turn
// cases with the JSON and JUnit reports streamed and reports the heap
// (heapFigures) in MB: flat, whatever the count. docs/evals.md records
// the figures; the 100,000 take minutes, so run one at a time:
//
//	go test ./evals -run '^$' -bench 'StreamedMemory/cases=100000$' -benchtime 1x
func BenchmarkStreamedMemory(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("cases=%d", n), func(b *testing.B) {
			var f heapFigures
			for b.Loop() {
				var rep *evals.Report
				f, rep = streamGenerated(b, n, io.Discard)
				if rep.Summary.Runs != n || rep.Summary.Passed != n {
					b.Fatalf("%d of %d runs passed", rep.Summary.Passed, rep.Summary.Runs)
				}
			}
			b.ReportMetric(float64(f.peak)/1e6, "peak-heap-MB")
			b.ReportMetric(float64(f.live)/1e6, "live-heap-MB")
			b.ReportMetric(float64(f.sys)/1e6, "sys-MB")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/case")
		})
	}
}
