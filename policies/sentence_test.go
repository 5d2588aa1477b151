package policies

import (
	"math"
	"slices"
	"testing"

	"github.com/parley-collections/parley/policies/textclass"
)

// TestSentenceThreshold: the guard flags a label of the content model when
// the best sentence of a message reaches the label's sentence threshold,
// though the whole text scores below the label's own; below the sentence
// threshold too, it does not.
func TestSentenceThreshold(t *testing.T) {
	t.Parallel()
	g, err := NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}})
	if err != nil {
		t.Fatal(err)
	}
	text := "Thanks for getting back to us yesterday. Pay today and we will wipe the rest of the balance."
	i := slices.Index(g.cls.Labels(), "false_promise")
	var buf textclass.Buffer
	whole, sent := g.cls.SentenceScores(text, &buf)
	if sent[i] <= whole[i] {
		t.Fatalf("best sentence scored %v, the whole text %v: want the sentence higher", sent[i], whole[i])
	}
	g.clsBind[i].threshold = math.Nextafter32(whole[i], 2)
	f := factsFor(verified("GB", "Europe/London", "2026-03-02T12:00:00Z"), text)
	for _, tc := range []struct {
		sentence float32
		flag     bool
	}{{sent[i], true}, {math.Nextafter32(sent[i], 2), false}} {
		g.clsBind[i].sentence = tc.sentence
		d := g.Check(Proposal{Text: text, Channel: "chat"}, f)
		if got := slices.Contains(categoriesOf(d), CatUngroundedAmount); got != tc.flag {
			t.Errorf("sentence threshold %v (best sentence %v): %s = %v, want %v (%v)", tc.sentence, sent[i], CatUngroundedAmount, got, tc.flag, d.Violations)
		}
	}
}
