package policies

import (
	"slices"
	"testing"

	"github.com/parley-collections/parley/policies/textclass"
)

// nearestLabel returns the content label whose score on text comes closest
// to its threshold from below, and how far below it is.
func nearestLabel(t *testing.T, g *Guard, text string) (category string, gap float32) {
	t.Helper()
	var buf textclass.Buffer
	scores := g.cls.Scores(text, &buf)
	gap = 2
	for i, sc := range scores {
		b := g.clsBind[i]
		if b.family < 0 || sc >= b.threshold {
			continue
		}
		if d := b.threshold - sc; d < gap {
			gap, category = d, g.lx.families[b.family].category
		}
	}
	if category == "" {
		t.Fatalf("%q: no label below its threshold", text)
	}
	return category, gap
}

// TestUncertainBand: with a band set, a message the guard sends lists the
// categories whose content-model score fell within the band below the
// threshold, for a caller's second reading; without one, or for a message
// it blocks, none is listed; the band never changes the decision.
func TestUncertainBand(t *testing.T) {
	t.Parallel()
	f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
	clean := Proposal{Text: "If things are hard at the moment, we can talk about a plan that suits you. Reply when it's convenient.", Channel: "chat"}
	cat, gap := nearestLabel(t, Default(), clean.Text)
	base := Default().Check(clean, f)
	if !base.Sendable() || len(base.Uncertain) != 0 {
		t.Fatalf("without a band: %+v, want sendable with nothing uncertain", base)
	}
	wide, err := NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}, UncertainBand: gap + 0.01})
	if err != nil {
		t.Fatal(err)
	}
	d := wide.Check(clean, f)
	if d.Action != base.Action || d.Text != base.Text || !slices.Contains(d.Uncertain, cat) {
		t.Errorf("band %.3f: %+v, want %s as without a band and %s uncertain", gap+0.01, d, base.Action, cat)
	}
	if len(d.Uncertain) != len(slices.Compact(slices.Clone(d.Uncertain))) {
		t.Errorf("a category listed twice: %v", d.Uncertain)
	}
	narrow, err := NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}, UncertainBand: gap - 0.005})
	if err != nil {
		t.Fatal(err)
	}
	if d := narrow.Check(clean, f); slices.Contains(d.Uncertain, cat) {
		t.Errorf("band %.3f below the gap %.3f: %s listed as uncertain", gap-0.005, gap, cat)
	}
	all, err := NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}, UncertainBand: 1})
	if err != nil {
		t.Fatal(err)
	}
	threat := Proposal{Text: "Pay today or we will have you arrested.", Channel: "chat"}
	if d := all.Check(threat, f); d.Sendable() || len(d.Uncertain) != 0 {
		t.Errorf("a blocked message: %+v, want blocked with nothing uncertain", d)
	}
	if _, err := NewGuard(Options{UncertainBand: -0.1}); err == nil {
		t.Error("a negative band was accepted")
	}
}

// TestUncertainBandAllowPathAllocatesNothing: a band that lists nothing
// leaves the allow path without allocations.
// Not parallel: testing.AllocsPerRun refuses to run beside other tests.
func TestUncertainBandAllowPathAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector")
	}
	g, err := NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}, UncertainBand: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	p, f := allowedMessage, allowedFacts
	if d := g.Check(p, f); d.Action != Allow || len(d.Uncertain) != 0 {
		t.Fatalf("the benchmark's allowed message: %+v, want allowed with nothing uncertain at 0.01", d)
	}
	if n := testing.AllocsPerRun(50, func() { g.Check(p, f) }); n != 0 {
		t.Errorf("%v allocations a check, want 0", n)
	}
}
