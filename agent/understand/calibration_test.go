package understand

import (
	"slices"
	"testing"

	"github.com/parley-collections/parley/policies/textclass"
)

// TestProtectiveLabelsHaveSureThresholds checks that every label the
// agent reads a protective intent from is one the embedded model knows,
// with a sure threshold that training set (at least its floor of 0.95,
// below 1 for a label its validation part could calibrate). The
// thresholds themselves are the model's: `parley train` computes them with
// the weights, and TestWeightsRetrain in policies/textclass checks that a
// retraining reproduces them.
func TestProtectiveLabelsHaveSureThresholds(t *testing.T) {
	t.Parallel()
	m := textclass.Intents()
	for _, p := range protectiveLabels {
		if !slices.Contains(m.Labels(), p.label) {
			t.Errorf("%s: not a label of the intent model", p.label)
			continue
		}
		if th := m.SureThreshold(p.label); th < 0.95 || th >= 1 {
			t.Errorf("%s: sure threshold %v, want in [0.95, 1)", p.label, th)
		}
	}
}
