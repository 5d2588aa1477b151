package textclass

import (
	"hash/fnv"
	"slices"
)

// CrossFold returns the cross-validation fold, 0 to k-1, of a training row
// with this id: FNV-1a of the id divided by 25, modulo k. The division skips
// the parts of the hash that place the row in the test fifth (InTestFifth)
// and in the validation part (SplitValidation), so the folds cut across
// both. The rule depends only on the id: a row keeps its fold whatever rows
// are added.
func CrossFold(id string, k int) int {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int((h.Sum64() / 25) % uint64(k))
}

// OutOfFold scores every example by cross-validation: the examples are cut
// into k folds by CrossFold, a model is trained (Train, with cfg) on the
// examples of the other k-1 folds, and it scores the examples of its fold.
// Each example is so scored once, by a model that never saw it. It returns
// the scores (per example, in labels order; scores[i] belongs to
// examples[i]), each example's fold, and the k models. Like Train it is
// deterministic.
func OutOfFold(kind Kind, labels []string, examples []Example, k int, cfg TrainConfig) (scores [][]float32, fold []int, models []*Model) {
	scores = make([][]float32, len(examples))
	fold = make([]int, len(examples))
	for i, ex := range examples {
		fold[i] = CrossFold(ex.ID, k)
	}
	var buf Buffer
	for f := range k {
		var fit []Example
		for i, ex := range examples {
			if fold[i] != f {
				fit = append(fit, ex)
			}
		}
		m := Train(kind, labels, fit, cfg)
		models = append(models, m)
		for i, ex := range examples {
			if fold[i] == f {
				scores[i] = slices.Clone(m.Scores(ex.Text, &buf))
			}
		}
	}
	return scores, fold, models
}
