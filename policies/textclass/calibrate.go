package textclass

import (
	"math"
	"slices"
)

// Calibration targets: a protective intent keeps precision at 0.9 or
// more; a content label keeps its false-positive rate on clean messages
// (most of them hard negatives) at most maxContentFPR; no threshold goes below minThreshold.
const (
	protectivePrecision = 0.9
	maxContentFPR       = 0.004
	minThreshold        = 0.15
)

// Calibrate sets the model's temperature (intents) and thresholds from
// held-out examples it was not trained on: the temperature minimises the
// log loss; a protective intent gets the lowest threshold whose precision
// on them is at least 0.9, another intent the threshold of best F1, and a
// content label the lowest threshold that flags at most a share
// maxContentFPR of the clean messages.
func (m *Model) Calibrate(heldOut []Example) {
	if m.kind == KindIntent {
		m.temperature = 1
		raw := m.scoreAll(heldOut) // at temperature 1
		m.temperature = fitTemperature(m, raw)
	}
	all := m.scoreAll(heldOut)
	protective := map[string]bool{}
	for _, l := range ProtectiveIntents {
		protective[l] = true
	}
	for c, label := range m.labels {
		var pos, neg, clean []float32
		for _, s := range all {
			switch {
			case slices.Contains(s.ex.Labels, label):
				pos = append(pos, s.scores[c])
			case len(s.ex.Labels) == 0:
				clean = append(clean, s.scores[c])
				neg = append(neg, s.scores[c])
			default:
				neg = append(neg, s.scores[c])
			}
		}
		var t float32
		switch {
		case m.kind == KindContent:
			t = thresholdForFPR(clean, maxContentFPR)
		case protective[label]:
			t = thresholdForPrecision(pos, neg, protectivePrecision)
		default:
			t = thresholdForF1(pos, neg)
		}
		m.thresholds[c] = max(t, minThreshold)
	}
}

// fitTemperature returns the softmax temperature, on a log grid, with the
// least log loss on the scored examples (scored at temperature 1).
func fitTemperature(m *Model, raw []scored) float32 {
	best, bestLoss := float32(1), math.Inf(1)
	for t := 0.3; t <= 4; t *= 1.1 {
		var loss float64
		for _, s := range raw {
			c, ok := m.index[firstOr(s.ex.Labels)]
			if !ok {
				continue
			}
			// Back to logits: log p is the logit up to a constant.
			var z, sum float64
			for i, p := range s.scores {
				l := math.Log(max(float64(p), 1e-30)) / t
				if i == c {
					z = l
				}
				sum += math.Exp(l)
			}
			loss -= z - math.Log(sum)
		}
		if loss < bestLoss {
			best, bestLoss = float32(t), loss
		}
	}
	return best
}

func firstOr(l []string) string {
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

// candidates returns the distinct scores, high to low, as thresholds.
func candidates(pos, neg []float32) []float32 {
	c := append(slices.Clone(pos), neg...)
	slices.Sort(c)
	slices.Reverse(c)
	return slices.Compact(c)
}

func count(xs []float32, t float32) int {
	n := 0
	for _, x := range xs {
		if x >= t {
			n++
		}
	}
	return n
}

// thresholdForPrecision is the lowest threshold whose precision is at
// least p (the most recall at that precision); with none, the best-F1 one.
func thresholdForPrecision(pos, neg []float32, p float64) float32 {
	best := float32(-1)
	for _, t := range candidates(pos, neg) {
		tp, fp := count(pos, t), count(neg, t)
		if tp > 0 && float64(tp)/float64(tp+fp) >= p {
			best = t
		}
	}
	if best < 0 {
		return thresholdForF1(pos, neg)
	}
	return best
}

// thresholdForF1 is the threshold of the best F1.
func thresholdForF1(pos, neg []float32) float32 {
	best, bestF1 := float32(0.5), -1.0
	for _, t := range candidates(pos, neg) {
		tp, fp := count(pos, t), count(neg, t)
		f1 := 2 * float64(tp) / float64(len(pos)+tp+fp)
		if f1 > bestF1 {
			best, bestF1 = t, f1
		}
	}
	return best
}

// thresholdForFPR is the lowest threshold that flags at most a share fpr
// of the negatives: just above the score of the negative at that rank.
func thresholdForFPR(neg []float32, fpr float64) float32 {
	if len(neg) == 0 {
		return 0.5
	}
	s := slices.Clone(neg)
	slices.Sort(s)
	slices.Reverse(s)
	allowed := int(fpr * float64(len(s)))
	return math.Nextafter32(s[allowed], 2)
}
