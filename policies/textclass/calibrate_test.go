package textclass

import (
	"fmt"
	"slices"
	"testing"
)

// TestSureThreshold checks the rule for the threshold at which a reading
// acts alone: the lowest score whose precision reaches the target, rounded
// to three decimals, never below the floor, and 1 when no score reaches
// the target.
func TestSureThreshold(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		pos, neg []float32
		p        float64
		want     float32
	}{
		{"separated, at the floor", []float32{0.99, 0.9, 0.8}, []float32{0.2, 0.6}, 0.97, sureFloor},
		{"a negative high up holds it above", []float32{0.999, 0.998, 0.9871}, []float32{0.9869, 0.3}, 0.97, 0.987},
		{"the lowest of several that reach it", []float32{0.999, 0.99, 0.985, 0.98}, []float32{0.995}, 0.75, 0.98},
		{"cut, not rounded, below 1", []float32{0.99996}, []float32{0.3}, 0.97, 0.999},
		{"three decimals already", []float32{0.983, 0.99}, []float32{0.98, 0.3}, 0.97, 0.983},
		{"none reaches it", []float32{0.4}, []float32{0.99, 0.5}, 0.97, 1},
		{"no positives", nil, []float32{0.99}, 0.97, 1},
	} {
		if got := sureThreshold(tc.pos, tc.neg, tc.p); got != tc.want {
			t.Errorf("%s: sureThreshold = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestBuildWritesSureThresholds trains a small intent model and checks
// that training gives every label a sure threshold, from the validation
// part, and that the weights file carries them.
func TestBuildWritesSureThresholds(t *testing.T) {
	t.Parallel()
	words := map[string][]string{
		"greeting": {"hello", "hi", "good morning", "hey there"},
		"opt_out":  {"stop texting", "no more messages", "unsubscribe me", "quit sending"},
		"dispute":  {"not my debt", "i never owed this", "this is wrong", "i dispute it"},
	}
	var train []Example
	for _, l := range []string{"greeting", "opt_out", "dispute"} {
		for i := range 60 {
			w := words[l][i%len(words[l])]
			train = append(train, Example{ID: fmt.Sprintf("%s-%d", l, i), Lang: "en", Text: fmt.Sprintf("%s %d", w, i), Labels: []string{l}})
		}
	}
	cfg := DefaultTrain
	cfg.Epochs = 5
	m, _ := Build(KindIntent, train, cfg, "digest")
	if !slices.ContainsFunc(IntentLabels, func(l string) bool { return m.SureThreshold(l) < 1 }) {
		t.Error("no label has a sure threshold below 1")
	}
	for _, l := range IntentLabels {
		if th := m.SureThreshold(l); th < sureFloor || th > 1 {
			t.Errorf("%s: sure threshold %v, want in [%v, 1]", l, th, float32(sureFloor))
		}
	}
	data, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(string(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range IntentLabels {
		if got, want := loaded.SureThreshold(l), m.SureThreshold(l); got != want {
			t.Errorf("%s: loaded sure threshold %v, trained %v", l, got, want)
		}
	}
	if loaded.SureThreshold("no_such_label") != 1 {
		t.Error("an unknown label has a sure threshold below 1")
	}
}
