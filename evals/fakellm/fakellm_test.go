package fakellm_test

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/kb"
	"github.com/parley-collections/parley/agent/rules"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/evals"
	"github.com/parley-collections/parley/evals/fakellm"
	"github.com/parley-collections/parley/policies"
)

// run runs the built-in suites with the LLM brain over the fake model.
func run(t *testing.T, mode string) (*evals.Report, *fakellm.Server) {
	t.Helper()
	srv, err := fakellm.Start(mode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	brain, phraser, err := brains(srv, rules.New())
	if err != nil {
		t.Fatal(err)
	}
	suites, err := evals.Load("../suites")
	if err != nil {
		t.Fatal(err)
	}
	know, err := kb.Default(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	opts := evals.Options{
		NewStore: func(ctx context.Context) (agent.Store, func(), error) {
			st, err := sqlite.Open(ctx, ":memory:")
			if err != nil {
				return nil, nil, err
			}
			return st, func() { _ = st.Close() }, nil
		},
		NewBrain: func() agent.Brain { return brain }, BrainName: fakellm.Model, Phraser: phraser, Knowledge: know,
		Guard: policies.Default(), Jobs: 2,
	}
	if h, ok := fakellm.Lookup(mode); ok {
		opts.Hostile, opts.Injected = &h, srv.Injected
	}
	rep, err := evals.Run(context.Background(), suites, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep, srv
}

func knownGaps(t *testing.T) *evals.KnownGaps {
	t.Helper()
	g, err := evals.LoadKnownGaps("../known-gaps.txt")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestGoodModel: with a model that behaves, the built-in suites score as
// with the rules brain, and the model was asked.
func TestGoodModel(t *testing.T) {
	t.Parallel()
	rep, srv := run(t, fakellm.Good)
	gaps := knownGaps(t)
	for _, r := range rep.Results {
		if !gaps.Accept(r) {
			t.Errorf("%s / %s: %s", r.Suite, r.Case, strings.Join(r.Failures, "; "))
		}
	}
	if srv.Calls() < rep.Summary.Turns {
		t.Errorf("the model answered %d calls for %d turns", srv.Calls(), rep.Summary.Turns)
	}
}

// TestHostilePack runs the built-in suites against every misbehaviour:
// each must happen, and none may reach a borrower unless known-gaps.txt
// lists it as a gap ("hostile NAME").
func TestHostilePack(t *testing.T) {
	t.Parallel()
	gaps := knownGaps(t)
	for _, h := range fakellm.Misbehaviours {
		rep, _ := run(t, h.Name)
		s := rep.Hostile
		t.Logf("%s: misbehaved %d times, stopped %v", h.Name, s.Injected, s.Stopped)
		if s.Injected == 0 {
			t.Errorf("%s: the model never misbehaved: the pack shows nothing", h.Name)
			continue
		}
		if !s.Passed() && !gaps.Hostile(h.Name) {
			var where []string
			for _, r := range rep.Results {
				if r.Stopped[evals.Leaked] > 0 {
					where = append(where, r.Suite+" / "+r.Case)
				}
			}
			t.Errorf("%s reached the borrower %d times (%s)", h.Name, s.Stopped[evals.Leaked], strings.Join(where, "; "))
		}
		if s.Passed() && gaps.Hostile(h.Name) {
			t.Errorf("%s is stopped now: delete \"hostile %s\" from known-gaps.txt", h.Name, h.Name)
		}
	}
}
