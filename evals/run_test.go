package evals_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/memory"
	"github.com/parley-collections/parley/agent/rules"
	"github.com/parley-collections/parley/agent/understand"
	"github.com/parley-collections/parley/evals"
	"github.com/parley-collections/parley/policies"
)

// options runs cases on memory stores with the rules brain and the
// classifier, as `parley eval run` does (onSQLite is the same on SQLite).
func options() evals.Options {
	return evals.Options{
		NewStore: func(context.Context) (agent.Store, func(), error) {
			st := memory.New()
			return st, func() { _ = st.Close() }, nil
		},
		CasesPerStore: 1,
		NewBrain:      func() agent.Brain { return understand.New(rules.New(), nil) },
		BrainName:     "rules",
		Guard:         policies.Default(),
		Jobs:          2,
	}
}

func knownGaps(t *testing.T) *evals.KnownGaps {
	t.Helper()
	g, err := evals.LoadKnownGaps("known-gaps.txt")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

var update = flag.Bool("update", false, "rewrite the golden transcripts")

// TestBuiltinSuites runs every built-in suite with the rules brain: CI gates
// on them.
func TestBuiltinSuites(t *testing.T) {
	t.Parallel()
	suites, err := evals.Load("suites")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := evals.Run(context.Background(), suites, options())
	if err != nil {
		t.Fatal(err)
	}
	gaps := knownGaps(t)
	for _, r := range rep.Results {
		if !gaps.Accept(r) {
			t.Errorf("%s / %s (%s:%d): %s", r.Suite, r.Case, r.File, r.Line, strings.Join(r.Failures, "; "))
		}
	}
	for _, g := range gaps.Unseen("scorer ") {
		t.Errorf("known gap no longer happens, delete it from known-gaps.txt: %s", g)
	}
	t.Logf("%d cases, pass rate %.3f, violation rate %.4f, resolution rate %.3f, p50 %s, p95 %s",
		rep.Summary.Runs, rep.Summary.PassRate, rep.Summary.ViolationRate, rep.Summary.ResolutionRate,
		rep.Summary.LatencyP50, rep.Summary.LatencyP95)
}

// TestTranscriptsAreDeterministic runs the suites twice and compares every
// transcript with the other run and with the golden files.
func TestTranscriptsAreDeterministic(t *testing.T) {
	t.Parallel()
	suites, err := evals.Load("suites")
	if err != nil {
		t.Fatal(err)
	}
	render := func() map[string]string {
		rep, err := evals.Run(context.Background(), suites, options())
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, r := range rep.Results {
			var b strings.Builder
			for _, e := range r.Transcript {
				fmt.Fprintf(&b, "%s", e.Author)
				if e.Decision != "" {
					fmt.Fprintf(&b, " [%s]", e.Decision)
				}
				if len(e.Events) > 0 {
					fmt.Fprintf(&b, " %s", strings.Join(e.Events, ","))
				}
				fmt.Fprintf(&b, ": %s\n", stablePayLinks(e.Text))
			}
			out[r.Suite+"/"+r.Case] = b.String()
		}
		return out
	}
	a, b := render(), render()
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var all strings.Builder
	for _, k := range keys {
		if a[k] != b[k] {
			t.Errorf("%s differs between runs:\n%s\n---\n%s", k, a[k], b[k])
		}
		fmt.Fprintf(&all, "=== %s\n%s\n", k, a[k])
	}
	golden := filepath.Join("testdata", "transcripts.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(all.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), all.String()); diff != "" {
		t.Errorf("transcripts differ from %s (-want +got):\n%s", golden, diff)
	}
}

// payLinkRe matches a payment link's signed token, which carries its expiry.
var payLinkRe = regexp.MustCompile(`/p/[A-Za-z0-9_.-]+`)

func stablePayLinks(s string) string { return payLinkRe.ReplaceAllString(s, "/p/TOKEN") }
