package textclass

import (
	"cmp"
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

// Sure thresholds: the least score at which the agent acts on an intent
// model's reading that no other reader shares (see SureThreshold). The
// score must have precision surePrecision (or the label's entry in
// surePrecisionOf) on the held-out examples, and be no less than
// sureFloor.
//
// sureFloor is there because the classifier is a linear model over
// n-grams, and on conversation text unlike its corpus it is overconfident:
// on the built-in eval suites its protective readings that no other reader
// shared were wrong at scores up to 0.92 ("I got your texts" as an opt-out,
// an angry "you people are crooks" as a dispute). Precision on held-out
// corpus rows cannot see that, so the floor is set above it.
const (
	surePrecision = 0.97
	sureFloor     = 0.95
)

// surePrecisionOf holds the labels whose sure threshold keeps another
// precision than surePrecision, with the reason; none today.
var surePrecisionOf = map[string]float64{}

// Calibrate sets the model's temperature (intents) and thresholds from
// held-out examples it was not trained on: the temperature minimises the
// log loss; a protective intent gets the lowest threshold whose precision
// on them is at least 0.9, another intent the threshold of best F1, and a
// content label the lowest threshold that flags at most a share
// maxContentFPR of the clean messages. An intent label also gets its sure
// threshold (sureThreshold).
func (m *Model) Calibrate(heldOut []Example) {
	if m.kind == KindIntent {
		m.temperature = 1
		raw := m.scoreAll(heldOut) // at temperature 1
		m.temperature = fitTemperature(m, raw)
	}
	all := m.scoreAll(heldOut)
	if m.kind == KindIntent {
		m.sure = make([]float32, len(m.labels))
	}
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
		if m.kind == KindIntent {
			m.sure[c] = sureThreshold(pos, neg, cmp.Or(surePrecisionOf[label], surePrecision))
		}
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
	if t, ok := lowestAtPrecision(pos, neg, p); ok {
		return t
	}
	return thresholdForF1(pos, neg)
}

// sureThreshold is the lowest threshold whose precision is at least p,
// cut to three decimals and no less than sureFloor; with none, 1 (the
// label never acts alone). Three decimals are what the thresholds were
// first written with, in a table beside the agent; cutting rather than
// rounding keeps a score just under 1 from becoming 1, which no reading
// would reach.
func sureThreshold(pos, neg []float32, p float64) float32 {
	t, ok := lowestAtPrecision(pos, neg, p)
	if !ok {
		return 1
	}
	return max(cut3(t), sureFloor)
}

// cut3 is the greatest float32 of three decimals (the float32 nearest
// k/1000) not above t. The float32 nearest 0.983 is 0.98299998, which
// scaling alone would cut to 0.982.
func cut3(t float32) float32 {
	k := math.Floor(float64(t) * 1000)
	if float32((k+1)/1000) <= t {
		k++
	}
	return float32(k / 1000)
}

// lowestAtPrecision is the lowest score whose precision (positives at or
// above it over all scores at or above it) is at least p, if any.
func lowestAtPrecision(pos, neg []float32, p float64) (float32, bool) {
	best, ok := float32(0), false
	for _, t := range candidates(pos, neg) {
		tp, fp := count(pos, t), count(neg, t)
		if tp > 0 && float64(tp)/float64(tp+fp) >= p {
			best, ok = t, true
		}
	}
	return best, ok
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
