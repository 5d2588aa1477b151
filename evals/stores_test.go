package evals_test

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/evals"
)

// onSQLite is options() on in-memory SQLite stores instead of the memory
// store that `parley eval run` uses, each kept for 200 cases rather than
// one (so the agreement also shows that cases sharing a store do not
// change their results).
func onSQLite() evals.Options {
	opts := options()
	opts.CasesPerStore = 0
	opts.NewStore = func(ctx context.Context) (agent.Store, func(), error) {
		st, err := sqlite.Open(ctx, ":memory:")
		if err != nil {
			return nil, nil, err
		}
		return st, func() { _ = st.Close() }, nil
	}
	return opts
}

// randomIDs are what differs between two runs of one case: the ids of
// plans and the payment links made from them.
var randomIDs = regexp.MustCompile(`https://pay\.example\.com/p/[A-Za-z0-9_.\-]+|\b(p|plan|c|m|d|r)_[0-9a-f]{16,}\b`)

// comparable is r without what two runs of a case never share: timings
// and random ids.
func comparable(r evals.Result) evals.Result {
	r.Latencies = nil
	if r.Plan != nil {
		p := *r.Plan
		p.ID, p.PaymentURL, p.ConversationID = "", "", ""
		r.Plan = &p
	}
	tr := make([]evals.Entry, len(r.Transcript))
	for i, e := range r.Transcript {
		e.Text = randomIDs.ReplaceAllString(e.Text, "ID")
		tr[i] = e
	}
	r.Transcript = tr
	r.Failures = slices.Clone(r.Failures)
	for i, f := range r.Failures {
		r.Failures[i] = randomIDs.ReplaceAllString(f, "ID")
	}
	return r
}

// TestMemoryStoreAgreesWithSQLite runs every suite under evals/ on the
// memory store and on SQLite and finds every case's result the same but
// for timings and random ids: the store `parley eval run` uses changes
// no verdict, transcript, event or count.
func TestMemoryStoreAgreesWithSQLite(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs every suite twice")
	}
	suites, err := evals.Load("suites", "suites-dialogue", "suites-fresh", "suites-known-failures", "testdata/extensions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		file, name string
		run        int
	}
	results := func(opts evals.Options) map[key]evals.Result {
		rep, err := evals.Run(context.Background(), suites, opts)
		if err != nil {
			t.Fatal(err)
		}
		out := map[key]evals.Result{}
		for _, r := range rep.Results {
			out[key{r.File, r.Case, r.Run}] = comparable(r)
		}
		return out
	}
	mem, lite := results(options()), results(onSQLite())
	if len(mem) != len(lite) || len(mem) < 700 {
		t.Fatalf("%d results on the memory store, %d on SQLite", len(mem), len(lite))
	}
	for k, want := range lite {
		if d := cmp.Diff(want, mem[k]); d != "" {
			t.Errorf("%s %q: memory store differs from SQLite (-sqlite +memory):\n%s", k.file, k.name, d)
		}
	}
}
