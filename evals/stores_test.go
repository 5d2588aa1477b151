package evals_test

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/evals"
)

// onSQLite is options() on in-memory SQLite stores instead of the memory
// store that `parley eval run` uses.
func onSQLite() evals.Options {
	opts := options()
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

// payLink is a payment link; its token is random in every run.
var payLink = regexp.MustCompile(`https://pay\.example\.com/p/[A-Za-z0-9_.\-]+`)

// linkAmount is the amount a grounding failure names.
var linkAmount = regexp.MustCompile(`^scorer grounding: turn (\d+): amount \D*([\d,]+\.\d\d) was not supplied`)

// comparable is r without what two runs of a case never share: timings,
// random ids, and the grounding scorer's failures on an amount it read
// inside a payment link's random token ("…7usd…" is $7.00 to it), which
// come and go from run to run on any store.
func comparable(r evals.Result) evals.Result {
	r.Latencies = nil
	if r.Plan != nil {
		p := *r.Plan
		p.ID, p.PaymentURL, p.ConversationID = "", "", ""
		r.Plan = &p
	}
	inLinks := map[string]bool{} // "turn amount" read inside a link
	for _, e := range r.Transcript {
		for _, link := range payLink.FindAllString(e.Text, -1) {
			for _, a := range evals.Amounts(link) {
				inLinks[fmt.Sprintf("%d %d.%02d", e.Turn, a/100, a%100)] = true
			}
		}
	}
	fromLink := func(f string) bool {
		m := linkAmount.FindStringSubmatch(f)
		return m != nil && inLinks[m[1]+" "+strings.ReplaceAll(m[2], ",", "")]
	}
	tr := make([]evals.Entry, len(r.Transcript))
	for i, e := range r.Transcript {
		e.Text = randomIDs.ReplaceAllString(e.Text, "ID")
		e.Failures = slices.DeleteFunc(slices.Clone(e.Failures), fromLink)
		if len(e.Failures) == 0 {
			e.Failures = nil
		}
		tr[i] = e
	}
	r.Transcript = tr
	n := len(r.Failures)
	r.Failures = slices.DeleteFunc(slices.Clone(r.Failures), fromLink)
	if dropped := n - len(r.Failures); dropped > 0 {
		r.Scored = maps.Clone(r.Scored)
		if r.Scored["grounding"] -= dropped; r.Scored["grounding"] <= 0 {
			delete(r.Scored, "grounding")
		}
		if len(r.Scored) == 0 {
			r.Scored = nil
		}
		if len(r.Failures) == 0 {
			r.Failures, r.Pass = nil, r.Err == ""
		}
	}
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

// TestComparableDropsOnlyLinkAmounts checks comparable: a grounding
// failure on an amount read inside a payment link's token goes, one on an
// amount in the words stays.
func TestComparableDropsOnlyLinkAmounts(t *testing.T) {
	t.Parallel()
	link := "https://pay.example.com/p/eyJwIjoicGxh7usdbl9.Qx8Ab"
	fail := func(amount string) string {
		return "scorer grounding: turn 2: amount " + amount + " was not supplied by the engine or the account"
	}
	r := evals.Result{Pass: false, Failures: []string{fail("$7.00")}, Scored: map[string]int{"grounding": 1},
		Transcript: []evals.Entry{{Turn: 2, Author: "agent", Text: "Pay here: " + link, Failures: []string{fail("$7.00")}}}}
	got := comparable(r)
	if !got.Pass || got.Failures != nil || got.Scored != nil || got.Transcript[0].Failures != nil {
		t.Errorf("link amount kept: %+v", got)
	}
	r.Transcript[0].Text = "You owe $9.00. Pay here: " + link
	r.Failures, r.Transcript[0].Failures = []string{fail("$9.00")}, []string{fail("$9.00")}
	got = comparable(r)
	if got.Pass || len(got.Failures) != 1 || got.Scored["grounding"] != 1 || len(got.Transcript[0].Failures) != 1 {
		t.Errorf("amount in the words dropped: %+v", got)
	}
}
