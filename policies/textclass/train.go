package textclass

import (
	"math"
	"math/rand/v2"
)

// Example is one labelled text for training or evaluation.
type Example struct {
	ID     string
	Lang   string
	Text   string
	Labels []string // one intent, or zero or more content labels
}

// TrainConfig sets the optimiser: AdaGrad over shuffled examples with L2
// decay on the weights each example touches, for a fixed number of epochs
// in an order fixed by the seed.
type TrainConfig struct {
	Epochs int
	Rate   float64
	L2     float64
	Seed   uint64
}

// DefaultTrain is the configuration `parley train` uses.
var DefaultTrain = TrainConfig{Epochs: 25, Rate: 0.2, L2: 1e-6, Seed: 17}

// encoded is an example as training reads it: its feature indices and
// the index of each of its labels.
type encoded struct {
	feats  []uint32
	labels []int
}

func encode(examples []Example, index map[string]int) []encoded {
	out := make([]encoded, len(examples))
	var buf []byte
	for i, ex := range examples {
		buf = Fold(buf[:0], ex.Text)
		out[i].feats = features(nil, buf)
		for _, l := range ex.Labels {
			if c, ok := index[l]; ok {
				out[i].labels = append(out[i].labels, c)
			}
		}
	}
	return out
}

// Train fits a model of the given kind and labels to the examples. The
// result has thresholds of 0.5 and temperature 1 until Calibrate sets
// them. It is deterministic: the same examples, labels and configuration
// give the same weights.
func Train(kind Kind, labels []string, examples []Example, cfg TrainConfig) *Model {
	k := len(labels)
	index := make(map[string]int, k)
	for i, l := range labels {
		index[l] = i
	}
	data := encode(examples, index)
	w := make([]float32, numFeatures*k)
	g2 := make([]float32, numFeatures*k) // AdaGrad's sums of squared gradients
	bias := make([]float64, k)
	bg2 := make([]float64, k)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, uint64(k)))
	z := make([]float32, k)
	grad := make([]float32, k)
	rate := float32(cfg.Rate)
	l2 := float32(cfg.L2)
	for range cfg.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, ei := range order {
			ex := data[ei]
			if kind == KindIntent && len(ex.labels) != 1 {
				continue
			}
			norm := featureNorm(len(ex.feats))
			for c := range z {
				z[c] = 0
			}
			for _, f := range ex.feats {
				row := w[int(f)*k : int(f)*k+k]
				for c := range z {
					z[c] += row[c]
				}
			}
			for c := range z {
				z[c] = z[c]*norm + float32(bias[c])
			}
			// The gradient of the log loss with respect to each logit.
			if kind == KindIntent {
				softmax(z, 1)
				copy(grad, z)
				grad[ex.labels[0]] -= 1
			} else {
				for c := range z {
					grad[c] = sigmoid(z[c])
				}
				for _, c := range ex.labels {
					grad[c] -= 1
				}
			}
			for c := range grad {
				bg2[c] += float64(grad[c]) * float64(grad[c])
				bias[c] -= cfg.Rate * float64(grad[c]) / math.Sqrt(bg2[c]+1e-8)
			}
			for _, f := range ex.feats {
				row := w[int(f)*k : int(f)*k+k]
				acc := g2[int(f)*k : int(f)*k+k]
				for c := range row {
					g := grad[c]*norm + l2*row[c]
					acc[c] += g * g
					row[c] -= rate * g / float32(math.Sqrt(float64(acc[c]+1e-8)))
				}
			}
		}
	}
	return quantise(kind, labels, w, bias)
}

// quantise turns float weights into a Model with int8 weights, one scale
// per label.
func quantise(kind Kind, labels []string, w []float32, bias []float64) *Model {
	k := len(labels)
	m := &Model{
		kind: kind, labels: labels, index: make(map[string]int, k),
		thresholds: make([]float32, k), temperature: 1,
		scales: make([]float32, k), biases: make([]float32, k),
	}
	for c, l := range labels {
		m.index[l] = c
		m.thresholds[c] = 0.5
		m.biases[c] = float32(bias[c])
	}
	for i, v := range w {
		c := i % k
		m.scales[c] = max(m.scales[c], float32(math.Abs(float64(v))))
	}
	for c := range m.scales {
		m.scales[c] /= 127
		if m.scales[c] == 0 {
			m.scales[c] = 1
		}
	}
	q := make([]byte, len(w))
	for i, v := range w {
		x := math.Round(float64(v / m.scales[i%k]))
		q[i] = byte(int8(max(-127, min(127, x))))
	}
	m.setWeights(string(q))
	return m
}
