package textclass

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPackLaysOutEveryWeight: the packed rows hold each weight +128 as a
// byte, eight to a word, the rest of a row's last word zero, for every
// number of labels a model can have, as the weight-by-weight layout did.
func TestPackLaysOutEveryWeight(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, k := range []int{1, 2, 7, 8, 9, 15, 16, 17, 23, 40, 63, 64} {
		w := make([]byte, numFeatures*k)
		for i := range w {
			w[i] = byte(rng.UintN(256))
		}
		m := &Model{labels: make([]string, k), weights: string(w)}
		m.pack()
		words := (k + 7) / 8
		want := make([]uint64, numFeatures*words)
		for f := range numFeatures {
			for c := range k {
				b := uint64(byte(int8(m.weights[f*k+c]) ^ -128))
				want[f*words+c/8] |= b << (8 * (c % 8))
			}
		}
		if m.words != words || !slices.Equal(m.packed, want) {
			t.Errorf("%d labels: packed rows differ from the weights", k)
		}
	}
}
