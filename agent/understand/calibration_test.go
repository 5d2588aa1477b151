package understand

import (
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/parley-collections/parley/policies/textclass"
)

// protectivePrecision is the precision on the validation part each
// protective label's threshold keeps in the agent, where a reading acts
// at once: surer than the model's own thresholds (0.9, for display).
var protectivePrecision = map[string]float64{}

const defaultProtectivePrecision = 0.97

// TestProtectiveThresholdsCalibration recomputes protectiveThresholds the
// way they were chosen, and fails when the table differs: a model is
// trained on the fit part of the training corpora (never the test split),
// its temperature calibrated on the validation part, and each protective
// label gets the lowest threshold whose precision on the validation part
// reaches protectivePrecision, and no less than classifierFloor. It trains a model (seconds, minutes under
// -race), so it runs only with PARLEY_CALIBRATE=1.
func TestProtectiveThresholdsCalibration(t *testing.T) {
	if os.Getenv("PARLEY_CALIBRATE") == "" {
		t.Skip("set PARLEY_CALIBRATE=1 to recompute the classifier's protective thresholds")
	}
	_, train, _, err := textclass.ReadCorpus(os.DirFS("../../policies/textclass/corpus/intents"))
	if err != nil {
		t.Fatal(err)
	}
	fit, val := textclass.SplitValidation(train)
	m := textclass.Train(textclass.KindIntent, textclass.IntentLabels, fit, textclass.DefaultTrain)
	m.Calibrate(val)
	labels := m.Labels()
	var buf textclass.Buffer
	scores := make([][]float32, len(val))
	for i, ex := range val {
		scores[i] = slices.Clone(m.Scores(ex.Text, &buf))
	}
	for _, p := range protectiveThresholds {
		c := slices.Index(labels, p.label)
		var pos, neg []float32
		for i, ex := range val {
			if slices.Contains(ex.Labels, p.label) {
				pos = append(pos, scores[i][c])
			} else {
				neg = append(neg, scores[i][c])
			}
		}
		target, ok := protectivePrecision[p.label]
		if !ok {
			target = defaultProtectivePrecision
		}
		if v := os.Getenv("PARLEY_CALIBRATE_PRECISION"); v != "" {
			target, _ = strconv.ParseFloat(v, 64)
		}
		got := max(thresholdForPrecision(pos, neg, target), classifierFloor)
		t.Logf("%-24s precision >= %.2f: threshold %.3f (table %.3f)", p.label, target, got, p.threshold)
		if d := got - p.threshold; d > 0.0005 || d < -0.0005 {
			t.Errorf("%s: threshold %.3f, table has %.3f", p.label, got, p.threshold)
		}
	}
}

// thresholdForPrecision is the lowest score whose precision (positives at
// or above it over all at or above it) reaches p, or 1 when none does.
func thresholdForPrecision(pos, neg []float32, p float64) float32 {
	cands := slices.Concat(pos, neg)
	slices.Sort(cands)
	best := float32(1)
	for i := len(cands) - 1; i >= 0; i-- {
		t := cands[i]
		tp, fp := 0, 0
		for _, x := range pos {
			if x >= t {
				tp++
			}
		}
		for _, x := range neg {
			if x >= t {
				fp++
			}
		}
		if float64(tp)/float64(tp+fp) >= p {
			best = t
		}
	}
	return best
}
